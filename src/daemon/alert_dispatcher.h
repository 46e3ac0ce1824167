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

  // Parks alerts of webhooks no longer configured, then starts pumping.
  void Start();
  // After a reload: the same, for the new set of webhooks.
  void Reconfigure();
  // Looks for due alerts now (after new ones were queued).
  void Kick();
  void Stop();
  int in_flight() const { return static_cast<int>(in_flight_.size()); }

 private:
  void Pump();
  void ArmTimer();
  void ParkOrphans();
  void RecordUnrecordedDeliveries();
  // Re-reads the webhooks disabled by 410 (`vigil alerts replay` may have
  // re-enabled one from another process); false when the store failed.
  bool RefreshDisabled();
  // A webhook whose URL changed since it answered 410 is enabled again.
  void EnableChangedUrls();
  // New alerts of a disabled webhook go straight to the dead letters.
  void ParkAlertsOfDisabled(const WebhookEndpoint& webhook);
  void Disable(const OutboxEntry& entry, const WebhookEndpoint& webhook,
               const DeliveryOutcome& outcome);
  void Send(const OutboxEntry& entry, const WebhookEndpoint& webhook);
  void Finish(const OutboxEntry& entry, const WebhookEndpoint& webhook,
              const DeliveryOutcome& outcome);

  DaemonContext& context_;
  boost::asio::steady_timer timer_;
  boost::asio::thread_pool pool_;
  std::set<int64_t> in_flight_;  // outbox ids being delivered
  std::map<std::string, int> in_flight_per_webhook_;
  // Delivered, but the database refused to record it: recorded again before
  // anything else, never re-sent while the process lives.
  std::set<int64_t> delivered_unrecorded_;
  // Failed, and the failure could not be recorded: held back in memory until
  // the given time, so a broken database does not turn into a resend loop.
  std::map<int64_t, int64_t> held_until_;
  std::map<std::string, std::string> last_error_;  // per webhook, to log changes once
  // Webhooks disabled by 410 Gone, as last read from the store.
  std::map<std::string, DisabledWebhook> disabled_;
  std::set<std::string> announced_disabled_;  // logged once per process
};

}  // namespace vigil

#endif  // VIGIL_DAEMON_ALERT_DISPATCHER_H_
