// How webhooks appear in errors, logs and the database: without the
// credentials their URLs carry.
#include <cstdio>
#include <string>

#include "vigil/alert/sender.h"

namespace vigil {

std::string WebhookOrigin(const std::string& url) {
  size_t scheme_end = url.find("://");
  // Not a URL we can take apart: show nothing of it rather than guess.
  if (scheme_end == std::string::npos || scheme_end == 0) return "<webhook url>";
  size_t authority = scheme_end + 3;
  size_t authority_end = url.find_first_of("/?#", authority);
  if (authority_end == std::string::npos) authority_end = url.size();
  // The last '@' ends the userinfo (passwords may hold '@' unescaped).
  size_t host = authority;
  for (size_t i = authority; i < authority_end; ++i) {
    if (url[i] == '@') host = i + 1;
  }
  return url.substr(0, authority) + url.substr(host, authority_end - host);
}

std::string FormatRetryDelay(std::chrono::milliseconds delay) {
  if (delay < std::chrono::seconds(1)) return std::to_string(delay.count()) + "ms";
  char text[32];
  std::snprintf(text, sizeof text, "%.1fs", static_cast<double>(delay.count()) / 1000.0);
  return text;
}

}  // namespace vigil
