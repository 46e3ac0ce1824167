#include "fuzzy.h"

#include <algorithm>
#include <array>
#include <utility>

namespace vigil::match_internal {
namespace {

// Bit (c - 'a') set for the vowels a e i o u y.
constexpr uint32_t kVowels = (1u << 0) | (1u << 4) | (1u << 8) | (1u << 14) | (1u << 20) | (1u << 24);

bool IsVowel(char c) {
  auto i = static_cast<unsigned>(c - 'a');
  return i < 26 && ((kVowels >> i) & 1) != 0;
}

// One press's transliteration of Cyrillic, as rewrites from the text's
// spelling to the BGN/PCGN one English lists use (longest first at each
// position).
struct Rewrite {
  std::string_view from;
  std::string_view to;
};
constexpr Rewrite kGermanPolish[] = {
    {"szcz", "shch"}, {"tsch", "ch"}, {"sch", "sh"}, {"sz", "sh"}, {"cz", "ch"}, {"rze", "rze"}, {"rz", "zh"},
    {"ch", "kh"},     {"ie", "e"},    {"oe", "u"},   {"w", "v"},   {"j", "y"}};
constexpr Rewrite kFrenchItalian[] = {{"tch", "ch"}, {"gue", "ge"}, {"gui", "gi"}, {"ou", "u"},
                                      {"ch", "sh"},  {"gh", "g"},   {"ss", "s"},   {"j", "zh"}};
constexpr Rewrite kSpanish[] = {{"gue", "ge"}, {"gui", "gi"}, {"tx", "ch"}, {"j", "kh"}};
// Dutch and Scandinavian (Poetin, Wladimirowitsj; Vladimirovitj).
constexpr Rewrite kDutchNordic[] = {{"tsj", "ch"}, {"sj", "sh"}, {"tj", "ch"}, {"oe", "u"}, {"j", "y"}};
// Ukrainian names for Russian ones, and Ukrainian "h" for Russian "g"
// (Volodymyr Volodymyrovych, Oleksandr, Hryhoriy); the digraphs with "h"
// stay as they are.
constexpr Rewrite kUkrainian[] = {{"kh", "kh"},    {"sh", "sh"},    {"ch", "ch"},
                                  {"zh", "zh"},    {"volod", "vlad"}, {"olek", "alek"},
                                  {"h", "g"},      {"y", "i"}};
// Belarusian and Ukrainian passports' "ia", "iu" for the "ya", "yu" of
// Russian (Aliaksandr, Alyaksandr; Yuliia, Yuliya).
constexpr Rewrite kBelarusian[] = {{"ia", "ya"}, {"iu", "yu"}};
// Arabic names as the French and older English press vowel them, read the
// way the US and UK lists do (Mohammed/Muhammad, Hussein/Husayn,
// Ahmed/Ahmad, Youssef/Yusuf).
constexpr Rewrite kArabic[] = {{"ss", "s"}, {"ei", "ay"}, {"ai", "ay"}, {"ee", "i"}, {"oo", "u"},
                               {"ou", "u"}, {"e", "a"},   {"o", "u"}};
constexpr Rewrite kHungarian[] = {{"gy", "d"},  {"ty", "t"},  {"ny", "n"},
                                  {"cs", "ch"}, {"zs", "zh"}, {"j", "y"}};

// The rewrites applied to `word` (up to 64 bytes) into `out`, which holds
// 2 * 64 bytes; returns the rewritten word. No allocation: the scan tries
// these for every spelling variant it weighs.
template <size_t N>
std::string_view Apply(std::string_view word, const Rewrite (&rules)[N], char* out) {
  size_t k = 0;
  for (size_t i = 0; i < word.size();) {
    bool done = false;
    for (const Rewrite& rule : rules) {
      // The first letter first: most positions match no rule, and a
      // string compare per rule and position is most of a reading's cost.
      if (word[i] == rule.from[0] && word.substr(i, rule.from.size()) == rule.from) {
        for (char c : rule.to) out[k++] = c;
        i += rule.from.size();
        done = true;
        break;
      }
    }
    if (!done) out[k++] = word[i++];
  }
  return std::string_view(out, k);
}

// JW of `written` and `listed`, also with a case ending (vowel or
// consonant) taken off `written`.
// A Russian name's final "-ий"/"-ей"/"-ый", however romanised: "dmitri",
// "dmitriy", "dmitrij", "dmitry" all end in one; returns the stem before it
// (or the word, if it has none).
std::string_view WithoutFinalYot(std::string_view word) {
  for (std::string_view ending : {"iy", "ij", "ii", "yj", "yi", "i", "j", "y"}) {
    if (word.size() > ending.size() + 2 && word.ends_with(ending)) {
      return word.substr(0, word.size() - ending.size());
    }
  }
  return word;
}

// What a word that sounds like the listed one letter for letter scores:
// a close reading (kCloseReading), below the listed spelling itself.
constexpr double kSoundsAlike = 0.97;

double BestWithoutEnding(std::string_view written, std::string_view listed) {
  static constexpr std::string_view kEndings[] = {
      "iumi", "umi", "owi", "ovi", "iem", "ego", "emu", "aus", "ius", "ui", "em", "om", "ym", "im",
      "as",  "is",  "us",  "ys",  "ie",  "a",   "u",   "e",  "o",  "y",  "s"};
  double best = JaroWinkler(written, listed);
  std::string_view written_stem = WithoutFinalYot(written);
  if (written_stem.size() < written.size() && written_stem == WithoutFinalYot(listed)) return 1.0;
  for (std::string_view ending : kEndings) {
    if (written.size() >= ending.size() + 4 && written.ends_with(ending)) {
      std::string_view stem = written.substr(0, written.size() - ending.size());
      best = std::max(best, SoundsAlike(stem, listed) ? kSoundsAlike : JaroWinkler(stem, listed));
    }
  }
  return best;
}

}  // namespace

bool IsInflectionOf(std::string_view written, std::string_view listed) {
  // Russian, Polish, Czech and Lithuanian noun case endings, as the
  // normaliser writes them (no diacritics; Cyrillic read as BGN/PCGN).
  static constexpr std::string_view kEndings[] = {
      "a",   "u",   "e",   "y",   "i",   "o",   "ie",  "om",  "em",  "ym",  "im",  "oy",
      "ey",  "yu",  "ya",  "ov",  "ow",  "ach", "akh", "ami", "owi", "ovi", "ego", "emu",
      "iem", "as",  "is",  "us",  "ys",  "os",  "ai",  "ui",  "ams", "uose", "oje"};
  if (listed.size() < 4 || written.size() < listed.size() || written[0] != listed[0]) return false;
  auto ends_with_ending = [&](std::string_view stem) {
    if (!written.starts_with(stem) || written.size() <= stem.size()) return false;
    std::string_view ending = written.substr(stem.size());
    for (std::string_view e : kEndings) {
      if (ending == e) return true;
    }
    return false;
  };
  if (ends_with_ending(listed)) return true;
  // Polish softens the stem's last consonant before the "-e" of the
  // locative and dative ("Władimirze", "Łukaszence", "Ołdze"), read here
  // as the normaliser and the Polish reading write them.
  static constexpr std::pair<std::string_view, std::string_view> kSoftened[] = {
      {"r", "rze"}, {"ra", "rze"}, {"ka", "ce"}, {"ko", "ce"}, {"ga", "dze"}, {"ta", "cie"},
      {"t", "cie"}, {"da", "dzie"}, {"d", "dzie"}, {"la", "le"}};
  if (listed.size() >= 5) {
    for (const auto& [from, to] : kSoftened) {
      if (listed.ends_with(from) && written.size() == listed.size() - from.size() + to.size() &&
          written.ends_with(to) &&
          written.substr(0, listed.size() - from.size()) == listed.substr(0, listed.size() - from.size())) {
        return true;
      }
    }
  }
  char last = listed.back();
  bool vowel = last == 'a' || last == 'o' || last == 'e' || last == 'y' || last == 'i' || last == 'u';
  return vowel && listed.size() >= 5 && ends_with_ending(listed.substr(0, listed.size() - 1));
}

std::string_view InflectionStem(std::string_view word) {
  static constexpr std::string_view kEndings[] = {"iumi", "owi", "ovi", "iem", "ego", "emu",
                                                  "aus",  "ius", "umi", "em",  "om",  "ym",
                                                  "im",   "as",  "is",  "us",  "ys",  "s"};
  if (word.size() < 6) return word;
  // Polish "-rze" is "-r" softened before the locative's "-e"
  // ("wladimirze"): the skeleton keeps the "r".
  if (word.size() >= 7 && word.ends_with("rze")) return word.substr(0, word.size() - 2);
  // Every ending ends in one of these letters (most words end otherwise).
  char last = word.back();
  if (last != 'i' && last != 'm' && last != 's' && last != 'o' && last != 'u') return word;
  for (std::string_view ending : kEndings) {
    // Five letters must remain: "qassem" keeps its "-em" ("qasem").
    if (word.size() >= ending.size() + 5 && word.ends_with(ending) &&
        !(ending == "s" && word[word.size() - 2] == 'c')) {  // Hungarian "cs" is "ch"
      return word.substr(0, word.size() - ending.size());
    }
  }
  return word;
}

double SpellingSimilarity(std::string_view written, std::string_view listed) {
  // A case form of the listed word is the name as written, less a little
  // (the listed spelling ranks first).
  if (IsInflectionOf(written, listed)) return 0.98;
  double best = JaroWinkler(written, listed);
  // Respellings lift a word a little; one far from the listed word, or one
  // close enough already, is left as it is.
  if (best >= 0.95 || best < 0.6 || listed.size() < 4 || written.size() > 64) return best;
  // A respelling is a reading, not the word as written: a little less
  // than an exact one, so that the listed spelling ranks first.
  constexpr double kRespelled = 0.02;
  char buffer[2 * 64];
  // A case ending taken off the word as written is a case reading, not a
  // respelling ("aliaksandras" for "alyaksandr"): no deduction; nor is a
  // word that sounds alike letter for letter ("Ramsan", "Sacharowa").
  best = std::max(best, BestWithoutEnding(written, listed));
  if (SoundsAlike(written, listed)) best = std::max(best, kSoundsAlike);
  double respelled = 0;
  auto try_reading = [&](std::string_view reading) {
    if (reading == written) return;
    respelled = std::max(respelled, IsInflectionOf(reading, listed) ? 0.99 : BestWithoutEnding(reading, listed));
  };
  try_reading(Apply(written, kGermanPolish, buffer));
  try_reading(Apply(written, kFrenchItalian, buffer));
  try_reading(Apply(written, kSpanish, buffer));
  try_reading(Apply(written, kHungarian, buffer));
  try_reading(Apply(written, kBelarusian, buffer));
  try_reading(Apply(written, kDutchNordic, buffer));
  try_reading(Apply(written, kUkrainian, buffer));
  // Arabic names take no case endings: the reading alone, one comparison,
  // for words already 0.8 alike (a big list's scan weighs many spellings).
  if (best >= 0.8) {
    std::string_view arabic = Apply(written, kArabic, buffer);
    if (arabic != written) respelled = std::max(respelled, JaroWinkler(arabic, listed));
  }
  return std::max(best, respelled - kRespelled);
}

bool IsReadingOf(std::string_view written, std::string_view listed) {
  if (listed.size() < 4 || written.size() > 64 || written == listed) return false;
  char buffer[2 * 64];
  auto reads = [&](std::string_view reading) {
    return reading != written && (reading == listed || IsInflectionOf(reading, listed));
  };
  return reads(Apply(written, kGermanPolish, buffer)) || reads(Apply(written, kFrenchItalian, buffer)) ||
         reads(Apply(written, kSpanish, buffer)) || reads(Apply(written, kHungarian, buffer)) ||
         reads(Apply(written, kBelarusian, buffer)) || reads(Apply(written, kDutchNordic, buffer)) ||
         reads(Apply(written, kUkrainian, buffer));
}

bool IsGenderForm(std::string_view a, std::string_view b) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.back() != 'a') std::swap(a, b);
  if (b.back() != 'a' || b.size() < 4) return false;
  std::string_view stem = b.substr(0, b.size() - 1);
  if (a == stem) return true;
  return a.size() == b.size() && a.substr(0, a.size() - 1) == stem && (a.back() == 'o' || a.back() == 'y');
}

// The skeleton's one letter for the hushing and velar sounds that the
// presses spell "sh", "ch", "kh", "zh", "j", "sch", "sz", "cz", "tsch", ...
// (ш, ч, х, ж, щ, Arabic ج): the spellings of one sound differ more
// between presses than these sounds differ within one ("Loukachenko",
// "Lukaschenko", "Lukashenko"; German "sch" is both ш and ж).
// Not a letter a word keeps ("x" is written "ks").
constexpr char kHush = 'x';

// The skeleton, or with kKeepVowels its vowel-keeping form (SoundsAlike()).
template <bool kKeepVowels>
size_t SkeletonOf(std::string_view word, char* out, bool stem) {
  if (stem) word = InflectionStem(word);
  const size_t n = word.size();
  auto at = [&](size_t k) { return k < n ? word[k] : '\0'; };
  size_t i = 0;
  // A leading "y" or "j" before a vowel (Yevgeny, Jewgeni, Jurij) goes.
  if (n >= 2 && (word[0] == 'y' || word[0] == 'j') && IsVowel(word[1])) i = 1;
  // One pass: each letter, or digraph, maps to one or two letters (ph->f,
  // x->ks, ...), which are then kept as consonants, dropped as vowels (a
  // leading one becomes "a"), or dropped as a repeat.
  size_t k = 0;
  bool first = true;
  char last_mapped = '\0';
  // Without branches: vowels and consonants alternate unpredictably.
  auto emit = [&](char c) {
    bool vowel = IsVowel(c);
    if constexpr (kKeepVowels) {
      char kept = c == 'y' ? 'i' : c;
      if (k == 0 || out[k - 1] != kept) out[k++] = kept;
      first = false;
      last_mapped = c;
      return;
    }
    bool repeat = k > 0 && out[k - 1] == c;
    out[k] = vowel ? 'a' : c;
    k += vowel ? first : !repeat;
    first = false;
    last_mapped = c;
  };
  // Letters that start a digraph or map to another letter.
  constexpr uint32_t kSpecial = (1u << ('p' - 'a')) | (1u << ('d' - 'a')) | (1u << ('z' - 'a')) |
                                (1u << ('t' - 'a')) |
                                (1u << ('k' - 'a')) | (1u << ('s' - 'a')) | (1u << ('c' - 'a')) |
                                (1u << ('q' - 'a')) | (1u << ('x' - 'a')) | (1u << ('w' - 'a')) |
                                (1u << ('j' - 'a')) | (1u << ('g' - 'a'));
  for (; i < n; ++i) {
    char c = word[i];
    auto letter = static_cast<unsigned>(c - 'a');
    if (letter >= 26) return 0;
    if constexpr (kKeepVowels) {
      // French "ou" is "u" (Loukachenko, Youssef).
      if (c == 'o' && at(i + 1) == 'u') {
        emit('u');
        ++i;
        continue;
      }
    }
    if (!((kSpecial >> letter) & 1)) {
      emit(c);
      continue;
    }
    char next = at(i + 1);
    switch (c) {
      case 'p':
        if (next == 'h') {
          emit('f');
          ++i;
        } else {
          emit(c);
        }
        break;
      case 'd':
        if (next == 'z' && at(i + 2) == 'h') {
          emit(kHush);
          i += 2;
        } else if (next == 'j') {
          emit(kHush);
          ++i;
        } else {
          emit(c);
        }
        break;
      case 'z':
        // "z" and "s" are one sound across transliterations (Ramzan/Ramsan,
        // Zakharova/Sacharowa); "zh" is hushing (Prigozhin/Prigoschin).
        if (next == 'h') {
          emit(kHush);
          ++i;
        } else {
          emit('s');
        }
        break;
      case 'k':
        // "kh" is the hushing class: German and Polish write х "ch"
        // (Zakharova, Sacharowa; Khodorkovsky, Chodorkowski).
        if (next == 'h') {
          emit(kHush);
          ++i;
        } else {
          emit('k');
        }
        break;
      case 't':
        // German "tsch", French "tch", Dutch "tsj", Scandinavian "tj" and
        // Catalan "tx" are the English "ch" (Vladimirovitsch,
        // Vladimirovitj, Wladimirowitsj, Vladímirovitx).
        if (next == 's' && at(i + 2) == 'c' && at(i + 3) == 'h') {
          emit(kHush);
          i += 3;
        } else if ((next == 'c' && at(i + 2) == 'h') || (next == 's' && at(i + 2) == 'j')) {
          emit(kHush);
          i += 2;
        } else if (next == 'j' || next == 'x') {
          emit(kHush);
          ++i;
        } else {
          emit(c);
        }
        break;
      case 's':
        // English "sh", German "sch", Polish "sz" and Dutch "sj" are one sound.
        if (next == 'z' || next == 'h' || next == 'j') {
          emit(kHush);
          ++i;
        } else if (next == 'c' && at(i + 2) == 'h') {
          emit(kHush);
          i += 2;
        } else {
          emit(c);
        }
        break;
      case 'c':
        // "ch" is the hushing class for every press's spelling of ч, ш and
        // х (Sechin, Setschin; Shoigu, Choïgou; Sacharowa), and so are
        // Polish "cz" and Hungarian "cs"; "ck" is "k".
        if (next == 'h' || next == 'z' || next == 's') {
          emit(kHush);
          ++i;
        } else {
          emit('k');
          if (next == 'k') ++i;
        }
        break;
      case 'g':
        // Hungarian "gy" before a vowel is "d" (Vlagyimir).
        if (next == 'y' && IsVowel(at(i + 2))) {
          emit('d');
          ++i;
        } else {
          emit(c);
        }
        break;
      case 'q':
        emit('k');
        break;
      case 'x':
        emit('k');
        emit('s');
        break;
      case 'w':
        emit('v');
        break;
      case 'j':
        // After a vowel and not before an "i", "j" is the glide "y" of
        // German, Polish and Baltic spellings (Siergieja, Sergejus, Sergej);
        // else it is "zh" or Arabic "j", hushing (Prigojine, Majid).
        emit(!first && IsVowel(last_mapped) && next != 'i' ? 'i' : kHush);
        break;
      default:
        emit(c);
    }
  }
  if (k > 1 && out[k - 1] == 'h') --k;
  return k;
}

bool MaySpellAlone(std::string_view listed) {
  if (listed.size() < kMinSpellingSingleBytes || listed.size() > 64) return false;
  char key[2 * 64];
  return SkeletonInto(listed, key) >= 4;
}

bool SameOnset(std::string_view written, std::string_view listed) {
  if (written.empty() || listed.empty()) return false;
  if (written[0] == listed[0]) return true;
  if (written.size() > 64 || listed.size() > 64) return false;
  char a[2 * 64];
  char b[2 * 64];
  size_t na = SkeletonInto(written, a);
  size_t nb = SkeletonInto(listed, b);
  if (na > 0 && nb > 0 && a[0] == b[0] && a[0] != 'a') return true;
  // Russian writes the Arabic "h" as "х", "kh" in Latin: "Хезболла".
  return written.starts_with("kh") && listed[0] == 'h';
}

size_t SkeletonInto(std::string_view word, char* out, bool stem) {
  return SkeletonOf<false>(word, out, stem);
}

bool SoundsAlike(std::string_view a, std::string_view b) {
  if (a.size() > 64 || b.size() > 64) return false;
  char fa[2 * 64];
  char fb[2 * 64];
  size_t na = SkeletonOf<true>(a, fa, false);
  size_t nb = SkeletonOf<true>(b, fb, false);
  return na >= 4 && na == nb && std::string_view(fa, na) == std::string_view(fb, nb);
}

std::string WholeSkeleton(std::string_view word) {
  std::string key(2 * word.size(), '\0');
  key.resize(SkeletonInto(word, key.data(), false));
  return key;
}

std::string Skeleton(std::string_view word) {
  std::string key(2 * word.size(), '\0');
  key.resize(SkeletonInto(word, key.data()));
  return key;
}

double JaroWinkler(std::string_view a, std::string_view b) {
  if (a.empty() && b.empty()) return 1.0;
  if (a.empty() || b.empty()) return 0.0;
  if (a.size() > 64 || b.size() > 64) return a == b ? 1.0 : 0.0;
  size_t window = std::max(a.size(), b.size()) / 2;
  window = window > 0 ? window - 1 : 0;
  std::array<bool, 64> a_matched{};
  std::array<bool, 64> b_matched{};
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    size_t lo = i > window ? i - window : 0;
    size_t hi = std::min(b.size(), i + window + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (b_matched[j] || a[i] != b[j]) continue;
      a_matched[i] = b_matched[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  size_t transpositions = 0;
  for (size_t i = 0, j = 0; i < a.size(); ++i) {
    if (!a_matched[i]) continue;
    while (!b_matched[j]) ++j;
    if (a[i] != b[j]) ++transpositions;
    ++j;
  }
  double m = static_cast<double>(matches);
  double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                 (m - static_cast<double>(transpositions) / 2.0) / m) /
                3.0;
  size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

}  // namespace vigil::match_internal
