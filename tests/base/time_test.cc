#include "vigil/base/time.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

using std::chrono::milliseconds;

TEST(ParseDurationTest, AcceptsDocumentedForms) {
  EXPECT_EQ(ParseDuration("500ms"), milliseconds(500));
  EXPECT_EQ(ParseDuration("30s"), milliseconds(30'000));
  EXPECT_EQ(ParseDuration("10m"), milliseconds(600'000));
  EXPECT_EQ(ParseDuration("1h"), milliseconds(3'600'000));
  EXPECT_EQ(ParseDuration("1h30m"), milliseconds(5'400'000));
  EXPECT_EQ(ParseDuration("2d"), milliseconds(172'800'000));
}

TEST(ParseDurationTest, RejectsMalformed) {
  for (const char* bad : {"", "10", "m", "-5s", "5 s", "5sec", "1.5h", "10x", "s10",
                          "1000000000d1000000000d1000000000d1000000000d1000000000d"
                          "1000000000d1000000000d1000000000d1000000000d1000000000d"
                          "1000000000d1000000000d1000000000d1000000000d1000000000d"}) {
    EXPECT_EQ(ParseDuration(bad), std::nullopt) << bad;
  }
}

TEST(FormatRfc3339Test, FormatsUtcSeconds) {
  EXPECT_EQ(FormatRfc3339(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatRfc3339(1694685600000), "2023-09-14T10:00:00Z");
  EXPECT_EQ(FormatRfc3339(1694685600999), "2023-09-14T10:00:00Z");
}

}  // namespace
}  // namespace vigil
