// Parse(): charset decoding, sniffing and dispatch to the format extractors.
#include "vigil/parse/parser.h"

#include "charset.h"
#include "feed_parsers.h"
#include "html_text.h"
#include "sniff.h"

namespace vigil {

using parse_internal::Sniffed;

const char* DocumentKindName(DocumentKind kind) {
  switch (kind) {
    case DocumentKind::kRss: return "rss";
    case DocumentKind::kRdf: return "rdf";
    case DocumentKind::kAtom: return "atom";
    case DocumentKind::kJsonFeed: return "json";
    case DocumentKind::kHtml: return "html";
    case DocumentKind::kText: return "text";
  }
  return "unknown";
}

std::string HtmlToText(std::string_view utf8_html) {
  return parse_internal::HtmlFragmentToText(parse_internal::RepairUtf8(utf8_html, nullptr));
}

Result<ParsedDocument> Parse(const ParseInput& input) {
  const std::string& type = input.type;
  if (type != "auto" && type != "feed" && type != "html" && type != "text") {
    return Status::Error("unknown document type '" + type + "'");
  }
  ParsedDocument doc;
  std::string declared = parse_internal::CharsetFromContentType(input.content_type);
  std::string text =
      parse_internal::DecodeToUtf8(input.body, declared, &doc.charset, &doc.warnings);
  Sniffed sniffed = parse_internal::SniffDocument(text, input.content_type);
  if (type == "html") sniffed = Sniffed::kHtml;
  if (type == "text") sniffed = Sniffed::kText;
  if (type == "feed" && (sniffed == Sniffed::kHtml || sniffed == Sniffed::kText)) {
    return Status::Error(std::string("not a feed: content looks like ") +
                         (sniffed == Sniffed::kHtml ? "HTML" : "plain text"));
  }
  Status status;
  switch (sniffed) {
    case Sniffed::kXmlFeed:
    case Sniffed::kOtherXml:
      status = parse_internal::ParseXmlFeed(text, input.url, &doc);
      break;
    case Sniffed::kJsonFeed:
      status = parse_internal::ParseJsonFeed(text, input.url, &doc);
      break;
    case Sniffed::kHtml:
      status = parse_internal::ParseHtmlPage(text, input.url, &doc);
      break;
    case Sniffed::kText:
      parse_internal::ParsePlainText(text, &doc);
      break;
  }
  if (!status.ok()) return status;
  return doc;
}

}  // namespace vigil
