// Delivers queued alerts from the store's outbox to their webhooks, with
// retries and backoff; at least once, under a stable webhook-id.
#ifndef VIGIL_DAEMON_ALERT_DISPATCHER_H_
#define VIGIL_DAEMON_ALERT_DISPATCHER_H_

#include <map>
#include <set>
#include <string>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include "daemon_context.h"
#include "vigil/alert/sender.h"

namespace vigil {

// Not thread-safe: lives on the io thread; deliveries run on its own pool.
class AlertDispatcher {
 public:
  explicit AlertDispatcher(DaemonContext& context);
  ~AlertDispatcher();
  AlertDispatcher(const AlertDispatcher&) = delete;  // timers bound to `this`
  AlertDispatcher& operator=(const AlertDispatcher&) = delete;

  void Start();
  // Looks for due alerts now (after new ones were queued, or a reload).
  void Kick();
  void Stop();
  int in_flight() const { return static_cast<int>(in_flight_.size()); }

 private:
  void Pump();
  void ArmTimer();
  void Finish(const OutboxEntry& entry, const DeliveryOutcome& outcome);

  DaemonContext& context_;
  boost::asio::steady_timer timer_;
  boost::asio::thread_pool pool_;
  std::set<int64_t> in_flight_;  // outbox ids being delivered
  std::map<std::string, std::string> last_error_;  // per webhook, to log changes once
};

}  // namespace vigil

#endif  // VIGIL_DAEMON_ALERT_DISPATCHER_H_
