// Repairs the most common feed defects before libxml2 sees the text.
#ifndef VIGIL_SRC_PARSE_XML_PREPARE_H_
#define VIGIL_SRC_PARSE_XML_PREPARE_H_

#include <string>
#include <string_view>

namespace vigil::parse_internal {

// Returns `utf8` with: HTML named entities undefined in XML (&nbsp;,
// &eacute;, ...) replaced by numeric references, bare or unknown '&'
// escaped as &amp;, and control characters XML forbids removed. Comments,
// CDATA sections and the DTD are left alone; entities declared in the DTD
// are kept. `*changed` tells whether anything was rewritten.
std::string PrepareXml(std::string_view utf8, bool* changed);

}  // namespace vigil::parse_internal

#endif  // VIGIL_SRC_PARSE_XML_PREPARE_H_
