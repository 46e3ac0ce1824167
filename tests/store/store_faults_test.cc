// Real storage faults against real SQLite files: a full database, a lock
// held by another connection, a read-only file, damaged pages. Nothing is
// mocked; the errors come from SQLite itself.
#include "vigil/store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "sqlite_store.h"
#include "store_migrations.h"
#include "store_test_util.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// A second, independent connection, as another process would have.
class OtherConnection {
 public:
  explicit OtherConnection(const fs::path& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      throw std::runtime_error(std::string("open: ") + sqlite3_errmsg(db_));
    }
  }
  ~OtherConnection() { sqlite3_close(db_); }
  OtherConnection(const OtherConnection&) = delete;
  OtherConnection& operator=(const OtherConnection&) = delete;

  int Exec(const std::string& sql) { return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr); }

 private:
  sqlite3* db_ = nullptr;
};

sqlite3* Handle(Store& store) { return dynamic_cast<SqliteStore&>(store).HandleForTesting(); }

int64_t PragmaInt(Store& store, const std::string& pragma) {
  sqlite3_stmt* stmt = nullptr;
  int64_t value = -1;
  if (sqlite3_prepare_v2(Handle(store), ("PRAGMA " + pragma).c_str(), -1, &stmt, nullptr) ==
          SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    value = sqlite3_column_int64(stmt, 0);
  }
  sqlite3_finalize(stmt);
  return value;
}

DocumentWrite BigWrite(const std::string& key, size_t text_bytes) {
  DocumentWrite write;
  write.document = SampleDocument("feed-a", key);
  write.document.text = std::string(text_bytes, 'x');
  write.hits = {SampleEntityHit()};
  write.alerts = {SampleAlert("msg-" + key)};
  return write;
}

std::unique_ptr<Store> OpenOrDie(const fs::path& path) {
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  if (!store.ok()) throw std::runtime_error(store.status().message());
  return std::move(store).value();
}

std::string ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(StoreFaultsTest, FullDatabaseRollsBackTheWholePollAndKeepsWhatIsStored) {
  TempDir dir;
  fs::path path = dir.path() / "vigil.db";
  std::unique_ptr<Store> store = OpenOrDie(path);
  ASSERT_TRUE(store->InsertDocuments({BigWrite("guid:kept", 100)}).ok());

  // The size limit is SQLite's own SQLITE_FULL path, the one a full disk
  // takes (unixWrite maps ENOSPC to SQLITE_FULL).
  int64_t pages = PragmaInt(*store, "page_count");
  ASSERT_GT(pages, 0);
  ASSERT_EQ(PragmaInt(*store, "max_page_count = " + std::to_string(pages + 2)), pages + 2);

  // A poll of three documents; the second does not fit. None is written.
  Result<std::vector<std::optional<int64_t>>> ids = store->InsertDocuments(
      {BigWrite("guid:small", 10), BigWrite("guid:big", 200'000), BigWrite("guid:after", 10)});
  ASSERT_FALSE(ids.ok());
  EXPECT_EQ(ClassifyStorageError(ids.status()), StorageFault::kFull) << ids.status().message();
  EXPECT_EQ(StorageFaultName(ClassifyStorageError(ids.status())), "disk full");
  EXPECT_EQ(*store->CountDocuments(), 1);
  EXPECT_EQ(*store->CountHits(), 1);
  EXPECT_EQ(store->ListAlerts()->size(), 1u);
  Result<bool> small = store->HasDocument("feed-a", "guid:small");
  ASSERT_TRUE(small.ok());
  EXPECT_FALSE(*small);
  // Reads go on while full.
  EXPECT_TRUE(*store->HasDocument("feed-a", "guid:kept"));

  // Space again: the same poll goes through on the same connection.
  ASSERT_GT(PragmaInt(*store, "max_page_count = 1000000"), pages);
  ids = store->InsertDocuments(
      {BigWrite("guid:small", 10), BigWrite("guid:big", 200'000), BigWrite("guid:after", 10)});
  ASSERT_TRUE(ids.ok()) << ids.status().message();
  EXPECT_EQ(*store->CountDocuments(), 4);
  EXPECT_EQ(store->ListAlerts()->size(), 4u);
  EXPECT_TRUE(store->CheckIntegrity().ok());
}

TEST(StoreFaultsTest, LockHeldPastBusyTimeoutIsReportedAsLockedAndReadsGoOn) {
  TempDir dir;
  fs::path path = dir.path() / "vigil.db";
  std::unique_ptr<Store> store = OpenOrDie(path);
  ASSERT_TRUE(store->InsertDocuments({BigWrite("guid:kept", 10)}).ok());
  // Shorter than the store's 5 s so the test is quick; the code path is the same.
  ASSERT_EQ(sqlite3_busy_timeout(Handle(*store), 200), SQLITE_OK);

  OtherConnection other(path);
  ASSERT_EQ(other.Exec("BEGIN EXCLUSIVE"), SQLITE_OK);
  auto started = std::chrono::steady_clock::now();
  Result<std::vector<std::optional<int64_t>>> ids = store->InsertDocuments({BigWrite("guid:new", 10)});
  ASSERT_FALSE(ids.ok());
  EXPECT_GE(std::chrono::steady_clock::now() - started, 150ms) << "busy_timeout was not waited";
  EXPECT_EQ(ClassifyStorageError(ids.status()), StorageFault::kLocked) << ids.status().message();
  SourceState state;
  state.source_id = "feed-a";
  Status put = store->PutSourceState(state);
  EXPECT_EQ(ClassifyStorageError(put), StorageFault::kLocked) << put.message();
  // WAL: readers are not blocked by the writer.
  Result<bool> kept = store->HasDocument("feed-a", "guid:kept");
  ASSERT_TRUE(kept.ok()) << kept.status().message();
  EXPECT_TRUE(*kept);
  ASSERT_EQ(other.Exec("COMMIT"), SQLITE_OK);

  ids = store->InsertDocuments({BigWrite("guid:new", 10)});
  ASSERT_TRUE(ids.ok()) << ids.status().message();
  EXPECT_EQ(*store->CountDocuments(), 2);
}

TEST(StoreFaultsTest, LockReleasedWithinBusyTimeoutIsWaitedFor) {
  TempDir dir;
  fs::path path = dir.path() / "vigil.db";
  std::unique_ptr<Store> store = OpenOrDie(path);
  OtherConnection other(path);
  ASSERT_EQ(other.Exec("BEGIN EXCLUSIVE"), SQLITE_OK);
  std::thread releaser([&] {
    std::this_thread::sleep_for(300ms);
    other.Exec("COMMIT");
  });
  // The store's own busy_timeout (5 s) outlasts the 300 ms lock.
  Result<std::vector<std::optional<int64_t>>> ids = store->InsertDocuments({BigWrite("guid:1", 10)});
  releaser.join();
  ASSERT_TRUE(ids.ok()) << ids.status().message();
  EXPECT_EQ(*store->CountDocuments(), 1);
}

TEST(StoreFaultsTest, OpensWhileAnotherConnectionHoldsTheWriteLock) {
  TempDir dir;
  fs::path path = dir.path() / "vigil.db";
  OpenOrDie(path).reset();  // created and migrated
  OtherConnection other(path);
  ASSERT_EQ(other.Exec("BEGIN EXCLUSIVE"), SQLITE_OK);
  auto started = std::chrono::steady_clock::now();
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  // A current schema needs no write lock: no busy wait at start-up.
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
  EXPECT_TRUE((*store)->CheckIntegrity().ok());
  other.Exec("ROLLBACK");
}

// Sets or clears the immutable attribute; false when the file system or
// the privileges do not allow it.
bool SetImmutable(const fs::path& path, bool on) {
  std::string command = std::string("chattr ") + (on ? "+i " : "-i ") + "'" + path.string() +
                        "' 2>/dev/null";
  return std::system(command.c_str()) == 0;
}

TEST(StoreFaultsTest, ReadOnlyDatabaseIsRefusedClearlyAndLeftAlone) {
  TempDir dir;
  fs::path path = dir.path() / "vigil.db";
  {
    std::unique_ptr<Store> store = OpenOrDie(path);
    ASSERT_TRUE(store->InsertDocuments({BigWrite("guid:kept", 10)}).ok());
  }
  // Tests run as root, for whom chmod does not make a file read-only; the
  // immutable attribute does.
  if (!SetImmutable(path, true)) GTEST_SKIP() << "chattr +i not available here";
  std::string before = ReadBytes(path);
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  SetImmutable(path, false);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(ClassifyStorageError(store.status()), StorageFault::kReadOnly)
      << store.status().message();
  EXPECT_NE(store.status().message().find(path.string()), std::string::npos);
  EXPECT_EQ(ReadBytes(path), before);
  EXPECT_EQ(QueryDirect(path, "SELECT COUNT(*) FROM documents"), "1");
}

// Fills a database with enough documents to span many pages, closes it
// (the last close checkpoints the WAL into the file) and returns its page
// size.
int64_t FillAndClose(const fs::path& path) {
  std::unique_ptr<Store> store = OpenOrDie(path);
  std::vector<DocumentWrite> writes;
  for (int i = 0; i < 200; ++i) writes.push_back(BigWrite("guid:" + std::to_string(i), 2000));
  if (!store->InsertDocuments(writes).ok()) throw std::runtime_error("fill failed");
  return PragmaInt(*store, "page_size");
}

void OverwritePages(const fs::path& path, int64_t page_size, int64_t first, int64_t count) {
  std::fstream file(path, std::ios::binary | std::ios::in | std::ios::out);
  std::string garbage(static_cast<size_t>(page_size), '\0');
  for (size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 37 + 11) & 0xff);
  for (int64_t page = first; page < first + count; ++page) {
    file.seekp((page - 1) * page_size);  // pages are numbered from 1
    file.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  }
}

TEST(StoreFaultsTest, IntegrityCheckPassesOnAHealthyDatabase) {
  TempDir dir;
  fs::path path = dir.path() / "vigil.db";
  FillAndClose(path);
  std::unique_ptr<Store> store = OpenOrDie(path);
  Status check = store->CheckIntegrity();
  EXPECT_TRUE(check.ok()) << check.message();
}

TEST(StoreFaultsTest, IntegrityCheckFindsDamagedPagesAndChangesNothing) {
  TempDir dir;
  fs::path path = dir.path() / "vigil.db";
  int64_t page_size = FillAndClose(path);
  ASSERT_FALSE(fs::exists(path.string() + "-wal")) << "WAL not checkpointed on close";
  int64_t pages = static_cast<int64_t>(fs::file_size(path)) / page_size;
  ASSERT_GT(pages, 20);
  OverwritePages(path, page_size, pages / 2, 4);  // document pages, not the schema
  std::string damaged = ReadBytes(path);

  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  Status check = (*store)->CheckIntegrity();
  ASSERT_FALSE(check.ok());
  EXPECT_EQ(ClassifyStorageError(check), StorageFault::kCorrupt) << check.message();
  EXPECT_NE(check.message().find("integrity check failed"), std::string::npos) << check.message();
  store->reset();
  // Nothing was repaired, truncated or deleted behind the operator's back.
  EXPECT_EQ(ReadBytes(path), damaged);
}

TEST(StoreFaultsTest, DamagedHeaderIsRefusedAsCorrupt) {
  TempDir dir;
  fs::path path = dir.path() / "vigil.db";
  int64_t page_size = FillAndClose(path);
  OverwritePages(path, page_size, 1, 1);
  std::string damaged = ReadBytes(path);
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(ClassifyStorageError(store.status()), StorageFault::kCorrupt)
      << store.status().message();
  EXPECT_EQ(ReadBytes(path), damaged);
}

TEST(StoreFaultsTest, ClassifiesOnlyStorageConditions) {
  EXPECT_EQ(ClassifyStorageError(Status::Ok()), StorageFault::kNone);
  EXPECT_EQ(ClassifyStorageError(Status::Error("store: x: something else")), StorageFault::kOther);
  // The kind is the code the store set where SQLite reported the condition;
  // the text is never searched.
  EXPECT_EQ(ClassifyStorageError(Status::Error("store: x: disk I/O error")), StorageFault::kOther);
  EXPECT_EQ(ClassifyStorageError(Status::Error(StatusCode::kIoError, "store: x: disk I/O error")),
            StorageFault::kIo);
  EXPECT_EQ(ClassifyStorageError(Status::Error(StatusCode::kStorageFull, "x")), StorageFault::kFull);
  EXPECT_EQ(ClassifyStorageError(Status::Error(StatusCode::kReadOnly, "x")),
            StorageFault::kReadOnly);
  EXPECT_EQ(ClassifyStorageError(Status::Error(StatusCode::kBusy, "x")), StorageFault::kLocked);
  EXPECT_EQ(ClassifyStorageError(Status::Error(StatusCode::kCorruption, "x")),
            StorageFault::kCorrupt);
  EXPECT_EQ(ClassifyStorageError(Status::Error(StatusCode::kTimeout, "x")), StorageFault::kOther);
}

TEST(StoreFaultsTest, SqliteResultCodesGiveTheStatusKind) {
  // Extended codes count by their primary code.
  EXPECT_EQ(SqliteStatusCode(SQLITE_FULL), StatusCode::kStorageFull);
  EXPECT_EQ(SqliteStatusCode(SQLITE_READONLY_DBMOVED), StatusCode::kReadOnly);
  EXPECT_EQ(SqliteStatusCode(SQLITE_BUSY_SNAPSHOT), StatusCode::kBusy);
  EXPECT_EQ(SqliteStatusCode(SQLITE_LOCKED_SHAREDCACHE), StatusCode::kBusy);
  EXPECT_EQ(SqliteStatusCode(SQLITE_CORRUPT_INDEX), StatusCode::kCorruption);
  EXPECT_EQ(SqliteStatusCode(SQLITE_NOTADB), StatusCode::kCorruption);
  EXPECT_EQ(SqliteStatusCode(SQLITE_IOERR_FSYNC), StatusCode::kIoError);
  EXPECT_EQ(SqliteStatusCode(SQLITE_CANTOPEN), StatusCode::kIoError);
  EXPECT_EQ(SqliteStatusCode(SQLITE_CONSTRAINT_UNIQUE), StatusCode::kUnknown);
}

TEST(StoreFaultsTest, SourceCountersRoundTripAndAreListed) {
  TempDir dir;
  fs::path path = dir.path() / "vigil.db";
  std::unique_ptr<Store> store = OpenOrDie(path);
  SourceState a;
  a.source_id = "b-feed";
  a.url = "https://b.example/feed";
  a.polls_total = 12;
  a.failures_total = 5;
  a.last_error_kind = PollFailure::kHttp;
  a.last_error = "GET https://b.example/feed: HTTP 503";
  a.last_failure_unix_ms = 1'700'000'000'123;
  a.failures_by_kind = {{PollFailure::kHttp, 3}, {PollFailure::kTimeout, 2}};
  ASSERT_TRUE(store->PutSourceState(a).ok());
  SourceState b;
  b.source_id = "a-feed";
  b.polls_total = 1;
  ASSERT_TRUE(store->PutSourceState(b).ok());

  Result<std::optional<SourceState>> got = store->GetSourceState("b-feed");
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->polls_total, 12);
  EXPECT_EQ((*got)->failures_total, 5);
  EXPECT_EQ((*got)->last_error_kind, PollFailure::kHttp);
  EXPECT_EQ((*got)->last_failure_unix_ms, 1'700'000'000'123);
  EXPECT_EQ((*got)->failures_by_kind, a.failures_by_kind);
  EXPECT_EQ(QueryDirect(path, "SELECT failures_by_kind FROM source_state WHERE source_id = 'b-feed'"),
            "http=3,timeout=2");

  Result<std::vector<SourceState>> all = store->ListSourceStates();
  ASSERT_TRUE(all.ok()) << all.status().message();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].source_id, "a-feed");
  EXPECT_TRUE((*all)[0].failures_by_kind.empty());
  EXPECT_EQ((*all)[1].source_id, "b-feed");
}

TEST(StoreFaultsTest, VersionOneSourceStateGetsZeroCounters) {
  TempDir dir;
  fs::path path = dir.path() / "vigil.db";
  {
    std::vector<std::string_view> v1(SchemaMigrations().begin(), SchemaMigrations().begin() + 1);
    Result<std::unique_ptr<Store>> old = OpenWithMigrations(path, v1);
    ASSERT_TRUE(old.ok()) << old.status().message();
  }
  QueryDirect(path,
              "INSERT INTO source_state (source_id, url, etag, last_modified, next_poll_ms, "
              "error_count, last_error, last_success_ms) VALUES ('old', 'http://o/', '\"e\"', '', "
              "5, 2, 'HTTP 500', 7)");
  std::unique_ptr<Store> store = OpenOrDie(path);
  Result<std::optional<SourceState>> got = store->GetSourceState("old");
  ASSERT_TRUE(got.ok() && got->has_value()) << got.status().message();
  EXPECT_EQ((*got)->etag, "\"e\"");
  EXPECT_EQ((*got)->error_count, 2);
  EXPECT_EQ((*got)->polls_total, 0);
  EXPECT_EQ((*got)->failures_total, 0);
  EXPECT_FALSE((*got)->last_error_kind.has_value());
  EXPECT_TRUE((*got)->failures_by_kind.empty());
}

}  // namespace
}  // namespace vigil

namespace vigil {
namespace {

TEST(CheckDatabaseIntegrityTest, ReadOnlyCheckLeavesADamagedRollbackJournalFileUntouched) {
  // A database still in rollback-journal mode: Store::Open would switch it
  // to WAL (a header write); the start-up check must not write at all.
  TempDir dir;
  fs::path path = dir.path() / "vigil.db";
  int64_t page_size = FillAndClose(path);
  QueryDirect(path, "PRAGMA journal_mode = DELETE");
  int64_t pages = static_cast<int64_t>(fs::file_size(path)) / page_size;
  OverwritePages(path, page_size, pages / 2, 4);
  std::string damaged = ReadBytes(path);
  Status check = CheckDatabaseIntegrity(path);
  ASSERT_FALSE(check.ok());
  EXPECT_EQ(ClassifyStorageError(check), StorageFault::kCorrupt) << check.message();
  EXPECT_NE(check.message().find(path.string()), std::string::npos) << check.message();
  EXPECT_EQ(ReadBytes(path), damaged);
}

TEST(CheckDatabaseIntegrityTest, HealthyAndMissingDatabasesPass) {
  TempDir dir;
  fs::path path = dir.path() / "vigil.db";
  EXPECT_TRUE(CheckDatabaseIntegrity(path).ok());
  EXPECT_FALSE(fs::exists(path));
  FillAndClose(path);
  Status check = CheckDatabaseIntegrity(path);
  EXPECT_TRUE(check.ok()) << check.message();
}

TEST(CheckDatabaseIntegrityTest, FileThatIsNotADatabaseIsCorrupt) {
  TempDir dir;
  fs::path path = dir.path() / "notes.txt";
  std::ofstream(path) << std::string(8192, 'x');
  Status check = CheckDatabaseIntegrity(path);
  ASSERT_FALSE(check.ok());
  EXPECT_EQ(ClassifyStorageError(check), StorageFault::kCorrupt) << check.message();
}

}  // namespace
}  // namespace vigil
