// Tests for NormalizeUrl and the internal URL functions (url.cc).
#include "crawler/internal/url.h"

#include <gtest/gtest.h>

#include "crawler/crawler.h"
#include "printers.h"
#include "testutil/testutil.h"

namespace citecheck::crawler {
namespace {

struct NormalizeCase {
  std::string input;
  std::string expected;
};

// The documented normalization: lower-case scheme and host, default port removed,
// fragment dropped, empty path made "/"; the rest (path case, query) kept.
TEST(NormalizeUrl, NormalizesAsDocumented) {
  const NormalizeCase cases[] = {
      {"http://example.org", "http://example.org/"},
      {"HTTP://Example.ORG/Path?Q=1", "http://example.org/Path?Q=1"},
      {"https://example.org:443/a", "https://example.org/a"},
      {"http://example.org:80/a", "http://example.org/a"},
      {"http://example.org:443/a", "http://example.org:443/a"},
      {"https://example.org:8443/a", "https://example.org:8443/a"},
      {"http://example.org:/a", "http://example.org/a"},
      {"http://example.org/a#section-2", "http://example.org/a"},
      {"http://example.org/#", "http://example.org/"},
      {"  http://example.org/a \n", "http://example.org/a"},
      {"http://[2001:DB8::1]:8080/x", "http://[2001:db8::1]:8080/x"},
      {"http://127.0.0.1:9/", "http://127.0.0.1:9/"},
      {"http://example.org?q", "http://example.org/?q"},
  };
  for (const NormalizeCase& c : cases) {
    auto normalized = NormalizeUrl(c.input);
    ASSERT_OK(normalized);
    EXPECT_EQ(*normalized, c.expected) << c.input;
  }
}

struct RejectCase {
  std::string input;
  FetchOutcome outcome;
  std::string error;
};

// Invalid and non-http(s) URLs are rejected, saying why and naming the URL.
TEST(CheckFetchUrl, RejectsWhatCannotBeFetched) {
  const RejectCase cases[] = {
      {"", FetchOutcome::kInvalidUrl, "empty URL"},
      {"ftp://example.org/file", FetchOutcome::kUnsupportedScheme,
       "'ftp://example.org/file' is not an http or https URL"},
      {"mailto:someone@example.org", FetchOutcome::kUnsupportedScheme,
       "'mailto:someone@example.org' is not an http or https URL"},
      {"/relative/path", FetchOutcome::kInvalidUrl, "not an absolute URL: '/relative/path'"},
      {"http://exa mple.org/", FetchOutcome::kInvalidUrl, "not a URL: 'http://exa mple.org/'"},
      {"http:///path", FetchOutcome::kInvalidUrl, "no host in URL 'http:///path'"},
      {"http:path", FetchOutcome::kInvalidUrl, "no host in URL 'http:path'"},
      {"http://example.org:0/", FetchOutcome::kInvalidUrl,
       "bad port in URL 'http://example.org:0/'"},
      {"http://example.org:99999/", FetchOutcome::kInvalidUrl,
       "bad port in URL 'http://example.org:99999/'"},
  };
  for (const RejectCase& c : cases) {
    internal::UrlCheck check = internal::CheckFetchUrl(c.input);
    EXPECT_FALSE(check.ok) << c.input;
    EXPECT_EQ(check.rejection, (internal::UrlRejection{c.outcome, c.error})) << c.input;
    auto normalized = NormalizeUrl(c.input);
    EXPECT_EQ(normalized.status(), common::Status::InvalidArgument(c.error)) << c.input;
  }
}

// The parts the fetcher schedules and checks addresses by.
TEST(CheckFetchUrl, ReturnsHostAndEffectivePort) {
  EXPECT_EQ(internal::CheckFetchUrl("https://Example.org/a").url,
            (internal::FetchUrl{"https://example.org/a", "example.org", 443}));
  EXPECT_EQ(internal::CheckFetchUrl("http://example.org:8080").url,
            (internal::FetchUrl{"http://example.org:8080/", "example.org", 8080}));
  EXPECT_EQ(internal::CheckFetchUrl("http://[::1]/").url,
            (internal::FetchUrl{"http://[::1]/", "::1", 80}));
  // IPv4 literals are hosts too: caps, delays and the breaker are kept per address.
  EXPECT_EQ(internal::CheckFetchUrl("http://127.0.0.1:8080/x").url,
            (internal::FetchUrl{"http://127.0.0.1:8080/x", "127.0.0.1", 8080}));
}

struct ResolveCase {
  std::string base;
  std::string location;
  std::string expected;
};

// RFC 3986 section 5 resolution, plus the browser habit of encoding raw spaces and
// non-ASCII bytes that servers put in Location.
TEST(ResolveLocation, ResolvesAgainstTheRequestUrl) {
  const ResolveCase cases[] = {
      {"http://a.test/b/c", "d", "http://a.test/b/d"},
      {"http://a.test/b/c", "/d?e=1", "http://a.test/d?e=1"},
      {"http://a.test/b/c", "../d", "http://a.test/d"},
      {"http://a.test/b/c", "//other.test/x", "http://other.test/x"},
      {"https://a.test/b", "http://b.test/", "http://b.test/"},
      {"http://a.test/b", "?q=2", "http://a.test/b?q=2"},
      {"http://a.test/b", "/a b", "http://a.test/a%20b"},
      {"http://a.test/b", "/caf\xC3\xA9", "http://a.test/caf%C3%A9"},
      {"http://a.test/b", "/already%20encoded", "http://a.test/already%20encoded"},
      {"http://a.test/b", " /trimmed ", "http://a.test/trimmed"},
      {"http://a.test/b", "/100%", "http://a.test/100%25"},
      {"http://a.test/b", "/%zz%4", "http://a.test/%25zz%254"},
  };
  for (const ResolveCase& c : cases) {
    auto resolved = internal::ResolveLocation(c.base, c.location);
    ASSERT_OK(resolved);
    EXPECT_EQ(*resolved, c.expected) << c.location;
  }
}

TEST(ResolveLocation, RejectsUnparsableLocations) {
  auto resolved = internal::ResolveLocation("http://a.test/", "http://[bad/");
  EXPECT_EQ(resolved.status(),
            common::Status::InvalidArgument("invalid redirect Location 'http://[bad/'"));
}

}  // namespace
}  // namespace citecheck::crawler
