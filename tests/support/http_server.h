// A real HTTP/1.1 server on 127.0.0.1 for tests: serves feeds and pages,
// receives webhooks. Runs its own thread; handlers run on that thread.
#ifndef VIGIL_TESTS_SUPPORT_HTTP_SERVER_H_
#define VIGIL_TESTS_SUPPORT_HTTP_SERVER_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace vigil::testing {

struct HttpRequest {
  std::string method;
  std::string target;  // path + query as sent
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
};

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // Misbehaviours for robustness tests:
  // send the body in chunks of `drip_bytes` with `drip_delay_ms` between them
  size_t drip_bytes = 0;
  int drip_delay_ms = 0;
  // stream `endless` bytes forever (until the client hangs up)
  bool endless = false;
  // close the connection without answering
  bool hang_up = false;
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

class HttpServer {
 public:
  // Binds 127.0.0.1 on `port` (0 = any free port) and starts serving.
  explicit HttpServer(HttpHandler handler, uint16_t port = 0);
  ~HttpServer();  // stops and joins
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  uint16_t port() const;
  std::string url(const std::string& path) const;  // "http://127.0.0.1:<port><path>"
  // Requests received so far (copies), in arrival order.
  std::vector<HttpRequest> requests() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigil::testing

#endif  // VIGIL_TESTS_SUPPORT_HTTP_SERVER_H_
