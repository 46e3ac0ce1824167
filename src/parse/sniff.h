// Decides what kind of document a body is, trusting its bytes over the
// Content-Type.
#ifndef VIGIL_SRC_PARSE_SNIFF_H_
#define VIGIL_SRC_PARSE_SNIFF_H_

#include <string_view>

namespace vigil::parse_internal {

enum class Sniffed {
  kXmlFeed,   // <rss>, <rdf:RDF>, <feed> root
  kOtherXml,  // some other root under an XML content type
  kJsonFeed,
  kHtml,
  kText,
};

// `utf8` is the decoded body; `content_type` the HTTP header (may be empty).
Sniffed SniffDocument(std::string_view utf8, std::string_view content_type);

}  // namespace vigil::parse_internal

#endif  // VIGIL_SRC_PARSE_SNIFF_H_
