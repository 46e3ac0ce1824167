#include "vigil/parse/parser.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

struct DateCase {
  const char* text;
  std::optional<int64_t> unix_seconds;
};

TEST(ParseFeedDateTest, ParsesCommonFormats) {
  const DateCase kCases[] = {
      // RFC 822 / 1123
      {"Tue, 10 Jun 2003 04:00:00 GMT", 1055217600},
      {"Tue, 10 Jun 2003 04:00:00 +0000", 1055217600},
      {"Tue, 10 Jun 2003 06:00:00 +0200", 1055217600},
      {"Mon, 09 Jun 2003 21:00:00 PDT", 1055217600},
      {"Tue, 10 Jun 2003 00:00:00 EDT", 1055217600},
      {"10 Jun 2003 04:00:00 GMT", 1055217600},           // no weekday
      {"Tue, 10 Jun 2003 04:00 GMT", 1055217600},         // no seconds
      {"Tue, 10 Jun 03 04:00:00 GMT", 1055217600},        // 2-digit year
      {"Tue, 10 June 2003 04:00:00 GMT", 1055217600},     // full month
      {"Tue, 10 Jun 2003 04:00:00", 1055217600},          // no zone = UTC
      {"Tue, 10 Jun 2003 09:30:00 +05:30", 1055217600},   // colon offset
      {"Thu, 01 Jan 1970 00:00:00 UT", 0},
      {"Sun, 29 Feb 2004 12:00:00 GMT", 1078056000},      // leap day
      // RFC 3339 / ISO 8601 / W3CDTF
      {"2003-06-10T04:00:00Z", 1055217600},
      {"2003-06-10T04:00:00.000Z", 1055217600},
      {"2003-06-10T06:00:00+02:00", 1055217600},
      {"2003-06-09T21:00:00-07:00", 1055217600},
      {"2003-06-10T04:00:00+0000", 1055217600},
      {"2003-06-10T04:00Z", 1055217600},
      {"2003-06-10 04:00:00", 1055217600},
      {"20030610T040000Z", 1055217600},
      {"2003-06-10", 1055203200},
      {"2003-06", 1054425600},
      {"2003", 1041379200},
      // Junk and foreign names: no date, never an error.
      {"Seg, 24 Set 2018 10:00:00 -0300", std::nullopt},
      {"", std::nullopt},
      {"not a date", std::nullopt},
      {"Tue, 31 Feb 2003 04:00:00 GMT", std::nullopt},
      {"2003-13-01T00:00:00Z", std::nullopt},
      {"2003-06-10T25:00:00Z", std::nullopt},
  };
  for (const DateCase& c : kCases) {
    std::optional<int64_t> got = ParseFeedDate(c.text);
    if (c.unix_seconds) {
      ASSERT_TRUE(got.has_value()) << c.text;
      EXPECT_EQ(*got, *c.unix_seconds * 1000) << c.text;
    } else {
      EXPECT_FALSE(got.has_value()) << c.text << " -> " << got.value_or(0);
    }
  }
}

TEST(ParseFeedDateTest, KeepsMilliseconds) {
  EXPECT_EQ(ParseFeedDate("2019-10-12T07:20:50.52Z"), int64_t{1570864850520});
}

}  // namespace
}  // namespace vigil
