#include "vigil/fetch/http_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "tests/fetch/gzip.h"
#include "tests/support/curl_environment.h"
#include "tests/support/http_server.h"

namespace vigil {
namespace {

using ::testing::HasSubstr;
using testing::HttpRequest;
using testing::HttpResponse;
using testing::HttpServer;

FetchRequest Get(const std::string& url) {
  FetchRequest request;
  request.url = url;
  request.limits.timeout = std::chrono::seconds(5);
  request.limits.connect_timeout = std::chrono::seconds(2);
  return request;
}

TEST(CurlEnvironmentTest, OwnsCurlGlobalWhileTestsRun) {
  EXPECT_TRUE(testing::kCurlEnvironment->active());
}

TEST(FetchTest, ReturnsBodyAndValidators) {
  HttpServer server([](const HttpRequest&) {
    HttpResponse response;
    response.headers = {{"Content-Type", "application/rss+xml; charset=utf-8"},
                        {"ETag", "\"abc\""},
                        {"Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT"}};
    response.body = "<rss/>";
    return response;
  });
  auto result = Fetch(Get(server.url("/feed.xml")));
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->http_status, 200);
  EXPECT_FALSE(result->not_modified);
  EXPECT_EQ(result->body, "<rss/>");
  EXPECT_EQ(result->content_type, "application/rss+xml; charset=utf-8");
  EXPECT_EQ(result->etag, "\"abc\"");
  EXPECT_EQ(result->last_modified, "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(result->effective_url, server.url("/feed.xml"));
}

TEST(FetchTest, SendsUserAgentAndExtraHeaders) {
  HttpServer server([](const HttpRequest&) { return HttpResponse{}; });
  FetchRequest request = Get(server.url("/"));
  request.headers = {{"X-Api-Key", "k1"}};
  ASSERT_TRUE(Fetch(request).ok());
  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_EQ(requests[0].headers.at("user-agent"), UserAgent());
  EXPECT_EQ(requests[0].headers.at("x-api-key"), "k1");
  EXPECT_EQ(requests[0].headers.count("if-none-match"), 0u);
  EXPECT_EQ(requests[0].headers.count("if-modified-since"), 0u);
  EXPECT_THAT(UserAgent(), ::testing::StartsWith("Vigil/" VIGIL_VERSION " (+https://"));
}

// A server honouring validators the way real feed hosts do.
HttpResponse Conditional(const HttpRequest& request) {
  HttpResponse response;
  auto inm = request.headers.find("if-none-match");
  auto ims = request.headers.find("if-modified-since");
  if ((inm != request.headers.end() && inm->second == "\"v2\"") ||
      (ims != request.headers.end() && ims->second == "Mon, 07 Nov 1994 10:00:00 GMT")) {
    response.status = 304;
    return response;
  }
  if (request.target == "/etag") response.headers = {{"ETag", "\"v2\""}};
  if (request.target == "/date") {
    response.headers = {{"Last-Modified", "Mon, 07 Nov 1994 10:00:00 GMT"}};
  }
  response.body = "fresh";
  return response;
}

TEST(FetchTest, EtagRoundTripGivesNotModified) {
  HttpServer server(&Conditional);
  auto first = Fetch(Get(server.url("/etag")));
  ASSERT_TRUE(first.ok()) << first.status().message();
  ASSERT_EQ(first->etag, "\"v2\"");

  FetchRequest again = Get(server.url("/etag"));
  again.etag = first->etag;
  auto second = Fetch(again);
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(second->http_status, 304);
  EXPECT_TRUE(second->not_modified);
  EXPECT_EQ(second->body, "");
  EXPECT_EQ(second->etag, "\"v2\"");  // kept although the 304 omitted it
  EXPECT_EQ(server.requests().at(1).headers.at("if-none-match"), "\"v2\"");
}

TEST(FetchTest, LastModifiedRoundTripGivesNotModified) {
  HttpServer server(&Conditional);
  auto first = Fetch(Get(server.url("/date")));
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->body, "fresh");

  FetchRequest again = Get(server.url("/date"));
  again.last_modified = first->last_modified;
  auto second = Fetch(again);
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_TRUE(second->not_modified);
  EXPECT_EQ(second->last_modified, "Mon, 07 Nov 1994 10:00:00 GMT");
  EXPECT_EQ(server.requests().at(1).headers.at("if-modified-since"),
            "Mon, 07 Nov 1994 10:00:00 GMT");
}

TEST(FetchTest, DecodesGzipBody) {
  std::string text(5000, 'a');
  text += "<feed>end</feed>";
  HttpServer server([&](const HttpRequest& request) {
    HttpResponse response;
    response.headers = {{"Content-Encoding", "gzip"}};
    response.body = testing::Gzip(text);
    // Only encode for a client that asked for it.
    if (request.headers.at("accept-encoding").find("gzip") == std::string::npos) {
      response.status = 406;
    }
    return response;
  });
  auto result = Fetch(Get(server.url("/")));
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->body, text);
}

TEST(FetchTest, FollowsRedirectsAndReportsFinalHeaders) {
  HttpServer server([](const HttpRequest& request) {
    HttpResponse response;
    if (request.target == "/old") {
      response.status = 301;
      response.headers = {{"Location", "/new"}, {"ETag", "\"from-redirect\""},
                          {"Content-Type", "text/html"}};
      return response;
    }
    response.headers = {{"Content-Type", "application/atom+xml"}};
    response.body = "moved here";
    return response;
  });
  auto result = Fetch(Get(server.url("/old")));
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->body, "moved here");
  EXPECT_EQ(result->effective_url, server.url("/new"));
  EXPECT_EQ(result->content_type, "application/atom+xml");
  EXPECT_EQ(result->etag, "");  // the redirect's ETag is not the feed's
}

TEST(FetchTest, RedirectLoopIsAnError) {
  HttpServer server([](const HttpRequest& request) {
    HttpResponse response;
    response.status = 302;
    response.headers = {{"Location", request.target == "/a" ? "/b" : "/a"}};
    return response;
  });
  auto result = Fetch(Get(server.url("/a")));
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(), HasSubstr("too many redirects (limit 5)"));
  EXPECT_EQ(server.requests().size(), 6u);  // the first request + 5 redirects
}

TEST(FetchTest, RedirectToFileUrlIsRefused) {
  HttpServer server([](const HttpRequest&) {
    HttpResponse response;
    response.status = 302;
    response.headers = {{"Location", "file:///etc/passwd"}};
    return response;
  });
  auto result = Fetch(Get(server.url("/")));
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(),
              HasSubstr("redirect to a file: location refused (only http and https)"));
}

TEST(FetchTest, HttpErrorStatusIsAnError) {
  HttpServer server([](const HttpRequest& request) {
    HttpResponse response;
    response.status = request.target == "/missing" ? 404 : 500;
    response.body = "nope";
    return response;
  });
  auto missing = Fetch(Get(server.url("/missing")));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "GET " + server.url("/missing") + ": HTTP 404");
  auto broken = Fetch(Get(server.url("/broken")));
  ASSERT_FALSE(broken.ok());
  EXPECT_THAT(broken.status().message(), HasSubstr("HTTP 500"));
}

TEST(FetchTest, ConnectionRefusedIsAnError) {
  uint16_t port;
  {
    HttpServer closed([](const HttpRequest&) { return HttpResponse{}; });
    port = closed.port();
  }  // nothing listens there any more
  auto result = Fetch(Get("http://127.0.0.1:" + std::to_string(port) + "/"));
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(), HasSubstr("127.0.0.1"));
  EXPECT_THAT(result.status().message(), HasSubstr("Couldn't connect to server"));
}

TEST(FetchTest, ServerHangingUpIsAnError) {
  HttpServer server([](const HttpRequest&) {
    HttpResponse response;
    response.hang_up = true;
    return response;
  });
  EXPECT_FALSE(Fetch(Get(server.url("/"))).ok());
}

TEST(FetchTest, ErrorMessagesHideCredentials) {
  HttpServer server([](const HttpRequest&) {
    HttpResponse response;
    response.status = 403;
    return response;
  });
  std::string url = server.url("/private");
  url.insert(url.find("127.0.0.1"), "alice:s3cret@");
  auto result = Fetch(Get(url));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(), "GET " + server.url("/private") + ": HTTP 403");
  EXPECT_EQ(server.requests().at(0).headers.count("authorization"), 1u);
}

TEST(FetchTest, UnsupportedSchemeIsAnError) {
  auto result = Fetch(Get("ftp://127.0.0.1/x"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(),
            "GET ftp://127.0.0.1/x: Protocol \"ftp\" not supported or disabled in libcurl");
}

}  // namespace
}  // namespace vigil
