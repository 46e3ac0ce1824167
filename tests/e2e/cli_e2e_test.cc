// End-to-end tests of the vigil command line (check-config, scan, help).
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "e2e_fixture.h"

namespace vigil::testing {
namespace {

TEST_F(E2eTest, CheckConfigAcceptsGoodConfig) {
  WriteConfig(SourceYaml("news", "http://127.0.0.1:1/feed.xml"), "");
  CommandResult result = RunVigil({"check-config", "--config", config().string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("1 sources"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("4 entities"), std::string::npos) << result.out;
}

TEST_F(E2eTest, CheckConfigReportsFileLineColumn) {
  WriteConfig(SourceYaml("news", "http://127.0.0.1:1/feed.xml", "10 minutes"), "");
  CommandResult result = RunVigil({"check-config", "--config", config().string()});
  EXPECT_EQ(result.exit_code, 78);
  // The interval is on line 14 of the generated config (see WriteConfig).
  std::regex located(config().string() + ":[0-9]+:[0-9]+: .*interval");
  EXPECT_TRUE(std::regex_search(result.err, located)) << result.err;
  EXPECT_TRUE(result.out.empty());
}

// A real list with a broken row still loads (the rest of the list is worth
// having), but check-config names the row; a downloaded list that has no
// cached copy yet is named too.
TEST_F(E2eTest, CheckConfigWarnsAboutSkippedRowsAndMissingDownloads) {
  std::filesystem::path list = std::filesystem::path(VIGIL_TESTDATA) / "lists/os_targets_stray_quote.csv";
  std::ofstream(config()) << "storage:\n  path: vigil.db\n"
                          << "watchlists:\n"
                          << "  - id: targets\n    format: opensanctions-csv\n    path: " << list.string()
                          << "\n  - id: remote\n    format: vigil-yaml\n"
                          << "    url: http://127.0.0.1:1/list.yaml\n";
  CommandResult result = RunVigil({"check-config", "--config", config().string()});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("warning: " + list.string() + ":5:"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("warning: watchlist 'remote' has not been downloaded yet"),
            std::string::npos)
      << result.err;
}

TEST_F(E2eTest, CheckConfigReportsBadWatchlistEntry) {
  WriteConfig("", "");
  std::ofstream(dir_ / "watchlist.yaml") << "entities:\n  - id: a\n    name: A\n  - id: a\n"
                                            "    name: B\n";
  CommandResult result = RunVigil({"check-config", "--config", config().string()});
  EXPECT_EQ(result.exit_code, 78);
  EXPECT_NE(result.err.find((dir_ / "watchlist.yaml").string() + ":4:"), std::string::npos)
      << result.err;
}

TEST_F(E2eTest, RunRefusesBadConfigWithExConfig) {
  std::ofstream(config()) << "sources: {oops\n";
  CommandResult result = RunVigil({"run", "--config", config().string()});
  EXPECT_EQ(result.exit_code, 78);
  EXPECT_NE(result.err.find(config().string() + ":"), std::string::npos) << result.err;
}

TEST_F(E2eTest, ScanPrintsOneJsonLinePerMatch) {
  WriteConfig("", "");
  std::string article_path = std::string(VIGIL_TESTDATA) + "/seed-article.txt";
  CommandResult result = RunVigil({"scan", "--config", config().string(), article_path});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::vector<nlohmann::json> lines = JsonLines(result.out);
  ASSERT_FALSE(lines.empty());
  std::string article = SeedArticle();
  std::set<std::string> entities, keywords;
  for (const nlohmann::json& line : lines) {
    ASSERT_FALSE(line.is_discarded()) << result.out;
    EXPECT_EQ(line["input"], article_path);
    // Offsets are byte offsets into the file itself.
    size_t start = line["start"], end = line["end"];
    EXPECT_EQ(article.substr(start, end - start), line["matched"].get<std::string>());
    if (line["kind"] == "entity") entities.insert(line["entity_id"].get<std::string>());
    else keywords.insert(line["keyword_id"].get<std::string>());
  }
  EXPECT_EQ(entities, (std::set<std::string>{"putin", "kim-jong-un", "lavrov", "peskov"}));
  EXPECT_EQ(keywords, std::set<std::string>{"arms"});
}

TEST_F(E2eTest, ScanReadsStdinAndExplains) {
  WriteConfig("", "");
  CommandResult result = RunVigil({"scan", "--explain", "--config", config().string(), "-"},
                                  "Talks with Владимир Путин and Kim Jong-un; not Kim Jong Il.");
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::vector<nlohmann::json> lines = JsonLines(result.out);
  ASSERT_EQ(lines.size(), 2u) << result.out;
  EXPECT_EQ(lines[0]["input"], "-");
  EXPECT_EQ(lines[0]["entity_id"], "putin");
  EXPECT_EQ(lines[0]["matched"], "Владимир Путин");
  EXPECT_EQ(lines[1]["entity_id"], "kim-jong-un");
  EXPECT_EQ(lines[1]["matched"], "Kim Jong-un");
  EXPECT_TRUE(lines[1].contains("rule"));
  EXPECT_TRUE(lines[1].contains("matched_name"));
}

TEST_F(E2eTest, ScanOfFeedReportsEachItem) {
  WriteConfig("", "");
  std::ofstream(dir_ / "feed.xml")
      << Rss({{"1", "Weather", "Sunny.", "http://x/1"},
              {"2", "Diplomacy", "Sergei Lavrov spoke.", "http://x/2"}});
  CommandResult result =
      RunVigil({"scan", "--config", config().string(), (dir_ / "feed.xml").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::vector<nlohmann::json> lines = JsonLines(result.out);
  ASSERT_EQ(lines.size(), 1u) << result.out;
  EXPECT_EQ(lines[0]["entity_id"], "lavrov");
  EXPECT_EQ(lines[0]["item"], 1);
  EXPECT_EQ(lines[0]["link"], "http://x/2");
}

TEST_F(E2eTest, VersionAndHelp) {
  CommandResult version = RunVigil({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find(std::string("vigil ") + VIGIL_VERSION), std::string::npos);
  for (const char* command : {"run", "check-config", "scan"}) {
    CommandResult help = RunVigil({command, "--help"});
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("--config"), std::string::npos) << command << help.out;
  }
  CommandResult help = RunVigil({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("check-config"), std::string::npos);
}

}  // namespace
}  // namespace vigil::testing
