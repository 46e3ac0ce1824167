#include "vigil/config/config.h"

#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"

namespace vigil {
namespace {

using std::chrono::milliseconds;

Config MustLoad(const std::filesystem::path& file) {
  Result<Config> config = LoadConfig(file);
  EXPECT_TRUE(config.ok()) << config.status().message();
  return config.ok() ? config.value() : Config{};
}

TEST(LoadConfigTest, EmptyFileGivesDefaults) {
  TempDir dir;
  for (const char* text : {"", "# only a comment\n\n# and another\n", "---\n", "~\n"}) {
    Config config = MustLoad(dir.Write("vigil.yaml", text));
    EXPECT_EQ(config.file, dir.path() / "vigil.yaml");
    EXPECT_EQ(config.storage.path, dir.path() / "vigil.db");
    EXPECT_EQ(config.fetch.timeout, milliseconds(30'000));
    EXPECT_EQ(config.fetch.connect_timeout, milliseconds(10'000));
    EXPECT_EQ(config.fetch.max_body, 16ull << 20);
    EXPECT_EQ(config.fetch.max_redirects, 5);
    EXPECT_EQ(config.daemon.max_concurrent_fetches, 4);
    EXPECT_DOUBLE_EQ(config.daemon.jitter, 0.1);
    EXPECT_EQ(config.daemon.max_backoff, milliseconds(3'600'000));
    EXPECT_EQ(config.log.level, "info");
    EXPECT_TRUE(config.sources.empty());
    EXPECT_TRUE(config.watchlists.empty());
    EXPECT_TRUE(config.keywords.empty());
    EXPECT_TRUE(config.webhooks.empty());
  }
}

TEST(LoadConfigTest, EmptySectionsAreAllowed) {
  TempDir dir;
  Config config = MustLoad(dir.Write("vigil.yaml",
                                     "storage:\nfetch: {}\nsources: []\nwatchlists:\n"
                                     "keywords: []\nwebhooks:\n"));
  EXPECT_EQ(config.storage.path, dir.path() / "vigil.db");
  EXPECT_TRUE(config.sources.empty());
}

TEST(LoadConfigTest, ReadsEveryKey) {
  TempDir dir;
  dir.Write("lists/people.yaml", "entities: []\n");
  std::filesystem::path file = dir.Write("etc/vigil.yaml", R"(
storage:
  path: data/hits.db
fetch:
  timeout: 20s
  connect_timeout: 500ms
  max_body: 512KiB
  max_redirects: 2
daemon:
  max_concurrent_fetches: 8
  jitter: 0.25
  max_backoff: 30m
log:
  level: debug
sources:
  - id: bbc
    url: https://feeds.example.org/world/rss.xml
    interval: 5m
    type: feed
    headers:
      User-Agent: vigil-test
      Authorization: Bearer abc
    fetch:
      timeout: 5s
      max_body: 1GB
  - id: local
    url: file:../feeds/a b.xml
watchlists:
  - id: people
    path: ../lists/people.yaml
keywords:
  - id: arms
    terms: ["arms deal", " munitions ", "arms deal"]
webhooks:
  - id: ops
    url: http://127.0.0.1:9000/hook
    secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
    timeout: 3s
)");
  Config config = MustLoad(file);
  EXPECT_EQ(config.storage.path, dir.path() / "etc/data/hits.db");
  EXPECT_EQ(config.fetch.timeout, milliseconds(20'000));
  EXPECT_EQ(config.fetch.connect_timeout, milliseconds(500));
  EXPECT_EQ(config.fetch.max_body, 512u * 1024);
  EXPECT_EQ(config.fetch.max_redirects, 2);
  EXPECT_EQ(config.daemon.max_concurrent_fetches, 8);
  EXPECT_DOUBLE_EQ(config.daemon.jitter, 0.25);
  EXPECT_EQ(config.daemon.max_backoff, milliseconds(1'800'000));
  EXPECT_EQ(config.log.level, "debug");

  ASSERT_EQ(config.sources.size(), 2u);
  const SourceConfig& bbc = config.sources[0];
  EXPECT_EQ(bbc.id, "bbc");
  EXPECT_EQ(bbc.url, "https://feeds.example.org/world/rss.xml");
  EXPECT_EQ(bbc.interval, milliseconds(300'000));
  EXPECT_EQ(bbc.type, "feed");
  EXPECT_EQ(bbc.headers, (std::map<std::string, std::string>{
                             {"Authorization", "Bearer abc"}, {"User-Agent", "vigil-test"}}));
  // Set per source: timeout, max_body. Inherited from fetch: the rest.
  EXPECT_EQ(bbc.limits.timeout, milliseconds(5'000));
  EXPECT_EQ(bbc.limits.max_body, 1'000'000'000u);
  EXPECT_EQ(bbc.limits.connect_timeout, milliseconds(500));
  EXPECT_EQ(bbc.limits.max_redirects, 2);
  const SourceConfig& local = config.sources[1];
  EXPECT_EQ(local.url, "file://" + dir.path().string() + "/feeds/a%20b.xml");
  EXPECT_EQ(local.interval, milliseconds(600'000));
  EXPECT_EQ(local.type, "auto");
  EXPECT_EQ(local.limits.timeout, milliseconds(20'000));
  EXPECT_EQ(local.limits.max_body, 512u * 1024);

  ASSERT_EQ(config.watchlists.size(), 1u);
  EXPECT_EQ(config.watchlists[0].id, "people");
  EXPECT_EQ(config.watchlists[0].format, ListFormat::kVigilYaml);
  EXPECT_EQ(config.watchlists[0].path, dir.path() / "lists/people.yaml");

  ASSERT_EQ(config.keywords.size(), 1u);
  EXPECT_EQ(config.keywords[0].id, "arms");
  EXPECT_EQ(config.keywords[0].terms, (std::vector<std::string>{"arms deal", "munitions"}));

  ASSERT_EQ(config.webhooks.size(), 1u);
  EXPECT_EQ(config.webhooks[0].id, "ops");
  EXPECT_EQ(config.webhooks[0].url, "http://127.0.0.1:9000/hook");
  EXPECT_EQ(config.webhooks[0].secret, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  EXPECT_EQ(config.webhooks[0].timeout, milliseconds(3'000));
}

TEST(LoadConfigTest, ResolvesPathsAgainstConfigFolderNotWorkingDirectory) {
  TempDir dir;
  dir.Write("conf/list.yaml", "entities: []\n");
  dir.Write("conf/vigil.yaml",
            "storage:\n  path: state/vigil.db\n"
            "watchlists:\n  - id: l\n    path: list.yaml\n"
            "sources:\n  - id: s\n    url: file:feeds/x.xml\n");
  std::filesystem::path old_cwd = std::filesystem::current_path();
  std::filesystem::current_path(dir.path());
  Result<Config> config = LoadConfig("conf/vigil.yaml");  // relative to the cwd
  std::filesystem::current_path(old_cwd);
  ASSERT_TRUE(config.ok()) << config.status().message();
  EXPECT_TRUE(config->file.is_absolute());
  EXPECT_EQ(config->file, dir.path() / "conf/vigil.yaml");
  EXPECT_EQ(config->storage.path, dir.path() / "conf/state/vigil.db");
  EXPECT_EQ(config->watchlists[0].path, dir.path() / "conf/list.yaml");
  EXPECT_EQ(config->sources[0].url, "file://" + (dir.path() / "conf/feeds/x.xml").string());
}

TEST(LoadConfigTest, KeepsAbsolutePathsAndUrls) {
  TempDir dir;
  std::filesystem::path list = dir.Write("list.yaml", "entities: []\n");
  std::filesystem::path file = dir.Write(
      "sub/vigil.yaml", "storage:\n  path: /var/lib/vigil/vigil.db\n"
                        "watchlists:\n  - id: l\n    path: " + list.string() + "\n"
                        "sources:\n  - id: s\n    url: file:///srv/feeds/x.xml\n"
                        "  - id: t\n    url: HTTPS://Example.COM/a?b=c#d\n");
  Config config = MustLoad(file);
  EXPECT_EQ(config.storage.path, "/var/lib/vigil/vigil.db");
  EXPECT_EQ(config.watchlists[0].path, list);
  EXPECT_EQ(config.sources[0].url, "file:///srv/feeds/x.xml");
  EXPECT_EQ(config.sources[1].url, "HTTPS://Example.COM/a?b=c#d");
}

TEST(LoadConfigTest, AcceptsBoundaryValues) {
  TempDir dir;
  Config config = MustLoad(dir.Write("vigil.yaml", R"(fetch:
  max_redirects: 0
  max_body: "1"
daemon:
  jitter: 0
sources:
  - id: fast
    url: http://127.0.0.1:8080/
    interval: 1s
)"));
  EXPECT_EQ(config.fetch.max_redirects, 0);
  EXPECT_EQ(config.fetch.max_body, 1u);
  EXPECT_DOUBLE_EQ(config.daemon.jitter, 0.0);
  EXPECT_EQ(config.sources[0].interval, milliseconds(1'000));
}

}  // namespace
}  // namespace vigil
