// Polls every configured source on its own timer: fetch and parse on a
// bounded worker pool, then dedupe, match and store on the io thread.
#ifndef VIGIL_DAEMON_SOURCE_SCHEDULER_H_
#define VIGIL_DAEMON_SOURCE_SCHEDULER_H_

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include "daemon_context.h"
#include "vigil/fetch/http_client.h"
#include "vigil/parse/parser.h"
#include "vigil/pipeline/poll.h"

namespace vigil {

// Delay before the next poll: the interval with +-jitter, or after
// `error_count` consecutive failures interval * 2^error_count capped at
// max(max_backoff, interval). `unit_random` is in [0, 1).
std::chrono::milliseconds NextPollDelay(std::chrono::milliseconds interval, double jitter,
                                        int error_count, std::chrono::milliseconds max_backoff,
                                        double unit_random);

// Not thread-safe: lives on the io thread.
class SourceScheduler {
 public:
  // `on_alerts_queued` runs (on the io thread) after new alerts were stored.
  SourceScheduler(DaemonContext& context, std::function<void()> on_alerts_queued);
  ~SourceScheduler();
  SourceScheduler(const SourceScheduler&) = delete;  // owns timers bound to `this`
  SourceScheduler& operator=(const SourceScheduler&) = delete;

  // Loads persisted polling state and arms a timer per source.
  void Start();
  // Applies the sources of a new runtime: adds, removes and updates pollers.
  void Reconfigure();
  // Cancels timers; in-flight polls finish or abort (context.cancel).
  void Stop();

  int in_flight() const { return in_flight_; }
  int failing() const;
  int source_count() const { return static_cast<int>(pollers_.size()); }
  // The condition of the database as the last write found it.
  StorageFault storage_fault() const { return storage_fault_; }

 private:
  struct Poller;

  void Arm(Poller& poller, std::chrono::milliseconds delay);
  void StartPoll(const std::string& id);
  void FinishPoll(const std::string& id, uint64_t generation, PollResult outcome);
  void ForgetValidators(Poller& poller);
  void RecordFailure(Poller& poller, PollFailure kind, const std::string& error,
                     int64_t now_ms);
  // Logs a change of the database's condition (full, read-only, locked,
  // ...) once, not once per write.
  void NoteStorage(const Status& status, const std::string& what);
  void LogParseWarnings(Poller& poller, const std::vector<std::string>& warnings);
  void SaveState(const Poller& poller);
  double UnitRandom();

  DaemonContext& context_;
  std::function<void()> on_alerts_queued_;
  boost::asio::thread_pool pool_;
  std::map<std::string, std::unique_ptr<Poller>> pollers_;
  uint64_t next_generation_ = 1;
  int in_flight_ = 0;
  uint64_t random_state_;
  StorageFault storage_fault_ = StorageFault::kNone;
};

}  // namespace vigil

#endif  // VIGIL_DAEMON_SOURCE_SCHEDULER_H_
