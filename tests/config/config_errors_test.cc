// LoadConfig's error reports: one "file:line:col: message" line per problem.
// Each fixture starts on line 1 of its raw string, so positions can be read
// off the test source.
#include "vigil/config/config.h"

#include <gtest/gtest.h>

#include "tests/support/temp_dir.h"

namespace vigil {
namespace {

struct ErrorCase {
  const char* name;
  const char* yaml;
  // Expected lines without the "file:" prefix; "{dir}" stands for the
  // config's folder.
  std::vector<std::string> lines;
};

std::string Replace(std::string text, std::string_view from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

const ErrorCase kCases[] = {
    {"YamlSyntax", R"(log:
  level: info
storage: path: x
)",
     {"3:14: YAML syntax error: illegal map value"}},
    {"TwoDocuments", R"(log: {}
---
log: {}
)",
     {"2:1: expected one YAML document, found more"}},
    // yaml-cpp 0.7's LoadAll would loop forever, allocating, on this.
    {"StrayCommaAtStart", R"(,log:
  level: info
)",
     {"1:1: YAML syntax error: unexpected character"}},
    {"StrayCommaAfterMap", R"(log:
  level: info
,
)",
     {"3:1: YAML syntax error: end of map not found"}},
    {"TopLevelNotMap", R"(- a
- b
)",
     {"1:1: the top level must be a map, not a list"}},
    // Found by fuzz/config_fuzzer.cc: a quoted key holding a newline split
    // one problem over two lines, and the second had no file:line:col.
    {"KeyWithNewlineStaysOnOneLine", "\"sour\\nces\x1b[2J\": []\n",
     {"1:1: unknown key 'sour\\nces\\x1b[2J' at top level"}},
    {"UnknownTopLevelKey", R"(sorces: []
)",
     {"1:1: unknown key 'sorces' at top level (did you mean 'sources'?)"}},
    {"UnknownKeyWithSuggestion", R"(sources:
  - id: a
    url: https://example.com/feed
    intervall: 30s
)",
     {"4:5: unknown key 'intervall' in sources[0] (did you mean 'interval'?)"}},
    {"UnknownKeyWithoutSuggestion", R"(log:
  colour: red
)",
     {"2:3: unknown key 'colour' in log"}},
    {"DuplicateKey", R"(log:
  level: info
  level: debug
)",
     {"3:3: duplicate key 'level' in log (first at line 2)"}},
    {"MapWhereListExpected", R"(sources:
  id: a
  url: https://example.com/
)",
     {"2:3: sources must be a list, not a map"}},
    {"SectionNotMap", R"(fetch: 30s
)",
     {"1:8: fetch must be a map, not a string"}},
    {"ListItemNotMap", R"(sources:
  - https://example.com/
)",
     {"2:5: sources[0] must be a map, not a string"}},
    {"NonStringId", R"(sources:
  - id: [a, b]
    url: https://example.com/
)",
     {"2:9: sources[0].id must be a string, not a list"}},
    {"EmptyId", R"(sources:
  - id: ""
    url: https://example.com/
)",
     {"2:9: sources[0].id must not be empty"}},
    {"IdWithSpace", R"(sources:
  - id: "my feed"
    url: https://example.com/
)",
     {"2:9: sources[0].id 'my feed' must not contain spaces or control characters"}},
    {"MissingRequiredKeys", R"(sources:
  - type: feed
)",
     {"2:5: sources[0] is missing required key 'id'",
      "2:5: sources[0] is missing required key 'url'"}},
    {"BadDuration", R"(fetch:
  timeout: 10x
)",
     {"2:12: bad duration '10x' for fetch.timeout (forms: 500ms, 30s, 10m, 1h, 1h30m)"}},
    {"DurationWithoutValue", R"(fetch:
  timeout:
  max_redirects: 3
)",
     {"2:3: fetch.timeout has no value (expected a duration such as 30s)"}},
    {"BareNumberDuration", R"(webhooks:
  - id: h
    url: https://example.com/hook
    secret: whsec_aGVsbG8=
    timeout: 30
)",
     {"5:14: bad duration '30' for webhooks[0].timeout (forms: 500ms, 30s, 10m, 1h, 1h30m)"}},
    {"IntervalBelowOneSecond", R"(sources:
  - id: a
    url: https://example.com/
    interval: 500ms
)",
     {"4:15: sources[0].interval must be at least 1s, not '500ms'"}},
    {"BadSize", R"(fetch:
  max_body: 16MB/s
)",
     {"2:13: bad size '16MB/s' for fetch.max_body (forms: 1000000, 512KiB, 16MiB, 1GB; "
      "units B, KB, MB, GB, KiB, MiB, GiB)"}},
    {"ZeroSize", R"(fetch:
  max_body: 0
)",
     {"2:13: fetch.max_body must be greater than 0"}},
    {"HugeSize", R"(fetch:
  max_body: 2GiB
)",
     {"2:13: fetch.max_body must be at most 1GiB, not '2GiB'"}},
    {"HugeDuration", R"(daemon:
  max_backoff: 400d
)",
     {"2:16: daemon.max_backoff must be at most 365d, not '400d'"}},
    {"NegativeInt", R"(fetch:
  max_redirects: -1
)",
     {"2:18: fetch.max_redirects must be between 0 and 100, not -1"}},
    {"NotAnInt", R"(fetch:
  max_redirects: five
)",
     {"2:18: fetch.max_redirects must be a whole number, not 'five'"}},
    {"PerSourceFetchOverride", R"(sources:
  - id: a
    url: https://example.com/
    fetch:
      timeout: 0s
      max_bdy: 1MiB
)",
     {"5:16: sources[0].fetch.timeout must be greater than 0, not '0s'",
      "6:7: unknown key 'max_bdy' in sources[0].fetch (did you mean 'max_body'?)"}},
    {"DaemonRanges", R"(daemon:
  max_concurrent_fetches: 0
  jitter: 1.5
  max_backoff: 100ms
)",
     {"2:27: daemon.max_concurrent_fetches must be between 1 and 1000, not 0",
      "3:11: daemon.jitter must be between 0 and 1, not 1.5",
      "4:16: daemon.max_backoff must be at least 1s, not '100ms'"}},
    {"LogLevel", R"(log:
  level: verbose
)",
     {"2:10: unknown log.level 'verbose' (one of trace|debug|info|warn|error|critical|off)"}},
    {"SourceType", R"(sources:
  - id: a
    url: https://example.com/
    type: rss
)",
     {"4:11: unknown sources[0].type 'rss' (one of auto|feed|html|text)"}},
    {"DuplicateSourceId", R"(sources:
  - id: a
    url: https://example.com/1
  - id: a
    url: https://example.com/2
)",
     {"4:9: duplicate source id 'a' (first defined at line 2)"}},
    {"DuplicateWatchlistId", R"(watchlists:
  - id: w
    path: list.yaml
  - id: w
    path: list.yaml
)",
     {"4:9: duplicate watchlist id 'w' (first defined at line 2)"}},
    {"DuplicateKeywordId", R"(keywords:
  - id: k
    terms: [a]
  - id: k
    terms: [b]
)",
     {"4:9: duplicate keyword list id 'k' (first defined at line 2)"}},
    {"DuplicateWebhookId", R"(webhooks:
  - id: h
    url: https://example.com/1
    secret: whsec_aGVsbG8=
  - id: h
    url: https://example.com/2
    secret: whsec_aGVsbG8=
)",
     {"5:9: duplicate webhook id 'h' (first defined at line 2)"}},
    {"SourceUrlScheme", R"(sources:
  - id: a
    url: ftp://example.com/feed
  - id: b
    url: https://
  - id: c
    url: https://example.com/a feed
)",
     {"3:10: sources[0].url must be an http://, https:// or file: URL with a host and no spaces",
      "5:10: sources[1].url must be an http://, https:// or file: URL with a host and no spaces",
      "7:10: sources[2].url must be an http://, https:// or file: URL with a host and no "
      "spaces"}},
    {"SourceFileUrlWithHost", R"(sources:
  - id: a
    url: file://feeds/x.xml
)",
     {"3:10: sources[0].url is not a usable file: URL (write file:///abs/path, or "
      "file:rel/path for a path relative to the config file)"}},
    {"WebhookUrlScheme", R"(webhooks:
  - id: h
    url: file:///tmp/hook
    secret: whsec_aGVsbG8=
)",
     {"3:10: webhooks[0].url must be an http:// or https:// URL with a host and no spaces"}},
    {"UnknownWatchlistFormat", R"(watchlists:
  - id: w
    format: ofac-csv
    path: list.yaml
)",
     {"3:13: unknown watchlists[0].format 'ofac-csv' (one of "
      "vigil-yaml|ofac-sdn-csv|un-xml|opensanctions-ftm|opensanctions-csv|uk-csv|eu-csv)"}},
    {"WatchlistFileMissing", R"(watchlists:
  - id: w
    path: lists/missing.yaml
  - id: x
)",
     {"3:11: watchlist file not found: {dir}/lists/missing.yaml",
      "4:5: watchlists[1] is missing required key 'path'"}},
    {"WatchlistPathIsFolder", R"(watchlists:
  - id: w
    path: .
)",
     {"3:11: watchlist file not found: {dir}"}},
    {"SecretWithoutPrefix", R"(webhooks:
  - id: h
    url: https://example.com/hook
    secret: aGVsbG8=
)",
     {"4:13: webhooks[0].secret must start with 'whsec_' (Standard Webhooks)"}},
    {"SecretNotBase64", R"(webhooks:
  - id: h
    url: https://example.com/hook
    secret: whsec_not*base64
)",
     {"4:13: webhooks[0].secret must be 'whsec_' followed by a non-empty base64 key"}},
    {"SecretMissing", R"(webhooks:
  - id: h
    url: https://example.com/hook
)",
     {"2:5: webhooks[0] is missing required key 'secret'"}},
    {"EmptyTermList", R"(keywords:
  - id: k
    terms: []
  - id: l
    terms:
  - id: m
)",
     {"3:12: keywords[0].terms must list at least one term",
      "5:5: keywords[1].terms must list at least one term",
      "6:5: keywords[2] is missing required key 'terms'"}},
    {"EmptyTerm", R"(keywords:
  - id: k
    terms: ["a", "  "]
)",
     {"3:18: keywords[0].terms[1] is an empty term"}},
    {"TermsNotList", R"(keywords:
  - id: k
    terms: sanctions
)",
     {"3:12: keywords[0].terms must be a list, not a string"}},
    {"HeadersNotMap", R"(sources:
  - id: a
    url: https://example.com/
    headers: [Accept]
)",
     {"4:14: sources[0].headers must be a map of header name to value"}},
    {"BadHeaderName", R"(sources:
  - id: a
    url: https://example.com/
    headers:
      Bad Header: x
)",
     {"5:7: bad header name in sources[0].headers"}},
    {"EmptyStoragePath", R"(storage:
  path: ""
)",
     {"2:9: storage.path must not be empty"}},
    {"AllProblemsInFileOrder", R"(webhooks:
  - id: h
    url: https://example.com/hook
    secret: nope
sources:
  - id: a
    url: https://example.com/
    interval: 1x
log:
  level: loud
)",
     {"4:13: webhooks[0].secret must start with 'whsec_' (Standard Webhooks)",
      "8:15: bad duration '1x' for sources[0].interval (forms: 500ms, 30s, 10m, 1h, 1h30m)",
      "10:10: unknown log.level 'loud' (one of trace|debug|info|warn|error|critical|off)"}},
};

class LoadConfigErrorTest : public testing::TestWithParam<ErrorCase> {};

TEST_P(LoadConfigErrorTest, ReportsEachProblemWithPosition) {
  const ErrorCase& c = GetParam();
  TempDir dir;
  dir.Write("list.yaml", "entities: []\n");
  std::filesystem::path file = dir.Write("vigil.yaml", c.yaml);
  std::string want;
  for (const std::string& line : c.lines) {
    if (!want.empty()) want += '\n';
    want += file.string() + ":" + Replace(line, "{dir}", dir.path().string());
  }
  Result<Config> config = LoadConfig(file);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().message(), want);
}

INSTANTIATE_TEST_SUITE_P(Cases, LoadConfigErrorTest, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<ErrorCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(LoadConfigTest, ReportsMissingFile) {
  TempDir dir;
  std::filesystem::path file = dir.path() / "nope.yaml";
  Result<Config> config = LoadConfig(file);
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().message(),
            "cannot read config: " + file.string() + ": No such file or directory");
}

TEST(LoadConfigTest, ReportsFolderInsteadOfFile) {
  TempDir dir;
  Result<Config> config = LoadConfig(dir.path());
  ASSERT_FALSE(config.ok());
  EXPECT_EQ(config.status().message(),
            "cannot read config: " + dir.path().string() + ": is a directory");
}

TEST(LoadConfigTest, CapsTheNumberOfReportedProblems) {
  TempDir dir;
  std::string yaml = "sources:\n";
  for (int i = 0; i < 150; ++i) yaml += "  - type: feed\n    id: s" + std::to_string(i) + "\n";
  std::filesystem::path file = dir.Write("vigil.yaml", yaml);
  Result<Config> config = LoadConfig(file);
  ASSERT_FALSE(config.ok());
  const std::string message = config.status().message();
  EXPECT_EQ(std::count(message.begin(), message.end(), '\n'), 100);
  EXPECT_TRUE(message.ends_with(file.string() + ": ... and 50 more problems")) << message;
}

}  // namespace
}  // namespace vigil
