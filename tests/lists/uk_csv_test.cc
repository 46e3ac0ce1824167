#include <gtest/gtest.h>

#include "test_files.h"
#include "vigil/lists/list_formats.h"

namespace vigil {
namespace {

TEST(UkCsvTest, ReadsDesignationsWithTypesAndRegimes) {
  std::string bytes = ReadBytes(kListTestdata / "uk_small.csv");
  Result<ListReport> report = ParseUkCsv({"uk.csv", bytes});
  ASSERT_TRUE(report.ok()) << report.status().message();
  const Watchlist& list = report->list;
  ASSERT_EQ(list.entities.size(), 5u);
  const Entity* putin = FindEntity(list, "RUS0251");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->name, "PUTIN, Vladimir Vladimirovich");
  EXPECT_EQ(putin->type, EntityType::kPerson);
  EXPECT_EQ(putin->programs, std::vector<std::string>{"Russia"});
  EXPECT_TRUE(putin->aliases.empty());
  EXPECT_EQ(FindEntity(list, "RUS0252")->name, "Lavrov Sergei Viktorovich");
  EXPECT_EQ(FindEntity(list, "DPR0041")->name, "KIM, Jong-Gak");
  const Entity* exchange = FindEntity(list, "AFG0001");
  EXPECT_EQ(exchange->type, EntityType::kOrganization);
  EXPECT_EQ(exchange->name, "HAJI KHAIRULLAH HAJI SATTAR MONEY EXCHANGE");  // not a person
  EXPECT_EQ(FindEntity(list, "RUS9999")->type, EntityType::kVessel);
  EXPECT_EQ(report->warnings,
            std::vector<std::string>{"uk.csv:7: record 'BEL0174' has no name; record skipped"});
}

struct SurnameCase {
  const char* in;
  const char* out;
};

TEST(CommaSurnameTest, CommaAfterLeadingCapitalisedTokens) {
  const SurnameCase cases[] = {
      {"PUTIN Vladimir Vladimirovich", "PUTIN, Vladimir Vladimirovich"},
      {"AL-ASSAD Bashar", "AL-ASSAD, Bashar"},
      {"DE LA CRUZ Maria José", "DE LA CRUZ, Maria José"},
      {"O'BRIEN Sean", "O'BRIEN, Sean"},
      {"  KIM   Jong Un ", "KIM, Jong Un"},
      // Where the surname ends cannot be told: as written (spaces cleaned).
      {"Lavrov Sergei Viktorovich", "Lavrov Sergei Viktorovich"},
      {"MUTEBUTSI JULES", "MUTEBUTSI JULES"},
      {"PUTIN", "PUTIN"},
      {"PUTIN vladimir", "PUTIN vladimir"},
      {"ÖZTÜRK Ali", "ÖZTÜRK, Ali"},
      {"ПУТИН Владимир", "ПУТИН Владимир"},  // no ASCII letter: not recognised
      {"PUTIN, Vladimir", "PUTIN, Vladimir"},
      {"", ""},
  };
  for (const SurnameCase& test : cases) EXPECT_EQ(CommaSurname(test.in), test.out) << test.in;
}

}  // namespace
}  // namespace vigil
