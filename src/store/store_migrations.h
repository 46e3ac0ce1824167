// Schema migrations of the store, and a test seam to open with another list.
// Private to the store module (and its tests).
#ifndef VIGIL_STORE_STORE_MIGRATIONS_H_
#define VIGIL_STORE_STORE_MIGRATIONS_H_

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "vigil/base/status.h"
#include "vigil/store/store.h"

namespace vigil {

// migrations[i] is the SQL script that takes the schema from version i to
// i + 1, so the current version is migrations.size(). Scripts are never
// edited once released: a schema change is one more entry at the end.
const std::vector<std::string_view>& SchemaMigrations();

// Store::Open with an explicit migration list. Each pending script runs in
// its own transaction together with the PRAGMA user_version bump, so a
// failed script leaves the database at the previous version.
Result<std::unique_ptr<Store>> OpenWithMigrations(
    const std::filesystem::path& path, const std::vector<std::string_view>& migrations);

}  // namespace vigil

#endif  // VIGIL_STORE_STORE_MIGRATIONS_H_
