// Keeps downloaded watchlists (watchlists[].url) fresh: one timer per list,
// downloads one at a time on a worker thread, failures retried with backoff
// and logged once per change of state. A new copy is handed to the daemon
// (which rebuilds the matcher in the background); a failed refresh never
// takes the list in use away.
#ifndef VIGIL_DAEMON_WATCHLIST_REFRESHER_H_
#define VIGIL_DAEMON_WATCHLIST_REFRESHER_H_

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include <boost/asio/steady_timer.hpp>

#include "background_jobs.h"
#include "daemon_context.h"
#include "watchlist_download.h"

namespace vigil {

// Delay before retrying after `failures` consecutive failed refreshes:
// 10 s doubling per failure, capped at max_backoff, never beyond `refresh`.
std::chrono::milliseconds ListRetryDelay(int failures, std::chrono::milliseconds refresh,
                                         std::chrono::milliseconds max_backoff);

// Not thread-safe: lives on the io thread.
class WatchlistRefresher {
 public:
  // `on_updated` receives each new copy (already in the cache), io thread.
  WatchlistRefresher(DaemonContext& context, std::function<void(Watchlist)> on_updated);
  ~WatchlistRefresher();
  WatchlistRefresher(const WatchlistRefresher&) = delete;  // owns timers bound to `this`
  WatchlistRefresher& operator=(const WatchlistRefresher&) = delete;

  // Arms a timer per url list of the current runtime: due now when there is
  // no cached copy (or it came from another URL), else when its refresh
  // interval since the server last confirmed it is up.
  void Start();
  // Applies the lists of a new runtime (after a reload): new or changed
  // lists are scheduled as by Start(), removed ones forgotten.
  void Reconfigure();
  // Checks every downloaded list now (conditional GET), e.g. on SIGHUP.
  void RefreshNow();
  // Cancels timers and abandons a running download.
  void Stop();

  int list_count() const { return static_cast<int>(entries_.size()); }
  int failing() const;
  bool left_running() const { return jobs_.left_running(); }

 private:
  struct Entry;

  void Schedule(Entry& entry);
  void Arm(Entry& entry, std::chrono::milliseconds delay);
  void Enqueue(const std::string& id);
  void StartNextDownload();
  void Finish(const std::string& id, uint64_t generation, ListDownload outcome);
  void RecordFailure(Entry& entry, const std::string& error);
  bool InUse(const std::string& id) const;

  DaemonContext& context_;
  std::function<void(Watchlist)> on_updated_;
  std::map<std::string, std::unique_ptr<Entry>> entries_;
  std::deque<std::string> queue_;  // ids due for a download, in order
  bool downloading_ = false;
  uint64_t next_generation_ = 1;
  BackgroundJobs jobs_;
};

}  // namespace vigil

#endif  // VIGIL_DAEMON_WATCHLIST_REFRESHER_H_
