#include "vigil/model/watchlist.h"

#include <array>

namespace vigil {

namespace {

constexpr std::array kAllTypes = {EntityType::kPerson, EntityType::kOrganization,
                                  EntityType::kVessel, EntityType::kAircraft,
                                  EntityType::kOther};

}  // namespace

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return "person";
    case EntityType::kOrganization: return "organization";
    case EntityType::kVessel: return "vessel";
    case EntityType::kAircraft: return "aircraft";
    case EntityType::kOther: return "other";
  }
  return "other";
}

std::optional<EntityType> ParseEntityType(std::string_view name) {
  for (EntityType type : kAllTypes) {
    if (name == EntityTypeName(type)) return type;
  }
  return std::nullopt;
}

}  // namespace vigil
