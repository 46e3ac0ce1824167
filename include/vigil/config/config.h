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

#include "vigil/base/status.h"
#include "vigil/watchlist/watchlist.h"

namespace vigil {

using std::chrono_literals::operator""ms;
using std::chrono_literals::operator""s;
using std::chrono_literals::operator""min;
using std::chrono_literals::operator""h;

// fetch: (global) and sources[].fetch: (per-source override).
struct FetchLimits {
  std::chrono::milliseconds timeout = 30s;          // timeout: whole transfer
  std::chrono::milliseconds connect_timeout = 10s;  // connect_timeout
  uint64_t max_body = 16ull << 20;                  // max_body: "16MiB", bytes
  int max_redirects = 5;                            // max_redirects
  // block_private_addresses: refuse loopback, private, link-local and
  // metadata addresses, checked after DNS resolution (also on redirects).
  bool block_private_addresses = false;
  std::filesystem::path ca_file;  // ca_file: extra trust anchors (PEM); empty = system store
};

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

struct WatchlistConfig {
  std::string id;        // watchlists[].id, required, unique
  // watchlists[].format: "vigil-yaml", "ofac-sdn-csv", "un-xml",
  // "opensanctions-ftm", "opensanctions-csv", "uk-csv", "eu-csv".
  std::string format;
  std::filesystem::path path;  // watchlists[].path, resolved like storage.path
  std::filesystem::path alt_path;  // watchlists[].alt_path: OFAC alt.csv (aliases)
  std::filesystem::path add_path;  // watchlists[].add_path: OFAC add.csv (addresses)
  // watchlists[].url: download the list instead of reading `path`; the last
  // good copy is kept on disk and used when a refresh fails.
  std::string url;
  std::chrono::milliseconds refresh = 24h;  // watchlists[].refresh, for url lists
  double min_score = 0.9;                   // watchlists[].min_score, in [0, 1]
  std::vector<std::string> exclude;         // watchlists[].exclude: entity ids
};

struct WebhookConfig {
  std::string id;      // webhooks[].id, required, unique
  std::string url;     // webhooks[].url: http or https
  std::string secret;  // webhooks[].secret: "whsec_" + base64 key
  std::chrono::milliseconds timeout = 15s;  // webhooks[].timeout
  // Further secrets during key rotation: every attempt is signed with
  // `secret` and each of these (space-separated webhook-signature values).
  std::vector<std::string> extra_secrets;
  // webhooks[].backoff: delays between attempts; after the last one fails the
  // alert is parked as failed (a dead letter). Standard Webhooks' schedule.
  std::vector<std::chrono::milliseconds> backoff = {5s, 5min, 30min, 2h, 5h, 10h, 10h};
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
  FetchLimits fetch;
  DaemonConfig daemon;
  LogConfig log;
  std::vector<SourceConfig> sources;
  std::vector<WatchlistConfig> watchlists;
  std::vector<KeywordList> keywords;  // keywords[]: {id, terms}
  std::vector<WebhookConfig> webhooks;
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
