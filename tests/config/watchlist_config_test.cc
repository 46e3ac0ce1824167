// The watchlists: keys for real sanctions lists: formats, alt_path/add_path,
// url/refresh, min_score and exclude.
#include "vigil/config/config.h"

#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"

namespace vigil {
namespace {

using std::chrono_literals::operator""h;
using std::chrono_literals::operator""min;

class WatchlistConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_.Write("lists/sdn.csv", "35096,\"PUTIN, Vladimir Vladimirovich\",\"individual\","
                                "\"RUSSIA-EO14024\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\x1A");
    dir_.Write("lists/alt.csv", "35096,55207,\"aka\",\"PUTIN, Vladimir\",-0- \r\n\x1A");
    dir_.Write("lists/add.csv", "35096,1,-0- ,\"Moscow\",\"Russia\",-0- \r\n\x1A");
    dir_.Write("people.yaml", "entities:\n  - id: p\n    name: Some One\n");
  }
  Result<Config> Load(std::string_view yaml) { return LoadConfig(dir_.Write("vigil.yaml", yaml)); }
  // The error lines without the file prefix.
  std::vector<std::string> Errors(std::string_view yaml) {
    Result<Config> config = Load(yaml);
    std::vector<std::string> lines;
    if (config.ok()) return lines;
    std::string prefix = (dir_.path() / "vigil.yaml").string() + ":";
    std::string message = config.status().message();
    size_t start = 0;
    while (start <= message.size()) {
      size_t end = message.find('\n', start);
      std::string line = message.substr(start, end - start);
      if (line.rfind(prefix, 0) == 0) line = line.substr(prefix.size());
      lines.push_back(line);
      if (end == std::string::npos) break;
      start = end + 1;
    }
    return lines;
  }
  TempDir dir_;
};

TEST_F(WatchlistConfigTest, ReadsOfacListWithAllKeys) {
  Result<Config> config = Load(R"(watchlists:
  - id: ofac
    format: ofac-sdn-csv
    path: lists/sdn.csv
    alt_path: lists/alt.csv
    add_path: lists/add.csv
    min_score: 0.85
    exclude: ["35096", 123]   # a bare number is an id too
)");
  ASSERT_TRUE(config.ok()) << config.status().message();
  ASSERT_EQ(config->watchlists.size(), 1u);
  const WatchlistConfig& list = config->watchlists[0];
  EXPECT_EQ(list.format, ListFormat::kOfacSdnCsv);
  EXPECT_EQ(list.path, dir_.path() / "lists/sdn.csv");
  EXPECT_EQ(list.alt_path, dir_.path() / "lists/alt.csv");
  EXPECT_EQ(list.add_path, dir_.path() / "lists/add.csv");
  EXPECT_DOUBLE_EQ(list.min_score, 0.85);
  EXPECT_EQ(list.exclude, (std::vector<std::string>{"35096", "123"}));
  EXPECT_TRUE(list.url.empty());

  Result<std::vector<Watchlist>> lists = LoadWatchlists(*config);
  ASSERT_TRUE(lists.ok()) << lists.status().message();
  const Watchlist& loaded = (*lists)[0];
  EXPECT_EQ(loaded.id, "ofac");
  EXPECT_DOUBLE_EQ(loaded.min_score, 0.85);
  EXPECT_EQ(loaded.exclude, (std::vector<std::string>{"35096", "123"}));
  ASSERT_EQ(loaded.entities.size(), 1u);
  EXPECT_EQ(loaded.entities[0].name, "PUTIN, Vladimir Vladimirovich");
  EXPECT_EQ(loaded.entities[0].aliases, std::vector<std::string>{"PUTIN, Vladimir"});
}

TEST_F(WatchlistConfigTest, DefaultsForNewKeys) {
  Result<Config> config = Load(R"(watchlists:
  - id: people
    path: people.yaml
)");
  ASSERT_TRUE(config.ok()) << config.status().message();
  const WatchlistConfig& list = config->watchlists[0];
  EXPECT_EQ(list.format, ListFormat::kVigilYaml);
  EXPECT_DOUBLE_EQ(list.min_score, 0.9);
  EXPECT_TRUE(list.exclude.empty());
  EXPECT_EQ(list.refresh, 24h);
  EXPECT_TRUE(list.alt_path.empty());
}

TEST_F(WatchlistConfigTest, VigilYamlListCarriesMinScoreAndExclude) {
  Result<Config> config = Load(R"(watchlists:
  - id: people
    path: people.yaml
    min_score: 1
    exclude: [p]
)");
  ASSERT_TRUE(config.ok()) << config.status().message();
  Result<Watchlist> list = LoadWatchlist(config->watchlists[0]);
  ASSERT_TRUE(list.ok()) << list.status().message();
  EXPECT_DOUBLE_EQ(list->min_score, 1.0);
  EXPECT_EQ(list->exclude, std::vector<std::string>{"p"});
}

TEST_F(WatchlistConfigTest, UrlListNeedsNoPath) {
  Result<Config> config = Load(R"(watchlists:
  - id: un
    format: un-xml
    url: https://scsanctions.un.org/resources/xml/en/consolidated.xml
    refresh: 6h
)");
  ASSERT_TRUE(config.ok()) << config.status().message();
  const WatchlistConfig& list = config->watchlists[0];
  EXPECT_EQ(list.url, "https://scsanctions.un.org/resources/xml/en/consolidated.xml");
  EXPECT_TRUE(list.path.empty());
  EXPECT_EQ(list.refresh, 6h);
  // Until the download has put a copy in `path`, there is nothing to load.
  Result<Watchlist> loaded = LoadWatchlist(list);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().message(),
            "watchlist 'un' has no file to read (its url has not been downloaded yet)");
}

TEST_F(WatchlistConfigTest, AcceptsEveryFormat) {
  for (const char* format : {"vigil-yaml", "ofac-sdn-csv", "un-xml", "opensanctions-ftm",
                             "opensanctions-csv", "uk-csv", "eu-csv"}) {
    Result<Config> config = Load(std::string("watchlists:\n  - id: w\n    format: ") + format +
                                 "\n    path: people.yaml\n");
    ASSERT_TRUE(config.ok()) << format << ": " << config.status().message();
    EXPECT_EQ(ListFormatName(config->watchlists[0].format), format);
  }
}

TEST_F(WatchlistConfigTest, MinimumRefreshIsOneMinute) {
  Result<Config> config = Load(R"(watchlists:
  - id: un
    format: un-xml
    url: https://example.com/un.xml
    refresh: 1m
)");
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->watchlists[0].refresh, 1min);
}

TEST_F(WatchlistConfigTest, ReportsBadValuesWithPositions) {
  std::vector<std::string> errors = Errors(R"(watchlists:
  - id: a
    format: ofac-sdn-csv
    path: lists/sdn.csv
    alt_path: lists/missing-alt.csv
    min_score: 1.5
    exclude: "35096"
  - id: b
    format: un-xml
    url: ftp://example.com/list.xml
    path: lists/sdn.csv
    refresh: 30s
  - id: c
    format: uk-csv
    path: lists/sdn.csv
    add_path: lists/add.csv
    refresh: 1h
    min_score: high
    exclude: ["has space"]
)");
  std::string dir = dir_.path().string();
  EXPECT_EQ(errors, (std::vector<std::string>{
                        "5:15: watchlist file not found: " + dir + "/lists/missing-alt.csv",
                        "6:16: watchlists[0].min_score must be between 0 and 1, not 1.5",
                        "7:14: watchlists[0].exclude must be a list of entity ids",
                        "10:10: watchlists[1].url must be an http:// or https:// URL with a host "
                        "and no spaces",
                        "11:5: watchlists[1] has both url and path; give one (a downloaded list "
                        "is cached by Vigil itself)",
                        "12:14: watchlists[1].refresh must be at least 1m, not '30s'",
                        "16:5: watchlists[2].add_path applies only to format ofac-sdn-csv, not "
                        "uk-csv",
                        "17:5: watchlists[2].refresh applies only to lists with a url",
                        "18:16: watchlists[2].min_score must be a number, not 'high'",
                        "19:15: watchlists[2].exclude[0] 'has space' must not contain spaces or control "
                        "characters",
                    }));
}

TEST_F(WatchlistConfigTest, LoadsEveryListFormatThroughTheConfig) {
  const std::filesystem::path data = std::filesystem::path(VIGIL_TESTDATA) / "lists";
  std::string yaml = "watchlists:\n";
  const std::pair<const char*, const char*> lists[] = {
      {"un-xml", "un_small.xml"},           {"opensanctions-ftm", "ftm_small.ftm.json"},
      {"opensanctions-csv", "os_targets_small.csv"}, {"uk-csv", "uk_small.csv"},
      {"eu-csv", "eu_small.csv"},
  };
  for (const auto& [format, file] : lists) {
    yaml += std::string("  - id: ") + format + "\n    format: " + format + "\n    path: " +
            (data / file).string() + "\n";
  }
  Result<Config> config = Load(yaml);
  ASSERT_TRUE(config.ok()) << config.status().message();
  Result<std::vector<Watchlist>> loaded = LoadWatchlists(*config);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  ASSERT_EQ(loaded->size(), 5u);
  for (size_t i = 0; i < loaded->size(); ++i) {
    EXPECT_EQ((*loaded)[i].id, lists[i].first);
    EXPECT_GE((*loaded)[i].entities.size(), 2u) << lists[i].first;
  }
  EXPECT_EQ((*loaded)[3].entities[0].name, "PUTIN, Vladimir Vladimirovich");  // uk-csv
}

TEST_F(WatchlistConfigTest, ListErrorsNameTheListFile) {
  dir_.Write("lists/bad.xml", "<CONSOLIDATED_LIST><INDIVIDUALS></CONSOLIDATED_LIST>");
  Result<Config> config = Load(R"(watchlists:
  - id: un
    format: un-xml
    path: lists/bad.xml
)");
  ASSERT_TRUE(config.ok()) << config.status().message();
  Result<std::vector<Watchlist>> loaded = LoadWatchlists(*config);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().message().rfind((dir_.path() / "lists/bad.xml").string() + ":", 0), 0u)
      << loaded.status().message();
}

}  // namespace
}  // namespace vigil
