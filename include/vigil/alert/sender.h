// Sends one signed alert attempt to one webhook.
#ifndef VIGIL_ALERT_SENDER_H_
#define VIGIL_ALERT_SENDER_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vigil/alert/webhook.h"

namespace vigil {

struct DeliveryOutcome {
  bool delivered = false;  // a 2xx answer
  std::string error;       // when not delivered: "HTTP 503", "connect: ..."
  // Server asked for a delay (Retry-After on 429/503), if any.
  std::optional<std::chrono::milliseconds> retry_after;
  // HTTP 410 Gone: the endpoint says it will never take alerts again.
  bool gone = false;
};

// POSTs `payload` with webhook-id / webhook-timestamp / webhook-signature
// headers (fresh timestamp and signature per attempt; one signature per
// configured secret, `secret` first, then `extra_secrets`). Never throws.
DeliveryOutcome DeliverWebhook(const WebhookEndpoint& webhook, const std::string& message_id,
                               const std::string& payload,
                               const std::atomic<bool>* cancel = nullptr);

// What errors, logs and stored last_error say about a webhook's URL:
// scheme://host[:port] only. Slack, Discord, Teams and most webhook URLs
// carry their credential in the path or the query (and some in userinfo),
// so none of those is ever shown. "<webhook url>" when `url` has no scheme.
std::string WebhookOrigin(const std::string& url);

// A retry delay for the log: "250ms" under a second, else seconds with one
// decimal ("1.0s", "300.0s"), so short delays do not read as "0s".
std::string FormatRetryDelay(std::chrono::milliseconds delay);

// After `attempts` failed attempts (1 = the first one failed), the delay
// before the next: backoff[attempts - 1] with +-10% jitter, so the retries of
// many alerts that failed together do not stampede the receiver. nullopt
// when the schedule is exhausted: the alert becomes a dead letter.
std::optional<std::chrono::milliseconds> WebhookRetryDelay(
    const std::vector<std::chrono::milliseconds>& backoff, int attempts);

}  // namespace vigil

#endif  // VIGIL_ALERT_SENDER_H_
