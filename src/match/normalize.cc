#include "normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

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

// Scripts whose names are written in Latin letters in lists and in the
// international press, and that ICU transliterates letter by letter. Arabic,
// Hebrew and CJK names are matched through their original-script aliases:
// their romanisations vary too much to derive one from the other.
bool TransliteratedScript(UChar32 c) {
  UErrorCode err = U_ZERO_ERROR;
  switch (uscript_getScript(c, &err)) {
    case USCRIPT_CYRILLIC:
    case USCRIPT_GREEK:
    case USCRIPT_ARMENIAN:
    case USCRIPT_GEORGIAN:
    case USCRIPT_HANGUL:
      return true;
    default:
      return false;
  }
}

// Per thread: ICU's Transliterator keeps no state across calls, but its
// thread safety is not documented, and creating one costs about a
// millisecond, far too much per word. Russian-Latin/BGN first, since its
// spellings ("Dmitriy", "Khodorkovskiy") are the ones US and UK lists use;
// Any-Latin then takes the other scripts and what BGN leaves (Ukrainian і).
struct Transliterators {
  std::unique_ptr<icu::Transliterator> russian;
  std::unique_ptr<icu::Transliterator> any;
};

const Transliterators& ThreadTransliterators() {
  thread_local Transliterators instance = [] {
    Transliterators t;
    UErrorCode err = U_ZERO_ERROR;
    t.russian.reset(icu::Transliterator::createInstance("Russian-Latin/BGN", UTRANS_FORWARD, err));
    if (U_FAILURE(err)) t.russian.reset();
    err = U_ZERO_ERROR;
    t.any.reset(icu::Transliterator::createInstance(
        "[[:Cyrillic:][:Greek:][:Armenian:][:Georgian:][:Hangul:]] Any-Latin", UTRANS_FORWARD,
        err));
    if (U_FAILURE(err)) t.any.reset();
    return t;
  }();
  return instance;
}

// NFD, then drops nonspacing marks, invalid bytes and anything that is not a
// letter or digit (transliteration leaves primes for soft signs, hyphens
// between Hangul syllables), folds stroked letters, and recomposes (NFC).
icu::UnicodeString StripMarks(const icu::UnicodeString& folded, UErrorCode& err) {
  icu::UnicodeString decomposed = Nfd()->normalize(folded, err);
  icu::UnicodeString bare;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    // fromUTF8 turns bad bytes into U+FFFD; they are not part of a word.
    if (u_charType(c) == U_NON_SPACING_MARK || c == 0xFFFD) continue;
    uint32_t mask = U_GET_GC_MASK(c);
    if (!(mask & (U_GC_L_MASK | U_GC_ND_MASK | U_GC_NL_MASK | U_GC_M_MASK))) continue;
    if (c == 0x02B9 || c == 0x02BA || c == 0x02BC) continue;  // primes, apostrophe
    AppendFolded(c, &bare);
  }
  return Nfc()->normalize(bare, err);
}

bool NormalizeNonAscii(std::string_view word, std::string* out) {
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(
      icu::StringPiece(word.data(), static_cast<int32_t>(word.size())));
  icu::UnicodeString folded = Nfkc_cf()->normalize(src, err);
  bool transliterate = false;
  for (int32_t i = 0; i < folded.length() && !transliterate;) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    transliterate = c >= 0x80 && TransliteratedScript(c);
  }
  if (transliterate) {
    const Transliterators& t = ThreadTransliterators();
    if (t.any != nullptr) {
      if (t.russian != nullptr) t.russian->transliterate(folded);
      t.any->transliterate(folded);
      // Transliteration keeps case but may produce capitals from
      // compatibility letters; fold again.
      folded = Nfkc_cf()->normalize(folded, err);
    } else {
      transliterate = false;
    }
  }
  icu::UnicodeString composed = StripMarks(folded, err);
  if (U_FAILURE(err)) return false;  // leave `out` empty: never matches
  composed.toUTF8String(*out);
  return transliterate;
}

// Names and news in Russian repeat the same few words; a per-thread cache
// keeps ICU off the scan path for all but the first occurrence.
struct CachedWord {
  std::string normalized;
  bool transliterated;
};

bool NormalizeNonAsciiCached(std::string_view word, std::string* out) {
  constexpr size_t kMaxEntries = 16384;
  thread_local std::unordered_map<std::string, CachedWord> cache;
  auto it = cache.find(std::string(word));
  if (it != cache.end()) {
    *out = it->second.normalized;
    return it->second.transliterated;
  }
  bool transliterated = NormalizeNonAscii(word, out);
  if (cache.size() >= kMaxEntries) cache.clear();
  cache.emplace(std::string(word), CachedWord{*out, transliterated});
  return transliterated;
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

// The word has a Latin letter that stands for a Russian hushing sound:
// š ž č (a caron), Polish ż (a dot), Turkish ş ç (a cedilla), either case.
bool HasHushingLetter(std::string_view word) {
  for (size_t i = 0; i + 1 < word.size(); ++i) {
    auto a = static_cast<uint8_t>(word[i]);
    auto b = static_cast<uint8_t>(word[i + 1]);
    if ((a == 0xC5 && (b == 0xA0 || b == 0xA1 || b == 0xBD || b == 0xBE)) ||
        (a == 0xC4 && (b == 0x8C || b == 0x8D)) || (a == 0xC5 && (b == 0xBB || b == 0xBC)) ||
        (a == 0xC5 && (b == 0x9E || b == 0x9F)) || (a == 0xC3 && (b == 0x87 || b == 0xA7))) {
      return true;
    }
  }
  return false;
}

// `word` with š ž č written sh zh ch, and Polish ż zh.
std::string ExpandHushingLetters(std::string_view word) {
  std::string out;
  out.reserve(word.size() + 4);
  for (size_t i = 0; i < word.size(); ++i) {
    auto a = static_cast<uint8_t>(word[i]);
    auto b = i + 1 < word.size() ? static_cast<uint8_t>(word[i + 1]) : 0;
    const char* digraph = nullptr;
    if (a == 0xC5 && (b == 0xA0 || b == 0xA1)) digraph = "sh";
    if (a == 0xC5 && (b == 0xBD || b == 0xBE || b == 0xBB || b == 0xBC)) digraph = "zh";  // ž, ż
    if (a == 0xC4 && (b == 0x8C || b == 0x8D)) digraph = "ch";
    if (a == 0xC5 && (b == 0x9E || b == 0x9F)) digraph = "sh";  // Turkish ş
    if (a == 0xC3 && (b == 0x87 || b == 0xA7)) digraph = "ch";  // Turkish, Albanian ç
    if (digraph != nullptr) {
      out += digraph;
      ++i;
    } else {
      out += word[i];
    }
  }
  return out;
}

bool StartsLowerCase(std::string_view word) {
  int32_t i = 0;
  UChar32 c = 0;
  U8_NEXT(word.data(), i, static_cast<int32_t>(word.size()), c);
  if (c <= 0 || !u_islower(c)) return false;
  // Georgian's Mkhedruli letters are lower case to Unicode, but the script
  // writes names with them: only scripts whose names take capitals count.
  UErrorCode err = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &err);
  return script == USCRIPT_LATIN || script == USCRIPT_CYRILLIC || script == USCRIPT_GREEK ||
         script == USCRIPT_ARMENIAN;
}

void NormalizeWord(std::string_view word, std::string* out, bool* transliterated) {
  out->clear();
  if (transliterated != nullptr) *transliterated = false;
  bool ascii = true;
  for (char ch : word) ascii &= static_cast<uint8_t>(ch) < 0x80;
  if (ascii) {
    out->assign(word);
    for (char& ch : *out) ch = word_internal::kAsciiLower[static_cast<uint8_t>(ch)];
    return;
  }
  bool t = NormalizeNonAsciiCached(word, out);
  if (transliterated != nullptr) *transliterated = t;
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
