#include "vigil/match/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>

namespace vigil {
namespace {

enum class CharClass : uint8_t { kSeparator, kWord, kFormat, kStandalone };

// ASCII classes and lower-casing by table: the fast path for the bulk of news.
constexpr std::array<bool, 128> MakeAsciiWordTable() {
  std::array<bool, 128> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = true;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = true;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = true;
  return t;
}
constexpr std::array<bool, 128> kAsciiWord = MakeAsciiWordTable();

constexpr std::array<char, 256> MakeAsciiLowerTable() {
  std::array<char, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  return t;
}
constexpr std::array<char, 256> kAsciiLower = MakeAsciiLowerTable();

CharClass ClassifyNonAscii(UChar32 c) {
  if (c < 0) return CharClass::kSeparator;  // invalid UTF-8
  uint32_t mask = U_GET_GC_MASK(c);
  if (mask & U_GC_L_MASK) {
    if (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC)) return CharClass::kStandalone;
    UErrorCode err = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &err);
    if (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA) {
      return CharClass::kStandalone;
    }
    return CharClass::kWord;
  }
  if (mask & (U_GC_ND_MASK | U_GC_NL_MASK | U_GC_M_MASK)) return CharClass::kWord;
  if (mask & U_GC_CF_MASK) return CharClass::kFormat;
  return CharClass::kSeparator;
}

// Decodes the character at `*i` and advances past it.
CharClass NextClass(std::string_view text, size_t* i, UChar32* cp) {
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

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

// True if `text` at `i` is a lone "s"/"S" (the rest of a possessive).
bool LoneSAt(std::string_view text, size_t i) {
  if (i >= text.size() || (text[i] != 's' && text[i] != 'S')) return false;
  size_t next = i + 1;
  if (next == text.size()) return true;
  UChar32 c;
  CharClass cls = NextClass(text, &next, &c);
  return cls == CharClass::kSeparator || cls == CharClass::kStandalone;
}

const icu::Normalizer2* Nfkc_cf() {
  UErrorCode err = U_ZERO_ERROR;
  static const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(err);
  return n;
}
const icu::Normalizer2* Nfd() {
  UErrorCode err = U_ZERO_ERROR;
  static const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(err);
  return n;
}
const icu::Normalizer2* Nfc() {
  UErrorCode err = U_ZERO_ERROR;
  static const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(err);
  return n;
}

// Latin letters that carry a diacritic in their shape rather than as a
// combining mark, so NFD leaves them alone; lists often drop it ("Łukasz" is
// listed as "LUKASZ"). Lower case only: this runs after case folding.
icu::UnicodeString FoldLetter(UChar32 c) {
  switch (c) {
    case 0x0142: return u"l";   // ł
    case 0x00F8: return u"o";   // ø
    case 0x0111: return u"d";   // đ
    case 0x00F0: return u"d";   // ð
    case 0x0127: return u"h";   // ħ
    case 0x0131: return u"i";   // dotless ı
    case 0x0167: return u"t";   // ŧ
    case 0x00E6: return u"ae";  // æ
    case 0x0153: return u"oe";  // œ
    case 0x00FE: return u"th";  // þ
    default: return icu::UnicodeString(c);
  }
}

void NormalizeNonAscii(std::string_view word, std::string* out) {
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  icu::UnicodeString folded = Nfkc_cf()->normalize(src, err);
  icu::UnicodeString decomposed = Nfd()->normalize(folded, err);
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    // fromUTF8 turns bad bytes into U+FFFD; they are not part of a word.
    if (u_charType(c) == U_NON_SPACING_MARK || c == 0xFFFD) continue;
    bare.append(FoldLetter(c));
  }
  icu::UnicodeString composed = Nfc()->normalize(bare, err);
  if (U_FAILURE(err)) return;  // leave `out` empty: never matches
  composed.toUTF8String(*out);
}

}  // namespace

void FindWords(std::string_view text, std::vector<WordSpan>* out) {
  out->reserve(out->size() + text.size() / 6);  // English averages ~6 bytes a word
  bool in_word = false;
  WordSpan word;
  size_t i = 0;
  while (i < text.size()) {
    // Hot loop: a run of ASCII word bytes.
    if (in_word && word.ascii) {
      while (i < text.size() && static_cast<uint8_t>(text[i]) < 0x80 &&
             kAsciiWord[static_cast<uint8_t>(text[i])]) {
        ++i;
      }
      if (i == text.size()) break;
    }
    size_t at = i;
    UChar32 c;
    CharClass cls = NextClass(text, &i, &c);
    if (cls == CharClass::kWord || (cls == CharClass::kFormat && in_word)) {
      if (!in_word) {
        in_word = true;
        word = WordSpan{at, at, true, false};
      }
      if (c >= 0x80) word.ascii = false;
      continue;
    }
    if (in_word) {
      word.end = at;
      word.possessive = IsApostrophe(c) && LoneSAt(text, i);
      out->push_back(word);
      in_word = false;
    }
    if (cls == CharClass::kStandalone) out->push_back(WordSpan{at, i, false, false});
  }
  if (in_word) {
    word.end = text.size();
    out->push_back(word);
  }
}

void NormalizeWord(std::string_view word, std::string* out) {
  out->clear();
  bool ascii = true;
  for (char ch : word) ascii &= static_cast<uint8_t>(ch) < 0x80;
  if (ascii) {
    out->assign(word);
    for (char& ch : *out) ch = kAsciiLower[static_cast<uint8_t>(ch)];
    return;
  }
  NormalizeNonAscii(word, out);
}

std::string NormalizeWord(std::string_view word) {
  std::string out;
  NormalizeWord(word, &out);
  return out;
}

std::vector<std::string> NormalizeWords(std::string_view text) {
  std::vector<WordSpan> spans;
  FindWords(text, &spans);
  std::vector<std::string> words;
  words.reserve(spans.size());
  for (const WordSpan& span : spans) {
    std::string word = NormalizeWord(text.substr(span.start, span.end - span.start));
    if (!word.empty()) words.push_back(std::move(word));
  }
  return words;
}

}  // namespace vigil
