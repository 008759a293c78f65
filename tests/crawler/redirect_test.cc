// Tests for the redirect rules shared by the live and replay fetchers (redirect.cc).
#include "crawler/internal/redirect.h"

#include <gtest/gtest.h>

#include "printers.h"

namespace citecheck::crawler::internal {
namespace {

RedirectChain Chain(const std::string& url, int max_redirects) {
  UrlCheck check = CheckFetchUrl(url);
  EXPECT_TRUE(check.ok) << url;
  return RedirectChain(check.url, max_redirects);
}

// Each hop is recorded with the Location as received; the next URL is resolved and
// normalized (fragment dropped).
TEST(RedirectChain, FollowsAndRecordsHops) {
  RedirectChain chain = Chain("http://a.test/start", 10);
  EXPECT_FALSE(chain.redirected());
  EXPECT_EQ(chain.Follow(301, "/next#frag"), std::nullopt);
  EXPECT_EQ(chain.current().url, "http://a.test/next");
  EXPECT_EQ(chain.Follow(302, "HTTPS://B.test:443/end"), std::nullopt);
  EXPECT_EQ(chain.current(), (FetchUrl{"https://b.test/end", "b.test", 443}));
  EXPECT_TRUE(chain.redirected());
  EXPECT_EQ(chain.hops(),
            (std::vector<RedirectHop>{{"http://a.test/start", 301, "/next#frag"},
                                      {"http://a.test/next", 302, "HTTPS://B.test:443/end"}}));
}

// max_redirects hops are followed; one more is "too many".
TEST(RedirectChain, StopsAfterMaxRedirects) {
  RedirectChain chain = Chain("http://a.test/0", 2);
  EXPECT_EQ(chain.Follow(302, "/1"), std::nullopt);
  EXPECT_EQ(chain.Follow(302, "/2"), std::nullopt);
  EXPECT_EQ(chain.Follow(302, "/3"),
            (FetchFailure{FetchOutcome::kTooManyRedirects, "more than 2 redirects"}));
  EXPECT_EQ(chain.current().url, "http://a.test/2");
  EXPECT_EQ(chain.hops().size(), 3u);
}

TEST(RedirectChain, ZeroMaxRedirectsFollowsNone) {
  RedirectChain chain = Chain("http://a.test/0", 0);
  EXPECT_EQ(chain.Follow(301, "/1"),
            (FetchFailure{FetchOutcome::kTooManyRedirects, "more than 0 redirects"}));
}

// A URL requested before in the chain is a loop, whatever the remaining budget.
TEST(RedirectChain, DetectsLoopsOnNormalizedUrls) {
  RedirectChain chain = Chain("http://a.test/a", 10);
  EXPECT_EQ(chain.Follow(302, "/b"), std::nullopt);
  EXPECT_EQ(chain.Follow(302, "HTTP://A.TEST:80/a#x"),
            (FetchFailure{FetchOutcome::kTooManyRedirects,
                          "redirect loop: http://a.test/a was already requested"}));
  RedirectChain self = Chain("http://a.test/a", 10);
  EXPECT_EQ(self.Follow(307, "/a").value().outcome, FetchOutcome::kTooManyRedirects);
}

TEST(RedirectChain, RejectsNonHttpTargets) {
  RedirectChain chain = Chain("http://a.test/a", 10);
  EXPECT_EQ(chain.Follow(302, "ftp://a.test/file"),
            (FetchFailure{FetchOutcome::kUnsupportedScheme,
                          "redirect from http://a.test/a refused: 'ftp://a.test/file' is not "
                          "an http or https URL"}));
  EXPECT_EQ(chain.current().url, "http://a.test/a");
  EXPECT_EQ(chain.Follow(302, "http://[oops/").value().outcome, FetchOutcome::kInvalidUrl);
}

}  // namespace
}  // namespace citecheck::crawler::internal
