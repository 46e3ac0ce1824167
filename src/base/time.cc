#include "vigil/base/time.h"

#include <cctype>
#include <ctime>

namespace vigil {

int64_t NowUnixMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string FormatRfc3339(int64_t unix_ms) {
  std::time_t secs = static_cast<std::time_t>(unix_ms / 1000);
  if (unix_ms < 0 && unix_ms % 1000 != 0) --secs;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

int UtcYear(int64_t unix_ms) {
  std::time_t secs = static_cast<std::time_t>(unix_ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  return tm.tm_year + 1900;
}

std::optional<std::chrono::milliseconds> ParseDuration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int64_t total_ms = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    int64_t number = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      number = number * 10 + (text[i] - '0');
      if (number > 1'000'000'000) return std::nullopt;  // keeps the sum in range
      ++i;
    }
    size_t unit_start = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    std::string_view unit = text.substr(unit_start, i - unit_start);
    int64_t factor;
    if (unit == "ms") factor = 1;
    else if (unit == "s") factor = 1000;
    else if (unit == "m") factor = 60'000;
    else if (unit == "h") factor = 3'600'000;
    else if (unit == "d") factor = 86'400'000;
    else return std::nullopt;  // a bare number is ambiguous: reject it
    total_ms += number * factor;
    // About 31,000 years: far past any sane value, and far from overflow.
    if (total_ms > 1'000'000'000'000'000) return std::nullopt;
  }
  return std::chrono::milliseconds(total_ms);
}

}  // namespace vigil
