#include "src/match/normalize.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vigil {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(NormalizeWordTest, FoldsCaseDiacriticsAndCompatibilityForms) {
  struct Case {
    std::string in;
    std::string want;
  };
  const std::vector<Case> cases = {
      {"Putin", "putin"},
      {"MADURO", "maduro"},
      {"Nicolás", "nicolas"},
      {"Nicola\xCC\x81s", "nicolas"},  // decomposed accent
      {"ДМИТРИЙ", "dmitriy"},  // Cyrillic is transliterated (ICU Russian-Latin/BGN)
      {"Путин", "putin"},
      {"Ходорковский", "khodorkovskiy"},
      {"Ильич", "ilich"},  // the soft sign's prime is dropped
      {"Київ", "kiiv"},    // Ukrainian ї: BGN leaves it to Any-Latin (ï)
      {"Τσίπρας", "tsipras"},     // Greek
      {"Պետրոսյան", "petrosyan"}, // Armenian
      {"ივანიშვილი", "ivanishvili"},  // Georgian
      {"Straße", "strasse"},
      {"ÅSLUND", "aslund"},
      {"Ｐｕｔｉｎ", "putin"},  // fullwidth
      {"ﬁsh", "fish"},        // ligature
      {"Pu\xC2\xADtin", "putin"},  // soft hyphen
      {"İstanbul", "istanbul"},
      {"Łukasz", "lukasz"},  // letters whose mark is not a combining one
      {"ØRESUND", "oresund"},
      {"Đoković", "dokovic"},
      {"Ærø", "aero"},
      {"ılık", "ilik"},
      {"2024", "2024"},
      {"", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NormalizeWord(c.in), c.want) << "input: " << c.in;
  }
}

TEST(NormalizeWordTest, AsciiAndIcuPathsAgree) {
  std::string mixed = "Kim\xC3\xA9";  // forces the ICU path
  EXPECT_EQ(NormalizeWord(mixed), "kime");
  EXPECT_EQ(NormalizeWord("KimE"), "kime");
}

TEST(NormalizeWordsTest, SplitsOnPunctuationHyphensAndApostrophes) {
  EXPECT_THAT(NormalizeWords("Kim Jong-un"), ElementsAre("kim", "jong", "un"));
  EXPECT_THAT(NormalizeWords("PUTIN, Vladimir Vladimirovich"),
              ElementsAre("putin", "vladimir", "vladimirovich"));
  EXPECT_THAT(NormalizeWords("O'Brien"), ElementsAre("o", "brien"));
  EXPECT_THAT(NormalizeWords("  Владимир\tПУТИН. "), ElementsAre("vladimir", "putin"));
  EXPECT_THAT(NormalizeWords("--- , ."), IsEmpty());
  EXPECT_THAT(NormalizeWords(""), IsEmpty());
}

TEST(NormalizeWordsTest, CutsCjkIntoCharacters) {
  EXPECT_THAT(NormalizeWords("习近平主席"), ElementsAre("习", "近", "平", "主", "席"));
  // Hangul is transliterated like Cyrillic; syllable hyphens are dropped.
  EXPECT_THAT(NormalizeWords("김정은 위원장"), ElementsAre("gimjeongeun", "wiwonjang"));
}

struct Span {
  std::string text;
  bool possessive;
  bool operator==(const Span&) const = default;
};

std::vector<Span> Spans(std::string_view text) {
  std::vector<WordSpan> words;
  FindWords(text, &words);
  std::vector<Span> out;
  for (const WordSpan& w : words) {
    out.push_back({std::string(text.substr(w.start, w.end - w.start)), w.possessive});
  }
  return out;
}

TEST(FindWordsTest, ReportsByteOffsetsOverMultibyteText) {
  std::string text = "Ünïcødé — Путин’s «Kim»";
  std::vector<WordSpan> words;
  FindWords(text, &words);
  ASSERT_EQ(words.size(), 4u);
  EXPECT_EQ(text.substr(words[0].start, words[0].end - words[0].start), "Ünïcødé");
  EXPECT_FALSE(words[0].ascii);
  EXPECT_EQ(text.substr(words[1].start, words[1].end - words[1].start), "Путин");
  EXPECT_TRUE(words[1].possessive);
  EXPECT_EQ(text.substr(words[2].start, words[2].end - words[2].start), "s");
  EXPECT_EQ(text.substr(words[3].start, words[3].end - words[3].start), "Kim");
  EXPECT_TRUE(words[3].ascii);
}

TEST(FindWordsTest, MarksPossessivesOnly) {
  EXPECT_EQ(Spans("Putin's plan"),
            (std::vector<Span>{{"Putin", true}, {"s", false}, {"plan", false}}));
  EXPECT_EQ(Spans("Putin’S"), (std::vector<Span>{{"Putin", true}, {"S", false}}));
  EXPECT_EQ(Spans("Putin'ist"), (std::vector<Span>{{"Putin", false}, {"ist", false}}));
  EXPECT_EQ(Spans("Putin 's"), (std::vector<Span>{{"Putin", false}, {"s", false}}));
  EXPECT_EQ(Spans("Putin'"), (std::vector<Span>{{"Putin", false}}));
}

TEST(FindWordsTest, TreatsInvalidUtf8AsSeparators) {
  EXPECT_EQ(Spans("Kim\xFFJong\xC3"), (std::vector<Span>{{"Kim", false}, {"Jong", false}}));
  EXPECT_EQ(Spans("\xE2\x80"), std::vector<Span>{});
  EXPECT_EQ(Spans("\xC3\xA9t\xC3"), (std::vector<Span>{{"\xC3\xA9t", false}}));
}

}  // namespace
}  // namespace vigil

namespace vigil {
namespace {

// Lithuanian and Czech š ž č are the English lists' sh zh ch; other
// accented letters are left to folding.
TEST(NormalizeTest, HushingLettersExpandToTheEnglishDigraphs) {
  EXPECT_TRUE(HasHushingLetter("Lukašenka"));
  EXPECT_TRUE(HasHushingLetter("ŽALGIRIS"));
  EXPECT_FALSE(HasHushingLetter("Łukaszenka"));
  EXPECT_EQ(ExpandHushingLetters("Šoigu Žukov Čech"), "shoigu zhukov chech");  // folded after anyway
  EXPECT_EQ(ExpandHushingLetters("Lukašenkos"), "Lukashenkos");
  EXPECT_TRUE(HasHushingLetter("Prigożyn"));  // Polish ż is ж
  EXPECT_EQ(ExpandHushingLetters("Prigożyn"), "Prigozhyn");
  EXPECT_EQ(ExpandHushingLetters("Vladimiroviç"), "Vladimirovich");  // Turkish
}

}  // namespace
}  // namespace vigil
