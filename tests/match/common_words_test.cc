// The ordinary-word lists: English (ClassifyWord) and the other languages
// Vigil reads news in (IsForeignWord), looked up by binary search over the
// embedded text.
#include "common_words.h"

#include <gtest/gtest.h>

#include <string>

namespace vigil::match_internal {
namespace {

TEST(CommonWordsTest, ForeignWordsAreFoundInEveryLanguageAsTheMatcherFoldsThem) {
  EXPECT_TRUE(IsForeignWord("albatros"));  // German, Polish
  EXPECT_TRUE(IsForeignWord("vertikal"));  // Russian вертикаль
  EXPECT_TRUE(IsForeignWord("sentyabr"));  // Russian сентябрь, as BGN spells it
  EXPECT_TRUE(IsForeignWord("sberbank"));  // Russian сбербанк, a savings bank
  EXPECT_TRUE(IsForeignWord("zuverlassig"));  // German zuverlässig, diacritics dropped
  // Names, and proper nouns of the dictionaries, are not words.
  EXPECT_FALSE(IsForeignWord("severstal"));
  EXPECT_FALSE(IsForeignWord("transneft"));
  EXPECT_FALSE(IsForeignWord("gazprom"));    // German's dictionary has it as a name
  EXPECT_FALSE(IsForeignWord("hisbollah"));  // likewise
  EXPECT_FALSE(IsForeignWord(""));
}

TEST(CommonWordsTest, ForeignWordsTextIsSortedForTheBinarySearch) {
  std::string_view text = ForeignWordsText();
  std::string_view previous;
  size_t words = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view word = text.substr(pos, eol - pos);
    pos = eol + 1;
    if (word.empty() || word[0] == '#') continue;
    ASSERT_LT(previous, word) << "after " << words << " words";
    // Every word of the list is found: the search handles both ends.
    if (words % 997 == 0) {
      EXPECT_TRUE(IsForeignWord(word)) << word;
    }
    previous = word;
    ++words;
  }
  EXPECT_TRUE(IsForeignWord(previous)) << "the last word";
  EXPECT_GT(words, 500000u);
}

}  // namespace
}  // namespace vigil::match_internal
