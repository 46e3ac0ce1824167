// Secret-bearing values from the environment, systemd credentials and files
// instead of the YAML: real files, real environment variables, LoadConfig.
// Every error must name what is missing and never print a secret.
#include "vigil/config/config.h"

#include <stdlib.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "tests/support/temp_dir.h"

namespace vigil {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kSecret[] = "s3cr3t-T0ken-V4lue";
constexpr char kWebhookSecret[] = "whsec_c3VwZXJzZWNyZXRrZXk=";  // "supersecretkey"

// Sets (or, with nullopt, unsets) an environment variable for one test.
class ScopedEnv {
 public:
  ScopedEnv(std::string name, std::optional<std::string> value) : name_(std::move(name)) {
    if (const char* old = getenv(name_.c_str())) old_ = old;
    if (value) {
      setenv(name_.c_str(), value->c_str(), 1);
    } else {
      unsetenv(name_.c_str());
    }
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_.c_str(), old_->c_str(), 1);
    } else {
      unsetenv(name_.c_str());
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;  // restores once
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  std::optional<std::string> old_;
};

std::string SourceWithHeader(const std::string& value) {
  return "sources:\n  - id: s\n    url: https://example.org/feed\n    headers:\n"
         "      X-Api-Key: " + value + "\n";
}

std::string WebhookWithSecret(const std::string& value) {
  return "webhooks:\n  - id: h\n    url: https://example.org/hook\n    secret: " + value + "\n";
}

TEST(SecretValueTest, PlainStringStillWorks) {
  TempDir dir;
  Result<Config> config = LoadConfig(dir.Write("vigil.yaml", SourceWithHeader(kSecret)));
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->sources[0].headers.at("X-Api-Key"), kSecret);
}

TEST(SecretValueTest, HeaderFromEnvironment) {
  ScopedEnv env("VIGIL_TEST_API_KEY", kSecret);
  TempDir dir;
  Result<Config> config =
      LoadConfig(dir.Write("vigil.yaml", SourceWithHeader("{env: VIGIL_TEST_API_KEY}")));
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->sources[0].headers.at("X-Api-Key"), kSecret);
}

TEST(SecretValueTest, MissingEnvironmentVariableIsNamedWithPosition) {
  ScopedEnv env("VIGIL_TEST_MISSING", std::nullopt);
  TempDir dir;
  std::filesystem::path file =
      dir.Write("vigil.yaml", SourceWithHeader("{env: VIGIL_TEST_MISSING}"));
  Result<Config> config = LoadConfig(file);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().message(),
            file.string() + ":5:24: sources[0].headers.X-Api-Key: environment variable "
                            "VIGIL_TEST_MISSING is not set");
}

TEST(SecretValueTest, EmptyEnvironmentVariableIsAnError) {
  ScopedEnv env("VIGIL_TEST_EMPTY", "");
  TempDir dir;
  Result<Config> config =
      LoadConfig(dir.Write("vigil.yaml", SourceWithHeader("{env: VIGIL_TEST_EMPTY}")));
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(),
              HasSubstr("environment variable VIGIL_TEST_EMPTY is empty"));
}

TEST(SecretValueTest, BadEnvironmentVariableNameIsAnError) {
  TempDir dir;
  Result<Config> config = LoadConfig(dir.Write("vigil.yaml", SourceWithHeader("{env: 'A B'}")));
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("env must name an environment variable"));
}

TEST(SecretValueTest, HeaderFromSystemdCredentialLosesTrailingNewline) {
  TempDir dir;
  dir.Write("creds/api_key", std::string(kSecret) + "\n");
  ScopedEnv env("CREDENTIALS_DIRECTORY", (dir.path() / "creds").string());
  Result<Config> config =
      LoadConfig(dir.Write("vigil.yaml", SourceWithHeader("{credential: api_key}")));
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->sources[0].headers.at("X-Api-Key"), kSecret);
}

TEST(SecretValueTest, MissingCredentialIsNamed) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "creds");
  ScopedEnv env("CREDENTIALS_DIRECTORY", (dir.path() / "creds").string());
  Result<Config> config =
      LoadConfig(dir.Write("vigil.yaml", SourceWithHeader("{credential: api_key}")));
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(),
              HasSubstr("sources[0].headers.X-Api-Key: cannot read credential 'api_key' (" +
                        (dir.path() / "creds" / "api_key").string() +
                        "): No such file or directory"));
}

TEST(SecretValueTest, CredentialWithoutCredentialsDirectoryPointsAtLoadCredential) {
  ScopedEnv env("CREDENTIALS_DIRECTORY", std::nullopt);
  TempDir dir;
  Result<Config> config =
      LoadConfig(dir.Write("vigil.yaml", SourceWithHeader("{credential: api_key}")));
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(),
              HasSubstr("credential 'api_key' needs $CREDENTIALS_DIRECTORY, which systemd "
                        "sets for a unit with LoadCredential=api_key:<path>; it is not set"));
}

TEST(SecretValueTest, CredentialNameMayNotBeAPath) {
  TempDir dir;
  ScopedEnv env("CREDENTIALS_DIRECTORY", dir.path().string());
  Result<Config> config =
      LoadConfig(dir.Write("vigil.yaml", SourceWithHeader("{credential: ../vigil.yaml}")));
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("credential must be a credential name"));
}

TEST(SecretValueTest, FileRelativeToConfigFolder) {
  TempDir dir;
  dir.Write("etc/secrets/api.key", std::string(kSecret) + "\r\n");
  Result<Config> config =
      LoadConfig(dir.Write("etc/vigil.yaml", SourceWithHeader("{file: secrets/api.key}")));
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->sources[0].headers.at("X-Api-Key"), kSecret);
}

TEST(SecretValueTest, MissingAndEmptyFilesAreErrors) {
  TempDir dir;
  dir.Write("empty.key", "\n");
  Result<Config> missing =
      LoadConfig(dir.Write("vigil.yaml", SourceWithHeader("{file: absent.key}")));
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(),
              HasSubstr("cannot read secret file (" + (dir.path() / "absent.key").string() +
                        "): No such file or directory"));
  Result<Config> empty = LoadConfig(dir.Write("vigil.yaml", SourceWithHeader("{file: empty.key}")));
  ASSERT_FALSE(empty.ok());
  EXPECT_THAT(empty.status().message(), HasSubstr("empty.key) is empty"));
}

TEST(SecretValueTest, MapNeedsExactlyOneKnownKey) {
  TempDir dir;
  Result<Config> two =
      LoadConfig(dir.Write("vigil.yaml", SourceWithHeader("{env: A, file: b}")));
  ASSERT_FALSE(two.ok());
  EXPECT_THAT(two.status().message(), HasSubstr("must have only one of env, credential or file"));
  Result<Config> none = LoadConfig(dir.Write("vigil.yaml", SourceWithHeader("{}")));
  ASSERT_FALSE(none.ok());
  EXPECT_THAT(none.status().message(),
              HasSubstr("must be a string or a map with one of env, credential or file"));
  Result<Config> typo = LoadConfig(dir.Write("vigil.yaml", SourceWithHeader("{evn: A}")));
  ASSERT_FALSE(typo.ok());
  EXPECT_THAT(typo.status().message(), HasSubstr("did you mean 'env'?"));
}

// A value that is present but unusable: the message names the key only.
TEST(SecretValueTest, ErrorsAboutResolvedValuesNeverPrintThem) {
  TempDir dir;
  std::string multi_line = std::string(kSecret) + "\nX-Injected: 1";
  ScopedEnv env("VIGIL_TEST_MULTILINE", multi_line);
  Result<Config> header =
      LoadConfig(dir.Write("vigil.yaml", SourceWithHeader("{env: VIGIL_TEST_MULTILINE}")));
  ASSERT_FALSE(header.ok());
  EXPECT_THAT(header.status().message(), HasSubstr("must not contain line breaks"));
  EXPECT_THAT(header.status().message(), Not(HasSubstr(kSecret)));

  dir.Write("creds/hook", std::string(kSecret) + "\n");  // no whsec_ prefix
  ScopedEnv credentials("CREDENTIALS_DIRECTORY", (dir.path() / "creds").string());
  Result<Config> hook =
      LoadConfig(dir.Write("vigil.yaml", WebhookWithSecret("{credential: hook}")));
  ASSERT_FALSE(hook.ok());
  EXPECT_THAT(hook.status().message(), HasSubstr("must start with 'whsec_'"));
  EXPECT_THAT(hook.status().message(), Not(HasSubstr(kSecret)));
}

TEST(SecretValueTest, WebhookSecretFromEnvironment) {
  ScopedEnv env("VIGIL_TEST_HOOK_SECRET", kWebhookSecret);
  TempDir dir;
  Result<Config> config =
      LoadConfig(dir.Write("vigil.yaml", WebhookWithSecret("{env: VIGIL_TEST_HOOK_SECRET}")));
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->webhooks[0].secret, kWebhookSecret);
}

TEST(SecretValueTest, WebhookSecretFromCredential) {
  TempDir dir;
  dir.Write("creds/hook", std::string(kWebhookSecret) + "\n");
  ScopedEnv env("CREDENTIALS_DIRECTORY", (dir.path() / "creds").string());
  Result<Config> config =
      LoadConfig(dir.Write("vigil.yaml", WebhookWithSecret("{credential: hook}")));
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->webhooks[0].secret, kWebhookSecret);
}

TEST(SecretValueTest, RotationSecretsFromEnvironmentAndCredential) {
  constexpr char kSecondSecret[] = "whsec_b3RoZXJrZXk=";  // "otherkey"
  ScopedEnv env("VIGIL_TEST_HOOK_SECRET", kWebhookSecret);
  TempDir dir;
  dir.Write("creds/next", std::string(kSecondSecret) + "\n");
  ScopedEnv credentials("CREDENTIALS_DIRECTORY", (dir.path() / "creds").string());
  Result<Config> config = LoadConfig(dir.Write(
      "vigil.yaml", "webhooks:\n  - id: h\n    url: https://example.org/hook\n"
                    "    secret: {env: VIGIL_TEST_HOOK_SECRET}\n"
                    "    secrets: [{credential: next}]\n"));
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->webhooks[0].secret, kWebhookSecret);
  EXPECT_EQ(config->webhooks[0].extra_secrets, std::vector<std::string>{kSecondSecret});
}

TEST(SecretValueTest, MissingWebhookSecretVariableIsAnError) {
  ScopedEnv env("VIGIL_TEST_NO_HOOK_SECRET", std::nullopt);
  TempDir dir;
  Result<Config> config =
      LoadConfig(dir.Write("vigil.yaml", WebhookWithSecret("{env: VIGIL_TEST_NO_HOOK_SECRET}")));
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(),
              HasSubstr("webhooks[0].secret: environment variable VIGIL_TEST_NO_HOOK_SECRET is "
                        "not set"));
}

}  // namespace
}  // namespace vigil
