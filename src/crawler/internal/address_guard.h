// The SSRF guard: which peer addresses a fetch may connect to.
//
// A fetch of a cited URL must not reach the machine it runs on or its private network
// (cloud metadata at 169.254.169.254, an admin page on 127.0.0.1, a router on
// 192.168.0.1). ClassifyAddress sorts an address into a kind; AddressPolicy decides,
// for the address a connection is about to use, whether to allow it. The fetcher asks
// the policy from curl's open-socket callback, so every hop and every resolved address
// (including those tried by happy eyeballs) is checked, after DNS, where rebinding
// tricks can no longer change the answer.
//
// Thread-safety: pure functions; AddressPolicy is immutable after construction.
#ifndef CITECHECK_CRAWLER_INTERNAL_ADDRESS_GUARD_H_
#define CITECHECK_CRAWLER_INTERNAL_ADDRESS_GUARD_H_

#include <sys/socket.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace citecheck::crawler::internal {

enum class AddressKind {
  kPublic = 0,     // globally routable unicast
  kUnspecified,    // 0.0.0.0/8, ::
  kLoopback,       // 127/8, ::1
  kPrivate,        // 10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10, 64:ff9b:1::/48
  kLinkLocal,      // 169.254/16 (cloud metadata lives here), fe80::/10
  kSharedAddress,  // 100.64/10, carrier-grade NAT
  kMulticast,      // 224/4, ff00::/8
  kBroadcast,      // 255.255.255.255
  kDocumentation,  // 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20
  kReserved,       // 240/4, 192.0.0/24, 198.18/15, 100::/64, 2001::/23, ::/96 ...
};

// "public address", "loopback address", "private address", "link-local address", ...
std::string_view AddressKindName(AddressKind kind);

// The kind of an IPv4 address given in host byte order.
AddressKind ClassifyIpv4(uint32_t address);

// The kind of an IPv6 address (16 bytes, network order). Addresses that embed an IPv4
// address (IPv4-mapped ::ffff:0:0/96, NAT64 64:ff9b::/96, 6to4 2002::/16) take the
// kind of the embedded address, so ::ffff:127.0.0.1 is loopback.
AddressKind ClassifyIpv6(const std::array<unsigned char, 16>& bytes);

// Parses "127.0.0.1", "::1" or "[::1]" and classifies it; nullopt when `text` is not
// an IP address.
std::optional<AddressKind> ClassifyAddress(std::string_view text);

// A socket address as text and port, with its kind.
struct Endpoint {
  std::string ip;  // "127.0.0.1", "::1"
  int port = 0;
  AddressKind kind = AddressKind::kPublic;
};

// Reads an AF_INET or AF_INET6 sockaddr; nullopt for other families.
std::optional<Endpoint> EndpointFromSockaddr(const sockaddr* addr, socklen_t len);

// One `resolve` setting, "host:port:address[,address...]" as curl's --resolve takes.
struct ResolvePin {
  std::string host;  // lower case
  int port = 0;
  std::vector<std::string> addresses;  // canonical text, without brackets
  bool operator==(const ResolvePin&) const = default;
};

// Parses and validates a `resolve` entry. Errors: kInvalidArgument naming the entry.
common::Result<ResolvePin> ParseResolvePin(std::string_view entry);

// Decides whether a connection may use an address.
//
// Policy: public addresses are always allowed. Other kinds are allowed when
// `allow_private` is set, or when the operator pinned this exact host:port to this
// address with a `resolve` entry: a pin is an explicit, configured decision to reach
// that address under that name (an internal mirror, or a test server), and it does not
// extend to any other name, port, or to a redirect that names the address directly.
class AddressPolicy {
 public:
  AddressPolicy(bool allow_private, std::vector<ResolvePin> pins);

  // nullopt when `endpoint` may be used for a request to host:port; otherwise why not
  // (the kind's name, "loopback address").
  std::optional<std::string> Refusal(std::string_view host, int port,
                                     const Endpoint& endpoint) const;

 private:
  const bool allow_private_;
  const std::vector<ResolvePin> pins_;
};

}  // namespace citecheck::crawler::internal

#endif  // CITECHECK_CRAWLER_INTERNAL_ADDRESS_GUARD_H_
