// yente's candidate-generation fixtures: 683 UN-listed persons as listed
// ("untreated") and as searched ("treated": typos, "SURNAME, GIVEN"
// reordering), plus 100,000 synthetic non-sanctioned persons.
#include "vigil/match/matcher.h"

#include <gtest/gtest.h>

#include <chrono>

#include "eval_data.h"
#include "eval_tally.h"
#include "real_lists.h"

namespace vigil::eval {
namespace {

// The untreated UN names, listed as persons with their row number as id.
Result<std::shared_ptr<const Matcher>> BuildUnMatcher(
    const std::vector<std::map<std::string, std::string>>& untreated) {
  Watchlist list;
  list.id = "un";
  for (size_t i = 0; i < untreated.size(); ++i) {
    Entity entity;
    entity.id = std::to_string(i);
    entity.name = untreated[i].at("full_name");
    entity.type = EntityType::kPerson;
    list.entities.push_back(std::move(entity));
  }
  return Matcher::Build({list}, {});
}

TEST(YenteEval, TreatedUnNamesFindTheirListedPerson) {
  auto untreated_file = SharedFile("names/yente_positives_un_untreated.csv");
  auto treated_file = SharedFile("names/yente_positives_un_treated.csv");
  if (!untreated_file || !treated_file) {
    GTEST_SKIP() << "shared data absent: " VIGIL_SHARED_DATA "/names/yente_positives_un_*.csv";
  }
  auto untreated = ReadCsvWithHeader(*untreated_file);
  auto treated = ReadCsvWithHeader(*treated_file);
  ASSERT_EQ(untreated.size(), 683u);
  ASSERT_EQ(treated.size(), untreated.size());
  auto matcher = BuildUnMatcher(untreated);
  ASSERT_TRUE(matcher.ok()) << matcher.status().message();

  // A bare name has no document to corroborate a common name: a name match
  // is an alert or a candidate awaiting corroboration (HasNameMatch()).
  Tally alerts("yente UN treated -> untreated, name matches");
  Tally changed("yente UN treated -> untreated, name matches, names that differ");
  Tally bare_alerts("yente UN treated -> untreated, alerts without a document");
  Tally with_candidates("yente UN treated -> untreated, alerts+candidates");
  int wrong_person = 0;
  for (size_t i = 0; i < treated.size(); ++i) {
    const std::string& text = treated[i].at("full_name");
    const std::string& listed = untreated[i].at("full_name");
    auto matches = (*matcher)->Scan(text, ScanOptions{.include_candidates = true});
    const std::string id = std::to_string(i);
    const bool hit = HasNameMatch(matches, id);
    const std::string example = "\"" + text + "\" vs listed \"" + listed + "\"";
    bare_alerts.Positive(HasHit(matches, id), example);
    alerts.Positive(hit, example);
    with_candidates.Positive(HasHit(matches, id, /*or_candidate=*/true), example);
    if (text != listed) changed.Positive(hit, example);
    for (const Match& match : matches) {
      if (match.alert && match.entity_id != id) ++wrong_person;
    }
  }
  alerts.Print(0);
  changed.Print(12);
  with_candidates.Print(0);
  bare_alerts.Print(0);
  std::printf("[eval] yente UN treated: %d alerts on another listed person\n", wrong_person);

  // Floor: measured 633/683 on 2026-12-07 (deterministic, so no slack).
  EXPECT_GE(alerts.found(), 633) << "recall fell";
  // The figures that were only printed, as measured on 2026-12-07: floors on
  // recall, a ceiling on alerts for the wrong person, so none gets worse
  // silently.
  EXPECT_EQ(changed.positives(), 170);  // treated names that differ, exactly
  EXPECT_GE(changed.found(), 123) << "recall on changed names fell";
  EXPECT_GE(with_candidates.found(), 636) << "recall with candidates fell";
  EXPECT_LE(wrong_person, 2) << "alerts on another listed person rose";
  EXPECT_GE(bare_alerts.found(), 606) << "alerts without a document fell";
}

// Negatives: the synthetic persons scanned against the UN names, and against
// the real OFAC SDN list when its loader and the shared data are there. A
// deterministic sample (every 5th row of each file) keeps this to a second.
TEST(YenteEval, SyntheticPersonsRaiseNoAlerts) {
  auto untreated_file = SharedFile("names/yente_positives_un_untreated.csv");
  auto global_file = SharedFile("names/yente_negatives_global.csv");
  auto us_file = SharedFile("names/yente_negatives_us.csv");
  if (!untreated_file || !global_file || !us_file) {
    GTEST_SKIP() << "shared data absent: " VIGIL_SHARED_DATA "/names/yente_*.csv";
  }
  auto un = BuildUnMatcher(ReadCsvWithHeader(*untreated_file));
  ASSERT_TRUE(un.ok()) << un.status().message();
  RealOfac ofac = LoadRealOfac(/*with_consolidated=*/false);
  ASSERT_FALSE(ofac.failed) << ofac.why;
  std::shared_ptr<const Matcher> ofac_matcher;
  if (ofac.lists.empty()) {
    std::printf("[eval] yente negatives vs OFAC: not run (%s)\n", ofac.why.c_str());
  } else {
    auto built = Matcher::Build(ofac.lists, {});
    ASSERT_TRUE(built.ok()) << built.status().message();
    ofac_matcher = *built;
  }

  Tally vs_un("yente negatives (global+us, every 5th) vs 683 UN names");
  Tally vs_ofac("yente negatives (global+us, every 5th) vs OFAC SDN");
  // Also the names that match but await a document's corroboration.
  Tally vs_ofac_names("yente negatives (global+us, every 5th) vs OFAC SDN, name matches");
  auto started = std::chrono::steady_clock::now();
  for (const auto& file : {*global_file, *us_file}) {
    auto rows = ReadCsvWithHeader(file);
    ASSERT_EQ(rows.size(), 50000u) << file;
    for (size_t i = 0; i < rows.size(); i += 5) {
      const std::string& text = rows[i].at("full_name");
      auto matches = (*un)->Scan(text);
      vs_un.Negative(HasAlert(matches), "\"" + text + "\": " +
                                            (matches.empty() ? "" : Describe(matches[0])));
      if (ofac_matcher) {
        matches = ofac_matcher->Scan(text, ScanOptions{.include_candidates = true});
        bool named = std::any_of(matches.begin(), matches.end(), [](const Match& m) {
          return m.alert || m.awaits_corroboration;
        });
        vs_ofac.Negative(HasAlert(matches), "\"" + text + "\": " +
                                                (matches.empty() ? "" : Describe(matches[0])));
        vs_ofac_names.Negative(named, "\"" + text + "\"");
      }
    }
  }
  auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  vs_un.Print(12);
  if (ofac_matcher) vs_ofac.Print(12);
  if (ofac_matcher) vs_ofac_names.Print(0);
  std::printf("[eval] yente negatives: %.2f s\n", elapsed.count());

  // Ceilings: measured on 2026-11-28, vs UN 0/20000, vs OFAC 106/20000, 44
  // after the scan-news false-alarm rules of 10:08 (deterministic, so no slack).
  EXPECT_LE(vs_un.false_alarms(), 0) << "false alarms rose";
  if (ofac_matcher) {
    // 9 after the evidence rules of 2026-12-07; the names matching but
    // awaiting a document's corroboration, 77.
    EXPECT_LE(vs_ofac.false_alarms(), 2) << "false alarms rose";
    EXPECT_LE(vs_ofac_names.false_alarms(), 58) << "name matches on synthetic persons rose";
  }
}

}  // namespace
}  // namespace vigil::eval
