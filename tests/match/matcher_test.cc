#include "vigil/match/matcher.h"

#include <unicode/utf8.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace vigil {
namespace {

using ::testing::HasSubstr;

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    UChar32 c;
    U8_NEXT(s.data(), i, s.size(), c);
    if (c < 0) return false;
  }
  return true;
}

Entity Person(std::string id, std::string name, std::vector<std::string> aliases = {}) {
  return Entity{std::move(id), std::move(name), EntityType::kPerson, std::move(aliases)};
}

std::shared_ptr<const Matcher> BuildTestMatcher() {
  Watchlist sanctions{"sanctions",
                      {Person("putin", "Vladimir Putin",
                              {"PUTIN, Vladimir Vladimirovich", "Владимир Путин", "Putin"}),
                       Person("kim", "KIM, Jong Un"), Person("maduro", "Nicolas MADURO"),
                       Entity{"acme", "ACME TRADING CO., LTD.", EntityType::kOrganization, {}}}};
  Watchlist local{"local", {Person("kim-local", "Kim")}};
  KeywordList arms{"arms", {"arms deal", "munitions", "spy satellites"}};
  auto matcher = Matcher::Build({sanctions, local}, {arms});
  EXPECT_TRUE(matcher.ok()) << matcher.status().message();
  return *matcher;
}

// "id|matched|rule|matched_name" per match, in Scan() order.
std::vector<std::string> Describe(const std::vector<Match>& matches) {
  std::vector<std::string> out;
  for (const Match& m : matches) {
    std::string id = m.kind == MatchKind::kEntity ? m.entity_id : "kw:" + m.keyword_id;
    out.push_back(id + "|" + m.matched + "|" + m.rule + "|" + m.matched_name);
  }
  return out;
}

// Invariants every match must keep, whatever the text.
void ExpectWellFormed(std::string_view text, const std::vector<Match>& matches) {
  for (const Match& m : matches) {
    ASSERT_LE(m.start, m.end);
    ASSERT_LE(m.end, text.size());
    EXPECT_EQ(text.substr(m.start, m.end - m.start), m.matched);
    EXPECT_TRUE(IsValidUtf8(m.snippet)) << m.snippet;
    EXPECT_GE(m.score, 0.0);
    EXPECT_LE(m.score, 1.0);
  }
  for (size_t i = 1; i < matches.size(); ++i) {
    EXPECT_LE(matches[i - 1].start, matches[i].start);
  }
}

TEST(MatcherTest, FindsNamesAsWholeWordsInTheirListedForms) {
  struct Case {
    std::string text;
    std::vector<std::string> want;
  };
  const std::string kKimName = "KIM, Jong Un";
  const std::vector<Case> cases = {
      {"Kim Jong Un arrived", {"kim|Kim Jong Un|exact|" + kKimName}},
      {"Kim Jong-un arrived", {"kim|Kim Jong-un|exact|" + kKimName}},
      {"KIM JONG UN", {"kim|KIM JONG UN|exact|" + kKimName}},
      {"the late Kim Jong Il", {}},  // "Kim" alone is weak: a candidate
      {"Kim Jong Nam", {}},
      {"Jong Un Kim", {"kim|Jong Un Kim|reordered|" + kKimName}},
      {"Vladimir Putin spoke", {"putin|Vladimir Putin|exact|Vladimir Putin"}},
      {"Vladimir Vladimirovich Putin spoke",
       {"putin|Vladimir Vladimirovich Putin|reordered|PUTIN, Vladimir Vladimirovich"}},
      {"PUTIN Vladimir Vladimirovich",
       {"putin|PUTIN Vladimir Vladimirovich|exact|PUTIN, Vladimir Vladimirovich"}},
      {"Putin's war", {}},  // a surname alone is weak: a candidate
      {"Putin’s war", {}},
      {"Vladimir Putin’s war", {"putin|Vladimir Putin|possessive|Vladimir Putin"}},
      // U+02BC, the modifier-letter apostrophe, is an apostrophe in text.
      {"Vladimir Putinʼs war", {"putin|Vladimir Putin|possessive|Vladimir Putin"}},
      {"Vladimir Putinʼ", {"putin|Vladimir Putin|exact|Vladimir Putin"}},
      {"Vladimir Vladimirovich Putin's",
       {"putin|Vladimir Vladimirovich Putin|reordered+possessive|PUTIN, Vladimir Vladimirovich"}},
      {"Putinism and SuperPutin", {}},
      {"Vladimir Potanin", {}},
      {"Kimchi for Kimberly", {}},
      {"ВЛАДИМИР ПУТИН сказал", {"putin|ВЛАДИМИР ПУТИН|exact|Владимир Путин"}},
      {"Владимир Путин", {"putin|Владимир Путин|exact|Владимир Путин"}},
      // Case forms are read back to the listed words (genitive here).
      {"встреча Владимира Путина",
       {"putin|Владимира Путина|fuzzy(Владимира→vladimir)+fuzzy(Путина→putin)|Владимир Путин"}},
      {"Nicolás Maduro said", {"maduro|Nicolás Maduro|exact|Nicolas MADURO"}},
      {"an arms deal", {"kw:arms|arms deal|exact|arms deal"}},
      {"new Arms-Deal", {"kw:arms|Arms-Deal|exact|arms deal"}},
      {"new arms deals", {}},  // whole words: "deals" is not "deal"
      {"spy satellites and munitions",
       {"kw:arms|spy satellites|exact|spy satellites", "kw:arms|munitions|exact|munitions"}},
      {"ACME Trading Co. Ltd. said", {"acme|ACME Trading Co. Ltd|exact|ACME TRADING CO., LTD."}},
      // Organisations are not reordered; "acme trading" (ordinary words) is
      // no name without its legal form.
      {"LTD ACME TRADING CO", {}},
      {"CO LTD ACME TRADING", {"acme|CO LTD ACME TRADING|legal-form|ACME TRADING CO., LTD."}},
      {"TRADING CO ACME", {}},
      {"", {}},
  };
  auto matcher = BuildTestMatcher();
  for (const Case& c : cases) {
    std::vector<Match> matches = matcher->Scan(c.text);
    EXPECT_EQ(Describe(matches), c.want) << "text: " << c.text;
    ExpectWellFormed(c.text, matches);
  }
}

TEST(MatcherTest, WordsOfMarksAloneDoNotBreakANameInText) {
  // A decomposed voicing mark after a katakana (カ + U+3099 = ガ) is a word of
  // its own that normalises to nothing; list names drop such words, and the
  // text must skip them the same way rather than treat them as a break.
  Watchlist list{"l", {Person("garcia", "カ\u3099ルシア")}};
  auto matcher = Matcher::Build({list}, {});
  ASSERT_TRUE(matcher.ok()) << matcher.status().message();
  std::string text = "会見でカ\u3099ルシア氏";
  std::vector<Match> matches = (*matcher)->Scan(text);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].matched, "カ\u3099ルシア");
  ExpectWellFormed(text, matches);
}

TEST(MatcherTest, ReportsEntityFields) {
  auto matcher = BuildTestMatcher();
  std::vector<Match> matches = matcher->Scan("Talks with Nicolás Maduro.");
  ASSERT_EQ(matches.size(), 1u);
  const Match& m = matches[0];
  EXPECT_EQ(m.kind, MatchKind::kEntity);
  EXPECT_EQ(m.list_id, "sanctions");
  EXPECT_EQ(m.entity_id, "maduro");
  EXPECT_EQ(m.entity_name, "Nicolas MADURO");
  EXPECT_EQ(m.keyword_id, "");
  EXPECT_EQ(m.start, 11u);
  EXPECT_EQ(m.end, 26u);
  EXPECT_EQ(m.snippet, "Talks with Nicolás Maduro.");
}

TEST(MatcherTest, OffsetsCountBytesOfMultibyteTextBefore) {
  auto matcher = BuildTestMatcher();
  std::string text = "Ünïcødé — «Президент» 习近平 and Vladimir Putin’s talks";
  std::vector<Match> matches = matcher->Scan(text);
  ASSERT_EQ(matches.size(), 1u);
  EXPECT_EQ(matches[0].matched, "Vladimir Putin");
  EXPECT_EQ(matches[0].start, text.find("Vladimir"));
  ExpectWellFormed(text, matches);
}

TEST(MatcherTest, ToleratesInvalidUtf8) {
  auto matcher = BuildTestMatcher();
  std::string text = "\xFF" "Kim\xFE Jong\x80Un\xC3";
  std::vector<Match> matches = matcher->Scan(text);
  EXPECT_EQ(Describe(matches), (std::vector<std::string>{
                                   "kim|Kim\xFE Jong\x80Un|exact|KIM, Jong Un"}));
  ExpectWellFormed(text, matches);
}

TEST(MatcherTest, SurvivesRandomBytesAroundNames) {
  auto matcher = BuildTestMatcher();
  const std::vector<std::string> pieces = {"Kim", " ", "Jong", "-", "Un", "’s", "\xD0",
                                           "Путин", "\xFF", "é", "\xCC\x81", "習", "'"};
  std::mt19937 rng(42);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 12);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    ExpectWellFormed(text, matcher->Scan(text));
  }
  for (int round = 0; round < 500; ++round) {
    std::string text(rng() % 64, '\0');
    for (char& c : text) c = static_cast<char>(rng());
    ExpectWellFormed(text, matcher->Scan(text));
  }
}

TEST(MatcherTest, CountsCompiledVariants) {
  auto matcher = BuildTestMatcher();
  // putin: name 2 (as written, rotated), comma alias 5 (its "vladimir
  // putin" and "putin vladimir" forms merge into the name's; "v v putin"
  // and "putin v v" are its initials), Cyrillic 2 (kept beside the Latin
  // forms), "Putin" 1; kim 4 (exact, reordered, two joined), maduro 2,
  // acme 2 (exact, legal forms moved; its ordinary words are no name
  // alone), kim-local 1, arms 3.
  EXPECT_EQ(matcher->name_count(), 22u);
}

TEST(MatcherTest, RejectsNamesWithoutLetters) {
  auto bad_name = Matcher::Build({Watchlist{"l", {Person("e", " - , ")}}}, {});
  ASSERT_FALSE(bad_name.ok());
  EXPECT_EQ(bad_name.status().message(), "list 'l' entity 'e': name has no letters");

  auto bad_alias = Matcher::Build({Watchlist{"l", {Person("e", "Ok Name", {"..."})}}}, {});
  ASSERT_FALSE(bad_alias.ok());
  EXPECT_THAT(bad_alias.status().message(), HasSubstr("entity 'e': alias '...'"));

  auto bad_term = Matcher::Build({}, {KeywordList{"k", {"fine", ""}}});
  ASSERT_FALSE(bad_term.ok());
  EXPECT_EQ(bad_term.status().message(), "keyword list 'k': term '' has no letters");
}

TEST(MatcherTest, EmptyIndexFindsNothing) {
  auto matcher = Matcher::Build({}, {});
  ASSERT_TRUE(matcher.ok());
  EXPECT_TRUE((*matcher)->Scan("Vladimir Putin").empty());
  EXPECT_EQ((*matcher)->name_count(), 0u);
}

// One name, many entities: the trie node where it ends holds a run of
// payloads, and every entity of the run is found, whichever list it is in
// and whether the name is its primary name or an alias; the node before
// ("Zakhar") and a longer name through the node ("Zakhar Bulgakov
// Sidorov") keep their own. (Names no common-name rule touches.)
TEST(MatcherTest, EveryEntityOfASharedNameIsFound) {
  Watchlist first{
      "first",
      {Person("a", "Zakhar Bulgakov"), Person("b", "BULGAKOV, Zakhar"), Person("c", "Zakhar Bulgakov Sidorov"),
       Person("d", "Boris Orlov", {"Zakhar Bulgakov"})}};
  Watchlist second{"second", {Person("e", "Zakhar Bulgakov"), Person("f", "Zakhar Sidorov")}};
  auto matcher = Matcher::Build({first, second}, {});
  ASSERT_TRUE(matcher.ok()) << matcher.status().message();
  std::vector<std::string> ids;
  for (const Match& m : (*matcher)->Scan("Talks with Zakhar Bulgakov ended.")) {
    ids.push_back(m.entity_id);
  }
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "d", "e"}));
  ids.clear();
  for (const Match& m : (*matcher)->Scan("Talks with Zakhar Bulgakov Sidorov ended.")) {
    ids.push_back(m.entity_id);
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"c"}));
}

}  // namespace
}  // namespace vigil
