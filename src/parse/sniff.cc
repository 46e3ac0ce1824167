#include "sniff.h"

#include <cctype>
#include <string>

#include "xml_util.h"

namespace vigil::parse_internal {
namespace {

// How far into the body JSON Feed's version marker is looked for.
constexpr size_t kJsonMarkerWindow = 64 * 1024;

// Skips whitespace, a UTF-8 BOM, <?...?> and comments; stops at the first
// other construct. Returns the index or npos.
size_t SkipProlog(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (std::isspace(static_cast<unsigned char>(s[i]))) {
      ++i;
    } else if (s.compare(i, 3, "\xEF\xBB\xBF") == 0) {
      i += 3;
    } else if (s.compare(i, 2, "<?") == 0) {
      size_t end = s.find("?>", i);
      if (end == std::string_view::npos) return std::string_view::npos;
      i = end + 2;
    } else if (s.compare(i, 4, "<!--") == 0) {
      size_t end = s.find("-->", i);
      if (end == std::string_view::npos) return std::string_view::npos;
      i = end + 3;
    } else {
      return i;
    }
  }
  return std::string_view::npos;
}

std::string ElementNameAt(std::string_view s, size_t i) {
  size_t j = i + 1;
  while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == ':' ||
                          s[j] == '-' || s[j] == '_' || s[j] == '.' || s[j] == '!')) {
    ++j;
  }
  return AsciiLowerCopy(s.substr(i + 1, j - i - 1));
}

}  // namespace

Sniffed SniffDocument(std::string_view s, std::string_view content_type) {
  std::string ct = AsciiLowerCopy(content_type);
  bool ct_html = ct.find("html") != std::string::npos && ct.find("xhtml") == std::string::npos;
  bool ct_xml = ct.find("xml") != std::string::npos || ct.find("rss") != std::string::npos ||
                ct.find("atom") != std::string::npos || ct.find("rdf") != std::string::npos;
  bool ct_text = ct.find("text/plain") != std::string::npos;
  // Bytes that are not markup under an XML content type are a broken feed,
  // not a text document.
  Sniffed not_markup = ct_html ? Sniffed::kHtml : ct_xml ? Sniffed::kOtherXml : Sniffed::kText;
  size_t i = SkipProlog(s);
  if (i == std::string_view::npos) return not_markup;
  if (s[i] == '{') {
    std::string_view head = s.substr(0, kJsonMarkerWindow);
    bool has_marker = head.find("jsonfeed.org/version") != std::string_view::npos ||
                      (head.find("\"version\"") != std::string_view::npos &&
                       head.find("\"items\"") != std::string_view::npos);
    if (ct.find("json") != std::string::npos || has_marker) {
      return Sniffed::kJsonFeed;
    }
    return Sniffed::kText;
  }
  if (s[i] != '<') return not_markup;
  std::string name = ElementNameAt(s, i);
  if (name == "!doctype") {
    std::string rest = AsciiLowerCopy(s.substr(i + 9, 32));
    if (TrimWhitespace(rest).substr(0, 4) == "html") return Sniffed::kHtml;
    size_t end = s.find('>', i);  // e.g. <!DOCTYPE rss ...>: look at the root
    size_t bracket = s.find('[', i);
    if (bracket != std::string_view::npos && bracket < end) {
      end = s.find("]", bracket);
      if (end != std::string_view::npos) end = s.find('>', end);
    }
    if (end == std::string_view::npos) return Sniffed::kText;
    size_t next = SkipProlog(s.substr(end + 1));
    if (next == std::string_view::npos) return Sniffed::kText;
    i = end + 1 + next;
    if (s[i] != '<') return Sniffed::kText;
    name = ElementNameAt(s, i);
  }
  size_t colon = name.rfind(':');
  std::string local = colon == std::string::npos ? name : name.substr(colon + 1);
  if (local == "rss" || local == "rdf" || local == "feed") return Sniffed::kXmlFeed;
  if (local == "html") return Sniffed::kHtml;
  if (ct_html) return Sniffed::kHtml;
  if (ct_xml) return Sniffed::kOtherXml;
  if (ct_text) return Sniffed::kText;
  return Sniffed::kHtml;  // markup of some kind: its text is what matters
}

}  // namespace vigil::parse_internal
