// Userinfo stripping, so credentials in source URLs never reach logs.
#include <string>

#include "vigil/fetch/http_client.h"

namespace vigil {

std::string RedactUrl(const std::string& url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return url;
  size_t authority = scheme_end + 3;
  size_t authority_end = url.find_first_of("/?#", authority);
  if (authority_end == std::string::npos) authority_end = url.size();
  // The last '@' ends the userinfo: passwords may contain '@' unescaped.
  size_t at = url.rfind('@', authority_end == 0 ? 0 : authority_end - 1);
  if (at == std::string::npos || at < authority) return url;
  return url.substr(0, authority) + url.substr(at + 1);
}

}  // namespace vigil
