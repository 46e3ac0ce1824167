#include <gtest/gtest.h>

#include "test_files.h"
#include "vigil/lists/list_formats.h"

namespace vigil {
namespace {

Result<ListReport> ParseFixture() {
  static const std::string bytes = ReadBytes(kListTestdata / "eu_small.csv");
  return ParseEuCsv({"eu.csv", bytes});
}

TEST(EuCsvTest, IdsAreAnnexQualifiedRecordIds) {
  Result<ListReport> report = ParseFixture();
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Entity* putin = FindEntity(report->list, "persons-669");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->name, "Vladimir Vladimirovich PUTIN");
  EXPECT_EQ(putin->type, EntityType::kPerson);
  EXPECT_EQ(putin->aliases, std::vector<std::string>{"Влади мир Влади мирович ПУ ТИН"});
  EXPECT_EQ(putin->programs, std::vector<std::string>{"EU-UKR"});
  const Entity* company = FindEntity(report->list, "entities-669");
  ASSERT_NE(company, nullptr);
  EXPECT_EQ(company->type, EntityType::kOrganization);
  EXPECT_EQ(company->aliases,
            (std::vector<std::string>{"ООО ‘Ювс Авиа’", "JSC Old Name", "‘Older Name’"}));
}

TEST(EuCsvTest, SplitsSemicolonsAndParenthesisedNames) {
  Result<ListReport> report = ParseFixture();
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Entity* aksyonov = FindEntity(report->list, "persons-1");
  ASSERT_NE(aksyonov, nullptr);
  EXPECT_EQ(aksyonov->aliases,
            (std::vector<std::string>{"Sergei Valerievich AKSENOV", "Сергей Валерьевич АКСЁНОВ",
                                      "Serhiy AKSYONOV"}));
  // "(born ТЮТИНА)" is a note, not a name; weakAlias stays weak.
  const Entity* matviyenko = FindEntity(report->list, "persons-2");
  ASSERT_NE(matviyenko, nullptr);
  EXPECT_EQ(matviyenko->aliases, std::vector<std::string>{"Валентина Ивановна МАТВИЕНКО"});
  EXPECT_EQ(matviyenko->weak_aliases, std::vector<std::string>{"Matviyenko"});
}

TEST(EuCsvTest, RowWithoutNameIsSkipped) {
  Result<ListReport> report = ParseFixture();
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->list.entities.size(), 5u);
  EXPECT_EQ(report->warnings,
            (std::vector<std::string>{
                "eu.csv:6: record 'entities-3' has no name; record skipped",
                "eu.csv:8: record 'entities-484' has a name without letters or digits; record "
                "skipped"}));
}

// The real file has an alias "’’": no letters, so no name the matcher could
// use (it refuses such names, which would fail the whole config).
TEST(EuCsvTest, NamesWithoutLettersAreDropped) {
  Result<ListReport> report = ParseFixture();
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Entity* orion = FindEntity(report->list, "entities-483");
  ASSERT_NE(orion, nullptr);
  EXPECT_EQ(orion->aliases, std::vector<std::string>{"ООО ‘Орион’"});
  EXPECT_TRUE(orion->weak_aliases.empty());  // "--"
}

}  // namespace
}  // namespace vigil
