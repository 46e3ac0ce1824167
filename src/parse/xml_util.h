// Small helpers over libxml2 trees shared by the feed and HTML extractors.
#ifndef VIGIL_SRC_PARSE_XML_UTIL_H_
#define VIGIL_SRC_PARSE_XML_UTIL_H_

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace vigil::parse_internal {

struct DocCloser {
  void operator()(xmlDoc* doc) const { xmlFreeDoc(doc); }
};
using DocPtr = std::unique_ptr<xmlDoc, DocCloser>;

// Element name without prefix, ASCII-lowercased ("" for non-elements).
std::string LocalName(const xmlNode* node);
// Namespace URI of an element or "".
std::string_view NamespaceUri(const xmlNode* node);
// Attribute value (no namespace match) or "" if absent.
std::string Attr(const xmlNode* node, const char* name);
bool HasAttr(const xmlNode* node, const char* name);
// Concatenated text of a node's descendants, entity references taken
// literally from their declaration (never expanded recursively, so entity
// bombs cannot blow up).
std::string RawText(const xmlNode* node);
// Resolves `ref` against the xml:base / document URL in scope at `node`
// (or against `base` when node is null). Returns `ref` unchanged when it
// cannot be resolved.
std::string ResolveLink(const xmlNode* node, std::string_view ref);
std::string ResolveAgainst(std::string_view base, std::string_view ref);

std::string AsciiLowerCopy(std::string_view s);
std::string_view TrimWhitespace(std::string_view s);

}  // namespace vigil::parse_internal

#endif  // VIGIL_SRC_PARSE_XML_UTIL_H_
