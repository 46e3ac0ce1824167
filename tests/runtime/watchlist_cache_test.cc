#include "src/runtime/watchlist_cache.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/support/temp_dir.h"

namespace vigil {
namespace {

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

class WatchlistCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    list_.id = "sdn";
    list_.format = ListFormat::kVigilYaml;
    list_.url = "http://127.0.0.1:1/sdn.yaml";
  }

  // Commits `body` as the copy of list_ with the given validators.
  void Store(const WatchlistCache& cache, const std::string& body, const std::string& etag) {
    Result<std::filesystem::path> temp = cache.WriteTemp(list_, body);
    ASSERT_TRUE(temp.ok()) << temp.status().message();
    CachedListMeta meta;
    meta.url = list_.url;
    meta.etag = etag;
    meta.last_modified = "Sat, 28 Nov 2026 08:00:00 GMT";
    meta.fetched_at_ms = 1000;
    meta.checked_at_ms = 2000;
    Status committed = cache.Commit(list_, *temp, meta);
    ASSERT_TRUE(committed.ok()) << committed.message();
  }

  std::vector<std::string> Files() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir_ / "lists")) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

  TempDir dir_{"cache-test"};
  WatchlistConfig list_;
};

TEST_F(WatchlistCacheTest, CommittedCopyReadsBackWithItsValidators) {
  WatchlistCache cache(dir_ / "lists");
  Store(cache, "entities: []\n", "\"v1\"");
  Result<CachedList> read = cache.Read(list_);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->path, dir_ / "lists" / "sdn.yaml");
  EXPECT_EQ(ReadAll(read->path), "entities: []\n");
  EXPECT_EQ(read->meta.url, list_.url);
  EXPECT_EQ(read->meta.etag, "\"v1\"");
  EXPECT_EQ(read->meta.last_modified, "Sat, 28 Nov 2026 08:00:00 GMT");
  EXPECT_EQ(read->meta.fetched_at_ms, 1000);
  EXPECT_EQ(read->meta.checked_at_ms, 2000);
  EXPECT_EQ(read->meta.size, 13u);
  EXPECT_EQ(read->meta.sha256, Sha256Hex("entities: []\n"));
  // Written through temp files renamed into place: none left behind.
  EXPECT_EQ(Files(), (std::vector<std::string>{"sdn.meta.json", "sdn.yaml"}));
}

TEST_F(WatchlistCacheTest, NewCopyReplacesTheOldOneWhole) {
  WatchlistCache cache(dir_ / "lists");
  Store(cache, "old copy", "\"v1\"");
  std::filesystem::path old_path = cache.DataPath(list_);
  // A reader that opened the old copy keeps reading the old bytes: the new
  // copy is a new file renamed over it, not a rewrite in place.
  std::ifstream reader(old_path, std::ios::binary);
  Store(cache, "the new, longer copy", "\"v2\"");
  std::ostringstream seen;
  seen << reader.rdbuf();
  EXPECT_EQ(seen.str(), "old copy");
  Result<CachedList> read = cache.Read(list_);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(ReadAll(read->path), "the new, longer copy");
  EXPECT_EQ(read->meta.etag, "\"v2\"");
  EXPECT_EQ(Files(), (std::vector<std::string>{"sdn.meta.json", "sdn.yaml"}));
}

TEST_F(WatchlistCacheTest, NoCopyIsAnError) {
  WatchlistCache cache(dir_ / "lists");
  Result<CachedList> read = cache.Read(list_);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.status().message().find("no cached copy"), std::string::npos);
}

TEST_F(WatchlistCacheTest, TruncatedCopyIsRejectedNamingTheFile) {
  WatchlistCache cache(dir_ / "lists");
  Store(cache, "entities:\n  - id: a\n    name: Alpha\n", "\"v1\"");
  std::filesystem::resize_file(cache.DataPath(list_), 10);
  Result<CachedList> read = cache.Read(list_);
  ASSERT_FALSE(read.ok());
  std::string message = read.status().message();
  EXPECT_NE(message.find(cache.DataPath(list_).string()), std::string::npos) << message;
  EXPECT_NE(message.find("has 10 bytes"), std::string::npos) << message;
  EXPECT_NE(message.find("partial"), std::string::npos) << message;
}

TEST_F(WatchlistCacheTest, CorruptedCopyOfTheSameSizeIsRejected) {
  WatchlistCache cache(dir_ / "lists");
  Store(cache, "entities: []\n", "\"v1\"");
  std::ofstream(cache.DataPath(list_), std::ios::binary) << "entities: {}\n";
  Result<CachedList> read = cache.Read(list_);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.status().message().find("does not match the SHA-256"), std::string::npos)
      << read.status().message();
}

TEST_F(WatchlistCacheTest, HalfWrittenMetadataIsRejected) {
  WatchlistCache cache(dir_ / "lists");
  Store(cache, "entities: []\n", "\"v1\"");
  std::ofstream(cache.MetaPath(list_), std::ios::binary) << "{\"url\": \"http://127.0.0.1:1/";
  Result<CachedList> read = cache.Read(list_);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.status().message().find("not valid JSON"), std::string::npos)
      << read.status().message();
}

TEST_F(WatchlistCacheTest, CopyWithoutMetadataIsRejected) {
  WatchlistCache cache(dir_ / "lists");
  Store(cache, "entities: []\n", "\"v1\"");
  std::filesystem::remove(cache.MetaPath(list_));
  Result<CachedList> read = cache.Read(list_);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.status().message().find("unusable"), std::string::npos)
      << read.status().message();
}

TEST_F(WatchlistCacheTest, DiscardRemovesTheTempFile) {
  WatchlistCache cache(dir_ / "lists");
  Result<std::filesystem::path> temp = cache.WriteTemp(list_, "garbage");
  ASSERT_TRUE(temp.ok()) << temp.status().message();
  EXPECT_EQ(ReadAll(*temp), "garbage");
  cache.Discard(*temp);
  EXPECT_TRUE(Files().empty());
  EXPECT_FALSE(cache.Read(list_).ok());
}

TEST_F(WatchlistCacheTest, IdsThatAreNotFileNamesStayInsideTheFolder) {
  WatchlistCache cache(dir_ / "lists");
  list_.id = "../escape";
  list_.format = ListFormat::kOfacSdnCsv;
  Store(cache, "x", "");
  EXPECT_EQ(cache.DataPath(list_).parent_path(), dir_ / "lists");
  EXPECT_EQ(cache.DataPath(list_).extension(), ".csv");
  WatchlistConfig other = list_;
  other.id = "___escape";  // same characters after replacement: must not collide
  EXPECT_NE(cache.DataPath(other), cache.DataPath(list_));
  EXPECT_TRUE(cache.Read(list_).ok());
}

TEST(WatchlistCacheDirTest, IsListsNextToTheDatabase) {
  Config config;
  config.storage.path = "/var/lib/vigil/vigil.db";
  EXPECT_EQ(WatchlistCacheDir(config), std::filesystem::path("/var/lib/vigil/lists"));
}

}  // namespace
}  // namespace vigil
