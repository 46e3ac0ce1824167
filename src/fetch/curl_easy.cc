#include "src/fetch/curl_easy.h"

#include <string_view>

#include "vigil/fetch/http_client.h"

namespace vigil::fetch_internal {
namespace {

// Called by curl at least once a second, and on every chunk of progress.
int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<TransferBase*>(user)->CheckCancel() ? 1 : 0;
}

std::string_view TrimHttpSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' ||
                        s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace

void CurlHeaderList::Add(const std::string& line) {
  curl_slist* grown = curl_slist_append(list_.get(), line.c_str());
  if (grown != nullptr) {
    list_.release();
    list_.reset(grown);
  }
}

void SetCommonOptions(CURL* curl, TransferBase& base,
                      std::chrono::milliseconds timeout,
                      std::chrono::milliseconds connect_timeout) {
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // we run on worker threads
  curl_easy_setopt(curl, CURLOPT_USERAGENT, UserAgent().c_str());
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(connect_timeout.count()));
  // curl's defaults, set anyway so no later change can loosen them quietly:
  // the peer's certificate chain and its name are always verified.
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(curl, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, base.error);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &OnProgress);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &base);
}

StatusCode CurlStatusCode(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT: return StatusCode::kTimeout;
    case CURLE_FILESIZE_EXCEEDED: return StatusCode::kTooLarge;
    case CURLE_TOO_MANY_REDIRECTS: return StatusCode::kRedirect;
    default: return StatusCode::kNetwork;
  }
}

std::string CurlErrorText(CURLcode code, const TransferBase& base) {
  if (base.error[0] != '\0') return base.error;
  return curl_easy_strerror(code);
}

bool IsStatusLine(const char* data, size_t size) {
  return std::string_view(data, size).starts_with("HTTP/");
}

bool SplitHeaderLine(const char* data, size_t size, std::string& name,
                     std::string& value) {
  std::string_view line(data, size);
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || IsStatusLine(data, size)) return false;
  name = std::string(TrimHttpSpace(line.substr(0, colon)));
  value = std::string(TrimHttpSpace(line.substr(colon + 1)));
  return !name.empty();
}

}  // namespace vigil::fetch_internal
