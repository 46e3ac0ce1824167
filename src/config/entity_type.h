// Reading entity types from their YAML spelling; EntityTypeName is the inverse.
#ifndef VIGIL_SRC_CONFIG_ENTITY_TYPE_H_
#define VIGIL_SRC_CONFIG_ENTITY_TYPE_H_

#include <optional>
#include <string_view>

#include "vigil/watchlist/watchlist.h"

namespace vigil {

// "person" -> kPerson, ...; nullopt for anything else (case-sensitive).
std::optional<EntityType> ParseEntityType(std::string_view name);

}  // namespace vigil

#endif  // VIGIL_SRC_CONFIG_ENTITY_TYPE_H_
