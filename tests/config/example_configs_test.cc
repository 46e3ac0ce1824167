// The configs shipped in config/ must load: this keeps the documentation
// and the bundled demo honest.
#include "vigil/config/config.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "src/config/file_url.h"

namespace vigil {
namespace {

const std::filesystem::path kProjectDir =
    (std::filesystem::path(VIGIL_TESTDATA) / "../..").lexically_normal();

TEST(ExampleConfigTest, VigilExampleLoads) {
  Result<Config> config = LoadConfig(kProjectDir / "config/vigil.example.yaml");
  ASSERT_TRUE(config.ok()) << config.status().message();
  // The example shows every section, so none may be left empty.
  EXPECT_FALSE(config->sources.empty());
  EXPECT_FALSE(config->watchlists.empty());
  EXPECT_FALSE(config->keywords.empty());
  EXPECT_FALSE(config->webhooks.empty());
  Result<std::vector<Watchlist>> lists = LoadWatchlists(*config);
  ASSERT_TRUE(lists.ok()) << lists.status().message();
  EXPECT_FALSE((*lists)[0].entities.empty());
}

TEST(ExampleConfigTest, WatchlistExampleLoads) {
  Result<Watchlist> list = LoadWatchlist(
      WatchlistConfig{{"example", ListFormat::kVigilYaml, kProjectDir / "config/watchlist.example.yaml"}});
  ASSERT_TRUE(list.ok()) << list.status().message();
  EXPECT_FALSE(list->entities.empty());
}

TEST(DemoConfigTest, LoadsOfflineWithLocalFeeds) {
  Result<Config> config = LoadConfig(kProjectDir / "config/demo/vigil.yaml");
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->storage.path, kProjectDir / "config/demo/vigil.db");
  EXPECT_EQ(config->log.level, "info");
  EXPECT_TRUE(config->webhooks.empty());
  ASSERT_GE(config->sources.size(), 2u);
  for (const SourceConfig& source : config->sources) {
    std::optional<std::filesystem::path> path = FileUrlToPath(source.url);
    ASSERT_TRUE(path.has_value()) << source.id << ": " << source.url;
    EXPECT_TRUE(std::filesystem::is_regular_file(*path)) << *path;
    EXPECT_EQ(path->parent_path(), kProjectDir / "config/demo/feeds");
    EXPECT_EQ(source.interval, std::chrono::seconds(30));
  }
  std::vector<std::string> keyword_ids;
  for (const KeywordList& list : config->keywords) keyword_ids.push_back(list.id);
  EXPECT_EQ(keyword_ids, (std::vector<std::string>{"arms", "sanctions"}));
  EXPECT_EQ(config->keywords[0].terms,
            (std::vector<std::string>{"arms deal", "munitions", "spy satellites"}));
  EXPECT_EQ(config->keywords[1].terms, (std::vector<std::string>{"sanctions"}));
}

TEST(DemoConfigTest, WatchlistNamesTheDemoEntities) {
  Result<Config> config = LoadConfig(kProjectDir / "config/demo/vigil.yaml");
  ASSERT_TRUE(config.ok()) << config.status().message();
  Result<std::vector<Watchlist>> lists = LoadWatchlists(*config);
  ASSERT_TRUE(lists.ok()) << lists.status().message();
  ASSERT_EQ(lists->size(), 1u);
  std::vector<std::string> ids;
  for (const Entity& entity : (*lists)[0].entities) ids.push_back(entity.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"putin", "kim-jong-un", "lavrov", "peskov"}));
  const Entity& putin = (*lists)[0].entities[0];
  EXPECT_EQ(putin.name, "Vladimir Putin");
  EXPECT_EQ(putin.aliases,
            (std::vector<std::string>{"PUTIN, Vladimir Vladimirovich", "Владимир Путин"}));
}

TEST(DemoConfigTest, FeedsMentionTheWatchedNames) {
  // The demo only demonstrates something if its feeds contain hits.
  std::string all_text;
  for (const auto& entry :
       std::filesystem::directory_iterator(kProjectDir / "config/demo/feeds")) {
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    all_text += text.str();
  }
  for (const char* needle : {"Vladimir Putin", "Kim Jong Un", "Sergei Lavrov", "Dmitry Peskov",
                             "arms deal", "sanctions"}) {
    EXPECT_NE(all_text.find(needle), std::string::npos) << needle;
  }
}

}  // namespace
}  // namespace vigil
