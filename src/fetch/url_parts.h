// URL pieces Fetch needs to follow redirects itself: origins, hosts and
// credentials, parsed by libcurl's own URL parser so they agree with what
// curl connects to. Private to the fetch module.
#ifndef VIGIL_SRC_FETCH_URL_PARTS_H_
#define VIGIL_SRC_FETCH_URL_PARTS_H_

#include <string>

namespace vigil::fetch_internal {

// "scheme://host:port", lower-cased, with the scheme's default port filled
// in ("http://a.org/x" -> "http://a.org:80"); empty when `url` does not parse.
std::string OriginOf(const std::string& url);

// The lower-cased scheme ("https"), empty when `url` does not parse.
std::string SchemeOf(const std::string& url);

// The host as written in the URL ("example.org", "[::1]"), or `url` itself
// (redacted) when it does not parse.
std::string HostOf(const std::string& url);

// `url` carrying the user and password of `credentials_from` (none when that
// URL has none or is empty), replacing whatever userinfo `url` had.
std::string WithCredentialsOf(const std::string& url, const std::string& credentials_from);

}  // namespace vigil::fetch_internal

#endif  // VIGIL_SRC_FETCH_URL_PARTS_H_
