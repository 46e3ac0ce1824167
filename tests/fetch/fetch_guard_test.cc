// fetch.block_private_addresses against real loopback servers (the only
// addresses tests may use): with the guard on, 127.0.0.1 and ::1 are
// refused before any request is sent; with it off the same fetch works.
#include "vigil/fetch/http_client.h"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>

#include "tests/support/curl_environment.h"
#include "tests/support/http_server.h"

namespace vigil {
namespace {

using ::testing::HasSubstr;
using testing::HttpRequest;
using testing::HttpResponse;
using testing::HttpServer;

FetchRequest Get(const std::string& url, bool block_private) {
  FetchRequest request;
  request.url = url;
  request.limits.timeout = std::chrono::seconds(5);
  request.limits.connect_timeout = std::chrono::seconds(2);
  request.limits.block_private_addresses = block_private;
  return request;
}

HttpResponse Feed(const HttpRequest&) {
  HttpResponse response;
  response.body = "<rss/>";
  return response;
}

// A minimal HTTP server on [::1] (the shared test server is IPv4 only):
// answers every request with "ok" and counts the connections it accepted.
class Ipv6Server {
 public:
  Ipv6Server() {
    fd_ = socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in6 address{};
    address.sin6_family = AF_INET6;
    address.sin6_addr = in6addr_loopback;
    if (fd_ < 0 || bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        listen(fd_, 8) != 0) {
      return;
    }
    socklen_t length = sizeof address;
    getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin6_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~Ipv6Server() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    if (fd_ >= 0) close(fd_);
  }
  Ipv6Server(const Ipv6Server&) = delete;
  Ipv6Server& operator=(const Ipv6Server&) = delete;

  bool listening() const { return port_ != 0; }
  std::string url() const { return "http://[::1]:" + std::to_string(port_) + "/"; }
  int accepted() const { return accepted_.load(); }

 private:
  void Serve() {
    while (!stop_) {
      pollfd ready{fd_, POLLIN, 0};
      if (poll(&ready, 1, 50) <= 0) continue;
      int client = accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (client < 0) continue;
      ++accepted_;
      std::string request;
      char buffer[4096];
      while (request.find("\r\n\r\n") == std::string::npos) {
        ssize_t n = read(client, buffer, sizeof buffer);
        if (n <= 0) break;
        request.append(buffer, static_cast<size_t>(n));
      }
      static constexpr std::string_view kAnswer =
          "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
      ssize_t written = write(client, kAnswer.data(), kAnswer.size());
      (void)written;
      close(client);
    }
  }

  int fd_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> accepted_{0};
  std::thread thread_;
};

TEST(FetchGuardTest, RefusesLoopbackIpv4WithClearMessage) {
  HttpServer server(Feed);
  auto result = Fetch(Get(server.url("/feed"), true));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(),
            "GET " + server.url("/feed") +
                ": refused: 127.0.0.1 resolves to loopback address 127.0.0.1 "
                "(fetch.block_private_addresses)");
  EXPECT_TRUE(server.requests().empty());  // refused before connecting
}

TEST(FetchGuardTest, AllowsLoopbackIpv4WhenOff) {
  HttpServer server(Feed);
  auto result = Fetch(Get(server.url("/feed"), false));
  ASSERT_TRUE(result.ok()) << result.status().message();
  EXPECT_EQ(result->body, "<rss/>");
}

TEST(FetchGuardTest, RefusesHostNameResolvingToLoopback) {
  // "localhost" resolves (through curl's resolver, not ours) to 127.0.0.1
  // and/or ::1; every address it yields is refused.
  HttpServer server(Feed);
  std::string url = "http://localhost:" + std::to_string(server.port()) + "/";
  auto result = Fetch(Get(url, true));
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(), HasSubstr("refused: localhost resolves to loopback"));
  EXPECT_TRUE(server.requests().empty());
  auto allowed = Fetch(Get(url, false));
  EXPECT_TRUE(allowed.ok()) << allowed.status().message();
}

TEST(FetchGuardTest, RefusesLoopbackIpv6AndAllowsItWhenOff) {
  Ipv6Server server;
  if (!server.listening()) GTEST_SKIP() << "no IPv6 loopback (::1) on this machine";
  auto refused = Fetch(Get(server.url(), true));
  ASSERT_FALSE(refused.ok());
  EXPECT_THAT(refused.status().message(),
              HasSubstr("refused: [::1] resolves to loopback address ::1 "
                        "(fetch.block_private_addresses)"));
  EXPECT_EQ(server.accepted(), 0);

  auto allowed = Fetch(Get(server.url(), false));
  ASSERT_TRUE(allowed.ok()) << allowed.status().message();
  EXPECT_EQ(allowed->body, "ok");
  EXPECT_EQ(server.accepted(), 1);
}

// The redirect case needs an allowed first hop; on loopback only, the test
// hook makes one port count as public. The guard then must refuse the
// redirect to another loopback port, which curl resolves and connects to.
TEST(FetchGuardTest, RefusesRedirectToLoopback) {
  HttpServer internal(Feed);
  HttpServer source([&](const HttpRequest&) {
    HttpResponse response;
    response.status = 302;
    response.headers = {{"Location", internal.url("/admin")}};
    return response;
  });
  FetchRequest request = Get(source.url("/feed"), true);
  request.TEST_public_loopback_port = source.port();
  auto result = Fetch(request);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().message(),
            "GET " + source.url("/feed") +
                ": refused: 127.0.0.1 resolves to loopback address 127.0.0.1 "
                "(fetch.block_private_addresses)");
  EXPECT_EQ(source.requests().size(), 1u);  // the allowed hop was fetched
  EXPECT_TRUE(internal.requests().empty());  // the redirect target never was

  request.limits.block_private_addresses = false;  // the same chain, guard off
  auto allowed = Fetch(request);
  ASSERT_TRUE(allowed.ok()) << allowed.status().message();
  EXPECT_EQ(internal.requests().size(), 1u);
}

TEST(FetchGuardTest, RedirectByHostNameIsCheckedAfterResolution) {
  // "localhost" is only known to be loopback once resolved.
  HttpServer internal(Feed);
  HttpServer source([&](const HttpRequest&) {
    HttpResponse response;
    response.status = 301;
    response.headers = {
        {"Location", "http://localhost:" + std::to_string(internal.port()) + "/"}};
    return response;
  });
  FetchRequest request = Get(source.url("/"), true);
  request.TEST_public_loopback_port = source.port();
  auto result = Fetch(request);
  ASSERT_FALSE(result.ok());
  EXPECT_THAT(result.status().message(), HasSubstr("refused: localhost resolves to loopback"));
  EXPECT_TRUE(internal.requests().empty());
}

}  // namespace
}  // namespace vigil
