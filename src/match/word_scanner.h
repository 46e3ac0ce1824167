// The word-boundary loop behind FindWords(), as a template so that the
// matcher can look each word up as it is found instead of storing every span.
#ifndef VIGIL_SRC_MATCH_WORD_SCANNER_H_
#define VIGIL_SRC_MATCH_WORD_SCANNER_H_

#include <unicode/utf8.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "normalize.h"

namespace vigil::word_internal {

enum class CharClass : uint8_t { kSeparator, kWord, kFormat, kStandalone };

constexpr std::array<bool, 128> MakeAsciiWordTable() {
  std::array<bool, 128> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
  return t;
}
inline constexpr std::array<bool, 128> kAsciiWord = MakeAsciiWordTable();

constexpr std::array<char, 256> MakeAsciiLowerTable() {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  return t;
}
// Normalising a pure ASCII word is lower-casing it: NFKC and diacritic
// removal leave ASCII alone.
inline constexpr std::array<char, 256> kAsciiLower = MakeAsciiLowerTable();

inline bool IsAsciiWordByte(char ch) {
  auto b = static_cast<uint8_t>(ch);
  return b < 0x80 && kAsciiWord[b];
}

// Eight bytes at a time (SWAR): bit 7 of each byte of the result is set
// where that byte of `x` is an ASCII letter or digit. Each byte is compared
// by adding a bias that carries into bit 7 exactly when the byte is at
// least the bound; bytes are masked to 7 bits first, so no carry crosses
// into the next byte.
inline uint64_t AsciiWordBytes(uint64_t x) {
  constexpr uint64_t k01 = 0x0101010101010101ull;
  constexpr uint64_t k80 = 0x8080808080808080ull;
  uint64_t v = x & ~k80;
  uint64_t l = v | 0x2020202020202020ull;  // letters lower-cased
  uint64_t alpha = (l + k01 * (0x80 - 'a')) & ~(l + k01 * (0x7F - 'z'));
  uint64_t digit = (v + k01 * (0x80 - '0')) & ~(v + k01 * (0x7F - '9'));
  return (alpha | digit) & ~x & k80;
}
// The same, for bytes that are not ASCII (bit 7 set).
inline uint64_t HighBytes(uint64_t x) { return x & 0x8080808080808080ull; }

// Bit k of `word` is set where p[k] is an ASCII letter or digit, bit k of
// `high` where p[k] is not ASCII; 64 bytes from `p` are read.
struct BlockMasks {
  uint64_t word;
  uint64_t high;
};
inline BlockMasks ClassifyBlock(const char* p) {
  BlockMasks m{0, 0};
#if defined(__SSE2__)
  const __m128i lower_bit = _mm_set1_epi8(0x20);
  const __m128i a = _mm_set1_epi8('a');
  const __m128i zero = _mm_set1_epi8('0');
  const __m128i letters = _mm_set1_epi8(25);
  const __m128i digits = _mm_set1_epi8(9);
  for (int k = 0; k < 4; ++k) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    // x - lo <= span, unsigned, is lo <= x <= lo + span.
    __m128i l = _mm_sub_epi8(_mm_or_si128(v, lower_bit), a);
    __m128i d = _mm_sub_epi8(v, zero);
    __m128i alpha = _mm_cmpeq_epi8(_mm_min_epu8(l, letters), l);
    __m128i digit = _mm_cmpeq_epi8(_mm_min_epu8(d, digits), d);
    auto word = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(alpha, digit)));
    auto high = static_cast<uint32_t>(_mm_movemask_epi8(v));
    m.word |= static_cast<uint64_t>(word) << (16 * k);
    m.high |= static_cast<uint64_t>(high) << (16 * k);
  }
#else
  for (int k = 0; k < 8; ++k) {
    uint64_t x;
    std::memcpy(&x, p + 8 * k, 8);
    // Gather bit 7 of each byte into eight adjacent bits.
    constexpr uint64_t kGather = 0x0102040810204080ull;
    m.word |= (((AsciiWordBytes(x) >> 7) * kGather) >> 56) << (8 * k);
    m.high |= (((HighBytes(x) >> 7) * kGather) >> 56) << (8 * k);
  }
#endif
  return m;
}

// The class of a non-ASCII code point (negative: invalid UTF-8).
CharClass ClassifyNonAscii(UChar32 c);

// Decodes the character at `*i`, advances past it and classifies it.
inline CharClass NextClass(std::string_view text, size_t* i, UChar32* cp) {
  auto b = static_cast<uint8_t>(text[*i]);
  if (b < 0x80) {
    ++*i;
    *cp = b;
    return kAsciiWord[b] ? CharClass::kWord : CharClass::kSeparator;
  }
  UChar32 c;
  U8_NEXT(text.data(), *i, text.size(), c);
  *cp = c;
  return ClassifyNonAscii(c);
}

// True if the character just before `i` is an apostrophe and a lone "s"/"S"
// follows: the rest of a possessive.
bool PossessiveAt(std::string_view text, size_t i, UChar32 apostrophe);

// Reads the next token at `*i` and advances past it: one separator
// character (nothing is reported), or one standalone character, or one word
// with the character that ends it; fn(const WordSpan&) gets each word.
template <typename Fn>
void ReadToken(std::string_view text, size_t* i, Fn&& fn) {
  const size_t n = text.size();
  bool in_word = false;
  WordSpan word;
  while (*i < n) {
    if (in_word && word.ascii) {
      // The bulk of news: a run of ASCII word bytes.
      while (*i < n && IsAsciiWordByte(text[*i])) ++*i;
      if (*i == n) break;
    }
    size_t at = *i;
    UChar32 c;
    CharClass cls = NextClass(text, i, &c);
    if (cls == CharClass::kWord || (cls == CharClass::kFormat && in_word)) {
      if (!in_word) {
        in_word = true;
        word = WordSpan{at, at, c < 0x80, false};
      } else if (c >= 0x80) {
        word.ascii = false;
      }
      continue;
    }
    if (in_word) {
      word.end = at;
      word.possessive = PossessiveAt(text, *i, c);
      fn(static_cast<const WordSpan&>(word));
    }
    if (cls == CharClass::kStandalone) fn(WordSpan{at, *i, false, false});
    return;
  }
  if (in_word) {
    word.end = n;
    fn(static_cast<const WordSpan&>(word));
  }
}

// Calls fn(const WordSpan&) for each word of `text`, in order; see FindWords().
template <typename Fn>
void ForEachWord(std::string_view text, Fn&& fn) {
  size_t i = 0;
  while (i < text.size()) {
    // Skip ASCII separators without decoding.
    while (i < text.size() && static_cast<uint8_t>(text[i]) < 0x80 && !IsAsciiWordByte(text[i])) ++i;
    if (i < text.size()) ReadToken(text, &i, fn);
  }
}

}  // namespace vigil::word_internal

#endif  // VIGIL_SRC_MATCH_WORD_SCANNER_H_
