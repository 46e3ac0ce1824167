// Keeps downloaded watchlists (watchlists[].url) fresh: one timer per list,
// downloads one at a time on a worker thread, failures retried with backoff
// and logged once per change of state. A new copy is handed to the daemon
// (which rebuilds the matcher in the background); a failed refresh never
// takes the list in use away.
#ifndef VIGIL_RUNTIME_WATCHLIST_REFRESHER_H_
#define VIGIL_RUNTIME_WATCHLIST_REFRESHER_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "vigil/runtime/background_jobs.h"
#include "vigil/runtime/runtime.h"

namespace vigil {

struct ListDownload;  // watchlist_download.h

// Delay before retrying after `failures` consecutive failed refreshes:
// 10 s doubling per failure, capped at max_backoff, never beyond `refresh`.
std::chrono::milliseconds ListRetryDelay(int failures, std::chrono::milliseconds refresh,
                                         std::chrono::milliseconds max_backoff);

// Not thread-safe: lives on the io thread.
class WatchlistRefresher {
 public:
  // `current` is the runtime in use (its config names the lists, its
  // downloaded_lists says which are loaded); `cancel` aborts a running
  // download when set; `on_updated` receives each new copy (already in the
  // cache), on the io thread.
  WatchlistRefresher(boost::asio::io_context& io,
                     std::function<std::shared_ptr<const Runtime>()> current,
                     const std::atomic<bool>& cancel, std::function<void(Watchlist)> on_updated);
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

  boost::asio::io_context& io_;
  std::function<std::shared_ptr<const Runtime>()> current_;
  const std::atomic<bool>& cancel_;
  std::function<void(Watchlist)> on_updated_;
  bool stopped_ = false;
  std::map<std::string, std::unique_ptr<Entry>> entries_;
  std::deque<std::string> queue_;  // ids due for a download, in order
  bool downloading_ = false;
  uint64_t next_generation_ = 1;
  BackgroundJobs jobs_;
};

}  // namespace vigil

#endif  // VIGIL_RUNTIME_WATCHLIST_REFRESHER_H_
