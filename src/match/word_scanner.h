// The word-boundary loop behind FindWords(), as a template so that the
// matcher can look each word up as it is found instead of storing every span.
#ifndef VIGIL_SRC_MATCH_WORD_SCANNER_H_
#define VIGIL_SRC_MATCH_WORD_SCANNER_H_

#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <string_view>

#include "vigil/match/normalize.h"

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

// Calls fn(const WordSpan&) for each word of `text`, in order; see FindWords().
template <typename Fn>
void ForEachWord(std::string_view text, Fn&& fn) {
  bool in_word = false;
  WordSpan word;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    if (!in_word) {
      // Skip ASCII separators without decoding.
      while (i < n && static_cast<uint8_t>(text[i]) < 0x80 && !IsAsciiWordByte(text[i])) ++i;
      if (i == n) break;
    } else if (word.ascii) {
      // The bulk of news: a run of ASCII word bytes.
      while (i < n && IsAsciiWordByte(text[i])) ++i;
      if (i == n) break;
    }
    size_t at = i;
    UChar32 c;
    CharClass cls = NextClass(text, &i, &c);
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
      word.possessive = PossessiveAt(text, i, c);
      fn(static_cast<const WordSpan&>(word));
      in_word = false;
    }
    if (cls == CharClass::kStandalone) fn(WordSpan{at, i, false, false});
  }
  if (in_word) {
    word.end = n;
    fn(static_cast<const WordSpan&>(word));
  }
}

}  // namespace vigil::word_internal

#endif  // VIGIL_SRC_MATCH_WORD_SCANNER_H_
