#include "src/fetch/address_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <gtest/gtest.h>

#include <string>

namespace vigil {
namespace {

struct AddressCase {
  const char* address;
  const char* kind;  // "" = public, allowed
};

const AddressCase kCases[] = {
    // IPv4 loopback, private, link-local, CGNAT, unspecified, multicast.
    {"127.0.0.1", "loopback"},
    {"127.255.255.254", "loopback"},
    {"127.1.2.3", "loopback"},
    {"10.0.0.1", "private"},
    {"10.255.255.255", "private"},
    {"172.16.0.1", "private"},
    {"172.31.255.255", "private"},
    {"192.168.0.1", "private"},
    {"192.168.255.255", "private"},
    {"169.254.0.1", "link-local"},
    {"169.254.255.255", "link-local"},
    {"100.64.0.1", "CGNAT"},
    {"100.127.255.255", "CGNAT"},
    {"0.0.0.0", "unspecified"},
    {"0.1.2.3", "unspecified"},
    {"224.0.0.1", "multicast"},
    {"239.255.255.250", "multicast"},
    {"255.255.255.255", "broadcast"},
    {"240.0.0.1", "reserved"},
    {"192.0.2.10", "reserved"},
    {"198.18.0.1", "reserved"},
    // Cloud metadata services.
    {"169.254.169.254", "metadata"},
    {"169.254.170.2", "metadata"},
    {"100.100.100.200", "metadata"},
    {"fd00:ec2::254", "metadata"},
    {"::ffff:169.254.169.254", "metadata"},
    // Public IPv4, including the neighbours of every blocked range.
    {"8.8.8.8", ""},
    {"1.1.1.1", ""},
    {"9.255.255.255", ""},
    {"11.0.0.0", ""},
    {"126.255.255.255", ""},
    {"128.0.0.0", ""},
    {"172.15.255.255", ""},
    {"172.32.0.0", ""},
    {"192.167.255.255", ""},
    {"192.169.0.0", ""},
    {"169.253.255.255", ""},
    {"169.255.0.0", ""},
    {"100.63.255.255", ""},
    {"100.128.0.0", ""},
    {"1.0.0.0", ""},
    {"223.255.255.255", ""},
    {"93.184.215.14", ""},
    // IPv6.
    {"::1", "loopback"},
    {"::", "unspecified"},
    {"fc00::1", "private"},
    {"fd12:3456:789a::1", "private"},
    {"fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "private"},
    {"fe80::1", "link-local"},
    {"febf:ffff::1", "link-local"},
    {"fec0::1", "private"},
    {"ff02::1", "multicast"},
    {"ff0e::101", "multicast"},
    {"2001:db8::1", "reserved"},
    {"100::1", "reserved"},
    {"2606:4700:4700::1111", ""},
    {"2001:4860:4860::8888", ""},
    {"fbff:ffff::1", ""},
    {"fe00::1", ""},
    {"::2", "unspecified"},  // IPv4-compatible 0.0.0.2, inside 0.0.0.0/8
    // IPv4-mapped forms are judged by the IPv4 address they carry.
    {"::ffff:127.0.0.1", "loopback"},
    {"::ffff:7f00:1", "loopback"},
    {"::ffff:10.0.0.1", "private"},
    {"::ffff:192.168.1.1", "private"},
    {"::ffff:169.254.1.1", "link-local"},
    {"::ffff:100.64.0.1", "CGNAT"},
    {"::ffff:0.0.0.0", "unspecified"},
    {"::ffff:224.0.0.1", "multicast"},
    {"::ffff:8.8.8.8", ""},
    // IPv4-compatible, NAT64 and 6to4 forms too.
    {"::127.0.0.1", "loopback"},
    {"::10.0.0.1", "private"},
    {"64:ff9b::7f00:1", "loopback"},
    {"64:ff9b::a9fe:a9fe", "metadata"},
    {"64:ff9b::808:808", ""},
    {"2002:7f00:1::", "loopback"},
    {"2002:c0a8:101::1", "private"},
    {"2002:808:808::1", ""},
};

class AddressGuardTest : public testing::TestWithParam<AddressCase> {};

TEST_P(AddressGuardTest, ClassifiesTextForm) {
  std::optional<std::string_view> kind = NonPublicAddressKindOf(GetParam().address);
  ASSERT_TRUE(kind.has_value()) << GetParam().address;
  EXPECT_EQ(*kind, GetParam().kind) << GetParam().address;
}

// The socket address form, which is what curl hands to the guard.
TEST_P(AddressGuardTest, ClassifiesSocketAddress) {
  std::string text = GetParam().address;
  sockaddr_storage storage{};
  if (text.find(':') == std::string::npos) {
    auto* ip4 = reinterpret_cast<sockaddr_in*>(&storage);
    ip4->sin_family = AF_INET;
    ip4->sin_port = htons(443);
    ASSERT_EQ(inet_pton(AF_INET, text.c_str(), &ip4->sin_addr), 1);
  } else {
    auto* ip6 = reinterpret_cast<sockaddr_in6*>(&storage);
    ip6->sin6_family = AF_INET6;
    ip6->sin6_port = htons(443);
    ASSERT_EQ(inet_pton(AF_INET6, text.c_str(), &ip6->sin6_addr), 1);
  }
  const auto* address = reinterpret_cast<const sockaddr*>(&storage);
  EXPECT_EQ(NonPublicAddressKind(address), GetParam().kind) << text;
}

INSTANTIATE_TEST_SUITE_P(Addresses, AddressGuardTest, testing::ValuesIn(kCases));

TEST(AddressGuardTest, HostNamesAreNotAddresses) {
  EXPECT_FALSE(NonPublicAddressKindOf("localhost").has_value());
  EXPECT_FALSE(NonPublicAddressKindOf("example.org").has_value());
  EXPECT_FALSE(NonPublicAddressKindOf("").has_value());
  EXPECT_FALSE(NonPublicAddressKindOf("[::1]").has_value());
}

TEST(AddressGuardTest, OtherFamiliesAreRefused) {
  sockaddr_storage storage{};
  storage.ss_family = AF_UNIX;
  EXPECT_EQ(NonPublicAddressKind(reinterpret_cast<const sockaddr*>(&storage)), "reserved");
}

TEST(AddressGuardTest, AddressTextIsNumeric) {
  sockaddr_in6 ip6{};
  ip6.sin6_family = AF_INET6;
  ASSERT_EQ(inet_pton(AF_INET6, "fd00:ec2::254", &ip6.sin6_addr), 1);
  EXPECT_EQ(AddressText(reinterpret_cast<const sockaddr*>(&ip6)), "fd00:ec2::254");
  sockaddr_in ip4{};
  ip4.sin_family = AF_INET;
  ASSERT_EQ(inet_pton(AF_INET, "10.0.0.1", &ip4.sin_addr), 1);
  EXPECT_EQ(AddressText(reinterpret_cast<const sockaddr*>(&ip4)), "10.0.0.1");
}

}  // namespace
}  // namespace vigil
