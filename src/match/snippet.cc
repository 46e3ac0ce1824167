#include "vigil/match/snippet.h"

#include <unicode/utf8.h>

#include <cstdint>

namespace vigil {
namespace {

bool IsContinuationByte(char c) { return (static_cast<uint8_t>(c) & 0xC0) == 0x80; }
bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Moves a left cut forward to the next whitespace if one is close, so the
// snippet does not open with half a word.
size_t LeftCut(std::string_view text, size_t start, size_t context) {
  if (start <= context) return 0;
  size_t cut = start - context;
  while (cut < start && IsContinuationByte(text[cut])) ++cut;
  size_t limit = std::min(start, cut + context / 4);
  for (size_t i = cut; i < limit; ++i) {
    if (IsAsciiSpace(text[i])) return i + 1;
  }
  return cut;
}

// Moves a right cut back to the previous whitespace if one is close.
size_t RightCut(std::string_view text, size_t end, size_t context) {
  if (text.size() - end <= context) return text.size();
  size_t cut = end + context;
  while (cut > end && IsContinuationByte(text[cut])) --cut;
  size_t limit = cut > end + context / 4 ? cut - context / 4 : end;
  for (size_t i = cut; i > limit; --i) {
    if (IsAsciiSpace(text[i - 1])) return i - 1;
  }
  return cut;
}

// Appends `part` to `out` with whitespace and controls collapsed and bad
// bytes replaced, dropping leading whitespace (`out` holds `base` bytes
// before it); `*pending_space` carries a space across calls.
void AppendClean(std::string_view part, size_t base, bool* pending_space, std::string* out) {
  size_t i = 0;
  while (i < part.size()) {
    // Runs of printable ASCII, most of a news text, are copied whole.
    size_t run = i;
    while (run < part.size() && static_cast<uint8_t>(part[run]) > 0x20 &&
           static_cast<uint8_t>(part[run]) < 0x7F) {
      ++run;
    }
    if (run > i) {
      if (*pending_space) out->push_back(' ');
      *pending_space = false;
      out->append(part.data() + i, run - i);
      i = run;
      continue;
    }
    UChar32 c;
    U8_NEXT(part.data(), i, part.size(), c);
    if (c < 0) c = 0xFFFD;
    bool space = c <= 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0xA0 ||
                 c == 0x2028 || c == 0x2029;
    if (space) {
      *pending_space = out->size() > base;
      continue;
    }
    if (*pending_space) out->push_back(' ');
    *pending_space = false;
    char buf[U8_MAX_LENGTH];
    size_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);  // c is a valid scalar value here
    out->append(buf, len);
  }
}

}  // namespace

std::string MakeSnippet(std::string_view text, size_t start, size_t end,
                        size_t context) {
  size_t left = LeftCut(text, start, context);
  size_t right = RightCut(text, end, context);
  std::string out;
  out.reserve(right - left + 8);
  if (left > 0) out = "…";
  bool pending_space = false;
  AppendClean(text.substr(left, right - left), out.size(), &pending_space, &out);
  if (right < text.size()) out.append("…");
  return out;
}

}  // namespace vigil
