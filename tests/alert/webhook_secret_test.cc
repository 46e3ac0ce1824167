#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "vigil/alert/signer.h"

namespace vigil {
namespace {

TEST(WebhookSecretKeyTest, DecodesBase64Key) {
  EXPECT_EQ(WebhookSecretKey("whsec_aGVsbG8="), std::optional<std::string>("hello"));
  EXPECT_EQ(WebhookSecretKey("whsec_aGVsbG8"), std::optional<std::string>("hello"));
  EXPECT_EQ(WebhookSecretKey("whsec_YWI="), std::optional<std::string>("ab"));
  EXPECT_EQ(WebhookSecretKey("whsec_+/+/"), std::optional<std::string>("\xfb\xff\xbf"));
}

TEST(WebhookSecretKeyTest, RejectsMalformed) {
  for (const char* bad : {"aGVsbG8=", "whsec_", "whsec_a", "whsec_aGVs bG8=", "whsec_aGVsbG8=x",
                          "whsec_aGVsbG8===", "whsec_a-b_", "WHSEC_aGVsbG8=", "whsec_aG=Vs"}) {
    EXPECT_EQ(WebhookSecretKey(bad), std::nullopt) << bad;
  }
}

}  // namespace
}  // namespace vigil
