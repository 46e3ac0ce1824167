#include "vigil/store/store.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "store_migrations.h"
#include "store_test_util.h"

namespace vigil {
namespace {

namespace fs = std::filesystem;

int FileMode(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return -1;
  return static_cast<int>(info.st_mode & 0777);
}

void WriteFile(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

TEST(StoreOpenTest, CreatesCurrentSchemaVersionInWalMode) {
  TempDir dir;
  fs::path path = dir.path() / "new" / "nested" / "vigil.db";
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  const int current = static_cast<int>(SchemaMigrations().size());
  EXPECT_GE(current, 3);  // v2 webhook_state, v3 source counters
  EXPECT_EQ((*store)->SchemaVersion(), current);
  EXPECT_TRUE(fs::exists(path));
  EXPECT_EQ(QueryDirect(path, "PRAGMA user_version"), std::to_string(current));
  EXPECT_EQ(QueryDirect(path, "PRAGMA journal_mode"), "wal");
  for (const char* table : {"source_state", "documents", "hits", "outbox"}) {
    EXPECT_EQ(QueryDirect(path, std::string("SELECT COUNT(*) FROM sqlite_schema WHERE "
                                            "type = 'table' AND name = '") +
                                    table + "'"),
              "1")
        << table;
  }
  EXPECT_EQ(QueryDirect(path, "SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND "
                              "name = 'outbox_state_next_attempt'"),
            "1");
}

TEST(StoreOpenTest, NewFilesAreOwnerOnly) {
  TempDir dir;
  fs::path path = dir.path() / "vigil.db";
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  ASSERT_TRUE((*store)->InsertDocument(SampleDocument("feed-a", "guid:1"), {}, {}).ok());
  EXPECT_EQ(FileMode(path), 0600);
  EXPECT_EQ(FileMode(path.string() + "-wal"), 0600);
  EXPECT_EQ(FileMode(path.string() + "-shm"), 0600);
}

TEST(StoreOpenTest, RejectsFileThatIsNotADatabase) {
  TempDir dir;
  fs::path path = dir.path() / "notes.txt";
  WriteFile(path, std::string(4096, 'x') + "this is not a database\n");
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find(path.string()), std::string::npos)
      << store.status().message();
  EXPECT_NE(store.status().message().find("not a database"), std::string::npos)
      << store.status().message();
}

TEST(StoreOpenTest, RejectsNewerSchemaVersion) {
  TempDir dir;
  fs::path path = dir.path() / "vigil.db";
  {
    Result<std::unique_ptr<Store>> store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().message();
  }
  QueryDirect(path, "PRAGMA user_version = 999");
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("newer than this Vigil"), std::string::npos)
      << store.status().message();
  EXPECT_NE(store.status().message().find(path.string()), std::string::npos);
  EXPECT_NE(store.status().message().find("999"), std::string::npos);
  EXPECT_EQ(QueryDirect(path, "PRAGMA user_version"), "999");
}

TEST(StoreOpenTest, RejectsUnopenablePath) {
  TempDir dir;
  // The path is a folder: no database can be created there.
  fs::path path = dir.path() / "folder.db";
  fs::create_directories(path);
  Result<std::unique_ptr<Store>> store = Store::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find(path.string()), std::string::npos)
      << store.status().message();
}

TEST(StoreOpenTest, MigratesCurrentDatabaseToTheNextVersion) {
  TempDir dir;
  fs::path path = dir.path() / "vigil.db";
  {
    Result<std::unique_ptr<Store>> store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().message();
    ASSERT_TRUE((*store)->InsertDocument(SampleDocument("feed-a", "guid:1"),
                                         {SampleEntityHit()}, {SampleAlert("m1")})
                    .ok());
  }
  std::vector<std::string_view> migrations = SchemaMigrations();
  const int next = static_cast<int>(migrations.size()) + 1;
  migrations.push_back(
      "ALTER TABLE documents ADD COLUMN language TEXT;"
      "UPDATE documents SET language = 'en';"
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);");
  {
    Result<std::unique_ptr<Store>> store = OpenWithMigrations(path, migrations);
    ASSERT_TRUE(store.ok()) << store.status().message();
    EXPECT_EQ((*store)->SchemaVersion(), next);
    EXPECT_EQ(QueryDirect(path, "PRAGMA user_version"), std::to_string(next));
    EXPECT_EQ(QueryDirect(path, "SELECT language FROM documents"), "en");
    Result<int64_t> hits = (*store)->CountHits();
    ASSERT_TRUE(hits.ok());
    EXPECT_EQ(*hits, 1);
    // The migrated store keeps working.
    EXPECT_TRUE((*store)->InsertDocument(SampleDocument("feed-a", "guid:2"), {}, {}).ok());
  }
  // Opening again with the same list applies nothing.
  {
    Result<std::unique_ptr<Store>> store = OpenWithMigrations(path, migrations);
    ASSERT_TRUE(store.ok()) << store.status().message();
    EXPECT_EQ((*store)->SchemaVersion(), next);
  }

  // Today's binary refuses the database one version ahead of it.
  Result<std::unique_ptr<Store>> old = Store::Open(path);
  ASSERT_FALSE(old.ok());
  EXPECT_NE(old.status().message().find("newer than this Vigil"), std::string::npos);
}

TEST(StoreOpenTest, FailedMigrationLeavesPreviousVersion) {
  TempDir dir;
  fs::path path = dir.path() / "vigil.db";
  {
    Result<std::unique_ptr<Store>> store = Store::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().message();
  }
  std::vector<std::string_view> migrations = SchemaMigrations();
  const int current = static_cast<int>(migrations.size());
  migrations.push_back(
      "CREATE TABLE half_done (id INTEGER);"
      "INSERT INTO no_such_table VALUES (1);");
  Result<std::unique_ptr<Store>> store = OpenWithMigrations(path, migrations);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("migration to version " +
                                          std::to_string(current + 1)),
            std::string::npos)
      << store.status().message();
  EXPECT_EQ(QueryDirect(path, "PRAGMA user_version"), std::to_string(current));
  EXPECT_EQ(QueryDirect(path, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'half_done'"),
            "0");
}

}  // namespace
}  // namespace vigil
