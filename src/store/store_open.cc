// Opening the store: file creation and permissions, connection settings,
// schema migrations.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <system_error>
#include <utility>

#include "sqlite_db.h"
#include "sqlite_store.h"
#include "store_migrations.h"
#include "vigil/store/store.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;

// A concurrent writer (e.g. `vigil` tooling) is waited for this long before
// SQLITE_BUSY surfaces as an error.
constexpr int kBusyTimeoutMs = 5000;
constexpr mode_t kDatabaseFileMode = 0600;

Status PathError(const fs::path& path, const std::string& message) {
  return Status::Error("store: database " + path.string() + ": " + message);
}

// `cause`, of the same kind, said of the database at `path`.
Status PathError(const fs::path& path, const Status& cause) {
  return cause.Prefixed("store: database " + path.string());
}

// Creates the database file, owner-only, unless it exists. The database
// holds webhook payloads and watchlist hits, which are not for other local
// users; creating it ourselves avoids a window with umask permissions.
// Returns whether the file was created.
Result<bool> CreateDatabaseFile(const fs::path& path) {
  fs::path parent = path.parent_path();
  if (!parent.empty()) {
    std::error_code error;
    fs::create_directories(parent, error);
    if (error) {
      return PathError(path, "cannot create folder " + parent.string() + ": " +
                                 error.message());
    }
  }
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kDatabaseFileMode);
  if (fd < 0) {
    if (errno == EEXIST) return false;
    return PathError(path, std::string("cannot create: ") + std::strerror(errno));
  }
  ::close(fd);
  return true;
}

// SQLite gives -wal and -shm the database file's mode already; this makes
// sure of it for files we created.
void RestrictSidecarFiles(const fs::path& path) {
  for (const char* suffix : {"-wal", "-shm"}) {
    std::string sidecar = path.string() + suffix;
    (void)::chmod(sidecar.c_str(), kDatabaseFileMode);
  }
}

Status Configure(SqliteDb& db, bool in_memory) {
  int rc = sqlite3_busy_timeout(db.handle(), kBusyTimeoutMs);
  if (rc != SQLITE_OK) {
    return Status::Error(SqliteStatusCode(rc), "busy_timeout: " + db.ErrorMessage());
  }
  // journal_mode is the first statement that reads the file, so a file that
  // is not a database fails here with "file is not a database".
  Result<std::string> mode = db.QueryText("PRAGMA journal_mode = WAL");
  if (!mode.ok()) return mode.status().Prefixed("cannot read");
  if (*mode != "wal" && !(in_memory && *mode == "memory")) {
    return Status::Error("cannot switch to WAL journal mode (got '" + *mode + "')");
  }
  // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power
  // loss, and a lost outbox row is a lost alert (we promise at-least-once).
  // The cost is one fsync of the WAL per commit, i.e. per stored document.
  if (Status status = db.Exec("PRAGMA synchronous = FULL"); !status.ok()) return status;
  if (Status status = db.Exec("PRAGMA foreign_keys = ON"); !status.ok()) return status;
  if (sqlite3_db_readonly(db.handle(), "main") == 1) {
    return Status::Error(StatusCode::kReadOnly, "opened read-only (check file permissions)");
  }
  return Status::Ok();
}

Result<int> ReadUserVersion(SqliteDb& db) {
  Result<int64_t> version = db.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  return static_cast<int>(*version);
}

Status NewerSchemaError(int found, int known) {
  return Status::Error("schema version " + std::to_string(found) +
                       " is newer than this Vigil understands (" + std::to_string(known) +
                       "); upgrade Vigil or point it at another database");
}

// Applies migrations[version..] one transaction each. The version is read
// again inside each transaction, so two processes opening the same old
// database at once do not both apply a script.
Result<int> Migrate(SqliteDb& db, const std::vector<std::string_view>& migrations) {
  const int target = static_cast<int>(migrations.size());
  while (true) {
    SqliteTransaction transaction(db);
    if (Status status = transaction.Begin(); !status.ok()) return status;
    Result<int> version = ReadUserVersion(db);
    if (!version.ok()) return version.status();
    if (*version > target) return NewerSchemaError(*version, target);
    if (*version == target) return target;  // rolls back the empty transaction
    if (*version < 0) return Status::Error("negative schema version");
    Status status = db.Exec(migrations[*version]);
    if (!status.ok()) {
      return status.Prefixed("migration to version " + std::to_string(*version + 1) + " failed");
    }
    // PRAGMA takes no bound parameters; the value is our own loop counter.
    status = db.Exec("PRAGMA user_version = " + std::to_string(*version + 1));
    if (!status.ok()) return status;
    status = transaction.Commit();
    if (!status.ok()) return status;
  }
}

}  // namespace

Result<std::unique_ptr<Store>> OpenWithMigrations(
    const fs::path& path, const std::vector<std::string_view>& migrations) {
  const bool in_memory = path == ":memory:";
  bool created = false;
  if (!in_memory) {
    Result<bool> creation = CreateDatabaseFile(path);
    if (!creation.ok()) return creation.status();
    created = *creation;
  }
  Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(
      path.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
  if (!db.ok()) return PathError(path, db.status().Prefixed("cannot open"));

  if (Status status = Configure(**db, in_memory); !status.ok()) {
    return PathError(path, status);
  }
  // Checked before migrating so a newer database is refused without taking
  // the write lock.
  Result<int> version = ReadUserVersion(**db);
  if (!version.ok()) return PathError(path, version.status());
  if (*version > static_cast<int>(migrations.size())) {
    return PathError(path,
                     NewerSchemaError(*version, static_cast<int>(migrations.size())).message());
  }
  // A current schema needs no write lock, so start-up is not held up by
  // another connection writing (or holding the lock) at that moment.
  int schema_version = *version;
  if (schema_version < static_cast<int>(migrations.size())) {
    Result<int> migrated = Migrate(**db, migrations);
    if (!migrated.ok()) return PathError(path, migrated.status());
    schema_version = *migrated;
  }
  if (created) RestrictSidecarFiles(path);
  return std::unique_ptr<Store>(new SqliteStore(std::move(*db), schema_version));
}

Result<std::unique_ptr<Store>> Store::Open(const fs::path& path) {
  return OpenWithMigrations(path, SchemaMigrations());
}

int Store::CurrentSchemaVersion() { return static_cast<int>(SchemaMigrations().size()); }

Result<std::unique_ptr<Store>> Store::OpenExisting(const fs::path& path, Access access) {
  const bool read_only = access == Access::kReadOnly;
  // No SQLITE_OPEN_CREATE: a missing file is an error, not a new database.
  Result<std::unique_ptr<SqliteDb>> db = SqliteDb::Open(
      path.string(), (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                         SQLITE_OPEN_NOMUTEX);
  if (!db.ok()) return PathError(path, db.status().Prefixed("cannot open"));
  if (read_only) {
    // Nothing else: journal_mode and the like are settings a reader must
    // not write. The daemon keeps the file in WAL mode, so this reader
    // never blocks it.
    if (sqlite3_busy_timeout((*db)->handle(), kBusyTimeoutMs) != SQLITE_OK) {
      return PathError(path, "busy_timeout: " + (*db)->ErrorMessage());
    }
  } else if (Status status = Configure(**db, false); !status.ok()) {
    return PathError(path, status);
  }
  // The first read of the file: "file is not a database" surfaces here.
  Result<int> version = ReadUserVersion(**db);
  if (!version.ok()) return PathError(path, version.status().Prefixed("cannot read"));
  const int current = CurrentSchemaVersion();
  if (!read_only && *version != current) {
    return PathError(path, "schema version " + std::to_string(*version) +
                               " differs from this Vigil's (" + std::to_string(current) +
                               "); run the vigil binary that matches the daemon, or let the "
                               "daemon migrate the database first");
  }
  return std::unique_ptr<Store>(new SqliteStore(std::move(*db), *version));
}

}  // namespace vigil
