#include "vigil/match/name_variants.h"

#include <algorithm>

#include "vigil/match/normalize.h"

namespace vigil {

const char* VariantRuleName(VariantRule rule) {
  switch (rule) {
    case VariantRule::kExact:
      return "exact";
    case VariantRule::kReordered:
      return "reordered";
    case VariantRule::kWithoutMiddle:
      return "without-middle";
  }
  return "exact";
}

std::vector<NameVariant> NameVariants(std::string_view name, bool reorder_comma) {
  std::vector<NameVariant> variants;
  std::vector<std::string> written = NormalizeWords(name);
  if (written.empty()) return variants;
  variants.push_back(NameVariant{written, VariantRule::kExact});

  size_t comma = name.find(',');
  if (!reorder_comma || comma == std::string_view::npos ||
      name.find(',', comma + 1) != std::string_view::npos) {
    return variants;
  }
  std::vector<std::string> last = NormalizeWords(name.substr(0, comma));
  std::vector<std::string> given = NormalizeWords(name.substr(comma + 1));
  if (last.empty() || given.empty()) return variants;

  NameVariant reordered{given, VariantRule::kReordered};
  reordered.words.insert(reordered.words.end(), last.begin(), last.end());
  variants.push_back(std::move(reordered));
  if (given.size() >= 2) {
    NameVariant short_form{{given.front()}, VariantRule::kWithoutMiddle};
    short_form.words.insert(short_form.words.end(), last.begin(), last.end());
    variants.push_back(std::move(short_form));
  }
  // "LAST, LAST" style oddities make a reordering equal an earlier form.
  for (size_t i = variants.size(); i-- > 1;) {
    auto same = [&](const NameVariant& v) { return v.words == variants[i].words; };
    if (std::any_of(variants.begin(), variants.begin() + i, same)) {
      variants.erase(variants.begin() + i);
    }
  }
  return variants;
}

}  // namespace vigil
