#include "vigil/config/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"

namespace vigil {
namespace {

WatchlistConfig ListAt(const std::filesystem::path& path, std::string id = "people") {
  return WatchlistConfig{{std::move(id), ListFormat::kVigilYaml, path}};
}

TEST(LoadWatchlistTest, ReadsEntities) {
  TempDir dir;
  std::filesystem::path file = dir.Write("list.yaml", R"(
entities:
  - id: putin
    name: Vladimir Putin
    type: person
    aliases: ["PUTIN, Vladimir Vladimirovich", "Владимир Путин"]
  - id: sovcomflot
    name: "  Sovcomflot  "
    type: organization
  - id: ship
    name: NS Champion
    type: vessel
    aliases:
  - id: plane
    name: RA-96017
    type: aircraft
  - id: misc
    name: Something
)");
  Result<Watchlist> list = LoadWatchlist(ListAt(file));
  ASSERT_TRUE(list.ok()) << list.status().message();
  EXPECT_EQ(list->id, "people");
  ASSERT_EQ(list->entities.size(), 5u);
  const Entity& putin = list->entities[0];
  EXPECT_EQ(putin.id, "putin");
  EXPECT_EQ(putin.name, "Vladimir Putin");
  EXPECT_EQ(putin.type, EntityType::kPerson);
  EXPECT_EQ(putin.aliases,
            (std::vector<std::string>{"PUTIN, Vladimir Vladimirovich", "Владимир Путин"}));
  EXPECT_EQ(list->entities[1].name, "Sovcomflot");
  EXPECT_EQ(list->entities[1].type, EntityType::kOrganization);
  EXPECT_EQ(list->entities[2].type, EntityType::kVessel);
  EXPECT_TRUE(list->entities[2].aliases.empty());
  EXPECT_EQ(list->entities[3].type, EntityType::kAircraft);
  EXPECT_EQ(list->entities[4].type, EntityType::kOther);  // the default
}

TEST(LoadWatchlistTest, ReadsProgramsAndRejectsANonList) {
  TempDir dir;
  std::filesystem::path file = dir.Write("list.yaml", R"(entities:
  - id: severstal
    name: SEVERSTAL PAO
    programs: [" RUSSIA-EO14024 ", RUSSIA-EO14024, "", UKRAINE-EO13662]
)");
  Result<Watchlist> list = LoadWatchlist(ListAt(file));
  ASSERT_TRUE(list.ok()) << list.status().message();
  EXPECT_EQ(list->entities[0].programs,
            (std::vector<std::string>{"RUSSIA-EO14024", "UKRAINE-EO13662"}));
  std::filesystem::path bad = dir.Write("bad.yaml", R"(entities:
  - id: severstal
    name: SEVERSTAL PAO
    programs: RUSSIA-EO14024
)");
  Result<Watchlist> failed = LoadWatchlist(ListAt(bad));
  ASSERT_FALSE(failed.ok());
  EXPECT_THAT(failed.status().message(), ::testing::HasSubstr("bad.yaml:4:"));
  EXPECT_THAT(failed.status().message(), ::testing::HasSubstr("programs must be a list of strings"));
}

TEST(LoadWatchlistTest, ReadsBirthYearsAndRejectsWhatIsNoYear) {
  TempDir dir;
  std::filesystem::path file = dir.Write("list.yaml", R"(entities:
  - id: putin
    name: PUTIN, Vladimir Vladimirovich
    type: person
    birth_years: [1953, 1952]
)");
  Result<Watchlist> list = LoadWatchlist(ListAt(file));
  ASSERT_TRUE(list.ok()) << list.status().message();
  EXPECT_EQ(list->entities[0].birth_years, (std::vector<int>{1952, 1953}));
  std::filesystem::path bad = dir.Write("bad.yaml", R"(entities:
  - id: putin
    name: PUTIN, Vladimir Vladimirovich
    birth_years: [1952, "07 Oct 1952"]
)");
  Result<Watchlist> failed = LoadWatchlist(ListAt(bad));
  ASSERT_FALSE(failed.ok());
  EXPECT_THAT(failed.status().message(), ::testing::HasSubstr("bad.yaml:4:"));
  EXPECT_THAT(failed.status().message(), ::testing::HasSubstr("'07 Oct 1952' is not one"));
}

TEST(LoadWatchlistTest, TrimsAndDropsEmptyOrRepeatedAliases) {
  TempDir dir;
  std::filesystem::path file = dir.Write("list.yaml", R"(entities:
  - id: kim
    name: KIM, Jong Un
    aliases:
      - " Kim Jong-un "
      - ""
      - "   "
      -
      - Kim Jong-un
      - KIM, Jong Un
      - Kim Jong Un
)");
  Result<Watchlist> list = LoadWatchlist(ListAt(file));
  ASSERT_TRUE(list.ok()) << list.status().message();
  EXPECT_EQ(list->entities[0].aliases, (std::vector<std::string>{"Kim Jong-un", "Kim Jong Un"}));
}

TEST(LoadWatchlistTest, EmptyEntityListIsValid) {
  TempDir dir;
  Result<Watchlist> list = LoadWatchlist(ListAt(dir.Write("list.yaml", "entities: []\n")));
  ASSERT_TRUE(list.ok()) << list.status().message();
  EXPECT_TRUE(list->entities.empty());
}

struct WatchlistErrorCase {
  const char* name;
  const char* yaml;
  std::vector<std::string> lines;  // without the "file:" prefix
};

const WatchlistErrorCase kErrorCases[] = {
    {"EmptyFile", "", {"1:1: watchlist is empty (expected an 'entities:' list)"}},
    {"NoEntitiesKey", R"(people: []
)",
     {"1:1: unknown key 'people' at top level",
      "1:1: the watchlist is missing required key 'entities'"}},
    {"EntitiesNotList", R"(entities:
  putin: Vladimir Putin
)",
     {"2:3: entities must be a list, not a map"}},
    {"MissingIdAndName", R"(entities:
  - type: person
)",
     {"2:5: entities[0] is missing required key 'id'",
      "2:5: entities[0] is missing required key 'name'"}},
    {"EmptyName", R"(entities:
  - id: a
    name: "   "
)",
     {"3:11: entities[0].name must not be empty"}},
    {"DuplicateEntityId", R"(entities:
  - id: a
    name: A
  - id: b
    name: B
  - id: a
    name: A again
)",
     {"6:9: duplicate entity id 'a' (first defined at line 2)"}},
    {"UnknownType", R"(entities:
  - id: a
    name: A
    type: ship
)",
     {"4:11: unknown entities[0].type 'ship' (one of person|organization|vessel|aircraft|other)"}},
    {"UnknownKey", R"(entities:
  - id: a
    name: A
    alias: [B]
)",
     {"4:5: unknown key 'alias' in entities[0] (did you mean 'aliases'?)"}},
    {"AliasesNotList", R"(entities:
  - id: a
    name: A
    aliases: B
)",
     {"4:14: entities[0].aliases must be a list of strings"}},
    {"AliasNotString", R"(entities:
  - id: a
    name: A
    aliases: [B, {x: y}]
)",
     {"4:18: entities[0].aliases must be a list of strings; entities[0].aliases[1] is not a "
      "string"}},
    {"SyntaxIllegalMapValue", R"(entities:
  - id: a
    name: A: B
)",
     {"3:12: YAML syntax error: illegal map value"}},
    // yaml-cpp reports an unclosed flow list where it gives up: end of input.
    {"SyntaxUnclosedList", R"(entities:
  - id: a
    name: [A
)",
     {"4:1: YAML syntax error: end of sequence flow not found"}},
};

class LoadWatchlistErrorTest : public testing::TestWithParam<WatchlistErrorCase> {};

TEST_P(LoadWatchlistErrorTest, ReportsEachProblemWithPosition) {
  const WatchlistErrorCase& c = GetParam();
  TempDir dir;
  std::filesystem::path file = dir.Write("list.yaml", c.yaml);
  std::string want;
  for (const std::string& line : c.lines) {
    if (!want.empty()) want += '\n';
    want += file.string() + ":" + line;
  }
  Result<Watchlist> list = LoadWatchlist(ListAt(file));
  ASSERT_FALSE(list.ok());
  EXPECT_EQ(list.status().message(), want);
}

INSTANTIATE_TEST_SUITE_P(Cases, LoadWatchlistErrorTest, testing::ValuesIn(kErrorCases),
                         [](const testing::TestParamInfo<WatchlistErrorCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(LoadWatchlistsTest, LoadsAllInOrderAndConcatenatesErrors) {
  TempDir dir;
  std::filesystem::path good = dir.Write("a.yaml", "entities:\n  - id: x\n    name: X\n");
  std::filesystem::path bad1 = dir.Write("b.yaml", "entities:\n  - id: y\n");
  std::filesystem::path bad2 = dir.Write("c.yaml", "entities:\n  - name: Z\n");
  Config config;
  config.watchlists = {ListAt(good, "a")};
  Result<std::vector<Watchlist>> lists = LoadWatchlists(config);
  ASSERT_TRUE(lists.ok()) << lists.status().message();
  ASSERT_EQ(lists->size(), 1u);
  EXPECT_EQ((*lists)[0].id, "a");
  EXPECT_EQ((*lists)[0].entities[0].name, "X");

  config.watchlists = {ListAt(good, "a"), ListAt(bad1, "b"), ListAt(bad2, "c"),
                       ListAt(dir.path() / "gone.yaml", "d")};
  lists = LoadWatchlists(config);
  ASSERT_FALSE(lists.ok());
  EXPECT_EQ(lists.status().message(),
            bad1.string() + ":2:5: entities[0] is missing required key 'name'\n" +
                bad2.string() + ":2:5: entities[0] is missing required key 'id'\n" +
                "cannot read watchlist: " + (dir.path() / "gone.yaml").string() +
                ": No such file or directory");
}

TEST(LoadWatchlistsTest, NoWatchlistsGivesEmptyVector) {
  Result<std::vector<Watchlist>> lists = LoadWatchlists(Config{});
  ASSERT_TRUE(lists.ok());
  EXPECT_TRUE(lists->empty());
}

TEST(EntityTypeNameTest, NamesEveryType) {
  EXPECT_STREQ(EntityTypeName(EntityType::kPerson), "person");
  EXPECT_STREQ(EntityTypeName(EntityType::kOrganization), "organization");
  EXPECT_STREQ(EntityTypeName(EntityType::kVessel), "vessel");
  EXPECT_STREQ(EntityTypeName(EntityType::kAircraft), "aircraft");
  EXPECT_STREQ(EntityTypeName(EntityType::kOther), "other");
}

}  // namespace
}  // namespace vigil
