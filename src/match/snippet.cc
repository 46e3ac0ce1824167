#include "snippet.h"

#include <unicode/utf8.h>

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
//
// A big list's scan makes a snippet for each of thousands of hits a
// second, and copying runs between spaces mispredicted a branch at most
// spaces. So plain text goes sixteen bytes at a time, other ASCII a byte at
// a time with no branch on its kind, both through a raw pointer. ASCII
// never grows (a space is only written before the byte after it), so room
// for `part` and one pending space is enough until a multi-byte character
// comes.
void AppendClean(std::string_view part, size_t base, bool* pending_space, std::string* out) {
  size_t o = out->size();
  out->resize(o + part.size() + 1);
  char* dst = out->data();
  bool pending = *pending_space;
  size_t i = 0;
  while (i < part.size()) {
#if defined(__SSE2__)
    // Sixteen bytes of printable ASCII with single spaces between printable
    // bytes, as most of a news text is, are copied whole.
    if (i + 17 <= part.size()) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(part.data() + i));
      const __m128i after = _mm_loadu_si128(reinterpret_cast<const __m128i*>(part.data() + i + 1));
      // Signed compares: bytes of 0x80 and over are negative, so not printable.
      auto printable = [](__m128i v) {
        return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(0x20)),
                             _mm_cmplt_epi8(v, _mm_set1_epi8(0x7F)));
      };
      auto p = static_cast<uint32_t>(_mm_movemask_epi8(printable(bytes)));
      auto p_next = static_cast<uint32_t>(_mm_movemask_epi8(printable(after)));
      auto space =
          static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(' '))));
      uint32_t clean = p | (space & (p << 1) & p_next);
      if (clean == 0xFFFF) {
        dst[o] = ' ';
        o += pending;
        pending = false;
        std::memcpy(dst + o, part.data() + i, 16);
        o += 16;
        i += 16;
        continue;
      }
    }
#endif
    auto b = static_cast<uint8_t>(part[i]);
    if (b < 0x80) {
      bool space = b <= 0x20 || b == 0x7F;
      dst[o] = ' ';
      o += !space & pending;
      dst[o] = static_cast<char>(b);
      o += !space;
      pending = space & (o > base);
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(part.data(), i, part.size(), c);
    if (c < 0) c = 0xFFFD;
    bool space = (c >= 0x80 && c <= 0x9F) || c == 0xA0 || c == 0x2028 || c == 0x2029;
    if (space) {
      pending = o > base;
      continue;
    }
    // A replaced byte grows to three: room for the character, a space and
    // the rest of `part` at one byte each.
    size_t need = o + U8_MAX_LENGTH + 1 + (part.size() - i) + 1;
    if (need > out->size()) {
      out->resize(need);
      dst = out->data();
    }
    if (pending) dst[o++] = ' ';
    pending = false;
    U8_APPEND_UNSAFE(dst, o, c);  // c is a valid scalar value here
  }
  out->resize(o);
  *pending_space = pending;
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
