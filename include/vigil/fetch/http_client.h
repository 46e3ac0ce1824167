// Blocking HTTP(S) and file:// transfers over libcurl. Each call uses its own
// curl easy handle, so calls are safe from several threads at once once a
// CurlGlobal exists.
#ifndef VIGIL_FETCH_HTTP_CLIENT_H_
#define VIGIL_FETCH_HTTP_CLIENT_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "vigil/base/status.h"
#include "vigil/fetch/fetch_limits.h"

namespace vigil {

// Owns curl_global_init/cleanup. Create exactly one in main() (or a test's
// main) before any other thread starts; destroy it last. Throws
// std::runtime_error if libcurl cannot initialise (nothing can work then).
class CurlGlobal {
 public:
  CurlGlobal();
  ~CurlGlobal();
  CurlGlobal(const CurlGlobal&) = delete;  // one per process
  CurlGlobal& operator=(const CurlGlobal&) = delete;
};

// "Vigil/<version> (+https://github.com/vigil-monitor/vigil)", sent with
// every request.
std::string UserAgent();

// `url` without its userinfo ("http://user:pw@host/x" -> "http://host/x"),
// safe to put into logs and error messages.
std::string RedactUrl(const std::string& url);

struct FetchRequest {
  std::string url;  // http://, https:// or file://
  // Validators from the previous successful fetch, sent as If-None-Match /
  // If-Modified-Since. Empty: unconditional GET.
  std::string etag;
  std::string last_modified;
  FetchLimits limits;
  std::map<std::string, std::string> headers;  // extra request headers
  // When non-null and set to true while the transfer runs, the transfer is
  // aborted promptly and Fetch returns an error ("cancelled").
  const std::atomic<bool>* cancel = nullptr;
  // Tests only: connections to 127.0.0.1 on this port pass
  // limits.block_private_addresses as if public, so the guard's handling of
  // redirects can be tested on loopback. 0 (never set outside tests) = none.
  uint16_t TEST_public_loopback_port = 0;
};

struct FetchResponse {
  long http_status = 0;       // 200, 304, ...; 200 for file:// reads
  // 304, or for file:// an mtime equal to the request's last_modified (then
  // http_status is 304 too). Body empty; etag/last_modified carry the
  // validators to keep (the request's own when the 304 did not repeat them).
  bool not_modified = false;
  std::string body;           // decoded (gzip/deflate undone), at most max_body
  std::string content_type;   // Content-Type header as sent, may be empty
  std::string etag;           // validators to send next time
  std::string last_modified;
  std::string effective_url;  // after redirects, without user:password@
};

// GET `request.url`. Errors (as Status): DNS/connect/TLS failures, timeouts,
// too many redirects, a body over max_body (transfer aborted), HTTP status
// >= 400 ("HTTP 404"), cancellation. 304 is success with not_modified set.
// Error messages read "GET <redacted url>: <what>", e.g.
// "GET http://h/x: HTTP 404", "...: too many redirects (limit 5)",
// "...: response body exceeds max_body (1024 bytes)", "...: cancelled";
// for file:// "file not found: /path".
// Redirects may only lead to http/https, and are followed by Fetch itself:
// `headers` and the URL's user:password go only to the request URL's origin
// (scheme, host and port), never to another one a redirect leads to. With
// limits.block_private_addresses every connection, redirects included, to a
// non-public address (see address_guard.h) fails with "refused: <host>
// resolves to <kind> address <ip> (fetch.block_private_addresses)", and
// proxy environment variables are ignored. limits.ca_file adds trust anchors.
// file:// URLs get a Last-Modified made from the file's mtime, so
// conditional fetches work for them too.
Result<FetchResponse> Fetch(const FetchRequest& request);

struct PostRequest {
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::chrono::milliseconds timeout = std::chrono::seconds(15);
  std::chrono::milliseconds connect_timeout = std::chrono::seconds(10);
  const std::atomic<bool>* cancel = nullptr;
};

struct PostResponse {
  long http_status = 0;
  std::string body;  // first 64 KiB at most, for error messages
  std::map<std::string, std::string> headers;  // lower-cased names
};

// POST (http/https only) without following redirects. A transport failure
// is an error Status ("POST <redacted url>: <curl's message>" or
// "...: cancelled"); any HTTP status (including 3xx/4xx/5xx) is a successful
// PostResponse.
Result<PostResponse> Post(const PostRequest& request);

}  // namespace vigil

#endif  // VIGIL_FETCH_HTTP_CLIENT_H_
