// Opening the database at daemon start-up: open, integrity check, and a
// clear way out when the file is damaged.
#ifndef VIGIL_DAEMON_STORE_STARTUP_H_
#define VIGIL_DAEMON_STORE_STARTUP_H_

#include <filesystem>
#include <memory>

#include "vigil/base/status.h"
#include "vigil/store/store.h"

namespace vigil {

// Runs the integrity check (PRAGMA quick_check, read-only), then opens
// `path`. On failure logs what is wrong and what the operator can do, never
// touching the file, and sets `*exit_code`: kExitDatabaseCorrupt for a damaged file or one that
// is not a database, kExitFailure for anything else (read-only, locked,
// missing folder...), which a restart may cure.
Result<std::unique_ptr<Store>> OpenStoreAtStartup(const std::filesystem::path& path,
                                                  int* exit_code);

}  // namespace vigil

#endif  // VIGIL_DAEMON_STORE_STARTUP_H_
