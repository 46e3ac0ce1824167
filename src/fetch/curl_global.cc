// Process-wide libcurl setup and the identity Vigil sends.
#include <curl/curl.h>

#include <stdexcept>
#include <string>

#include "vigil/fetch/http_client.h"

namespace vigil {

CurlGlobal::CurlGlobal() {
  if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
    throw std::runtime_error("curl_global_init failed");
  }
}

CurlGlobal::~CurlGlobal() { curl_global_cleanup(); }

std::string UserAgent() {
  return "Vigil/" VIGIL_VERSION " (+https://github.com/vigil-monitor/vigil)";
}

}  // namespace vigil
