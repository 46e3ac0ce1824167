// Helpers for values that must never reach a log line or an error message.
#ifndef VIGIL_SRC_CONFIG_SECRETS_H_
#define VIGIL_SRC_CONFIG_SECRETS_H_

#include <string>
#include <string_view>

namespace vigil {

// True for request header names whose values are credentials and must be
// redacted when shown: Authorization, Proxy-Authorization, Cookie, and any
// name containing "token", "secret", "key", "auth", "password" or "session"
// (case-insensitive), e.g. X-Api-Key, X-Auth-Token.
bool IsSensitiveHeaderName(std::string_view name);

// True when `url` ("scheme://user:pw@host/...") carries userinfo, i.e.
// credentials written into the URL.
bool UrlHasUserinfo(std::string_view url);

}  // namespace vigil

#endif  // VIGIL_SRC_CONFIG_SECRETS_H_
