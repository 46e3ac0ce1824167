#include "vigil/runtime/watchlist_refresher.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "vigil/base/time.h"
#include "vigil/fetch/http_client.h"
#include "watchlist_download.h"

namespace vigil {

namespace asio = boost::asio;
using std::chrono::milliseconds;

struct WatchlistRefresher::Entry {
  Entry(asio::io_context& io, WatchlistConfig c) : config(std::move(c)), timer(io) {}
  WatchlistConfig config;
  asio::steady_timer timer;
  uint64_t generation = 0;  // results of older generations are stale
  bool queued = false;
  int failures = 0;
  std::string last_error;  // logged already; the same again is only debug
};

namespace {

std::string DurationText(milliseconds delay) {
  if (delay < std::chrono::seconds(1)) return std::to_string(delay.count()) + "ms";
  if (delay < std::chrono::minutes(2)) {
    return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(delay).count()) + "s";
  }
  return std::to_string(std::chrono::duration_cast<std::chrono::minutes>(delay).count()) + "min";
}

// Fields whose change makes a list a different download.
bool SameDownload(const WatchlistConfig& a, const WatchlistConfig& b) {
  return a.url == b.url && a.format == b.format && a.refresh == b.refresh;
}

}  // namespace

milliseconds ListRetryDelay(int failures, milliseconds refresh, milliseconds max_backoff) {
  milliseconds delay = std::chrono::seconds(10);
  for (int i = 1; i < failures && delay < max_backoff; ++i) delay *= 2;
  delay = std::min(delay, std::max(max_backoff, milliseconds(1000)));
  return std::min(delay, refresh);
}

WatchlistRefresher::WatchlistRefresher(asio::io_context& io,
                                       std::function<std::shared_ptr<const Runtime>()> current,
                                       const std::atomic<bool>& cancel,
                                       std::function<void(Watchlist)> on_updated)
    : io_(io),
      current_(std::move(current)),
      cancel_(cancel),
      on_updated_(std::move(on_updated)),
      jobs_(io) {}

WatchlistRefresher::~WatchlistRefresher() = default;

void WatchlistRefresher::Start() { Reconfigure(); }

void WatchlistRefresher::Reconfigure() {
  // Held here: a reload may swap the daemon's runtime while this one is read.
  std::shared_ptr<const Runtime> runtime = current_();
  const Config& config = runtime->config;
  std::map<std::string, std::unique_ptr<Entry>> entries;
  for (const WatchlistConfig& list : config.watchlists) {
    if (list.url.empty()) continue;
    auto found = entries_.find(list.id);
    if (found != entries_.end() && SameDownload(found->second->config, list)) {
      found->second->config = list;  // min_score, exclude, ... apply to the next parse
      entries[list.id] = std::move(found->second);
      continue;
    }
    auto entry = std::make_unique<Entry>(io_, list);
    entry->generation = next_generation_++;
    Schedule(*entry);
    entries[list.id] = std::move(entry);
  }
  // Dropped entries cancel their timers as they go.
  entries_ = std::move(entries);
  std::erase_if(queue_, [this](const std::string& id) { return !entries_.count(id); });
}

void WatchlistRefresher::RefreshNow() {
  for (auto& [id, entry] : entries_) {
    entry->timer.cancel();
    Enqueue(id);
  }
}

void WatchlistRefresher::Stop() {
  stopped_ = true;
  for (auto& [id, entry] : entries_) entry->timer.cancel();
  queue_.clear();
  jobs_.Abandon();
}

int WatchlistRefresher::failing() const {
  return static_cast<int>(std::count_if(entries_.begin(), entries_.end(),
                                        [](const auto& e) { return e.second->failures > 0; }));
}

bool WatchlistRefresher::InUse(const std::string& id) const {
  return current_()->downloaded_lists.count(id) > 0;
}

void WatchlistRefresher::Schedule(Entry& entry) {
  std::shared_ptr<const Runtime> held = current_();
  const Runtime& runtime = *held;
  auto in_use = runtime.downloaded_lists.find(entry.config.id);
  if (in_use == runtime.downloaded_lists.end() || in_use->second == 0) {
    if (in_use == runtime.downloaded_lists.end()) {
      spdlog::warn("watchlist '{}': no downloaded copy yet; not matched until {} answers",
                   entry.config.id, RedactUrl(entry.config.url));
    }
    Arm(entry, milliseconds(0));
    return;
  }
  int64_t due = in_use->second + entry.config.refresh.count();
  Arm(entry, milliseconds(std::max<int64_t>(0, due - NowUnixMs())));
}

void WatchlistRefresher::Arm(Entry& entry, milliseconds delay) {
  entry.timer.expires_after(delay);
  entry.timer.async_wait([this, id = entry.config.id](const boost::system::error_code& ec) {
    if (!ec && !stopped_) Enqueue(id);
  });
}

void WatchlistRefresher::Enqueue(const std::string& id) {
  auto found = entries_.find(id);
  if (found == entries_.end() || found->second->queued) return;
  found->second->queued = true;
  queue_.push_back(id);
  StartNextDownload();
}

void WatchlistRefresher::StartNextDownload() {
  if (downloading_ || queue_.empty() || stopped_) return;
  std::string id = queue_.front();
  queue_.pop_front();
  Entry& entry = *entries_.at(id);
  downloading_ = true;
  // Held here: a reload may swap the daemon's runtime while this one is read.
  std::shared_ptr<const Runtime> runtime = current_();
  const Config& config = runtime->config;
  spdlog::debug("watchlist '{}': checking {}", id, RedactUrl(entry.config.url));
  jobs_.Run<ListDownload>(
      [list = entry.config, limits = ListFetchLimits(config.fetch),
       cache = WatchlistCache(WatchlistCacheDir(config)), cancel = &cancel_] {
        try {
          return DownloadWatchlist(list, limits, cache, cancel);
        } catch (const std::exception& e) {  // last resort: the thread must not throw
          ListDownload failed;
          failed.error = e.what();
          return failed;
        }
      },
      [this, id, generation = entry.generation](ListDownload outcome) {
        Finish(id, generation, std::move(outcome));
      });
}

void WatchlistRefresher::Finish(const std::string& id, uint64_t generation,
                                ListDownload outcome) {
  downloading_ = false;
  auto found = entries_.find(id);
  // A reload may have removed or changed the list meanwhile.
  if (found != entries_.end() && found->second->generation == generation) {
    Entry& entry = *found->second;
    entry.queued = false;
    if (outcome.kind == ListDownload::Kind::kFailed) {
      RecordFailure(entry, outcome.error);
    } else {
      if (entry.failures > 0) {
        spdlog::info("watchlist '{}': {} answers again after {} failed attempts", id,
                     RedactUrl(entry.config.url), entry.failures);
      }
      entry.failures = 0;
      entry.last_error.clear();
      if (outcome.kind == ListDownload::Kind::kNotModified) {
        spdlog::debug("watchlist '{}': not modified", id);
      } else {
        spdlog::info("watchlist '{}': downloaded {} entities ({} bytes) from {}; rebuilding "
                     "the index",
                     id, outcome.list.entities.size(), outcome.bytes, RedactUrl(entry.config.url));
        on_updated_(std::move(outcome.list));
      }
      Arm(entry, entry.config.refresh);
    }
  } else if (found != entries_.end()) {
    found->second->queued = false;
  }
  StartNextDownload();
}

void WatchlistRefresher::RecordFailure(Entry& entry, const std::string& error) {
  ++entry.failures;
  milliseconds delay =
      ListRetryDelay(entry.failures, entry.config.refresh, current_()->config.daemon.max_backoff);
  const std::string& id = entry.config.id;
  if (!InUse(id)) {
    // No copy at all: every attempt is worth an error line until one works.
    spdlog::error("watchlist '{}': download failed ({} attempts): {}; running WITHOUT this list; "
                  "retrying in {}",
                  id, entry.failures, error, DurationText(delay));
  } else if (error != entry.last_error) {
    spdlog::error("watchlist '{}': refresh failed: {}; keeping the copy in use; retrying in {} "
                  "(repeats of this error are logged at debug level)",
                  id, error, DurationText(delay));
  } else {
    spdlog::debug("watchlist '{}': refresh failed again ({} attempts): {}; retrying in {}", id,
                  entry.failures, error, DurationText(delay));
  }
  entry.last_error = error;
  Arm(entry, delay);
}

}  // namespace vigil
