// Thin RAII wrappers over the SQLite3 C API: connection, statement,
// transaction. Private to the store module.
#ifndef VIGIL_STORE_SQLITE_DB_H_
#define VIGIL_STORE_SQLITE_DB_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "vigil/base/status.h"

namespace vigil {

// The kind of an SQLite result code (extended or primary): full, read-only,
// locked, corrupt, I/O, or unknown.
StatusCode SqliteStatusCode(int rc);

// One prepared statement. Binding errors are remembered and reported by the
// next Step(), so callers check one Status per execution.
class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() { sqlite3_finalize(stmt_); }
  // Owns the sqlite3_stmt; a copy would finalize it twice.
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  // Indexes are 1-based, as in sqlite3_bind_*.
  void BindInt(int index, int64_t value);
  void BindDouble(int index, double value);
  void BindText(int index, std::string_view value);
  void BindNull(int index);
  void BindOptionalInt(int index, const std::optional<int64_t>& value);

  // True when a row is available, false when done; an error otherwise
  // (sqlite3_errmsg text).
  Result<bool> Step();
  // Runs a statement that returns no rows.
  Status Run();

  // Columns are 0-based, as in sqlite3_column_*. NULL reads as 0 / "".
  int64_t ColumnInt(int index) const;
  double ColumnDouble(int index) const;
  std::string ColumnText(int index) const;
  bool ColumnIsNull(int index) const;

  // Ends the current execution and clears bindings. Needed after every use:
  // a SELECT left un-reset keeps a read transaction open, which holds back
  // WAL checkpoints.
  void Reset();

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int bind_rc_ = SQLITE_OK;
};

// Borrowed cached statement that is reset when it goes out of scope.
class ScopedStatement {
 public:
  explicit ScopedStatement(SqliteStatement* statement) : statement_(statement) {}
  ~ScopedStatement() {
    if (statement_ != nullptr) statement_->Reset();
  }
  ScopedStatement(ScopedStatement&& other) noexcept : statement_(other.statement_) {
    other.statement_ = nullptr;
  }
  ScopedStatement(const ScopedStatement&) = delete;
  ScopedStatement& operator=(const ScopedStatement&) = delete;
  ScopedStatement& operator=(ScopedStatement&&) = delete;

  SqliteStatement* operator->() const { return statement_; }
  SqliteStatement& operator*() const { return *statement_; }

 private:
  SqliteStatement* statement_;
};

// One connection plus its prepared-statement cache. Thread-compatible.
class SqliteDb {
 public:
  // Opens `path` with sqlite3_open_v2 and `flags`; extended result codes on.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& path, int flags);
  ~SqliteDb();
  // Owns the sqlite3 handle.
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs a constant SQL script (several statements allowed). Only for SQL
  // that contains no values; values go through Prepare() and Bind*().
  Status Exec(std::string_view sql);

  // The cached statement for `sql`, prepared on first use.
  Result<ScopedStatement> Prepare(std::string_view sql);

  // Runs a constant query returning one row with one integer column.
  Result<int64_t> QueryInt(std::string_view sql);
  // Runs a constant query returning one row with one text column.
  Result<std::string> QueryText(std::string_view sql);

  int64_t Changes() const { return sqlite3_changes64(db_); }
  int64_t LastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }
  bool InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }
  sqlite3* handle() const { return db_; }
  std::string ErrorMessage() const { return sqlite3_errmsg(db_); }

 private:
  explicit SqliteDb(sqlite3* db) : db_(db) {}

  sqlite3* db_;
  std::unordered_map<std::string, std::unique_ptr<SqliteStatement>> cache_;
};

// BEGIN IMMEDIATE ... COMMIT; rolls back on destruction unless committed.
// IMMEDIATE takes the write lock up front, so a concurrent writer is waited
// for (busy_timeout) at BEGIN rather than failing midway.
class SqliteTransaction {
 public:
  explicit SqliteTransaction(SqliteDb& db) : db_(db) {}
  ~SqliteTransaction();
  // Rolls back on destruction; copying would roll back twice.
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;

  Status Begin();
  Status Commit();

 private:
  SqliteDb& db_;
  bool active_ = false;
};

}  // namespace vigil

#endif  // VIGIL_STORE_SQLITE_DB_H_
