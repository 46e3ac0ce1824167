#include "alert_dispatcher.h"

#include <algorithm>

#include <boost/asio/post.hpp>
#include <spdlog/spdlog.h>

#include "vigil/base/time.h"

namespace vigil {

namespace asio = boost::asio;

namespace {
// How often the outbox is looked at when nothing kicks it: retries come due
// on their own schedule.
constexpr std::chrono::milliseconds kPollEvery(1000);
constexpr int kBatch = 64;
constexpr size_t kDeliveryThreads = 4;
}  // namespace

AlertDispatcher::AlertDispatcher(DaemonContext& context)
    : context_(context), timer_(context.io), pool_(kDeliveryThreads) {}

AlertDispatcher::~AlertDispatcher() {
  pool_.stop();
  pool_.join();
}

void AlertDispatcher::Start() { Kick(); }

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

void AlertDispatcher::Pump() {
  if (context_.stopping) return;
  ArmTimer();
  Result<std::vector<OutboxEntry>> due = context_.store.DueAlerts(NowUnixMs(), kBatch);
  if (!due.ok()) {
    spdlog::error("alerts: cannot read the outbox: {}", due.status().message());
    return;
  }
  const std::vector<WebhookConfig>& webhooks = context_.runtime->config.webhooks;
  for (const OutboxEntry& entry : *due) {
    if (in_flight_.count(entry.id)) continue;
    auto webhook = std::find_if(webhooks.begin(), webhooks.end(),
                                [&](const WebhookConfig& w) { return w.id == entry.webhook_id; });
    if (webhook == webhooks.end()) {
      // Kept in the database as failed, so nothing is silently dropped.
      spdlog::error("alert {}: webhook '{}' is no longer configured; parked as failed",
                    entry.alert_id, entry.webhook_id);
      Status parked = context_.store.MarkAttemptFailed(entry.id, NowUnixMs(),
                                                       "webhook no longer configured", true);
      if (!parked.ok()) spdlog::error("alerts: {}", parked.message());
      continue;
    }
    in_flight_.insert(entry.id);
    auto work = asio::make_work_guard(context_.io);
    asio::post(pool_, [this, entry, webhook = *webhook, work = std::move(work)] {
      DeliveryOutcome outcome =
          DeliverWebhook(webhook, entry.message_id, entry.payload, &context_.cancel);
      asio::post(context_.io, [this, entry, outcome] { Finish(entry, outcome); });
    });
  }
}

void AlertDispatcher::Finish(const OutboxEntry& entry, const DeliveryOutcome& outcome) {
  in_flight_.erase(entry.id);
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
      // It stays pending and is sent again: at least once, same webhook-id.
      spdlog::error("alert {}: cannot record delivery: {}", entry.alert_id, marked.message());
    }
    return;
  }
  // A transfer cut short by the stop is not an attempt.
  if (context_.stopping) return;
  const DaemonConfig& daemon = context_.runtime->config.daemon;
  int attempts = entry.attempts + 1;
  bool give_up = attempts >= daemon.alert_max_attempts;
  std::chrono::milliseconds delay =
      AlertRetryDelay(attempts, daemon.alert_backoff_base, daemon.alert_backoff_max);
  if (outcome.retry_after) delay = std::max(delay, *outcome.retry_after);
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
  if (!marked.ok()) spdlog::error("alert {}: {}", entry.alert_id, marked.message());
}

}  // namespace vigil
