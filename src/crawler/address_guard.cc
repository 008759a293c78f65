// Address classification for the SSRF guard. The ranges come from the IANA IPv4 and
// IPv6 Special-Purpose Address Registries (RFC 6890 and its updates): everything that
// is not globally reachable unicast is refused by default. IPv6 outside 2000::/3 (the
// only block allocated for global unicast) is treated as reserved, so a future
// special-purpose block is refused until it is known.
#include "crawler/internal/address_guard.h"

#include <netinet/in.h>

#include <algorithm>
#include <array>
#include <boost/url/ipv4_address.hpp>
#include <boost/url/ipv6_address.hpp>
#include <charconv>
#include <cstring>

namespace citecheck::crawler::internal {
namespace {

namespace urls = boost::urls;

struct Ipv4Range {
  uint32_t base;
  int prefix;
  AddressKind kind;
};

// Order matters: the first matching range wins (the broadcast address lies in 240/4).
constexpr Ipv4Range kIpv4Ranges[] = {
    {0x00000000, 8, AddressKind::kUnspecified},     // 0.0.0.0/8 "this network"
    {0x0A000000, 8, AddressKind::kPrivate},         // 10.0.0.0/8
    {0x64400000, 10, AddressKind::kSharedAddress},  // 100.64.0.0/10
    {0x7F000000, 8, AddressKind::kLoopback},        // 127.0.0.0/8
    {0xA9FE0000, 16, AddressKind::kLinkLocal},      // 169.254.0.0/16
    {0xAC100000, 12, AddressKind::kPrivate},        // 172.16.0.0/12
    {0xC0000000, 24, AddressKind::kReserved},       // 192.0.0.0/24 protocol assignments
    {0xC0000200, 24, AddressKind::kDocumentation},  // 192.0.2.0/24 TEST-NET-1
    {0xC0586300, 24, AddressKind::kReserved},       // 192.88.99.0/24 6to4 relay
    {0xC0A80000, 16, AddressKind::kPrivate},        // 192.168.0.0/16
    {0xC6120000, 15, AddressKind::kReserved},       // 198.18.0.0/15 benchmarking
    {0xC6336400, 24, AddressKind::kDocumentation},  // 198.51.100.0/24 TEST-NET-2
    {0xCB007100, 24, AddressKind::kDocumentation},  // 203.0.113.0/24 TEST-NET-3
    {0xE0000000, 4, AddressKind::kMulticast},       // 224.0.0.0/4
    {0xFFFFFFFF, 32, AddressKind::kBroadcast},      // 255.255.255.255
    {0xF0000000, 4, AddressKind::kReserved},        // 240.0.0.0/4
};

bool InIpv4Range(uint32_t address, const Ipv4Range& range) {
  const uint32_t mask = range.prefix == 0 ? 0 : ~uint32_t{0} << (32 - range.prefix);
  return (address & mask) == range.base;
}

uint32_t Ipv4At(const std::array<unsigned char, 16>& b, size_t at) {
  return uint32_t{b[at]} << 24 | uint32_t{b[at + 1]} << 16 | uint32_t{b[at + 2]} << 8 |
         uint32_t{b[at + 3]};
}

bool AllZero(const std::array<unsigned char, 16>& b, size_t from, size_t to) {
  return std::all_of(b.begin() + from, b.begin() + to, [](unsigned char c) { return c == 0; });
}

// The IPv6 blocks that embed an IPv4 address, or nullopt.
std::optional<uint32_t> EmbeddedIpv4(const std::array<unsigned char, 16>& b) {
  if (AllZero(b, 0, 10) && b[10] == 0xFF && b[11] == 0xFF) return Ipv4At(b, 12);  // ::ffff:0:0/96
  static constexpr unsigned char kNat64[12] = {0, 0x64, 0xFF, 0x9B};              // 64:ff9b::/96
  if (std::memcmp(b.data(), kNat64, 12) == 0) return Ipv4At(b, 12);
  if (b[0] == 0x20 && b[1] == 0x02) return Ipv4At(b, 2);  // 2002::/16
  return std::nullopt;
}

std::optional<AddressKind> ParseAndClassify(std::string_view text) {
  if (auto v4 = urls::parse_ipv4_address(text)) return ClassifyIpv4(v4->to_uint());
  if (auto v6 = urls::parse_ipv6_address(text)) return ClassifyIpv6(v6->to_bytes());
  return std::nullopt;
}

std::string_view StripBrackets(std::string_view s) {
  if (s.size() >= 2 && s.front() == '[' && s.back() == ']') return s.substr(1, s.size() - 2);
  return s;
}

// Canonical text of an IP address ("::1" for "0:0::1"), or nullopt.
std::optional<std::string> CanonicalIp(std::string_view text) {
  if (auto v4 = urls::parse_ipv4_address(text)) return v4->to_string();
  if (auto v6 = urls::parse_ipv6_address(text)) return v6->to_string();
  return std::nullopt;
}

}  // namespace

std::string_view AddressKindName(AddressKind kind) {
  switch (kind) {
    case AddressKind::kPublic: return "public address";
    case AddressKind::kUnspecified: return "unspecified address";
    case AddressKind::kLoopback: return "loopback address";
    case AddressKind::kPrivate: return "private address";
    case AddressKind::kLinkLocal: return "link-local address";
    case AddressKind::kSharedAddress: return "shared (carrier-grade NAT) address";
    case AddressKind::kMulticast: return "multicast address";
    case AddressKind::kBroadcast: return "broadcast address";
    case AddressKind::kDocumentation: return "documentation address";
    case AddressKind::kReserved: return "reserved address";
  }
  return "unknown address";
}

AddressKind ClassifyIpv4(uint32_t address) {
  for (const Ipv4Range& range : kIpv4Ranges) {
    if (InIpv4Range(address, range)) return range.kind;
  }
  return AddressKind::kPublic;
}

AddressKind ClassifyIpv6(const std::array<unsigned char, 16>& b) {
  if (AllZero(b, 0, 16)) return AddressKind::kUnspecified;
  if (AllZero(b, 0, 15) && b[15] == 1) return AddressKind::kLoopback;
  if (auto v4 = EmbeddedIpv4(b)) return ClassifyIpv4(*v4);
  if (AllZero(b, 0, 12)) return AddressKind::kReserved;  // ::/96, IPv4-compatible (deprecated)
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4] == 0x00 &&
      b[5] == 0x01) {
    return AddressKind::kPrivate;  // 64:ff9b:1::/48, local-use NAT64
  }
  if (b[0] == 0xFF) return AddressKind::kMulticast;         // ff00::/8
  if ((b[0] & 0xFE) == 0xFC) return AddressKind::kPrivate;  // fc00::/7 unique local
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return AddressKind::kLinkLocal;  // fe80::/10
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) return AddressKind::kPrivate;  // fec0::/10 site-local
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) {
    return AddressKind::kDocumentation;  // 2001:db8::/32
  }
  if (b[0] == 0x3F && b[1] == 0xFF && (b[2] & 0xF0) == 0x00) {
    return AddressKind::kDocumentation;  // 3fff::/20
  }
  if (b[0] == 0x20 && b[1] == 0x01 && (b[2] & 0xFE) == 0x00) {
    return AddressKind::kReserved;  // 2001::/23: Teredo, benchmarking, ORCHID...
  }
  if ((b[0] & 0xE0) != 0x20) return AddressKind::kReserved;  // outside 2000::/3, e.g. 100::/64
  return AddressKind::kPublic;
}

std::optional<AddressKind> ClassifyAddress(std::string_view text) {
  return ParseAndClassify(StripBrackets(text));
}

std::optional<Endpoint> EndpointFromSockaddr(const sockaddr* addr, socklen_t len) {
  if (addr == nullptr) return std::nullopt;
  Endpoint out;
  if (addr->sa_family == AF_INET && len >= static_cast<socklen_t>(sizeof(sockaddr_in))) {
    sockaddr_in in;
    std::memcpy(&in, addr, sizeof(in));
    const urls::ipv4_address v4(ntohl(in.sin_addr.s_addr));
    out.ip = v4.to_string();
    out.port = ntohs(in.sin_port);
    out.kind = ClassifyIpv4(v4.to_uint());
    return out;
  }
  if (addr->sa_family == AF_INET6 && len >= static_cast<socklen_t>(sizeof(sockaddr_in6))) {
    sockaddr_in6 in6;
    std::memcpy(&in6, addr, sizeof(in6));
    urls::ipv6_address::bytes_type bytes;
    std::memcpy(bytes.data(), in6.sin6_addr.s6_addr, bytes.size());
    out.ip = urls::ipv6_address(bytes).to_string();
    out.port = ntohs(in6.sin6_port);
    out.kind = ClassifyIpv6(bytes);
    return out;
  }
  return std::nullopt;
}

common::Result<ResolvePin> ParseResolvePin(std::string_view entry) {
  auto bad = [entry](std::string_view why) {
    return common::Status::InvalidArgument("crawler.resolve entry '" + std::string(entry) + "': " +
                                           std::string(why) + " (expected host:port:address)");
  };
  const size_t colon1 = entry.find(':');
  if (colon1 == std::string_view::npos) return bad("missing port");
  const size_t colon2 = entry.find(':', colon1 + 1);
  if (colon2 == std::string_view::npos) return bad("missing address");
  ResolvePin pin;
  const std::string_view host = entry.substr(0, colon1);
  // curl gives a leading '+', '-' or '*' special meanings that we do not support.
  if (host.empty() || std::string_view("+-*").find(host.front()) != std::string_view::npos ||
      host.find_first_of(" \t[]/@") != std::string_view::npos) {
    return bad("bad host name");
  }
  std::transform(host.begin(), host.end(), std::back_inserter(pin.host),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::string_view port = entry.substr(colon1 + 1, colon2 - colon1 - 1);
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), pin.port);
  if (ec != std::errc() || end != port.data() + port.size() || pin.port < 1 || pin.port > 65535) {
    return bad("bad port");
  }
  std::string_view rest = entry.substr(colon2 + 1);
  while (true) {
    const size_t comma = rest.find(',');
    auto ip = CanonicalIp(StripBrackets(rest.substr(0, comma)));
    if (!ip) return bad("bad address '" + std::string(rest.substr(0, comma)) + "'");
    pin.addresses.push_back(*ip);
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
  }
  return pin;
}

AddressPolicy::AddressPolicy(bool allow_private, std::vector<ResolvePin> pins)
    : allow_private_(allow_private), pins_(std::move(pins)) {}

std::optional<std::string> AddressPolicy::Refusal(std::string_view host, int port,
                                                  const Endpoint& endpoint) const {
  if (endpoint.kind == AddressKind::kPublic || allow_private_) return std::nullopt;
  for (const ResolvePin& pin : pins_) {
    if (pin.host == host && pin.port == port &&
        std::find(pin.addresses.begin(), pin.addresses.end(), endpoint.ip) != pin.addresses.end()) {
      return std::nullopt;
    }
  }
  return std::string(AddressKindName(endpoint.kind));
}

}  // namespace citecheck::crawler::internal
