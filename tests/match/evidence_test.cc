// What the text says about a hit: the birth years it states, and words of
// sanctions, terrorism or armed conflict.
#include "evidence.h"

#include <gtest/gtest.h>

#include <string>

namespace vigil::match_internal {
namespace {

// The stated birth years of the name `name` in `text`, as "from-to", or ""
// if none.
std::string Stated(const std::string& text, const std::string& name, int year = 2024) {
  size_t start = text.find(name);
  EXPECT_NE(start, std::string::npos) << name;
  BirthRange range = StatedBirthYears(text, start, start + name.size(), year);
  if (range.from == 0) return "";
  return std::to_string(range.from) + "-" + std::to_string(range.to) + (range.from_age ? " age" : "");
}

TEST(StatedBirthYearsTest, ReadsAnAgeOrABirthYearBesideTheName) {
  EXPECT_EQ(Stated("Vladimir Putin, 71, said on Monday.", "Vladimir Putin"), "1952-1953 age");
  EXPECT_EQ(Stated("Wladimir Putin (71) sagte.", "Wladimir Putin"), "1952-1953 age");
  EXPECT_EQ(Stated("The 71-year-old Vladimir Putin said.", "Vladimir Putin"), "1952-1953 age");
  EXPECT_EQ(Stated("Der 71-jährige Wladimir Putin sagte.", "Wladimir Putin"), "1952-1953 age");
  EXPECT_EQ(Stated("Ali Hassan, aged 45, was held.", "Ali Hassan"), "1978-1979 age");
  EXPECT_EQ(Stated("Ali Hassan, 45 years old, was held.", "Ali Hassan"), "1978-1979 age");
  EXPECT_EQ(Stated("Vladimir Putin (born 1952) spoke.", "Vladimir Putin"), "1952-1952");
  EXPECT_EQ(Stated("Vladimir Putin, born in 1952, spoke.", "Vladimir Putin"), "1952-1952");
  EXPECT_EQ(Stated("Wladimir Putin (geb. 1952) sprach.", "Wladimir Putin"), "1952-1952");
  EXPECT_EQ(Stated("Władimir Putin (ur. 1952) mówił.", "Władimir Putin"), "1952-1952");
  EXPECT_EQ(Stated("Vladimir Poutine (né en 1952) a parlé.", "Vladimir Poutine"), "1952-1952");
  EXPECT_EQ(Stated("Vladimir Putin was born in Leningrad in 1952.", "Vladimir Putin"), "1952-1952");
  EXPECT_EQ(Stated("Владимир Высоцкий родился в Москве в 1938 году.", "Владимир Высоцкий"), "1938-1938");
  EXPECT_EQ(Stated("Wladimir Putin wurde 1952 in Leningrad geboren.", "Wladimir Putin"), "1952-1952");
  EXPECT_EQ(Stated("Wladimir Putin wurde 2000 Präsident.", "Wladimir Putin"), "");
  EXPECT_EQ(Stated("Vladimir Putin was born. In 1952 ...", "Vladimir Putin"), "");
  // A birth year needs no date; an age does.
  EXPECT_EQ(Stated("Vladimir Putin (born 1952) spoke.", "Vladimir Putin", 0), "1952-1952");
  EXPECT_EQ(Stated("Vladimir Putin, 71, said.", "Vladimir Putin", 0), "");
}

TEST(StatedBirthYearsTest, NumbersThatAreNoAgeAreNotRead) {
  EXPECT_EQ(Stated("Gazprom, 15 percent up, said.", "Gazprom"), "");
  EXPECT_EQ(Stated("Ali Hassan, 1987, a vintage.", "Ali Hassan"), "");
  EXPECT_EQ(Stated("Ali Hassan (12) scored.", "Ali Hassan"), "");   // a child, or a shirt number
  EXPECT_EQ(Stated("Ali Hassan, 250, was counted.", "Ali Hassan"), "");
  EXPECT_EQ(Stated("Ali Hassan (IRGC) said.", "Ali Hassan"), "");
  EXPECT_EQ(Stated("In 2-year-old Ali Hassan's case.", "Ali Hassan"), "");
  EXPECT_EQ(Stated("Ali Hassan said 71, 72.", "Ali Hassan"), "");
}

// A word opened by a quotation mark starts there ("„Hezbollah“",
// "«Хезболла»"); inside a word, a stem is no word.
TEST(FindSanctionsWordTest, FindsStemsAfterQuotationMarksButNotInsideWords) {
  auto found = [](std::string_view text) {
    const char* stem = FindSanctionsWord(text);
    return stem == nullptr ? std::string() : std::string(stem);
  };
  EXPECT_EQ(found("\xe2\x80\x9eHezbollah\xe2\x80\x9c vadas \xc5\xbeuvo."), "hezbollah");
  EXPECT_EQ(found("\xc2\xab\xd0\xa5\xd0\xb5\xd0\xb7\xd0\xb1\xd0\xbe\xd0\xbb\xd0\xbb\xd0\xb0\xc2\xbb"), "Хезболл");
  EXPECT_EQ(found("Teroristai paskelb\xc4\x97 atsakomyb\xc4\x99."), "teror");
  EXPECT_EQ(found("The Antiterrorist unit."), "");
  EXPECT_EQ(found("\xd0\x9f\xd1\x80\xd0\xbe\xd1\x82\xd0\xb8\xd0\xb2\xd0\xbe\xd1\x82\xd0\xb5\xd1\x80\xd1\x80\xd0\xbe\xd1\x80"), "");  // противотеррор
}

// The search reads sixteen bytes at a time: a word is found, and a stem
// inside a word is not, wherever the word falls across those blocks.
TEST(FindSanctionsWordTest, FindsWordsAtEveryOffset) {
  for (size_t pad = 0; pad < 40; ++pad) {
    std::string lead(pad, 'x');
    std::string spaced = lead + " embargo";
    EXPECT_STREQ(FindSanctionsWord(spaced), "embargo") << pad;
    if (pad > 0) {
      EXPECT_EQ(FindSanctionsWord(lead + "embargo"), nullptr) << pad;  // "xxembargo"
    }
    EXPECT_EQ(FindSanctionsWord(lead + "\xd0\xb9" "embargo"), nullptr) << pad;  // after "й"
    EXPECT_STREQ(FindSanctionsWord(lead + " \xc2\xab\xd1\x81\xd0\xb0\xd0\xbd\xd0\xba\xd1\x86\xd0\xb8\xd0\xb8\xc2\xbb"),
                 "санкци") << pad;  // «санкции»
    // The hit itself is skipped, and the word after it found.
    std::string twice = lead + " embargo, embargo";
    EXPECT_STREQ(FindSanctionsWord(twice, pad + 1, pad + 8), "embargo") << pad;
  }
}

}  // namespace
}  // namespace vigil::match_internal
