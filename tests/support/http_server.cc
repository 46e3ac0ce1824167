// HttpServer: one io_context thread, one coroutine per connection.
#include "tests/support/http_server.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <exception>
#include <mutex>
#include <string_view>
#include <thread>
#include <utility>  // before asio: Boost 1.74's awaitable.hpp lacks it

#include <boost/asio.hpp>

namespace vigil::testing {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

constexpr size_t kMaxHeaderBytes = 64 * 1024;
constexpr size_t kEndlessChunk = 64 * 1024;

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return std::string(s);
}

const char* ReasonPhrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 410: return "Gone";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    default: return "Status";
  }
}

// Parses the request line and header lines (without the final blank line).
// Returns false on a malformed head.
bool ParseHead(std::string_view head, HttpRequest& request, std::string& version) {
  size_t eol = head.find("\r\n");
  std::string_view line = head.substr(0, eol);
  size_t sp1 = line.find(' ');
  size_t sp2 = line.rfind(' ');
  if (sp1 == std::string_view::npos || sp2 == sp1) return false;
  request.method = std::string(line.substr(0, sp1));
  request.target = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
  version = std::string(line.substr(sp2 + 1));
  while (eol != std::string_view::npos) {
    size_t start = eol + 2;
    eol = head.find("\r\n", start);
    std::string_view header = head.substr(start, eol == std::string_view::npos
                                                     ? std::string_view::npos
                                                     : eol - start);
    if (header.empty()) continue;
    size_t colon = header.find(':');
    if (colon == std::string_view::npos) return false;
    request.headers[Lower(std::string(header.substr(0, colon)))] =
        Trim(header.substr(colon + 1));
  }
  return true;
}

bool WantsKeepAlive(const HttpRequest& request, const std::string& version) {
  auto it = request.headers.find("connection");
  std::string connection = it == request.headers.end() ? "" : Lower(it->second);
  if (version == "HTTP/1.0") return connection == "keep-alive";
  return connection != "close";
}

std::string StatusAndHeaders(const HttpResponse& response, bool keep_alive,
                             bool send_length) {
  std::string out = "HTTP/1.1 " + std::to_string(response.status) + " " +
                    ReasonPhrase(response.status) + "\r\n";
  for (const auto& [name, value] : response.headers) {
    out += name + ": " + value + "\r\n";
  }
  if (send_length) {
    out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
  }
  out += keep_alive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
  out += "\r\n";
  return out;
}

}  // namespace

struct HttpServer::Impl {
  explicit Impl(HttpHandler h) : handler(std::move(h)), acceptor(io) {}

  asio::awaitable<void> Accept();
  asio::awaitable<void> Serve(tcp::socket socket);
  asio::awaitable<void> Respond(tcp::socket& socket, const HttpResponse& response,
                                bool keep_alive);
  HttpResponse Handle(const HttpRequest& request);

  HttpHandler handler;
  asio::io_context io;
  tcp::acceptor acceptor;
  uint16_t port = 0;
  std::thread thread;

  mutable std::mutex mu;
  std::vector<HttpRequest> requests;  // protected by mu
};

asio::awaitable<void> HttpServer::Impl::Accept() {
  for (;;) {
    boost::system::error_code ec;
    tcp::socket socket =
        co_await acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
    if (ec) continue;
    asio::co_spawn(io, Serve(std::move(socket)), asio::detached);
  }
}

HttpResponse HttpServer::Impl::Handle(const HttpRequest& request) {
  {
    std::lock_guard<std::mutex> lock(mu);
    requests.push_back(request);
  }
  try {
    return handler(request);
  } catch (const std::exception& e) {
    HttpResponse error;
    error.status = 500;
    error.body = std::string("handler threw: ") + e.what();
    return error;
  } catch (...) {
    HttpResponse error;
    error.status = 500;
    error.body = "handler threw";
    return error;
  }
}

asio::awaitable<void> HttpServer::Impl::Serve(tcp::socket socket) {
  std::string buffer;
  boost::system::error_code ec;
  auto token = asio::redirect_error(asio::use_awaitable, ec);
  for (;;) {
    size_t head_size = co_await asio::async_read_until(
        socket, asio::dynamic_buffer(buffer, kMaxHeaderBytes), "\r\n\r\n", token);
    if (ec) co_return;  // client closed, or an oversized head
    HttpRequest request;
    std::string version;
    if (!ParseHead(std::string_view(buffer).substr(0, head_size - 4), request,
                   version)) {
      HttpResponse bad;
      bad.status = 400;
      co_await Respond(socket, bad, false);
      co_return;
    }
    buffer.erase(0, head_size);
    size_t length = 0;
    if (auto it = request.headers.find("content-length"); it != request.headers.end()) {
      try {
        length = std::stoul(it->second);
      } catch (const std::exception&) {
        co_return;  // unparseable length: drop the connection
      }
    }
    if (buffer.size() < length) {
      co_await asio::async_read(socket, asio::dynamic_buffer(buffer),
                                asio::transfer_exactly(length - buffer.size()), token);
      if (ec) co_return;
    }
    request.body = buffer.substr(0, length);
    buffer.erase(0, length);

    bool keep_alive = WantsKeepAlive(request, version);
    HttpResponse response = Handle(request);
    if (response.hang_up) co_return;  // the socket closes as the frame ends
    if (response.endless || response.drip_bytes > 0) keep_alive = false;
    co_await Respond(socket, response, keep_alive);
    if (!keep_alive || !socket.is_open()) co_return;
  }
}

asio::awaitable<void> HttpServer::Impl::Respond(tcp::socket& socket,
                                                const HttpResponse& response,
                                                bool keep_alive) {
  boost::system::error_code ec;
  auto token = asio::redirect_error(asio::use_awaitable, ec);
  std::string head = StatusAndHeaders(response, keep_alive, !response.endless);

  if (response.endless) {
    // No Content-Length: the body runs until the client gives up.
    co_await asio::async_write(socket, asio::buffer(head), token);
    std::string chunk = response.body.empty() ? std::string(kEndlessChunk, 'x')
                                              : response.body;
    while (!ec) co_await asio::async_write(socket, asio::buffer(chunk), token);
    socket.close(ec);
    co_return;
  }
  if (response.drip_bytes > 0) {
    co_await asio::async_write(socket, asio::buffer(head), token);
    asio::steady_timer timer(io);
    for (size_t at = 0; at < response.body.size() && !ec; at += response.drip_bytes) {
      if (at > 0 && response.drip_delay_ms > 0) {
        timer.expires_after(std::chrono::milliseconds(response.drip_delay_ms));
        co_await timer.async_wait(token);
        if (ec) break;
      }
      size_t n = std::min(response.drip_bytes, response.body.size() - at);
      co_await asio::async_write(socket, asio::buffer(response.body.data() + at, n),
                                 token);
    }
    socket.close(ec);
    co_return;
  }
  std::string message = head + response.body;
  co_await asio::async_write(socket, asio::buffer(message), token);
  if (ec || !keep_alive) {
    socket.shutdown(tcp::socket::shutdown_send, ec);
    socket.close(ec);
  }
}

HttpServer::HttpServer(HttpHandler handler, uint16_t port)
    : impl_(std::make_unique<Impl>(std::move(handler))) {
  tcp::endpoint endpoint(asio::ip::address_v4::loopback(), port);
  impl_->acceptor.open(endpoint.protocol());
  impl_->acceptor.set_option(tcp::acceptor::reuse_address(true));
  impl_->acceptor.bind(endpoint);
  impl_->acceptor.listen();
  impl_->port = impl_->acceptor.local_endpoint().port();
  asio::co_spawn(impl_->io, impl_->Accept(), asio::detached);
  impl_->thread = std::thread([impl = impl_.get()] { impl->io.run(); });
}

HttpServer::~HttpServer() {
  // Stopping the io_context abandons endless or dripping responses at once;
  // their coroutine frames (and sockets) are destroyed with the io_context.
  impl_->io.stop();
  impl_->thread.join();
  boost::system::error_code ec;
  impl_->acceptor.close(ec);
}

uint16_t HttpServer::port() const { return impl_->port; }

std::string HttpServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(impl_->port) + path;
}

std::vector<HttpRequest> HttpServer::requests() const {
  std::lock_guard<std::mutex> lock(impl_->mu);
  return impl_->requests;
}

}  // namespace vigil::testing
