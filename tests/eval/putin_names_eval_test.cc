// rigour's 81 surface forms of Vladimir Putin's name, in ~30 scripts and
// languages, scanned against OFAC's entry for him (ent_num 35096).
#include "vigil/match/matcher.h"

#include <gtest/gtest.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>
#include <set>

#include "eval_data.h"
#include "eval_tally.h"
#include "real_lists.h"

namespace vigil::eval {
namespace {

// The script of the first letter that has one ("Latin", "Cyrillic", ...).
std::string ScriptOf(const std::string& text) {
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(text.size());
  while (i < length) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, length, c);
    if (c < 0) continue;
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    if (U_SUCCESS(status) && script != USCRIPT_COMMON && script != USCRIPT_INHERITED) {
      return uscript_getName(script);
    }
  }
  return "Common";
}

// Forms that are a title and the surname only. A surname alone is never a
// full-name hit by design, so these are expected misses, kept out of recall.
const std::set<std::string>& TitleAndSurnameForms() {
  static const auto* forms = new std::set<std::string>{
      "Präsident Putin", "Predsjednik Putin", "Președintele Putin", "Presiden Putin",
      "Presidente Putin", "Putyin elnök",     "Президент Путин"};
  return *forms;
}

// Scripts the matcher reads through transliteration (src/match/normalize.cc:
// Latin itself, Cyrillic, Greek, Armenian, Georgian, Hangul). A form in any
// other script (Arabic, Hebrew, Han, Kana, Indic, Khmer, Myanmar) is found
// only through an alias in that script, which OFAC does not give Putin: an
// expected miss, listed apart from the misses worth fixing.
bool CoveredScript(const std::string& script) {
  static const auto* covered = new std::set<std::string>{"Latin", "Cyrillic", "Greek",
                                                         "Armenian", "Georgian", "Hangul"};
  return covered->count(script) > 0;
}

// OFAC's Putin: from the real list when the ofac-sdn-csv loader and the
// shared data are there, else as OFAC writes him (sdn.csv + alt.csv).
Entity OfacPutin(std::string& source) {
  RealOfac ofac = LoadRealOfac(/*with_consolidated=*/false);
  if (!ofac.lists.empty()) {
    for (const Entity& entity : ofac.lists[0].entities) {
      if (entity.id == "35096") {
        source = "the real OFAC SDN list";
        return entity;
      }
    }
  }
  source = "a hand-written copy of OFAC 35096 (" + ofac.why + ")";
  Entity putin;
  putin.id = "35096";
  putin.name = "PUTIN, Vladimir Vladimirovich";
  putin.type = EntityType::kPerson;
  putin.aliases = {"PUTIN, Vladimir"};
  return putin;
}

TEST(PutinNamesEval, FormsOfPutinsNameFindHisOfacEntry) {
  auto file = SharedFile("names/rigour_putin_names.txt");
  if (!file) GTEST_SKIP() << "shared data absent: " VIGIL_SHARED_DATA "/names/rigour_putin_names.txt";
  std::vector<std::string> forms = ReadLines(*file);
  ASSERT_EQ(forms.size(), 81u);

  std::string source;
  Watchlist list;
  list.id = "ofac";
  list.entities.push_back(OfacPutin(source));
  auto matcher = Matcher::Build({list}, {});
  ASSERT_TRUE(matcher.ok()) << matcher.status().message();
  std::printf("[eval] Putin forms against %s: %zu names\n", source.c_str(),
              1 + list.entities[0].aliases.size());

  Tally full_names("rigour Putin forms, full names, alerts");
  Tally covered("rigour Putin forms, full names in covered scripts, alerts");
  std::vector<std::string> expected_misses;
  Tally with_candidates("rigour Putin forms, full names, alerts+candidates");
  std::map<std::string, std::pair<int, int>> by_script;  // found, total
  std::vector<std::string> title_alerts;
  for (const std::string& form : forms) {
    auto matches = (*matcher)->Scan(form, ScanOptions{.include_candidates = true});
    // A name match: an alert, or a candidate awaiting a document's
    // corroboration (the forms are bare names).
    const bool hit = HasNameMatch(matches, "35096");
    if (TitleAndSurnameForms().count(form) > 0) {
      if (hit) title_alerts.push_back(form);
      continue;
    }
    const std::string script = ScriptOf(form);
    full_names.Positive(hit, "[" + script + "] " + form);
    if (CoveredScript(script)) {
      covered.Positive(hit, "[" + script + "] " + form);
    } else if (!hit) {
      expected_misses.push_back("[" + script + "] " + form);
    }
    with_candidates.Positive(HasHit(matches, "35096", /*or_candidate=*/true), form);
    auto& [found, total] = by_script[script];
    found += hit ? 1 : 0;
    ++total;
  }
  full_names.Print(0);
  with_candidates.Print(0);
  covered.Print(100);
  std::printf("[eval] expected misses (script not transliterated, no alias in it): %zu\n",
              expected_misses.size());
  for (const std::string& form : expected_misses) std::printf("[eval]     %s\n", form.c_str());
  for (const auto& [script, counts] : by_script) {
    std::printf("[eval]   %-12s %d/%d found\n", script.c_str(), counts.first, counts.second);
  }
  std::printf("[eval] title + surname forms (expected misses, not in recall): %zu, alerted: %zu\n",
              TitleAndSurnameForms().size(), title_alerts.size());
  for (const std::string& form : title_alerts) std::printf("[eval]     alerted: %s\n", form.c_str());

  // A title and a surname is not a full name: never an alert.
  EXPECT_TRUE(title_alerts.empty());
  // Floor: measured 35/74 on 2026-11-28, 42/74 with the transliteration
  // families and case endings of 2026-12-07, 48/74 with the skeleton's one
  // hushing letter and the Dutch, Nordic, Catalan, Hungarian, Turkish and Ukrainian
  // readings, 50/74 with "В. В. Путин" and "Путин В. В." (initials)
  // (deterministic, so no slack).
  EXPECT_GE(full_names.found(), 50) << "recall fell";
  EXPECT_EQ(full_names.positives(), 74);  // the file's full-name forms, exactly
  EXPECT_EQ(covered.positives(), 58);     // of which in covered scripts
  // The figures that were only printed, as measured on 2026-12-07: floors on
  // what is found, a ceiling on the expected misses, so none gets worse
  // silently.
  EXPECT_EQ(list.entities[0].aliases.size(), 1u);  // OFAC's one alias for him
  EXPECT_GE(with_candidates.found(), 51) << "recall with candidates fell";
  EXPECT_GE(covered.found(), 50) << "recall in covered scripts fell";
  EXPECT_LE(expected_misses.size(), 16u) << "misses in scripts without transliteration rose";
  for (const auto& [script, min_found] :
       std::map<std::string, int>{{"Armenian", 1}, {"Cyrillic", 14}, {"Latin", 34}}) {
    EXPECT_GE(by_script[script].first, min_found) << script << ": recall fell";
  }
}

}  // namespace
}  // namespace vigil::eval
