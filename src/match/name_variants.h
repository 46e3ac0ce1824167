// The word sequences a listed name is searched for.
#ifndef VIGIL_SRC_MATCH_NAME_VARIANTS_H_
#define VIGIL_SRC_MATCH_NAME_VARIANTS_H_

#include <string>
#include <string_view>
#include <vector>

namespace vigil {

// How a variant derives from the name as listed. Lower values are preferred
// when two variants of one entity find the same text.
enum class VariantRule {
  kExact,          // the words as written (a comma dropped)
  kReordered,      // "LAST, First Middle" as "First Middle LAST"
  kSurnameFirst,   // "LAST, First Middle" as "LAST First" (no middle names)
  kWithoutMiddle,  // "First LAST": middle names and patronymics dropped
  kDoubleSurname,  // "MADURO MOROS, Nicolas" as "Nicolas MADURO"
  kJoined,         // "Jong Un" written "Jongun"
  kLegalForm,      // an organisation without, or with a moved, legal form
  kMiddleInitial,  // "PUTIN, Vladimir Vladimirovich" as "Vladimir V. Putin"
  kInitials,       // "PUTIN, Vladimir Vladimirovich" as "V. V. Putin", "Putin V. V."
  // A body's one-word primary name as another of its listed names spells
  // it ("Hezbollah" in LEBANESE HEZBOLLAH, for HIZBALLAH).
  kListedSpelling,
};

// "exact", "reordered", "surname-first", "without-middle",
// "double-surname-first", "joined", "legal-form", "middle-initial",
// "initials", "listed-spelling".
const char* VariantRuleName(VariantRule rule);

struct NameVariant {
  std::vector<std::string> words;  // normalised, see NormalizeWord()
  VariantRule rule = VariantRule::kExact;
};

// What kind of name is expanded.
enum class NameKind {
  kPerson,        // people: comma reordering, middle names, surnames
  kOrganization,  // companies: legal forms
  kOther,         // untyped list entries: comma reordering, legal forms
  kPlain,         // vessels, aircraft, keyword terms: the words as written
};

// The variants of `name`; empty if it has no words.
//
// Always the words as written (kExact). For people and untyped entries, a
// name with exactly one comma and words on both sides ("LAST, First Middle",
// the order sanctions lists use for people) also gives "First Middle LAST"
// (kReordered); for people, "First LAST" (kWithoutMiddle) and "LAST First"
// (kSurnameFirst) when there is a middle part, and a name of three or more
// words without a comma gives "First Last" (kWithoutMiddle) and any name
// without a comma "Middle Last First" (kReordered, "SALEK, ABDULHAI" for
// "ABDULHAI SALEK"); "First M. LAST" is kMiddleInitial. Korean and
// Chinese names ("KIM, Jong Un": a known East Asian surname and a given name
// of one or two short syllables) keep list order and are never shortened;
// their two-syllable given name is also joined ("Kim Jongun", kJoined). A
// two-word surname ("MADURO MOROS, Nicolas") also gives "Nicolas MADURO"
// (kDoubleSurname). Any hyphenated pair of words in a person's name is also
// joined ("Jong-Un" -> "jongun"). For organisations and untyped entries, a
// legal form at either end ("ROSNEFT OIL COMPANY PJSC") gives the name
// without it and with it moved to the other end (kLegalForm); a legal form
// alone is never a variant. The surname alone is never a variant.
std::vector<NameVariant> NameVariants(std::string_view name, NameKind kind);

// Kept for callers of the first API: kPerson if `reorder_comma`, else kPlain.
std::vector<NameVariant> NameVariants(std::string_view name, bool reorder_comma);

// True if `name` is a Korean or Chinese person's name as lists write it
// ("KIM, Jong Un", "WANG Chen"): its spellings are exact, since a close
// spelling ("Chien" for "Chen") is another person.
bool IsEastAsianName(std::string_view name);

// A title or role written before a name ("sheikh", "general", "president",
// "minister"; normalised): never a given name, nor part of a longer name.
bool IsTitleWord(std::string_view normalized);

// A particle that belongs to the surname after it ("al", "bin", "de",
// "van"; normalised): written in lower case inside a name.
bool IsNameParticle(std::string_view normalized);

// True if the normalised word is a company legal form ("llc", "pjsc", "gmbh").
bool IsLegalFormWord(std::string_view word);

}  // namespace vigil

#endif  // VIGIL_SRC_MATCH_NAME_VARIANTS_H_
