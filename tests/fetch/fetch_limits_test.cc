// Fetch against hostile or broken servers: every transfer must end within
// its size and time limits, or when cancelled.
#include "vigil/fetch/http_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "tests/fetch/gzip.h"
#include "tests/support/curl_environment.h"
#include "tests/support/http_server.h"

namespace vigil {
namespace {

using ::testing::HasSubstr;
using testing::HttpRequest;
using testing::HttpResponse;
using testing::HttpServer;
using Clock = std::chrono::steady_clock;

FetchRequest Get(const std::string& url, uint64_t max_body) {
  FetchRequest request;
  request.url = url;
  request.limits.max_body = max_body;
  request.limits.timeout = std::chrono::seconds(5);
  request.limits.connect_timeout = std::chrono::seconds(2);
  return request;
}

TEST(FetchLimitsTest, BodyOfExactlyMaxBodyIsAccepted) {
  HttpServer server([](const HttpRequest&) {
    HttpResponse response;
    response.body = std::string(1000, 'x');
    return response;
  });
  auto result = Fetch(Get(server.url("/"), 1000));
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->body.size(), 1000u);
}

TEST(FetchLimitsTest, AnnouncedOversizedBodyIsRejected) {
  HttpServer server([](const HttpRequest&) {
    HttpResponse response;
    response.body = std::string(1001, 'x');
    return response;
  });
  auto result = Fetch(Get(server.url("/"), 1000));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(),
            "GET " + server.url("/") + ": response body exceeds max_body (1000 bytes)");
}

TEST(FetchLimitsTest, EndlessBodyStopsAtMaxBody) {
  HttpServer server([](const HttpRequest&) {
    HttpResponse response;
    response.endless = true;  // no Content-Length: only the running total counts
    return response;
  });
  auto start = Clock::now();
  auto result = Fetch(Get(server.url("/"), 256 * 1024));
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(),
              HasSubstr("response body exceeds max_body (262144 bytes)"));
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(2));
}

TEST(FetchLimitsTest, EndlessErrorPageEndsAtOnceWithItsStatus) {
  HttpServer server([](const HttpRequest&) {
    HttpResponse response;
    response.status = 500;
    response.endless = true;
    return response;
  });
  auto started = Clock::now();
  auto result = Fetch(Get(server.url("/feed"), 1 << 30));
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(), HasSubstr("HTTP 500"));
  // Not held until the 5 s timeout.
  EXPECT_LT(Clock::now() - started, std::chrono::seconds(2));
}

TEST(FetchLimitsTest, GzipBombStopsAtMaxBodyOfDecodedBytes) {
  static const std::string bomb = testing::GzipRepeated('\0', 100u << 20);
  ASSERT_LT(bomb.size(), 200u * 1024);  // ~100 KB on the wire
  HttpServer server([](const HttpRequest&) {
    HttpResponse response;
    response.headers = {{"Content-Encoding", "gzip"}};
    response.body = bomb;
    return response;
  });
  auto start = Clock::now();
  auto result = Fetch(Get(server.url("/"), 1 << 20));  // the wire size fits
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(),
              HasSubstr("response body exceeds max_body (1048576 bytes)"));
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(2));
}

TEST(FetchLimitsTest, SlowDripIsCutByTotalTimeout) {
  HttpServer server([](const HttpRequest&) {
    HttpResponse response;
    response.body = std::string(100, 'x');
    response.drip_bytes = 1;
    response.drip_delay_ms = 100;  // 10 s in all
    return response;
  });
  FetchRequest request = Get(server.url("/"), 1 << 20);
  request.limits.timeout = std::chrono::milliseconds(700);
  auto start = Clock::now();
  auto result = Fetch(request);
  auto elapsed = Clock::now() - start;
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(), HasSubstr("timed out"));
  EXPECT_GE(elapsed, std::chrono::milliseconds(650));
  EXPECT_LT(elapsed, std::chrono::milliseconds(1500));
}

TEST(FetchLimitsTest, CancelAbortsDrippingTransferPromptly) {
  HttpServer server([](const HttpRequest&) {
    HttpResponse response;
    response.body = std::string(100, 'x');
    response.drip_bytes = 1;
    response.drip_delay_ms = 50;  // 5 s in all
    return response;
  });
  std::atomic<bool> cancel{false};
  FetchRequest request = Get(server.url("/"), 1 << 20);
  request.cancel = &cancel;
  Clock::time_point cancelled_at;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    cancelled_at = Clock::now();
    cancel = true;
  });
  auto result = Fetch(request);
  auto done = Clock::now();
  canceller.join();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(), "GET " + server.url("/") + ": cancelled");
  EXPECT_LT(done - cancelled_at, std::chrono::milliseconds(500));
}

TEST(FetchLimitsTest, CancelledBeforeStartFailsAtOnce) {
  HttpServer server([](const HttpRequest&) { return HttpResponse{}; });
  std::atomic<bool> cancel{true};
  FetchRequest request = Get(server.url("/"), 1 << 20);
  request.cancel = &cancel;
  auto result = Fetch(request);
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(), HasSubstr("cancelled"));
}

}  // namespace
}  // namespace vigil
