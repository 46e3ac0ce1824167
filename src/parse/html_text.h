// Plain text from HTML/XHTML trees and fragments.
#ifndef VIGIL_SRC_PARSE_HTML_TEXT_H_
#define VIGIL_SRC_PARSE_HTML_TEXT_H_

#include <libxml/tree.h>

#include <functional>
#include <string>
#include <string_view>

#include "text_builder.h"
#include "xml_util.h"

namespace vigil::parse_internal {

// Returns true for elements whose subtree must not contribute text.
using SkipPredicate = std::function<bool(const xmlNode*)>;

// Appends the text of `root`'s descendants (root itself excluded from skip
// checks). Script/style/template/head are always skipped; `skip`, when set,
// drops more. Iterative, so deep trees cannot overflow the stack.
void AppendMarkupText(const xmlNode* root, TextBuilder* out,
                      const SkipPredicate& skip = nullptr);

// Parses UTF-8 HTML with libxml2's recovering HTML parser (never re-decodes).
// Null for empty input.
DocPtr ParseHtml(std::string_view utf8_html, const std::string& url);

// Text of an HTML fragment (e.g. an RSS description): markup stripped,
// entities decoded, block elements as line/paragraph breaks.
std::string HtmlFragmentToText(std::string_view utf8_html);

}  // namespace vigil::parse_internal

#endif  // VIGIL_SRC_PARSE_HTML_TEXT_H_
