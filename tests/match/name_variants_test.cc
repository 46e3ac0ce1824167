#include "src/match/name_variants.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace vigil {
namespace {

// "words|rule" per variant, for compact expectations.
std::vector<std::string> Describe(std::string_view name, bool reorder) {
  std::vector<std::string> out;
  for (const NameVariant& v : NameVariants(name, reorder)) {
    std::string s;
    for (const std::string& w : v.words) s += (s.empty() ? "" : " ") + w;
    out.push_back(s + "|" + VariantRuleName(v.rule));
  }
  return out;
}

TEST(NameVariantsTest, ExpandsCommaNames) {
  struct Case {
    std::string name;
    bool reorder;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"Vladimir Putin", true, {"vladimir putin|exact", "putin vladimir|reordered"}},
      {"PUTIN, Vladimir Vladimirovich",
       true,
       {"putin vladimir vladimirovich|exact", "vladimir vladimirovich putin|reordered",
        "vladimir putin|without-middle", "putin vladimir|surname-first",
        "vladimir v putin|middle-initial", "v v putin|initials", "putin v v|initials"}},
      // Korean names keep their order and are never shortened to "Jong Kim".
      {"KIM, Jong Un",
       true,
       {"kim jong un|exact", "jong un kim|reordered", "kim jongun|joined", "jongun kim|joined"}},
      {"Kim Jong-Un", true, {"kim jong un|exact", "kim jongun|joined"}},
      {"Vladimir Vladimirovich Putin", true,
       {"vladimir vladimirovich putin|exact", "vladimirovich putin vladimir|reordered",
        "vladimir putin|without-middle"}},
      // "al" is also written joined to the next word ("Albaghdadi").
      {"Abu Bakr al Baghdadi", true,
       {"abu bakr al baghdadi|exact", "bakr al baghdadi abu|reordered",
        "abu bakr albaghdadi|joined", "bakr albaghdadi abu|joined"}},
      {"Ibrahim Awad al Badri", true,
       {"ibrahim awad al badri|exact", "awad al badri ibrahim|reordered",
        "ibrahim al badri|without-middle", "ibrahim awad albadri|joined",
        "awad albadri ibrahim|joined", "ibrahim albadri|joined"}},
      {"MADURO MOROS, Nicolas",
       true,
       {"maduro moros nicolas|exact", "nicolas maduro moros|reordered",
        "nicolas maduro|double-surname-first"}},
      {"MADURO, Nicolas", true, {"maduro nicolas|exact", "nicolas maduro|reordered"}},
      {"DE LA CRUZ, Juan", true, {"de la cruz juan|exact", "juan de la cruz|reordered"}},
      {"ACME CO., LTD.", false, {"acme co ltd|exact"}},
      {"A, B, C", true, {"a b c|exact"}},  // two commas: not "LAST, First"
      {"MADONNA,", true, {"madonna|exact"}},
      {"Putin", true, {"putin|exact"}},
      {"X, X", true, {"x x|exact"}},
      {"—", true, {}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Describe(c.name, c.reorder), c.want) << "name: " << c.name;
  }
}

TEST(NameVariantsTest, StripsAndMovesLegalForms) {
  auto describe = [](std::string_view name, NameKind kind) {
    std::vector<std::string> out;
    for (const NameVariant& v : NameVariants(name, kind)) {
      std::string s;
      for (const std::string& w : v.words) s += (s.empty() ? "" : " ") + w;
      out.push_back(s + "|" + VariantRuleName(v.rule));
    }
    return out;
  };
  EXPECT_EQ(describe("ROSNEFT OIL COMPANY PJSC", NameKind::kOrganization),
            (std::vector<std::string>{"rosneft oil company pjsc|exact",
                                      "rosneft oil company|legal-form",
                                      "pjsc rosneft oil company|legal-form"}));
  EXPECT_EQ(describe("OOO Gazprom Export", NameKind::kOrganization),
            (std::vector<std::string>{"ooo gazprom export|exact", "gazprom export|legal-form",
                                      "gazprom export ooo|legal-form"}));
  EXPECT_EQ(describe("Banco Nacional S.A.", NameKind::kOrganization),
            (std::vector<std::string>{"banco nacional s a|exact", "banco nacional|legal-form",
                                      "s a banco nacional|legal-form"}));
  // A legal form is never the name itself.
  EXPECT_EQ(describe("LLC", NameKind::kOrganization), (std::vector<std::string>{"llc|exact"}));
  EXPECT_EQ(describe("JSC LLC", NameKind::kOrganization),
            (std::vector<std::string>{"jsc llc|exact"}));
  // A descriptor the press drops goes too, when a name remains: a long,
  // rare word, or several words; not a word and brand ("Astra"), nor the
  // "of Moscow" of BANK OF MOSCOW.
  EXPECT_EQ(describe("HOLDING COMPANY INTERROS OOO", NameKind::kOrganization),
            (std::vector<std::string>{"holding company interros ooo|exact",
                                      "holding company interros|legal-form", "interros|legal-form",
                                      "ooo holding company interros|legal-form"}));
  EXPECT_EQ(describe("MOSTAZAFAN FOUNDATION", NameKind::kOrganization),
            (std::vector<std::string>{"mostazafan foundation|exact", "mostazafan|legal-form"}));
  EXPECT_EQ(describe("AL-QARD AL-HASSAN ASSOCIATION", NameKind::kOrganization),
            (std::vector<std::string>{"al qard al hassan association|exact",
                                      "al qard al hassan|legal-form"}));
  EXPECT_EQ(describe("PUBLIC JOINT STOCK COMPANY ASTRA GROUP", NameKind::kOrganization),
            (std::vector<std::string>{"public joint stock company astra group|exact",
                                      "astra group|legal-form",
                                      "astra group public joint stock company|legal-form"}));
  EXPECT_EQ(describe("OAO AVIAKOMPANIYA BELAVIA", NameKind::kOrganization),
            (std::vector<std::string>{"oao aviakompaniya belavia|exact",
                                      "aviakompaniya belavia|legal-form", "belavia|legal-form",
                                      "aviakompaniya belavia oao|legal-form"}));
  // A military unit is also named without its army.
  EXPECT_EQ(describe("99TH LIGHT INFANTRY DIVISION OF THE BURMESE ARMY", NameKind::kOrganization),
            (std::vector<std::string>{"99th light infantry division of the burmese army|exact",
                                      "99th light infantry division|legal-form"}));
  // A body named by "al" and one word is also written joined; a longer
  // body's name keeps its "al" apart.
  EXPECT_EQ(describe("AL-SHABAAB", NameKind::kOrganization),
            (std::vector<std::string>{"al shabaab|exact", "alshabaab|joined"}));
  EXPECT_EQ(describe("AL-QARD AL-HASSAN", NameKind::kOrganization),
            (std::vector<std::string>{"al qard al hassan|exact"}));
  EXPECT_EQ(describe("MINISTRY OF THE INTERIOR", NameKind::kOrganization),
            (std::vector<std::string>{"ministry of the interior|exact"}));
  EXPECT_EQ(describe("BANK OF MOSCOW", NameKind::kOrganization),
            (std::vector<std::string>{"bank of moscow|exact"}));
  // People and vessels keep their words.
  EXPECT_EQ(describe("SA", NameKind::kPlain), (std::vector<std::string>{"sa|exact"}));
  EXPECT_TRUE(IsLegalFormWord("gmbh"));
  EXPECT_FALSE(IsLegalFormWord("rosneft"));
}

}  // namespace
}  // namespace vigil

namespace vigil {
namespace {

// A title at the head of the given names ("Shaykh") is how the list
// addresses the person, not how news names him: the full name is also
// read without it.
TEST(NameVariantsTest, AFullNameIsAlsoReadWithoutItsTitle) {
  std::vector<std::string> got = Describe("FADLALLAH, Shaykh Muhammad Husayn", true);
  EXPECT_NE(std::find(got.begin(), got.end(), "muhammad husayn fadlallah|reordered"), got.end());
  EXPECT_NE(std::find(got.begin(), got.end(), "shaykh muhammad husayn fadlallah|reordered"), got.end());
}

}  // namespace
}  // namespace vigil
