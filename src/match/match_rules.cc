#include "match_rules.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include "name_variants.h"
#include "word_scanner.h"

namespace vigil::match_internal {
namespace {

bool IsVesselWord(std::string_view w) {
  static constexpr std::array<std::string_view, 29> kWords = {
      "tanker",   "tankers",  "vessel",     "vessels",     "ship",        "ships",
      "yacht",    "yachts",   "superyacht", "freighter",   "boat",        "mv",
      "mt",       "imo",      "trawler",    "barge",       "tug",         "flagged",
      "aircraft", "jet",      "plane",      "tankship",    "steamer",     "carrier",
      "cargo",    "airliner", "helicopter", "supertanker", "supertankers"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// "M/V" and "m/v": a vessel prefix written with a slash.
bool HasSlashedVesselPrefix(std::string_view text) {
  for (size_t i = text.find('/'); i != std::string_view::npos; i = text.find('/', i + 1)) {
    if (i > 0 && i + 1 < text.size() && (text[i - 1] | 0x20) == 'm' &&
        ((text[i + 1] | 0x20) == 'v' || (text[i + 1] | 0x20) == 't')) {
      return true;
    }
  }
  return false;
}

// A vessel word or an IMO number within a few words of [start, end).
bool HasVesselContext(std::string_view text, size_t start, size_t end) {
  constexpr size_t kReach = 60;
  {
    size_t lo = start > kReach ? start - kReach : 0;
    if (HasSlashedVesselPrefix(text.substr(lo, std::min(text.size(), end + kReach) - lo))) {
      return true;
    }
  }
  size_t lo = start > kReach ? start - kReach : 0;
  size_t hi = std::min(text.size(), end + kReach);
  char word[16];
  size_t length = 0;
  for (size_t i = lo; i <= hi; ++i) {
    char c = i < hi ? text[i] : ' ';
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter) {
      if (length < sizeof(word)) word[length] = word_internal::kAsciiLower[static_cast<uint8_t>(c)];
      ++length;
      continue;
    }
    if (length > 0 && length <= sizeof(word) && (i <= start || i - length >= end) &&
        IsVesselWord(std::string_view(word, length))) {
      return true;
    }
    length = 0;
  }
  return false;
}

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
      listed_capital = std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
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
              Candidate* c) {
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
  bool weak = false;
  if (payload.flags & kSingleWord) {
    bool vessel = target.type == EntityType::kVessel || target.type == EntityType::kAircraft;
    // Short one-word names and aliases ("NPA", "ALFA" without its LLC) are
    // mostly other bodies' acronyms or brands.
    bool short_word = words[c->first].end - words[c->first].start <= 4;
    if (target.type == EntityType::kPerson) {
      weak = true;
    } else if (vessel) {
      // Any one-word vessel or aircraft name ("Vladimir", "Zuma", "Liberty")
      // needs a vessel word nearby, however rare the word.
      c->context = HasVesselContext(text, words[c->first].start, words[c->last - 1].end);
      // A lower-case ordinary word is the word, not the ship, even next to
      // ship words: "a cargo aircraft" is no vessel CARGO, "a mystery" no MYSTERY.
      bool plain_word = (payload.flags & kOrdinaryWord) && !words[c->first].capitalized;
      weak = !c->context || plain_word;
    } else if (short_word) {
      weak = true;
    } else if ((payload.flags & kOrdinaryWord) || (payload.flags & kProperNoun)) {
      // Given names and places ("DANIEL", "LUKA") are as ambiguous as
      // ordinary words for untyped entries and organisations too.
      size_t start = words[c->first].start;
      size_t end = words[c->last - 1].end;
      c->context = HasListedCapitals(text, start, end, index.Name(payload.name));
      weak = !c->context;
    }
  } else if ((payload.flags & kAllOrdinary) &&
             (!c->all_capitalized || AfterCapitalisedWord(text, words[c->first].start))) {
    // "the base", "day bank": words, not the name; "Barclays Bank Ltd" is
    // a longer name that ends like "BANK LTD".
    weak = true;
  }
  // A spelling variant inside a longer capitalised name ("Ali Hosseini
  // Khamenei" is not "Ali Hussein") is only a candidate.
  bool inside_longer_name =
      c->fuzzy_count > 0 && (AfterCapitalisedWord(text, words[c->first].start) ||
                             BeforeCapitalisedWord(text, words[c->last - 1].end));
  if (weak) c->score = std::min(c->score, kWeakScore);
  if (inside_longer_name) c->score = std::min(c->score, 0.8);
  c->alert = !weak && c->score >= index.groups[target.group].min_score;
}

}  // namespace vigil::match_internal
