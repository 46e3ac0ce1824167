// Format-specific extractors. Each fills kind, title and items of `doc`
// (charset and warnings are already set by the caller) from UTF-8 text.
#ifndef VIGIL_SRC_PARSE_FEED_PARSERS_H_
#define VIGIL_SRC_PARSE_FEED_PARSERS_H_

#include <string>
#include <string_view>

#include "vigil/base/status.h"
#include "vigil/parse/parser.h"

namespace vigil::parse_internal {

// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0. Fails with "malformed
// feed: ..." when no document element can be recovered and "not a feed: ..."
// when the root element is not a feed.
Status ParseXmlFeed(std::string_view utf8, const std::string& url, ParsedDocument* doc);

// JSON Feed 1.0/1.1. Fails with "malformed feed: ..." on invalid JSON.
Status ParseJsonFeed(std::string_view utf8, const std::string& url, ParsedDocument* doc);

// One item: the page's main text with navigation and boilerplate dropped.
Status ParseHtmlPage(std::string_view utf8, const std::string& url, ParsedDocument* doc);

// One item: the whole text; title = first non-empty line.
void ParsePlainText(std::string_view utf8, ParsedDocument* doc);

}  // namespace vigil::parse_internal

#endif  // VIGIL_SRC_PARSE_FEED_PARSERS_H_
