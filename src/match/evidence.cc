#include "evidence.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "name_variants.h"
#include "normalize.h"

namespace vigil::match_internal {
namespace {

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// A byte of a word: an ASCII letter or digit, or any byte of a non-ASCII
// character (letters of other scripts; punctuation there is rare enough).
bool IsWordByte(char c) {
  return IsLetter(c) || (c >= '0' && c <= '9') || static_cast<uint8_t>(c) >= 0x80;
}

// Lower-cases ASCII, Latin-1 capitals (À..Þ) and Cyrillic capitals (А..Я,
// Ё), enough to compare ship words in the languages Vigil's evidence knows.
std::string LowerWord(std::string_view word) {
  std::string out(word);
  for (size_t i = 0; i < out.size(); ++i) {
    auto b = static_cast<uint8_t>(out[i]);
    if (b < 0x80) {
      out[i] = Lower(out[i]);
    } else if (i + 1 < out.size()) {
      auto n = static_cast<uint8_t>(out[i + 1]);
      if (b == 0xC3 && n >= 0x80 && n <= 0x9E && n != 0x97) {
        out[i + 1] = static_cast<char>(n + 0x20);
      } else if (b == 0xD0 && n >= 0x90 && n <= 0x9F) {
        out[i + 1] = static_cast<char>(n + 0x20);
      } else if (b == 0xD0 && n >= 0xA0 && n <= 0xAF) {
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(n - 0x20);
      } else if (b == 0xD0 && n == 0x81) {
        out[i] = static_cast<char>(0xD1);
        out[i + 1] = static_cast<char>(0x91);
      }
      ++i;
    }
  }
  return out;
}
// Ends a sentence or clause for the purpose of "refers to this name".
bool IsStop(char c) { return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n'; }

// The length of a quotation mark that ends at `i` (before) or starts at
// `i` (at), or 0: « » „ “ ” ‘ ’ ‹ › are UTF-8 bytes >= 0x80, which the word
// readers below would take for letters ("Сухогруз «Спарта IV»").
size_t QuoteBefore(std::string_view text, size_t i) {
  if (i >= 2 && static_cast<uint8_t>(text[i - 2]) == 0xC2 &&
      (static_cast<uint8_t>(text[i - 1]) == 0xAB || static_cast<uint8_t>(text[i - 1]) == 0xBB)) {
    return 2;
  }
  if (i >= 3 && static_cast<uint8_t>(text[i - 3]) == 0xE2 && static_cast<uint8_t>(text[i - 2]) == 0x80) {
    auto b = static_cast<uint8_t>(text[i - 1]);
    if ((b >= 0x98 && b <= 0x9F) || b == 0xB9 || b == 0xBA) return 3;
  }
  return 0;
}
size_t QuoteAt(std::string_view text, size_t i) {
  if (i + 2 <= text.size() && QuoteBefore(text, i + 2) == 2) return 2;
  if (i + 3 <= text.size() && QuoteBefore(text, i + 3) == 3) return 3;
  return 0;
}

// One ASCII word of a text, lower-cased, or empty at a stop or the text's
// edge.
struct Neighbour {
  std::string word;
  size_t start = 0;
  size_t end = 0;
  bool comma_or_bracket = false;  // a comma or bracket lies between
};

// The word before `pos`, over spaces, quotes and hyphens (not over a
// stop). Non-ASCII letters end the search: the word is not ours to read.
Neighbour WordBefore(std::string_view text, size_t pos) {
  Neighbour n;
  size_t i = pos;
  while (i > 0) {
    if (size_t quote = QuoteBefore(text, i)) {
      i -= quote;
      continue;
    }
    if (IsWordByte(text[i - 1])) break;
    char c = text[i - 1];
    if (IsStop(c)) return n;
    if (c == ',' || c == '(' || c == ')') n.comma_or_bracket = true;
    --i;
  }
  n.end = i;
  while (i > 0 && IsWordByte(text[i - 1]) && QuoteBefore(text, i) == 0) --i;
  n.start = i;
  n.word = LowerWord(text.substr(n.start, n.end - n.start));
  return n;
}

Neighbour WordAfter(std::string_view text, size_t pos) {
  Neighbour n;
  size_t i = pos;
  // A possessive belongs to the name: "Forest's crew".
  if (i + 1 < text.size() && text[i] == '\'' && Lower(text[i + 1]) == 's') i += 2;
  while (i < text.size()) {
    if (size_t quote = QuoteAt(text, i)) {
      i += quote;
      continue;
    }
    if (IsWordByte(text[i])) break;
    char c = text[i];
    if (IsStop(c)) return n;
    if (c == ',' || c == '(' || c == ')') n.comma_or_bracket = true;
    ++i;
  }
  n.start = i;
  while (i < text.size() && IsWordByte(text[i]) && QuoteAt(text, i) == 0) ++i;
  n.end = i;
  n.word = LowerWord(text.substr(n.start, n.end - n.start));
  return n;
}

// `stem` (lower case) is written at text[i], ASCII letters in either case.
bool StemAt(std::string_view text, size_t i, const char* stem) {
  size_t k = 0;
  while (stem[k] != '\0' && i + k < text.size() && Lower(text[i + k]) == stem[k]) ++k;
  return stem[k] == '\0';
}

// The word starts among text[from, from + 16), as bits, given whether the
// byte before `from` is a word byte: a letter or a non-ASCII byte ("й"),
// after a byte that is neither, or after a quotation mark ("„Hezbollah“",
// "«Хезболла»"), whose bytes are non-ASCII too.
#if defined(__SSE2__)
uint32_t WordStarts16(std::string_view text, size_t from, bool word_before) {
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + from));
  // A letter: (b | 0x20) in 'a'..'z'; a non-ASCII byte: the sign bit.
  const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
  const __m128i ge_a = _mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1));
  const __m128i le_z = _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1));
  const auto letters = static_cast<uint32_t>(_mm_movemask_epi8(_mm_and_si128(ge_a, le_z)));
  const auto high = static_cast<uint32_t>(_mm_movemask_epi8(v));
  const uint32_t word = letters | high;
  const uint32_t before = (word << 1) | (word_before ? 1u : 0u);
  uint32_t starts = word & ~before & 0xFFFF;
  // After a non-ASCII byte: a start only after a quotation mark, whose
  // last byte is 0x98..0x9F, 0xAB, 0xB9, 0xBA or 0xBB.
  uint32_t after_high = word & ((high << 1) | (word_before && from > 0 &&
                                               static_cast<uint8_t>(text[from - 1]) >= 0x80 ? 1u : 0u)) & 0xFFFF;
  for (; after_high != 0; after_high &= after_high - 1) {
    auto k = static_cast<size_t>(__builtin_ctz(after_high));
    if (QuoteBefore(text, from + k) != 0) starts |= 1u << k;
  }
  return starts;
}
#endif

// The first non-null `found(i)` at a word's start i, outside [skip_start,
// skip_end): the document-wide searches for evidence words, in one pass.
// Sixteen bytes at a time: these searches read whole documents, for every
// one with a hit that needs backing (most of a million-name list's).
template <typename Found>
const char* FirstAtWordStart(std::string_view text, size_t skip_start, size_t skip_end, Found&& found) {
  auto start_at = [&](size_t i) {
    // A quotation mark opens a word: "„Hezbollah“", "«Хезболла»".
    return i == 0 || !(IsLetter(text[i - 1]) ||
                       (static_cast<uint8_t>(text[i - 1]) >= 0x80 && QuoteBefore(text, i) == 0));
  };
  size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= text.size(); i += 16) {
    bool word_before = i > 0 && (IsLetter(text[i - 1]) || static_cast<uint8_t>(text[i - 1]) >= 0x80);
    for (uint32_t starts = WordStarts16(text, i, word_before); starts != 0; starts &= starts - 1) {
      size_t at = i + static_cast<size_t>(__builtin_ctz(starts));
      if (at >= skip_start && at < skip_end) continue;
      if (const char* stem = found(at)) return stem;
    }
  }
#endif
  for (; i < text.size(); ++i) {
    if (!start_at(i) || (i >= skip_start && i < skip_end)) continue;
    if (const char* stem = found(i)) return stem;
  }
  return nullptr;
}

bool IsOrganizationWord(std::string_view w) {
  static constexpr auto kWords = std::to_array<std::string_view>(
      {"bank",      "banks",     "company",    "companies", "concern",  "conglomerate",
       "corp",      "firm",      "giant",      "group",     "holding",  "lender",
       "maker",     "monopoly",  "operator",   "producer",  "exporter", "shareholder",
       "shares",    "subsidiary", "unit",      "affiliate", "ltd",      "llc",
       "plc",       "inc",       "jsc",        "pjsc",      "ojsc",     "gmbh",
       "corporation", "enterprise", "shipyard", "refinery",  "airline",  "carrier",
       "manufacturer", "contractor", "supplier", "insurer",  "fund",     "foundation",
       "miner",     "branches",  "shipper",    "shipping",  "owned",    "controlled",
       "run",       "ceo",       "brokerage",  "lenders",   "stake",    "tankers",
       // German, French, Spanish, Italian, Polish, Lithuanian, Russian.
       "konzern",   "konzerns",  "unternehmen", "gruppe",   "banque",   "groupe",
       "société",   "societe",   "entreprise", "banco",    "empresa",  "grupo",
       "compañía",  "banca",     "gruppo",     "società",  "azienda",  "spółka",
       "spolka",    "koncern",   "grupa",      "bankas",   "bendrovė", "bendrove",
       "концерн",   "компания",  "банк",       "группа",   "корпорация", "холдинг"});
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

// Other languages' ship words, as stems (case endings follow): German,
// French, Spanish, Italian, Polish, Lithuanian and Russian. German writes
// them with a capital, as every noun.
bool IsForeignVesselWord(std::string_view w) {
  static constexpr auto kStems = std::to_array<std::string_view>(
      {"pétrolier", "petrolier", "navire",   "vraquier",  "méthanier", "chimiquier", "petroler",
       "buque",     "carguero",  "granelero", "metanero", "portacontainer", "petroliera",
       "tankowc",   "tankowiec", "masowc",   "masowiec",  "statek",   "statku",    "gazowc",
       "kontenerowc", "tanklaiv", "laivas",  "laivo",     "jacht",    "jachta",    "frachter",
       "танкер",    "сухогруз",  "судн",     "теплоход",  "яхт",      "газовоз",   "балкер",
       "трубоукладчик", "контейнеровоз", "лесовоз", "flagge",  "bandera",  "bandiera",
       "pavillon",  "bander",    "vėliav",   "флаг"});
  for (std::string_view stem : kStems) {
    if (w.starts_with(stem)) return true;
  }
  // German compounds: "Öltanker", "Frachtschiff", "Containerschiff".
  return w.size() > 6 && (w.ends_with("tanker") || w.ends_with("schiff") || w.ends_with("frachter"));
}

}  // namespace

bool IsVesselWord(std::string_view w) {
  if (IsForeignVesselWord(w)) return true;
  static constexpr auto kWords = std::to_array<std::string_view>(
      {"tanker",   "tankers",    "vessel",    "vessels",     "ship",      "ships",
       "yacht",    "yachts",     "superyacht", "freighter",  "boat",      "mv",
       "mt",       "imo",        "trawler",   "barge",       "tug",       "tugboat",
       "flagged",  "tankship",   "steamer",   "supertanker", "supertankers", "bulker",
       "containership", "ferry", "dhow",      "vlcc",        "carrier",   "aircraft",
       "jet",      "plane",      "airliner",  "helicopter",  "airplane",  "frigate",
       "lng",      "lpg",        "nave",      "yate",        "barco",     "navío",
       "bateau",   "pipelayer",  "layer",     "dredger",     "icebreaker", "warship",
       "cruiser",  "destroyer",  "submarine", "corvette",    "liner",     "schooner",
       "catamaran", "megayacht", "gigayacht", "reefer",      "bulkcarrier"});
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

bool HasVesselReference(std::string_view text, size_t start, size_t end) {
  if (HasShipPrefix(text, start)) return true;  // "M/V Forest", "MT Forest"
  // A ship word written in capitals beside the name is part of another
  // name ("Jet Star", "Piper Aircraft"), unless the text is in capitals or
  // the word is German ("Das Frachtschiff Sparta IV").
  auto plain = [&](const Neighbour& n) {
    return n.start < text.size() && (!(text[n.start] >= 'A' && text[n.start] <= 'Z') ||
                                     IsForeignVesselWord(n.word) ||
                                     (n.word == "mv" || n.word == "mt" || n.word == "imo") ||
                                     std::all_of(text.begin() + static_cast<long>(n.start),
                                                 text.begin() + static_cast<long>(n.end),
                                                 [](char c) { return !(c >= 'a' && c <= 'z'); }));
  };
  // "the tanker Forest", "the cargo carrier, Baku," (not across a bracket).
  Neighbour before = WordBefore(text, start);
  bool bracket_before = false;
  for (size_t k = before.end; k < start; ++k) bracket_before |= text[k] == '(' || text[k] == ')';
  if (!bracket_before && IsVesselWord(before.word) && plain(before)) return true;
  // Romance and German word order puts words between a ship word and the
  // name: "el buque ruso Ursa Major", "le navire poseur de canalisations
  // Akademik Chersky", "die unter gabunischer Flagge fahrende Nevskiy
  // Prospect". Up to three lower-case words, for those languages' ship words.
  {
    Neighbour n = before;
    for (int k = 0; k < 3 && !n.word.empty() && !n.comma_or_bracket && n.start < text.size() &&
                    !(text[n.start] >= 'A' && text[n.start] <= 'Z');
         ++k) {
      Neighbour next = WordBefore(text, n.start);
      if (next.comma_or_bracket) break;
      if (IsForeignVesselWord(next.word)) return true;
      n = next;
    }
  }
  // "Die Jacht von Alischer Usmanow, die Dilbar": the name in an apposition
  // after a ship word earlier in the clause.
  static constexpr auto kArticles = std::to_array<std::string_view>(
      {"the", "die", "der", "das", "la", "le", "el", "il", "lo"});
  if (std::find(kArticles.begin(), kArticles.end(), before.word) != kArticles.end()) {
    Neighbour n = WordBefore(text, before.start);
    if (n.comma_or_bracket) {
      for (int k = 0; k < 6 && !n.word.empty(); ++k) {
        if (IsVesselWord(n.word)) return true;
        n = WordBefore(text, n.start);
      }
    }
  }
  // "the tanker, renamed HUMANITY in 2019": a new or former name of a
  // vessel the sentence has named by a ship word.
  if (before.word == "renamed" || before.word == "formerly" || before.word == "previously" ||
      before.word == "named" || before.word == "called") {
    Neighbour n = WordBefore(text, before.start);
    for (int k = 0; k < 6 && !n.word.empty(); ++k) {
      if (IsVesselWord(n.word)) return true;
      n = WordBefore(text, n.start);
    }
  }
  Neighbour after = WordAfter(text, end);
  if (!after.comma_or_bracket && IsVesselWord(after.word) && plain(after) && after.word != "lng" &&
      after.word != "lpg" && after.word != "carrier") {
    return true;
  }
  // An apposition: "Forest, an Iranian oil tanker", "Forest (IMO 9193321)".
  if (after.comma_or_bracket &&
      (after.word == "a" || after.word == "an" || after.word == "the" || after.word == "imo")) {
    Neighbour n = after;
    for (int k = 0; k < 5 && !n.word.empty(); ++k) {
      if (IsVesselWord(n.word)) return true;
      n = WordAfter(text, n.end);
      if (n.comma_or_bracket) break;
    }
  }
  return false;
}

bool HasShipPrefix(std::string_view text, size_t start) {
  for (std::string_view prefix : {"mt ", "mv ", "m/t ", "m/v "}) {
    if (start < prefix.size()) continue;
    std::string before;
    for (size_t k = start - prefix.size(); k < start; ++k) before += Lower(text[k]);
    bool boundary = start == prefix.size() || !IsWordByte(text[start - prefix.size() - 1]);
    if (before == prefix && boundary) return true;
  }
  return false;
}

bool HasOrganizationWordNear(std::string_view text, size_t start, size_t end) {
  Neighbour n = WordBefore(text, start);
  for (int k = 0; k < 3 && !n.word.empty(); ++k) {
    if (IsOrganizationWord(n.word)) return true;
    n = WordBefore(text, n.start);
  }
  n = WordAfter(text, end);
  for (int k = 0; k < 3 && !n.word.empty(); ++k) {
    if (IsOrganizationWord(n.word)) return true;
    n = WordAfter(text, n.end);
  }
  return false;
}

const char* FindSanctionsWord(std::string_view text, size_t skip_start, size_t skip_end) {
  // Stems, matched at a word's start, lower-cased (ASCII letters only are
  // folded; the Cyrillic stems are matched in both cases).
  static constexpr auto kStems = std::to_array<const char*>({
      "sanction",  "embargo",   "blacklist", "terroris",  "militant",  "insurgen",
      "jihad",     "extremis",  "drug lord", "traffick",  "smuggl",    "launder",
      "warlord",   "ofac",      "oligarch",  "militia",   "guerrilla",
      "hezbollah", "hizbollah", "hizballah", "hamas",     "taliban",   "qaeda",
      "qaida",     "houthi",    "junta",     "rebel",     "paramilitar",
      "armed group", "kidnap",  "hostage",   "assassinat", "gunmen",
      "rocket",    "missile",   "airstrike", "drone strike", "anschlag", "запрещ",
      "экстремист", "ракет",
      "terrorist", "militär",   "raket",     "roquette",  "cohete",    "seiz",
      "shadow fleet", "dark fleet", "price cap", "impound", "confiscat", "freez",
      "frozen",    "detained",  "transponder", "ship-to-ship", "spoof", "iranian crude",
      "iranian oil", "russian crude", "russian oil",     "indicted",  "narco",     "cocain",    "kokain",    "sanktion",
      "sancion",   "sanzion",   "sankcj",    "sankcij",   "terror",    "teror",
      "rakiet",    "санкци",    "Санкци",    "террор",    "Террор",    "хезболл",
      "Хезболл",   "хамас",     "Хамас",     "ХАМАС",     "талиб",     "Талиб",
      "хусит",     "Хусит",     "боевик",    "Боевик",    "обстрел",   "Обстрел",
  });
  // One pass over the text: at each word's start, only the stems that begin
  // with its first byte (lower-cased) are compared, in place. No copy: a
  // scan asks this for most articles with a common name in them.
  // The stems by first byte.
  static const std::array<std::vector<const char*>, 256> kByFirst = [] {
    std::array<std::vector<const char*>, 256> by_first;
    for (const char* stem : kStems) by_first[static_cast<uint8_t>(stem[0])].push_back(stem);
    return by_first;
  }();
  // The stems' first two bytes (lower-cased), as one bit each: most word
  // starts are turned away by one table lookup, before any stem is tried.
  static const std::vector<bool> kFirstTwo = [] {
    std::vector<bool> bits(1 << 16);
    for (const char* stem : kStems) {
      bits[static_cast<uint8_t>(stem[0]) << 8 | static_cast<uint8_t>(stem[1])] = true;
    }
    return bits;
  }();
  return FirstAtWordStart(text, skip_start, skip_end, [&](size_t i) -> const char* {
    if (i + 1 >= text.size()) return nullptr;
    auto first = static_cast<uint8_t>(Lower(text[i]));
    if (!kFirstTwo[first << 8 | static_cast<uint8_t>(Lower(text[i + 1]))]) return nullptr;
    for (const char* stem : kByFirst[first]) {
      if (StemAt(text, i, stem)) return stem;
    }
    return nullptr;
  });
}

bool PrecededByTitle(std::string_view text, size_t start) {
  Neighbour before = WordBefore(text, start);
  if (before.word.empty() || before.comma_or_bracket || before.end == start) return false;
  // Only spaces or a hyphen between: "General Min", not "general, Min".
  for (size_t k = before.end; k < start; ++k) {
    if (text[k] != ' ' && text[k] != '-') return false;
  }
  return text[before.start] >= 'A' && text[before.start] <= 'Z' && IsTitleWord(before.word);
}

bool NameGoesOn(std::string_view text, size_t end) {
  if (end < text.size() && text[end] != ' ' && text[end] != '-') return false;
  Neighbour after = WordAfter(text, end);
  if (after.word.empty() || after.comma_or_bracket) return false;
  for (size_t k = end; k < after.start; ++k) {
    if (text[k] != ' ' && text[k] != '-') return false;
  }
  return (text[after.start] >= 'A' && text[after.start] <= 'Z') || IsNameParticle(after.word);
}

uint8_t CountriesOfProgram(std::string_view program) {
  std::string lower(program);
  for (char& ch : lower) ch = Lower(ch);
  static constexpr std::pair<std::string_view, uint8_t> kNames[] = {
      {"russia", kCountryRussia},  {"ukraine", kCountryRussia},
      {"iran", kCountryIran},      {"syria", kCountrySyria},      {"dprk", kCountryNorthKorea},
      {"korea", kCountryNorthKorea}, {"belarus", kCountryBelarus}, {"venezuela", kCountryVenezuela},
      {"cuba", kCountryCuba}};
  uint8_t countries = 0;
  for (const auto& [name, bit] : kNames) {
    if (lower.find(name) != std::string::npos) countries |= bit;
  }
  return countries;
}

bool DefinesAcronymForAName(std::string_view text, std::string_view acronym) {
  std::string bracketed = "(" + std::string(acronym) + ")";
  for (size_t at = text.find(bracketed); at != std::string_view::npos;
       at = text.find(bracketed, at + bracketed.size())) {
    // The five words before the bracket, back to a sentence's end.
    size_t i = at;
    int capitalised = 0;
    for (int k = 0; k < 5 && i > 0; ++k) {
      while (i > 0 && text[i - 1] == ' ') --i;
      size_t end = i;
      while (i > 0 && text[i - 1] != ' ' && text[i - 1] != '\n') --i;
      std::string_view word = text.substr(i, end - i);
      if (word.empty()) break;
      auto lead = static_cast<uint8_t>(word[0]);
      if ((lead >= 'A' && lead <= 'Z') || (lead >= 0x80 && !StartsLowerCase(word))) ++capitalised;
      char last = word.back();
      if (k > 0 && (last == '.' || last == '!' || last == '?' || last == ';' || last == ':')) break;
      if (i == 0 || text[i - 1] == '\n') break;
    }
    if (capitalised >= 2) return true;
  }
  return false;
}

namespace {

// The number of `min_digits` to `max_digits` digits at `i`, not followed by
// another digit; -1 if none. Moves `i` past it.
int NumberAt(std::string_view text, size_t& i, size_t min_digits, size_t max_digits) {
  size_t j = i;
  while (j < text.size() && j - i < max_digits + 1 && text[j] >= '0' && text[j] <= '9') ++j;
  size_t n = j - i;
  if (n < min_digits || n > max_digits) return -1;
  int value = 0;
  for (size_t k = i; k < j; ++k) value = value * 10 + (text[k] - '0');
  i = j;
  return value;
}

bool StartsWithAt(std::string_view text, size_t i, std::string_view prefix) {
  return text.substr(i, prefix.size()) == prefix;
}

constexpr int kMinAge = 16;
constexpr int kMaxAge = 110;

}  // namespace

BirthRange StatedBirthYears(std::string_view text, size_t start, size_t end, int reference_year) {
  auto from_age = [&](int age) {
    if (reference_year == 0 || age < kMinAge || age > kMaxAge) return BirthRange{};
    return BirthRange{reference_year - age - 1, reference_year - age, true};
  };
  auto born = [](int year) {
    return year >= 1850 && year <= 2030 ? BirthRange{year, year, false} : BirthRange{};
  };
  // After the name: "(born 1952)", ", born in 1952", "(71)", ", 71,".
  size_t i = end;
  if (StartsWithAt(text, i, " (")) {
    i += 2;
    for (std::string_view word : {"born in ", "born ", "b. ", "geb. ", "ur. ", "né en ", "née en ",
                                  "nato nel ", "nata nel ", "nacido en ", "nacida en ", "gim. "}) {
      if (StartsWithAt(text, i, word)) {
        size_t k = i + word.size();
        int year = NumberAt(text, k, 4, 4);
        return year > 0 ? born(year) : BirthRange{};
      }
    }
    size_t k = i;
    int age = NumberAt(text, k, 2, 3);
    if (age > 0 && k < text.size() && text[k] == ')') return from_age(age);
    return {};
  }
  if (StartsWithAt(text, i, ", ")) {
    i += 2;
    for (std::string_view word : {"born in ", "born "}) {
      if (StartsWithAt(text, i, word)) {
        size_t k = i + word.size();
        int year = NumberAt(text, k, 4, 4);
        return year > 0 ? born(year) : BirthRange{};
      }
    }
    if (StartsWithAt(text, i, "aged ")) i += 5;
    size_t k = i;
    int age = NumberAt(text, k, 2, 3);
    // ", 71," and ", 71." but not ", 15 percent" or ", 1987".
    if (age > 0 && k < text.size() && (text[k] == ',' || text[k] == '.' || text[k] == ';' ||
                                       StartsWithAt(text, k, " years old"))) {
      return from_age(age);
    }
    return {};
  }
  // "... was born in Moscow in 1938", "родился в Москве в 1938 году": a verb
  // of birth right after the name, and a year before the sentence ends.
  for (std::string_view verb : {" was born ", " is born ", " родился ", " родилась ", " urodził się ",
                                " urodziła się ", " est né ", " est née ", " nació ", " è nato ",
                                " è nata ", " wurde ", " gimė "}) {
    if (!StartsWithAt(text, end, verb)) continue;
    size_t limit = std::min(text.size(), end + verb.size() + 48);
    for (size_t k = end + verb.size(); k < limit; ++k) {
      char c = text[k];
      if (c == '.' || c == ';' || c == '!' || c == '?' || c == '\n') break;
      if (c >= '0' && c <= '9' && (text[k - 1] < '0' || text[k - 1] > '9')) {
        size_t at = k;
        int year = NumberAt(text, at, 4, 4);
        if (year > 0) {
          // German puts the verb last: "wurde 1952 in Leningrad geboren".
          if (verb == " wurde " && text.substr(at, limit - at).find("geboren") == std::string_view::npos) break;
          return born(year);
        }
      }
    }
    break;
  }
  // Before it: "71-year-old Vladimir Putin", "der 71-jährige Wladimir Putin".
  for (std::string_view word : {"-year-old ", "-jährige ", "-jähriger ", "-letni ", "-летний "}) {
    if (start >= word.size() && text.substr(start - word.size(), word.size()) == word) {
      size_t digits = start - word.size();
      size_t k = digits;
      while (k > 0 && text[k - 1] >= '0' && text[k - 1] <= '9') --k;
      size_t at = k;
      int age = NumberAt(text, at, 2, 3);
      if (age > 0 && at == digits && (k == 0 || text[k - 1] == ' ')) return from_age(age);
    }
  }
  return {};
}

const char* FindCountryWord(std::string_view text, uint8_t countries) {
  // Stems at a word's start; ASCII ones are compared lower-cased, Cyrillic
  // ones in both cases.
  static constexpr std::pair<const char*, uint8_t> kStems[] = {
      {"russia", kCountryRussia},   {"russe", kCountryRussia},    {"russland", kCountryRussia},
      {"russo", kCountryRussia},    {"russa", kCountryRussia},    {"russi", kCountryRussia},
      {"rusia", kCountryRussia},    {"ruso", kCountryRussia},     {"rusa", kCountryRussia},
      {"rosj", kCountryRussia},     {"rosyj", kCountryRussia},    {"rusij", kCountryRussia},
      {"rusų", kCountryRussia},     {"moscow", kCountryRussia},   {"moskau", kCountryRussia},
      {"moscou", kCountryRussia},   {"moscú", kCountryRussia},    {"mosca", kCountryRussia},
      {"moskw", kCountryRussia},    {"kremlin", kCountryRussia},  {"kreml", kCountryRussia},
      {"росси", kCountryRussia},    {"Росси", kCountryRussia},    {"российск", kCountryRussia},
      {"Российск", kCountryRussia}, {"москв", kCountryRussia},    {"Москв", kCountryRussia},
      {"iran", kCountryIran},       {"tehran", kCountryIran},     {"teheran", kCountryIran},
      {"иран", kCountryIran},       {"Иран", kCountryIran},       {"syri", kCountrySyria},
      {"siria", kCountrySyria},      {"damascus", kCountrySyria},  {"сири", kCountrySyria},
      {"Сири", kCountrySyria},      {"north korea", kCountryNorthKorea},
      {"pyongyang", kCountryNorthKorea}, {"nordkorea", kCountryNorthKorea},
      {"corée du nord", kCountryNorthKorea}, {"corea del nord", kCountryNorthKorea},
      {"korei pn", kCountryNorthKorea}, {"кндр", kCountryNorthKorea}, {"КНДР", kCountryNorthKorea},
      {"belarus", kCountryBelarus}, {"bielorus", kCountryBelarus}, {"biélorus", kCountryBelarus},
      {"białoru", kCountryBelarus}, {"weißruss", kCountryBelarus}, {"baltarus", kCountryBelarus},
      {"minsk", kCountryBelarus},   {"беларус", kCountryBelarus}, {"Беларус", kCountryBelarus},
      {"белорус", kCountryBelarus}, {"Белорус", kCountryBelarus}, {"venezuel", kCountryVenezuela},
      {"caracas", kCountryVenezuela}, {"cuba", kCountryCuba},     {"kuba", kCountryCuba},
      {"havana", kCountryCuba},     {"куба", kCountryCuba},       {"Куба", kCountryCuba},
  };
  if (countries == 0) return nullptr;
  return FirstAtWordStart(text, 0, 0, [&](size_t i) -> const char* {
    for (const auto& [stem, bit] : kStems) {
      if ((countries & bit) != 0 && StemAt(text, i, stem)) return stem;
    }
    return nullptr;
  });
}

bool IsCalendarWord(std::string_view w) {
  static constexpr auto kWords = std::to_array<std::string_view>(
      {"january", "february", "march",   "april",    "may",      "june",   "july",
       "august",  "september", "october", "november", "december", "monday", "tuesday",
       "wednesday", "thursday", "friday", "saturday", "sunday"});
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

}  // namespace vigil::match_internal
