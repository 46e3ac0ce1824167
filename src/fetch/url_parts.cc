#include "src/fetch/url_parts.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "vigil/fetch/http_client.h"

namespace vigil::fetch_internal {
namespace {

struct CurlUrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};
using CurlUrl = std::unique_ptr<CURLU, CurlUrlDeleter>;

struct CurlFreer {
  void operator()(char* text) const { curl_free(text); }
};

CurlUrl Parse(const std::string& url) {
  CurlUrl parsed(curl_url());
  if (!parsed || curl_url_set(parsed.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    return nullptr;
  }
  return parsed;
}

// The part, or empty when it is absent.
std::string Part(CURLU* url, CURLUPart part, unsigned flags = 0) {
  char* raw = nullptr;
  if (curl_url_get(url, part, &raw, flags) != CURLUE_OK || raw == nullptr) return {};
  std::unique_ptr<char, CurlFreer> owned(raw);
  return raw;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

}  // namespace

std::string OriginOf(const std::string& url) {
  CurlUrl parsed = Parse(url);
  if (!parsed) return {};
  return Lower(Part(parsed.get(), CURLUPART_SCHEME) + "://" +
               Part(parsed.get(), CURLUPART_HOST) + ":" +
               Part(parsed.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT));
}

std::string SchemeOf(const std::string& url) {
  CurlUrl parsed = Parse(url);
  return parsed ? Lower(Part(parsed.get(), CURLUPART_SCHEME)) : std::string();
}

std::string HostOf(const std::string& url) {
  CurlUrl parsed = Parse(url);
  return parsed ? Part(parsed.get(), CURLUPART_HOST) : RedactUrl(url);
}

std::string WithCredentialsOf(const std::string& url, const std::string& credentials_from) {
  CurlUrl target = Parse(url);
  if (!target) return url;
  std::string user, password;
  if (CurlUrl source = Parse(credentials_from)) {
    user = Part(source.get(), CURLUPART_USER);
    password = Part(source.get(), CURLUPART_PASSWORD);
  }
  // Both parts are kept URL-encoded as they came, so they round-trip.
  curl_url_set(target.get(), CURLUPART_USER, user.empty() ? nullptr : user.c_str(), 0);
  curl_url_set(target.get(), CURLUPART_PASSWORD,
               password.empty() ? nullptr : password.c_str(), 0);
  std::string rebuilt = Part(target.get(), CURLUPART_URL);
  return rebuilt.empty() ? url : rebuilt;
}

}  // namespace vigil::fetch_internal
