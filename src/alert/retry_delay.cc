// WebhookRetryDelay lives apart from DeliverWebhook so it needs no HTTP client.
#include <random>

#include "vigil/alert/sender.h"

namespace vigil {

std::optional<std::chrono::milliseconds> WebhookRetryDelay(
    const std::vector<std::chrono::milliseconds>& backoff, int attempts) {
  if (attempts < 1) attempts = 1;
  if (static_cast<size_t>(attempts) > backoff.size()) return std::nullopt;
  double delay_ms = static_cast<double>(backoff[static_cast<size_t>(attempts) - 1].count());
  thread_local std::mt19937 rng{std::random_device{}()};
  std::uniform_real_distribution<double> jitter(0.9, 1.1);
  return std::chrono::milliseconds(static_cast<int64_t>(delay_ms * jitter(rng)));
}

}  // namespace vigil
