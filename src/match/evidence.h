// What the text around a hit says about it: a ship word that refers to a
// vessel's name, a company word next to a company's bare name, sanctions
// words in the document. The false-alarm rules (match_rules.h) weigh these
// for hits whose name alone is too plain to alert.
#ifndef VIGIL_SRC_MATCH_EVIDENCE_H_
#define VIGIL_SRC_MATCH_EVIDENCE_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace vigil::match_internal {

// A vessel or aircraft word that refers to the name at [start, end): just
// before it ("the tanker Forest", "M/V Forest", "Panama-flagged Forest"),
// just after it ("the Forest tanker"), or in an apposition after a comma
// or bracket ("Forest, an Iranian oil tanker", "Forest (IMO 9193321)").
// A ship word elsewhere in the sentence is about something else.
bool HasVesselReference(std::string_view text, size_t start, size_t end);

// "MT ", "MV ", "M/T " or "M/V " right before `start`: a ship's name.
bool HasShipPrefix(std::string_view text, size_t start);

// A company word within a few words of [start, end) in the same sentence
// ("oil company Rosneft", "Surgutneftegas shares", "the Mikron group").
bool HasOrganizationWordNear(std::string_view text, size_t start, size_t end);

// The document speaks of sanctions, terrorism, organised crime or armed
// conflict (in English, German, French, Spanish, Italian, Polish,
// Lithuanian or Russian): the setting in which a common name is more
// likely the listed person. Returns the stem found, or nullptr.
// Words inside [skip_start, skip_end) do not count: a hit is not its own
// support ("Hezbollah" is a sanctions word for other names, not for
// HIZBALLAH found at that word).
const char* FindSanctionsWord(std::string_view text, size_t skip_start = 0, size_t skip_end = 0);

// A title, rank or office right before `start` ("Senior General Min Aung
// Hlaing", "Grand Ayatollah Mohammad Hussein Fadlallah", "President ..."):
// a common name so introduced names far fewer people.
bool PrecededByTitle(std::string_view text, size_t start);

// After `end`, the name goes on: a capitalised word, or a particle ("al-",
// "bin", "ibn", "abu", "el", "de", "van") joined by a space or hyphen.
bool NameGoesOn(std::string_view text, size_t end);

// The text defines `acronym` ("IRGC") for a name of its own: "(IRGC)"
// follows a phrase with two or more capitalised words among its last five
// ("Corpo delle Guardie della Rivoluzione islamica (IRGC)", "Korpus
// Strażników Rewolucji Islamskiej (IRGC)"), in whatever language.
bool DefinesAcronymForAName(std::string_view text, std::string_view acronym);

// The years the text says the person named at [start, end) was born in,
// as a range: "(born 1952)", ", born in 1952", "(geb. 1952)", "(ur. 1952)",
// "(né en 1952)", "... was born in Leningrad in 1952", "... родился в
// Москве в 1938 году" give [1952, 1952]; an age ("Vladimir Putin, 71,",
// "Putin (71)", "71-year-old Vladimir Putin", "der 71-jährige ...") gives
// [reference_year - 72, reference_year - 71], and is read only if
// `reference_year` (the document's) is known (not 0). {0, 0} if none.
struct BirthRange {
  int from = 0;
  int to = 0;
  bool from_age = false;
};
BirthRange StatedBirthYears(std::string_view text, size_t start, size_t end, int reference_year);

// The countries a sanctions programme is about, as bits (kCountryRussia,
// ...), read from its name ("RUSSIA-EO14024", "UKRAINE-EO13662", "IRAN",
// "DPRK3", "Belarus"); 0 for thematic programmes (SDGT, SDNTK).
inline constexpr uint8_t kCountryRussia = 1;
inline constexpr uint8_t kCountryIran = 2;
inline constexpr uint8_t kCountrySyria = 4;
inline constexpr uint8_t kCountryNorthKorea = 8;
inline constexpr uint8_t kCountryBelarus = 16;
inline constexpr uint8_t kCountryVenezuela = 32;
inline constexpr uint8_t kCountryCuba = 64;
uint8_t CountriesOfProgram(std::string_view program);

// The document names one of `countries` or its people, in any of the nine
// languages ("Russia", "russische", "Rosji", "России", "Iranian"): a
// company named by its bare name in such a document is likelier the
// listed one. Returns the stem found, or nullptr.
const char* FindCountryWord(std::string_view text, uint8_t countries);

// "january".."december", "monday".."sunday" (normalised): never a name alone.
bool IsCalendarWord(std::string_view normalized);

// A word that names a kind of vessel or aircraft ("tanker", "yacht", "jet").
bool IsVesselWord(std::string_view lower);

}  // namespace vigil::match_internal

#endif  // VIGIL_SRC_MATCH_EVIDENCE_H_
