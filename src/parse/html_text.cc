#include "html_text.h"

#include <libxml/HTMLparser.h>

#include <array>
#include <climits>

namespace vigil::parse_internal {
namespace {

enum class Flow { kInline, kCell, kLine, kParagraph };

Flow FlowOf(const std::string& name) {
  static const std::array<const char*, 25> kParagraph = {
      "p",     "h1",     "h2",      "h3",   "h4",      "h5",     "h6",
      "ul",    "ol",     "dl",      "pre",  "table",   "figure", "blockquote",
      "hr",    "section", "article", "main", "header", "footer", "aside",
      "nav",   "address", "form",   "center"};
  static const std::array<const char*, 11> kLine = {
      "br", "li", "dt", "dd", "tr", "div", "figcaption", "summary", "caption",
      "option", "details"};
  for (const char* n : kParagraph) {
    if (name == n) return Flow::kParagraph;
  }
  for (const char* n : kLine) {
    if (name == n) return Flow::kLine;
  }
  if (name == "td" || name == "th") return Flow::kCell;
  return Flow::kInline;
}

bool AlwaysSkipped(const std::string& name) {
  return name == "script" || name == "style" || name == "template" || name == "head" ||
         name == "noscript";
}

void Boundary(Flow flow, TextBuilder* out) {
  switch (flow) {
    case Flow::kParagraph: out->ParagraphBreak(); break;
    case Flow::kLine: out->LineBreak(); break;
    case Flow::kCell: out->AddSpace(); break;
    case Flow::kInline: break;
  }
}

}  // namespace

void AppendMarkupText(const xmlNode* root, TextBuilder* out, const SkipPredicate& skip) {
  if (root == nullptr) return;
  int pre_depth = 0;
  auto leave = [&](const xmlNode* n) {
    std::string name = LocalName(n);
    if (name == "pre") --pre_depth;
    Boundary(FlowOf(name), out);
  };
  const xmlNode* cur = root->children;
  while (cur != nullptr) {
    bool descend = false;
    switch (cur->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        if (cur->content != nullptr) {
          out->AddText(reinterpret_cast<const char*>(cur->content), pre_depth > 0);
        }
        break;
      case XML_ENTITY_REF_NODE:
        out->AddText(RawText(cur), pre_depth > 0);
        break;
      case XML_ELEMENT_NODE: {
        std::string name = LocalName(cur);
        if (AlwaysSkipped(name) || (skip && skip(cur))) break;
        Boundary(FlowOf(name), out);
        if (name == "pre") ++pre_depth;
        if (cur->children != nullptr) {
          descend = true;
        } else {
          leave(cur);
        }
        break;
      }
      default:
        break;
    }
    if (descend) {
      cur = cur->children;
      continue;
    }
    while (cur != nullptr && cur->next == nullptr) {
      cur = cur->parent;
      if (cur == root || cur == nullptr) {
        cur = nullptr;
        break;
      }
      leave(cur);
    }
    if (cur != nullptr) cur = cur->next;
  }
}

DocPtr ParseHtml(std::string_view utf8_html, const std::string& url) {
  if (utf8_html.empty() || utf8_html.size() > static_cast<size_t>(INT_MAX)) return nullptr;
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
  return DocPtr(htmlReadMemory(utf8_html.data(), static_cast<int>(utf8_html.size()),
                               url.empty() ? nullptr : url.c_str(), "UTF-8", options));
}

std::string HtmlFragmentToText(std::string_view utf8_html) {
  TextBuilder out;
  if (utf8_html.find_first_of("<&") == std::string_view::npos) {
    out.AddText(utf8_html);
    return out.text();
  }
  DocPtr doc = ParseHtml(utf8_html, "");
  if (!doc) return {};
  AppendMarkupText(reinterpret_cast<const xmlNode*>(doc.get()), &out);
  return out.text();
}

}  // namespace vigil::parse_internal
