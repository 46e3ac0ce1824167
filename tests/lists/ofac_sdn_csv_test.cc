#include <gtest/gtest.h>

#include "test_files.h"
#include "vigil/lists/list_formats.h"

namespace vigil {
namespace {

class OfacSdnCsvTest : public ::testing::Test {
 protected:
  void SetUp() override {
    sdn_ = ReadBytes(kListTestdata / "ofac_sdn_edge.csv");
    alt_ = ReadBytes(kListTestdata / "ofac_alt_edge.csv");
    add_ = ReadBytes(kListTestdata / "ofac_add_edge.csv");
    ASSERT_FALSE(sdn_.empty());
  }
  Result<ListReport> Parse(bool with_alt = true) {
    return ParseOfacSdnCsv({"sdn.csv", sdn_}, with_alt ? ListText{"alt.csv", alt_} : ListText{},
                           with_alt ? ListText{"add.csv", add_} : ListText{});
  }
  std::string sdn_, alt_, add_;
};

TEST_F(OfacSdnCsvTest, ReadsRecordsWithNullsTypesAndPrograms) {
  Result<ListReport> report = Parse();
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Watchlist& list = report->list;
  ASSERT_EQ(list.entities.size(), 7u);
  const Entity* putin = FindEntity(list, "35096");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->name, "PUTIN, Vladimir Vladimirovich");
  EXPECT_EQ(putin->type, EntityType::kPerson);
  EXPECT_EQ(putin->programs, std::vector<std::string>{"RUSSIA-EO14024"});
  const Entity* airline = FindEntity(list, "36");
  ASSERT_NE(airline, nullptr);
  EXPECT_EQ(airline->type, EntityType::kOrganization);  // SDN_Type "-0- "
  EXPECT_EQ(airline->name, "AEROCARIBBEAN AIRLINES");
  const Entity* anglo = FindEntity(list, "7001");
  ASSERT_NE(anglo, nullptr);
  EXPECT_EQ(anglo->name, "ANGLO-CARIBBEAN CO., LTD.");  // quoted comma
  EXPECT_EQ(anglo->programs, (std::vector<std::string>{"IRAN", "SDGT"}));
  EXPECT_EQ(FindEntity(list, "7002")->type, EntityType::kVessel);
  EXPECT_EQ(FindEntity(list, "7003")->type, EntityType::kAircraft);
  EXPECT_EQ(FindEntity(list, "7003")->name, "RA-12345");
}

TEST_F(OfacSdnCsvTest, ReadsAliasesFromAltFile) {
  Result<ListReport> report = Parse();
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Watchlist& list = report->list;
  EXPECT_EQ(FindEntity(list, "35096")->aliases, std::vector<std::string>{"PUTIN, Vladimir"});
  const Entity* bank = FindEntity(list, "306");
  // "BNC" is a weak aka in the Remarks, but alt.csv lists it as a real fka:
  // the strong listing wins.
  EXPECT_EQ(bank->aliases, (std::vector<std::string>{"NATIONAL BANK OF CUBA", "BNC"}));
  EXPECT_TRUE(bank->weak_aliases.empty());
  const Entity* ship = FindEntity(list, "7002");
  EXPECT_EQ(ship->aliases, std::vector<std::string>{"OCEAN STAR"});
  EXPECT_EQ(ship->weak_aliases, std::vector<std::string>{"STELLA"});
}

TEST_F(OfacSdnCsvTest, WeakAkasInRemarksAreWeakAliases) {
  Result<ListReport> report = Parse(/*with_alt=*/false);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(FindEntity(report->list, "306")->weak_aliases, std::vector<std::string>{"BNC"});
  EXPECT_TRUE(FindEntity(report->list, "306")->aliases.empty());
  // Apostrophes inside the name do not end it; the remark spans two lines.
  EXPECT_EQ(FindEntity(report->list, "7001")->weak_aliases,
            (std::vector<std::string>{"AL-ATHARI, Abu Bakr ibn 'Abd al-'Aziz", "OLD ANGLO"}));
}

TEST_F(OfacSdnCsvTest, CountsOrphanAltRowsAndAddresses) {
  Result<ListReport> report = Parse();
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->orphan_aliases, 2u);
  EXPECT_EQ(report->addresses, 2u);
  EXPECT_EQ(report->orphan_addresses, 1u);
  EXPECT_TRUE(Has(report->warnings, "alt.csv:8: expected 5 fields, found 3; row skipped"));
}

TEST_F(OfacSdnCsvTest, SkipsMalformedRowsWithPositions) {
  Result<ListReport> report = Parse();
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->records, 11u);
  EXPECT_EQ(report->skipped, 4u);
  // Record 7001 spans lines 4-5, so later rows are one line further down.
  EXPECT_TRUE(Has(report->warnings, "sdn.csv:8: expected 12 fields, found 3; record skipped"))
      << ::testing::PrintToString(report->warnings);
  EXPECT_TRUE(Has(report->warnings, "sdn.csv:9:1: ent_num 'x7005' is not a number; record skipped"));
  EXPECT_TRUE(Has(report->warnings,
                  "sdn.csv:11:12: unexpected character after a closing quote; record skipped"));
  EXPECT_TRUE(Has(report->warnings, "sdn.csv:12: duplicate id '35096'; record skipped"));
  // The first of a duplicated ent_num is the one kept.
  EXPECT_EQ(FindEntity(report->list, "35096")->name, "PUTIN, Vladimir Vladimirovich");
}

// Dates of birth come from the Remarks: each "DOB" up to its ';', a range
// as both its ends, "circa" two years either side; not a passport number.
TEST_F(OfacSdnCsvTest, ReadsBirthYearsFromTheRemarks) {
  Result<ListReport> report = Parse();
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(FindEntity(report->list, "35096")->birth_years, std::vector<int>{1952});
  EXPECT_EQ(FindEntity(report->list, "7006")->birth_years, (std::vector<int>{1958, 1960, 1962, 1963}));
  EXPECT_TRUE(FindEntity(report->list, "306")->birth_years.empty());
}

TEST_F(OfacSdnCsvTest, InvalidUtf8IsReplaced) {
  Result<ListReport> report = Parse();
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(FindEntity(report->list, "7006")->name, "M\xC3\xBCLLER, J\xEF\xBF\xBDrgen");
}

TEST(OfacSdnCsvErrorsTest, WrongFileIsAnError) {
  // alt.csv given as sdn.csv: every row has 5 fields, not 12.
  std::string alt = ReadBytes(kListTestdata / "ofac_alt_edge.csv");
  Result<ListReport> report = ParseOfacSdnCsv({"sdn.csv", alt});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().message().rfind("sdn.csv: no entities found\n", 0), 0u)
      << report.status().message();
  EXPECT_NE(report.status().message().find(
                "\nsdn.csv:1: expected 12 fields, found 5; record skipped\n"),
            std::string::npos);
}

TEST(OfacSdnCsvErrorsTest, MostlyMalformedIsAnError) {
  Result<ListReport> report = ParseOfacSdnCsv(
      {"sdn.csv", "1,\"A\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n2,\"B\"\n3,\"C\"\n"});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().message(),
            "sdn.csv: 2 of 3 records are malformed (wrong file or format?)\n"
            "sdn.csv:2: expected 12 fields, found 2; record skipped\n"
            "sdn.csv:3: expected 12 fields, found 2; record skipped");
}

TEST(OfacSdnCsvErrorsTest, EmptyFileIsAnError) {
  Result<ListReport> report = ParseOfacSdnCsv({"sdn.csv", "\x1A"});
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().message(), "sdn.csv: no entities found");
}

}  // namespace
}  // namespace vigil
