#include "vigil/runtime/runtime.h"

#include <algorithm>

#include "vigil/base/time.h"
#include "watchlist_cache.h"

namespace vigil {

namespace {

// A downloaded list from its cached copy. Never fails the load: a missing
// or unusable copy leaves the list out (listed in missing_lists) so that a
// list host being down cannot keep the daemon from starting.
void LoadCachedList(const WatchlistConfig& entry, const WatchlistCache& cache, Runtime& runtime,
                    std::vector<Watchlist>& lists) {
  Result<CachedList> cached = cache.Read(entry);
  if (!cached.ok()) {
    // A first start simply has no copy yet; anything else is worth a line.
    if (std::filesystem::exists(cache.MetaPath(entry)) ||
        std::filesystem::exists(cache.DataPath(entry))) {
      runtime.warnings.push_back("watchlist '" + entry.id + "': ignoring the " +
                                 cached.status().message());
    }
    runtime.missing_lists.push_back(entry.id);
    return;
  }
  WatchlistConfig from_cache = entry;
  from_cache.path = cached->path;
  Result<Watchlist> list = LoadWatchlist(from_cache, &runtime.warnings);
  if (!list.ok()) {
    // E.g. the format: changed since the copy was downloaded.
    runtime.warnings.push_back("watchlist '" + entry.id + "': ignoring the cached copy " +
                               cached->path.string() + ": " + list.status().message());
    runtime.missing_lists.push_back(entry.id);
    return;
  }
  runtime.downloaded_lists[entry.id] =
      cached->meta.url == entry.url ? cached->meta.checked_at_ms : 0;
  lists.push_back(std::move(list).value());
}

bool IsDownloaded(const Config& config, const std::string& id) {
  return std::any_of(config.watchlists.begin(), config.watchlists.end(),
                     [&](const WatchlistConfig& w) { return w.id == id && !w.url.empty(); });
}

}  // namespace

Result<Runtime> LoadRuntime(const std::filesystem::path& config_file) {
  Result<Config> config = LoadConfig(config_file);
  if (!config.ok()) return config.status();

  Runtime runtime;
  WatchlistCache cache(WatchlistCacheDir(*config));
  std::vector<Watchlist> lists;
  std::string errors;
  for (const WatchlistConfig& entry : config->watchlists) {
    if (!entry.url.empty()) {
      LoadCachedList(entry, cache, runtime, lists);
      continue;
    }
    Result<Watchlist> list = LoadWatchlist(entry, &runtime.warnings);
    if (list.ok()) {
      lists.push_back(std::move(list).value());
    } else {
      if (!errors.empty()) errors += '\n';
      errors += list.status().message();
    }
  }
  if (!errors.empty()) return Status::Error(std::move(errors));
  Result<std::shared_ptr<const Matcher>> matcher = Matcher::Build(lists, config->keywords);
  if (!matcher.ok()) return matcher.status();

  runtime.config = std::move(config).value();
  runtime.watchlists = std::move(lists);
  runtime.matcher = std::move(matcher).value();
  for (const Watchlist& list : runtime.watchlists) runtime.entity_count += list.entities.size();
  return runtime;
}

Result<Runtime> ReplaceWatchlists(const Runtime& base, std::vector<Watchlist> lists) {
  Runtime runtime;
  runtime.config = base.config;
  runtime.downloaded_lists = base.downloaded_lists;
  // Keep the config's order; a list that was missing takes its place now.
  for (const WatchlistConfig& entry : base.config.watchlists) {
    auto fresh = std::find_if(lists.begin(), lists.end(),
                              [&](const Watchlist& w) { return w.id == entry.id; });
    if (fresh != lists.end() && IsDownloaded(base.config, entry.id)) {
      runtime.watchlists.push_back(std::move(*fresh));
      lists.erase(fresh);
      runtime.downloaded_lists[entry.id] = NowUnixMs();  // just downloaded
      continue;
    }
    auto old = std::find_if(base.watchlists.begin(), base.watchlists.end(),
                            [&](const Watchlist& w) { return w.id == entry.id; });
    if (old != base.watchlists.end()) {
      runtime.watchlists.push_back(*old);
    } else {
      runtime.missing_lists.push_back(entry.id);
    }
  }
  Result<std::shared_ptr<const Matcher>> matcher =
      Matcher::Build(runtime.watchlists, runtime.config.keywords);
  if (!matcher.ok()) return matcher.status();
  runtime.matcher = std::move(matcher).value();
  for (const Watchlist& list : runtime.watchlists) runtime.entity_count += list.entities.size();
  return runtime;
}

}  // namespace vigil
