// Malformed input must come back as an error Status, never as an exception
// or a crash. A cheap stand-in for a fuzzer: deterministic byte mutations of
// the documented example files.
#include "vigil/config/config.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "tests/support/temp_dir.h"

namespace vigil {
namespace {

const std::filesystem::path kProjectDir =
    (std::filesystem::path(VIGIL_TESTDATA) / "../..").lexically_normal();

std::string ReadAll(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// `text` with a few bytes replaced by YAML-significant or random ones.
std::string Mutate(std::string text, std::mt19937& rng) {
  static constexpr std::string_view kInteresting = ":-[]{}#&*!|>'\"%@`,? \t\n\\";
  std::uniform_int_distribution<int> count(1, 4);
  for (int n = count(rng); n > 0; --n) {
    size_t at = std::uniform_int_distribution<size_t>(0, text.size() - 1)(rng);
    if (rng() % 2) {
      text[at] = kInteresting[rng() % kInteresting.size()];
    } else if (rng() % 2) {
      text.erase(at, 1 + rng() % 8);
    } else {
      text.insert(at, 1, static_cast<char>(rng() % 256));
    }
  }
  return text;
}

TEST(ConfigRobustnessTest, MutatedExamplesNeverThrow) {
  std::string config = ReadAll(kProjectDir / "config/vigil.example.yaml");
  std::string watchlist = ReadAll(kProjectDir / "config/watchlist.example.yaml");
  ASSERT_FALSE(config.empty());
  ASSERT_FALSE(watchlist.empty());
  TempDir dir;
  dir.Write("watchlist.example.yaml", watchlist);
  std::mt19937 rng(20230914);
  int failures = 0;
  for (int i = 0; i < 300; ++i) {
    std::filesystem::path file = dir.Write("vigil.yaml", Mutate(config, rng));
    Result<Config> loaded = LoadConfig(file);
    if (!loaded.ok()) {
      ++failures;
      EXPECT_FALSE(loaded.status().message().empty());
    }
    std::filesystem::path list = dir.Write("list.yaml", Mutate(watchlist, rng));
    Result<Watchlist> entities = LoadWatchlist(WatchlistConfig{{"w", ListFormat::kVigilYaml, list}});
    if (!entities.ok()) {
      EXPECT_FALSE(entities.status().message().empty());
    }
  }
  // The mutations must actually exercise the error paths.
  EXPECT_GT(failures, 100);
}

TEST(ConfigRobustnessTest, ToleratesByteOrderMarkAndCrLf) {
  TempDir dir;
  Result<Config> config =
      LoadConfig(dir.Write("vigil.yaml", "\xEF\xBB\xBFlog:\r\n  level: warn\r\n"));
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_EQ(config->log.level, "warn");
}

}  // namespace
}  // namespace vigil
