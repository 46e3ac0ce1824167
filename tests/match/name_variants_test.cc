#include "vigil/match/name_variants.h"

#include <gtest/gtest.h>

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
      {"Vladimir Putin", true, {"vladimir putin|exact"}},
      {"PUTIN, Vladimir Vladimirovich",
       true,
       {"putin vladimir vladimirovich|exact", "vladimir vladimirovich putin|reordered",
        "vladimir putin|without-middle"}},
      {"KIM, Jong Un", true, {"kim jong un|exact", "jong un kim|reordered", "jong kim|without-middle"}},
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

}  // namespace
}  // namespace vigil
