// RobotsRules: parsing and matching by RFC 9309. Departures from the RFC, each a
// leniency that real files need, are marked "Leniency:".
#include "crawler/robots.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>

namespace citecheck::crawler {
namespace {

enum class Key { kUserAgent, kAllow, kDisallow, kCrawlDelay, kOther };

struct Group {
  std::vector<std::string> agents;  // lower-case product tokens, or "*"
  std::vector<RobotsRule> rules;
  std::optional<double> crawl_delay;
};

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && (IsSpace(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Key KeyOf(std::string_view raw) {
  const std::string key = Lower(raw);
  // Leniency: the misspellings below are common enough in the wild that ignoring
  // them would lose the author's intent (google/robotstxt accepts them too).
  if (key == "user-agent" || key == "useragent" || key == "user agent") return Key::kUserAgent;
  if (key == "allow") return Key::kAllow;
  if (key == "disallow" || key == "dissallow" || key == "dissalow" || key == "disalow") {
    return Key::kDisallow;
  }
  if (key == "crawl-delay") return Key::kCrawlDelay;
  return Key::kOther;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsUnreserved(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

void AppendEscaped(unsigned char c, std::string& out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out += '%';
  out += kHex[c >> 4];
  out += kHex[c & 15];
}

// RFC 9309 section 2.2.2: octets outside ASCII are compared percent-encoded, and a
// percent-encoded unreserved ASCII character is compared decoded. Escapes of other
// characters stay escaped, with upper-case hex digits so that "%2f" matches "%2F".
std::string NormalizeOctets(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      const auto value = static_cast<unsigned char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      if (value < 0x80 && IsUnreserved(value)) {
        out += static_cast<char>(value);
      } else {
        AppendEscaped(value, out);
      }
      i += 2;
    } else if (c >= 0x80 || c <= 0x20 || c == 0x7F) {
      AppendEscaped(c, out);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// Whether `pattern` matches a prefix of `path` ('*' is any run of octets, a final '$'
// anchors the end; RFC 9309 section 2.2.3). `ends` holds, in increasing order, the
// positions in `path` where the pattern read so far can end.
bool Matches(std::string_view path, std::string_view pattern) {
  std::vector<size_t> ends = {0};
  std::vector<size_t> next;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '$' && i + 1 == pattern.size()) return ends.back() == path.size();
    next.clear();
    if (c == '*') {
      for (size_t p = ends.front(); p <= path.size(); ++p) next.push_back(p);
    } else {
      for (size_t p : ends) {
        if (p < path.size() && path[p] == c) next.push_back(p + 1);
      }
    }
    if (next.empty()) return false;
    std::swap(ends, next);
  }
  return true;
}

// Splits "Key: value" (or, leniently, "Key value") and drops a comment.
bool SplitLine(std::string_view line, std::string_view& key, std::string_view& value) {
  line = Trim(line.substr(0, line.find('#')));
  if (line.empty()) return false;
  size_t sep = line.find(':');
  // Leniency: "Disallow /x" without the colon is read as if it had one.
  if (sep == std::string_view::npos) sep = line.find_first_of(" \t");
  if (sep == std::string_view::npos) return false;
  key = Trim(line.substr(0, sep));
  value = Trim(line.substr(sep + 1));
  return !key.empty();
}

// "*" for the wildcard, else the lower-cased product token of the value.
std::string AgentOf(std::string_view value) {
  if (value.starts_with('*')) return "*";
  return Lower(ProductToken(value));
}

std::optional<double> ParseDelay(std::string_view value) {
  double seconds = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec != std::errc() || seconds < 0) return std::nullopt;
  return seconds;
}

// Reads the groups in file order (RFC 9309 section 2.1): consecutive user-agent lines
// open one group, rules belong to the group above them, and rules before the first
// user-agent line belong to none. Other records (Sitemap, Crawl-delay) neither open
// nor close a group (section 2.2.4).
std::vector<Group> ReadGroups(std::string_view body) {
  std::vector<Group> groups;
  bool agents_open = false;  // the last significant line was a user-agent line
  int number = 0;
  while (!body.empty()) {
    const size_t eol = body.find_first_of("\r\n");
    const std::string_view line = body.substr(0, eol);
    size_t skip = eol == std::string_view::npos ? body.size() : eol + 1;
    if (eol != std::string_view::npos && body[eol] == '\r' && eol + 1 < body.size() &&
        body[eol + 1] == '\n') {
      ++skip;
    }
    body.remove_prefix(skip);
    ++number;
    std::string_view key, value;
    if (!SplitLine(line, key, value)) continue;
    const Key kind = KeyOf(key);
    if (kind == Key::kUserAgent) {
      if (!agents_open) groups.emplace_back();
      groups.back().agents.push_back(AgentOf(value));
      agents_open = true;
    } else if ((kind == Key::kAllow || kind == Key::kDisallow) && !groups.empty()) {
      agents_open = false;
      // An empty value is no rule at all ("Disallow:" allows everything).
      if (!value.empty()) {
        groups.back().rules.push_back({kind == Key::kAllow, NormalizeOctets(value), number});
      }
    } else if (kind == Key::kCrawlDelay && !groups.empty()) {
      if (auto delay = ParseDelay(value)) groups.back().crawl_delay = delay;
    }
  }
  return groups;
}

bool Names(const Group& group, std::string_view agent) {
  return std::find(group.agents.begin(), group.agents.end(), agent) != group.agents.end();
}

std::string Describe(const RobotsRule& rule) {
  return std::string(rule.allow ? "Allow: " : "Disallow: ") + rule.pattern + " (line " +
         std::to_string(rule.line) + ")";
}

}  // namespace

RobotsRules RobotsRules::Parse(std::string_view body, std::string_view product_token) {
  if (body.size() > kRobotsParseLimit) body = body.substr(0, kRobotsParseLimit);
  if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(3);  // UTF-8 byte order mark
  const std::vector<Group> groups = ReadGroups(body);
  const std::string token = Lower(product_token);
  RobotsRules out;
  // RFC 9309 section 2.2.1: every group naming the product token, combined; only when
  // there is none, the "*" groups (also combined).
  out.specific_group_ = !token.empty() && std::any_of(groups.begin(), groups.end(),
                                                      [&](const Group& g) { return Names(g, token); });
  const std::string_view wanted = out.specific_group_ ? std::string_view(token) : "*";
  for (const Group& group : groups) {
    if (!Names(group, wanted)) continue;
    out.rules_.insert(out.rules_.end(), group.rules.begin(), group.rules.end());
    if (group.crawl_delay) {
      out.crawl_delay_seconds_ = std::max(out.crawl_delay_seconds_.value_or(0), *group.crawl_delay);
    }
  }
  return out;
}

RobotsRules RobotsRules::DisallowAll(std::string why) {
  RobotsRules out;
  out.rules_.push_back({false, "/", 0});
  out.disallow_all_ = std::move(why);
  return out;
}

RobotsVerdict RobotsRules::Check(std::string_view path) const {
  if (path == "/robots.txt" || rules_.empty()) return {};
  if (!disallow_all_.empty()) return {false, disallow_all_};
  const std::string normalized = NormalizeOctets(path);
  // RFC 9309 section 2.2.2: the match with the most octets decides; on a tie between
  // an allow and a disallow rule, allow.
  const RobotsRule* best = nullptr;
  for (const RobotsRule& rule : rules_) {
    if (best != nullptr && rule.pattern.size() < best->pattern.size()) continue;
    if (!Matches(normalized, rule.pattern)) continue;
    if (best == nullptr || rule.pattern.size() > best->pattern.size() || (rule.allow && !best->allow)) {
      best = &rule;
    }
  }
  if (best == nullptr) return {};
  return {best->allow, Describe(*best)};
}

std::string_view ProductToken(std::string_view user_agent) {
  size_t n = 0;
  while (n < user_agent.size()) {
    const auto c = static_cast<unsigned char>(user_agent[n]);
    if (!std::isalpha(c) && c != '_' && c != '-') break;
    ++n;
  }
  return user_agent.substr(0, n);
}

std::string RobotsPathOf(std::string_view url) {
  url = url.substr(0, url.find('#'));
  const size_t scheme = url.find("://");
  const size_t start = scheme == std::string_view::npos ? 0 : scheme + 3;
  const size_t path = url.find_first_of("/?", start);
  if (path == std::string_view::npos) return "/";
  std::string out(url.substr(path));
  if (out.front() == '?') out.insert(out.begin(), '/');
  return out;
}

}  // namespace citecheck::crawler
