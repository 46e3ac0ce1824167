#include "retry_after.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <string>

namespace vigil {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

std::optional<int64_t> ParseHttpDate(const std::string& text) {
  // IMF-fixdate first (the only form senders may generate), then the two
  // obsolete forms recipients must still accept.
  static constexpr const char* kFormats[] = {
      "%a, %d %b %Y %H:%M:%S GMT",  // Sun, 06 Nov 1994 08:49:37 GMT
      "%A, %d-%b-%y %H:%M:%S GMT",  // Sunday, 06-Nov-94 08:49:37 GMT
      "%a %b %d %H:%M:%S %Y",       // Sun Nov  6 08:49:37 1994
  };
  for (const char* format : kFormats) {
    std::tm tm{};
    const char* end = strptime(text.c_str(), format, &tm);
    if (end != nullptr && *end == '\0') return static_cast<int64_t>(timegm(&tm));
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view value,
                                                         int64_t now_unix_ms) {
  value = Trim(value);
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    // Anything beyond ten digits is absurd for a retry delay; cap instead of
    // overflowing.
    if (value.size() > 10) return std::chrono::milliseconds(9'999'999'999'000);
    return std::chrono::milliseconds(std::stoll(std::string(value)) * 1000);
  }
  std::optional<int64_t> date_s = ParseHttpDate(std::string(value));
  if (!date_s) return std::nullopt;
  int64_t delay_ms = *date_s * 1000 - now_unix_ms;
  return std::chrono::milliseconds(std::max<int64_t>(delay_ms, 0));
}

}  // namespace vigil
