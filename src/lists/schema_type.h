// FollowTheMoney schema names -> entity types. Private to the lists module.
#ifndef VIGIL_SRC_LISTS_SCHEMA_TYPE_H_
#define VIGIL_SRC_LISTS_SCHEMA_TYPE_H_

#include <optional>
#include <string_view>

#include "vigil/model/watchlist.h"

namespace vigil {

// Person, Organization, Company, LegalEntity, PublicBody, Vessel, Airplane;
// nullopt for schemata that are not listed parties (Address, Sanction, ...).
inline std::optional<EntityType> FtmSchemaType(std::string_view schema) {
  if (schema == "Person") return EntityType::kPerson;
  if (schema == "Organization" || schema == "Company" || schema == "LegalEntity" ||
      schema == "PublicBody") {
    return EntityType::kOrganization;
  }
  if (schema == "Vessel") return EntityType::kVessel;
  if (schema == "Airplane") return EntityType::kAircraft;
  return std::nullopt;
}

}  // namespace vigil

#endif  // VIGIL_SRC_LISTS_SCHEMA_TYPE_H_
