// Tests for the SSRF guard's address classification and policy (address_guard.cc).
#include "crawler/internal/address_guard.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>

#include "printers.h"
#include "testutil/testutil.h"

namespace citecheck::crawler::internal {
namespace {

struct AddressCase {
  std::string address;
  AddressKind kind;
};

// IANA IPv4 Special-Purpose Address Registry: every non-public block, its edges, and
// public neighbours just outside them.
TEST(ClassifyAddress, Ipv4Table) {
  const AddressCase cases[] = {
      {"0.0.0.0", AddressKind::kUnspecified},
      {"0.255.255.255", AddressKind::kUnspecified},
      {"1.1.1.1", AddressKind::kPublic},
      {"9.255.255.255", AddressKind::kPublic},
      {"10.0.0.1", AddressKind::kPrivate},
      {"10.255.255.255", AddressKind::kPrivate},
      {"11.0.0.0", AddressKind::kPublic},
      {"100.63.255.255", AddressKind::kPublic},
      {"100.64.0.1", AddressKind::kSharedAddress},
      {"100.127.255.255", AddressKind::kSharedAddress},
      {"100.128.0.0", AddressKind::kPublic},
      {"127.0.0.1", AddressKind::kLoopback},
      {"127.255.255.254", AddressKind::kLoopback},
      {"169.254.169.254", AddressKind::kLinkLocal},
      {"169.254.0.1", AddressKind::kLinkLocal},
      {"169.255.0.1", AddressKind::kPublic},
      {"172.15.255.255", AddressKind::kPublic},
      {"172.16.0.1", AddressKind::kPrivate},
      {"172.31.255.255", AddressKind::kPrivate},
      {"172.32.0.0", AddressKind::kPublic},
      {"192.0.0.8", AddressKind::kReserved},
      {"192.0.2.1", AddressKind::kDocumentation},
      {"192.88.99.1", AddressKind::kReserved},
      {"192.167.255.255", AddressKind::kPublic},
      {"192.168.1.1", AddressKind::kPrivate},
      {"192.169.0.0", AddressKind::kPublic},
      {"198.18.0.1", AddressKind::kReserved},
      {"198.19.255.255", AddressKind::kReserved},
      {"198.20.0.0", AddressKind::kPublic},
      {"198.51.100.7", AddressKind::kDocumentation},
      {"203.0.113.9", AddressKind::kDocumentation},
      {"8.8.8.8", AddressKind::kPublic},
      {"223.255.255.255", AddressKind::kPublic},
      {"224.0.0.1", AddressKind::kMulticast},
      {"239.255.255.255", AddressKind::kMulticast},
      {"240.0.0.1", AddressKind::kReserved},
      {"255.255.255.254", AddressKind::kReserved},
      {"255.255.255.255", AddressKind::kBroadcast},
  };
  for (const AddressCase& c : cases) {
    EXPECT_EQ(ClassifyAddress(c.address), c.kind) << c.address;
  }
}

// IANA IPv6 Special-Purpose Address Registry; addresses embedding IPv4 take the kind
// of the embedded address (so ::ffff:127.0.0.1 cannot sneak past as "IPv6").
TEST(ClassifyAddress, Ipv6Table) {
  const AddressCase cases[] = {
      {"::", AddressKind::kUnspecified},
      {"::1", AddressKind::kLoopback},
      {"[::1]", AddressKind::kLoopback},
      {"::ffff:127.0.0.1", AddressKind::kLoopback},
      {"::ffff:7f00:1", AddressKind::kLoopback},
      {"::ffff:169.254.169.254", AddressKind::kLinkLocal},
      {"::ffff:10.1.2.3", AddressKind::kPrivate},
      {"::ffff:8.8.8.8", AddressKind::kPublic},
      {"::127.0.0.1", AddressKind::kReserved},
      {"64:ff9b::127.0.0.1", AddressKind::kLoopback},
      {"64:ff9b::8.8.8.8", AddressKind::kPublic},
      {"64:ff9b:1::1", AddressKind::kPrivate},
      {"100::1", AddressKind::kReserved},
      {"2001::1", AddressKind::kReserved},
      {"2001:1ff::1", AddressKind::kReserved},
      {"2001:200::1", AddressKind::kPublic},
      {"2001:db8::1", AddressKind::kDocumentation},
      {"2002:7f00:1::1", AddressKind::kLoopback},
      {"2002:808:808::1", AddressKind::kPublic},
      {"2606:4700:4700::1111", AddressKind::kPublic},
      {"2a00:1450:4007:80b::200e", AddressKind::kPublic},
      {"3fff::1", AddressKind::kDocumentation},
      {"4000::1", AddressKind::kReserved},
      {"fc00::1", AddressKind::kPrivate},
      {"fd12:3456::1", AddressKind::kPrivate},
      {"fe80::1", AddressKind::kLinkLocal},
      {"febf::1", AddressKind::kLinkLocal},
      {"fec0::1", AddressKind::kPrivate},
      {"ff02::1", AddressKind::kMulticast},
  };
  for (const AddressCase& c : cases) {
    EXPECT_EQ(ClassifyAddress(c.address), c.kind) << c.address;
  }
}

TEST(ClassifyAddress, NamesAreNotAddresses) {
  EXPECT_EQ(ClassifyAddress("localhost"), std::nullopt);
  EXPECT_EQ(ClassifyAddress("127.1"), std::nullopt);
  EXPECT_EQ(ClassifyAddress(""), std::nullopt);
}

TEST(AddressKindName, NamesUsedInMessages) {
  EXPECT_EQ(AddressKindName(AddressKind::kLoopback), "loopback address");
  EXPECT_EQ(AddressKindName(AddressKind::kLinkLocal), "link-local address");
  EXPECT_EQ(AddressKindName(AddressKind::kPrivate), "private address");
}

// The callback sees raw sockaddrs; both families are read with their port.
TEST(EndpointFromSockaddr, ReadsIpv4AndIpv6) {
  sockaddr_in in{};
  in.sin_family = AF_INET;
  in.sin_port = htons(8080);
  ASSERT_EQ(inet_pton(AF_INET, "169.254.169.254", &in.sin_addr), 1);
  auto v4 = EndpointFromSockaddr(reinterpret_cast<sockaddr*>(&in), sizeof(in));
  ASSERT_TRUE(v4.has_value());
  EXPECT_EQ(v4->ip, "169.254.169.254");
  EXPECT_EQ(v4->port, 8080);
  EXPECT_EQ(v4->kind, AddressKind::kLinkLocal);

  sockaddr_in6 in6{};
  in6.sin6_family = AF_INET6;
  in6.sin6_port = htons(443);
  ASSERT_EQ(inet_pton(AF_INET6, "::ffff:127.0.0.1", &in6.sin6_addr), 1);
  auto v6 = EndpointFromSockaddr(reinterpret_cast<sockaddr*>(&in6), sizeof(in6));
  ASSERT_TRUE(v6.has_value());
  EXPECT_EQ(v6->ip, "::ffff:127.0.0.1");
  EXPECT_EQ(v6->port, 443);
  EXPECT_EQ(v6->kind, AddressKind::kLoopback);

  sockaddr other{};
  other.sa_family = AF_UNIX;
  EXPECT_FALSE(EndpointFromSockaddr(&other, sizeof(other)).has_value());
  EXPECT_FALSE(EndpointFromSockaddr(reinterpret_cast<sockaddr*>(&in), 4).has_value());
}

// curl's --resolve syntax, canonicalized; malformed entries are named in the error.
TEST(ParseResolvePin, ParsesValidEntries) {
  auto pin = ParseResolvePin("Mirror.Example:8080:127.0.0.1");
  ASSERT_OK(pin);
  EXPECT_EQ(*pin, (ResolvePin{"mirror.example", 8080, {"127.0.0.1"}}));
  pin = ParseResolvePin("a.test:443:[0:0::1],10.0.0.1");
  ASSERT_OK(pin);
  EXPECT_EQ(*pin, (ResolvePin{"a.test", 443, {"::1", "10.0.0.1"}}));
}

TEST(ParseResolvePin, RejectsMalformedEntries) {
  const std::string bad[] = {
      "",
      "a.test",
      "a.test:80",
      "a.test:80:",
      "a.test:http:1.2.3.4",
      "a.test:0:1.2.3.4",
      "a.test:70000:1.2.3.4",
      ":80:1.2.3.4",
      "a.test:80:not-an-ip",
      "a.test:80:1.2.3.4,",
      "+a.test:80:1.2.3.4",
      "-a.test:80:1.2.3.4",
      "*:80:1.2.3.4",
      "a b:80:1.2.3.4",
  };
  for (const std::string& entry : bad) {
    auto pin = ParseResolvePin(entry);
    ASSERT_FALSE(pin.ok()) << entry;
    EXPECT_EQ(pin.status().code(), common::StatusCode::kInvalidArgument);
    EXPECT_NE(pin.status().message().find("'" + entry + "'"), std::string::npos)
        << pin.status().message();
  }
}

Endpoint At(std::string ip, int port) { return {ip, port, *ClassifyAddress(ip)}; }

// Public addresses always pass; others only when allowed in general, or pinned for
// exactly this host and port.
TEST(AddressPolicy, AllowsPublicAndPinnedAddressesOnly) {
  const AddressPolicy strict(false, {{"mirror.test", 8080, {"127.0.0.1"}}});
  EXPECT_EQ(strict.Refusal("example.org", 80, At("93.184.215.14", 80)), std::nullopt);
  EXPECT_EQ(strict.Refusal("mirror.test", 8080, At("127.0.0.1", 8080)), std::nullopt);
  EXPECT_EQ(strict.Refusal("127.0.0.1", 8080, At("127.0.0.1", 8080)), "loopback address");
  EXPECT_EQ(strict.Refusal("mirror.test", 9090, At("127.0.0.1", 9090)), "loopback address");
  EXPECT_EQ(strict.Refusal("mirror.test", 8080, At("127.0.0.2", 8080)), "loopback address");
  EXPECT_EQ(strict.Refusal("evil.test", 80, At("169.254.169.254", 80)), "link-local address");
  EXPECT_EQ(strict.Refusal("evil.test", 80, At("::ffff:10.0.0.1", 80)), "private address");

  const AddressPolicy open(true, {});
  EXPECT_EQ(open.Refusal("127.0.0.1", 80, At("127.0.0.1", 80)), std::nullopt);
  EXPECT_EQ(open.Refusal("meta", 80, At("169.254.169.254", 80)), std::nullopt);
}

}  // namespace
}  // namespace citecheck::crawler::internal
