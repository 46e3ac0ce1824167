#include "tests/support/http_server.h"

#include <gtest/gtest.h>

#include <boost/asio.hpp>
#include <chrono>
#include <stdexcept>
#include <string>

namespace vigil::testing {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

// A raw blocking client, so these tests do not depend on the fetch module.
class RawClient {
 public:
  explicit RawClient(uint16_t port) : socket_(io_) {
    socket_.connect(tcp::endpoint(asio::ip::address_v4::loopback(), port));
  }
  void Send(const std::string& data) { asio::write(socket_, asio::buffer(data)); }
  // Reads one response with a Content-Length body.
  std::string ReadResponse() {
    size_t head = asio::read_until(socket_, asio::dynamic_buffer(buffer_), "\r\n\r\n");
    std::string head_text = buffer_.substr(0, head);
    size_t length = 0;
    if (size_t at = head_text.find("Content-Length: "); at != std::string::npos) {
      length = std::stoul(head_text.substr(at + 16));
    }
    if (buffer_.size() < head + length) {
      asio::read(socket_, asio::dynamic_buffer(buffer_),
                 asio::transfer_exactly(head + length - buffer_.size()));
    }
    std::string response = buffer_.substr(0, head + length);
    buffer_.erase(0, head + length);
    return response;
  }
  // Reads until the server closes; returns everything received.
  std::string ReadToEnd() {
    boost::system::error_code ec;
    asio::read(socket_, asio::dynamic_buffer(buffer_), ec);
    return std::move(buffer_);
  }
  size_t ReadSome(size_t at_least) {
    std::string data;
    return asio::read(socket_, asio::dynamic_buffer(data),
                      asio::transfer_at_least(at_least));
  }

 private:
  asio::io_context io_;
  tcp::socket socket_;
  std::string buffer_;
};

TEST(HttpServerTest, ServesResponseAndRecordsRequest) {
  HttpServer server([](const HttpRequest& request) {
    HttpResponse response;
    response.headers = {{"Content-Type", "text/plain"}, {"ETag", "\"v1\""}};
    response.body = "hello " + request.target;
    return response;
  });
  RawClient client(server.port());
  client.Send("GET /feed?x=1 HTTP/1.1\r\nHost: a\r\nX-Test: Yes \r\n\r\n");
  std::string response = client.ReadResponse();
  EXPECT_EQ(response.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << response;
  EXPECT_NE(response.find("Content-Type: text/plain\r\n"), std::string::npos);
  EXPECT_NE(response.find("ETag: \"v1\"\r\n"), std::string::npos);
  EXPECT_NE(response.find("Content-Length: 15\r\n"), std::string::npos);
  EXPECT_EQ(response.substr(response.size() - 15), "hello /feed?x=1");

  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_EQ(requests[0].target, "/feed?x=1");
  EXPECT_EQ(requests[0].headers.at("x-test"), "Yes");
  EXPECT_EQ(requests[0].headers.at("host"), "a");
}

TEST(HttpServerTest, ReadsPostBodiesAndKeepsConnectionAlive) {
  HttpServer server([](const HttpRequest& request) {
    HttpResponse response;
    response.status = 202;
    response.body = "got " + request.body;
    return response;
  });
  RawClient client(server.port());
  client.Send("POST /hook HTTP/1.1\r\nContent-Length: 5\r\n\r\nabcde");
  std::string first = client.ReadResponse();
  EXPECT_EQ(first.rfind("HTTP/1.1 202 Accepted\r\n", 0), 0u) << first;
  EXPECT_NE(first.find("got abcde"), std::string::npos);
  client.Send("POST /hook HTTP/1.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\nxy");
  std::string second = client.ReadToEnd();
  EXPECT_NE(second.find("Connection: close\r\n"), std::string::npos);
  EXPECT_NE(second.find("got xy"), std::string::npos);
  auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].body, "abcde");
  EXPECT_EQ(requests[1].body, "xy");
}

TEST(HttpServerTest, HandlerExceptionBecomes500) {
  HttpServer server([](const HttpRequest&) -> HttpResponse {
    throw std::runtime_error("boom");
  });
  RawClient client(server.port());
  client.Send("GET / HTTP/1.1\r\n\r\n");
  std::string response = client.ReadResponse();
  EXPECT_EQ(response.rfind("HTTP/1.1 500 Internal Server Error\r\n", 0), 0u);
  EXPECT_NE(response.find("boom"), std::string::npos);
}

TEST(HttpServerTest, HangUpClosesWithoutAnswer) {
  HttpServer server([](const HttpRequest&) {
    HttpResponse response;
    response.hang_up = true;
    return response;
  });
  RawClient client(server.port());
  client.Send("GET / HTTP/1.1\r\n\r\n");
  EXPECT_EQ(client.ReadToEnd(), "");
}

TEST(HttpServerTest, DripsBodyInChunks) {
  HttpServer server([](const HttpRequest&) {
    HttpResponse response;
    response.body = "0123456789";
    response.drip_bytes = 2;
    response.drip_delay_ms = 20;
    return response;
  });
  RawClient client(server.port());
  auto start = std::chrono::steady_clock::now();
  client.Send("GET / HTTP/1.1\r\n\r\n");
  std::string response = client.ReadToEnd();
  auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_NE(response.find("Content-Length: 10\r\n"), std::string::npos);
  EXPECT_EQ(response.substr(response.size() - 10), "0123456789");
  EXPECT_GE(elapsed, std::chrono::milliseconds(80));  // 4 delays of 20 ms
}

TEST(HttpServerTest, StopsPromptlyWithEndlessResponseOpen) {
  auto server = std::make_unique<HttpServer>([](const HttpRequest&) {
    HttpResponse response;
    response.endless = true;
    return response;
  });
  RawClient client(server->port());
  client.Send("GET / HTTP/1.1\r\n\r\n");
  EXPECT_GE(client.ReadSome(1 << 20), 1u << 20);  // it keeps streaming
  auto start = std::chrono::steady_clock::now();
  server.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

}  // namespace
}  // namespace vigil::testing
