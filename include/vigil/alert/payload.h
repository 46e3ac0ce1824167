// The JSON body of a "vigil.hit" alert.
#ifndef VIGIL_ALERT_PAYLOAD_H_
#define VIGIL_ALERT_PAYLOAD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "vigil/model/match.h"

namespace vigil {

struct AlertDocument {
  std::string url;
  std::string title;
  std::optional<int64_t> published_unix_ms;  // "published": null when absent
  int64_t fetched_unix_ms = 0;
};

// A fresh random alert id, e.g. "alrt_3f9c..." (128 random bits, hex).
std::string NewAlertId();
// The Standard Webhooks message id for an alert and webhook: stable for the
// pair, so every retry carries the same "webhook-id".
std::string WebhookMessageId(const std::string& alert_id, const std::string& webhook_id);

// One entry of an alert's "matches" array, keys in documented order. Also
// what `vigil scan` prints per match.
nlohmann::ordered_json MatchToJson(const Match& match);

// Serialises the alert as documented in the README (compact JSON, UTF-8).
std::string BuildAlertPayload(const std::string& alert_id, const std::string& source_id,
                              const AlertDocument& document,
                              const std::vector<Match>& matches);

}  // namespace vigil

#endif  // VIGIL_ALERT_PAYLOAD_H_
