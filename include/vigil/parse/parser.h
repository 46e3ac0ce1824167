// Turns fetched bytes (feed, HTML page or plain text, any charset) into
// items of UTF-8 text. Pure functions; thread-safe.
#ifndef VIGIL_PARSE_PARSER_H_
#define VIGIL_PARSE_PARSER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/base/status.h"

namespace vigil {

// One feed entry, or the one article of an HTML page or text file.
struct Item {
  std::string guid;   // id/guid as published; empty if none
  std::string link;   // absolute URL when resolvable; empty if none
  std::string title;  // plain text, entities decoded, whitespace collapsed
  // Plain text of the summary or content (the longer of the two), markup
  // stripped, entities decoded, paragraphs separated by "\n\n".
  std::string text;
  std::optional<int64_t> published_unix_ms;  // parsed date, if any
};

enum class DocumentKind { kRss, kRdf, kAtom, kJsonFeed, kHtml, kText };
const char* DocumentKindName(DocumentKind kind);  // "rss", "atom", ...

struct ParsedDocument {
  DocumentKind kind = DocumentKind::kText;
  std::string title;  // feed or page title
  std::vector<Item> items;
  std::string charset;  // charset the bytes were decoded from, e.g. "windows-1251"
  // Non-fatal problems (e.g. "invalid bytes replaced", "recovered from
  // malformed XML"), for logging.
  std::vector<std::string> warnings;
};

struct ParseInput {
  std::string_view body;     // raw bytes as fetched
  std::string content_type;  // HTTP Content-Type, may carry charset=; may be empty
  std::string url;           // where it came from; base for relative links
  // "auto" sniffs; "feed", "html" or "text" force the kind.
  std::string type = "auto";
};

// Parses a document. Errors only when nothing usable could be extracted
// (e.g. "not a feed: XML parse error at line 3: ..."); never throws, never
// crashes on any input.
Result<ParsedDocument> Parse(const ParseInput& input);

// Converts `bytes` to valid UTF-8. The charset is taken, in order, from a BOM,
// `declared_charset` (from HTTP), an XML/HTML declaration inside the bytes,
// then UTF-8 if valid, else windows-1252. Invalid sequences become U+FFFD.
// `used_charset`, when non-null, receives the charset used.
std::string ToUtf8(std::string_view bytes, std::string_view declared_charset,
                   std::string* used_charset = nullptr);

// Parses a feed date: RFC 822/1123 (named or numeric zones, optional
// weekday and seconds, 2-digit years) or RFC 3339/ISO 8601 (date-only,
// fractions, Z or offsets; no zone means UTC). nullopt if unrecognised,
// e.g. for non-English month names.
std::optional<int64_t> ParseFeedDate(std::string_view text);

// Plain text of an HTML fragment: tags stripped, script/style dropped,
// entities decoded, block elements as line ("\n") or paragraph ("\n\n")
// breaks, whitespace collapsed within lines. Input is UTF-8.
std::string HtmlToText(std::string_view utf8_html);

}  // namespace vigil

#endif  // VIGIL_PARSE_PARSER_H_
