// Tests for the Memento client (memento.cc): TimeMap parsing (RFC 7089 section 5.1.1,
// link-format of RFC 6690), choosing the closest memento, and a TimeMap fetched from a
// loopback archive through CurlFetcher.
#include "crawler/memento.h"

#include <gtest/gtest.h>

#include "common/clock.h"
#include "crawler/crawler.h"
#include "fetcher_fixture.h"
#include "testutil/http_server.h"
#include "testutil/testutil.h"

namespace citecheck::crawler {
namespace {

constexpr int64_t kSecond = 1000000;
// Seconds since the epoch of the dates used below.
constexpr int64_t k2000 = 961524179;   // Tue, 20 Jun 2000 18:02:59 GMT
constexpr int64_t k2001 = 1002896096;  // Fri, 12 Oct 2001 14:14:56 GMT
constexpr int64_t k2008 = 1207773051;  // Wed, 09 Apr 2008 20:30:51 GMT

// A TimeMap shaped like RFC 7089's example: original, self, timegate, then mementos
// whose rel also says first/last; a quoted parameter holds a comma.
constexpr char kTimeMap[] =
    "<http://a.example.org>;rel=\"original\",\n"
    "<http://arxiv.example.net/timemap/http://a.example.org>\n"
    "  ; rel=\"self\";type=\"application/link-format\"\n"
    "  ; from=\"Tue, 20 Jun 2000 18:02:59 GMT\"\n"
    "  ; until=\"Wed, 09 Apr 2008 20:30:51 GMT\",\n"
    "<http://arxiv.example.net/timegate/http://a.example.org>\n"
    "  ; rel=\"timegate\",\n"
    "<http://arxiv.example.net/web/20000620180259/http://a.example.org>\n"
    "  ; rel=\"first memento\";datetime=\"Tue, 20 Jun 2000 18:02:59 GMT\",\n"
    "<http://arxiv.example.net/web/20011012141456/http://a.example.org>\n"
    "  ; rel=\"memento\";datetime=\"Fri, 12 Oct 2001 14:14:56 GMT\",\n"
    "<http://arxiv.example.net/web/20080409203051/http://a.example.org>\n"
    "  ; rel=\"last memento\";datetime=\"Wed, 09 Apr 2008 20:30:51 GMT\"\n";

const std::vector<Memento> kMementos = {
    {"http://arxiv.example.net/web/20000620180259/http://a.example.org", k2000* kSecond},
    {"http://arxiv.example.net/web/20011012141456/http://a.example.org", k2001* kSecond},
    {"http://arxiv.example.net/web/20080409203051/http://a.example.org", k2008* kSecond},
};

// RFC 7089 5.1.1: every link whose rel includes "memento" is one, with its datetime;
// original, self and timegate links are not.
TEST(ParseTimeMapTest, ReadsMementosOfRfcExample) {
  auto parsed = ParseTimeMap(kTimeMap, "timemap");
  ASSERT_OK(parsed);
  EXPECT_EQ(*parsed, kMementos);
}

// Edge cases of link-format: each row is a body and the memento URLs it gives.
TEST(ParseTimeMapTest, EdgeCases) {
  struct Case {
    std::string body;
    std::vector<std::string> urls;
  };
  const std::vector<Case> cases = {
      {"", {}},
      {"<http://o>;rel=\"original\"", {}},
      // A memento without a datetime, or with one that is not an HTTP-date, is skipped.
      {"<http://m1>;rel=\"memento\",<http://m2>;rel=\"memento\";datetime=\"soon\"", {}},
      // Unquoted values, upper-case names, a comma inside a quoted value.
      {"<http://m>; REL=memento; title=\"a, b\"; DATETIME=\"Fri, 12 Oct 2001 14:14:56 GMT\"",
       {"http://m"}},
      // rel as a list: "memento" must be one of its words, not part of one.
      {"<http://x>;rel=\"mementos\";datetime=\"Fri, 12 Oct 2001 14:14:56 GMT\"", {}},
  };
  for (const Case& c : cases) {
    auto parsed = ParseTimeMap(c.body, "t");
    ASSERT_OK(parsed);
    std::vector<std::string> urls;
    for (const Memento& m : *parsed) urls.push_back(m.url);
    EXPECT_EQ(urls, c.urls) << c.body;
  }
}

// A link that does not start with <URI> makes the map malformed, at a named offset.
TEST(ParseTimeMapTest, RejectsLinkWithoutTarget) {
  auto parsed = ParseTimeMap("<http://o>;rel=original, http://bare", "map.txt");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(), "map.txt: byte 25: a TimeMap link must start with <URI>");
}

// The closest capture wins, before or after the date; a tie goes to the earlier one.
TEST(ClosestMementoTest, PicksNearestCapture) {
  EXPECT_EQ(ClosestMemento({}, 0), std::nullopt);
  EXPECT_EQ(ClosestMemento(kMementos, 0), kMementos[0]);
  EXPECT_EQ(ClosestMemento(kMementos, (k2001 + 10) * kSecond), kMementos[1]);
  EXPECT_EQ(ClosestMemento(kMementos, (k2008 + 999999) * kSecond), kMementos[2]);
  const std::vector<Memento> tie = {{"late", 30 * kSecond}, {"early", 10 * kSecond}};
  EXPECT_EQ(ClosestMemento(tie, 20 * kSecond)->url, "early");
}

TEST(TimeMapUrlTest, AppendsTheOriginalUrl) {
  EXPECT_EQ(TimeMapUrl("https://web.archive.org/web/timemap/link/", "https://x.fr/a?b=1"),
            "https://web.archive.org/web/timemap/link/https://x.fr/a?b=1");
}

// The client fetches each TimeMap from the endpoint (an archive served on loopback)
// and picks the memento closest to each URL's date; a URL the archive does not know
// (404) gets none, as does every URL when the endpoint is empty.
using MementoClientTest = test::CurlFetcherTest;

TEST_F(MementoClientTest, FindsClosestCopyOnLoopbackArchive) {
  server_.Route("/timemap/link/http://a.example.org",
                test::Page(kTimeMap, 200, {{"Content-Type", "application/link-format"}}));
  auto fetcher = CurlFetcher::Create(config_, clock_, nullptr, nullptr);
  ASSERT_OK(fetcher);
  MementoClient client(**fetcher, server_.Url("/timemap/link/"));
  const auto found = client.Closest(
      {{"http://a.example.org", (k2001 + 3600) * kSecond}, {"http://gone.example.org", 0}});
  const std::map<std::string, std::optional<Memento>> expected = {
      {"http://a.example.org", kMementos[1]}, {"http://gone.example.org", std::nullopt}};
  EXPECT_EQ(found, expected);

  MementoClient off(**fetcher, "");
  EXPECT_EQ(
      off.Closest({{"http://a.example.org", 0}}),
      (std::map<std::string, std::optional<Memento>>{{"http://a.example.org", std::nullopt}}));
}

}  // namespace
}  // namespace citecheck::crawler
