// The seed article (an FT report of Putin accepting Kim Jong Un's invitation)
// against a small sanctions watchlist: which entities and keywords it names.
#include "vigil/match/matcher.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace vigil {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::shared_ptr<const Matcher> BuildSeedMatcher() {
  auto person = [](std::string id, std::string name, std::vector<std::string> aliases) {
    return Entity{std::move(id), std::move(name), EntityType::kPerson, std::move(aliases)};
  };
  Watchlist list{"seed",
                 {person("putin", "Vladimir Putin",
                         {"PUTIN, Vladimir Vladimirovich", "Владимир Путин"}),
                  person("kim", "KIM, Jong Un", {}),
                  person("lavrov", "LAVROV, Sergei Viktorovich", {}),
                  person("peskov", "PESKOV, Dmitry Sergeyevich", {})}};
  KeywordList arms{"arms", {"arms deal", "munitions", "spy satellites"}};
  auto matcher = Matcher::Build({list}, {arms});
  EXPECT_TRUE(matcher.ok()) << matcher.status().message();
  return *matcher;
}

// (id, matched text) per match, entity or keyword.
std::vector<std::pair<std::string, std::string>> Found(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> found;
  for (const Match& m : BuildSeedMatcher()->Scan(text)) {
    EXPECT_EQ(text.substr(m.start, m.end - m.start), m.matched);
    found.emplace_back(m.kind == MatchKind::kEntity ? m.entity_id : "kw:" + m.keyword_id,
                       m.matched);
  }
  return found;
}

void ExpectSeedFindings(const std::string& text) {
  ASSERT_FALSE(text.empty());
  // Bare "Putin", "Kim" and "Peskov" are not list forms; "Kim Jong Il" (the
  // father) and "arms deals" are other words.
  EXPECT_THAT(Found(text),
              ElementsAre(Pair("putin", "Vladimir Putin"), Pair("kim", "Kim Jong Un"),
                          Pair("putin", "Vladimir Putin"), Pair("kim", "Kim Jong Un"),
                          Pair("kim", "Kim Jong Un"), Pair("peskov", "Dmitry Peskov"),
                          Pair("lavrov", "Sergei Lavrov"), Pair("kw:arms", "arms deal"),
                          Pair("kw:arms", "munitions"), Pair("kw:arms", "spy satellites")));
}

TEST(SeedArticleTest, FindsListedPeopleAndKeywords) {
  ExpectSeedFindings(ReadFile(std::filesystem::path(VIGIL_TESTDATA) / "seed-article.txt"));
}

TEST(SeedArticleTest, SharedCopyGivesSameFindings) {
  std::filesystem::path path = std::filesystem::path(VIGIL_SHARED_DATA) / "seed-article.txt";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared data at " << path;
  ExpectSeedFindings(ReadFile(path));
}

TEST(SeedArticleTest, KimJongIlIsNotKimJongUn) {
  std::string text = ReadFile(std::filesystem::path(VIGIL_TESTDATA) / "seed-article.txt");
  size_t il = text.find("Kim Jong Il");
  ASSERT_NE(il, std::string::npos);
  for (const Match& m : BuildSeedMatcher()->Scan(text)) {
    EXPECT_FALSE(m.start <= il && il < m.end) << m.entity_id << " at " << m.start;
  }
}

}  // namespace
}  // namespace vigil
