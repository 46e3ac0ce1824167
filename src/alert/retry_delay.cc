// AlertRetryDelay lives apart from DeliverWebhook so it needs no HTTP client.
#include "vigil/alert/sender.h"

#include <algorithm>
#include <random>

namespace vigil {

std::chrono::milliseconds AlertRetryDelay(int attempts, std::chrono::milliseconds base,
                                          std::chrono::milliseconds max) {
  if (attempts < 1) attempts = 1;
  // Doubling in double precision cannot overflow; the cap applies before
  // converting back.
  double delay_ms = static_cast<double>(base.count());
  for (int i = 1; i < attempts && delay_ms < static_cast<double>(max.count()); ++i) {
    delay_ms *= 2;
  }
  delay_ms = std::min(delay_ms, static_cast<double>(max.count()));
  // Jitter spreads retries of alerts that failed together (one webhook
  // outage) so they do not all hit the receiver in the same second.
  thread_local std::mt19937 rng{std::random_device{}()};
  std::uniform_real_distribution<double> jitter(0.8, 1.2);
  return std::chrono::milliseconds(static_cast<int64_t>(delay_ms * jitter(rng)));
}

}  // namespace vigil
