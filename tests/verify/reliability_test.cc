#include <gtest/gtest.h>

#include "verify/verify.h"

namespace citecheck::verify {
namespace {

struct ListingCase {
  const char* url;
  bool listing;
};

TEST(IsListingUrl, TellsListingsFromDocuments) {
  const ListingCase cases[] = {
      {"https://www.dihnamic.example/fr/actualites/", true},
      {"https://site.example/", true},
      {"https://site.example/fr/", true},
      {"https://site.example/news", true},
      {"https://site.example/blog/", true},
      {"https://site.example/category/ia/", false},
      {"https://site.example/tag/pme", false},
      {"https://site.example/actualite/2025-lannee-de-l-ia", false},
      {"https://site.example/articles/etat-des-lieux-ia-pme/", false},
      {"https://site.example/rapport.pdf", false},
  };
  for (const ListingCase& c : cases) EXPECT_EQ(IsListingUrl(c.url), c.listing) << c.url;
}

TEST(RateSource, UnreachableSourceEarnsNothingAndSaysWhy) {
  SourceFacts f;
  f.url = "https://dead.example/rapport";
  f.failure = "HTTP 404 Not Found";
  Reliability r = RateSource(f);
  EXPECT_EQ(r.score, 0);
  EXPECT_EQ(r.reasons, (std::vector<std::string>{"-4.0 unreachable: HTTP 404 Not Found"}));
}

TEST(RateSource, SpecificDatedPublicDocumentThatSupportsItsClaimsRatesHigh) {
  SourceFacts f;
  f.url = f.final_url = "https://www.stats.gouv.fr/publications/enquete-2024";
  f.fetched = true;
  f.has_author = true;
  f.has_date = true;
  f.published = "2024-11-02";
  f.claims_attributed = 2;
  f.claims_supported = 2;
  Reliability r = RateSource(f);
  EXPECT_EQ(r.publisher_type, "public_body");
  EXPECT_EQ(r.publisher, "French government");
  EXPECT_DOUBLE_EQ(r.score, 10.0);
  EXPECT_EQ(r.reasons,
            (std::vector<std::string>{"+1.0 reachable", "+2.0 public body (French government)",
                                      "+0.5 served over HTTPS", "+0.5 a specific document",
                                      "+0.5 names its author", "+0.5 dated 2024-11-02",
                                      "+2.0 supports 2 of the 2 claims attributed to it"}));
}

TEST(RateSource, ListingPageOverHttpThatContradictsRatesLow) {
  SourceFacts f;
  f.url = f.final_url = "http://news.example/actualites/";
  f.fetched = true;
  f.claims_attributed = 1;
  f.claims_contradicted = 1;
  Reliability r = RateSource(f);
  EXPECT_EQ(r.publisher_type, "unknown");
  // 4 + 1 - 1 - 2 - 0.5 - 1 - 2
  EXPECT_DOUBLE_EQ(r.score, 0.0);
  ASSERT_GE(r.reasons.size(), 3u);
  EXPECT_EQ(r.reasons[2].rfind("-2.0 a listing or home page", 0), 0u);
}

}  // namespace
}  // namespace citecheck::verify

namespace citecheck::verify {
namespace {

// A listing page never rates above 4/10, however well it does otherwise: what it shows
// changes from day to day.
TEST(RateSource, ListingPageIsCapped) {
  SourceFacts f;
  f.url = f.final_url = "https://www.stats.gouv.fr/actualites/";
  f.fetched = true;
  f.has_author = true;
  f.has_date = true;
  f.claims_attributed = 3;
  f.claims_supported = 3;
  Reliability r = RateSource(f);
  EXPECT_DOUBLE_EQ(r.score, 4.0);
  EXPECT_EQ(r.reasons.back(), "at most 4/10 for a listing page");
}

}  // namespace
}  // namespace citecheck::verify
