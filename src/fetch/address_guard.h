// The address classifier behind fetch.block_private_addresses: which socket
// addresses a fetch may not connect to because they reach the host itself,
// its local networks or a cloud metadata service (SSRF protection).
#ifndef VIGIL_SRC_FETCH_ADDRESS_GUARD_H_
#define VIGIL_SRC_FETCH_ADDRESS_GUARD_H_

#include <sys/socket.h>

#include <optional>
#include <string>
#include <string_view>

namespace vigil {

// What kind of non-public address `address` is: "loopback", "private",
// "link-local", "CGNAT", "unspecified", "multicast", "broadcast",
// "reserved", "metadata"; an empty view for a public (allowed) address.
// IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64
// (64:ff9b::/96) and 6to4 (2002::/16) IPv6 forms are judged by the IPv4
// address they carry. Families other than AF_INET/AF_INET6 are "reserved".
std::string_view NonPublicAddressKind(const sockaddr* address);

// The same for a numeric address in text ("10.0.0.1", "::1"); nullopt when
// `text` is not a numeric IPv4 or IPv6 address.
std::optional<std::string_view> NonPublicAddressKindOf(const std::string& text);

// "10.0.0.1", "::1": the numeric form of `address`, for error messages.
std::string AddressText(const sockaddr* address);

}  // namespace vigil

#endif  // VIGIL_SRC_FETCH_ADDRESS_GUARD_H_
