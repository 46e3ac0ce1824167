// Plain-text documents: one item holding the whole text.
#include "feed_parsers.h"
#include "xml_util.h"

namespace vigil::parse_internal {
namespace {

// Titles longer than this are cut (at a UTF-8 boundary).
constexpr size_t kMaxTitleBytes = 200;

std::string TruncateUtf8(std::string s, size_t max) {
  if (s.size() <= max) return s;
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  return s;
}

}  // namespace

void ParsePlainText(std::string_view utf8, ParsedDocument* doc) {
  doc->kind = DocumentKind::kText;
  Item item;
  std::string title;
  size_t pos = 0;
  while (pos <= utf8.size()) {
    size_t nl = utf8.find('\n', pos);
    std::string_view line = utf8.substr(pos, nl == std::string_view::npos ? utf8.npos : nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    size_t end = line.find_last_not_of(" \t\f\v\r");
    line = end == std::string_view::npos ? std::string_view() : line.substr(0, end + 1);
    if (title.empty()) title = std::string(TrimWhitespace(line));
    item.text.append(line);
    if (nl == std::string_view::npos) break;
    item.text.push_back('\n');
    pos = nl + 1;
  }
  // Leading and trailing blank lines carry nothing.
  size_t first = item.text.find_first_not_of('\n');
  size_t last = item.text.find_last_not_of('\n');
  item.text = first == std::string::npos ? std::string() : item.text.substr(first, last - first + 1);
  if (item.text.empty()) return;
  item.title = TruncateUtf8(std::move(title), kMaxTitleBytes);
  doc->title = item.title;
  doc->items.push_back(std::move(item));
}

}  // namespace vigil::parse_internal
