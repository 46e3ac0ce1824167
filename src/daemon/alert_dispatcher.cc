#include "alert_dispatcher.h"

#include <algorithm>

#include <boost/asio/post.hpp>
#include <spdlog/spdlog.h>

#include "vigil/base/time.h"

namespace vigil {

namespace asio = boost::asio;
using std::chrono::milliseconds;

namespace {
// How often the outbox is looked at when nothing kicks it: retries come due
// on their own schedule.
constexpr milliseconds kPollEvery(1000);
// Deliveries at once per webhook: a dead endpoint that holds connections
// until they time out takes at most this many of the pool's threads.
constexpr int kMaxInFlightPerWebhook = 2;
constexpr size_t kDeliveryThreads = 4;
// A Retry-After beyond this is a server bug, not a plan.
constexpr milliseconds kMaxRetryAfter = std::chrono::hours(24);
}  // namespace

AlertDispatcher::AlertDispatcher(DaemonContext& context)
    : context_(context), timer_(context.io), pool_(kDeliveryThreads) {}

AlertDispatcher::~AlertDispatcher() {
  pool_.stop();
  pool_.join();
}

void AlertDispatcher::Start() { Reconfigure(); }

void AlertDispatcher::Reconfigure() {
  ParkOrphans();
  Kick();
}

void AlertDispatcher::Kick() {
  asio::post(context_.io, [this] { Pump(); });
}

void AlertDispatcher::Stop() { timer_.cancel(); }

void AlertDispatcher::ArmTimer() {
  timer_.expires_after(kPollEvery);
  timer_.async_wait([this](const boost::system::error_code& ec) {
    if (!ec) Pump();
  });
}

void AlertDispatcher::ParkOrphans() {
  Result<std::vector<std::string>> pending = context_.store.PendingWebhookIds();
  if (!pending.ok()) {
    spdlog::error("alerts: cannot read the outbox: {}", pending.status().message());
    return;
  }
  const std::vector<WebhookConfig>& webhooks = context_.runtime->config.webhooks;
  for (const std::string& id : *pending) {
    bool configured = std::any_of(webhooks.begin(), webhooks.end(),
                                  [&](const WebhookConfig& w) { return w.id == id; });
    if (configured) continue;
    // Kept in the database as failed, so nothing is silently dropped.
    Result<int64_t> parked = context_.store.ParkPendingAlerts(id, "webhook no longer configured");
    if (!parked.ok()) {
      spdlog::error("alerts: {}", parked.status().message());
    } else {
      spdlog::error("webhook '{}' is no longer configured: {} pending alerts parked as failed",
                    id, *parked);
    }
  }
}

void AlertDispatcher::RecordUnrecordedDeliveries() {
  for (auto it = delivered_unrecorded_.begin(); it != delivered_unrecorded_.end();) {
    if (context_.store.MarkDelivered(*it, NowUnixMs()).ok()) {
      it = delivered_unrecorded_.erase(it);
    } else {
      ++it;
    }
  }
}

void AlertDispatcher::Pump() {
  if (context_.stopping) return;
  ArmTimer();
  RecordUnrecordedDeliveries();
  int64_t now = NowUnixMs();
  std::erase_if(held_until_, [&](const auto& held) { return held.second <= now; });
  // Rows in flight, held or unrecorded are still pending and due; ask for
  // enough rows to see past them.
  int skipped = static_cast<int>(in_flight_.size() + held_until_.size() +
                                 delivered_unrecorded_.size());
  for (const WebhookConfig& webhook : context_.runtime->config.webhooks) {
    int room = kMaxInFlightPerWebhook - in_flight_per_webhook_[webhook.id];
    if (room <= 0) continue;
    Result<std::vector<OutboxEntry>> due =
        context_.store.DueAlertsFor(webhook.id, now, room + skipped);
    if (!due.ok()) {
      spdlog::error("alerts: cannot read the outbox: {}", due.status().message());
      return;
    }
    for (const OutboxEntry& entry : *due) {
      if (room == 0) break;
      if (in_flight_.count(entry.id) || held_until_.count(entry.id) ||
          delivered_unrecorded_.count(entry.id)) {
        continue;
      }
      Send(entry, webhook);
      --room;
    }
  }
}

void AlertDispatcher::Send(const OutboxEntry& entry, const WebhookConfig& webhook) {
  in_flight_.insert(entry.id);
  ++in_flight_per_webhook_[webhook.id];
  // The work guard keeps io.run() alive until the outcome is posted back.
  auto work = asio::make_work_guard(context_.io);
  asio::post(pool_, [this, entry, webhook, work = std::move(work)] {
    DeliveryOutcome outcome;
    try {
      outcome = DeliverWebhook(webhook, entry.message_id, entry.payload, &context_.cancel);
    } catch (const std::exception& e) {  // last resort: the sender returns errors as values
      outcome.error = std::string("internal error: ") + e.what();
    }
    asio::post(context_.io, [this, entry, outcome] { Finish(entry, outcome); });
  });
}

void AlertDispatcher::Finish(const OutboxEntry& entry, const DeliveryOutcome& outcome) {
  in_flight_.erase(entry.id);
  --in_flight_per_webhook_[entry.webhook_id];
  // A slot is free: a backlog drains at the endpoint's pace, not one pump
  // per second.
  if (!context_.stopping) Kick();
  int64_t now = NowUnixMs();
  std::string& last_error = last_error_[entry.webhook_id];
  if (outcome.delivered) {
    if (!last_error.empty()) spdlog::info("webhook {}: delivering again", entry.webhook_id);
    last_error.clear();
    ++context_.counters.alerts_delivered;
    spdlog::info("alert {}: delivered to webhook {} ({})", entry.alert_id, entry.webhook_id,
                 entry.message_id);
    Status marked = context_.store.MarkDelivered(entry.id, now);
    if (!marked.ok()) {
      // Recorded again on the next pump; if the process dies first, it is
      // sent again after the restart under the same webhook-id (at least once).
      spdlog::error("alert {}: cannot record delivery: {}", entry.alert_id, marked.message());
      delivered_unrecorded_.insert(entry.id);
    }
    return;
  }
  // A transfer cut short by the stop is not an attempt.
  if (context_.stopping) return;
  const DaemonConfig& daemon = context_.runtime->config.daemon;
  int attempts = entry.attempts + 1;
  bool give_up = attempts >= daemon.alert_max_attempts;
  milliseconds delay =
      AlertRetryDelay(attempts, daemon.alert_backoff_base, daemon.alert_backoff_max);
  if (outcome.retry_after) delay = std::max(delay, std::min(*outcome.retry_after, kMaxRetryAfter));
  if (give_up) {
    spdlog::error("alert {}: giving up on webhook {} after {} attempts: {}", entry.alert_id,
                  entry.webhook_id, attempts, outcome.error);
  } else if (outcome.error != last_error) {
    spdlog::warn("webhook {}: {} (alert {} retried in {}s)", entry.webhook_id, outcome.error,
                 entry.alert_id, delay.count() / 1000);
  }
  last_error = outcome.error;
  Status marked = context_.store.MarkAttemptFailed(entry.id, now + delay.count(), outcome.error,
                                                   give_up);
  if (!marked.ok()) {
    spdlog::error("alert {}: cannot record failed attempt: {}", entry.alert_id, marked.message());
    held_until_[entry.id] = now + delay.count();
  }
}

}  // namespace vigil
