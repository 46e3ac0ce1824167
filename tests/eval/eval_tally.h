// Counting and printing evaluation figures.
#ifndef VIGIL_TESTS_EVAL_EVAL_TALLY_H_
#define VIGIL_TESTS_EVAL_EVAL_TALLY_H_

#include <string>
#include <string_view>
#include <vector>

#include "vigil/match/matcher.h"
#include "vigil/model/watchlist.h"

namespace vigil::eval {

// Recall over positive cases and false alarms over negative cases, with the
// first few examples of each kind of error kept for the printout.
class Tally {
 public:
  explicit Tally(std::string name) : name_(std::move(name)) {}

  void Positive(bool found, std::string_view example);
  void Negative(bool alarm, std::string_view example);

  int positives() const { return positives_; }
  int found() const { return found_; }
  int negatives() const { return negatives_; }
  int false_alarms() const { return false_alarms_; }
  double recall() const;            // found / positives
  double false_alarm_rate() const;  // false_alarms / negatives

  // "name: recall 12/20 = 60.0%; false alarms 1/30 = 3.33%", then up to
  // `max_examples` misses and false alarms each (none at all with 0).
  void Print(size_t max_examples = 8) const;

 private:
  std::string name_;
  int positives_ = 0;
  int found_ = 0;
  int negatives_ = 0;
  int false_alarms_ = 0;
  std::vector<std::string> misses_;
  std::vector<std::string> alarms_;
};

// True if `matches` holds an entity hit on `entity_id` (an alert, or also a
// candidate when `or_candidate`).
bool HasHit(const std::vector<Match>& matches, std::string_view entity_id,
            bool or_candidate = false);
bool HasAlert(const std::vector<Match>& matches);
// True if `matches` holds an alert on `entity_id` or a candidate that only
// awaits the document's corroboration (Match::awaits_corroboration): the
// name matched. Sets of bare names have no document to corroborate them.
bool HasNameMatch(const std::vector<Match>& matches, std::string_view entity_id);

// "Kim Jong Un → 20157 (exact, 1.00)" for the printouts.
std::string Describe(const Match& match);

}  // namespace vigil::eval

#endif  // VIGIL_TESTS_EVAL_EVAL_TALLY_H_
