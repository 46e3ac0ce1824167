// watchman's 22 cross-script pairs: a non-Latin name (Arabic, Cyrillic, Han,
// Hangul, Japanese, Greek, Hebrew, Thai) scanned against its Latin spelling
// as the listed name.
#include "vigil/match/matcher.h"

#include <gtest/gtest.h>

#include "eval_data.h"
#include "eval_tally.h"

namespace vigil::eval {
namespace {

TEST(CrossScriptEval, NonLatinNameFindsLatinListedName) {
  auto file = SharedFile("names/watchman_cross_script_pairs.csv");
  if (!file) GTEST_SKIP() << "shared data absent: " VIGIL_SHARED_DATA "/names/watchman_cross_script_pairs.csv";
  // A bare name has no document to corroborate a common name: a name match
  // is an alert or a candidate awaiting corroboration (HasNameMatch()).
  Tally alerts("watchman cross-script pairs, name matches");
  Tally with_candidates("watchman cross-script pairs, alerts+candidates");
  for (const auto& row : ReadCsv(*file)) {
    // Comment lines ("# Format: Query,Expected Match,...") and blank lines.
    if (row.size() < 2 || row[0].empty() || row[0][0] == '#') continue;
    Entity entity;
    entity.id = "listed";
    entity.name = row[1];
    entity.type = EntityType::kPerson;
    Watchlist list;
    list.id = "pairs";
    list.entities.push_back(entity);
    auto matcher = Matcher::Build({list}, {});
    ASSERT_TRUE(matcher.ok()) << matcher.status().message();
    auto matches = (*matcher)->Scan(row[0], ScanOptions{.include_candidates = true});
    const std::string example = "\"" + row[0] + "\" vs listed \"" + row[1] + "\" (" +
                                (row.size() > 3 ? row[3] : "") + ")";
    alerts.Positive(HasNameMatch(matches, "listed"), example);
    with_candidates.Positive(HasHit(matches, "listed", /*or_candidate=*/true), example);
  }
  ASSERT_EQ(alerts.positives(), 22);
  alerts.Print(22);
  with_candidates.Print(0);
  // Floor: measured 4/22 on 2026-11-28 (deterministic, so no slack).
  EXPECT_GE(alerts.found(), 4) << "recall fell";
  // Floor: today's value (5/22, 2026-12-07), so it cannot fall silently.
  EXPECT_GE(with_candidates.found(), 5) << "recall with candidates fell";
}

}  // namespace
}  // namespace vigil::eval
