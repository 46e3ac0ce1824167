#include "store_startup.h"

#include <chrono>
#include <string>

#include <spdlog/spdlog.h>

#include "vigil/model/exit_codes.h"

namespace vigil {
namespace {

// Every line an operator needs, in order; logged at critical so it is the
// last thing in the journal before the exit.
void LogCorruptionWayOut(const std::filesystem::path& path, const std::string& detail) {
  const std::string db = path.string();
  spdlog::critical("database {} is damaged: {}", db, detail);
  spdlog::critical("vigil has not changed or deleted it and will not run on it (exit code {}).",
                   kExitDatabaseCorrupt);
  spdlog::critical("to recover: stop vigil, then keep the damaged file: mv {0} {0}.damaged "
                   "(and {0}-wal, {0}-shm if present, next to it)",
                   db);
  spdlog::critical("then EITHER salvage its readable rows into a new database: "
                   "sqlite3 {0}.damaged .dump | sed '$s/^ROLLBACK; -- due to errors$/COMMIT;/' "
                   "| sqlite3 {0} && sqlite3 {0} \"PRAGMA user_version = $(sqlite3 {0}.damaged "
                   "'PRAGMA user_version')\"",
                   db);
  spdlog::critical("OR start with an empty database (leave {} absent): items still in the feeds "
                   "are then new again and alert once more",
                   db);
}

}  // namespace

Result<std::unique_ptr<Store>> OpenStoreAtStartup(const std::filesystem::path& path,
                                                  int* exit_code) {
  *exit_code = kExitFailure;
  // Checked read-only first: Store::Open may write (WAL mode, migrations),
  // and a damaged file must stay exactly as it is for recovery.
  auto started = std::chrono::steady_clock::now();
  Status check = CheckDatabaseIntegrity(path);
  auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  if (!check.ok()) {
    StorageFault fault = ClassifyStorageError(check);
    if (fault == StorageFault::kCorrupt) {
      *exit_code = kExitDatabaseCorrupt;
      LogCorruptionWayOut(path, check.message());
    } else {
      spdlog::critical("cannot check database {} ({}): {}", path.string(),
                       StorageFaultName(fault), check.message());
    }
    return check;
  }
  spdlog::info("database {}: integrity check ok ({} ms)", path.string(), took.count());
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  if (!store.ok()) {
    StorageFault fault = ClassifyStorageError(store.status());
    if (fault == StorageFault::kCorrupt) {
      *exit_code = kExitDatabaseCorrupt;
      LogCorruptionWayOut(path, store.status().message());
    } else {
      spdlog::critical("cannot open database {} ({}): {}", path.string(),
                       StorageFaultName(fault), store.status().message());
    }
  }
  return store;
}

}  // namespace vigil
