#include "vigil/runtime/watchlist_refresher.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

using std::chrono::milliseconds;
using namespace std::chrono_literals;

TEST(ListRetryDelayTest, BacksOffFromTenSecondsUpToTheCap) {
  EXPECT_EQ(ListRetryDelay(1, 24h, 1h), milliseconds(10s));
  EXPECT_EQ(ListRetryDelay(2, 24h, 1h), milliseconds(20s));
  EXPECT_EQ(ListRetryDelay(4, 24h, 1h), milliseconds(80s));
  EXPECT_EQ(ListRetryDelay(10, 24h, 1h), milliseconds(1h));
  EXPECT_EQ(ListRetryDelay(1000, 24h, 1h), milliseconds(1h));
}

TEST(ListRetryDelayTest, NeverWaitsLongerThanTheRefreshInterval) {
  EXPECT_EQ(ListRetryDelay(1, 1s, 1h), milliseconds(1s));
  EXPECT_EQ(ListRetryDelay(9, 1s, 1h), milliseconds(1s));
  EXPECT_EQ(ListRetryDelay(5, 2min, 1h), milliseconds(2min));
}

}  // namespace
}  // namespace vigil
