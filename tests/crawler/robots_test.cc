// Tests for the robots.txt parser and matcher (robots.cc), section by section of
// RFC 9309 (Robots Exclusion Protocol).
#include "crawler/robots.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace citecheck::crawler {
namespace {

constexpr std::string_view kToken = "citecheck";

bool Allowed(std::string_view robots, std::string_view path, std::string_view token = kToken) {
  return RobotsRules::Parse(robots, token).Check(path).allowed;
}

struct Case {
  const char* path;
  bool allowed;
};

void ExpectAll(std::string_view robots, const std::vector<Case>& cases) {
  const RobotsRules rules = RobotsRules::Parse(robots, kToken);
  for (const Case& c : cases) {
    EXPECT_EQ(rules.Check(c.path).allowed, c.allowed) << c.path << "\n" << robots;
  }
}

// 2.1: an empty file, or one without groups, allows everything.
TEST(Robots, EmptyFileAllowsEverything) {
  EXPECT_TRUE(Allowed("", "/"));
  EXPECT_TRUE(Allowed("# only a comment\n\n", "/private"));
  EXPECT_TRUE(Allowed("Disallow: /\n", "/x"));  // a rule outside any group is ignored
}

// 2.2.1: the group that names the product token applies, matched without regard to
// case; the rest of the User-Agent string is not part of the match.
TEST(Robots, GroupOfTheProductTokenApplies) {
  const std::string robots =
      "User-agent: OtherBot\nDisallow: /\n\n"
      "User-agent: CiteCheck\nDisallow: /private/\n";
  EXPECT_TRUE(Allowed(robots, "/public"));
  EXPECT_FALSE(Allowed(robots, "/private/x"));
  EXPECT_TRUE(RobotsRules::Parse(robots, kToken).specific_group());
  EXPECT_EQ(ProductToken("citecheck/0.1 (source verification; +mailto:x)"), "citecheck");
  EXPECT_EQ(ProductToken("Mozilla/5.0"), "Mozilla");
}

// 2.2.1: without a group for the token, the "*" group applies; with one, "*" does not.
TEST(Robots, StarGroupOnlyWhenNoSpecificGroup) {
  const std::string star = "User-agent: *\nDisallow: /archive/\n";
  EXPECT_FALSE(Allowed(star, "/archive/2010/x"));
  EXPECT_TRUE(Allowed(star, "/news"));
  const std::string both = star + "\nUser-agent: citecheck\nDisallow: /drafts/\n";
  EXPECT_TRUE(Allowed(both, "/archive/2010/x"));
  EXPECT_FALSE(Allowed(both, "/drafts/1"));
  EXPECT_FALSE(RobotsRules::Parse(star, kToken).specific_group());
}

// 2.2.1: several groups naming the token are combined into one.
TEST(Robots, MatchingGroupsAreCombined) {
  const std::string robots =
      "User-agent: citecheck\nDisallow: /a/\n\n"
      "User-agent: other\nDisallow: /b/\n\n"
      "User-agent: citecheck\nDisallow: /c/\n";
  ExpectAll(robots, {{"/a/1", false}, {"/b/1", true}, {"/c/1", false}, {"/d", true}});
}

// 2.1: consecutive user-agent lines share the group that follows them; a user-agent
// line after rules starts a new group.
TEST(Robots, ConsecutiveUserAgentLinesShareAGroup) {
  const std::string robots =
      "User-agent: a-bot\nUser-agent: citecheck\nDisallow: /shared/\n"
      "User-agent: b-bot\nDisallow: /b-only/\n";
  ExpectAll(robots, {{"/shared/x", false}, {"/b-only/x", true}});
}

// 2.2.2: the longest matching rule wins, whatever its order in the file.
TEST(Robots, LongestMatchWins) {
  const std::string robots =
      "User-agent: *\n"
      "Allow: /folder/page.html\n"
      "Disallow: /folder/\n"
      "Disallow: /\n"
      "Allow: /public\n";
  ExpectAll(robots, {{"/folder/page.html", true},
                     {"/folder/other.html", false},
                     {"/public/doc", true},
                     {"/x", false}});
}

// 2.2.2: when an allow and a disallow rule match with the same length, allow wins.
TEST(Robots, AllowWinsATie) {
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /page\nAllow: /page\n", "/page"));
  EXPECT_TRUE(Allowed("User-agent: *\nAllow: /page\nDisallow: /page\n", "/page"));
}

// 2.2.2: matching starts at the first octet of the path and is case-sensitive; the
// query is part of what is matched.
TEST(Robots, MatchIsAPrefixMatchOnPathAndQuery) {
  const std::string robots = "User-agent: *\nDisallow: /Private\nDisallow: /search?q=\n";
  ExpectAll(robots, {{"/Private/x", false},
                     {"/private/x", true},
                     {"/a/Private", true},
                     {"/search?q=cats", false},
                     {"/search?page=2", true}});
}

// 2.2.2: an empty Disallow value is no rule at all.
TEST(Robots, EmptyDisallowAllowsEverything) {
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow:\n", "/anything"));
}

// 2.2.2: /robots.txt itself is always allowed.
TEST(Robots, RobotsTxtIsImplicitlyAllowed) {
  EXPECT_TRUE(Allowed("User-agent: *\nDisallow: /\n", "/robots.txt"));
  EXPECT_TRUE(RobotsRules::DisallowAll("down").Check("/robots.txt").allowed);
}

// 2.2.2: non-ASCII octets are compared percent-encoded, and an encoded unreserved
// character is compared decoded; hex digits compare without regard to case.
TEST(Robots, PercentEncodingIsNormalized) {
  ExpectAll("User-agent: *\nDisallow: /caf\xC3\xA9\n", {{"/caf%C3%A9/menu", false}, {"/cafe", true}});
  ExpectAll("User-agent: *\nDisallow: /caf%c3%a9\n", {{"/caf\xC3\xA9", false}});
  ExpectAll("User-agent: *\nDisallow: /%7Euser\n", {{"/~user/page", false}});
  // '/' is reserved: "%2F" stays distinct from "/".
  ExpectAll("User-agent: *\nDisallow: /a%2Fb\n", {{"/a/b", true}, {"/a%2fb", false}});
}

// 2.2.3: '*' matches any run of octets, '$' anchors the end of the pattern.
TEST(Robots, WildcardAndEndAnchor) {
  const std::string robots =
      "User-agent: *\n"
      "Disallow: /*.pdf$\n"
      "Disallow: /tmp*/cache\n"
      "Disallow: /exact$\n";
  ExpectAll(robots, {{"/docs/a.pdf", false},
                     {"/docs/a.pdf?download=1", true},
                     {"/tmp-2024/x/cache/1", false},
                     {"/tmp/other", true},
                     {"/exact", false},
                     {"/exact/more", true},
                     {"/exactly", true}});
}

// 2.2.3: '$' elsewhere than at the end is an ordinary character.
TEST(Robots, DollarInsideAPatternIsLiteral) {
  ExpectAll("User-agent: *\nDisallow: /a$b\n", {{"/a$b/c", false}, {"/ab", true}});
}

// 2.2.4: other records (Sitemap, unknown keys) neither open nor close a group, and
// comments are ignored wherever they start.
TEST(Robots, OtherRecordsAndCommentsDoNotInterfere) {
  const std::string robots =
      "User-agent: citecheck  # our crawler\n"
      "Sitemap: https://example.org/sitemap.xml\n"
      "Unknown-key: value\n"
      "Disallow: /hidden/ # not for us\n";
  ExpectAll(robots, {{"/hidden/x", false}, {"/shown", true}});
}

// 2.3.1.5: every line is tried; lines that do not parse are skipped. Leniency: keys
// are matched without regard to case, CR, LF and CRLF all end lines, a byte order mark
// is skipped, and a missing colon is forgiven.
TEST(Robots, ToleratesUntidyFiles) {
  ExpectAll("\xEF\xBB\xBFuser-AGENT: *\r\nDISALLOW: /a\rdisallow /b\n  garbage line\n",
            {{"/a", false}, {"/b", false}, {"/c", true}});
}

// 2.5: at least 500 KiB are parsed; rules past the limit are not.
TEST(Robots, ParsesUpToTheLimit) {
  std::string robots = "User-agent: *\nDisallow: /early\n";
  robots += std::string(kRobotsParseLimit, '#') + "\nDisallow: /late\n";
  ExpectAll(robots, {{"/early", false}, {"/late", true}});
}

// Crawl-delay (an extension outside RFC 9309) is read from the applying groups.
TEST(Robots, CrawlDelayOfTheApplyingGroup) {
  const RobotsRules rules =
      RobotsRules::Parse("User-agent: *\nCrawl-delay: 2.5\nDisallow: /x\n", kToken);
  EXPECT_EQ(rules.crawl_delay_seconds(), 2.5);
  EXPECT_EQ(RobotsRules::Parse("User-agent: *\nDisallow: /x\n", kToken).crawl_delay_seconds(),
            std::nullopt);
}

// The verdict names the deciding rule and its line.
TEST(Robots, VerdictNamesTheRule) {
  const RobotsRules rules = RobotsRules::Parse("User-agent: *\n\nDisallow: /archive/\n", kToken);
  EXPECT_EQ(rules.Check("/archive/1"), (RobotsVerdict{false, "Disallow: /archive/ (line 3)"}));
  EXPECT_EQ(rules.Check("/news"), (RobotsVerdict{true, ""}));
  EXPECT_EQ(RobotsRules::DisallowAll("robots.txt answered HTTP 503").Check("/a"),
            (RobotsVerdict{false, "robots.txt answered HTTP 503"}));
}

TEST(Robots, PathOfAUrl) {
  EXPECT_EQ(RobotsPathOf("http://h:8080/a/b?c=d#e"), "/a/b?c=d");
  EXPECT_EQ(RobotsPathOf("https://h"), "/");
  EXPECT_EQ(RobotsPathOf("https://h?q=1"), "/?q=1");
}

}  // namespace
}  // namespace citecheck::crawler
