#include "eval_tally.h"

#include <cstdio>


namespace vigil::eval {
namespace {

double Ratio(int part, int whole) { return whole == 0 ? 0.0 : double(part) / whole; }

}  // namespace

void Tally::Positive(bool found, std::string_view example) {
  ++positives_;
  if (found) {
    ++found_;
  } else {
    misses_.emplace_back(example);
  }
}

void Tally::Negative(bool alarm, std::string_view example) {
  ++negatives_;
  if (alarm) {
    ++false_alarms_;
    alarms_.emplace_back(example);
  }
}

double Tally::recall() const { return Ratio(found_, positives_); }
double Tally::false_alarm_rate() const { return Ratio(false_alarms_, negatives_); }

void Tally::Print(size_t max_examples) const {
  std::string figures;
  char part[96];
  if (positives_ > 0) {
    std::snprintf(part, sizeof part, "recall %d/%d = %.1f%%", found_, positives_, 100 * recall());
    figures += part;
  }
  if (negatives_ > 0) {
    std::snprintf(part, sizeof part, "%sfalse alarms %d/%d = %.2f%%", figures.empty() ? "" : "; ",
                  false_alarms_, negatives_, 100 * false_alarm_rate());
    figures += part;
  }
  std::printf("[eval] %s: %s\n", name_.c_str(), figures.c_str());
  for (size_t i = 0; i < misses_.size() && i < max_examples; ++i) {
    std::printf("[eval]     miss: %s\n", misses_[i].c_str());
  }
  if (max_examples > 0 && misses_.size() > max_examples) {
    std::printf("[eval]     ... %zu more misses\n", misses_.size() - max_examples);
  }
  for (size_t i = 0; i < alarms_.size() && i < max_examples; ++i) {
    std::printf("[eval]     false alarm: %s\n", alarms_[i].c_str());
  }
  if (max_examples > 0 && alarms_.size() > max_examples) {
    std::printf("[eval]     ... %zu more false alarms\n", alarms_.size() - max_examples);
  }
  std::fflush(stdout);
}

bool HasNameMatch(const std::vector<Match>& matches, std::string_view entity_id) {
  for (const Match& match : matches) {
    if (match.kind == MatchKind::kEntity && match.entity_id == entity_id &&
        (match.alert || match.awaits_corroboration)) {
      return true;
    }
  }
  return false;
}

bool HasHit(const std::vector<Match>& matches, std::string_view entity_id, bool or_candidate) {
  for (const Match& match : matches) {
    if (match.kind == MatchKind::kEntity && match.entity_id == entity_id &&
        (match.alert || or_candidate)) {
      return true;
    }
  }
  return false;
}

bool HasAlert(const std::vector<Match>& matches) {
  for (const Match& match : matches) {
    if (match.kind == MatchKind::kEntity && match.alert) return true;
  }
  return false;
}

std::string Describe(const Match& match) {
  char score[16];
  std::snprintf(score, sizeof score, "%.2f", match.score);
  return "\"" + match.matched + "\" -> " + match.entity_id + " " + match.entity_name + " (" +
         match.matched_name + ", " + match.rule + ", " + score + (match.alert ? "" : ", candidate") +
         ")";
}

}  // namespace vigil::eval
