#include <gtest/gtest.h>

#include "test_files.h"
#include "vigil/lists/list_formats.h"

namespace vigil {
namespace {

ListFileOptions Config(std::string format, const std::string& file) {
  ListFileOptions config;
  config.id = "list";
  config.format = *ParseListFormat(format);
  config.path = kListTestdata / file;
  return config;
}

TEST(LoadListFileTest, DispatchesOnFormatAndAppliesListSettings) {
  ListFileOptions config = Config("ofac-sdn-csv", "ofac_sdn_edge.csv");
  config.alt_path = kListTestdata / "ofac_alt_edge.csv";
  config.min_score = 0.75;
  config.exclude = {"306", "424242"};
  Result<ListReport> report = LoadListFileReport(config);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->list.id, "list");
  EXPECT_DOUBLE_EQ(report->list.min_score, 0.75);
  EXPECT_EQ(report->list.exclude, (std::vector<std::string>{"306", "424242"}));
  EXPECT_EQ(FindEntity(report->list, "35096")->aliases,
            std::vector<std::string>{"PUTIN, Vladimir"});
  // A mistyped exclude id is worth a warning.
  EXPECT_TRUE(Has(report->warnings,
                  config.path.string() + ": excluded id '424242' is not in the list"));
  EXPECT_FALSE(Has(report->warnings, config.path.string() + ": excluded id '306' is not in the list"));
}

TEST(LoadListFileTest, EveryFormatLoadsItsFixture) {
  const std::pair<const char*, const char*> cases[] = {
      {"ofac-sdn-csv", "ofac_sdn_edge.csv"},       {"un-xml", "un_small.xml"},
      {"opensanctions-ftm", "ftm_small.ftm.json"}, {"opensanctions-csv", "os_targets_small.csv"},
      {"uk-csv", "uk_small.csv"},                  {"eu-csv", "eu_small.csv"},
  };
  for (const auto& [format, file] : cases) {
    Result<Watchlist> list = LoadListFile(Config(format, file));
    ASSERT_TRUE(list.ok()) << format << ": " << list.status().message();
    EXPECT_GE(list->entities.size(), 2u) << format;
    EXPECT_EQ(list->id, "list");
  }
}

TEST(LoadListFileTest, WrongFormatForFileIsAnError) {
  Result<Watchlist> list = LoadListFile(Config("uk-csv", "eu_small.csv"));
  ASSERT_FALSE(list.ok());
  EXPECT_NE(list.status().message().find("eu_small.csv:1: header lacks column(s) 'Unique ID', 'Name', 'Type' (wrong format?)"),
            std::string::npos)
      << list.status().message();
}

TEST(LoadListFileTest, MissingFilesAreErrors) {
  ListFileOptions config = Config("ofac-sdn-csv", "missing.csv");
  Result<Watchlist> list = LoadListFile(config);
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.status().message(), config.path.string() + ": cannot open watchlist file");

  config = Config("ofac-sdn-csv", "ofac_sdn_edge.csv");
  config.alt_path = kListTestdata / "missing-alt.csv";
  list = LoadListFile(config);
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.status().message(), config.alt_path.string() + ": cannot open watchlist file");
}

TEST(LoadListFileTest, YamlFormatAndMissingPathAreErrors) {
  // vigil-yaml lists are the config module's to read.
  EXPECT_FALSE(LoadListFile(Config("vigil-yaml", "uk_small.csv")).ok());
  // A downloaded list before its first download has no path (the config
  // module says which url it waits for).
  ListFileOptions config;
  config.id = "un";
  config.format = ListFormat::kUnXml;
  Result<Watchlist> list = LoadListFile(config);
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.status().message(), "watchlist 'un' has no file to read (path not set)");
}

TEST(LoadListFileTest, StreamedFtmFileGivesTheSameListAsParsingItsBytes) {
  ListFileOptions config = Config("opensanctions-ftm", "ftm_small.ftm.json");
  Result<ListReport> streamed = LoadListFileReport(config);
  std::string bytes = ReadBytes(config.path);
  Result<ListReport> parsed = ParseOpenSanctionsFtm({config.path.string(), bytes});
  ASSERT_TRUE(streamed.ok()) << streamed.status().message();
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(streamed->warnings, parsed->warnings);
  EXPECT_EQ(streamed->records, parsed->records);
  ASSERT_EQ(streamed->list.entities.size(), parsed->list.entities.size());
  for (size_t i = 0; i < parsed->list.entities.size(); ++i) {
    const Entity& a = streamed->list.entities[i];
    const Entity& b = parsed->list.entities[i];
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.aliases, b.aliases);
    EXPECT_EQ(a.weak_aliases, b.weak_aliases);
  }
}

}  // namespace
}  // namespace vigil
