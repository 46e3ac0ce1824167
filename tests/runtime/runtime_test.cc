#include "vigil/runtime/runtime.h"

#include <gtest/gtest.h>

#include <fstream>

#include "src/runtime/watchlist_cache.h"
#include "tests/support/temp_dir.h"

namespace vigil {
namespace {

constexpr char kList[] = "entities:\n  - id: alpha\n    name: Alpha Trading Ltd\n";

// LoadRuntime over a config with a downloaded list: it reads the cached
// copy and never touches the network (the URL points at a closed port).
class LoadRuntimeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_ / "data");
    std::ofstream(dir_ / "config.yaml")
        << "storage:\n  path: data/vigil.db\n"
        << "watchlists:\n  - id: remote\n    format: vigil-yaml\n    url: " << kUrl
        << "\n    refresh: 1h\n";
    list_.id = "remote";
    list_.format = ListFormat::kVigilYaml;
    list_.url = kUrl;
  }

  void Cache(const std::string& body, const std::string& url) {
    WatchlistCache cache(dir_ / "data" / "lists");
    Result<std::filesystem::path> temp = cache.WriteTemp(list_, body);
    ASSERT_TRUE(temp.ok()) << temp.status().message();
    CachedListMeta meta;
    meta.url = url;
    meta.checked_at_ms = 12345;
    ASSERT_TRUE(cache.Commit(list_, *temp, meta).ok());
  }

  static constexpr char kUrl[] = "http://127.0.0.1:1/list.yaml";
  TempDir dir_{"runtime-test"};
  WatchlistConfig list_;
};

TEST_F(LoadRuntimeTest, WithoutACachedCopyTheListIsMissingNotAnError) {
  Result<Runtime> runtime = LoadRuntime(dir_ / "config.yaml");
  ASSERT_TRUE(runtime.ok()) << runtime.status().message();
  EXPECT_TRUE(runtime->watchlists.empty());
  EXPECT_EQ(runtime->missing_lists, std::vector<std::string>{"remote"});
  EXPECT_TRUE(runtime->warnings.empty());
  EXPECT_TRUE(runtime->downloaded_lists.empty());
}

TEST_F(LoadRuntimeTest, CachedCopyNextToTheDatabaseIsUsed) {
  Cache(kList, kUrl);
  Result<Runtime> runtime = LoadRuntime(dir_ / "config.yaml");
  ASSERT_TRUE(runtime.ok()) << runtime.status().message();
  ASSERT_EQ(runtime->watchlists.size(), 1u);
  EXPECT_EQ(runtime->watchlists[0].id, "remote");
  EXPECT_EQ(runtime->entity_count, 1u);
  EXPECT_TRUE(runtime->missing_lists.empty());
  EXPECT_EQ(runtime->downloaded_lists.at("remote"), 12345);
  EXPECT_EQ(runtime->matcher->Scan("Alpha Trading Ltd said").size(), 1u);
}

TEST_F(LoadRuntimeTest, CopyFromAnotherUrlIsUsedButDueAtOnce) {
  Cache(kList, "http://127.0.0.1:1/old-mirror.yaml");
  Result<Runtime> runtime = LoadRuntime(dir_ / "config.yaml");
  ASSERT_TRUE(runtime.ok()) << runtime.status().message();
  EXPECT_EQ(runtime->watchlists.size(), 1u);
  EXPECT_EQ(runtime->downloaded_lists.at("remote"), 0);
}

TEST_F(LoadRuntimeTest, CorruptedCopyIsIgnoredWithAWarning) {
  Cache(kList, kUrl);
  std::filesystem::resize_file(dir_ / "data" / "lists" / "remote.yaml", 12);
  Result<Runtime> runtime = LoadRuntime(dir_ / "config.yaml");
  ASSERT_TRUE(runtime.ok()) << runtime.status().message();
  EXPECT_TRUE(runtime->watchlists.empty());
  EXPECT_EQ(runtime->missing_lists, std::vector<std::string>{"remote"});
  ASSERT_EQ(runtime->warnings.size(), 1u);
  EXPECT_NE(runtime->warnings[0].find("watchlist 'remote'"), std::string::npos);
  EXPECT_NE(runtime->warnings[0].find("has 12 bytes"), std::string::npos) << runtime->warnings[0];
}

TEST_F(LoadRuntimeTest, IntactCopyThatNoLongerParsesIsIgnoredWithAWarning) {
  Cache("entities: 42\n", kUrl);  // e.g. cached under an earlier format:
  Result<Runtime> runtime = LoadRuntime(dir_ / "config.yaml");
  ASSERT_TRUE(runtime.ok()) << runtime.status().message();
  EXPECT_EQ(runtime->missing_lists, std::vector<std::string>{"remote"});
  ASSERT_EQ(runtime->warnings.size(), 1u);
  EXPECT_NE(runtime->warnings[0].find("ignoring the cached copy"), std::string::npos)
      << runtime->warnings[0];
}

}  // namespace
}  // namespace vigil
