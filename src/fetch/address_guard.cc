// Classifies resolved addresses for fetch.block_private_addresses. Pure
// functions over the address bytes: no resolving here, the caller hands in
// the address curl is about to connect to.
#include "address_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <array>
#include <cstdint>
#include <cstring>

namespace vigil {
namespace {

struct Ipv4Range {
  uint32_t network;
  int prefix;
  std::string_view kind;
};

constexpr uint32_t Ipv4(uint8_t a, uint8_t b, uint8_t c, uint8_t d) {
  return (uint32_t{a} << 24) | (uint32_t{b} << 16) | (uint32_t{c} << 8) | d;
}

// First match wins, so the metadata hosts come before the ranges holding them.
constexpr std::array<Ipv4Range, 20> kIpv4Ranges = {{
    {Ipv4(169, 254, 169, 254), 32, "metadata"},  // AWS, GCP, Azure, OpenStack, ...
    {Ipv4(169, 254, 170, 2), 32, "metadata"},    // AWS ECS task metadata
    {Ipv4(100, 100, 100, 200), 32, "metadata"},  // Alibaba Cloud
    {Ipv4(192, 0, 0, 192), 32, "metadata"},      // Oracle Cloud
    {Ipv4(0, 0, 0, 0), 8, "unspecified"},        // "this network"; Linux routes 0.0.0.0 to self
    {Ipv4(127, 0, 0, 0), 8, "loopback"},
    {Ipv4(10, 0, 0, 0), 8, "private"},
    {Ipv4(172, 16, 0, 0), 12, "private"},
    {Ipv4(192, 168, 0, 0), 16, "private"},
    {Ipv4(169, 254, 0, 0), 16, "link-local"},
    {Ipv4(100, 64, 0, 0), 10, "CGNAT"},
    {Ipv4(224, 0, 0, 0), 4, "multicast"},
    {Ipv4(255, 255, 255, 255), 32, "broadcast"},
    {Ipv4(240, 0, 0, 0), 4, "reserved"},
    {Ipv4(192, 0, 0, 0), 24, "reserved"},     // IETF protocol assignments
    {Ipv4(192, 0, 2, 0), 24, "reserved"},     // documentation (TEST-NET-1)
    {Ipv4(198, 51, 100, 0), 24, "reserved"},  // TEST-NET-2
    {Ipv4(203, 0, 113, 0), 24, "reserved"},   // TEST-NET-3
    {Ipv4(198, 18, 0, 0), 15, "reserved"},    // benchmarking
    {Ipv4(192, 88, 99, 0), 24, "reserved"},   // deprecated 6to4 relay anycast
}};

std::string_view Ipv4Kind(uint32_t address) {
  for (const Ipv4Range& range : kIpv4Ranges) {
    uint32_t mask = range.prefix == 0 ? 0 : ~uint32_t{0} << (32 - range.prefix);
    if ((address & mask) == range.network) return range.kind;
  }
  return {};
}

uint32_t Ipv4At(const uint8_t* bytes) {
  return Ipv4(bytes[0], bytes[1], bytes[2], bytes[3]);
}

bool AllZero(const uint8_t* bytes, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    if (bytes[i] != 0) return false;
  }
  return true;
}

std::string_view Ipv6Kind(const in6_addr& address) {
  const uint8_t* b = address.s6_addr;
  static constexpr uint8_t kMetadata[16] = {0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0,
                                            0,    0,    0,    0,    0, 0, 0x02, 0x54};
  if (std::memcmp(b, kMetadata, 16) == 0) return "metadata";  // AWS IMDS over IPv6
  if (AllZero(b, 10)) {
    if (b[10] == 0xff && b[11] == 0xff) return Ipv4Kind(Ipv4At(b + 12));  // ::ffff:a.b.c.d
    if (b[10] == 0 && b[11] == 0) {
      if (AllZero(b + 12, 3) && b[15] == 0) return "unspecified";  // ::
      if (AllZero(b + 12, 3) && b[15] == 1) return "loopback";     // ::1
      return Ipv4Kind(Ipv4At(b + 12));  // deprecated IPv4-compatible ::a.b.c.d
    }
  }
  // NAT64 well-known prefix 64:ff9b::/96: a gateway would connect to the
  // embedded IPv4 address.
  static constexpr uint8_t kNat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
  if (std::memcmp(b, kNat64, 12) == 0) return Ipv4Kind(Ipv4At(b + 12));
  if (b[0] == 0x20 && b[1] == 0x02) {  // 6to4 2002:AABB:CCDD::/48
    std::string_view kind = Ipv4Kind(Ipv4At(b + 2));
    if (!kind.empty()) return kind;
  }
  if ((b[0] & 0xfe) == 0xfc) return "private";                   // fc00::/7 unique local
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return "link-local";  // fe80::/10
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return "private";     // fec0::/10 site-local
  if (b[0] == 0xff) return "multicast";                            // ff00::/8
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) {
    return "reserved";  // 2001:db8::/32 documentation
  }
  if (b[0] == 0x01 && AllZero(b + 1, 7)) return "reserved";  // 100::/64 discard
  return {};
}

}  // namespace

std::string_view NonPublicAddressKind(const sockaddr* address) {
  if (address == nullptr) return "reserved";
  if (address->sa_family == AF_INET) {
    in_addr ip;
    std::memcpy(&ip, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, sizeof ip);
    return Ipv4Kind(ntohl(ip.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    in6_addr ip;
    std::memcpy(&ip, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, sizeof ip);
    return Ipv6Kind(ip);
  }
  return "reserved";  // AF_UNIX and friends: never a web source
}

std::optional<std::string_view> NonPublicAddressKindOf(const std::string& text) {
  in_addr ip4;
  if (inet_pton(AF_INET, text.c_str(), &ip4) == 1) return Ipv4Kind(ntohl(ip4.s_addr));
  in6_addr ip6;
  if (inet_pton(AF_INET6, text.c_str(), &ip6) == 1) return Ipv6Kind(ip6);
  return std::nullopt;
}

std::string AddressText(const sockaddr* address) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address == nullptr) return "?";
  if (address->sa_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text,
              sizeof text);
  } else if (address->sa_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text,
              sizeof text);
  } else {
    return "address family " + std::to_string(address->sa_family);
  }
  return text;
}

}  // namespace vigil
