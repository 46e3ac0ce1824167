// Post: one webhook delivery attempt; the caller judges the status.
#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "src/fetch/curl_easy.h"
#include "vigil/fetch/http_client.h"

namespace vigil {
namespace {

constexpr size_t kMaxPostResponseBody = 64 * 1024;

struct PostTransfer : fetch_internal::TransferBase {
  PostResponse response;
};

size_t OnPostHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<PostTransfer*>(user);
  size_t n = size * count;
  if (fetch_internal::IsStatusLine(data, n)) {
    t->response.headers.clear();  // a 100 Continue precedes the real answer
    return n;
  }
  std::string name, value;
  if (fetch_internal::SplitHeaderLine(data, n, name, value)) {
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    t->response.headers[name] = value;
  }
  return n;
}

// Keeps the start of the body for error messages and drains the rest, so a
// chatty receiver does not turn a delivered webhook into a failure.
size_t OnPostBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<PostTransfer*>(user);
  size_t n = size * count;
  if (t->CheckCancel()) return 0;
  std::string& body = t->response.body;
  body.append(data, std::min(n, kMaxPostResponseBody - body.size()));
  return n;
}

}  // namespace

Result<PostResponse> Post(const PostRequest& request) {
  fetch_internal::CurlEasy curl(curl_easy_init());
  if (!curl) return Status::Error("POST " + RedactUrl(request.url) + ": curl_easy_init failed");
  PostTransfer t;
  t.cancel = request.cancel;
  fetch_internal::SetCommonOptions(curl.get(), t, request.timeout, request.connect_timeout);
  curl_easy_setopt(curl.get(), CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl.get(), CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(curl.get(), CURLOPT_POST, 1L);
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(curl.get(), CURLOPT_POSTFIELDSIZE_LARGE,
                   static_cast<curl_off_t>(request.body.size()));
  curl_easy_setopt(curl.get(), CURLOPT_HEADERFUNCTION, &OnPostHeader);
  curl_easy_setopt(curl.get(), CURLOPT_HEADERDATA, &t);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, &OnPostBody);
  curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &t);
  fetch_internal::CurlHeaderList headers;
  // Without this curl waits up to a second for "100 Continue" on big bodies.
  headers.Add("Expect:");
  for (const auto& [name, value] : request.headers) headers.Add(name + ": " + value);
  curl_easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());

  CURLcode code = curl_easy_perform(curl.get());
  if (code != CURLE_OK || t.cancelled) {
    std::string what = t.cancelled ? "cancelled" : fetch_internal::CurlErrorText(code, t);
    StatusCode kind = t.cancelled ? StatusCode::kCancelled : fetch_internal::CurlStatusCode(code);
    return Status::Error(kind, "POST " + RedactUrl(request.url) + ": " + what);
  }
  curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &t.response.http_status);
  return std::move(t.response);
}

}  // namespace vigil
