// webhooks[].url: http(s) with a host, no credentials, no fragment; a
// rejected URL is never quoted back.
#include "vigil/config/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "src/config/secrets.h"
#include "tests/support/temp_dir.h"

namespace vigil {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Result<Config> LoadWebhook(const TempDir& dir, const std::string& url) {
  return LoadConfig(dir.Write("vigil.yaml", "webhooks:\n  - id: h\n    url: " + url +
                                                "\n    secret: whsec_aGk=\n"));
}

TEST(WebhookUrlTest, AcceptsHttpAndHttpsWithPortPathAndQuery) {
  TempDir dir;
  for (const char* url : {"https://hooks.example.org/vigil?team=a", "http://127.0.0.1:8080/x",
                          "https://[2001:db8::1]:8443/hook"}) {
    Result<Config> config = LoadWebhook(dir, url);
    ASSERT_TRUE(config.ok()) << url << ": " << config.status().message();
    EXPECT_EQ(config->webhooks[0].url, url);
  }
}

TEST(WebhookUrlTest, RefusesCredentialsWithoutQuotingThem) {
  TempDir dir;
  Result<Config> config = LoadWebhook(dir, "https://bot:hunter2pw@hooks.example.org/x");
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(),
              HasSubstr("3:10: webhooks[0].url must not contain user:password@"));
  EXPECT_THAT(config.status().message(), Not(HasSubstr("hunter2pw")));
}

TEST(WebhookUrlTest, RefusesFragments) {
  TempDir dir;
  Result<Config> config = LoadWebhook(dir, "https://hooks.example.org/x#part");
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("webhooks[0].url must not contain a #fragment"));
}

TEST(WebhookUrlTest, RefusesOtherSchemesAndMissingHost) {
  TempDir dir;
  for (const char* url : {"ftp://example.org/x", "file:///tmp/x", "https:///x", "example.org"}) {
    Result<Config> config = LoadWebhook(dir, url);
    ASSERT_FALSE(config.ok()) << url;
    EXPECT_THAT(config.status().message(), HasSubstr("must be an http:// or https:// URL"));
  }
}

TEST(UrlHasUserinfoTest, LooksOnlyAtTheAuthority) {
  EXPECT_TRUE(UrlHasUserinfo("https://u:p@h/"));
  EXPECT_TRUE(UrlHasUserinfo("https://u@h"));
  EXPECT_TRUE(UrlHasUserinfo("http://u:p@ss@h:80/x"));
  EXPECT_FALSE(UrlHasUserinfo("https://h/path@x"));
  EXPECT_FALSE(UrlHasUserinfo("https://h/?mail=a@b"));
  EXPECT_FALSE(UrlHasUserinfo("https://h#a@b"));
  EXPECT_FALSE(UrlHasUserinfo("mailto:a@b"));
}

}  // namespace
}  // namespace vigil
