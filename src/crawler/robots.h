// robots: the Robots Exclusion Protocol (RFC 9309), as a parser and a matcher.
//
// A robots.txt file is a list of groups; each group names one or more crawlers by
// their product token ("User-agent: citecheck") and holds allow and disallow rules
// (path patterns with `*` and a final `$`). RobotsRules::Parse keeps the rules that
// apply to one crawler: those of every group naming its product token, or when none
// does, those of the `*` groups. Check() then decides a path by the longest matching
// rule, allow winning a tie.
//
//   RobotsRules rules = RobotsRules::Parse(body, ProductToken(config.user_agent));
//   RobotsVerdict v = rules.Check("/archive/2010/x?y=1");
//   if (!v.allowed) Report("disallowed by " + v.rule);
//
// What a missing or failing robots.txt means (RFC 9309 section 2.3.1) is the fetcher's
// business: RobotsRules::AllowAll() and DisallowAll() stand for those cases.
//
// Thread-safety: RobotsRules is an immutable value once built; the functions are pure.
#ifndef CITECHECK_CRAWLER_ROBOTS_H_
#define CITECHECK_CRAWLER_ROBOTS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace citecheck::crawler {

// One allow or disallow line that applies to the crawler.
struct RobotsRule {
  bool allow = false;
  std::string pattern;  // percent-encoding normalized; may hold '*' and a final '$'
  int line = 0;         // 1-based line number in robots.txt; 0 for synthetic rules
  bool operator==(const RobotsRule&) const = default;
};

// The decision for one path.
struct RobotsVerdict {
  bool allowed = true;
  // The deciding rule for people, "Disallow: /archive/ (line 3)", or "" when no rule
  // matched (or the path is /robots.txt itself).
  std::string rule;
  bool operator==(const RobotsVerdict&) const = default;
};

// The octets robots.txt parsing reads before it stops: RFC 9309 section 2.5 asks for
// at least 500 KiB.
inline constexpr size_t kRobotsParseLimit = 500 * 1024;

class RobotsRules {
 public:
  // No rules: everything is allowed (a robots.txt that is absent, or names other
  // crawlers only).
  RobotsRules() = default;

  // Parses `body` (UTF-8 text, at most kRobotsParseLimit octets are read) for the
  // crawler whose product token is `product_token` (matched without regard to case).
  // Never fails: lines that do not parse are skipped (RFC 9309 section 2.3.1.5).
  static RobotsRules Parse(std::string_view body, std::string_view product_token);

  static RobotsRules AllowAll() { return RobotsRules(); }
  // Everything but /robots.txt is disallowed; `why` names the reason in verdicts
  // ("robots.txt answered HTTP 503").
  static RobotsRules DisallowAll(std::string why);

  // Decides `path`, the URL's path and query ("/a/b?c=d", percent-encoded as in the
  // URL). /robots.txt is always allowed (RFC 9309 section 2.2.2).
  RobotsVerdict Check(std::string_view path) const;

  // The rules that apply to the crawler, in file order.
  const std::vector<RobotsRule>& rules() const { return rules_; }
  // True when a group names the crawler's product token (rather than `*`).
  bool specific_group() const { return specific_group_; }
  // The Crawl-delay of the applying groups in seconds (a common extension outside
  // RFC 9309), when one is given; the largest when several are.
  std::optional<double> crawl_delay_seconds() const { return crawl_delay_seconds_; }

  bool operator==(const RobotsRules&) const = default;

 private:
  std::vector<RobotsRule> rules_;
  bool specific_group_ = false;
  std::optional<double> crawl_delay_seconds_;
  std::string disallow_all_;  // the reason, when built by DisallowAll
};

// The product token of a User-Agent value, the leading run of letters, '_' and '-':
// "citecheck/0.1 (+mailto:x)" -> "citecheck" (RFC 9309 section 2.2.1).
std::string_view ProductToken(std::string_view user_agent);

// The path and query of an absolute URL, the part robots rules are matched against:
// "http://h:8080/a/b?c#d" -> "/a/b?c"; "http://h" -> "/".
std::string RobotsPathOf(std::string_view url);

}  // namespace citecheck::crawler

#endif  // CITECHECK_CRAWLER_ROBOTS_H_
