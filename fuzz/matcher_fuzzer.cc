// The matcher over arbitrary text, against a fixed list that exercises every
// variant rule; offsets must lie on the text and name what they cover.
// Half the inputs also become list names, so building is fuzzed too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "utf8_check.h"
#include "vigil/match/matcher.h"

namespace {

std::vector<vigil::Watchlist> FixedLists() {
  vigil::Watchlist list;
  list.id = "fuzz";
  list.entities = {
      {.id = "1", .name = "PUTIN, Vladimir Vladimirovich", .type = vigil::EntityType::kPerson,
       .aliases = {"Владимир Путин", "PUTIN, Vladimir"}},
      {.id = "2", .name = "KIM, Jong Un", .type = vigil::EntityType::kPerson},
      {.id = "3", .name = "MADURO MOROS, Nicolas", .type = vigil::EntityType::kPerson},
      {.id = "4", .name = "ROSNEFT OIL COMPANY PJSC", .type = vigil::EntityType::kOrganization},
      {.id = "5", .name = "HUMANITY", .type = vigil::EntityType::kVessel},
      {.id = "6", .name = "محمد", .type = vigil::EntityType::kPerson},
      {.id = "7", .name = "金正恩", .type = vigil::EntityType::kPerson},
  };
  return {list};
}

void CheckMatches(const vigil::Matcher& matcher, std::string_view text) {
  vigil::ScanOptions options;
  options.include_candidates = true;
  for (const vigil::Match& match : matcher.Scan(text, options)) {
    if (match.start > match.end || match.end > text.size()) std::abort();
    if (match.matched != text.substr(match.start, match.end - match.start)) std::abort();
    if (!(match.score >= 0.0 && match.score <= 1.0)) std::abort();
    vigil::fuzz::CheckUtf8(match.snippet);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::shared_ptr<const vigil::Matcher> fixed =
      vigil::Matcher::Build(FixedLists(), {{.id = "kw", .terms = {"arms deal", "sanctions"}}})
          .value();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckMatches(*fixed, text);
  if (size > 1 && (data[0] & 1)) {
    // The input's first line becomes a listed name; the rest is scanned.
    size_t newline = text.find('\n');
    std::string_view name = text.substr(1, newline == std::string_view::npos ? 64 : newline - 1);
    vigil::Watchlist list;
    list.id = "fuzzed";
    list.entities = {{.id = "x", .name = std::string(name), .type = vigil::EntityType::kPerson}};
    auto built = vigil::Matcher::Build({list}, {});
    if (built.ok()) CheckMatches(**built, text);
  }
  return 0;
}
