// Parsing of the HTTP Retry-After header (RFC 9110 section 10.2.3).
#ifndef VIGIL_SRC_ALERT_RETRY_AFTER_H_
#define VIGIL_SRC_ALERT_RETRY_AFTER_H_

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

namespace vigil {

// The delay a Retry-After value asks for: delta-seconds ("120") or an
// HTTP-date ("Sun, 06 Nov 1994 08:49:37 GMT", also the obsolete RFC 850 and
// asctime forms), relative to `now_unix_ms`. A date in the past gives 0.
// nullopt when the value is malformed.
std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view value,
                                                         int64_t now_unix_ms);

}  // namespace vigil

#endif  // VIGIL_SRC_ALERT_RETRY_AFTER_H_
