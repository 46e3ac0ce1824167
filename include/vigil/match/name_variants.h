// The word sequences a listed name is searched for.
#ifndef VIGIL_MATCH_NAME_VARIANTS_H_
#define VIGIL_MATCH_NAME_VARIANTS_H_

#include <string>
#include <string_view>
#include <vector>

namespace vigil {

// How a variant derives from the name as listed. Lower values are preferred
// when two variants of one entity find the same text.
enum class VariantRule { kExact, kReordered, kWithoutMiddle };

// "exact", "reordered", "without-middle".
const char* VariantRuleName(VariantRule rule);

struct NameVariant {
  std::vector<std::string> words;  // normalised, see NormalizeWord()
  VariantRule rule = VariantRule::kExact;
};

// The variants of `name`; empty if it has no words.
//
// Always the words as written (kExact). If `reorder_comma` and the name has
// exactly one comma with words on both sides ("LAST, First Middle", the order
// sanctions lists use for people) also "First Middle LAST" (kReordered) and,
// when there is a middle part, "First LAST" (kWithoutMiddle). The exact form
// keeps the list order, which is how Korean and Chinese names are written
// ("KIM, Jong Un" finds "Kim Jong Un"). The LAST part alone is never a variant.
std::vector<NameVariant> NameVariants(std::string_view name, bool reorder_comma);

}  // namespace vigil

#endif  // VIGIL_MATCH_NAME_VARIANTS_H_
