#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "vigil/alert/sender.h"

namespace vigil {
namespace {

using std::chrono::milliseconds;

TEST(WebhookOriginTest, DropsPathQueryAndFragment) {
  EXPECT_EQ(WebhookOrigin("http://127.0.0.1:9/hook?token=SUPERSECRET"), "http://127.0.0.1:9");
  EXPECT_EQ(WebhookOrigin("https://hooks.slack.com/services/T00/B00/XXXXSECRET"),
            "https://hooks.slack.com");
  EXPECT_EQ(WebhookOrigin("https://discord.com/api/webhooks/123/tokenSECRET#x"),
            "https://discord.com");
  EXPECT_EQ(WebhookOrigin("https://example.org?sig=SECRET"), "https://example.org");
  EXPECT_EQ(WebhookOrigin("https://example.org"), "https://example.org");
  EXPECT_EQ(WebhookOrigin("http://[::1]:8080/x"), "http://[::1]:8080");
}

TEST(WebhookOriginTest, DropsUserinfo) {
  EXPECT_EQ(WebhookOrigin("https://user:p@ss@example.org:8443/hook"),
            "https://example.org:8443");
}

TEST(WebhookOriginTest, ShowsNothingOfWhatIsNotAUrl) {
  EXPECT_EQ(WebhookOrigin("SUPERSECRET/hook"), "<webhook url>");
  EXPECT_EQ(WebhookOrigin(""), "<webhook url>");
}

TEST(FormatRetryDelayTest, ShortDelaysDoNotRoundToZero) {
  EXPECT_EQ(FormatRetryDelay(milliseconds(1000)), "1.0s");
  EXPECT_EQ(FormatRetryDelay(milliseconds(950)), "950ms");
  EXPECT_EQ(FormatRetryDelay(milliseconds(1049)), "1.0s");
  EXPECT_EQ(FormatRetryDelay(milliseconds(1460)), "1.5s");
  EXPECT_EQ(FormatRetryDelay(milliseconds(300'000)), "300.0s");
  EXPECT_EQ(FormatRetryDelay(milliseconds(0)), "0ms");
}

}  // namespace
}  // namespace vigil
