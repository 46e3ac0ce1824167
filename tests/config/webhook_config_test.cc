// webhooks[].backoff, secret lists for key rotation, and the removed
// daemon.alert_* keys.
#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"
#include "vigil/config/config.h"

namespace vigil {
namespace {

using namespace std::chrono_literals;
using std::chrono::milliseconds;

constexpr char kKeyA[] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
constexpr char kKeyB[] = "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
constexpr char kKeyC[] = "whsec_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";

Result<Config> Load(const TempDir& dir, const std::string& yaml) {
  return LoadConfig(dir.Write("vigil.yaml", yaml));
}

// The error lines without the "file:" prefix.
std::string Errors(const TempDir& dir, const Result<Config>& config) {
  EXPECT_FALSE(config.ok());
  if (config.ok()) return "";
  std::string text = config.status().message();
  std::string prefix = (dir.path() / "vigil.yaml").string() + ":";
  for (size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) {
    text.erase(at, prefix.size());
  }
  return text;
}

TEST(WebhookConfigTest, DefaultBackoffIsTheStandardWebhooksSchedule) {
  TempDir dir;
  Result<Config> config = Load(dir, std::string("webhooks:\n  - id: ops\n    url: http://x/\n"
                                                "    secret: ") + kKeyA + "\n");
  ASSERT_TRUE(config.ok()) << config.status().message();
  ASSERT_EQ(config->webhooks.size(), 1u);
  const WebhookEndpoint& webhook = config->webhooks[0];
  EXPECT_EQ(webhook.backoff,
            (std::vector<milliseconds>{5s, 5min, 30min, 2h, 5h, 10h, 10h}));
  EXPECT_EQ(webhook.secret, kKeyA);
  EXPECT_TRUE(webhook.extra_secrets.empty());
}

TEST(WebhookConfigTest, ReadsBackoffAndSecretsForRotation) {
  TempDir dir;
  Result<Config> config = Load(dir, std::string("webhooks:\n  - id: ops\n    url: http://x/\n"
                                                "    secret: ") + kKeyA +
                                        "\n    secrets: [" + kKeyB + ", " + kKeyC +
                                        "]\n    backoff: [1s, 2m, 1h30m]\n"
                                        "  - id: once\n    url: http://y/\n    secret: " +
                                        kKeyC + "\n    backoff: []\n");
  ASSERT_TRUE(config.ok()) << config.status().message();
  ASSERT_EQ(config->webhooks.size(), 2u);
  const WebhookEndpoint& ops = config->webhooks[0];
  EXPECT_EQ(ops.backoff, (std::vector<milliseconds>{1s, 2min, 90min}));
  EXPECT_EQ(ops.secret, kKeyA);
  EXPECT_EQ(ops.extra_secrets, (std::vector<std::string>{kKeyB, kKeyC}));
  const WebhookEndpoint& once = config->webhooks[1];
  EXPECT_TRUE(once.backoff.empty());
  EXPECT_EQ(once.secret, kKeyC);
  EXPECT_TRUE(once.extra_secrets.empty());
}

TEST(WebhookConfigTest, BadBackoffAndSecretsArePositionedAndNeverQuoted) {
  TempDir dir;
  Result<Config> config = Load(dir, std::string(R"(webhooks:
  - id: ops
    url: http://x/
    secret: )") + kKeyA + R"(
    secrets: [whsec_!!!!, "c2VjcmV0LWtleQ=="]
    backoff: [5s, soon, 0s]
  - id: none
    url: http://y/
    secrets: [)" + kKeyB + R"(]
)");
  std::string errors = Errors(dir, config);
  EXPECT_NE(errors.find("5:15: webhooks[0].secrets[0] must be 'whsec_' followed by"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find("5:27: webhooks[0].secrets[1] must start with 'whsec_'"),
            std::string::npos)
      << errors;
  EXPECT_NE(errors.find("6:19: bad duration 'soon' for webhooks[0].backoff[1]"),
            std::string::npos)
      << errors;
  // `secrets` adds to `secret`, it does not replace it.
  EXPECT_NE(errors.find("7:5: webhooks[1] is missing required key 'secret'"), std::string::npos)
      << errors;
  EXPECT_EQ(errors.find("c2VjcmV0LWtleQ"), std::string::npos) << "secrets are never echoed";
}

TEST(WebhookConfigTest, RemovedDaemonAlertKeysPointToWebhookBackoff) {
  TempDir dir;
  Result<Config> config = Load(dir, R"(daemon:
  jitter: 0.1
  alert_max_attempts: 12
  alert_backoff_base: 5s
  alert_backoff_max: 1h
)");
  std::string errors = Errors(dir, config);
  for (const char* expected :
       {"3:23: daemon.alert_max_attempts was removed: set the retry schedule per webhook with "
        "webhooks[].backoff",
        "4:23: daemon.alert_backoff_base was removed", "5:22: daemon.alert_backoff_max was removed"}) {
    EXPECT_NE(errors.find(expected), std::string::npos) << errors;
  }
}

}  // namespace
}  // namespace vigil
