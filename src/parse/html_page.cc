// Main-text extraction from HTML pages: keeps <article>/<main> content and
// drops navigation, headers, footers and other boilerplate.
#include <array>
#include <cctype>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "feed_parsers.h"
#include "html_text.h"
#include "text_builder.h"
#include "xml_util.h"

namespace vigil::parse_internal {
namespace {

bool IsElement(const xmlNode* n, const char* name) {
  return n != nullptr && n->type == XML_ELEMENT_NODE && LocalName(n) == name;
}

// Elements that are never article text on a web page.
bool IsBoilerplateElement(const std::string& name) {
  static const std::array<const char*, 14> kNames = {
      "nav",   "header", "footer", "aside",  "form", "iframe", "svg",
      "button", "select", "menu",  "dialog", "object", "embed", "canvas"};
  for (const char* n : kNames) {
    if (name == n) return true;
  }
  return false;
}

// class/id values with a boilerplate word as a whole token ("site-nav",
// "cookie_banner", "comments", "share-bar"). Whole tokens only:
// "commentary" or "shareholders" are article text.
bool HasBoilerplateWord(std::string_view value) {
  static const std::array<const char*, 26> kWords = {
      "nav",        "navbar",      "navigation", "menu",       "menus",       "footer",
      "sidebar",    "cookie",      "cookies",    "share",      "sharing",     "social",
      "comment",    "comments",    "related",    "subscribe",  "advert",      "adverts",
      "advertisement", "newsletter", "breadcrumb", "breadcrumbs", "popup",     "popups",
      "ad",         "ads"};
  std::string v = AsciiLowerCopy(value);
  size_t i = 0;
  while (i < v.size()) {
    while (i < v.size() && !std::isalnum(static_cast<unsigned char>(v[i]))) ++i;
    size_t start = i;
    while (i < v.size() && std::isalnum(static_cast<unsigned char>(v[i]))) ++i;
    std::string_view word(v.data() + start, i - start);
    for (const char* w : kWords) {
      if (word == w) return true;
    }
  }
  return false;
}

bool HasBoilerplateRole(const xmlNode* n) {
  std::string role = AsciiLowerCopy(Attr(n, "role"));
  return role == "navigation" || role == "banner" || role == "contentinfo" ||
         role == "complementary" || role == "search" || role == "menu" || role == "dialog";
}

// Answers "is this node inside an <article>?" for one text walk, remembering
// every ancestor it visits, so a page of nested headers costs linear time.
class ArticleAncestry {
 public:
  bool Inside(const xmlNode* n) {
    std::vector<const xmlNode*> path;
    bool inside = false;
    for (const xmlNode* p = n->parent; p != nullptr; p = p->parent) {
      auto known = inside_.find(p);
      if (known != inside_.end()) {
        inside = known->second;
        break;
      }
      if (IsElement(p, "article")) {
        inside = true;
        inside_.emplace(p, true);
        break;
      }
      path.push_back(p);
    }
    // Nodes between `n` and the answer share it (an article ancestor or none).
    for (const xmlNode* p : path) inside_.emplace(p, inside);
    return inside;
  }

 private:
  // Per node: true if the node is, or lies inside, an <article>.
  std::unordered_map<const xmlNode*, bool> inside_;
};

bool IsBoilerplate(const xmlNode* n, ArticleAncestry* ancestry) {
  std::string name = LocalName(n);
  // An article's own <header> carries its headline and byline.
  if (name == "header" && ancestry->Inside(n)) return false;
  if (IsBoilerplateElement(name) || HasBoilerplateRole(n)) return true;
  if (HasAttr(n, "hidden") || AsciiLowerCopy(Attr(n, "aria-hidden")) == "true") return true;
  return HasBoilerplateWord(Attr(n, "class")) || HasBoilerplateWord(Attr(n, "id"));
}

// Elements under `root` matching `pred`, in document order (iterative
// pre-order walk; at most `limit`).
// With `outermost`, matches are not searched for further matches.
template <typename Pred>
std::vector<const xmlNode*> FindAll(const xmlNode* root, Pred pred, size_t limit = SIZE_MAX,
                                    bool outermost = false) {
  std::vector<const xmlNode*> found;
  const xmlNode* cur = root->children;
  while (cur != nullptr && found.size() < limit) {
    bool match = cur->type == XML_ELEMENT_NODE && pred(cur);
    if (match) found.push_back(cur);
    if (cur->type == XML_ELEMENT_NODE && cur->children != nullptr && !(match && outermost)) {
      cur = cur->children;
      continue;
    }
    while (cur != nullptr && cur->next == nullptr) {
      cur = cur->parent;
      if (cur == root) cur = nullptr;
    }
    if (cur != nullptr) cur = cur->next;
  }
  return found;
}

template <typename Pred>
const xmlNode* FindFirst(const xmlNode* root, Pred pred) {
  std::vector<const xmlNode*> found = FindAll(root, pred, 1);
  return found.empty() ? nullptr : found[0];
}

std::string MetaContent(const xmlNode* root, const char* property) {
  const xmlNode* meta = FindFirst(root, [&](const xmlNode* n) {
    return LocalName(n) == "meta" && (AsciiLowerCopy(Attr(n, "property")) == property ||
                                      AsciiLowerCopy(Attr(n, "name")) == property);
  });
  return meta == nullptr ? std::string() : CollapseToLine(Attr(meta, "content"));
}

std::string ElementLine(const xmlNode* n) {
  if (n == nullptr) return {};
  TextBuilder b;
  AppendMarkupText(n, &b);
  return CollapseToLine(b.text());
}

std::string Text(const xmlNode* n) {
  TextBuilder b;
  ArticleAncestry ancestry;
  AppendMarkupText(n, &b, [&](const xmlNode* e) { return IsBoilerplate(e, &ancestry); });
  return b.text();
}

// The article text: the longest <article>, else <main>/role=main, else body.
// Only outermost articles are candidates: a nested one's text is part of
// its parent's, and extracting each of N nested ones would cost O(N^2).
std::string MainText(const xmlNode* root) {
  std::string best;
  for (const xmlNode* a : FindAll(
           root, [](const xmlNode* n) { return IsElement(n, "article"); }, SIZE_MAX,
           /*outermost=*/true)) {
    std::string t = Text(a);
    if (t.size() > best.size()) best = std::move(t);
  }
  if (best.size() >= 200) return best;
  const xmlNode* main = FindFirst(root, [](const xmlNode* n) {
    return IsElement(n, "main") || AsciiLowerCopy(Attr(n, "role")) == "main";
  });
  if (main != nullptr) {
    std::string t = Text(main);
    if (t.size() > best.size()) best = std::move(t);
  }
  if (best.size() >= 200) return best;
  const xmlNode* body = FindFirst(root, [](const xmlNode* n) { return IsElement(n, "body"); });
  std::string t = Text(body != nullptr ? body : root);
  return t.size() > best.size() ? t : best;
}

}  // namespace

Status ParseHtmlPage(std::string_view utf8, const std::string& url, ParsedDocument* doc) {
  doc->kind = DocumentKind::kHtml;
  DocPtr html = ParseHtml(utf8, url);
  if (!html) return Status::Ok();  // empty page: no item
  const xmlNode* root = reinterpret_cast<const xmlNode*>(html.get());
  Item item;
  item.title = ElementLine(FindFirst(root, [](const xmlNode* n) { return IsElement(n, "title"); }));
  if (item.title.empty()) item.title = MetaContent(root, "og:title");
  if (item.title.empty()) {
    item.title = ElementLine(FindFirst(root, [](const xmlNode* n) { return IsElement(n, "h1"); }));
  }
  item.link = url;
  const xmlNode* canonical = FindFirst(root, [](const xmlNode* n) {
    return IsElement(n, "link") && AsciiLowerCopy(TrimWhitespace(Attr(n, "rel"))) == "canonical";
  });
  if (canonical != nullptr && !TrimWhitespace(Attr(canonical, "href")).empty()) {
    // libxml2 resolves HTML only against <base>, so apply the page URL here.
    std::string base = url;
    const xmlNode* base_el = FindFirst(root, [](const xmlNode* n) { return IsElement(n, "base"); });
    if (base_el != nullptr && !Attr(base_el, "href").empty()) {
      base = ResolveAgainst(url, Attr(base_el, "href"));
    }
    item.link = ResolveAgainst(base, Attr(canonical, "href"));
  }
  item.text = MainText(root);
  doc->title = item.title;
  doc->items.push_back(std::move(item));
  return Status::Ok();
}

}  // namespace vigil::parse_internal
