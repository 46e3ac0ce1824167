// Vigil's configuration, as loaded from YAML. Plain values; copyable.
// Every field names its YAML key and default.
#ifndef VIGIL_CONFIG_CONFIG_H_
#define VIGIL_CONFIG_CONFIG_H_

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "vigil/alert/webhook.h"
#include "vigil/base/status.h"
#include "vigil/fetch/fetch_limits.h"
#include "vigil/lists/list_formats.h"
#include "vigil/model/watchlist.h"

namespace vigil {

using std::chrono_literals::operator""ms;
using std::chrono_literals::operator""s;
using std::chrono_literals::operator""min;
using std::chrono_literals::operator""h;

struct StorageConfig {
  // storage.path, default "vigil.db"; resolved against the config file's
  // folder when relative.
  std::filesystem::path path;
};

struct SourceConfig {
  std::string id;                              // sources[].id, required, unique
  std::string url;                             // sources[].url: http, https or file
  std::chrono::milliseconds interval = 10min;  // sources[].interval
  // sources[].type: "auto" (sniff), "feed", "html" or "text".
  std::string type = "auto";
  FetchLimits limits;                          // sources[].fetch, defaults from fetch:
  std::map<std::string, std::string> headers;  // sources[].headers: extra request headers
};

// watchlists[]: the file to read (id, format, path, alt_path, add_path,
// min_score, exclude: the lists module's ListFileOptions), and for a
// downloaded list where from and how often.
struct WatchlistConfig : ListFileOptions {
  // watchlists[].url: download the list instead of reading `path`; the last
  // good copy is kept on disk and used when a refresh fails.
  std::string url;
  std::chrono::milliseconds refresh = 24h;  // watchlists[].refresh, for url lists
};

struct LogConfig {
  std::string level = "info";  // log.level: trace|debug|info|warn|error|critical|off
};

struct DaemonConfig {
  int max_concurrent_fetches = 4;           // daemon.max_concurrent_fetches
  double jitter = 0.1;                      // daemon.jitter: fraction of interval
  std::chrono::milliseconds max_backoff = 1h;  // daemon.max_backoff for failing sources
  // Alert retries are per webhook (webhooks[].backoff); the old
  // daemon.alert_* keys are refused with a pointer there.
};

struct Config {
  std::filesystem::path file;  // the config file this was loaded from
  StorageConfig storage;
  FetchLimits fetch;  // fetch:
  DaemonConfig daemon;
  LogConfig log;
  std::vector<SourceConfig> sources;
  std::vector<WatchlistConfig> watchlists;
  std::vector<KeywordList> keywords;  // keywords[]: {id, terms}
  std::vector<WebhookEndpoint> webhooks;  // webhooks[]
};

// Loads and validates a config file. On failure the Status message holds one
// "file:line:col: message" line per problem found (all of them, not just the
// first). Does not load the watchlists themselves; see LoadWatchlists.
Result<Config> LoadConfig(const std::filesystem::path& file);

// Loads every watchlist the config names, in order. Failures are reported
// as "file:line:col: message" lines against the watchlist file.
Result<std::vector<Watchlist>> LoadWatchlists(const Config& config);

// Loads one watchlist. Rows that real lists sometimes get wrong (a name
// missing, a broken quote) are skipped, not fatal; when `warnings` is given
// it receives one "file:line:col: message" line per skipped row.
Result<Watchlist> LoadWatchlist(const WatchlistConfig& list,
                                std::vector<std::string>* warnings = nullptr);

}  // namespace vigil

#endif  // VIGIL_CONFIG_CONFIG_H_
