#include "src/alert/retry_after.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

using std::chrono::milliseconds;

// 1994-11-06T08:49:37Z, the RFC's example date.
constexpr int64_t kRfcDateMs = 784111777000;

TEST(ParseRetryAfterTest, ReadsDeltaSeconds) {
  EXPECT_EQ(ParseRetryAfter("7", 0), milliseconds(7000));
  EXPECT_EQ(ParseRetryAfter(" 120 ", 0), milliseconds(120000));
  EXPECT_EQ(ParseRetryAfter("0", 0), milliseconds(0));
}

TEST(ParseRetryAfterTest, ReadsHttpDatesRelativeToNow) {
  const int64_t now = kRfcDateMs - 30000;
  EXPECT_EQ(ParseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", now), milliseconds(30000));
  EXPECT_EQ(ParseRetryAfter("Sunday, 06-Nov-94 08:49:37 GMT", now), milliseconds(30000));
  EXPECT_EQ(ParseRetryAfter("Sun Nov  6 08:49:37 1994", now), milliseconds(30000));
}

TEST(ParseRetryAfterTest, DateInThePastMeansNoDelay) {
  EXPECT_EQ(ParseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", kRfcDateMs + 5000),
            milliseconds(0));
}

TEST(ParseRetryAfterTest, HugeDeltaIsCappedNotOverflowed) {
  std::optional<milliseconds> delay = ParseRetryAfter("99999999999999999999999", 0);
  ASSERT_TRUE(delay.has_value());
  EXPECT_GT(delay->count(), 0);
}

TEST(ParseRetryAfterTest, RejectsMalformedValues) {
  for (const char* value : {"", "  ", "-5", "1.5", "7s", "soon", "Sun, 06 Nov 1994",
                            "Sun, 06 Nov 1994 08:49:37 PST"}) {
    EXPECT_FALSE(ParseRetryAfter(value, 0).has_value()) << value;
  }
}

}  // namespace
}  // namespace vigil
