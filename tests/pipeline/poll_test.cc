#include "vigil/pipeline/poll.h"

#include <gtest/gtest.h>

#include "tests/support/curl_environment.h"  // owns CurlGlobal for the run
#include "tests/support/http_server.h"

namespace vigil {
namespace {

using testing::HttpRequest;
using testing::HttpResponse;
using testing::HttpServer;

constexpr char kFeed[] =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>News</title>"
    "<item><guid>1</guid><title>Lavrov in Minsk</title><link>/a/1</link>"
    "<description>Sergei Lavrov met officials.</description></item></channel></rss>";

HttpResponse ServeFeed(const HttpRequest& request) {
  if (request.target == "/gone") return HttpResponse{404, {}, "no"};
  if (request.target == "/moved") return HttpResponse{301, {{"Location", "/news/feed.xml"}}, ""};
  auto etag = request.headers.find("if-none-match");
  if (etag != request.headers.end() && etag->second == "\"v1\"") return HttpResponse{304, {}, ""};
  return HttpResponse{200, {{"Content-Type", "application/rss+xml"}, {"ETag", "\"v1\""}}, kFeed};
}

FetchRequest Get(const std::string& url) {
  FetchRequest request;
  request.url = url;
  return request;
}

TEST(PollSourceTest, FetchesThenParses) {
  HttpServer server(&ServeFeed);
  PollResult result = PollSource(Get(server.url("/feed.xml")), "auto");
  ASSERT_TRUE(result.fetch.ok()) << result.fetch.status().message();
  EXPECT_GT(result.fetched_unix_ms, 0);
  EXPECT_EQ(result.fetch->etag, "\"v1\"");
  ASSERT_TRUE(result.parsed.has_value());
  ASSERT_TRUE(result.parsed->ok()) << result.parsed->status().message();
  ASSERT_EQ((*result.parsed)->items.size(), 1u);
  EXPECT_EQ((*result.parsed)->items[0].title, "Lavrov in Minsk");
}

TEST(PollSourceTest, ResolvesLinksAgainstTheUrlAfterRedirects) {
  HttpServer server(&ServeFeed);
  PollResult result = PollSource(Get(server.url("/moved")), "feed");
  ASSERT_TRUE(result.fetch.ok()) << result.fetch.status().message();
  ASSERT_TRUE(result.parsed.has_value() && result.parsed->ok());
  EXPECT_EQ((*result.parsed)->items.at(0).link, server.url("/a/1"));
}

TEST(PollSourceTest, NotModifiedIsNotParsed) {
  HttpServer server(&ServeFeed);
  FetchRequest request = Get(server.url("/feed.xml"));
  request.etag = "\"v1\"";
  PollResult result = PollSource(request, "auto");
  ASSERT_TRUE(result.fetch.ok()) << result.fetch.status().message();
  EXPECT_TRUE(result.fetch->not_modified);
  EXPECT_FALSE(result.parsed.has_value());
}

TEST(PollSourceTest, AFailedFetchIsNotParsed) {
  HttpServer server(&ServeFeed);
  PollResult result = PollSource(Get(server.url("/gone")), "auto");
  ASSERT_FALSE(result.fetch.ok());
  EXPECT_NE(result.fetch.status().message().find("HTTP 404"), std::string::npos);
  EXPECT_FALSE(result.parsed.has_value());
}

TEST(PollSourceTest, AnUnparseableBodyIsAParseFailure) {
  HttpServer server([](const HttpRequest&) {
    return HttpResponse{200, {{"Content-Type", "text/plain"}}, "plain words, no markup at all"};
  });
  PollResult result = PollSource(Get(server.url("/feed.xml")), "feed");
  ASSERT_TRUE(result.fetch.ok());
  ASSERT_TRUE(result.parsed.has_value());
  EXPECT_FALSE(result.parsed->ok());
}

// Each kind of failed fetch, from a real transfer, as the per-source failure
// counts (and `vigil sources`) name it.
TEST(FetchFailureTest, NamesTheKindOfEachFailedFetch) {
  HttpServer server([](const HttpRequest& request) {
    if (request.target == "/loop") return HttpResponse{302, {{"Location", "/loop"}}, ""};
    if (request.target == "/big") return HttpResponse{200, {}, std::string(4096, 'x')};
    if (request.target == "/slow") {
      HttpResponse slow{200, {}, std::string(64, 'x')};
      slow.drip_bytes = 1;
      slow.drip_delay_ms = 100;
      return slow;
    }
    return HttpResponse{503, {}, "busy"};
  });
  FetchRequest request = Get(server.url("/down"));
  EXPECT_EQ(FetchFailure(Fetch(request).status()), PollFailure::kHttp);
  request = Get(server.url("/loop"));
  EXPECT_EQ(FetchFailure(Fetch(request).status()), PollFailure::kRedirects);
  request = Get(server.url("/big"));
  request.limits.max_body = 1024;
  EXPECT_EQ(FetchFailure(Fetch(request).status()), PollFailure::kTooLarge);
  request = Get(server.url("/slow"));
  request.limits.timeout = std::chrono::milliseconds(300);
  EXPECT_EQ(FetchFailure(Fetch(request).status()), PollFailure::kTimeout);
  // Nothing listens on port 1 of loopback: the connection is refused.
  request = Get("http://127.0.0.1:1/feed.xml");
  EXPECT_EQ(FetchFailure(Fetch(request).status()), PollFailure::kNetwork);
  request = Get("file:///nonexistent/vigil/feed.xml");
  EXPECT_EQ(FetchFailure(Fetch(request).status()), PollFailure::kNetwork);
}

}  // namespace
}  // namespace vigil
