// Time helpers shared by every module. Wall-clock times are UTC.
#ifndef VIGIL_BASE_TIME_H_
#define VIGIL_BASE_TIME_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vigil {

using SysTime = std::chrono::sys_time<std::chrono::milliseconds>;

// Milliseconds since the Unix epoch, now.
int64_t NowUnixMs();

// "2023-09-14T10:00:00Z" (seconds precision, UTC).
std::string FormatRfc3339(int64_t unix_ms);

// The UTC calendar year of a time (2024 for "2024-03-01T00:00:00Z").
int UtcYear(int64_t unix_ms);

// Parses durations of the forms "500ms", "30s", "10m", "1h", "2d", or
// compounds such as "1h30m". Returns nullopt when malformed or negative.
std::optional<std::chrono::milliseconds> ParseDuration(std::string_view text);

}  // namespace vigil

#endif  // VIGIL_BASE_TIME_H_
