#include "vigil/alert/sender.h"

#include <gtest/gtest.h>

#include <set>

namespace vigil {
namespace {

using std::chrono::milliseconds;
using namespace std::chrono_literals;

const std::vector<milliseconds> kStandard = {5s, 5min, 30min, 2h, 5h, 10h, 10h};

// Every draw lies within +-10% of `nominal`.
void ExpectWithinJitter(const std::vector<milliseconds>& backoff, int attempts,
                        milliseconds nominal) {
  for (int i = 0; i < 200; ++i) {
    std::optional<milliseconds> delay = WebhookRetryDelay(backoff, attempts);
    ASSERT_TRUE(delay.has_value()) << "attempts " << attempts;
    EXPECT_GE(delay->count(), nominal.count() * 9 / 10) << "attempts " << attempts;
    EXPECT_LE(delay->count(), nominal.count() * 11 / 10) << "attempts " << attempts;
  }
}

TEST(WebhookRetryDelayTest, FollowsTheScheduleStepByStep) {
  ExpectWithinJitter(kStandard, 1, 5s);
  ExpectWithinJitter(kStandard, 2, 5min);
  ExpectWithinJitter(kStandard, 3, 30min);
  ExpectWithinJitter(kStandard, 4, 2h);
  ExpectWithinJitter(kStandard, 5, 5h);
  ExpectWithinJitter(kStandard, 6, 10h);
  ExpectWithinJitter(kStandard, 7, 10h);
}

TEST(WebhookRetryDelayTest, ExhaustedScheduleMeansDeadLetter) {
  EXPECT_FALSE(WebhookRetryDelay(kStandard, 8).has_value());
  EXPECT_FALSE(WebhookRetryDelay(kStandard, 1000).has_value());
  // An empty schedule: one attempt only.
  EXPECT_FALSE(WebhookRetryDelay({}, 1).has_value());
}

TEST(WebhookRetryDelayTest, TreatsZeroAttemptsLikeOne) {
  ExpectWithinJitter(kStandard, 0, 5s);
}

TEST(WebhookRetryDelayTest, JitterSpreadsDelays) {
  std::set<int64_t> seen;
  milliseconds min = 1h, max(0);
  for (int i = 0; i < 500; ++i) {
    milliseconds delay = *WebhookRetryDelay(kStandard, 2);
    seen.insert(delay.count());
    min = std::min(min, delay);
    max = std::max(max, delay);
  }
  // 500 uniform draws over 270..330 s: many distinct values, both halves.
  EXPECT_GT(seen.size(), 100u);
  EXPECT_LT(min.count(), 295'000);
  EXPECT_GT(max.count(), 305'000);
}

}  // namespace
}  // namespace vigil
