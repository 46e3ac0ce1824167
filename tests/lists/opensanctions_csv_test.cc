#include <gtest/gtest.h>

#include "test_files.h"
#include "vigil/lists/list_formats.h"

namespace vigil {
namespace {

Result<ListReport> ParseFixture() {
  static const std::string bytes = ReadBytes(kListTestdata / "os_targets_small.csv");
  return ParseOpenSanctionsCsv({"targets.csv", bytes});
}

TEST(OpenSanctionsCsvTest, ReadsTargetsWithAliasesAndPrograms) {
  Result<ListReport> report = ParseFixture();
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Entity* putin = FindEntity(report->list, "Q7747");  // header after a BOM
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->type, EntityType::kPerson);
  EXPECT_EQ(putin->name, "PUTIN vladimir vladimirovich");
  EXPECT_EQ(putin->aliases, (std::vector<std::string>{"ПУТІН володимир володимирович",
                                                      "ПУТИН владимир владимирович"}));
  EXPECT_EQ(putin->programs, (std::vector<std::string>{"UA-WS-EXECUTIVES", "UA-WS-MARE"}));
  EXPECT_EQ(putin->birth_years, std::vector<int>{1952});  // birth_date 1952-10-07
  const Entity* ship = FindEntity(report->list, "NK-ship");
  ASSERT_NE(ship, nullptr);
  EXPECT_EQ(ship->type, EntityType::kVessel);
  EXPECT_EQ(ship->aliases, (std::vector<std::string>{"Ceram Sea", "Gold Sun", "Nurkez"}));
}

TEST(OpenSanctionsCsvTest, SkipsOtherSchemataAndShortRows) {
  Result<ListReport> report = ParseFixture();
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->list.entities.size(), 2u);
  EXPECT_EQ(report->ignored, 1u);
  // The Putin row spans lines 2-3 (a newline inside the quoted sanctions text).
  EXPECT_EQ(report->warnings,
            std::vector<std::string>{"targets.csv:6: expected 16 fields, found 3; record skipped"});
}

// The real targets.simple.csv has five companies named just "Company": they
// name no one, and alerted on every sentence that starts with the word.
TEST(OpenSanctionsCsvTest, SkipsPlaceholderNames) {
  Result<ListReport> report = ParseOpenSanctionsCsv(
      {"t.csv", "id,schema,name,aliases\n"
                "a,Company,Company,\n"
                "b,Company,LLC.,\n"
                "c,Company,Gazprom Company,\n"
                "d,Person,Igor Sechin,\n"
                "e,Company,Rosneft,\n"});
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_EQ(report->list.entities.size(), 3u);
  EXPECT_EQ(report->list.entities[0].name, "Gazprom Company");
  EXPECT_EQ(report->skipped, 2u);
  EXPECT_EQ(report->warnings.front(),
            "t.csv:2: record 'a' has the placeholder name 'Company'; record skipped");
}

TEST(OpenSanctionsCsvTest, MissingColumnsIsAnError) {
  Result<ListReport> report = ParseOpenSanctionsCsv({"x.csv", "id,caption\n1,a\n"});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().message(),
            "x.csv:1: header lacks column(s) 'schema', 'name' (wrong format?)");
}

// One stray quote (line 5) must cost one row, not every row up to the next
// quote in the file (line 391).
TEST(OpenSanctionsCsvTest, StrayQuoteLosesOnlyItsOwnRow) {
  const std::string bytes = ReadBytes(kListTestdata / "os_targets_stray_quote.csv");
  Result<ListReport> report = ParseOpenSanctionsCsv({"targets.csv", bytes});
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->records, 398u);
  EXPECT_EQ(report->skipped, 1u);
  EXPECT_EQ(report->list.entities.size(), 397u);
  EXPECT_EQ(report->warnings, std::vector<std::string>{
                                  "targets.csv:5:12: unterminated quoted field (the next quote, on "
                                  "line 391, is followed by text); record skipped"});
  ASSERT_NE(FindEntity(report->list, "NK-6"), nullptr);
  const Entity* quoted = FindEntity(report->list, "NK-391");
  ASSERT_NE(quoted, nullptr);
  EXPECT_EQ(quoted->aliases, (std::vector<std::string>{"Alias 391, Junior", "Other 391"}));
  ASSERT_NE(FindEntity(report->list, "NK-399"), nullptr);
}

}  // namespace
}  // namespace vigil
