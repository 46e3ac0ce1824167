// Error messages must never carry webhook secrets or credential header
// values, however the config gets them wrong.
#include "vigil/config/config.h"

#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"

namespace vigil {
namespace {

constexpr std::string_view kSecret = "s3cr3tK3yV4lu3";

struct RedactionCase {
  const char* name;
  const char* yaml;  // "SECRET" is replaced by kSecret
};

const RedactionCase kCases[] = {
    {"SecretWithoutPrefix", "  - id: h\n    url: https://x.org/\n    secret: SECRET\n"},
    {"SecretBadBase64", "  - id: h\n    url: https://x.org/\n    secret: whsec_SECRET!\n"},
    {"SecretAsList", "  - id: h\n    url: https://x.org/\n    secret: [whsec_SECRET]\n"},
    {"SecretUnderTypoKey", "  - id: h\n    url: https://x.org/\n    sercet: whsec_SECRET\n"},
    {"SecretInBadUrl", "  - id: h\n    url: ftp://user:SECRET@x.org/\n    secret: whsec_aGk=\n"},
    {"SecretUnterminatedQuote", "  - id: h\n    url: https://x.org/\n    secret: \"whsec_SECRET\n"},
    {"AuthorizationHeaderWithNewline",
     "sources:\n  - id: s\n    url: https://x.org/\n    headers:\n"
     "      Authorization: \"Bearer SECRET\\r\\nX: y\"\n"},
    {"TokenHeaderNotString",
     "sources:\n  - id: s\n    url: https://x.org/\n    headers:\n      X-Auth-Token: [SECRET]\n"},
    {"TokenInSourceUrl", "sources:\n  - id: s\n    url: https://x.org/a b?token=SECRET\n"},
};

class SecretRedactionTest : public testing::TestWithParam<RedactionCase> {};

TEST_P(SecretRedactionTest, MessageNeverContainsSecret) {
  std::string yaml = GetParam().yaml;
  if (!yaml.starts_with("sources")) yaml = "webhooks:\n" + yaml;
  for (size_t at; (at = yaml.find("SECRET")) != std::string::npos;) {
    yaml.replace(at, 6, kSecret);
  }
  TempDir dir;
  Result<Config> config = LoadConfig(dir.Write("vigil.yaml", yaml));
  ASSERT_FALSE(config.ok()) << yaml;
  EXPECT_FALSE(config.status().message().empty());
  EXPECT_EQ(config.status().message().find(kSecret), std::string::npos)
      << config.status().message();
}

INSTANTIATE_TEST_SUITE_P(Cases, SecretRedactionTest, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<RedactionCase>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace vigil
