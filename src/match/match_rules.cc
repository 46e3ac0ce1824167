#include "match_rules.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "common_names.h"
#include "common_words.h"
#include "evidence.h"
#include "fuzzy.h"
#include "name_variants.h"
#include "word_scanner.h"

namespace vigil::match_internal {
namespace {

// The word at [start, end) is written exactly as in the list (the list's
// capitals, e.g. "FOREST") and does not open a sentence: a name, not a noun.
bool HasListedCapitals(std::string_view text, size_t start, size_t end, std::string_view listed) {
  std::string_view word = text.substr(start, end - start);
  bool listed_capital = false;
  std::vector<WordSpan> spans;
  FindWords(listed, &spans);
  bool found = false;
  for (const WordSpan& span : spans) {
    std::string_view w = listed.substr(span.start, span.end - span.start);
    if (w == word) {
      found = true;
      // A capital beyond the first letter ("FOREST", "DataBank"): "Forest"
      // at a name's start is how any capitalised word is written.
      listed_capital = std::count_if(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) >= 2;
    }
  }
  if (!found || !listed_capital) return false;
  // In an all-capitals headline every word has the listed capitals.
  constexpr size_t kReach = 60;
  size_t lower = 0;
  for (size_t i = start > kReach ? start - kReach : 0; i < std::min(text.size(), end + kReach);
       ++i) {
    if ((i < start || i >= end) && text[i] >= 'a' && text[i] <= 'z') ++lower;
  }
  if (lower < 10) return false;
  size_t i = start;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  if (i == 0) return false;
  char before = text[i - 1];
  return before != '.' && before != '!' && before != '?' && before != '\n' && before != '\r' &&
         before != '"' && before != ':';
}

// The word before `start` (on the same line) begins with a capital: the
// hit may be the tail of a longer name.
bool AfterCapitalisedWord(std::string_view text, size_t start) {
  size_t i = start;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
  if (i == start || i == 0) return false;
  size_t end = i;
  while (i > 0 && static_cast<uint8_t>(text[i - 1]) < 0x80 &&
         word_internal::IsAsciiWordByte(text[i - 1])) {
    --i;
  }
  return i < end && text[i] >= 'A' && text[i] <= 'Z';
}

// The word after `end` (past spaces, on the same line) begins with a
// capital. A possessive ends the name.
bool BeforeCapitalisedWord(std::string_view text, size_t end) {
  size_t i = end;
  if (i < text.size() && (text[i] == '\'' || static_cast<uint8_t>(text[i]) >= 0x80)) return false;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  return i > end && i < text.size() && text[i] >= 'A' && text[i] <= 'Z';
}

// Whether the text between two words of a name breaks it: a comma, colon,
// semicolon, bracket, blank line or sentence stop ("Vladimir Putin, Roman
// Anin" is no "PUTIN, Roman"). A period after an initial or a legal form
// ("V. Putin", "Co. Ltd") or inside a word ("Amazon.com"), one line break
// (wrapped text), a comma before a legal form ("Apple, Inc.") and a comma in
// list style do not: after an all-capitals surname ("PUTIN, Mikhail"), or
// when the name stands alone (`alone`: no capitalised word around it,
// "listed as Putin, Vladimir Vladimirovich, in").
bool BreaksName(std::string_view text, size_t prev_start, size_t prev_end, size_t next_start,
                size_t next_end, bool alone) {
  std::string_view prev = text.substr(prev_start, prev_end - prev_start);
  std::string next(text.substr(next_start, next_end - next_start));
  for (char& ch : next) ch = word_internal::kAsciiLower[static_cast<uint8_t>(ch)];
  std::string_view gap = text.substr(prev_end, next_start - prev_end);
  int line_breaks = 0;
  for (size_t i = 0; i < gap.size(); ++i) {
    char c = gap[i];
    switch (c) {
      case ':':
      case ';':
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case '|':
      case '<':
      case '>':
        return true;
      case '\n':
        if (++line_breaks > 1) return true;
        break;
      case ',': {
        bool capitals = prev.size() >= 2 && std::all_of(prev.begin(), prev.end(), [](char ch) {
                          return (ch >= 'A' && ch <= 'Z') || static_cast<uint8_t>(ch) >= 0x80;
                        });
        bool right_after = i == 0 || (i == 1 && gap[0] == '.');  // "Co., Ltd."
        if ((!capitals && !alone && !IsLegalFormWord(next)) || !right_after) return true;
        break;
      }
      case '.': {
        // One letter (one code point) before the period: an initial.
        size_t points = 0;
        for (char ch : prev) points += (static_cast<uint8_t>(ch) & 0xC0) != 0x80 ? 1 : 0;
        std::string lower(prev);
        for (char& ch : lower) ch = word_internal::kAsciiLower[static_cast<uint8_t>(ch)];
        // "Amazon.com", "S.A.": a period with no space after it.
        if (gap.size() == 1) break;
        if (i != 0 || (points != 1 && !IsLegalFormWord(lower))) return true;
        break;
      }
      default:
        break;
    }
    // Full-width and ideographic comma, colon, semicolon and full stop.
    if (static_cast<uint8_t>(c) == 0xEF && i + 2 < gap.size() &&
        static_cast<uint8_t>(gap[i + 1]) == 0xBC &&
        (static_cast<uint8_t>(gap[i + 2]) == 0x8C || static_cast<uint8_t>(gap[i + 2]) == 0x9A ||
         static_cast<uint8_t>(gap[i + 2]) == 0x9B)) {
      return true;
    }
    if (static_cast<uint8_t>(c) == 0xE3 && i + 2 < gap.size() &&
        static_cast<uint8_t>(gap[i + 1]) == 0x80 &&
        (static_cast<uint8_t>(gap[i + 2]) == 0x81 || static_cast<uint8_t>(gap[i + 2]) == 0x82)) {
      return true;
    }
  }
  return false;
}

// A capitalised word right before or after [start, end), joined by a
// space or hyphen ("Baikal Finance Group", "Mir-Hossein Mousavi"): the hit
// is part of a longer name. Titles and roles ("President", "Sheikh") and
// ordinary words at a sentence's start ("Yesterday") are not names.
bool IsNameLetter(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'); }

// A word that continues a name: capitalised, not a title or role
// ("President", "Sheikh"), a legal form, a month, or an all-capitals word
// ("CEO", any word of a headline). `sentence_start`: an ordinary word there
// ("Yesterday") is capitalised only because it opens the sentence.
// Articles and prepositions of the other eight languages that open a
// sentence before a name ("Le Hezbollah a tiré", "Die Sberbank zieht",
// "El ELN atacó"): no part of it there ("Le Pen" inside a sentence is).
bool IsForeignFunctionWord(std::string_view lower) {
  static constexpr auto kWords = std::to_array<std::string_view>(
      {"le",  "la",  "les", "un",  "une", "des", "du",  "die", "der", "das", "den", "dem", "ein",
       "eine", "el", "los", "las", "lo",  "il",  "gli", "uno", "una", "w",   "we",  "z",   "ze",
       "na",  "do",  "od",  "po",  "pod", "przez", "su", "ir", "per", "nuo", "del", "al"});
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

// German joins a name and the noun that says what it is into one word
// ("Gazprom-Konzern", "Gazprom-Chef", "Huthi-Miliz"): the noun is no part
// of the name.
bool IsCompoundHead(std::string_view lower) {
  static constexpr auto kWords = std::to_array<std::string_view>(
      {"konzern", "konzerns", "chef", "chefin", "chefs", "gruppe", "miliz", "milizen", "truppe",
       "truppen", "kämpfer", "regime", "regierung", "aktie", "aktien", "bank", "manager",
       "netzwerk", "sprecher", "sprecherin", "imperium", "clan", "vertraute", "anhänger",
       "tanker", "flotte", "pipeline", "sanktionen", "affäre", "deal"});
  return std::find(kWords.begin(), kWords.end(), lower) != kWords.end();
}

bool ContinuesName(std::string_view word, bool sentence_start) {
  if (word.empty() || word[0] < 'A' || word[0] > 'Z') return false;
  if (std::none_of(word.begin(), word.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; })) {
    return false;
  }
  std::string lower(word);
  for (char& ch : lower) ch = word_internal::kAsciiLower[static_cast<uint8_t>(ch)];
  if (IsTitleWord(lower) || IsLegalFormWord(lower) || IsCalendarWord(lower)) return false;
  // A common given name opens a sentence as a name ("John Makin of the
  // institute"), though the dictionary knows "john" as a word.
  return !sentence_start || IsCommonNameWord(lower) ||
         (ClassifyWord(lower) != WordClass::kOrdinary && !IsForeignFunctionWord(lower));
}

// A name-like word joined to `start` by a space or hyphen before it.
bool PrecededByName(std::string_view text, size_t start) {
  size_t i = start;
  if (i == 0 || (text[i - 1] != ' ' && text[i - 1] != '-')) return false;
  --i;
  size_t word_end = i;
  while (i > 0 && IsNameLetter(text[i - 1])) --i;
  size_t k = i;
  while (k > 0 && text[k - 1] == ' ') --k;
  bool sentence_start = k == 0 || text[k - 1] == '.' || text[k - 1] == '!' || text[k - 1] == '?' ||
                        text[k - 1] == '\n' || text[k - 1] == '"' || text[k - 1] == ':';
  return ContinuesName(text.substr(i, word_end - i), sentence_start);
}

// A name-like word joined to `end` by a space or hyphen after it, but the
// noun of a compound ("Gazprom-Konzern").
bool FollowedByName(std::string_view text, size_t end) {
  size_t i = end;
  if (i >= text.size() || (text[i] != ' ' && text[i] != '-')) return false;
  bool hyphen = text[i] == '-';
  size_t word_start = ++i;
  while (i < text.size() && (IsNameLetter(text[i]) || static_cast<uint8_t>(text[i]) >= 0x80)) ++i;
  std::string_view next = text.substr(word_start, i - word_start);
  if (hyphen && next.size() > 1) {
    std::string lower(next);
    for (char& ch : lower) ch = word_internal::kAsciiLower[static_cast<uint8_t>(ch)];
    if (IsCompoundHead(lower)) return false;
  }
  size_t ascii_end = 0;
  while (ascii_end < next.size() && IsNameLetter(next[ascii_end])) ++ascii_end;
  return ContinuesName(next.substr(0, ascii_end), false);
}

// A name-like word right before or after [start, end), joined by a space
// or hyphen ("Baikal Finance Group", "Mir-Hossein Mousavi"): the hit is
// part of a longer name.
bool InsideLongerName(std::string_view text, size_t start, size_t end) {
  return PrecededByName(text, start) || FollowedByName(text, end);
}

// `matched` is three or more capital letters, written exactly as the
// one-word listed name.
bool IsListedAcronym(std::string_view matched, std::string_view listed) {
  return matched.size() >= 3 && matched == listed &&
         std::all_of(matched.begin(), matched.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

// A number or a roman numeral after `end` ("Seapride II", "Sparta 4"):
// part of a ship's name.
bool FollowedByNumeral(std::string_view text, size_t end) {
  size_t i = end;
  if (i >= text.size() || text[i] != ' ') return false;
  size_t s = ++i;
  while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == 'I' || text[i] == 'V' ||
                             text[i] == 'X')) {
    ++i;
  }
  return i > s && (i == text.size() || !IsNameLetter(text[i]));
}

// A hyphen and a letter or digit right after `end`, or one and a hyphen
// right before `start` ("Chien-ming", "RIM-7M").
bool HyphenatedOn(std::string_view text, size_t start, size_t end) {
  auto letter = [](char ch) {
    return IsNameLetter(ch) || (ch >= '0' && ch <= '9') || static_cast<uint8_t>(ch) >= 0x80;
  };
  return (end + 1 < text.size() && text[end] == '-' && letter(text[end + 1])) ||
         (start >= 2 && text[start - 1] == '-' && letter(text[start - 2]));
}

// A legal form after [start, end), past at most three capitalised words
// ("Univisa Inc", "Avia Group International Inc", "SASCO PRODUCTS INC").
bool FollowedByLegalForm(std::string_view text, size_t end) {
  size_t i = end;
  for (int words = 0; words < 4; ++words) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',')) ++i;
    size_t word_start = i;
    while (i < text.size() && ((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= 'A' && text[i] <= 'Z'))) ++i;
    if (i == word_start || text[word_start] < 'A' || text[word_start] > 'Z') return false;
    std::string lower(text.substr(word_start, i - word_start));
    for (char& ch : lower) ch = word_internal::kAsciiLower[static_cast<uint8_t>(ch)];
    if (IsLegalFormWord(lower)) return true;
  }
  return false;
}

// The word before `start` is a legal form ("AB Astra" is no ASTRA LLC).
bool PrecededByLegalForm(std::string_view text, size_t start) {
  size_t i = start;
  if (i == 0 || text[i - 1] != ' ') return false;
  --i;
  size_t word_end = i;
  while (i > 0 && ((text[i - 1] >= 'a' && text[i - 1] <= 'z') || (text[i - 1] >= 'A' && text[i - 1] <= 'Z'))) --i;
  std::string lower(text.substr(i, word_end - i));
  for (char& ch : lower) ch = word_internal::kAsciiLower[static_cast<uint8_t>(ch)];
  return !lower.empty() && IsLegalFormWord(lower);
}

// A spelling step of the hit is the listed word's other-gender form
// ("francesca" for "francesco") while some word of it is as listed.
bool HasGenderForm(const MatcherIndex& index, const std::vector<TextWord>& words,
                   std::string_view arena, const Candidate& c) {
  if (c.fuzzy_count == 0 || c.fuzzy_count == c.last - c.first) return false;
  for (size_t k = 0; k < c.fuzzy_count; ++k) {
    const TextWord& w = words[c.fuzzy[k].pos];
    if (IsGenderForm(arena.substr(w.norm_offset, w.norm_length), index.vocabulary.Word(c.fuzzy[k].listed))) {
      return true;
    }
  }
  return false;
}

// A word of the hit is an ordinary word written in lower case.
bool HasLowerCaseOrdinaryWord(std::string_view text, const std::vector<TextWord>& words,
                              const Candidate& c) {
  for (uint32_t p = c.first; p < c.last; ++p) {
    if (words[p].capitalized) continue;
    std::string lower(text.substr(words[p].start, words[p].end - words[p].start));
    if (IsLegalFormWord(lower) || lower.size() <= 3) continue;  // "of", "de", "and", "ltd"
    if (ClassifyWord(lower) == WordClass::kOrdinary) return true;
  }
  return false;
}

// No word of the hit is capitalised but particles and legal forms
// ("al-tawhid, the oneness of God"): a word, not the body AL-TAWHID, whose
// name news capitalises ("al-Tawhid"). Words of other scripts count as
// capitalised: the test is for Latin text.
bool NoCapitalisedNameWord(const MatcherIndex& index, const std::vector<TextWord>& words,
                           const Candidate& c) {
  bool any = false;
  for (uint32_t p = c.first; p < c.last; ++p) {
    if (words[p].capitalized) return false;
    if (words[p].id != Vocabulary::kUnknown) {
      std::string_view w = index.vocabulary.Word(words[p].id);
      if (IsNameParticle(w) || IsLegalFormWord(w)) continue;
    }
    any = true;
  }
  return any;
}

// Every word of the hit capitalised, but for the words that link a
// name's nouns: "Party of God", "Army for the Liberation of Rwanda" are
// written so; "the base of" is not.
bool CapitalisedButLinks(const MatcherIndex& index, const std::vector<TextWord>& words, const Candidate& c) {
  static constexpr auto kLinks = std::to_array<std::string_view>({"of", "for", "the", "and", "de", "du", "des", "la", "le"});
  if (!words[c.first].capitalized || !words[c.last - 1].capitalized) return false;
  for (uint32_t p = c.first + 1; p + 1 < c.last; ++p) {
    if (words[p].capitalized) continue;
    if (words[p].id == Vocabulary::kUnknown) return false;
    std::string_view w = index.vocabulary.Word(words[p].id);
    if (std::find(kLinks.begin(), kLinks.end(), w) == kLinks.end()) return false;
  }
  return true;
}

// A word of the hit in lower case that is no name particle ("al", "bin").
bool HasLowerCaseNameWord(const MatcherIndex& index, std::string_view text,
                          const std::vector<TextWord>& words, const Candidate& c) {
  for (uint32_t p = c.first; p < c.last; ++p) {
    if (words[p].capitalized) continue;
    // "Jong-un", "Yo'ng-su", "Sa’id": the later part of a joined word; and
    // short lower-case parts of names ("na", "de", "bin").
    if (words[p].end - words[p].start <= 3) continue;
    if (p > c.first) {
      std::string_view gap = text.substr(words[p - 1].end, words[p].start - words[p - 1].end);
      if (gap.find_first_of(" \t\n\r") == std::string_view::npos) continue;
    }
    if (words[p].id == Vocabulary::kUnknown || !IsNameParticle(index.vocabulary.Word(words[p].id))) {
      return true;
    }
  }
  return false;
}

// "of" or "for" and a capitalised word after `end`: the hit starts a
// longer name ("Industrial Bank of Japan").
bool FollowedByOfName(std::string_view text, size_t end) {
  size_t i = end;
  while (i < text.size() && text[i] == ' ') ++i;
  size_t word = i;
  while (i < text.size() && text[i] >= 'a' && text[i] <= 'z') ++i;
  std::string_view link = text.substr(word, i - word);
  if (link != "of" && link != "for" && link != "de") return false;
  while (i < text.size() && text[i] == ' ') ++i;
  return i < text.size() && ((text[i] >= 'A' && text[i] <= 'Z') || static_cast<uint8_t>(text[i]) >= 0x80);
}

// Some word of the hit, matched exactly, is no common given name or
// surname ("Putin" in "Vladimir Putin"); spelling variants count as common.
bool HasDistinctiveWord(const MatcherIndex& index, std::string_view arena,
                        const std::vector<TextWord>& words, const Candidate& c) {
  for (uint32_t p = c.first; p < c.last; ++p) {
    const FuzzyStep* fuzzy = nullptr;
    for (size_t k = 0; k < c.fuzzy_count; ++k) {
      if (c.fuzzy[k].pos == p) fuzzy = &c.fuzzy[k];
    }
    if (fuzzy != nullptr) {
      // "Poutine" for PUTIN: a spelling of a rare name that no common name
      // is spelt like, starting with the same letter ("Yushchenko" is no
      // spelling of ISHCHENKO but another family).
      std::string_view listed = index.vocabulary.Word(fuzzy->listed);
      std::string_view written = arena.substr(words[p].norm_offset, words[p].norm_length);
      // Compared by skeleton: "Хезболла" reads "khezbolla", HIZBALLAH.
      // The same first letter, as the German and Polish press write it
      // ("Wladimir"), or sound ("Choïgou"): "Yushchenko" is not a
      // spelling of ISHCHENKO.
      auto initial = [](std::string_view w) {
        char c = w.empty() ? '\0' : w[0];
        return c == 'w' ? 'v' : c == 'j' ? 'y' : c == 'c' ? 'k' : c;
      };
      std::string written_key = Skeleton(written);
      if (!index.common_name_word[fuzzy->listed] && !IsCommonNameWord(written) &&
          !written_key.empty() &&
          (initial(written) == initial(listed) || SameOnset(written, listed))) {
        return true;
      }
      continue;
    }
    uint32_t id = words[p].id;
    if (id == Vocabulary::kUnknown || index.legal_word[id]) continue;
    std::string_view word = index.vocabulary.Word(id);
    if (!index.common_name_word[id] && word.size() >= 2 && !IsNameParticle(word)) return true;
  }
  return false;
}

// A company's name without its legal form that names no one else: a word
// of it, as listed, is long, in no dictionary and no common name
// ("Severstal", "Rosoboronexport", "Tinkoff Bank"), unlike "Mirza" of
// MIRZA CO. or "Astra" of ASTRA LLC, which are a surname and a word.
bool HasDistinctiveCompanyWord(const MatcherIndex& index, const std::vector<TextWord>& words,
                               const Candidate& c) {
  constexpr size_t kMinDistinctiveBytes = 7;
  for (uint32_t p = c.first; p < c.last; ++p) {
    uint32_t id = words[p].id;
    // A declined word stands for its listed word ("Сбербанка").
    for (size_t k = 0; k < c.fuzzy_count && id == Vocabulary::kUnknown; ++k) {
      if (c.fuzzy[k].pos == p) id = c.fuzzy[k].listed;
    }
    if (id == Vocabulary::kUnknown || index.legal_word[id] || index.common_name_word[id] ||
        !words[p].capitalized) {
      continue;
    }
    std::string_view word = index.vocabulary.Word(id);
    if (word.size() >= kMinDistinctiveBytes && ClassifyWord(word) == WordClass::kName &&
        !IsCommonNameWord(word)) {
      return true;
    }
  }
  return false;
}

// A two-word name, without its legal form, that no one else answers to:
// a long word in no dictionary ("Gazprom", "Severstal") and, beside it, a
// word that is no English word either ("Neft", "Trans"): "Gazprom Neft"
// is that company, where "Tinkoff Bank" or "Astra Group" may be another.
bool IsDistinctivePairName(const MatcherIndex& index, const std::vector<TextWord>& words,
                           const Candidate& c) {
  if (c.last - c.first != 2 || c.fuzzy_count > 0 || !HasDistinctiveCompanyWord(index, words, c)) {
    return false;
  }
  // "Tinkoff Bank", "Interros Group": what kind of body it is, beside the
  // distinctive word (a word of a dictionary of the news's languages is
  // not distinctive enough for that: "Albatros Group").
  static constexpr auto kKinds =
      std::to_array<std::string_view>({"bank", "group", "holding", "holdings", "airlines", "airways"});
  int kinds = 0;
  for (uint32_t p = c.first; p < c.last; ++p) {
    if (words[p].id == Vocabulary::kUnknown || !words[p].capitalized) return false;
    std::string_view word = index.vocabulary.Word(words[p].id);
    if (std::find(kKinds.begin(), kKinds.end(), word) != kKinds.end()) {
      ++kinds;
      continue;
    }
    // No ordinary word, given name or place, common name or legal form.
    if (index.common_name_word[words[p].id] || index.legal_word[words[p].id] ||
        ClassifyWord(word) != WordClass::kName) {
      return false;
    }
  }
  if (kinds == 1) {
    for (uint32_t p = c.first; p < c.last; ++p) {
      if (IsForeignWord(index.vocabulary.Word(words[p].id))) return false;
    }
  }
  return kinds <= 1;
}

// One word starts with the "yu" of Russian and Ukrainian Ю (yu, ju, iu,
// you, jou, iou) and the other with the "i" of И before a consonant: the
// names of two families ("Yushchenko", ISHCHENKO), not two spellings of one.
bool OtherOnsetVowel(std::string_view a, std::string_view b) {
  auto yu = [](std::string_view w) {
    for (std::string_view onset : {"yu", "ju", "iu", "you", "jou", "iou"}) {
      if (w.starts_with(onset)) return true;
    }
    return false;
  };
  auto i_consonant = [](std::string_view w) {
    return w.size() > 1 && w[0] == 'i' && std::string_view("aeiouy").find(w[1]) == std::string_view::npos;
  };
  return (yu(a) && i_consonant(b)) || (yu(b) && i_consonant(a));
}

// Every spelling step of the hit is a case form of its listed word
// ("Газпромом", "Сбербанка"), or the listed word (or a case form of it) as
// another language's press transliterates it ("Rosnieft", "Sbierbankiem"):
// the name as the text's grammar and alphabet write it, not another word
// that looks alike.
bool AllCaseFormsOrReadings(const MatcherIndex& index, const std::vector<TextWord>& words,
                  std::string_view arena, const Candidate& c) {
  for (size_t k = 0; k < c.fuzzy_count; ++k) {
    const TextWord& w = words[c.fuzzy[k].pos];
    std::string_view written = arena.substr(w.norm_offset, w.norm_length);
    std::string_view listed = index.vocabulary.Word(c.fuzzy[k].listed);
    if (!IsInflectionOf(written, listed) && !IsReadingOf(written, listed)) return false;
  }
  return true;
}

// A company's one-word bare name that stands alone: distinctive as listed
// (see HasDistinctiveCompanyWord()), written as listed or declined, with a
// capital, and no ordinary word of another language as the text writes it
// either ("Сентябрь" reads "sentabr", the list's SENTYABR "sentyabr").
bool IsDistinctiveBareName(const MatcherIndex& index, std::string_view text,
                           const std::vector<TextWord>& words, std::string_view arena, const Candidate& c) {
  const TextWord& w = words[c.first];
  if (c.last - c.first != 1 || !w.capitalized || w.lower_case ||
      (c.fuzzy_count > 0 && !AllCaseFormsOrReadings(index, words, arena, c))) {
    return false;
  }
  if (!HasDistinctiveCompanyWord(index, words, c) ||
      IsForeignWord(arena.substr(w.norm_offset, w.norm_length))) {
    return false;
  }
  // "Kuznetsov" of ODK-KUZNETSOV, "Kalashnikov", "Tupolev": a company named
  // after its founder shares the name with thousands of people, and Slavic,
  // Armenian and Georgian family names show it in their ending.
  static constexpr auto kSurnameEndings = std::to_array<std::string_view>(
      {"ov", "ev", "ova", "eva", "in", "ina", "sky", "skiy", "skii", "ski", "enko", "yan", "ian",
       "dze", "shvili", "vich"});
  const uint32_t listed = c.fuzzy_count > 0 ? c.fuzzy[0].listed : w.id;
  std::string_view word = index.vocabulary.Word(listed);
  if (IsForeignWord(word)) return false;  // "Сбербанка": a savings bank, as listed "sberbank"
  if (std::any_of(kSurnameEndings.begin(), kSurnameEndings.end(), [&](std::string_view ending) {
        return word.size() > ending.size() + 3 && word.substr(word.size() - ending.size()) == ending;
      })) {
    return false;
  }
  // "Novastream", "Univisa": two English words run together make a brand
  // that many firms, stations and products coin alike.
  for (size_t cut = 3; cut + 3 <= word.size(); ++cut) {
    if (ClassifyWord(word.substr(0, cut)) != WordClass::kName &&
        ClassifyWord(word.substr(cut)) != WordClass::kName) {
      return false;
    }
  }
  // "GAZPROMBANK (SWITZERLAND)": a headline's capitals say nothing of a
  // name, and a bracketed country after the name makes it a subsidiary's.
  std::string_view written = text.substr(w.start, w.end - w.start);
  if (std::none_of(written.begin(), written.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; }) &&
      std::all_of(written.begin(), written.end(), [](char ch) { return static_cast<uint8_t>(ch) < 0x80; })) {
    return false;
  }
  if (text.substr(w.end, 2) == " (") return false;
  // "Univisa Inc said ... Univisa, a Spanish-language group": a document
  // that gives the name a legal form the list does not is about that
  // other company throughout.
  for (size_t at = text.find(written); at != std::string_view::npos; at = text.find(written, at + 1)) {
    if (FollowedByLegalForm(text, at + written.size())) return false;
  }
  return true;
}

bool HasLegalWord(const MatcherIndex& index, const std::vector<TextWord>& words,
                  const Candidate& c) {
  for (uint32_t p = c.first; p < c.last; ++p) {
    if (words[p].id != Vocabulary::kUnknown && index.legal_word[words[p].id]) return true;
  }
  return false;
}

}  // namespace

// Single-word legal forms that are one form: the text's "Limited" finds a
// listed "LTD", "OOO" a listed "LLC".
const std::vector<std::vector<std::string_view>>& LegalFormSynonyms() {
  static const std::vector<std::vector<std::string_view>> groups = {
      {"ltd", "limited"}, {"inc", "incorporated"}, {"corp", "corporation"}, {"llc", "ooo"},
      {"jsc", "ao"},      {"pjsc", "pao"},         {"ojsc", "oao"},         {"cjsc", "zao"}};
  return groups;
}

// Scores a candidate and decides whether it alerts.
void Evaluate(const MatcherIndex& index, std::string_view text, const std::vector<TextWord>& words,
              std::string_view arena, Candidate* c) {
  const Target& target = index.targets[c->target];
  const Payload& payload = *c->payload;
  c->score = c->similarity;
  c->rank = static_cast<int>(payload.rule) * 2 +
            (c->transliterated != ((payload.flags & kNameTransliterated) != 0) ? 1 : 0);
  if (target.kind == MatchKind::kKeyword) {
    c->alert = true;
    return;
  }
  bool alone = c->last - c->first >= 2 && !AfterCapitalisedWord(text, words[c->first].start) &&
               !BeforeCapitalisedWord(text, words[c->last - 1].end);
  for (uint32_t i = c->first + 1; i < c->last; ++i) {
    if (BreaksName(text, words[i - 1].start, words[i - 1].end, words[i].start, words[i].end,
                   alone)) {
      // Not a reading of the name at all: weak, never an alert.
      c->score = std::min(c->score, kWeakScore);
      c->alert = false;
      c->rank = 1000;
      return;
    }
  }
  const size_t start = words[c->first].start;
  const size_t end = words[c->last - 1].end;
  const std::string_view matched = text.substr(start, end - start);
  bool weak = false;
  int weak_reasons = 0;
  auto make_weak = [&](const char* reason) {
    weak = true;
    ++weak_reasons;
    if (c->weak_reason == nullptr) c->weak_reason = reason;
  };
  // "7.28" is a number, whatever a list calls "7-28".
  if (std::none_of(matched.begin(), matched.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || static_cast<uint8_t>(ch) >= 0x80;
      })) {
    make_weak("digits");
  }
  const bool single = (payload.flags & kSingleWord) != 0;
  const bool vessel = target.type == EntityType::kVessel || target.type == EntityType::kAircraft;
  std::string_view first_word = words[c->first].id != Vocabulary::kUnknown
                                    ? index.vocabulary.Word(words[c->first].id)
                                    : std::string_view();
  if (vessel) {
    // A vessel's or aircraft's name, of one word or several ("Forest",
    // "North Sea", "Eternal Sunshine"), alerts only where a ship word refers
    // to it; a ship word elsewhere in the sentence is about another ship.
    c->context = HasVesselReference(text, start, end);
    if (!c->context) {
      make_weak("no-vessel-reference");
      c->awaits_vessel_word = true;
    }
    // "tanker Nord Pacific", "carrier Ocean City", "Seapride II": another
    // ship's name.
    if (single && (InsideLongerName(text, start, end) || FollowedByNumeral(text, end))) {
      make_weak("inside-longer-name");
    }
    // A lower-case ordinary word is the word, not the ship, even next to
    // ship words: "a cargo aircraft" is no vessel CARGO, "a mystery" no MYSTERY.
    if (single && (payload.flags & (kOrdinaryWord | kProperNoun)) && !words[c->first].capitalized) {
      make_weak("common-word");
    }
    if (single && (IsVesselWord(first_word) || IsCalendarWord(first_word))) make_weak("common-word");
    // "The Greenpeace ship Esperanza": a ship called by an ordinary word or
    // a given name is one of many; the listed one only where the document
    // speaks of sanctions, seizures or a shadow fleet, or where the list's
    // own capitals ("the tanker HUMANITY") or a ship prefix ("MT Fortune")
    // name it as an advisory writes it.
    bool listed_form = HasListedCapitals(text, start, end, index.Name(payload.name)) ||
                       HasShipPrefix(text, start);
    if (!weak && single && (payload.flags & (kOrdinaryWord | kProperNoun)) && !listed_form) {
      c->needs_corroboration = true;
      c->weak_reason = "common-vessel-name";
    }
  } else if (single) {
    // Short one-word names and aliases ("NPA", "ALFA" without its LLC) are
    // mostly other bodies' acronyms or brands.
    bool short_word = end - start <= 4;
    bool common_name = words[c->first].id != Vocabulary::kUnknown &&
                       index.common_name_word[words[c->first].id];
    if (target.type == EntityType::kPerson) {
      make_weak("single-name");
    } else if (short_word && HyphenatedOn(text, start, end)) {
      make_weak("inside-longer-name");  // "RIM-7M", "AIM/RIM-7M Sparrow"
    } else if (short_word && IsListedAcronym(matched, index.Name(payload.name))) {
      // "IRGC", "ELN": an acronym the list gives, in its capitals. Short
      // acronyms name many bodies ("Conservation Reserve Program (CRP)"):
      // the document must support it, or define it after the body's name
      // (see Corroborate()).
      c->needs_corroboration = true;
      c->weak_reason = "acronym";
      // "the GRU, Russia's military intelligence", "die iranischen
      // Revolutionsgarden (IRGC)": the programme's country backs it too.
      c->country_corroborates = true;
    } else if (short_word) {
      make_weak("short");
    } else if (c->fuzzy_count > 0 && AllCaseFormsOrReadings(index, words, arena, *c)
                   ? FollowedByName(text, end)
                   : InsideLongerName(text, start, end)) {
      // "Baikal Finance Group", "Gazprom Neft": another body's name. A
      // declined name is governed by the word before it, which may open
      // the sentence: "Akcje Gazpromu" are Gazprom's shares.
      make_weak("inside-longer-name");
    } else if (c->fuzzy_count > 0 && !AllCaseFormsOrReadings(index, words, arena, *c)) {
      // "Hezbollah" for HIZBALLAH: a one-word spelling needs the document.
      c->needs_corroboration = true;
      c->weak_reason = "spelling-variant";
    } else if (IsCalendarWord(first_word) || common_name) {
      make_weak("common-word");
    } else if ((payload.flags & kOrdinaryWord) || (payload.flags & kProperNoun)) {
      // Ordinary words ("League", "Forest"), and proper nouns that are only
      // an alias ("Baikal" of a gun maker: a place far more often), never
      // alert alone, unless the text writes them with the list's unusual
      // capitals ("FOREST" in running text). A proper noun that is the
      // entity's own name ("Hezbollah") can be confirmed by the document.
      c->context = HasListedCapitals(text, start, end, index.Name(payload.name));
      if (!c->context && ((payload.flags & kOrdinaryWord) || !payload.own_name)) {
        make_weak("common-word");
      }
      if (!c->context && !weak) {
        c->needs_corroboration = true;
        c->weak_reason = "proper-noun";
      }
    } else if ((payload.rule == VariantRule::kLegalForm ||
                (payload.rule == VariantRule::kExact && payload.name == target.primary_name)) &&
               (FollowedByLegalForm(text, end) || PrecededByLegalForm(text, start))) {
      // "Interconsult Inc" is no INTERCONSULT, listed by that one word: a
      // legal form the list does not give makes another company.
      make_weak("other-company");
    } else if (payload.rule == VariantRule::kLegalForm) {
      // A small company's bare name ("Hanley" of HANLEY LIMITED, "Astra" of
      // ASTRA LLC) is more often a place, a brand or another firm: it needs
      // a company word beside it or a document about sanctions.
      c->context = HasOrganizationWordNear(text, start, end);
      // "Severstal", "Transneft", "Сбербанка": a long word in no dictionary,
      // as listed or declined, is the company; "Hanley", "Astra" or "Mirza"
      // (a place, a brand, a given name) are not.
      c->distinctive = !c->context && IsDistinctiveBareName(index, text, words, arena, *c);
      if (!c->context && !c->distinctive) {
        c->needs_corroboration = true;
        c->weak_reason = "bare-name";
        c->country_corroborates = HasDistinctiveCompanyWord(index, words, *c);
      }
    }
  } else if ((payload.flags & kAllOrdinary) &&
             (!CapitalisedButLinks(index, words, *c) || PrecededByName(text, start) ||
              FollowedByOfName(text, end))) {
    // "the base", "day bank": words, not the name; "Barclays Bank Ltd" is
    // a longer name that ends like "BANK LTD", "Industrial Bank of Japan"
    // one that starts like INDUSTRIAL BANK.
    make_weak("common-words");
  } else if ((payload.flags & kAllOrdinary) && !HasLegalWord(index, words, *c)) {
    // "Industrial Bank", "State Planning Commission", "National Liberation
    // Army": descriptions that many bodies answer to; the document must say
    // it is the listed one. With its legal form ("Green Light Ltd") the
    // name is a company's full name.
    c->needs_corroboration = true;
    c->weak_reason = "common-words";
    // "Ministry of Defence", "State Security Department": every state has
    // one; a story about sanctions elsewhere is no support, only the
    // programme's country named in the document is.
    static constexpr auto kStateBodies = std::to_array<std::string_view>(
        {"ministry", "department", "directorate", "bureau", "office", "committee", "commission",
         "agency", "army", "navy", "police", "court", "council", "service", "central", "state"});
    if (target.countries != 0 &&
        std::find(kStateBodies.begin(), kStateBodies.end(), first_word) != kStateBodies.end()) {
      c->country_corroborates = true;
      c->only_country_corroborates = true;
    }
  } else if (target.type == EntityType::kPerson && HyphenatedOn(text, start, end)) {
    // "Yu Chien-ming", "Mir-Hossein Mousavi": a hyphen joins the hit to
    // another name part.
    make_weak("inside-longer-name");
  } else if (target.type == EntityType::kPerson) {
    static constexpr auto kServantOf = std::to_array<std::string_view>(
        {"abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdur", "abdu", "abdool"});
    if (!c->all_capitalized && HasLowerCaseNameWord(index, text, words, *c)) {
      // "than Charlie" is no THAN, Charlie: names are capitalised, but for
      // particles ("Hafez al-Assad", "Osama bin Laden").
      make_weak("lower-case");
    } else if (c->last - c->first == 2 &&
               (std::find(kServantOf.begin(), kServantOf.end(), first_word) != kServantOf.end() ||
                (words[c->first + 1].id != Vocabulary::kUnknown &&
                 std::find(kServantOf.begin(), kServantOf.end(),
                           index.vocabulary.Word(words[c->first + 1].id)) != kServantOf.end()) ||
                std::any_of(c->fuzzy.begin(), c->fuzzy.begin() + c->fuzzy_count, [&](const FuzzyStep& f) {
                  return std::find(kServantOf.begin(), kServantOf.end(), index.vocabulary.Word(f.listed)) !=
                         kServantOf.end();
                }))) {
      // "Abdul Aziz", "Abdul-Rahim": one compound given name ("servant of
      // the Mighty"), not a given name and a surname; a person listed by
      // just such a name ("ABDUL HAQ") needs the document's support.
      if (payload.rule == VariantRule::kExact) {
        c->needs_corroboration = true;
        c->weak_reason = "common-name";
      } else {
        make_weak("single-name");
      }
    } else if (c->last - c->first == 2 && IsTitleWord(first_word)) {
      // "Haji Ibrahim", "Sultan Ahmed", "Qari Zakir": a title and one name
      // is how thousands of people are addressed.
      c->needs_corroboration = true;
      c->weak_reason = "common-name";
    } else if (std::any_of(c->fuzzy.begin(), c->fuzzy.begin() + c->fuzzy_count, [&](const FuzzyStep& f) {
                 const TextWord& w = words[f.pos];
                 return OtherOnsetVowel(arena.substr(w.norm_offset, w.norm_length),
                                        index.vocabulary.Word(f.listed));
               })) {
      // "Viktor Yushchenko" is no ISHCHENKO, Viktor: Ющенко and Ищенко are
      // two families, whatever else the spellings share.
      make_weak("spelling");
    } else if (HasGenderForm(index, words, arena, *c)) {
      // "Francesca Schiavone" is no SCHIAVONE, Francesco: a word in its
      // other gender's form beside a word as listed is another person
      // (both inflected, "Władimira Putina", is a case form).
      make_weak("gender-form");
    } else if (c->fuzzy_count > 0 && (payload.flags & kExactSpelling) &&
               c->min_fuzzy < kCloseReading) {
      // "Wang Chien" is not WANG, Chen: Korean and Chinese names are
      // romanised one way per person (a typo, "Sonng", is still one).
      make_weak("spelling");
    } else if (!HasDistinctiveWord(index, arena, words, *c)) {
      if (InsideLongerName(text, start, end)) {
        // "Arturo Hernandez Grisanti", "Mir-Hossein Mousavi": a longer
        // name that starts or ends with a common one is another person.
        make_weak("inside-longer-name");
      }
      // "Mohammed Ali", "Arturo Hernandez", "Mark Taylor": thousands of
      // people share the name; only the document can say it is this one.
      if (!weak) {
        c->needs_corroboration = true;
        c->weak_reason = "common-name";
      }
    }
  } else if (target.type != EntityType::kPerson && !c->all_capitalized &&
             (HasLowerCaseOrdinaryWord(text, words, *c) ||
              (c->last - c->first >= 2 && NoCapitalisedNameWord(index, words, *c)))) {
    // "African initiative" is no AFRICAN INITIATIVE: a name's words are
    // capitalised (legal forms and particles may not be).
    make_weak("lower-case");
  } else if (payload.rule == VariantRule::kLegalForm &&
             (FollowedByLegalForm(text, end) || PrecededByLegalForm(text, start))) {
    // "<Avia Group International Inc>", "Univisa Inc": a company named
    // with a legal form the list does not give it is another company.
    make_weak("other-company");
  } else if (payload.rule == VariantRule::kLegalForm && c->last - c->first <= 2 &&
             !HasLegalWord(index, words, *c) && !HasOrganizationWordNear(text, start, end)) {
    c->distinctive = IsDistinctivePairName(index, words, *c);
    if (!c->distinctive) {
      c->needs_corroboration = true;
      c->weak_reason = "bare-name";
      c->country_corroborates = HasDistinctiveCompanyWord(index, words, *c);
    }
  }
  // A spelling variant inside a longer capitalised name ("Ali Hosseini
  // Khamenei" is not "Ali Hussein") is only a candidate; only a listed name
  // word counts as the longer name's, since German writes every noun with a
  // capital ("Kremlsprecher Dmitri Peskow").
  auto listed = [&](size_t word_start, size_t word_end) {
    std::string lower(text.substr(word_start, word_end - word_start));
    for (char& ch : lower) ch = word_internal::kAsciiLower[static_cast<uint8_t>(ch)];
    uint32_t id = index.vocabulary.Find(lower);
    return id != Vocabulary::kUnknown && !index.legal_word[id];
  };
  bool inside_longer_name = false;
  if (c->fuzzy_count > 0 && AfterCapitalisedWord(text, words[c->first].start)) {
    size_t e = words[c->first].start;
    while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
    size_t s = e;
    while (s > 0 && word_internal::IsAsciiWordByte(text[s - 1])) --s;
    inside_longer_name = listed(s, e);
  }
  if (c->fuzzy_count > 0 && !inside_longer_name && BeforeCapitalisedWord(text, words[c->last - 1].end)) {
    size_t s = words[c->last - 1].end;
    while (s < text.size() && (text[s] == ' ' || text[s] == '\t')) ++s;
    size_t e = s;
    while (e < text.size() && word_internal::IsAsciiWordByte(text[e])) ++e;
    inside_longer_name = listed(s, e);
  }
  // Weak for another reason than the missing ship word: not a vessel's name.
  if (weak_reasons > 1 || c->score < index.groups[target.group].min_score) {
    c->awaits_vessel_word = false;
  }
  if (weak) c->score = std::min(c->score, kWeakScore);
  if (inside_longer_name) c->score = std::min(c->score, 0.8);
  c->alert = !weak && !c->needs_corroboration && c->score >= index.groups[target.group].min_score;
}

}  // namespace vigil::match_internal
