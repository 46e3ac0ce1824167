// Where and how alerts are delivered: the alert module's own options, one
// per configured webhook. The config fills them from webhooks[]; the names
// in the comments are those YAML keys.
#ifndef VIGIL_ALERT_WEBHOOK_H_
#define VIGIL_ALERT_WEBHOOK_H_

#include <chrono>
#include <string>
#include <vector>

namespace vigil {

struct WebhookEndpoint {
  std::string id;      // webhooks[].id, required, unique
  std::string url;     // webhooks[].url: http or https
  std::string secret;  // webhooks[].secret: "whsec_" + base64 key
  std::chrono::milliseconds timeout = std::chrono::seconds(15);  // webhooks[].timeout
  // Further secrets during key rotation: every attempt is signed with
  // `secret` and each of these (space-separated webhook-signature values).
  std::vector<std::string> extra_secrets;
  // webhooks[].backoff: delays between attempts; after the last one fails the
  // alert is parked as failed (a dead letter). Standard Webhooks' schedule.
  std::vector<std::chrono::milliseconds> backoff = {
      std::chrono::seconds(5), std::chrono::minutes(5), std::chrono::minutes(30),
      std::chrono::hours(2),   std::chrono::hours(5),   std::chrono::hours(10),
      std::chrono::hours(10)};
};

}  // namespace vigil

#endif  // VIGIL_ALERT_WEBHOOK_H_
