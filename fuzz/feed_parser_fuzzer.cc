// Feeds arbitrary bytes to the document parser under every forced type and
// a few declared charsets: it must never crash, hang or return invalid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "vigil/parse/parser.h"
#include "utf8_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  // The first byte picks the type and Content-Type, so one corpus explores all.
  static constexpr const char* kTypes[] = {"auto", "feed", "html", "text"};
  static constexpr const char* kContentTypes[] = {
      "", "application/rss+xml", "text/html; charset=windows-1251",
      "application/atom+xml; charset=utf-8", "application/feed+json", "text/plain; charset=iso-8859-1"};
  vigil::ParseInput input;
  input.body = std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1);
  input.type = kTypes[data[0] % 4];
  input.content_type = kContentTypes[(data[0] / 4) % 6];
  input.url = "https://example.org/feed/";
  vigil::Result<vigil::ParsedDocument> parsed = vigil::Parse(input);
  if (!parsed.ok()) return 0;
  vigil::fuzz::CheckUtf8(parsed->title);
  for (const vigil::Item& item : parsed->items) {
    vigil::fuzz::CheckUtf8(item.title);
    vigil::fuzz::CheckUtf8(item.text);
    vigil::fuzz::CheckUtf8(item.link);
    vigil::fuzz::CheckUtf8(item.guid);
  }
  return 0;
}
