// NormalizeUrl and the URL functions of internal/url.h, on Boost.URL.
//
// Only the result/error_code APIs of Boost.URL are used: its throwing constructors
// would let exceptions escape the module.
#include "crawler/internal/url.h"

#include <boost/url/encode.hpp>
#include <boost/url/grammar/lut_chars.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/rfc/gen_delim_chars.hpp>
#include <boost/url/rfc/sub_delim_chars.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>
#include <boost/url/url.hpp>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "crawler/crawler.h"

namespace citecheck::crawler {
namespace internal {
namespace {

namespace urls = boost::urls;

constexpr std::string_view kAsciiSpace = " \t\r\n\f\v";

std::string_view TrimAscii(std::string_view s) {
  size_t begin = s.find_first_not_of(kAsciiSpace);
  if (begin == std::string_view::npos) return {};
  size_t end = s.find_last_not_of(kAsciiSpace);
  return s.substr(begin, end - begin + 1);
}

UrlCheck Reject(FetchOutcome outcome, std::string error) {
  UrlCheck check;
  check.rejection = {outcome, std::move(error)};
  return check;
}

// The rejection for text that parse_uri refused: say whether it is a relative
// reference or not a URL at all.
UrlCheck RejectUnparsable(std::string_view url) {
  std::string quoted = "'" + std::string(url) + "'";
  if (url.empty()) return Reject(FetchOutcome::kInvalidUrl, "empty URL");
  if (urls::parse_relative_ref(url).has_value()) {
    return Reject(FetchOutcome::kInvalidUrl, "not an absolute URL: " + quoted);
  }
  return Reject(FetchOutcome::kInvalidUrl, "not a URL: " + quoted);
}

// 1..65535; Boost's port_number() wraps larger numbers instead of rejecting them.
bool ValidPort(std::string_view port) {
  uint32_t value = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  return ec == std::errc() && end == port.data() + port.size() && value >= 1 && value <= 65535;
}

int DefaultPort(urls::scheme scheme) { return scheme == urls::scheme::https ? 443 : 80; }

// Applies the documented normalization in place and returns the fetchable parts.
FetchUrl Normalize(urls::url& u) {
  u.normalize_scheme();
  u.normalize_authority();  // lower-cases the host, normalizes %XX in the authority
  u.remove_fragment();
  const int default_port = DefaultPort(u.scheme_id());
  if (u.has_port() && (u.port().empty() || u.port_number() == default_port)) {
    u.remove_port();
  }
  // set_path_absolute, not set_encoded_path("/"): Boost 1.81 turns the latter into
  // "/./" when the path was empty.
  if (u.encoded_path().empty()) u.set_path_absolute(true);
  FetchUrl out;
  out.url = std::string(u.buffer());
  out.host = std::string(u.encoded_host_name());
  // encoded_host_name() is empty for IP literals: they are spelled out canonically.
  if (u.host_type() == urls::host_type::ipv4) out.host = u.host_ipv4_address().to_string();
  if (u.host_type() == urls::host_type::ipv6) out.host = u.host_ipv6_address().to_string();
  out.port = u.has_port() ? u.port_number() : default_port;
  return out;
}

// Servers send raw spaces and UTF-8 in Location; browsers percent-encode them. Every
// byte outside the URI character set is encoded, except that existing "%XX" escapes
// are kept (a lone '%' becomes "%25").
std::string EncodeLocation(std::string_view location) {
  constexpr urls::grammar::lut_chars kKeep =
      urls::unreserved_chars + urls::gen_delim_chars + urls::sub_delim_chars;
  std::string out;
  while (!location.empty()) {
    const size_t percent = location.find('%');
    out += urls::encode(location.substr(0, percent), kKeep);
    if (percent == std::string_view::npos) break;
    const bool escape = location.size() >= percent + 3 &&
                        std::isxdigit(static_cast<unsigned char>(location[percent + 1])) &&
                        std::isxdigit(static_cast<unsigned char>(location[percent + 2]));
    out += escape ? location.substr(percent, 3) : std::string_view("%25");
    location.remove_prefix(percent + (escape ? 3 : 1));
  }
  return out;
}

}  // namespace

UrlCheck CheckFetchUrl(std::string_view raw) {
  const std::string_view text = TrimAscii(raw);
  auto parsed = urls::parse_uri(text);
  if (!parsed) return RejectUnparsable(text);
  urls::url u(*parsed);
  u.normalize_scheme();
  if (u.scheme_id() != urls::scheme::http && u.scheme_id() != urls::scheme::https) {
    return Reject(FetchOutcome::kUnsupportedScheme,
                  "'" + std::string(text) + "' is not an http or https URL");
  }
  if (!u.has_authority() || u.encoded_host().empty()) {
    return Reject(FetchOutcome::kInvalidUrl, "no host in URL '" + std::string(text) + "'");
  }
  if (u.has_port() && !u.port().empty() && !ValidPort(u.port())) {
    return Reject(FetchOutcome::kInvalidUrl, "bad port in URL '" + std::string(text) + "'");
  }
  UrlCheck check;
  check.url = Normalize(u);
  check.ok = true;
  return check;
}

common::Result<std::string> ResolveLocation(std::string_view base, std::string_view location) {
  const std::string encoded = EncodeLocation(TrimAscii(location));
  auto ref = urls::parse_uri_reference(encoded);
  auto base_url = urls::parse_uri(base);
  if (!ref || !base_url) {
    return common::Status::InvalidArgument("invalid redirect Location '" + std::string(location) +
                                           "'");
  }
  urls::url resolved(*base_url);
  auto r = resolved.resolve(*ref);
  if (!r) {
    return common::Status::InvalidArgument("cannot resolve redirect Location '" +
                                           std::string(location) + "' against " +
                                           std::string(base));
  }
  return std::string(resolved.buffer());
}

}  // namespace internal

common::Result<std::string> NormalizeUrl(std::string_view url) {
  internal::UrlCheck check = internal::CheckFetchUrl(url);
  if (!check.ok) return common::Status::InvalidArgument(check.rejection.error);
  return std::move(check.url.url);
}

}  // namespace citecheck::crawler
