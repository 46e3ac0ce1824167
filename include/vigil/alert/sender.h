// Sends one signed alert attempt to one webhook.
#ifndef VIGIL_ALERT_SENDER_H_
#define VIGIL_ALERT_SENDER_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "vigil/config/config.h"

namespace vigil {

struct DeliveryOutcome {
  bool delivered = false;  // a 2xx answer
  std::string error;       // when not delivered: "HTTP 503", "connect: ..."
  // Server asked for a delay (Retry-After on 429/503), if any.
  std::optional<std::chrono::milliseconds> retry_after;
};

// POSTs `payload` with webhook-id / webhook-timestamp / webhook-signature
// headers (fresh timestamp and signature per attempt). Never throws.
DeliveryOutcome DeliverWebhook(const WebhookConfig& webhook, const std::string& message_id,
                               const std::string& payload,
                               const std::atomic<bool>* cancel = nullptr);

// Delay before attempt number `attempts + 1` after `attempts` failures:
// base * 2^(attempts-1), capped at `max`, with +-20% jitter.
std::chrono::milliseconds AlertRetryDelay(int attempts, std::chrono::milliseconds base,
                                          std::chrono::milliseconds max);

}  // namespace vigil

#endif  // VIGIL_ALERT_SENDER_H_
