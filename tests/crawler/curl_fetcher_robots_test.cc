// Tests for robots.txt in CurlFetcher (curl_fetcher.cc with robots_gate.cc), against a
// loopback server: RFC 9309 obeyed, and a disallowed URL reported as such, never as
// dead, and never requested.
#include <gtest/gtest.h>

#include <map>
#include <mutex>

#include "fetcher_fixture.h"
#include "printers.h"

namespace citecheck::crawler {
namespace {

using test::CurlFetcherTest;
using test::Page;
using test::Redirect;
using testutil::HttpRequest;
using testutil::HttpResponse;

class RobotsFetchTest : public CurlFetcherTest {
 protected:
  RobotsFetchTest() { config_.robots = true; }

  std::string RobotsUrl() const { return server_.Url("/robots.txt"); }
};

// 2.2.2: a disallowed URL is not requested and is reported as disallowed, with the
// rule that decided; allowed URLs of the same site are fetched; robots.txt is fetched
// once for the site.
TEST_F(RobotsFetchTest, DisallowedUrlIsReportedAndNotRequested) {
  server_.Route("/robots.txt", Page("User-agent: *\nDisallow: /archive/\n", 200,
                                    {{"Content-Type", "text/plain"}}));
  server_.Route("/archive/2010/a", Page("old"));
  server_.Route("/news", Page("new"));
  const std::string blocked = server_.Url("/archive/2010/a");
  const std::vector<FetchResult> results =
      Fetch({blocked, server_.Url("/news"), server_.Url("/archive/2011/b")});
  ASSERT_EQ(results.size(), 3u);
  FetchResult expected;
  expected.url = expected.final_url = blocked;
  expected.outcome = FetchOutcome::kRobotsDisallowed;
  expected.error = "disallowed by " + RobotsUrl() + ": Disallow: /archive/ (line 2)";
  EXPECT_EQ(results[0], expected);
  EXPECT_EQ(results[1].outcome, FetchOutcome::kOk);
  EXPECT_EQ(results[2].outcome, FetchOutcome::kRobotsDisallowed);
  EXPECT_EQ(ClassifyLink(results[0], 1500), LinkClass::kRobotsDisallowed);
  EXPECT_FALSE(IsBrokenLink(ClassifyLink(results[0], 1500)));
  EXPECT_EQ(server_.RequestCount("/archive/2010/a"), 0);
  EXPECT_EQ(server_.RequestCount("/robots.txt"), 1);
}

// 2.4: robots.txt is cached: a second FetchAll on the same fetcher does not ask again.
TEST_F(RobotsFetchTest, RobotsTxtIsCachedAcrossCalls) {
  server_.Route("/robots.txt", Page("User-agent: *\nAllow: /\n"));
  server_.Route("/a", Page("a"));
  auto fetcher = CurlFetcher::Create(config_, clock_, nullptr, nullptr);
  ASSERT_OK(fetcher);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ((*fetcher)->FetchAll({server_.Url("/a")})[0].outcome, FetchOutcome::kOk);
  }
  EXPECT_EQ(server_.RequestCount("/robots.txt"), 1);
  EXPECT_EQ(server_.RequestCount("/a"), 3);
}

// 2.3.1.3: a 404 robots.txt allows everything.
TEST_F(RobotsFetchTest, MissingRobotsTxtAllowsEverything) {
  server_.Route("/private", Page("p"));
  EXPECT_EQ(FetchOne(server_.Url("/private")).outcome, FetchOutcome::kOk);
  EXPECT_EQ(server_.RequestCount("/robots.txt"), 1);
}

// 2.3.1.4: a 5xx robots.txt closes the whole site for a while.
TEST_F(RobotsFetchTest, ServerErrorOnRobotsTxtDisallowsEverything) {
  server_.Route("/robots.txt", Page("down", 503));
  server_.Route("/page", Page("p"));
  const FetchResult result = FetchOne(server_.Url("/page"));
  EXPECT_EQ(result.outcome, FetchOutcome::kRobotsDisallowed);
  EXPECT_EQ(result.error, "disallowed by " + RobotsUrl() + ": " + RobotsUrl() +
                              " answered HTTP 503, so the whole site is off limits for now "
                              "(RFC 9309 section 2.3.1.4)");
  EXPECT_EQ(server_.RequestCount("/page"), 0);
}

// 2.3.1.2: robots.txt redirects are followed.
TEST_F(RobotsFetchTest, RobotsTxtRedirectsAreFollowed) {
  server_.Route("/robots.txt", Redirect(301, "/meta/robots.txt"));
  server_.Route("/meta/robots.txt", Page("User-agent: citecheck\nDisallow: /x\n"));
  server_.Route("/x", Page("x"));
  EXPECT_EQ(FetchOne(server_.Url("/x")).outcome, FetchOutcome::kRobotsDisallowed);
}

// Every hop passes the robots.txt of its own origin: a redirect to another site is
// checked against that site's rules.
TEST_F(RobotsFetchTest, RedirectTargetsAreCheckedOnTheirOwnSite) {
  const std::string start = Pinned("a.test", "/go");
  const std::string target = Pinned("b.test", "/private/doc");
  config_.allow_private_addresses = false;
  server_.Route("/robots.txt", [](const HttpRequest& request) {
    for (const auto& [name, value] : request.headers) {
      if (name == "Host" && value.starts_with("b.test")) return Page("User-agent: *\nDisallow: /private/\n");
    }
    return Page("User-agent: *\nAllow: /\n");
  });
  server_.Route("/go", Redirect(302, target));
  server_.Route("/private/doc", Page("secret"));
  const FetchResult result = FetchOne(start);
  EXPECT_EQ(result.outcome, FetchOutcome::kRobotsDisallowed);
  EXPECT_EQ(result.final_url, target);
  EXPECT_EQ(result.redirects, (std::vector<RedirectHop>{{start, 302, target}}));
  EXPECT_EQ(server_.RequestCount("/robots.txt"), 2);
  EXPECT_EQ(server_.RequestCount("/private/doc"), 0);
}

// crawler.robots = false: for one's own sites, robots.txt is neither asked nor obeyed.
TEST_F(RobotsFetchTest, SwitchedOffForOwnSites) {
  config_.robots = false;
  server_.Route("/robots.txt", Page("User-agent: *\nDisallow: /\n"));
  server_.Route("/mine", Page("m"));
  EXPECT_EQ(FetchOne(server_.Url("/mine")).outcome, FetchOutcome::kOk);
  EXPECT_EQ(server_.RequestCount("/robots.txt"), 0);
}

// When the site cannot be reached, its URLs fail as the connection did, naming the
// robots.txt fetch, rather than being called disallowed.
TEST_F(RobotsFetchTest, UnreachableSiteFailsItsUrls) {
  const std::string url = "http://nonexistent.invalid/page";
  const FetchResult result = FetchOne(url);
  EXPECT_EQ(result.outcome, FetchOutcome::kDnsError);
  EXPECT_EQ(result.error, "could not fetch http://nonexistent.invalid/robots.txt: could not "
                          "resolve host nonexistent.invalid");
}

}  // namespace
}  // namespace citecheck::crawler
