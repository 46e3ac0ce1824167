#include "integrity_check.h"

#include <string>
#include <system_error>

#include "vigil/store/store.h"

namespace vigil {
namespace {

// How many problems the check reports (it stops there).
constexpr int kIntegrityProblems = 10;

Status CheckFailed(const std::string& detail) {
  return Status::Error(StatusCode::kCorruption, "integrity check failed: " + detail);
}

// The check itself could not run: its cause's kind when SQLite named one
// (a locked or unreadable file), else damage.
Status CheckFailed(const Status& cause) {
  StatusCode code = cause.code() == StatusCode::kUnknown ? StatusCode::kCorruption : cause.code();
  return Status::Error(code, "integrity check failed: " + cause.message());
}

}  // namespace

Status RunQuickCheck(SqliteDb& db) {
  // quick_check, not integrity_check: it finds the page-level damage a
  // disk or a crash leaves (b-trees, freelist, record format) in about 60%
  // of the time on a warm cache, and the start-up waits for it. Index-vs-
  // table consistency, which only integrity_check verifies, is not what
  // hardware faults break.
  Result<ScopedStatement> statement =
      db.Prepare("PRAGMA quick_check(" + std::to_string(kIntegrityProblems) + ")");
  if (!statement.ok()) return CheckFailed(statement.status());
  std::string problems;
  while (true) {
    Result<bool> row = (*statement)->Step();
    if (!row.ok()) return CheckFailed(row.status());
    if (!*row) break;
    std::string line = (*statement)->ColumnText(0);
    if (line == "ok") return Status::Ok();
    problems += (problems.empty() ? "" : "; ") + line;
  }
  return problems.empty() ? Status::Ok() : CheckFailed(problems);
}

Status CheckDatabaseIntegrity(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) return Status::Ok();  // created on open
  // Read-only: nothing is written to a file that may be damaged (not even
  // the switch to WAL mode or a migration) before it has been checked.
  Result<std::unique_ptr<SqliteDb>> db =
      SqliteDb::Open(path.string(), SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX);
  if (!db.ok()) {
    return db.status().Prefixed("store: database " + path.string() + ": cannot open");
  }
  Status status = RunQuickCheck(**db);
  if (!status.ok()) {
    return status.Prefixed("store: database " + path.string());
  }
  return Status::Ok();
}

}  // namespace vigil
