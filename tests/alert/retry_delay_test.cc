#include "vigil/alert/sender.h"

#include <gtest/gtest.h>

#include <set>

namespace vigil {
namespace {

using std::chrono::milliseconds;

constexpr milliseconds kBase(5000);
constexpr milliseconds kMax(3600000);

// Every draw lies within +-20% of `nominal`.
void ExpectWithinJitter(int attempts, milliseconds nominal) {
  for (int i = 0; i < 200; ++i) {
    milliseconds delay = AlertRetryDelay(attempts, kBase, kMax);
    EXPECT_GE(delay.count(), nominal.count() * 8 / 10) << "attempts " << attempts;
    EXPECT_LE(delay.count(), nominal.count() * 12 / 10) << "attempts " << attempts;
  }
}

TEST(AlertRetryDelayTest, DoublesFromBase) {
  ExpectWithinJitter(1, milliseconds(5000));
  ExpectWithinJitter(2, milliseconds(10000));
  ExpectWithinJitter(3, milliseconds(20000));
  ExpectWithinJitter(6, milliseconds(160000));
}

TEST(AlertRetryDelayTest, IsCappedAtMax) {
  ExpectWithinJitter(11, kMax);  // 5s * 2^10 = 5120s > 1h
  ExpectWithinJitter(12, kMax);
  ExpectWithinJitter(1000, kMax);  // no overflow for absurd counts
}

TEST(AlertRetryDelayTest, TreatsZeroAttemptsLikeOne) {
  ExpectWithinJitter(0, kBase);
}

TEST(AlertRetryDelayTest, JitterSpreadsDelays) {
  std::set<int64_t> seen;
  milliseconds min = kMax, max(0);
  for (int i = 0; i < 500; ++i) {
    milliseconds delay = AlertRetryDelay(3, kBase, kMax);
    seen.insert(delay.count());
    min = std::min(min, delay);
    max = std::max(max, delay);
  }
  // 500 uniform draws over +-4s: many distinct values, both halves reached.
  EXPECT_GT(seen.size(), 100u);
  EXPECT_LT(min.count(), 19000);
  EXPECT_GT(max.count(), 21000);
}

}  // namespace
}  // namespace vigil
