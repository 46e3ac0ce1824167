// The last good copy of each downloaded watchlist, kept on disk next to the
// database (<storage dir>/lists/<id>.<ext> plus <id>.meta.json with the
// validators and a SHA-256 of the copy), so that a restart with the list
// host down still has the list.
#ifndef VIGIL_SRC_RUNTIME_WATCHLIST_CACHE_H_
#define VIGIL_SRC_RUNTIME_WATCHLIST_CACHE_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "vigil/base/status.h"
#include "vigil/config/config.h"

namespace vigil {

// What is known about a cached copy (the .meta.json file).
struct CachedListMeta {
  std::string url;            // where it was downloaded from
  std::string etag;           // validators for the next conditional GET
  std::string last_modified;
  int64_t fetched_at_ms = 0;  // when this copy was downloaded (Unix ms)
  int64_t checked_at_ms = 0;  // last time the server confirmed it (200 or 304)
  uint64_t size = 0;          // bytes of the copy
  std::string sha256;         // hex digest of the copy
};

struct CachedList {
  std::filesystem::path path;  // the verified copy
  CachedListMeta meta;
};

// "<storage dir>/lists": where the copies live for `config`.
std::filesystem::path WatchlistCacheDir(const Config& config);

// Not synchronised: callers write one list id from one thread at a time
// (the refresher downloads lists one by one). Reads may run concurrently
// with a write to the same id; they see the old or the new copy, whole.
class WatchlistCache {
 public:
  explicit WatchlistCache(std::filesystem::path dir) : dir_(std::move(dir)) {}

  const std::filesystem::path& dir() const { return dir_; }

  // The verified cached copy of `list`. Errors: none cached ("no cached
  // copy"), or a copy that does not match its metadata (partial write,
  // corruption, edited by hand): the message says which file and why; the
  // caller must ignore such a copy.
  Result<CachedList> Read(const WatchlistConfig& list) const;

  // Writes `body` to a new temporary file in the cache folder (fsynced) and
  // returns its path; parse it there, then Commit() or Discard() it.
  Result<std::filesystem::path> WriteTemp(const WatchlistConfig& list,
                                          std::string_view body) const;
  // Makes `temp` (from WriteTemp) the cached copy of `list` with `meta`
  // (size and sha256 are filled in here): rename over the old copy, then
  // the metadata likewise, then fsync the folder.
  Status Commit(const WatchlistConfig& list, const std::filesystem::path& temp,
                CachedListMeta meta) const;
  void Discard(const std::filesystem::path& temp) const;
  // Rewrites only the metadata (e.g. checked_at after a 304).
  Status WriteMeta(const WatchlistConfig& list, const CachedListMeta& meta) const;

  std::filesystem::path DataPath(const WatchlistConfig& list) const;
  std::filesystem::path MetaPath(const WatchlistConfig& list) const;

 private:
  Status EnsureDir() const;

  std::filesystem::path dir_;
};

// Hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

}  // namespace vigil

#endif  // VIGIL_SRC_RUNTIME_WATCHLIST_CACHE_H_
