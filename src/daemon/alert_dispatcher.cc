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
  if (RefreshDisabled()) EnableChangedUrls();
  Kick();
}

bool AlertDispatcher::RefreshDisabled() {
  Result<std::vector<DisabledWebhook>> disabled = context_.store.DisabledWebhooks();
  if (!disabled.ok()) {
    spdlog::error("alerts: cannot read disabled webhooks: {}", disabled.status().message());
    return false;
  }
  std::map<std::string, DisabledWebhook> fresh;
  for (DisabledWebhook& webhook : *disabled) fresh[webhook.webhook_id] = std::move(webhook);
  for (const auto& [id, webhook] : disabled_) {
    if (!fresh.count(id)) {
      spdlog::warn("webhook {}: enabled again (alerts replayed)", id);
      announced_disabled_.erase(id);
    }
  }
  disabled_ = std::move(fresh);
  return true;
}

void AlertDispatcher::EnableChangedUrls() {
  for (const WebhookEndpoint& webhook : context_.runtime->config.webhooks) {
    auto it = disabled_.find(webhook.id);
    if (it == disabled_.end() || it->second.url == webhook.url) continue;
    Result<bool> enabled = context_.store.EnableWebhook(webhook.id);
    if (!enabled.ok()) {
      spdlog::error("alerts: {}", enabled.status().message());
      continue;
    }
    spdlog::warn(
        "webhook {}: url changed since it answered 410 Gone: enabled again (alerts parked "
        "meanwhile stay dead letters: `vigil alerts replay --all-failed` sends them)",
        webhook.id);
    disabled_.erase(it);
    announced_disabled_.erase(webhook.id);
  }
}

void AlertDispatcher::ParkAlertsOfDisabled(const WebhookEndpoint& webhook) {
  const DisabledWebhook& disabled = disabled_.at(webhook.id);
  if (announced_disabled_.insert(webhook.id).second) {
    spdlog::error(
        "webhook {} is disabled: {} answered {} at {}; its alerts go to the dead letters "
        "until its url changes or `vigil alerts replay` is run",
        webhook.id, WebhookOrigin(disabled.url), disabled.reason,
        FormatRfc3339(disabled.disabled_unix_ms));
  }
  // Only while still disabled in the database: a replay may have
  // re-enabled it since RefreshDisabled() read the table.
  Result<int64_t> parked = context_.store.ParkPendingAlertsOfDisabled(
      webhook.id, "webhook disabled: " + disabled.reason);
  if (!parked.ok()) {
    spdlog::error("alerts: {}", parked.status().message());
  } else if (*parked > 0) {
    spdlog::warn("webhook {} is disabled: {} new alerts parked as dead letters", webhook.id,
                 *parked);
  }
}

void AlertDispatcher::Disable(const OutboxEntry& entry, const WebhookEndpoint& webhook,
                              const DeliveryOutcome& outcome) {
  DisabledWebhook disabled{webhook.id, webhook.url, NowUnixMs(), outcome.error};
  // Parks this alert and every other pending one of the webhook.
  Result<int64_t> parked = context_.store.DisableWebhook(disabled);
  if (!parked.ok()) {
    spdlog::error("alert {}: webhook {} answered {} but the store refused to disable it: {}",
                  entry.alert_id, webhook.id, outcome.error, parked.status().message());
    held_until_[entry.id] = NowUnixMs() + std::chrono::milliseconds(kPollEvery * 60).count();
    return;
  }
  disabled_[webhook.id] = disabled;
  announced_disabled_.insert(webhook.id);
  spdlog::error(
      "webhook {} DISABLED: {} answered {} (the endpoint says it is gone for good); {} pending "
      "alerts parked as dead letters. Change its url in the config, or run `vigil alerts "
      "replay`, to enable it again",
      webhook.id, WebhookOrigin(webhook.url), outcome.error, *parked);
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
  const std::vector<WebhookEndpoint>& webhooks = context_.runtime->config.webhooks;
  for (const std::string& id : *pending) {
    bool configured = std::any_of(webhooks.begin(), webhooks.end(),
                                  [&](const WebhookEndpoint& w) { return w.id == id; });
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
  // The store is read again each pump: `vigil alerts replay` (another
  // process) may have re-enabled a webhook or re-queued alerts.
  if (!RefreshDisabled()) return;
  // A replay may have made alerts of a webhook that is no longer configured
  // pending again; nothing would ever send them.
  ParkOrphans();
  for (const WebhookEndpoint& webhook : context_.runtime->config.webhooks) {
    if (disabled_.count(webhook.id)) {
      ParkAlertsOfDisabled(webhook);
      continue;
    }
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

void AlertDispatcher::Send(const OutboxEntry& entry, const WebhookEndpoint& webhook) {
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
    asio::post(context_.io,
               [this, entry, webhook, outcome] { Finish(entry, webhook, outcome); });
  });
}

void AlertDispatcher::Finish(const OutboxEntry& entry, const WebhookEndpoint& webhook,
                             const DeliveryOutcome& outcome) {
  in_flight_.erase(entry.id);
  --in_flight_per_webhook_[entry.webhook_id];
  // A slot is free: a backlog drains at the endpoint's pace, not one pump
  // per second.
  if (!context_.stopping) Kick();
  int64_t now = NowUnixMs();
  // Another attempt of this webhook answered 410 while this one was in
  // flight: the row was parked with the rest.
  const bool disabled_meanwhile = disabled_.count(entry.webhook_id) > 0;
  std::string& last_error = last_error_[entry.webhook_id];
  if (outcome.delivered) {
    if (!last_error.empty()) spdlog::info("webhook {}: delivering again", entry.webhook_id);
    last_error.clear();
    ++context_.counters.alerts_delivered;
    spdlog::info("alert {}: delivered to webhook {} ({})", entry.alert_id, entry.webhook_id,
                 entry.message_id);
    Status marked = context_.store.MarkDelivered(entry.id, now);
    if (!marked.ok()) {
      if (disabled_meanwhile) {
        // Stays a dead letter; a replay would send it again under the same
        // webhook-id (at least once).
        spdlog::warn("alert {}: delivered, but already parked with its disabled webhook {}",
                     entry.alert_id, entry.webhook_id);
        return;
      }
      // Recorded again on the next pump; if the process dies first, it is
      // sent again after the restart under the same webhook-id (at least once).
      spdlog::error("alert {}: cannot record delivery: {}", entry.alert_id, marked.message());
      delivered_unrecorded_.insert(entry.id);
    }
    return;
  }
  // A transfer cut short by the stop is not an attempt.
  if (context_.stopping) return;
  if (disabled_meanwhile) return;
  int attempts = entry.attempts + 1;
  // A reload may have changed the URL while this attempt to the old one
  // was in flight: the old endpoint's 410 says nothing about the new one.
  const std::vector<WebhookEndpoint>& configured = context_.runtime->config.webhooks;
  auto current = std::find_if(configured.begin(), configured.end(),
                              [&](const WebhookEndpoint& w) { return w.id == webhook.id; });
  const bool url_changed = current == configured.end() || current->url != webhook.url;
  if (outcome.gone && url_changed) {
    spdlog::warn("webhook {}: the old url {} answered {}; its url has changed since, so it "
                 "stays enabled and alert {} is retried",
                 webhook.id, WebhookOrigin(webhook.url), outcome.error, entry.alert_id);
  } else if (outcome.gone) {
    // Counted as an attempt first, so `vigil alerts list` shows it.
    (void)context_.store.MarkAttemptFailed(entry.id, now, outcome.error, false);
    Disable(entry, webhook, outcome);
    last_error = outcome.error;
    return;
  }
  std::optional<milliseconds> delay = WebhookRetryDelay(webhook.backoff, attempts);
  bool give_up = !delay.has_value();
  if (!delay) delay = milliseconds(0);
  if (outcome.retry_after) {
    delay = std::max(*delay, std::min(*outcome.retry_after, kMaxRetryAfter));
  }
  if (give_up) {
    spdlog::error(
        "alert {}: giving up on webhook {} after {} attempts: {}; kept as a dead letter "
        "(`vigil alerts list --failed`, `vigil alerts replay {}`)",
        entry.alert_id, entry.webhook_id, attempts, outcome.error, entry.id);
  } else if (outcome.error != last_error) {
    spdlog::warn("webhook {}: {} (alert {} retried in {})", entry.webhook_id, outcome.error,
                 entry.alert_id, FormatRetryDelay(*delay));
  }
  last_error = outcome.error;
  Status marked = context_.store.MarkAttemptFailed(entry.id, now + delay->count(),
                                                   outcome.error, give_up);
  if (!marked.ok()) {
    spdlog::error("alert {}: cannot record failed attempt: {}", entry.alert_id, marked.message());
    held_until_[entry.id] = now + delay->count();
  }
}

}  // namespace vigil
