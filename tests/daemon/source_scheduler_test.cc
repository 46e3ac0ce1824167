#include "src/daemon/source_scheduler.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

using std::chrono::milliseconds;
using namespace std::chrono_literals;

TEST(NextPollDelayTest, HealthySourceWaitsItsIntervalWithJitter) {
  EXPECT_EQ(NextPollDelay(10min, 0.0, 0, 1h, 0.7), milliseconds(10min));
  EXPECT_EQ(NextPollDelay(10min, 0.1, 0, 1h, 0.0), milliseconds(9min));
  EXPECT_EQ(NextPollDelay(10min, 0.1, 0, 1h, 0.5), milliseconds(10min));
  EXPECT_GE(NextPollDelay(10min, 0.1, 0, 1h, 0.9999), milliseconds(659'000));
  EXPECT_LE(NextPollDelay(10min, 0.1, 0, 1h, 0.9999), milliseconds(11min));
}

TEST(NextPollDelayTest, FailuresBackOffExponentiallyUpToTheCap) {
  EXPECT_EQ(NextPollDelay(1min, 0.0, 1, 1h, 0.5), milliseconds(2min));
  EXPECT_EQ(NextPollDelay(1min, 0.0, 2, 1h, 0.5), milliseconds(4min));
  EXPECT_EQ(NextPollDelay(1min, 0.0, 5, 1h, 0.5), milliseconds(32min));
  EXPECT_EQ(NextPollDelay(1min, 0.0, 6, 1h, 0.5), milliseconds(1h));
  EXPECT_EQ(NextPollDelay(1min, 0.0, 1000, 1h, 0.5), milliseconds(1h));
  // A source polled less often than the cap is never polled more often.
  EXPECT_EQ(NextPollDelay(2h, 0.0, 3, 1h, 0.5), milliseconds(2h));
}

}  // namespace
}  // namespace vigil
