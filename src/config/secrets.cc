#include "secrets.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace vigil {

namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

bool IsSensitiveHeaderName(std::string_view name) {
  static constexpr std::array<std::string_view, 7> kMarkers = {
      "auth", "token", "secret", "key", "password", "session", "cookie"};
  std::string lower = Lower(name);
  return std::any_of(kMarkers.begin(), kMarkers.end(), [&](std::string_view marker) {
    return lower.find(marker) != std::string::npos;
  });
}

bool UrlHasUserinfo(std::string_view url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return false;
  std::string_view rest = url.substr(scheme_end + 3);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  return authority.find('@') != std::string_view::npos;
}

}  // namespace vigil
