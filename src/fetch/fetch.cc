// Fetch: a conditional GET with size, time and redirect limits.
#include <curl/curl.h>

#include <cctype>
#include <cstdlib>
#include <string>
#include <string_view>

#include "src/fetch/curl_easy.h"
#include "src/fetch/file_source.h"
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
};

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

std::string TooLarge(uint64_t max_body) {
  return "response body exceeds max_body (" + std::to_string(max_body) + " bytes)";
}

void SetFetchOptions(CURL* curl, const FetchRequest& request, FetchTransfer& t,
                     CurlHeaderList& headers) {
  fetch_internal::SetCommonOptions(curl, t, request.limits.timeout,
                                   request.limits.connect_timeout);
  curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https,file");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, static_cast<long>(request.limits.max_redirects));
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // all built-in decoders
  // Rejects an announced Content-Length over the cap before any body arrives.
  curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE,
                   static_cast<curl_off_t>(request.limits.max_body));
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &OnBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
  if (!request.etag.empty()) headers.Add("If-None-Match: " + request.etag);
  if (!request.last_modified.empty()) {
    headers.Add("If-Modified-Since: " + request.last_modified);
  }
  for (const auto& [name, value] : request.headers) headers.Add(name + ": " + value);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
}

Status TransferError(CURLcode code, const FetchRequest& request,
                     const FetchTransfer& t) {
  std::string what;
  if (t.cancelled) {
    what = "cancelled";
  } else if (t.too_large || code == CURLE_FILESIZE_EXCEEDED) {
    what = TooLarge(request.limits.max_body);
  } else if (t.status >= 400) {
    what = "HTTP " + std::to_string(t.status);  // the body was refused on purpose
  } else if (code == CURLE_TOO_MANY_REDIRECTS) {
    what = "too many redirects (limit " + std::to_string(request.limits.max_redirects) +
           ")";
  } else {
    what = fetch_internal::CurlErrorText(code, t);
  }
  return Status::Error("GET " + RedactUrl(request.url) + ": " + what);
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
      return Status::Error("GET " + request.url + ": " +
                           TooLarge(request.limits.max_body));
    }
    file_last_modified = info->last_modified;
    file_etag = info->etag;
  }

  CurlEasy curl(curl_easy_init());
  if (!curl) return Status::Error("GET " + RedactUrl(request.url) + ": curl_easy_init failed");
  FetchTransfer t;
  t.cancel = request.cancel;
  t.max_body = request.limits.max_body;
  CurlHeaderList headers;
  SetFetchOptions(curl.get(), request, t, headers);

  CURLcode code = curl_easy_perform(curl.get());
  if (code != CURLE_OK || t.cancelled) return TransferError(code, request, t);

  FetchResponse response;
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &response.http_status);
  char* effective = nullptr;
  curl_easy_getinfo(curl.get(), CURLINFO_EFFECTIVE_URL, &effective);
  response.effective_url = effective != nullptr ? effective : request.url;
  if (!file_last_modified.empty()) {
    response.http_status = 200;  // curl reports 0 for file://
    response.last_modified = file_last_modified;
    response.etag = file_etag;
    response.body = std::move(t.body);
    return response;
  }
  if (response.http_status >= 400) {
    return Status::Error("GET " + RedactUrl(request.url) + ": HTTP " +
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
