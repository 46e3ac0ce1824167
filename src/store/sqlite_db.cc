#include "sqlite_db.h"

#include <utility>

namespace vigil {

void SqliteStatement::BindInt(int index, int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
}

void SqliteStatement::BindDouble(int index, double value) {
  int rc = sqlite3_bind_double(stmt_, index, value);
  if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
}

void SqliteStatement::BindText(int index, std::string_view value) {
  // SQLITE_TRANSIENT: SQLite copies, so the caller's buffer may go away.
  int rc = sqlite3_bind_text64(stmt_, index, value.data(), value.size(),
                               SQLITE_TRANSIENT, SQLITE_UTF8);
  if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
}

void SqliteStatement::BindNull(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (bind_rc_ == SQLITE_OK) bind_rc_ = rc;
}

void SqliteStatement::BindOptionalInt(int index, const std::optional<int64_t>& value) {
  if (value.has_value()) {
    BindInt(index, *value);
  } else {
    BindNull(index);
  }
}

StatusCode SqliteStatusCode(int rc) {
  switch (rc & 0xff) {  // the primary result code of an extended one
    case SQLITE_FULL: return StatusCode::kStorageFull;
    case SQLITE_READONLY: return StatusCode::kReadOnly;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return StatusCode::kBusy;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return StatusCode::kCorruption;
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN: return StatusCode::kIoError;
    default: return StatusCode::kUnknown;
  }
}

Result<bool> SqliteStatement::Step() {
  if (bind_rc_ != SQLITE_OK) {
    return Status::Error(SqliteStatusCode(bind_rc_),
                         std::string("bind failed: ") + sqlite3_errstr(bind_rc_));
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Status::Error(SqliteStatusCode(rc), sqlite3_errmsg(db_));
}

Status SqliteStatement::Run() {
  Result<bool> row = Step();
  return row.status();
}

int64_t SqliteStatement::ColumnInt(int index) const {
  return sqlite3_column_int64(stmt_, index);
}

double SqliteStatement::ColumnDouble(int index) const {
  return sqlite3_column_double(stmt_, index);
}

std::string SqliteStatement::ColumnText(int index) const {
  const unsigned char* text = sqlite3_column_text(stmt_, index);
  if (text == nullptr) return std::string();
  // Length in bytes, so text with embedded NULs survives.
  int size = sqlite3_column_bytes(stmt_, index);
  return std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(size));
}

bool SqliteStatement::ColumnIsNull(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

void SqliteStatement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  bind_rc_ = SQLITE_OK;
}

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& path, int flags) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close(db);
    return Status::Error(SqliteStatusCode(rc), message);
  }
  sqlite3_extended_result_codes(db, 1);
  return std::unique_ptr<SqliteDb>(new SqliteDb(db));
}

SqliteDb::~SqliteDb() {
  // Statements must be finalized before the connection can close.
  cache_.clear();
  sqlite3_close(db_);
}

Status SqliteDb::Exec(std::string_view sql) {
  std::string script(sql);
  char* error = nullptr;
  int rc = sqlite3_exec(db_, script.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string message = error != nullptr ? error : sqlite3_errstr(rc);
  sqlite3_free(error);
  return Status::Error(SqliteStatusCode(rc), message);
}

Result<ScopedStatement> SqliteDb::Prepare(std::string_view sql) {
  std::string key(sql);
  auto it = cache_.find(key);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return Status::Error(SqliteStatusCode(rc), ErrorMessage());
    auto statement = std::make_unique<SqliteStatement>(db_, stmt);
    it = cache_.emplace(std::move(key), std::move(statement)).first;
  }
  return ScopedStatement(it->second.get());
}

Result<int64_t> SqliteDb::QueryInt(std::string_view sql) {
  Result<ScopedStatement> statement = Prepare(sql);
  if (!statement.ok()) return statement.status();
  Result<bool> row = (*statement)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Error("query returned no row");
  return (*statement)->ColumnInt(0);
}

Result<std::string> SqliteDb::QueryText(std::string_view sql) {
  Result<ScopedStatement> statement = Prepare(sql);
  if (!statement.ok()) return statement.status();
  Result<bool> row = (*statement)->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::Error("query returned no row");
  return (*statement)->ColumnText(0);
}

SqliteTransaction::~SqliteTransaction() {
  // Some errors (SQLITE_FULL, IOERR, NOMEM) already rolled back on their
  // own; ROLLBACK would then fail with "no transaction is active".
  if (active_ && db_.InTransaction()) {
    (void)db_.Exec("ROLLBACK");
  }
}

Status SqliteTransaction::Begin() {
  Status status = db_.Exec("BEGIN IMMEDIATE");
  if (!status.ok()) return status.Prefixed("begin transaction");
  active_ = true;
  return Status::Ok();
}

Status SqliteTransaction::Commit() {
  Status status = db_.Exec("COMMIT");
  if (!status.ok()) return status.Prefixed("commit");
  active_ = false;
  return Status::Ok();
}

}  // namespace vigil
