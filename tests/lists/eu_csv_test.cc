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
  // birthDate "26.11.1972 or 1973": each year a date of birth may have.
  EXPECT_EQ(aksyonov->birth_years, (std::vector<int>{1972, 1973}));
  EXPECT_TRUE(matviyenko->birth_years.empty());
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

// Rows copied from the real file (records 34, 48 and 122 of I.PERSONS): the
// name cell holds the other-script name and a.k.a. notes in parentheses, and
// OpenSanctions' split of record 48 lost the outer parentheses of its alias.
constexpr std::string_view kParenthesisedRows =
    "recordId,annex,schema,name,alias\n"
    "34,I.PERSONS,Person,Dmitry Nikolayevich KOZAK (Дмитрий Николаевич КОЗАК),\n"
    "48,I.PERSONS,Person,Igor Vsevolodovich GIRKIN,"
    "\"Игорь Всеволодович ГИРКИН) (a.k.a. Igor STRELKOV, Ihor STRIELKOV\"\n"
    "122,I.PERSONS,Person,\"Larisa Leonidovna AIRAPETYAN (a.k.a. Larysa AYRAPETYAN, Larisa "
    "AIRAPETYAN or Larysa AIRAPETYAN)\",\"born ZHILKO; Лариса Леонидовна АЙРАПЕТЯН) (born "
    "ЖИЛКО; Лариса Леонідівна АЙРАПЕТЯН\"\n"
    "55,I.PERSONS,Person,Igor Nikolaevich BEZLER (a.k.a. Bes (devil)),\n"
    "32,I.PERSONS,Person,Igor Nikolaevich (Mykolayovich) TURCHENYUK,\n";

TEST(EuCsvTest, SplitsParenthesesInTheNameCell) {
  Result<ListReport> report = ParseEuCsv({"eu.csv", kParenthesisedRows});
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Entity* kozak = FindEntity(report->list, "persons-34");
  ASSERT_NE(kozak, nullptr);
  EXPECT_EQ(kozak->name, "Dmitry Nikolayevich KOZAK");
  EXPECT_EQ(kozak->aliases, std::vector<std::string>{"Дмитрий Николаевич КОЗАК"});
  const Entity* airapetyan = FindEntity(report->list, "persons-122");
  ASSERT_NE(airapetyan, nullptr);
  EXPECT_EQ(airapetyan->name, "Larisa Leonidovna AIRAPETYAN");
  // a.k.a. names become aliases; "born ..." notes are dropped.
  EXPECT_EQ(airapetyan->aliases,
            (std::vector<std::string>{"Larysa AYRAPETYAN", "Larisa AIRAPETYAN",
                                      "Larysa AIRAPETYAN", "Лариса Леонидовна АЙРАПЕТЯН",
                                      "Лариса Леонідівна АЙРАПЕТЯН"}));
  // A one-word a.k.a. is a nickname: weak. The nested "(devil)" is a note.
  const Entity* bezler = FindEntity(report->list, "persons-55");
  ASSERT_NE(bezler, nullptr);
  EXPECT_EQ(bezler->name, "Igor Nikolaevich BEZLER");
  EXPECT_TRUE(bezler->aliases.empty());
  EXPECT_EQ(bezler->weak_aliases, std::vector<std::string>{"Bes"});
  // A one-word variant inside the name is dropped, the name around it kept.
  const Entity* turchenyuk = FindEntity(report->list, "persons-32");
  ASSERT_NE(turchenyuk, nullptr);
  EXPECT_EQ(turchenyuk->name, "Igor Nikolaevich TURCHENYUK");
}

TEST(EuCsvTest, MangledAliasCellKeepsEveryName) {
  Result<ListReport> report = ParseEuCsv({"eu.csv", kParenthesisedRows});
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Entity* girkin = FindEntity(report->list, "persons-48");
  ASSERT_NE(girkin, nullptr);
  EXPECT_EQ(girkin->name, "Igor Vsevolodovich GIRKIN");
  EXPECT_EQ(girkin->aliases,
            (std::vector<std::string>{"Игорь Всеволодович ГИРКИН", "Igor STRELKOV",
                                      "Ihor STRIELKOV"}));
}

// A row as in the real file (Li XIAOCUI's): the Official Journal's "Chinese:"
// label and "Text of image" note came through as aliases, and "Chinese"
// alerted on 19 entities in the news evaluation.
TEST(EuCsvTest, DropsLayoutLabelsFromAliases) {
  constexpr std::string_view kRows =
      "recordId,annex,schema,name,alias\n"
      "1003,I.PERSONS,Person,Li XIAOCUI,Chinese:; Text of image; 李晓翠; Sophia Li\n";
  Result<ListReport> report = ParseEuCsv({"eu.csv", kRows});
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Entity* li = FindEntity(report->list, "persons-1003");
  ASSERT_NE(li, nullptr);
  EXPECT_EQ(li->aliases, (std::vector<std::string>{"李晓翠", "Sophia Li"}));
  EXPECT_TRUE(li->weak_aliases.empty());
}

// A parenthesis in Latin script is a note, not another name: "Hong Kong"
// alerted on every mention of the city in the news evaluation.
TEST(EuCsvTest, LatinParenthesesAreNotAliases) {
  constexpr std::string_view kRows =
      "recordId,annex,schema,name,alias\n"
      "676,II.ENTITIES,Company,Chinaoil (Hong Kong) Corporation Limited,\n";
  Result<ListReport> report = ParseEuCsv({"eu.csv", kRows});
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_EQ(report->list.entities.size(), 1u);
  EXPECT_TRUE(report->list.entities[0].aliases.empty());
}

}  // namespace
}  // namespace vigil
