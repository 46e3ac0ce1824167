// Redirects are followed by Fetch itself: a source's custom headers and URL
// credentials go only to the source's own origin (scheme, host and port),
// never to wherever a redirect points. Two loopback servers on different
// ports are two origins.
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

constexpr char kToken[] = "tok-123-secret";

HttpResponse RedirectTo(const std::string& location) {
  HttpResponse response;
  response.status = 302;
  response.headers = {{"Location", location}};
  return response;
}

HttpResponse Feed(const HttpRequest&) {
  HttpResponse response;
  response.body = "<rss/>";
  return response;
}

FetchRequest Get(const std::string& url) {
  FetchRequest request;
  request.url = url;
  request.limits.timeout = std::chrono::seconds(5);
  request.limits.connect_timeout = std::chrono::seconds(2);
  request.headers = {{"X-Api-Key", kToken}, {"Authorization", "Bearer tok"}};
  return request;
}

bool Has(const HttpRequest& request, const std::string& header) {
  return request.headers.contains(header);
}

TEST(FetchRedirectTest, DropsCustomHeadersOnCrossOriginRedirect) {
  HttpServer other(Feed);
  HttpServer source([&](const HttpRequest&) { return RedirectTo(other.url("/moved")); });
  auto result = Fetch(Get(source.url("/feed")));
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->body, "<rss/>");
  EXPECT_EQ(result->effective_url, other.url("/moved"));

  ASSERT_EQ(source.requests().size(), 1u);
  EXPECT_EQ(source.requests()[0].headers.at("x-api-key"), kToken);
  EXPECT_EQ(source.requests()[0].headers.at("authorization"), "Bearer tok");
  ASSERT_EQ(other.requests().size(), 1u);
  EXPECT_FALSE(Has(other.requests()[0], "x-api-key"));
  EXPECT_FALSE(Has(other.requests()[0], "authorization"));
  EXPECT_TRUE(Has(other.requests()[0], "user-agent"));  // a normal request otherwise
}

TEST(FetchRedirectTest, KeepsCustomHeadersOnSameOriginRedirect) {
  HttpServer source([](const HttpRequest& request) {
    return request.target == "/old" ? RedirectTo("/new") : Feed(request);
  });
  auto result = Fetch(Get(source.url("/old")));
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(source.requests().size(), 2u);
  EXPECT_EQ(source.requests()[1].target, "/new");
  EXPECT_EQ(source.requests()[1].headers.at("x-api-key"), kToken);
}

TEST(FetchRedirectTest, HeadersComeBackOnlyWhenTheChainReturnsToTheSource) {
  // source /a -> other /b -> source /c: the headers reach /a and /c only.
  HttpServer* source_ptr = nullptr;
  HttpServer other([&](const HttpRequest&) { return RedirectTo(source_ptr->url("/c")); });
  HttpServer source([&](const HttpRequest& request) {
    return request.target == "/a" ? RedirectTo(other.url("/b")) : Feed(request);
  });
  source_ptr = &source;
  auto result = Fetch(Get(source.url("/a")));
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(other.requests().size(), 1u);
  EXPECT_FALSE(Has(other.requests()[0], "x-api-key"));
  ASSERT_EQ(source.requests().size(), 2u);
  EXPECT_TRUE(Has(source.requests()[1], "x-api-key"));
}

TEST(FetchRedirectTest, DropsUrlCredentialsOnCrossOriginRedirect) {
  HttpServer other(Feed);
  HttpServer source([&](const HttpRequest& request) {
    return request.target == "/feed" ? RedirectTo("/same") : RedirectTo(other.url("/x"));
  });
  FetchRequest request = Get("http://user:pa55@127.0.0.1:" +
                             std::to_string(source.port()) + "/feed");
  request.headers.clear();
  auto result = Fetch(request);
  ASSERT_TRUE(result.ok()) << result.status().message();
  ASSERT_EQ(source.requests().size(), 2u);
  // "user:pa55" in base64, on both same-origin requests.
  EXPECT_EQ(source.requests()[0].headers.at("authorization"), "Basic dXNlcjpwYTU1");
  EXPECT_EQ(source.requests()[1].headers.at("authorization"), "Basic dXNlcjpwYTU1");
  ASSERT_EQ(other.requests().size(), 1u);
  EXPECT_FALSE(Has(other.requests()[0], "authorization"));
}

TEST(FetchRedirectTest, EffectiveUrlCarriesNoCredentials) {
  HttpServer source([](const HttpRequest& request) {
    return request.target == "/old" ? RedirectTo("/new") : Feed(request);
  });
  std::string authority = "127.0.0.1:" + std::to_string(source.port());
  FetchRequest request = Get("http://user:pa55@" + authority + "/old");
  request.headers.clear();
  auto result = Fetch(request);
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(source.requests()[1].headers.at("authorization"), "Basic dXNlcjpwYTU1");
  EXPECT_EQ(result->effective_url, "http://" + authority + "/new");
}

TEST(FetchRedirectTest, RedirectsCountAgainstMaxRedirects) {
  HttpServer other(Feed);
  HttpServer source([&](const HttpRequest&) { return RedirectTo(other.url("/x")); });
  FetchRequest request = Get(source.url("/"));
  request.limits.max_redirects = 0;
  auto result = Fetch(request);
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(), HasSubstr("too many redirects (limit 0)"));
  EXPECT_TRUE(other.requests().empty());
}

TEST(FetchRedirectTest, ErrorsNeverShowHeaderValues) {
  HttpServer other([](const HttpRequest&) {
    HttpResponse response;
    response.status = 404;
    return response;
  });
  HttpServer source([&](const HttpRequest&) { return RedirectTo(other.url("/gone")); });
  auto result = Fetch(Get(source.url("/")));
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(), HasSubstr("HTTP 404"));
  EXPECT_EQ(result.status().message().find(kToken), std::string::npos);
}

}  // namespace
}  // namespace vigil
