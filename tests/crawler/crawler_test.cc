// Tests for the shared pieces of crawler.h (crawler.cc): names, header lookup, link
// classes and progress lines.
#include "crawler/crawler.h"

#include <gtest/gtest.h>

#include "printers.h"

namespace citecheck::crawler {
namespace {

// The names are stable: reports and the store persist them.
TEST(FetchOutcomeName, EveryOutcomeHasItsDocumentedName) {
  const std::pair<FetchOutcome, std::string_view> cases[] = {
      {FetchOutcome::kOk, "ok"},
      {FetchOutcome::kHttpError, "http_error"},
      {FetchOutcome::kDnsError, "dns_error"},
      {FetchOutcome::kConnectError, "connect_error"},
      {FetchOutcome::kTlsError, "tls_error"},
      {FetchOutcome::kTimeout, "timeout"},
      {FetchOutcome::kTooManyRedirects, "too_many_redirects"},
      {FetchOutcome::kTooLarge, "too_large"},
      {FetchOutcome::kBlockedAddress, "blocked_address"},
      {FetchOutcome::kUnsupportedScheme, "unsupported_scheme"},
      {FetchOutcome::kInvalidUrl, "invalid_url"},
      {FetchOutcome::kNotArchived, "not_archived"},
      {FetchOutcome::kRobotsDisallowed, "robots_disallowed"},
      {FetchOutcome::kHostUnavailable, "host_unavailable"},
      {FetchOutcome::kError, "error"},
  };
  for (const auto& [outcome, name] : cases) {
    EXPECT_EQ(FetchOutcomeName(outcome), name);
  }
}

// Header names are case-insensitive (RFC 9110 section 5.1); the first match wins.
TEST(FindHeader, MatchesNamesIgnoringCaseAndReturnsTheFirst) {
  const std::vector<HttpHeader> headers = {
      {"Content-Type", "text/html"}, {"set-cookie", "a=1"}, {"Set-Cookie", "b=2"}};
  ASSERT_NE(FindHeader(headers, "content-type"), nullptr);
  EXPECT_EQ(*FindHeader(headers, "CONTENT-TYPE"), (HttpHeader{"Content-Type", "text/html"}));
  EXPECT_EQ(*FindHeader(headers, "Set-Cookie"), (HttpHeader{"set-cookie", "a=1"}));
  EXPECT_EQ(FindHeader(headers, "Location"), nullptr);
  EXPECT_EQ(FindHeader({}, "Location"), nullptr);
}

FetchResult Ok() {
  FetchResult r;
  r.outcome = FetchOutcome::kOk;
  r.status = 200;
  r.requests = 1;
  r.elapsed_ms = 30;
  return r;
}

struct ClassCase {
  std::string name;
  FetchResult result;
  LinkClass expected;
};

// Each class of the link-audit schema, including the precedence among the alive
// classes (a redirect that was also retried is "flaky") and the broken ones.
TEST(ClassifyLink, FollowsTheLinkAuditSchema) {
  std::vector<ClassCase> cases;
  cases.push_back({"ok", Ok(), LinkClass::kOk});
  FetchResult r = Ok();
  r.redirects = {{"http://a/1", 301, "/2"}};
  cases.push_back({"redirect", r, LinkClass::kRedirectOk});
  r = Ok();
  r.elapsed_ms = 1500;
  cases.push_back({"slow", r, LinkClass::kSlow});
  r = Ok();
  r.retries = 1;
  r.redirects = {{"http://a/1", 301, "/2"}};
  cases.push_back({"flaky", r, LinkClass::kFlaky});
  r.rate_limited = true;
  cases.push_back({"rate limited", r, LinkClass::kRateLimited});
  r.soft_404 = true;
  cases.push_back({"soft 404", r, LinkClass::kSoft404});
  r = Ok();
  r.outcome = FetchOutcome::kHttpError;
  for (int status : {404, 410}) {
    r.status = status;
    cases.push_back({"dead " + std::to_string(status), r, LinkClass::kDead});
  }
  for (int status : {403, 429, 500}) {
    r.status = status;
    cases.push_back({"error " + std::to_string(status), r, LinkClass::kError});
  }
  r = Ok();
  r.outcome = FetchOutcome::kTooManyRedirects;
  cases.push_back({"loop", r, LinkClass::kLoop});
  r.outcome = FetchOutcome::kRobotsDisallowed;
  cases.push_back({"robots", r, LinkClass::kRobotsDisallowed});
  for (FetchOutcome o : {FetchOutcome::kTimeout, FetchOutcome::kDnsError,
                         FetchOutcome::kBlockedAddress, FetchOutcome::kTooLarge}) {
    r.outcome = o;
    cases.push_back({std::string(FetchOutcomeName(o)), r, LinkClass::kError});
  }
  for (const ClassCase& c : cases) {
    EXPECT_EQ(LinkClassName(ClassifyLink(c.result, 1500)), LinkClassName(c.expected)) << c.name;
  }
  EXPECT_TRUE(IsBrokenLink(LinkClass::kSoft404));
  EXPECT_TRUE(IsBrokenLink(LinkClass::kError));
  EXPECT_FALSE(IsBrokenLink(LinkClass::kFlaky));
  EXPECT_FALSE(IsBrokenLink(LinkClass::kRobotsDisallowed));
}

TEST(FormatProgress, ShowsCountRateErrorsAndEta) {
  EXPECT_EQ(FormatProgress({0, 5068, 0, 0}), "0/5068 URLs (0%), 0/s, 0 errors");
  EXPECT_EQ(FormatProgress({1000, 5068, 1, 2000000}),
            "1000/5068 URLs (19%), 500/s, 1 error, ETA 0:08");
  EXPECT_EQ(FormatProgress({5068, 5068, 12, 4000000}), "5068/5068 URLs (100%), 1267/s, 12 errors");
}

TEST(IsReadableMediaType, HtmlXhtmlPdfAndText) {
  for (std::string_view type : {"text/html", "application/xhtml+xml", "application/pdf", "text/plain"}) {
    EXPECT_TRUE(IsReadableMediaType(type)) << type;
  }
  for (std::string_view type : {"image/png", "application/zip", "text/csv", ""}) {
    EXPECT_FALSE(IsReadableMediaType(type)) << type;
  }
  EXPECT_EQ(CacheUseName(CacheUse::kRevalidated), "revalidated");
}

// CurlGlobal initialises libcurl once; a second instance in the same process is
// harmless (libcurl counts init/cleanup pairs).
TEST(CurlGlobal, InitialisesLibcurl) {
  CurlGlobal curl;
  EXPECT_TRUE(curl.ok());
}

}  // namespace
}  // namespace citecheck::crawler
