#include "name_variants.h"

#include <algorithm>
#include <array>
#include <unordered_set>
#include <utility>

#include "common_names.h"
#include "common_words.h"
#include "normalize.h"

namespace vigil {
namespace {

using Words = std::vector<std::string>;

// Legal forms as normalised word sequences, longest first so that "co ltd"
// and "public joint stock company" are stripped whole.
const std::vector<Words>& LegalForms() {
  static const std::vector<Words> forms = [] {
    std::vector<Words> f = {
        {"public", "joint", "stock", "company"}, {"closed", "joint", "stock", "company"},
        {"open", "joint", "stock", "company"},   {"limited", "liability", "company"},
        {"joint", "stock", "company"},           {"limited", "liability", "partnership"},
        {"state", "corporation"}, {"s", "a", "s"}, {"s", "r", "l"}, {"s", "p", "a"}, {"s", "a", "r", "l"},
        {"s", "a"}, {"b", "v"}, {"n", "v"}, {"l", "l", "c"}, {"p", "l", "c"},
        {"llc"}, {"ooo"}, {"pao"}, {"jsc"}, {"pjsc"}, {"ojsc"}, {"cjsc"}, {"oao"},
        {"zao"}, {"ao"}, {"tov"}, {"ltd"}, {"limited"}, {"gmbh"}, {"sa"}, {"ag"},
        {"inc"}, {"incorporated"}, {"corp"}, {"corporation"}, {"co"}, {"plc"},
        {"llp"}, {"lp"}, {"bv"}, {"nv"}, {"srl"}, {"spa"}, {"sarl"}, {"sas"},
        {"kg"}, {"ab"}, {"oy"}, {"oyj"}, {"pte"}, {"pty"}, {"bhd"}, {"fze"},
        {"fzco"}, {"fzc"}, {"ltda"}, {"dmcc"}, {"sal"}, {"wll"}, {"jsco"}};
    std::stable_sort(f.begin(), f.end(),
                     [](const Words& a, const Words& b) { return a.size() > b.size(); });
    return f;
  }();
  return forms;
}

bool EndsWith(const Words& words, const Words& tail) {
  return words.size() > tail.size() &&
         std::equal(tail.begin(), tail.end(), words.end() - static_cast<long>(tail.size()));
}
bool StartsWith(const Words& words, const Words& head) {
  return words.size() > head.size() && std::equal(head.begin(), head.end(), words.begin());
}

// Name particles that belong to the surname that follows them.
bool IsParticle(std::string_view w) {
  static constexpr std::array<std::string_view, 22> kParticles = {
      "al", "el", "bin", "ibn", "bint", "ben", "abu", "abd", "de",  "del", "la",
      "van", "von", "der", "den", "da",  "dos", "das", "di",  "du",  "le",  "ould"};
  return std::find(kParticles.begin(), kParticles.end(), w) != kParticles.end();
}

// Titles that lists put before a given name ("ALI, Sheikh Hassan"): never
// the first name of a shortened form.
bool IsTitle(std::string_view w) {
  static constexpr auto kTitles = std::to_array<std::string_view>(
      {"sheikh",  "shaykh",    "shaikh",    "sheik",   "sheykh",   "mullah",     "mulla",
       "haji",    "hajji",     "hajj",      "dr",      "imam",     "mufti",      "maulana",
       "maulvi",  "mawlawi",   "general",   "gen",     "colonel",  "col",        "emir",
       "sayyid",  "sayed",     "prince",    "ayatollah", "president", "commander", "major",
       "captain", "brigadier", "lieutenant", "marshal", "mr",      "mrs",        "sir",
       "qari",    "hojatoleslam", "sultan"});
  return std::find(kTitles.begin(), kTitles.end(), w) != kTitles.end();
}

// Korean and Chinese surnames as romanised in sanctions lists. Such names
// are written surname first in text too, so "KIM, Jong Un" is never "Jong
// Kim".
bool IsEastAsianSurname(std::string_view w) {
  static constexpr std::array<std::string_view, 94> kSurnames = {
      "kim",  "lee",   "ri",    "yi",    "park", "pak",  "choe", "choi", "jong", "chong",
      "kang", "cho",   "jo",    "yun",   "yoon", "jang", "chang", "han", "shin", "sin",
      "so",   "kwon",  "hwang", "ahn",   "an",   "song", "ryu",  "hong", "jon",  "chon",
      "o",    "ko",    "mun",   "moon",  "wang", "li",   "zhang", "liu", "chen", "yang",
      "huang", "zhao", "wu",    "zhou",  "xu",   "sun",  "ma",   "zhu",  "hu",   "guo",
      "he",   "lin",   "gao",   "luo",   "zheng", "liang", "xie", "tang", "xi",  "deng",
      "feng", "cai",   "pang",  "hyon",  "yu",   "lu",   "ye",   "du",   "wong", "chan",
      "lau",  "cheung", "kwok", "yeung", "ng",   "tan",  "lim",  "teo",  "goh",  "ho",
      "tsai", "hsu",   "yeh",   "kuo",   "tseng", "chiang", "lai", "shen", "peng", "yan"};
  return std::find(kSurnames.begin(), kSurnames.end(), w) != kSurnames.end();
}

// A given name of one to three syllables, as "Jong Un", "Jinping" or
// McCune-Reischauer "Yo'ng-su" (an apostrophe splits it: "yo ng su").
bool IsSyllabicGivenName(const Words& given) {
  if (given.empty() || given.size() > 3) return false;
  return std::all_of(given.begin(), given.end(),
                     [&](const std::string& w) { return w.size() <= (given.size() == 1 ? 8 : 5); });
}

// An East Slavic patronymic as lists romanise it ("vladimirovich",
// "grigoryevich", "volodymyrovych", "vladimirovna").
bool IsPatronymic(std::string_view w) {
  if (w.size() < 7) return false;
  for (std::string_view ending : {"ovich", "evich", "ovych", "evych", "ovna", "evna", "ivna", "ichna"}) {
    if (w.ends_with(ending)) return true;
  }
  return false;
}

Words Concat(const Words& a, const Words& b) {
  Words out = a;
  out.insert(out.end(), b.begin(), b.end());
  return out;
}

// The last word with the particles before it: "abu bakr al baghdadi" ->
// "al baghdadi". Its start index in `words`.
size_t SurnameStart(const Words& words) {
  size_t start = words.size() - 1;
  while (start > 0 && IsParticle(words[start - 1])) --start;
  return start;
}

// Normalised words of `text` with the hyphenated pairs it contains, as
// (index of first word) for each "X-Y" in the original.
std::vector<size_t> HyphenPairs(std::string_view text) {
  std::vector<WordSpan> spans;
  FindWords(text, &spans);
  std::vector<size_t> pairs;
  for (size_t i = 1; i < spans.size(); ++i) {
    std::string_view between = text.substr(spans[i - 1].end, spans[i].start - spans[i - 1].end);
    if (between == "-") pairs.push_back(i - 1);
  }
  return pairs;
}

void AddPersonVariants(std::string_view name, const Words& written, std::vector<NameVariant>* out) {
  size_t comma = name.find(',');
  bool one_comma = comma != std::string_view::npos && name.find(',', comma + 1) == std::string_view::npos;
  Words last, given;
  if (one_comma) {
    last = NormalizeWords(name.substr(0, comma));
    given = NormalizeWords(name.substr(comma + 1));
  }
  if (!last.empty() && !given.empty()) {
    bool east_asian = last.size() == 1 && IsEastAsianSurname(last[0]) && IsSyllabicGivenName(given);
    out->push_back({Concat(given, last), VariantRule::kReordered});
    if (east_asian) {
      if (given.size() == 2) {
        Words joined = {given[0] + given[1]};
        out->push_back({Concat(last, joined), VariantRule::kJoined});
        out->push_back({Concat(joined, last), VariantRule::kJoined});
      }
      return;
    }
    size_t first = 0;  // the first name, after any titles
    while (first + 1 < given.size() && IsTitle(given[first])) ++first;
    // "FADLALLAH, Shaykh Muhammad Husayn" is written "Muhammad Husayn
    // Fadlallah", with or without the title before it.
    if (first > 0 && given.size() - first >= 2) {
      Words untitled(given.begin() + static_cast<long>(first), given.end());
      out->push_back({Concat(untitled, last), VariantRule::kReordered});
    }
    bool shortens = given.size() - first >= 2 || (first > 0 && given.size() > first);
    if (shortens && !IsParticle(given[first]) && !IsTitle(given[first])) {
      out->push_back({Concat({given[first]}, last), VariantRule::kWithoutMiddle});
      out->push_back({Concat(last, {given[first]}), VariantRule::kSurnameFirst});
    }
    if (shortens && !IsParticle(given[first]) && !IsTitle(given[first]) && given.size() > first + 1 &&
        given[first + 1].size() > 1) {
      // "Vladimir V. Putin"
      Words initial = {given[first], given[first + 1].substr(0, 1)};
      out->push_back({Concat(initial, last), VariantRule::kMiddleInitial});
    }
    // "V. V. Putin", "Putin V. V.": a given name and a patronymic as
    // initials, the way Russian, Ukrainian and Belarusian officials and
    // papers write a name. Both initials must be there: one is anyone's.
    if (first == 0 && given.size() == 2 && last.size() == 1 && given[0].size() > 1 &&
        IsPatronymic(given[1])) {
      Words initials = {given[0].substr(0, 1), given[1].substr(0, 1)};
      out->push_back({Concat(initials, last), VariantRule::kInitials});
      out->push_back({Concat(last, initials), VariantRule::kInitials});
    }
    // Arabic and Persian names: the second given name after a common first
    // one ("ZARIF, Mohammad Javad" as "Javad Zarif"), and a nom de guerre
    // that is the given part without its last element ("AL-QURASHI, Abu
    // Bakr al-Baghdadi al-Husseini" as "Abu Bakr al-Baghdadi").
    if (given.size() >= first + 2 && match_internal::IsArabicPersianNameWord(given[first]) &&
        !IsParticle(given[first]) && !IsParticle(given[first + 1]) && !IsTitle(given[first + 1]) &&
        given[first + 1].size() >= 3) {
      out->push_back({Concat({given[first + 1]}, last), VariantRule::kWithoutMiddle});
    }
    if (given.size() >= first + 4 && std::any_of(given.begin(), given.end(), [](const std::string& w) {
          return IsParticle(w);
        })) {
      Words head(given.begin() + static_cast<long>(first), given.end());
      size_t cut = SurnameStart(head);
      if (cut >= 2) {
        head.resize(cut);
        if (!IsParticle(head.back())) out->push_back({head, VariantRule::kWithoutMiddle});
      }
    }
    // "MADURO MOROS, Nicolas" and "MURILLO DE ORTEGA, Rosario": the first
    // of several surnames.
    // Arabic and Persian names ("ALI NOORINAJAD, Mohammad") have no such
    // double surname: "Mohammad Ali" is someone else.
    bool arabic_persian =
        std::any_of(last.begin(), last.end(), [](const std::string& w) { return match_internal::IsArabicPersianNameWord(w); }) ||
        std::any_of(given.begin(), given.end(), [](const std::string& w) { return match_internal::IsArabicPersianNameWord(w); });
    if (last.size() >= 2 && !IsParticle(last[0]) && !arabic_persian) {
      out->push_back({Concat(given, {last[0]}), VariantRule::kDoubleSurname});
      if (given.size() >= 2 && !IsParticle(given[first]) && !IsTitle(given[first])) {
        out->push_back({{given[first], last[0]}, VariantRule::kDoubleSurname});
      }
    }
    return;
  }
  // No usable comma: "First Middle Last" or a surname-first "Kim Jong Un".
  if (written.size() >= 2 && IsEastAsianSurname(written[0]) &&
      IsSyllabicGivenName(Words(written.begin() + 1, written.end()))) {
    if (written.size() == 3) {
      out->push_back({{written[0], written[1] + written[2]}, VariantRule::kJoined});
    }
    return;
  }
  // A name listed in text order is also written "Last, First" in lists and
  // papers: "ABDULHAI SALEK" as "SALEK, ABDULHAI", "MOHAMMAD AZAM ELMI" as
  // "AZAM ELMI, MOHAMMAD".
  if (comma == std::string_view::npos && written.size() >= 2) {
    Words rotated(written.begin() + 1, written.end());
    rotated.push_back(written[0]);
    out->push_back({rotated, VariantRule::kReordered});
  }
  // Titles first ("Sheikh Ahmad Iman Ali") are no given name: the short
  // form starts after them ("Ahmad Ali", never "Sheikh Ali").
  size_t head = 0;
  while (head + 1 < written.size() && IsTitle(written[head])) ++head;
  // Long names ("SHER MOHAMMAD ABBAS STANEKZAI PADSHAH KHAN") are not
  // shortened to their ends: "Sher Khan" would be anyone.
  if (comma == std::string_view::npos && written.size() >= head + 3 && written.size() <= head + 4 &&
      !IsParticle(written[head])) {
    size_t surname = SurnameStart(written);
    if (surname >= head + 2) {
      Words short_form = {written[head]};
      short_form.insert(short_form.end(), written.begin() + static_cast<long>(surname), written.end());
      out->push_back({short_form, VariantRule::kWithoutMiddle});
    }
  }
}

// "LLC SEPTEMBER" is no "September": a one-word core stands alone only if
// it is no ordinary word, given name or place, and not a short acronym.
// "LLC INTERNATIONAL BUSINESS CORP" is no "international business": a core
// stands alone only with one word that is no ordinary word, given name or
// place (and not a short acronym).
// A core of three or more ordinary words ("Internet Research Agency")
// stands alone too: the matcher asks the document to confirm such names.
bool MayStandAlone(const Words& core) {
  if (core.empty() || core.front() == "of") return false;  // "Bank of Moscow" less its "Bank"
  return core.size() >= 3 || std::any_of(core.begin(), core.end(), [&](const std::string& w) {
           bool letters = std::any_of(w.begin(), w.end(), [](char c) { return c < '0' || c > '9'; });
           return letters && (core.size() > 1 || w.size() >= 4) &&
                  match_internal::ClassifyWord(w) == match_internal::WordClass::kName;
         });
}

// A core less its descriptor stands alone as a legal form's core does,
// but a one-word one must be long and rare: "Interros", "Mostazafan",
// "Tinkoff", not "Astra" of ASTRA GROUP, a word and a brand of many.
bool BareMayStandAlone(const Words& bare) {
  if (bare.size() != 1) return MayStandAlone(bare);
  return bare[0].size() >= 7 && MayStandAlone(bare) && !match_internal::IsCommonNameWord(bare[0]);
}

// `core` without the words that say what kind of body it is, at either
// end: "holding company", "foundation", "bank", "group" (and their
// transliterated Russian forms). What remains must be a name: one ending
// in "of" ("Bank of ...") keeps its descriptor. False, and `bare` left
// alone, if the name has none to drop.
bool WithoutDescriptor(const Words& core, Words* out) {
  static const std::vector<Words> kDescriptors = {
      {"kholdingovaya", "kompaniya"}, {"holdingovaya", "kompaniya"}, {"holding", "company"},
      {"group", "of", "companies"}, {"holding"}, {"holdings"}, {"group"}, {"foundation"},
      {"association"}, {"organization"}, {"organisation"}, {"bank"}, {"fund"}, {"trust"},
      {"society"}, {"bonyad"}, {"kompaniya"}, {"gruppa"}, {"aviakompaniya"}};
  // Most names have none: their end words are looked up before anything
  // is copied.
  static const std::unordered_set<std::string> kEnds = [] {
    std::unordered_set<std::string> ends;
    for (const Words& d : kDescriptors) {
      ends.insert(d.front());
      ends.insert(d.back());
    }
    return ends;
  }();
  if (core.empty() || (kEnds.count(core.front()) == 0 && kEnds.count(core.back()) == 0)) return false;
  Words bare = core;
  for (const Words& d : kDescriptors) {
    if (EndsWith(bare, d)) {
      bare.resize(bare.size() - d.size());
      break;
    }
  }
  for (const Words& d : kDescriptors) {
    if (StartsWith(bare, d)) {
      bare.erase(bare.begin(), bare.begin() + static_cast<long>(d.size()));
      break;
    }
  }
  if (bare.size() == core.size() || bare.empty() || bare.back() == "of" || bare.back() == "and" ||
      IsLegalFormWord(bare.back())) {
    return false;
  }
  *out = std::move(bare);
  return true;
}

// A military unit named with its army ("99TH LIGHT INFANTRY DIVISION OF
// THE BURMESE ARMY", "FOURTH DIVISION OF THE SYRIAN ARAB ARMY"), which news
// calls by the unit alone: the words before "of the ... army". Empty if the
// name is no such unit.
Words UnitWithoutItsArmy(const Words& words) {
  static constexpr auto kUnits = std::to_array<std::string_view>(
      {"division", "brigade", "regiment", "battalion", "corps", "command", "directorate", "unit"});
  static constexpr auto kForces = std::to_array<std::string_view>({"army", "forces", "navy", "police", "guard"});
  for (size_t k = 1; k + 2 < words.size(); ++k) {
    if (words[k] != "of" || words[k + 1] != "the") continue;
    bool unit = std::find(kUnits.begin(), kUnits.end(), words[k - 1]) != kUnits.end();
    bool force = std::find(kForces.begin(), kForces.end(), words.back()) != kForces.end();
    if (unit && force && k >= 2) return Words(words.begin(), words.begin() + static_cast<long>(k));
  }
  return {};
}

void AddLegalFormVariants(const Words& written, std::vector<NameVariant>* out) {
  Words core = written;
  Words tail, head;
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (const Words& form : LegalForms()) {
      if (EndsWith(core, form)) {
        tail.insert(tail.begin(), form.begin(), form.end());
        core.resize(core.size() - form.size());
        stripped = true;
        break;
      }
    }
  }
  for (const Words& form : LegalForms()) {
    if (StartsWith(core, form)) {
      head = form;
      core.erase(core.begin(), core.begin() + static_cast<long>(form.size()));
      break;
    }
  }
  // The descriptor the press drops ("Interros" of HOLDING COMPANY INTERROS,
  // "Mostazafan" of MOSTAZAFAN FOUNDATION), and then what remains (the
  // same test as a legal form's core, below).
  Words bare;
  bool has_bare = WithoutDescriptor(core, &bare) && BareMayStandAlone(bare);
  if (tail.empty() && head.empty()) {
    if (has_bare) out->push_back({std::move(bare), VariantRule::kLegalForm});
    return;
  }
  if (core.empty() ||
      std::all_of(core.begin(), core.end(), [](const std::string& w) { return IsLegalFormWord(w); })) {
    return;
  }
  // "Rosneft Oil Company", and the legal form at the other end
  // ("PJSC Rosneft Oil Company" for "... PJSC", "X Ltd" for "Ltd X").
  if (MayStandAlone(core)) out->push_back({core, VariantRule::kLegalForm});
  if (has_bare) out->push_back({std::move(bare), VariantRule::kLegalForm});
  if (!tail.empty() && head.empty()) out->push_back({Concat(tail, core), VariantRule::kLegalForm});
  if (!head.empty() && tail.empty()) out->push_back({Concat(core, head), VariantRule::kLegalForm});
}

// Words an apostrophe or ʿayn splits in `name` ("QA'ANI", "SA'D"), as
// (first, second) normalised.
std::vector<std::pair<std::string, std::string>> ApostrophePairs(std::string_view name) {
  std::vector<WordSpan> spans;
  FindWords(name, &spans);
  std::vector<std::pair<std::string, std::string>> pairs;
  static constexpr std::string_view kMarks[] = {"'", "\u2019", "\u2018", "\u02BF", "\u02BE", "`"};
  for (size_t i = 1; i < spans.size(); ++i) {
    std::string_view between = name.substr(spans[i - 1].end, spans[i].start - spans[i - 1].end);
    if (std::find(std::begin(kMarks), std::end(kMarks), between) == std::end(kMarks)) continue;
    Words a = NormalizeWords(name.substr(spans[i - 1].start, spans[i - 1].end - spans[i - 1].start));
    Words b = NormalizeWords(name.substr(spans[i].start, spans[i].end - spans[i].start));
    if (a.size() == 1 && b.size() == 1) pairs.emplace_back(a[0], b[0]);
  }
  return pairs;
}

// Arabic-derived spellings: a word an apostrophe or ʿayn splits is also
// written whole ("Qa'ani" as "Qaani"), and "al"/"el" is also written
// joined to the word after it ("al-Baghdadi" as "Albaghdadi"). One more
// variant per variant, with every such join made.
void AddJoinedVariants(std::string_view name, bool join_al, std::vector<NameVariant>* variants) {
  // Apostrophes and ayns: ASCII ones, or UTF-8 ones (lead bytes E2, CA).
  bool marks = name.find_first_of("'`\xE2\xCA") != std::string_view::npos;
  std::vector<std::pair<std::string, std::string>> apostrophes;
  if (marks) apostrophes = ApostrophePairs(name);
  size_t count = variants->size();
  for (size_t v = 0; v < count; ++v) {
    const Words& words = (*variants)[v].words;
    // A body named by "al" and one word is written joined too
    // ("Alshabaab"): few names, unlike every "al" of every body's name.
    const bool al_here = join_al || (words.size() == 2 && (words[0] == "al" || words[0] == "el"));
    // Most names have nothing to join: look before copying any word.
    bool any = !apostrophes.empty() ||
               (al_here && std::any_of(words.begin(), words.end(), [](const std::string& w) {
                  return w == "al" || w == "el";
                }));
    if (!any) continue;
    Words joined;
    bool changed = false;
    for (size_t k = 0; k < words.size(); ++k) {
      bool join = false;
      if (k + 1 < words.size()) {
        join = al_here && (words[k] == "al" || words[k] == "el") && words[k + 1].size() >= 3;
        for (const auto& [a, b] : apostrophes) join |= words[k] == a && words[k + 1] == b;
      }
      if (join) {
        joined.push_back(words[k] + words[k + 1]);
        ++k;
        changed = true;
      } else {
        joined.push_back(words[k]);
      }
    }
    if (changed) variants->push_back({joined, VariantRule::kJoined});
  }
}

}  // namespace

const char* VariantRuleName(VariantRule rule) {
  switch (rule) {
    case VariantRule::kExact:
      return "exact";
    case VariantRule::kReordered:
      return "reordered";
    case VariantRule::kSurnameFirst:
      return "surname-first";
    case VariantRule::kWithoutMiddle:
      return "without-middle";
    case VariantRule::kDoubleSurname:
      return "double-surname-first";
    case VariantRule::kJoined:
      return "joined";
    case VariantRule::kLegalForm:
      return "legal-form";
    case VariantRule::kMiddleInitial:
      return "middle-initial";
    case VariantRule::kInitials:
      return "initials";
    case VariantRule::kListedSpelling:
      return "listed-spelling";
  }
  return "exact";
}

bool IsLegalFormWord(std::string_view word) {
  static const std::unordered_set<std::string_view> words = [] {
    std::unordered_set<std::string_view> w;
    for (const Words& form : LegalForms()) {
      if (form.size() == 1) w.insert(form[0]);
    }
    return w;
  }();
  return words.count(word) > 0;
}

bool IsNameParticle(std::string_view w) { return IsParticle(w); }

bool IsTitleWord(std::string_view w) {
  static constexpr auto kRoles = std::to_array<std::string_view>(
      {"minister", "prime",    "chairman", "chief",    "governor", "secretary", "king",
       "queen",    "ambassador", "judge",  "senator",  "deputy",   "vice",      "speaker",
       "lord",     "mayor",    "premier",  "chancellor", "director", "envoy",   "leader",
       "commissioner", "sultan", "crown",  "admiral",  "sergeant", "officer",   "ms",
       "hojatoleslam", "grand"});
  return IsTitle(w) || std::find(kRoles.begin(), kRoles.end(), w) != kRoles.end();
}

bool IsEastAsianName(std::string_view name) {
  size_t comma = name.find(',');
  if (comma != std::string_view::npos) {
    Words last = NormalizeWords(name.substr(0, comma));
    Words given = NormalizeWords(name.substr(comma + 1));
    return last.size() == 1 && IsEastAsianSurname(last[0]) && IsSyllabicGivenName(given);
  }
  Words written = NormalizeWords(name);
  return written.size() >= 2 && IsEastAsianSurname(written[0]) &&
         IsSyllabicGivenName(Words(written.begin() + 1, written.end()));
}

std::vector<NameVariant> NameVariants(std::string_view name, NameKind kind) {
  std::vector<NameVariant> variants;
  Words written = NormalizeWords(name);
  if (written.empty()) return variants;
  variants.push_back(NameVariant{written, VariantRule::kExact});

  if (kind == NameKind::kPerson) {
    AddPersonVariants(name, written, &variants);
    // "Jong-Un" is also written "Jongun".
    std::vector<size_t> pairs = HyphenPairs(name);
    if (pairs.size() == 1 && written.size() >= 2) {
      size_t i = pairs[0];
      std::vector<WordSpan> spans;
      FindWords(name, &spans);
      if (spans.size() == written.size() && i + 1 < written.size()) {
        size_t before = variants.size();
        for (size_t v = 0; v < before; ++v) {
          // Join the same two words wherever this variant put them.
          const Words& w = variants[v].words;
          for (size_t k = 0; k + 1 < w.size(); ++k) {
            if (w[k] == written[i] && w[k + 1] == written[i + 1]) {
              Words joined(w.begin(), w.begin() + static_cast<long>(k));
              joined.push_back(w[k] + w[k + 1]);
              joined.insert(joined.end(), w.begin() + static_cast<long>(k) + 2, w.end());
              variants.push_back({joined, VariantRule::kJoined});
              break;
            }
          }
        }
      }
    }
  } else if (kind == NameKind::kOther) {
    size_t comma = name.find(',');
    if (comma != std::string_view::npos && name.find(',', comma + 1) == std::string_view::npos) {
      Words last = NormalizeWords(name.substr(0, comma));
      Words given = NormalizeWords(name.substr(comma + 1));
      if (!last.empty() && !given.empty() && !IsLegalFormWord(given.back())) {
        variants.push_back({Concat(given, last), VariantRule::kReordered});
      }
    }
  }
  if (kind == NameKind::kOrganization || kind == NameKind::kOther) {
    AddLegalFormVariants(written, &variants);
    if (Words unit = UnitWithoutItsArmy(written); !unit.empty()) {
      variants.push_back({std::move(unit), VariantRule::kLegalForm});
    }
    // "WAGNER GROUP" as the European press writes it: "Gruppe Wagner",
    // "groupe Wagner", "gruppo Wagner", "grupo Wagner".
    if (written.size() >= 2 && written.size() <= 3 && written.back() == "group") {
      Words core(written.begin(), written.end() - 1);
      for (const char* word : {"gruppe", "groupe", "gruppo", "grupo", "grupa"}) {
        variants.push_back({Concat({word}, core), VariantRule::kReordered});
      }
    }
  }
  // "al" joined is how Arabic names of people are written ("Albaghdadi");
  // bodies' names keep it apart ("al-Shabaab", "Al-Qard al-Hassan"), and
  // joining theirs cost a tenth more variants for little (a million names
  // build 15% slower). Every typed name gets the apostrophe joins.
  if (kind != NameKind::kPlain) AddJoinedVariants(name, kind == NameKind::kPerson, &variants);
  // Oddities ("X, X") make a variant equal an earlier form; a variant of one
  // word that is a legal form is no name.
  for (size_t i = variants.size(); i-- > 0;) {
    auto same = [&](const NameVariant& v) { return v.words == variants[i].words; };
    bool legal_alone = i > 0 && variants[i].words.size() == 1 && IsLegalFormWord(variants[i].words[0]);
    if (legal_alone || std::any_of(variants.begin(), variants.begin() + static_cast<long>(i), same)) {
      variants.erase(variants.begin() + static_cast<long>(i));
    }
  }
  return variants;
}

std::vector<NameVariant> NameVariants(std::string_view name, bool reorder_comma) {
  return NameVariants(name, reorder_comma ? NameKind::kPerson : NameKind::kPlain);
}

}  // namespace vigil
