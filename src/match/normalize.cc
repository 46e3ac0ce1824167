#include "vigil/match/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstdint>

#include "word_scanner.h"

namespace vigil {
namespace {

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
void AppendFolded(UChar32 c, icu::UnicodeString* out) {
  switch (c) {
    case 0x0142: *out += u'l'; return;   // ł
    case 0x00F8: *out += u'o'; return;   // ø
    case 0x0111: *out += u'd'; return;   // đ
    case 0x00F0: *out += u'd'; return;   // ð
    case 0x0127: *out += u'h'; return;   // ħ
    case 0x0131: *out += u'i'; return;   // dotless ı
    case 0x0167: *out += u't'; return;   // ŧ
    case 0x00E6: *out += u"ae"; return;  // æ
    case 0x0153: *out += u"oe"; return;  // œ
    case 0x00FE: *out += u"th"; return;  // þ
    default: out->append(c);
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
    AppendFolded(c, &bare);
  }
  icu::UnicodeString composed = Nfc()->normalize(bare, err);
  if (U_FAILURE(err)) return;  // leave `out` empty: never matches
  composed.toUTF8String(*out);
}

}  // namespace

namespace word_internal {

CharClass ClassifyNonAscii(UChar32 c) {
  if (c < 0) return CharClass::kSeparator;  // invalid UTF-8
  // MODIFIER LETTER APOSTROPHE is a letter to Unicode but an apostrophe in
  // text ("Putinʼs", Ukrainian "Обʼєднання"): a separator, like "'".
  if (c == 0x02BC) return CharClass::kSeparator;
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

bool PossessiveAt(std::string_view text, size_t i, UChar32 apostrophe) {
  if (apostrophe != '\'' && apostrophe != 0x2019 && apostrophe != 0x02BC) return false;
  if (i >= text.size() || (text[i] != 's' && text[i] != 'S')) return false;
  size_t next = i + 1;
  if (next == text.size()) return true;
  UChar32 c;
  CharClass cls = NextClass(text, &next, &c);
  return cls == CharClass::kSeparator || cls == CharClass::kStandalone;
}

}  // namespace word_internal

void FindWords(std::string_view text, std::vector<WordSpan>* out) {
  out->reserve(out->size() + text.size() / 6);  // English averages ~6 bytes a word
  word_internal::ForEachWord(text, [out](const WordSpan& word) { out->push_back(word); });
}

void NormalizeWord(std::string_view word, std::string* out) {
  out->clear();
  bool ascii = true;
  for (char ch : word) ascii &= static_cast<uint8_t>(ch) < 0x80;
  if (ascii) {
    out->assign(word);
    for (char& ch : *out) ch = word_internal::kAsciiLower[static_cast<uint8_t>(ch)];
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
