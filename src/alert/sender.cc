#include "vigil/alert/sender.h"

#include <algorithm>
#include <string>
#include <utility>

#include "retry_after.h"
#include "vigil/alert/signer.h"
#include "vigil/base/time.h"
#include "vigil/fetch/http_client.h"

namespace vigil {
namespace {

constexpr std::chrono::milliseconds kMaxConnectTimeout = std::chrono::seconds(10);

// Transport errors come from curl and may quote the request; make sure the
// signing secret can never reach a log through them.
std::string Scrub(std::string message, const std::string& secret) {
  if (secret.empty()) return message;
  for (size_t pos = message.find(secret); pos != std::string::npos;
       pos = message.find(secret, pos)) {
    message.replace(pos, secret.size(), "<secret>");
  }
  return message;
}

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  if (from.empty()) return;
  for (size_t pos = text.find(from); pos != std::string::npos;
       pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
}

// The HTTP client names the request's URL (without userinfo) in its errors;
// a webhook's path and query are its credential, so only the origin stays.
std::string HideWebhookUrl(std::string message, const std::string& url) {
  const std::string origin = WebhookOrigin(url);
  ReplaceAll(message, url, origin);
  ReplaceAll(message, RedactUrl(url), origin);
  // Whatever else quotes the path or query (curl's own messages).
  size_t scheme_end = url.find("://");
  size_t rest = scheme_end == std::string::npos
                    ? std::string::npos
                    : url.find_first_of("/?#", scheme_end + 3);
  if (rest != std::string::npos && url.size() - rest > 1) {
    ReplaceAll(message, url.substr(rest), "");
  }
  return message;
}

DeliveryOutcome HttpFailure(const PostResponse& response) {
  DeliveryOutcome outcome;
  outcome.error = "HTTP " + std::to_string(response.http_status);
  if (response.http_status == 410) {
    outcome.gone = true;
    outcome.error += " Gone";
  }
  if (response.http_status == 429 || response.http_status == 503) {
    auto header = response.headers.find("retry-after");
    if (header != response.headers.end()) {
      outcome.retry_after = ParseRetryAfter(header->second, NowUnixMs());
    }
  }
  return outcome;
}

}  // namespace

DeliveryOutcome DeliverWebhook(const WebhookEndpoint& webhook, const std::string& message_id,
                               const std::string& payload, const std::atomic<bool>* cancel) {
  DeliveryOutcome outcome;
  // A fresh timestamp per attempt: receivers reject stale ones (replay
  // protection), and a retry may come hours after the first try.
  const int64_t timestamp_s = NowUnixMs() / 1000;
  std::vector<std::string> secrets = {webhook.secret};
  secrets.insert(secrets.end(), webhook.extra_secrets.begin(), webhook.extra_secrets.end());
  Result<std::string> signature = SignWebhookWithEach(secrets, message_id, timestamp_s, payload);
  if (!signature.ok()) {
    outcome.error = signature.status().message();
    return outcome;
  }

  PostRequest request;
  request.url = webhook.url;
  request.headers = {
      {"content-type", "application/json"},
      {"user-agent", UserAgent()},
      {"webhook-id", message_id},
      {"webhook-timestamp", std::to_string(timestamp_s)},
      {"webhook-signature", std::move(signature).value()},
  };
  request.body = payload;
  request.timeout = webhook.timeout;
  request.connect_timeout = std::min(webhook.timeout, kMaxConnectTimeout);
  request.cancel = cancel;

  Result<PostResponse> response = Post(request);
  if (!response.ok()) {
    std::string error = response.status().message();
    error = HideWebhookUrl(std::move(error), webhook.url);
    for (const std::string& secret : secrets) error = Scrub(std::move(error), secret);
    outcome.error = std::move(error);
    return outcome;
  }
  if (response->http_status >= 200 && response->http_status < 300) {
    outcome.delivered = true;
    return outcome;
  }
  return HttpFailure(*response);
}

}  // namespace vigil
