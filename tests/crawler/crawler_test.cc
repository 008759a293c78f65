// Tests for the shared pieces of crawler.h: outcome names and header lookup.
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

// CurlGlobal initialises libcurl once; a second instance in the same process is
// harmless (libcurl counts init/cleanup pairs).
TEST(CurlGlobal, InitialisesLibcurl) {
  CurlGlobal curl;
  EXPECT_TRUE(curl.ok());
}

}  // namespace
}  // namespace citecheck::crawler
