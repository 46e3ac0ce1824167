// Watchlists and keyword lists: what Vigil looks for in text. Shared value
// types: lists build them, the matcher reads them, config names them.
#ifndef VIGIL_MODEL_WATCHLIST_H_
#define VIGIL_MODEL_WATCHLIST_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigil {

enum class EntityType { kPerson, kOrganization, kVessel, kAircraft, kOther };

// "person", "organization", ...; the YAML spelling.
const char* EntityTypeName(EntityType type);
// The inverse: "person" -> kPerson, ...; nullopt for anything else
// (case-sensitive).
std::optional<EntityType> ParseEntityType(std::string_view name);

// One listed party. `name` is the primary name as the list writes it
// (possibly "LAST, First Middle"); `aliases` are further names, any script.
struct Entity {
  std::string id;
  std::string name;
  EntityType type = EntityType::kOther;
  // Further names, any script (including original-script names such as
  // Arabic or Chinese spellings); each one is matched on its own.
  std::vector<std::string> aliases;
  // Names the list marks as weak or low quality (OFAC "weak" aka, UN
  // quality "low", FtM weakAlias): kept for explanations, never matched alone.
  std::vector<std::string> weak_aliases;
  std::vector<std::string> programs;  // sanctions programmes / regimes, as listed
  // The years the list says a person may have been born in: each date of
  // birth's year, both ends of a range ("1955 to 1957"), and two years
  // either side of a "circa". Empty if the list gives none. The matcher
  // weighs an age or birth year stated beside a name against these.
  std::vector<int> birth_years;
};

// A loaded watchlist. Entity ids are unique within a list.
struct Watchlist {
  std::string id;
  std::vector<Entity> entities;
  // Hits scoring below this are candidates, not alerts (watchlists[].min_score).
  double min_score = 0.9;
  // Entity ids never reported (watchlists[].exclude).
  std::vector<std::string> exclude;
};

// A keyword group from the config: any of `terms` is a hit for `id`.
struct KeywordList {
  std::string id;
  std::vector<std::string> terms;
};

}  // namespace vigil

#endif  // VIGIL_MODEL_WATCHLIST_H_
