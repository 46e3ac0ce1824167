#include "vigil/alert/sender.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/curl_environment.h"  // owns CurlGlobal for the run
#include "tests/support/http_server.h"
#include "vigil/alert/signer.h"
#include "vigil/base/time.h"
#include "vigil/fetch/http_client.h"

namespace vigil {
namespace {

using std::chrono::milliseconds;
using testing::HttpRequest;
using testing::HttpResponse;
using testing::HttpServer;

constexpr char kSecret[] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
constexpr char kMessageId[] = "msg_0123456789abcdef0123456789abcdef";
constexpr char kPayload[] = R"({"type":"vigil.hit","alert_id":"alrt_1","note":"Zürich"})";

HttpResponse Reply(int status,
                   std::vector<std::pair<std::string, std::string>> headers = {}) {
  HttpResponse response;
  response.status = status;
  response.headers = std::move(headers);
  return response;
}

// A webhook receiver as a customer would write one: it checks the Standard
// Webhooks signature of every request and answers 401 when it is wrong, so
// a "delivered" outcome proves the signature verified.
class Receiver {
 public:
  // `reply` chooses the answer to a correctly signed request.
  explicit Receiver(std::function<HttpResponse(const HttpRequest&)> reply)
      : reply_(std::move(reply)),
        server_([this](const HttpRequest& request) { return Handle(request); }) {}

  WebhookEndpoint Webhook(milliseconds timeout = std::chrono::seconds(5)) const {
    WebhookEndpoint webhook;
    webhook.id = "ops";
    webhook.url = server_.url("/hooks/vigil");
    webhook.secret = kSecret;
    webhook.timeout = timeout;
    return webhook;
  }
  int verified() const { return verified_; }
  int rejected() const { return rejected_; }
  std::vector<HttpRequest> requests() const { return server_.requests(); }

 private:
  HttpResponse Handle(const HttpRequest& request) {
    auto header = [&](const char* name) {
      auto it = request.headers.find(name);
      return it == request.headers.end() ? std::string() : it->second;
    };
    const std::string timestamp = header("webhook-timestamp");
    char* end = nullptr;
    const int64_t timestamp_s = std::strtoll(timestamp.c_str(), &end, 10);
    const bool valid = request.method == "POST" && !timestamp.empty() && *end == '\0' &&
                       VerifyWebhook(kSecret, header("webhook-id"), timestamp_s,
                                     request.body, header("webhook-signature"));
    if (!valid) {
      ++rejected_;
      return Reply(401);
    }
    ++verified_;
    return reply_(request);
  }

  std::function<HttpResponse(const HttpRequest&)> reply_;
  std::atomic<int> verified_{0};
  std::atomic<int> rejected_{0};
  HttpServer server_;  // last: stops (joins its thread) before the rest goes
};


TEST(DeliverWebhookTest, DeliveredOn200WithSignedHeaders) {
  Receiver receiver([](const HttpRequest&) { return Reply(200); });
  const int64_t before_s = NowUnixMs() / 1000;
  DeliveryOutcome outcome = DeliverWebhook(receiver.Webhook(), kMessageId, kPayload);
  const int64_t after_s = NowUnixMs() / 1000;

  EXPECT_TRUE(outcome.delivered) << outcome.error;
  EXPECT_EQ(outcome.error, "");
  EXPECT_FALSE(outcome.retry_after.has_value());
  EXPECT_EQ(receiver.verified(), 1);
  EXPECT_EQ(receiver.rejected(), 0);

  std::vector<HttpRequest> requests = receiver.requests();
  ASSERT_EQ(requests.size(), 1u);
  const HttpRequest& request = requests[0];
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, "/hooks/vigil");
  EXPECT_EQ(request.body, kPayload);
  EXPECT_EQ(request.headers.at("content-type"), "application/json");
  EXPECT_EQ(request.headers.at("user-agent"), UserAgent());
  EXPECT_EQ(request.headers.at("webhook-id"), kMessageId);
  const int64_t timestamp = std::stoll(request.headers.at("webhook-timestamp"));
  EXPECT_GE(timestamp, before_s);
  EXPECT_LE(timestamp, after_s);
  EXPECT_EQ(request.headers.at("webhook-signature").rfind("v1,", 0), 0u);
}

TEST(DeliverWebhookTest, DeliveredOn204) {
  Receiver receiver([](const HttpRequest&) { return Reply(204); });
  DeliveryOutcome outcome = DeliverWebhook(receiver.Webhook(), kMessageId, kPayload);
  EXPECT_TRUE(outcome.delivered) << outcome.error;
  EXPECT_EQ(receiver.verified(), 1);
}

TEST(DeliverWebhookTest, ReceiverRejectsSignatureFromAnotherSecret) {
  // Guards the receiver itself: a webhook signed with another key gets 401.
  Receiver receiver([](const HttpRequest&) { return Reply(200); });
  WebhookEndpoint webhook = receiver.Webhook();
  webhook.secret = "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  DeliveryOutcome outcome = DeliverWebhook(webhook, kMessageId, kPayload);
  EXPECT_FALSE(outcome.delivered);
  EXPECT_EQ(outcome.error, "HTTP 401");
  EXPECT_EQ(receiver.rejected(), 1);
}

TEST(DeliverWebhookTest, SignsWithEverySecretDuringRotation) {
  // The receiver knows only kSecret; the config lists a new key first.
  Receiver receiver([](const HttpRequest&) { return Reply(204); });
  WebhookEndpoint webhook = receiver.Webhook();
  webhook.secret = "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
  webhook.extra_secrets = {kSecret};
  DeliveryOutcome outcome = DeliverWebhook(webhook, kMessageId, kPayload);
  EXPECT_TRUE(outcome.delivered) << outcome.error;
  std::vector<HttpRequest> requests = receiver.requests();
  ASSERT_EQ(requests.size(), 1u);
  const std::string& header = requests[0].headers.at("webhook-signature");
  // Two "v1," entries separated by one space.
  ASSERT_EQ(std::count(header.begin(), header.end(), ' '), 1) << header;
  EXPECT_EQ(header.rfind("v1,", 0), 0u);
  EXPECT_NE(header.find(" v1,"), std::string::npos);
}

TEST(DeliverWebhookTest, GoneIsReported) {
  Receiver receiver([](const HttpRequest&) { return Reply(410); });
  DeliveryOutcome outcome = DeliverWebhook(receiver.Webhook(), kMessageId, kPayload);
  EXPECT_FALSE(outcome.delivered);
  EXPECT_TRUE(outcome.gone);
  EXPECT_EQ(outcome.error, "HTTP 410 Gone");
}

TEST(DeliverWebhookTest, ServerErrorIsNotDelivered) {
  Receiver receiver([](const HttpRequest&) { return Reply(500); });
  DeliveryOutcome outcome = DeliverWebhook(receiver.Webhook(), kMessageId, kPayload);
  EXPECT_FALSE(outcome.delivered);
  EXPECT_EQ(outcome.error, "HTTP 500");
  EXPECT_FALSE(outcome.retry_after.has_value());
  EXPECT_EQ(receiver.verified(), 1);
}

TEST(DeliverWebhookTest, RedirectIsNotDelivered) {
  // A 3xx is not a 2xx: the alert must not count as delivered.
  Receiver receiver([](const HttpRequest&) {
    return Reply(302, {{"Location", "http://127.0.0.1:1/elsewhere"}});
  });
  DeliveryOutcome outcome = DeliverWebhook(receiver.Webhook(), kMessageId, kPayload);
  EXPECT_FALSE(outcome.delivered);
  EXPECT_EQ(outcome.error, "HTTP 302");
}

TEST(DeliverWebhookTest, TooManyRequestsCarriesRetryAfterSeconds) {
  Receiver receiver([](const HttpRequest&) { return Reply(429, {{"Retry-After", "7"}}); });
  DeliveryOutcome outcome = DeliverWebhook(receiver.Webhook(), kMessageId, kPayload);
  EXPECT_FALSE(outcome.delivered);
  EXPECT_EQ(outcome.error, "HTTP 429");
  ASSERT_TRUE(outcome.retry_after.has_value());
  EXPECT_EQ(*outcome.retry_after, std::chrono::seconds(7));
}

std::string HttpDate(int64_t unix_s) {
  std::time_t time = static_cast<std::time_t>(unix_s);
  std::tm tm{};
  gmtime_r(&time, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return buf;
}

TEST(DeliverWebhookTest, UnavailableCarriesRetryAfterDate) {
  const std::string date = HttpDate(NowUnixMs() / 1000 + 120);
  Receiver receiver([&](const HttpRequest&) { return Reply(503, {{"Retry-After", date}}); });
  DeliveryOutcome outcome = DeliverWebhook(receiver.Webhook(), kMessageId, kPayload);
  EXPECT_FALSE(outcome.delivered);
  EXPECT_EQ(outcome.error, "HTTP 503");
  ASSERT_TRUE(outcome.retry_after.has_value()) << date;
  // 120 s ahead at whole-second precision, minus the time the call took.
  EXPECT_GT(*outcome.retry_after, std::chrono::seconds(115));
  EXPECT_LE(*outcome.retry_after, std::chrono::seconds(120));
}

TEST(DeliverWebhookTest, RetryAfterIgnoredOnOtherStatuses) {
  Receiver receiver([](const HttpRequest&) { return Reply(500, {{"Retry-After", "7"}}); });
  DeliveryOutcome outcome = DeliverWebhook(receiver.Webhook(), kMessageId, kPayload);
  EXPECT_EQ(outcome.error, "HTTP 500");
  EXPECT_FALSE(outcome.retry_after.has_value());
}

TEST(DeliverWebhookTest, MalformedRetryAfterGivesNoDelay) {
  Receiver receiver([](const HttpRequest&) { return Reply(429, {{"Retry-After", "soon"}}); });
  DeliveryOutcome outcome = DeliverWebhook(receiver.Webhook(), kMessageId, kPayload);
  EXPECT_EQ(outcome.error, "HTTP 429");
  EXPECT_FALSE(outcome.retry_after.has_value());
}

TEST(DeliverWebhookTest, ConnectionRefusedIsAnErrorWithoutTheSecret) {
  WebhookEndpoint webhook;
  {
    // A port that was free a moment ago and now has no listener.
    Receiver receiver([](const HttpRequest&) { return Reply(200); });
    webhook = receiver.Webhook();
  }
  DeliveryOutcome outcome = DeliverWebhook(webhook, kMessageId, kPayload);
  EXPECT_FALSE(outcome.delivered);
  EXPECT_FALSE(outcome.error.empty());
  EXPECT_EQ(outcome.error.rfind("HTTP ", 0), std::string::npos) << outcome.error;
  EXPECT_EQ(outcome.error.find(kSecret + 6), std::string::npos) << outcome.error;
  EXPECT_FALSE(outcome.retry_after.has_value());
}

TEST(DeliverWebhookTest, TransportErrorNamesOnlyTheOriginOfTheWebhookUrl) {
  WebhookEndpoint webhook;
  std::string origin;
  {
    // A port that was free a moment ago and now has no listener.
    Receiver receiver([](const HttpRequest&) { return Reply(200); });
    webhook = receiver.Webhook();
  }
  origin = webhook.url.substr(0, webhook.url.find('/', std::string("http://").size()));
  // Slack/Discord/Teams-style: the credential is the path and the query.
  webhook.url = origin + "/services/T000/B000/PATHSECRET?token=SUPERSECRET";
  DeliveryOutcome outcome = DeliverWebhook(webhook, kMessageId, kPayload);
  EXPECT_FALSE(outcome.delivered);
  EXPECT_NE(outcome.error.find(origin), std::string::npos) << outcome.error;
  EXPECT_EQ(outcome.error.find("SUPERSECRET"), std::string::npos) << outcome.error;
  EXPECT_EQ(outcome.error.find("PATHSECRET"), std::string::npos) << outcome.error;
  EXPECT_EQ(outcome.error.find("token"), std::string::npos) << outcome.error;
}

TEST(DeliverWebhookTest, SlowReceiverTimesOut) {
  // 20 bytes, one every 200 ms: 4 s to answer, against a 500 ms timeout.
  Receiver receiver([](const HttpRequest&) {
    HttpResponse response = Reply(200);
    response.body = std::string(20, 'x');
    response.drip_bytes = 1;
    response.drip_delay_ms = 200;
    return response;
  });
  const auto start = std::chrono::steady_clock::now();
  DeliveryOutcome outcome = DeliverWebhook(receiver.Webhook(milliseconds(500)), kMessageId,
                                           kPayload);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_FALSE(outcome.delivered);
  EXPECT_FALSE(outcome.error.empty());
  EXPECT_EQ(outcome.error.find(kSecret + 6), std::string::npos) << outcome.error;
  EXPECT_EQ(outcome.error.rfind("HTTP ", 0), std::string::npos) << outcome.error;
  EXPECT_GE(elapsed, milliseconds(400));  // it was the timeout that ended it
  EXPECT_LT(elapsed, std::chrono::seconds(3));
}

TEST(DeliverWebhookTest, CancelledBeforeStartIsNotDelivered) {
  Receiver receiver([](const HttpRequest&) {
    HttpResponse response = Reply(200);
    response.body = std::string(20, 'x');
    response.drip_bytes = 1;
    response.drip_delay_ms = 200;
    return response;
  });
  std::atomic<bool> cancel{true};
  const auto start = std::chrono::steady_clock::now();
  DeliveryOutcome outcome =
      DeliverWebhook(receiver.Webhook(), kMessageId, kPayload, &cancel);
  EXPECT_FALSE(outcome.delivered);
  EXPECT_NE(outcome.error.find("cancelled"), std::string::npos) << outcome.error;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
}

TEST(DeliverWebhookTest, MalformedSecretFailsWithoutSendingOrEchoing) {
  Receiver receiver([](const HttpRequest&) { return Reply(200); });
  WebhookEndpoint webhook = receiver.Webhook();
  webhook.secret = "whsec_not!base64secretvalue";
  DeliveryOutcome outcome = DeliverWebhook(webhook, kMessageId, kPayload);
  EXPECT_FALSE(outcome.delivered);
  EXPECT_FALSE(outcome.error.empty());
  EXPECT_EQ(outcome.error.find("not!base64secretvalue"), std::string::npos);
  EXPECT_TRUE(receiver.requests().empty());
}

TEST(DeliverWebhookTest, RetriesKeepIdButSignAFreshTimestamp) {
  Receiver receiver([](const HttpRequest&) { return Reply(503); });
  DeliveryOutcome first = DeliverWebhook(receiver.Webhook(), kMessageId, kPayload);
  EXPECT_EQ(first.error, "HTTP 503");
  // Let the wall clock move to the next whole second.
  const int64_t first_s = NowUnixMs() / 1000;
  while (NowUnixMs() / 1000 == first_s) std::this_thread::sleep_for(milliseconds(20));
  DeliveryOutcome second = DeliverWebhook(receiver.Webhook(), kMessageId, kPayload);
  EXPECT_EQ(second.error, "HTTP 503");

  std::vector<HttpRequest> requests = receiver.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(receiver.verified(), 2);
  EXPECT_EQ(requests[0].headers.at("webhook-id"), kMessageId);
  EXPECT_EQ(requests[1].headers.at("webhook-id"), kMessageId);
  EXPECT_LT(std::stoll(requests[0].headers.at("webhook-timestamp")),
            std::stoll(requests[1].headers.at("webhook-timestamp")));
  EXPECT_NE(requests[0].headers.at("webhook-signature"),
            requests[1].headers.at("webhook-signature"));
  EXPECT_EQ(requests[0].body, requests[1].body);
}

}  // namespace
}  // namespace vigil
