// fetch.block_private_addresses and fetch.ca_file, globally and per source.
#include "vigil/config/config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"

namespace vigil {
namespace {

using ::testing::HasSubstr;

TEST(FetchSettingsTest, GuardIsOffAndCaFileEmptyByDefault) {
  TempDir dir;
  Result<Config> config = LoadConfig(
      dir.Write("vigil.yaml", "sources:\n  - id: s\n    url: https://example.org/\n"));
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_FALSE(config->fetch.block_private_addresses);
  EXPECT_TRUE(config->fetch.ca_file.empty());
  EXPECT_FALSE(config->sources[0].limits.block_private_addresses);
}

TEST(FetchSettingsTest, GlobalValuesReachSourcesAndSourcesOverrideThem) {
  TempDir dir;
  dir.Write("etc/ca/internal.pem", "-----BEGIN CERTIFICATE-----\n");
  dir.Write("etc/other.pem", "-----BEGIN CERTIFICATE-----\n");
  Result<Config> config = LoadConfig(dir.Write("etc/vigil.yaml", R"(
fetch:
  block_private_addresses: true
  ca_file: ca/internal.pem
sources:
  - id: inherits
    url: https://example.org/
  - id: overrides
    url: http://127.0.0.1:8080/
    fetch:
      block_private_addresses: false
      ca_file: other.pem
  - id: system-store
    url: https://example.org/b
    fetch:
      ca_file: ""
)"));
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_TRUE(config->fetch.block_private_addresses);
  EXPECT_EQ(config->fetch.ca_file, dir.path() / "etc/ca/internal.pem");
  EXPECT_TRUE(config->sources[0].limits.block_private_addresses);
  EXPECT_EQ(config->sources[0].limits.ca_file, dir.path() / "etc/ca/internal.pem");
  EXPECT_FALSE(config->sources[1].limits.block_private_addresses);
  EXPECT_EQ(config->sources[1].limits.ca_file, dir.path() / "etc/other.pem");
  EXPECT_TRUE(config->sources[2].limits.ca_file.empty());
}

TEST(FetchSettingsTest, GuardMustBeABoolean) {
  TempDir dir;
  std::filesystem::path file =
      dir.Write("vigil.yaml", "fetch:\n  block_private_addresses: maybe\n");
  Result<Config> config = LoadConfig(file);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().message(),
            file.string() + ":2:28: fetch.block_private_addresses must be true or false");
}

TEST(FetchSettingsTest, MissingCaFileFailsAtLoad) {
  TempDir dir;
  std::filesystem::path file = dir.Write(
      "vigil.yaml",
      "sources:\n  - id: s\n    url: https://example.org/\n    fetch:\n      ca_file: no.pem\n");
  Result<Config> config = LoadConfig(file);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().message(),
            file.string() + ":5:16: sources[0].fetch.ca_file: " +
                (dir.path() / "no.pem").string() + ": No such file or directory");
}

TEST(FetchSettingsTest, CaFileMustBeAFile) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "certs");
  Result<Config> config = LoadConfig(dir.Write("vigil.yaml", "fetch:\n  ca_file: certs\n"));
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("fetch.ca_file: "));
  EXPECT_THAT(config.status().message(), HasSubstr("certs is not a file"));
}

}  // namespace
}  // namespace vigil
