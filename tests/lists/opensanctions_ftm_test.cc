#include <gtest/gtest.h>

#include "test_files.h"
#include "vigil/lists/list_formats.h"

namespace vigil {
namespace {

Result<ListReport> ParseFixture() {
  static const std::string bytes = ReadBytes(kListTestdata / "ftm_small.ftm.json");
  return ParseOpenSanctionsFtm({"ftm.json", bytes});
}

TEST(OpenSanctionsFtmTest, NamesAliasesAndPreviousNamesAreMatchedWeakAliasesKeptApart) {
  Result<ListReport> report = ParseFixture();
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Entity* zala = FindEntity(report->list, "NK-zala");
  ASSERT_NE(zala, nullptr);
  EXPECT_EQ(zala->type, EntityType::kOrganization);
  EXPECT_EQ(zala->name, "Zala Aero Group");  // the caption, being one of the names
  EXPECT_EQ(zala->aliases, (std::vector<std::string>{"LLC CST", "Zala Aero", "ZALA AERO"}));
  EXPECT_EQ(zala->weak_aliases, (std::vector<std::string>{"ZALA", "CST"}));
  EXPECT_EQ(zala->programs, std::vector<std::string>{"EU-UKR"});
}

TEST(OpenSanctionsFtmTest, MapsSchemataAndSkipsOthers) {
  Result<ListReport> report = ParseFixture();
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Entity* person = FindEntity(report->list, "NK-pers");
  ASSERT_NE(person, nullptr);
  EXPECT_EQ(person->type, EntityType::kPerson);
  EXPECT_EQ(person->name, "Vitaly Yurievich DOE");  // no caption: the first name
  EXPECT_EQ(person->aliases, std::vector<std::string>{"Виталий Юрьевич ДОЕ"});
  EXPECT_EQ(FindEntity(report->list, "NK-ship")->type, EntityType::kVessel);
  EXPECT_EQ(FindEntity(report->list, "NK-plane")->type, EntityType::kAircraft);
  EXPECT_EQ(FindEntity(report->list, "addr-1"), nullptr);
  EXPECT_EQ(FindEntity(report->list, "NK-san"), nullptr);
  EXPECT_EQ(report->ignored, 2u);  // Address, Sanction: no warning
}

TEST(OpenSanctionsFtmTest, ReportsBadLinesWithLineNumbers) {
  Result<ListReport> report = ParseFixture();
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->records, 10u);  // the blank line is not a record
  EXPECT_EQ(report->skipped, 3u);
  ASSERT_EQ(report->warnings.size(), 3u);
  EXPECT_EQ(report->warnings[0].rfind("ftm.json:4:", 0), 0u) << report->warnings[0];
  EXPECT_NE(report->warnings[0].find("invalid JSON; record skipped"), std::string::npos);
  EXPECT_EQ(report->warnings[1], "ftm.json:8: record 'NK-noname' has no name; record skipped");
  EXPECT_EQ(report->warnings[2], "ftm.json:9: not a JSON object; record skipped");
}

TEST(OpenSanctionsFtmTest, InvalidUtf8IsReplaced) {
  Result<ListReport> report = ParseFixture();
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_NE(FindEntity(report->list, "NK-bad"), nullptr);
  EXPECT_EQ(FindEntity(report->list, "NK-bad")->name, "BAD \xEF\xBF\xBD BYTE");
}

TEST(OpenSanctionsFtmTest, NoPartiesIsAnError) {
  Result<ListReport> report = ParseOpenSanctionsFtm(
      {"a.json", "{\"id\":\"a\",\"schema\":\"Address\",\"properties\":{}}\n"});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().message(), "a.json: no entities found");
}

// OpenSanctions exports carry the related parties of a target too (owners,
// registry records) with "target": false: they are not sanctioned.
TEST(OpenSanctionsFtmTest, SkipsRecordsThatAreNotTargets) {
  Result<ListReport> report = ParseOpenSanctionsFtm(
      {"t.json",
       "{\"id\":\"yes\",\"schema\":\"Person\",\"target\":true,\"properties\":{\"name\":[\"A B\"]}}\n"
       "{\"id\":\"no\",\"schema\":\"Company\",\"target\":false,\"properties\":{\"name\":[\"C D\"]}}\n"
       "{\"id\":\"odd\",\"schema\":\"Company\",\"target\":\"yes\",\"properties\":{\"name\":[\"E\"]}}\n"
       "{\"id\":\"a\",\"schema\":\"Address\",\"target\":false,\"properties\":{}}\n"});
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_EQ(report->list.entities.size(), 1u);
  EXPECT_EQ(report->list.entities[0].id, "yes");
  EXPECT_EQ(report->non_targets, 2u);
  EXPECT_EQ(report->ignored, 1u);  // the Address
  EXPECT_EQ(report->skipped, 0u);
  EXPECT_TRUE(report->warnings.empty());
}

// Hand-made FtM files often have no target flags at all: every party in them
// is meant to be watched.
TEST(OpenSanctionsFtmTest, RecordsWithoutATargetFlagAreKept) {
  Result<ListReport> report = ParseFixture();
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->non_targets, 0u);
  EXPECT_NE(FindEntity(report->list, "NK-zala"), nullptr);
}

}  // namespace
}  // namespace vigil
