// One refresh of a downloaded watchlist: conditional GET, parse, compile on
// its own, then commit to the cache. Blocking; runs on a worker thread.
#ifndef VIGIL_SRC_RUNTIME_WATCHLIST_DOWNLOAD_H_
#define VIGIL_SRC_RUNTIME_WATCHLIST_DOWNLOAD_H_

#include <atomic>
#include <cstdint>
#include <string>

#include "vigil/config/config.h"
#include "vigil/model/watchlist.h"
#include "watchlist_cache.h"

namespace vigil {

// Lists are far larger than feeds (OFAC SDN ~5 MiB, OpenSanctions exports
// hundreds of MiB), so a list download may take up to this much...
inline constexpr uint64_t kListMaxBody = 256ull << 20;
// ...and this long, whatever smaller fetch.max_body / fetch.timeout say.
inline constexpr std::chrono::minutes kListTimeout{10};

// The global fetch limits with max_body and timeout raised to the above.
FetchLimits ListFetchLimits(const FetchLimits& global);

struct ListDownload {
  enum class Kind { kUpdated, kNotModified, kFailed };
  Kind kind = Kind::kFailed;
  Watchlist list;       // kUpdated: the new copy, already committed to the cache
  std::string error;    // kFailed: why; the cached copy is untouched
  uint64_t bytes = 0;   // kUpdated: size of the body
};

// Fetches `list.url`, sending the cached copy's validators when that copy
// is intact and came from the same URL. A 200 body is written to a temp
// file in the cache folder, loaded with LoadWatchlist and compiled alone
// with Matcher::Build; only a copy that passes both becomes the cached copy
// (so a restart never finds a cached list it cannot use). A 304 only
// refreshes the metadata's checked time. `cancel` aborts the transfer.
ListDownload DownloadWatchlist(const WatchlistConfig& list, const FetchLimits& limits,
                               const WatchlistCache& cache, const std::atomic<bool>* cancel);

}  // namespace vigil

#endif  // VIGIL_SRC_RUNTIME_WATCHLIST_DOWNLOAD_H_
