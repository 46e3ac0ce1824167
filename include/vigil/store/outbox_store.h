// The store's alert outbox and webhook state: what the delivery loop and
// `vigil alerts` read and update.
#ifndef VIGIL_STORE_OUTBOX_STORE_H_
#define VIGIL_STORE_OUTBOX_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vigil/base/status.h"

namespace vigil {

// Where an alert is in the outbox: waiting to be sent (or retried),
// delivered, or given up on and kept as a dead letter.
enum class OutboxState { kPending, kDelivered, kFailed };
// "pending", "delivered", "failed": the names stored and shown.
std::string_view OutboxStateName(OutboxState state);

struct OutboxEntry {
  int64_t id = 0;
  std::string alert_id;
  std::string webhook_id;
  std::string message_id;
  std::string payload;
  int attempts = 0;
  int64_t next_attempt_unix_ms = 0;
  std::string last_error;
  OutboxState state = OutboxState::kPending;
  int64_t created_unix_ms = 0;
  int64_t delivered_unix_ms = 0;  // 0 unless delivered
};

// A webhook whose endpoint answered 410 Gone: no deliveries until its URL
// changes in the config or an alert of it is replayed.
struct DisabledWebhook {
  std::string webhook_id;
  std::string url;  // the URL that answered 410
  int64_t disabled_unix_ms = 0;
  std::string reason;
};

// The part of the store the alert dispatcher and `vigil alerts` use.
class OutboxStore {
 public:
  virtual ~OutboxStore() = default;

  // Pending alerts with next_attempt <= now, oldest first.
  virtual Result<std::vector<OutboxEntry>> DueAlerts(int64_t now_unix_ms, int limit) = 0;
  // The same for one webhook only.
  virtual Result<std::vector<OutboxEntry>> DueAlertsFor(const std::string& webhook_id,
                                                        int64_t now_unix_ms, int limit) = 0;
  // Webhook ids that have pending alerts.
  virtual Result<std::vector<std::string>> PendingWebhookIds() = 0;
  // Parks every pending alert of `webhook_id` as "failed" with `error` (kept,
  // not deleted); returns how many.
  virtual Result<int64_t> ParkPendingAlerts(const std::string& webhook_id,
                                            const std::string& error) = 0;
  // The same, but only while `webhook_id` is still disabled in the database
  // (webhook_state), checked in the same statement: a `vigil alerts replay`
  // that re-enabled it after the caller last looked is not undone.
  virtual Result<int64_t> ParkPendingAlertsOfDisabled(const std::string& webhook_id,
                                                      const std::string& error) = 0;
  // Earliest next_attempt among pending alerts, or nullopt if none.
  virtual Result<std::optional<int64_t>> NextAlertDue() = 0;
  virtual Status MarkDelivered(int64_t outbox_id, int64_t now_unix_ms) = 0;
  // Records a failed attempt; `give_up` parks the alert as "failed".
  virtual Status MarkAttemptFailed(int64_t outbox_id, int64_t next_attempt_unix_ms,
                                   const std::string& error, bool give_up) = 0;
  // Dead letters and 410 Gone (`vigil alerts`). Each is one transaction, so
  // `vigil alerts replay` can run against the live daemon's database.
  //
  // Disables `webhook.webhook_id` and parks its pending alerts as failed
  // with `webhook.reason`; returns how many were parked.
  virtual Result<int64_t> DisableWebhook(const DisabledWebhook& webhook) = 0;
  virtual Result<std::vector<DisabledWebhook>> DisabledWebhooks() = 0;
  // True when it was disabled.
  virtual Result<bool> EnableWebhook(const std::string& webhook_id) = 0;
  // Makes the failed or pending outbox rows `outbox_ids` pending again, due
  // at `now_unix_ms`, attempts reset to 0, same webhook-id (message_id) and
  // payload; re-enables their webhooks. Delivered rows are left alone.
  // Returns how many rows were replayed.
  virtual Result<int64_t> ReplayAlerts(const std::vector<int64_t>& outbox_ids,
                                       int64_t now_unix_ms) = 0;
  // Alerts in one state, oldest first.
  virtual Result<std::vector<OutboxEntry>> ListAlertsInState(OutboxState state) = 0;
  // Every alert, oldest first (for `vigil alerts list`).
  virtual Result<std::vector<OutboxEntry>> ListAlerts() = 0;
};

}  // namespace vigil

#endif  // VIGIL_STORE_OUTBOX_STORE_H_
