#include "vigil/config/secrets.h"

#include <gtest/gtest.h>

namespace vigil {
namespace {

TEST(DecodeWebhookSecretTest, DecodesBase64Key) {
  EXPECT_EQ(WebhookSecretKey("whsec_aGVsbG8="), std::optional<std::string>("hello"));
  EXPECT_EQ(WebhookSecretKey("whsec_aGVsbG8"), std::optional<std::string>("hello"));
  EXPECT_EQ(WebhookSecretKey("whsec_YWI="), std::optional<std::string>("ab"));
  EXPECT_EQ(WebhookSecretKey("whsec_+/+/"), std::optional<std::string>("\xfb\xff\xbf"));
}

TEST(DecodeWebhookSecretTest, RejectsMalformed) {
  for (const char* bad : {"aGVsbG8=", "whsec_", "whsec_a", "whsec_aGVs bG8=", "whsec_aGVsbG8=x",
                          "whsec_aGVsbG8===", "whsec_a-b_", "WHSEC_aGVsbG8=", "whsec_aG=Vs"}) {
    EXPECT_EQ(WebhookSecretKey(bad), std::nullopt) << bad;
  }
}

TEST(IsSensitiveHeaderNameTest, FlagsCredentialHeaders) {
  for (const char* name : {"Authorization", "proxy-authorization", "Cookie", "X-Api-Key",
                           "X-Auth-Token", "PRIVATE-TOKEN", "X-Session-Id", "X-Client-Secret"}) {
    EXPECT_TRUE(IsSensitiveHeaderName(name)) << name;
  }
  for (const char* name : {"User-Agent", "Accept", "Accept-Language", "If-None-Match"}) {
    EXPECT_FALSE(IsSensitiveHeaderName(name)) << name;
  }
}

}  // namespace
}  // namespace vigil
