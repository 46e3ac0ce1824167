// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom extraction over a libxml2 tree.
#include <libxml/parser.h>

#include <climits>
#include <memory>

#include "feed_parsers.h"
#include "charset.h"
#include "html_text.h"
#include "text_builder.h"
#include "xml_prepare.h"
#include "xml_util.h"

namespace vigil::parse_internal {
namespace {

// Which namespaces an element name may come from.
enum class Ns { kRss, kCore, kAtom, kDc, kDcTerms, kContent, kAny };

bool InNamespace(const xmlNode* node, Ns ns) {
  std::string_view uri = NamespaceUri(node);
  switch (ns) {
    case Ns::kRss:  // RSS 0.9x/2.0 have none; RSS 1.0 and 0.90 their own
      return uri.empty() || uri == "http://purl.org/rss/1.0/" ||
             uri == "http://my.netscape.com/rdf/simple/0.9/" ||
             uri == "http://backend.userland.com/rss2" ||
             uri == "http://backend.userland.com/rss";
    case Ns::kCore: {  // Atom elements; some feeds forget or invent the namespace
      if (uri.empty() || uri == "http://www.w3.org/2005/Atom" ||
          uri == "http://purl.org/atom/ns#") {
        return true;
      }
      const xmlNode* root = xmlDocGetRootElement(node->doc);
      return root != nullptr && NamespaceUri(root) == uri;
    }
    case Ns::kAny:
      return true;
    case Ns::kAtom:
      return uri == "http://www.w3.org/2005/Atom" || uri == "http://purl.org/atom/ns#";
    case Ns::kDc:
      return uri == "http://purl.org/dc/elements/1.1/";
    case Ns::kDcTerms:
      return uri == "http://purl.org/dc/terms/";
    case Ns::kContent:
      return uri == "http://purl.org/rss/1.0/modules/content/";
  }
  return false;
}

const xmlNode* Child(const xmlNode* parent, const char* local, Ns ns) {
  if (parent == nullptr) return nullptr;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && LocalName(c) == local && InNamespace(c, ns)) return c;
  }
  return nullptr;
}

bool HasElementChildren(const xmlNode* node) {
  for (const xmlNode* c = node->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE) return true;
  }
  return false;
}

bool LooksLikeMarkup(std::string_view s) {
  for (size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1)) {
    if (i + 1 < s.size() && (std::isalpha(static_cast<unsigned char>(s[i + 1])) ||
                             s[i + 1] == '/' || s[i + 1] == '!')) {
      return true;
    }
  }
  return s.find('&') != std::string_view::npos && s.find(';') != std::string_view::npos;
}

std::string DecodeBase64(std::string_view in) {
  std::string out;
  int val = 0, bits = -8;
  for (char c : in) {
    int d;
    if (c >= 'A' && c <= 'Z') d = c - 'A';
    else if (c >= 'a' && c <= 'z') d = c - 'a' + 26;
    else if (c >= '0' && c <= '9') d = c - '0' + 52;
    else if (c == '+') d = 62;
    else if (c == '/') d = 63;
    else continue;
    val = (val << 6) + d;
    bits += 6;
    if (bits >= 0) {
      out.push_back(static_cast<char>((val >> bits) & 0xFF));
      bits -= 8;
    }
  }
  return out;
}

enum class TextKind { kPlain, kHtml, kXhtml };

// Interprets Atom's type= (and Atom 0.3's mode=) attributes.
TextKind AtomTextKind(const xmlNode* el, bool* base64) {
  std::string type = AsciiLowerCopy(Attr(el, "type"));
  std::string mode = AsciiLowerCopy(Attr(el, "mode"));
  // Atom 1.0 (RFC 4287 3.1.1.3): other MIME types carry base64 data.
  bool binary_type = type.find('/') != std::string::npos && type.rfind("text/", 0) != 0 &&
                     type.find("xml") == std::string::npos;
  *base64 = mode == "base64" || binary_type;
  if (type == "html" || type == "text/html" || mode == "escaped") return TextKind::kHtml;
  if (type == "xhtml" || type == "application/xhtml+xml") return TextKind::kXhtml;
  return TextKind::kPlain;
}

// Plain text of a text-bearing element; markup stripped per `kind`.
std::string ElementText(const xmlNode* el, TextKind kind, bool base64 = false) {
  if (el == nullptr) return {};
  if (HasElementChildren(el)) {  // xhtml or naked markup in RSS
    TextBuilder b;
    AppendMarkupText(el, &b);
    return b.text();
  }
  std::string raw = RawText(el);
  if (base64) {
    // Text that does not decode to UTF-8 was not base64 after all.
    std::string decoded = DecodeBase64(raw);
    if (IsValidUtf8(decoded)) raw = std::move(decoded);
    if (kind == TextKind::kPlain && LooksLikeMarkup(raw)) kind = TextKind::kHtml;
  }
  if (kind == TextKind::kPlain) {
    TextBuilder b;
    b.AddText(raw);
    return b.text();
  }
  return HtmlFragmentToText(raw);
}

// Titles are often HTML-escaped even where the format says plain text.
std::string TitleText(const xmlNode* el, TextKind kind) {
  if (el == nullptr) return {};
  if (kind == TextKind::kPlain && !HasElementChildren(el)) {
    std::string raw = RawText(el);
    if (!LooksLikeMarkup(raw)) return CollapseToLine(raw);
    kind = TextKind::kHtml;
  }
  return CollapseToLine(ElementText(el, kind));
}

// Atom declares its text type, so unlike RSS titles no markup is guessed.
std::string AtomTitle(const xmlNode* el) {
  bool base64 = false;
  if (el == nullptr) return {};
  TextKind kind = AtomTextKind(el, &base64);
  return CollapseToLine(ElementText(el, kind, base64));
}

std::string AtomBody(const xmlNode* el) {
  if (el == nullptr) return {};
  bool base64 = false;
  TextKind kind = AtomTextKind(el, &base64);
  return ElementText(el, kind, base64);
}

std::optional<int64_t> FirstDate(const xmlNode* parent,
                                 std::initializer_list<std::pair<const char*, Ns>> names) {
  for (const auto& [name, ns] : names) {
    if (const xmlNode* el = Child(parent, name, ns)) {
      if (auto t = ParseFeedDate(RawText(el))) return t;
    }
  }
  return std::nullopt;
}

const std::string& Longer(const std::string& a, const std::string& b) {
  return b.size() > a.size() ? b : a;
}

// Atom: rel="alternate" (the default) preferring text/html, else any link.
std::string AtomLink(const xmlNode* parent, Ns ns) {
  const xmlNode* best = nullptr;
  int best_rank = 0;
  for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || LocalName(c) != "link" || !InNamespace(c, ns)) continue;
    if (Attr(c, "href").empty()) continue;
    std::string rel = AsciiLowerCopy(TrimWhitespace(Attr(c, "rel")));
    std::string type = AsciiLowerCopy(Attr(c, "type"));
    int rank = 1;
    if (rel.empty() || rel == "alternate") rank = type.empty() || type == "text/html" ? 4 : 3;
    if (rank > best_rank) {
      best = c;
      best_rank = rank;
    }
  }
  return best == nullptr ? std::string() : ResolveLink(best, Attr(best, "href"));
}

Item RssItem(const xmlNode* el) {
  Item item;
  item.title = TitleText(Child(el, "title", Ns::kRss), TextKind::kPlain);
  if (item.title.empty()) item.title = TitleText(Child(el, "title", Ns::kDc), TextKind::kPlain);
  const xmlNode* guid = Child(el, "guid", Ns::kRss);
  if (guid != nullptr) item.guid = std::string(TrimWhitespace(RawText(guid)));
  if (item.guid.empty()) item.guid = std::string(TrimWhitespace(Attr(el, "about")));
  if (const xmlNode* link = Child(el, "link", Ns::kRss)) {
    std::string href = Attr(link, "href");  // atom:link or a link with href
    item.link = ResolveLink(link, href.empty() ? RawText(link) : href);
  }
  if (item.link.empty()) item.link = AtomLink(el, Ns::kAtom);
  if (item.link.empty() && guid != nullptr && AsciiLowerCopy(Attr(guid, "isPermaLink")) != "false" &&
      item.guid.rfind("http", 0) == 0) {
    item.link = ResolveLink(guid, item.guid);
  }
  std::string summary = ElementText(Child(el, "description", Ns::kRss), TextKind::kHtml);
  if (summary.empty()) summary = ElementText(Child(el, "description", Ns::kDc), TextKind::kHtml);
  std::string content = ElementText(Child(el, "encoded", Ns::kContent), TextKind::kHtml);
  if (content.empty()) content = AtomBody(Child(el, "content", Ns::kAtom));
  // Old feeds carry full content in <body> (XHTML) or <fullitem>.
  if (content.empty()) content = ElementText(Child(el, "body", Ns::kAny), TextKind::kHtml);
  if (content.empty()) content = ElementText(Child(el, "fullitem", Ns::kAny), TextKind::kHtml);
  item.text = Longer(summary, content);
  item.published_unix_ms = FirstDate(el, {{"pubdate", Ns::kRss},
                                          {"date", Ns::kDc},
                                          {"issued", Ns::kDcTerms},
                                          {"created", Ns::kDcTerms},
                                          {"published", Ns::kAtom},
                                          {"updated", Ns::kAtom},
                                          {"modified", Ns::kDcTerms}});
  return item;
}

Item AtomEntry(const xmlNode* el) {
  Item item;
  item.title = AtomTitle(Child(el, "title", Ns::kCore));
  const xmlNode* id = Child(el, "id", Ns::kCore);
  item.guid = std::string(TrimWhitespace(RawText(id)));
  // Ids should be absolute IRIs; relative ones resolve like links.
  if (!item.guid.empty() && item.guid.find(':') == std::string::npos) {
    item.guid = ResolveLink(id, item.guid);
  }
  item.link = AtomLink(el, Ns::kCore);
  std::string summary = AtomBody(Child(el, "summary", Ns::kCore));
  std::string content = AtomBody(Child(el, "content", Ns::kCore));
  item.text = Longer(summary, content);
  item.published_unix_ms = FirstDate(el, {{"published", Ns::kCore},
                                          {"issued", Ns::kCore},
                                          {"updated", Ns::kCore},
                                          {"modified", Ns::kCore},
                                          {"created", Ns::kCore},
                                          {"date", Ns::kDc}});
  return item;
}

void CollectRss(const xmlNode* root, ParsedDocument* doc) {
  const xmlNode* channel = Child(root, "channel", Ns::kRss);
  doc->title = TitleText(Child(channel, "title", Ns::kRss), TextKind::kPlain);
  if (doc->title.empty()) doc->title = TitleText(Child(channel, "title", Ns::kDc), TextKind::kPlain);
  // Items live in <channel> for RSS 0.9x/2.0 and beside it for RDF.
  for (const xmlNode* parent : {channel, root}) {
    if (parent == nullptr) continue;
    for (const xmlNode* c = parent->children; c != nullptr; c = c->next) {
      if (c->type == XML_ELEMENT_NODE && LocalName(c) == "item" && InNamespace(c, Ns::kRss)) {
        doc->items.push_back(RssItem(c));
      }
    }
  }
}

void CollectAtom(const xmlNode* root, ParsedDocument* doc) {
  doc->title = AtomTitle(Child(root, "title", Ns::kCore));
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (c->type == XML_ELEMENT_NODE && LocalName(c) == "entry" && InNamespace(c, Ns::kCore)) {
      doc->items.push_back(AtomEntry(c));
    }
  }
}

struct ParserCtxtFree {
  void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

std::string LastErrorText(xmlParserCtxt* ctxt) {
  const xmlError* err = xmlCtxtGetLastError(ctxt);
  if (err == nullptr || err->message == nullptr) return "no document element";
  std::string msg(TrimWhitespace(err->message));
  return "XML parse error at line " + std::to_string(err->line) + ": " + msg;
}

}  // namespace

Status ParseXmlFeed(std::string_view utf8, const std::string& url, ParsedDocument* doc) {
  bool repaired = false;
  std::string text = PrepareXml(utf8, &repaired);
  if (repaired) doc->warnings.push_back("repaired entities or control characters");
  if (text.size() > static_cast<size_t>(INT_MAX)) return Status::Error("malformed feed: too large");
  std::unique_ptr<xmlParserCtxt, ParserCtxtFree> ctxt(xmlNewParserCtxt());
  if (!ctxt) return Status::Error("malformed feed: out of memory");
  // Never NOENT/DTDLOAD (entity expansion and external fetches) or HUGE.
  int options = XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOWARNING | XML_PARSE_NOERROR |
                XML_PARSE_NOCDATA | XML_PARSE_IGNORE_ENC | XML_PARSE_COMPACT;
  DocPtr xml(xmlCtxtReadMemory(ctxt.get(), text.data(), static_cast<int>(text.size()),
                               url.empty() ? nullptr : url.c_str(), "UTF-8", options));
  const xmlNode* root = xml ? xmlDocGetRootElement(xml.get()) : nullptr;
  if (root == nullptr) return Status::Error("malformed feed: " + LastErrorText(ctxt.get()));
  if (!ctxt->wellFormed) {
    doc->warnings.push_back("recovered from malformed XML: " + LastErrorText(ctxt.get()));
  }
  std::string name = LocalName(root);
  if (name == "rss" || name == "rdf") {
    doc->kind = name == "rss" ? DocumentKind::kRss : DocumentKind::kRdf;
    CollectRss(root, doc);
  } else if (name == "feed") {
    doc->kind = DocumentKind::kAtom;
    CollectAtom(root, doc);
  } else {
    return Status::Error("not a feed: root element <" + name + ">");
  }
  // Recovery that salvaged nothing is a failed parse, not an empty feed.
  if (!ctxt->wellFormed && !HasElementChildren(root)) {
    return Status::Error("malformed feed: " + LastErrorText(ctxt.get()));
  }
  return Status::Ok();
}

}  // namespace vigil::parse_internal
