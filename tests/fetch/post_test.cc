#include "vigil/fetch/http_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "tests/support/curl_environment.h"
#include "tests/support/http_server.h"

namespace vigil {
namespace {

using ::testing::HasSubstr;
using testing::HttpRequest;
using testing::HttpResponse;
using testing::HttpServer;

TEST(PostTest, SendsBodyAndHeadersAndReturnsAnswer) {
  HttpServer server([](const HttpRequest&) {
    HttpResponse response;
    response.status = 202;
    response.headers = {{"X-Request-Id", "r-1"}, {"Content-Type", "text/plain"}};
    response.body = "queued";
    return response;
  });
  PostRequest request;
  request.url = server.url("/hook");
  request.headers = {{"Content-Type", "application/json"}, {"webhook-id", "msg_1"}};
  request.body = "{\"a\":" + std::string(4000, '1') + "}";  // big enough for Expect
  auto result = Post(request);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->http_status, 202);
  EXPECT_EQ(result->body, "queued");
  EXPECT_EQ(result->headers.at("x-request-id"), "r-1");
  EXPECT_EQ(result->headers.at("content-type"), "text/plain");

  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "POST");
  EXPECT_EQ(requests[0].target, "/hook");
  EXPECT_EQ(requests[0].body, request.body);
  EXPECT_EQ(requests[0].headers.at("content-type"), "application/json");
  EXPECT_EQ(requests[0].headers.at("webhook-id"), "msg_1");
  EXPECT_EQ(requests[0].headers.at("user-agent"), UserAgent());
  EXPECT_EQ(requests[0].headers.count("expect"), 0u);
}

TEST(PostTest, ErrorStatusIsAResponseNotAnError) {
  HttpServer server([](const HttpRequest&) {
    HttpResponse response;
    response.status = 503;
    response.headers = {{"Retry-After", "30"}};
    return response;
  });
  PostRequest request;
  request.url = server.url("/hook");
  auto result = Post(request);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->http_status, 503);
  EXPECT_EQ(result->headers.at("retry-after"), "30");
}

TEST(PostTest, DoesNotFollowRedirects) {
  HttpServer server([](const HttpRequest& request) {
    HttpResponse response;
    if (request.target == "/hook") {
      response.status = 307;
      response.headers = {{"Location", "/elsewhere"}};
    }
    return response;
  });
  PostRequest request;
  request.url = server.url("/hook");
  request.body = "x";
  auto result = Post(request);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->http_status, 307);
  EXPECT_EQ(result->headers.at("location"), "/elsewhere");
  EXPECT_EQ(server.requests().size(), 1u);
}

TEST(PostTest, KeepsOnlyFirst64KiBOfAnswer) {
  HttpServer server([](const HttpRequest&) {
    HttpResponse response;
    response.status = 400;
    response.body = std::string(100000, 'e');
    return response;
  });
  PostRequest request;
  request.url = server.url("/hook");
  auto result = Post(request);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->http_status, 400);
  EXPECT_EQ(result->body.size(), 64u * 1024);
}

TEST(PostTest, TransportFailureIsAnError) {
  uint16_t port;
  {
    HttpServer closed([](const HttpRequest&) { return HttpResponse{}; });
    port = closed.port();
  }
  PostRequest request;
  request.url = "http://u:pw@127.0.0.1:" + std::to_string(port) + "/hook";
  auto result = Post(request);
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(),
              ::testing::StartsWith("POST http://127.0.0.1:" + std::to_string(port) +
                                    "/hook: "));
  EXPECT_THAT(result.status().message(), ::testing::Not(HasSubstr("pw")));
}

TEST(PostTest, TimeoutIsAnError) {
  HttpServer server([](const HttpRequest&) {
    HttpResponse response;
    response.body = std::string(50, 'x');
    response.drip_bytes = 1;
    response.drip_delay_ms = 100;
    return response;
  });
  PostRequest request;
  request.url = server.url("/hook");
  request.timeout = std::chrono::milliseconds(300);
  auto result = Post(request);
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(), HasSubstr("timed out"));
}

}  // namespace
}  // namespace vigil
