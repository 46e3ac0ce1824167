// Fetch: a conditional GET with size, time and redirect limits. Redirects
// are followed here, not by curl, so a source's own headers and credentials
// go only to the source's origin, and every connection (redirects included)
// passes the private-address guard on the address curl actually connects to.
#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "src/fetch/curl_easy.h"
#include "src/fetch/file_source.h"
#include "src/fetch/url_parts.h"
#include "address_guard.h"
#include "vigil/fetch/http_client.h"

namespace vigil {
namespace {

using fetch_internal::CurlEasy;
using fetch_internal::CurlHeaderList;

struct FetchTransfer : fetch_internal::TransferBase {
  uint64_t max_body = 0;
  bool too_large = false;
  long status = 0;  // of the latest status line seen
  std::string body;
  std::string content_type;
  std::string etag;
  std::string last_modified;
  bool has_location = false;
  // fetch.block_private_addresses, and what it refused on this hop.
  bool block_private = false;
  uint16_t public_loopback_port = 0;  // FetchRequest::TEST_public_loopback_port
  std::string host;  // of the hop being fetched, for the refusal message
  std::string refused;

  void StartHop(std::string hop_host) {
    body.clear();
    status = 0;
    has_location = false;
    host = std::move(hop_host);
    refused.clear();
  }
};

bool IsRedirectStatus(long status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<FetchTransfer*>(user);
  size_t n = size * count;
  if (fetch_internal::IsStatusLine(data, n)) {
    // Each redirect hop (and a 100 Continue) starts a new header block: only
    // the final response's validators count.
    t->content_type.clear();
    t->etag.clear();
    t->last_modified.clear();
    t->has_location = false;
    std::string_view line(data, n);
    size_t space = line.find(' ');
    t->status = space == std::string_view::npos
                    ? 0
                    : std::strtol(std::string(line.substr(space + 1, 3)).c_str(),
                                  nullptr, 10);
    return n;
  }
  std::string name, value;
  if (fetch_internal::SplitHeaderLine(data, n, name, value)) {
    if (EqualsNoCase(name, "content-type")) t->content_type = value;
    if (EqualsNoCase(name, "etag")) t->etag = value;
    if (EqualsNoCase(name, "last-modified")) t->last_modified = value;
    if (EqualsNoCase(name, "location")) t->has_location = true;
  }
  return n;
}

// Receives the decoded body, so the cap also stops compression bombs.
size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<FetchTransfer*>(user);
  size_t n = size * count;
  if (t->CheckCancel()) return 0;
  // An error page's body is never used: stop at once rather than let an
  // endless one hold the connection until the timeout.
  if (t->status >= 400) return 0;
  if (t->body.size() + n > t->max_body) {
    t->too_large = true;
    return 0;
  }
  t->body.append(data, n);
  return n;
}

bool IsTestPublicAddress(const FetchTransfer& t, const curl_sockaddr* address) {
  if (t.public_loopback_port == 0 || address->family != AF_INET) return false;
  sockaddr_in ip4;
  std::memcpy(&ip4, &address->addr, sizeof ip4);
  return ip4.sin_addr.s_addr == htonl(INADDR_LOOPBACK) &&
         ntohs(ip4.sin_port) == t.public_loopback_port;
}

// Sees the resolved address of every connection curl opens, redirects and
// retries of other addresses included, so there is no window between a check
// and the connect (DNS rebinding) and nothing is resolved twice.
curl_socket_t OnOpenSocket(void* user, curlsocktype, curl_sockaddr* address) {
  auto* t = static_cast<FetchTransfer*>(user);
  if (t->block_private && !IsTestPublicAddress(*t, address)) {
    std::string_view kind = NonPublicAddressKind(&address->addr);
    if (!kind.empty()) {
      if (t->refused.empty()) {
        t->refused = "refused: " + t->host + " resolves to " + std::string(kind) +
                     " address " + AddressText(&address->addr) +
                     " (fetch.block_private_addresses)";
      }
      return CURL_SOCKET_BAD;
    }
  }
  return socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

std::string TooLarge(uint64_t max_body) {
  return "response body exceeds max_body (" + std::to_string(max_body) + " bytes)";
}

// Options that stay the same on every hop.
void SetFetchOptions(CURL* curl, const FetchRequest& request, FetchTransfer& t) {
  fetch_internal::SetCommonOptions(curl, t, request.limits.timeout,
                                   request.limits.connect_timeout);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);  // Fetch follows redirects itself
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // all built-in decoders
  // Rejects an announced Content-Length over the cap before any body arrives.
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(request.limits.max_body));
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &OnBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(curl, CURLOPT_OPENSOCKETFUNCTION, &OnOpenSocket);
  curl_easy_setopt(curl, CURLOPT_OPENSOCKETDATA, &t);
  // TLS verification stays on (curl's default); ca_file adds trust anchors
  // to the system ones, which curl still finds through its CA path.
  if (!request.limits.ca_file.empty()) {
    curl_easy_setopt(curl, CURLOPT_CAINFO, request.limits.ca_file.c_str());
  }
  t.block_private = request.limits.block_private_addresses;
  t.public_loopback_port = request.TEST_public_loopback_port;
  if (t.block_private) {
    // Through a proxy the guard would only see the proxy's address while the
    // proxy resolves the target itself: connect directly instead.
    curl_easy_setopt(curl, CURLOPT_PROXY, "");
  }
}

// The request headers of one hop. The source's own headers may carry
// credentials (X-Api-Key, Authorization): they go only to its own origin.
void AddHopHeaders(const FetchRequest& request, bool same_origin,
                   CurlHeaderList& headers) {
  if (!request.etag.empty()) headers.Add("If-None-Match: " + request.etag);
  if (!request.last_modified.empty()) {
    headers.Add("If-Modified-Since: " + request.last_modified);
  }
  if (!same_origin) return;
  for (const auto& [name, value] : request.headers) headers.Add(name + ": " + value);
}

Status TransferError(CURLcode code, const FetchRequest& request,
                     const FetchTransfer& t) {
  std::string what;
  StatusCode kind = StatusCode::kNetwork;
  if (t.cancelled) {
    what = "cancelled";
    kind = StatusCode::kCancelled;
  } else if (!t.refused.empty() && code == CURLE_COULDNT_CONNECT) {
    what = t.refused;
  } else if (t.too_large || code == CURLE_FILESIZE_EXCEEDED) {
    what = TooLarge(request.limits.max_body);
    kind = StatusCode::kTooLarge;
  } else if (t.status >= 400) {
    what = "HTTP " + std::to_string(t.status);  // the body was refused on purpose
    kind = StatusCode::kHttpStatus;
  } else {
    what = fetch_internal::CurlErrorText(code, t);
    kind = fetch_internal::CurlStatusCode(code);
  }
  return Status::Error(kind, "GET " + RedactUrl(request.url) + ": " + what);
}

Status FetchError(StatusCode kind, const FetchRequest& request, const std::string& what) {
  return Status::Error(kind, "GET " + RedactUrl(request.url) + ": " + what);
}

// Where the redirect just received leads, with the source's credentials
// when it stays on the source's origin and none otherwise; an error when it
// may not be followed.
Result<std::string> NextHop(CURL* curl, const FetchRequest& request, int redirects,
                            const std::string& origin) {
  if (redirects >= request.limits.max_redirects) {
    return FetchError(StatusCode::kRedirect, request, "too many redirects (limit " +
                                   std::to_string(request.limits.max_redirects) + ")");
  }
  char* next = nullptr;
  curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &next);
  if (next == nullptr) {
    return FetchError(StatusCode::kRedirect, request, "redirect to an unusable Location refused");
  }
  std::string target = next;
  std::string scheme = fetch_internal::SchemeOf(target);
  if (scheme != "http" && scheme != "https") {
    return FetchError(StatusCode::kRedirect, request,
                      "redirect to a " + (scheme.empty() ? "non-URL" : scheme + ":") +
                                   " location refused (only http and https)");
  }
  bool same_origin = fetch_internal::OriginOf(target) == origin;
  return fetch_internal::WithCredentialsOf(target, same_origin ? request.url : "");
}

}  // namespace

Result<FetchResponse> Fetch(const FetchRequest& request) {
  // file:// gets its validator and existence check here; curl only reads it.
  std::string file_last_modified;
  std::string file_etag;
  if (fetch_internal::IsFileUrl(request.url)) {
    auto path = fetch_internal::FileUrlPath(request.url);
    if (!path.ok()) return path.status();
    auto info = fetch_internal::StatFile(*path);
    if (!info.ok()) return info.status();
    // The etag decides when the caller has one; last_modified alone (an
    // older caller's state) is trusted to the second.
    bool unchanged_file = !request.etag.empty()
                              ? request.etag == info->etag
                              : !request.last_modified.empty() &&
                                    request.last_modified == info->last_modified;
    if (unchanged_file) {
      FetchResponse unchanged;
      unchanged.http_status = 304;
      unchanged.not_modified = true;
      unchanged.etag = info->etag;
      unchanged.last_modified = info->last_modified;
      unchanged.effective_url = request.url;
      return unchanged;
    }
    if (info->size > request.limits.max_body) {
      return Status::Error(StatusCode::kTooLarge,
                           "GET " + request.url + ": " + TooLarge(request.limits.max_body));
    }
    file_last_modified = info->last_modified;
    file_etag = info->etag;
  }

  CurlEasy curl(curl_easy_init());
  if (!curl) return FetchError(StatusCode::kUnknown, request, "curl_easy_init failed");
  FetchTransfer t;
  t.cancel = request.cancel;
  t.max_body = request.limits.max_body;
  SetFetchOptions(curl.get(), request, t);

  using Clock = std::chrono::steady_clock;
  const Clock::time_point deadline = Clock::now() + request.limits.timeout;
  const std::string origin = fetch_internal::OriginOf(request.url);
  std::string url = request.url;
  for (int redirects = 0;; ++redirects) {
    // Only the source's own URL may be file://; redirects stay on http(s).
    curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR,
                     redirects == 0 ? "http,https,file" : "http,https");
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    // timeout: bounds the whole fetch, redirects included.
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS,
                     static_cast<long>(std::max<int64_t>(1, left.count())));
    CurlHeaderList headers;
    AddHopHeaders(request, fetch_internal::OriginOf(url) == origin, headers);
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
    t.StartHop(fetch_internal::HostOf(url));

    CURLcode code = curl_easy_perform(curl.get());
    curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, nullptr);  // `headers` dies here
    if (code != CURLE_OK || t.cancelled) return TransferError(code, request, t);
    if (!IsRedirectStatus(t.status) || !t.has_location) break;
    Result<std::string> next = NextHop(curl.get(), request, redirects, origin);
    if (!next.ok()) return next.status();
    url = std::move(*next);
  }

  FetchResponse response;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &response.http_status);
  char* effective = nullptr;
  curl_easy_getinfo(curl.get(), CURLINFO_EFFECTIVE_URL, &effective);
  // Without user:password: the caller resolves links against it and logs it.
  response.effective_url = RedactUrl(effective != nullptr ? effective : request.url);
  if (!file_last_modified.empty()) {
    response.http_status = 200;  // curl reports 0 for file://
    response.last_modified = file_last_modified;
    response.etag = file_etag;
    response.body = std::move(t.body);
    return response;
  }
  if (response.http_status >= 400) {
    return Status::Error(StatusCode::kHttpStatus, "GET " + RedactUrl(request.url) + ": HTTP " +
                         std::to_string(response.http_status));
  }
  response.content_type = std::move(t.content_type);
  response.etag = std::move(t.etag);
  response.last_modified = std::move(t.last_modified);
  if (response.http_status == 304) {
    // A 304 means unchanged, not an error. Keep the validators we sent when
    // the server did not repeat them, so the caller can store them as is.
    response.not_modified = true;
    if (response.etag.empty()) response.etag = request.etag;
    if (response.last_modified.empty()) response.last_modified = request.last_modified;
    return response;
  }
  response.body = std::move(t.body);
  return response;
}

}  // namespace vigil
