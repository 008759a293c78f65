// RenderClaimReview: schema.org ClaimReview JSON-LD, one review per claim.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "report/report.h"
#include "report_fixture.h"

namespace citecheck::report {
namespace {

namespace json = boost::json;

// The rating scale: supported 5, not found 2, contradicted 1, named in the draft's
// language; an unverifiable claim is named but not rated.
TEST(ClaimReviewReport, RatingsByVerdict) {
  const json::value v = json::parse(RenderClaimReview(testing::SampleReport()));
  EXPECT_EQ(v.at("@context"), "https://schema.org");
  const json::array& graph = v.at("@graph").as_array();
  ASSERT_EQ(graph.size(), 4u);
  const struct {
    const char* id;
    int value;  // 0: not rated
    const char* name;
  } expected[] = {{"c1", 5, "Confirmé par la source citée"},
                  {"c2", 1, "Contredit par la source citée"},
                  {"c3", 2, "Absent de la source citée"},
                  {"c4", 0, "Invérifiable"}};
  for (size_t i = 0; i < graph.size(); ++i) {
    const json::object& review = graph[i].as_object();
    EXPECT_EQ(review.at("@type"), "ClaimReview");
    EXPECT_EQ(review.at("identifier"), expected[i].id);
    EXPECT_EQ(review.at("inLanguage"), "fr");
    EXPECT_EQ(review.at("datePublished"), "2025-03-18");
    const json::object& rating = review.at("reviewRating").as_object();
    EXPECT_EQ(rating.at("alternateName"), expected[i].name);
    EXPECT_EQ(rating.contains("ratingValue"), expected[i].value > 0) << i;
    if (expected[i].value > 0) {
      EXPECT_EQ(rating.at("ratingValue"), expected[i].value);
      EXPECT_EQ(rating.at("bestRating"), 5);
      EXPECT_EQ(rating.at("worstRating"), 1);
    }
    EXPECT_EQ(review.at("itemReviewed").at("@type"), "Claim");
  }
  // The claim as the draft states it, and the passage that decided as a citation.
  EXPECT_EQ(graph[1].at("claimReviewed"),
            "Les ventes ont atteint 910 000 unités en 2023 (Source : Journal).");
  EXPECT_EQ(graph[1].at("citation").at(0).at("url"), "https://journal.example/a");
  EXPECT_EQ(graph[1].at("citation").at(0).at("name"), "Journal");
  EXPECT_FALSE(graph[3].as_object().contains("citation"));
}

// English drafts get English rating names.
TEST(ClaimReviewReport, EnglishNames) {
  const json::value v = json::parse(RenderClaimReview(testing::SampleReportEn()));
  EXPECT_EQ(v.at("@graph").at(1).at("reviewRating").at("alternateName"),
            "Contradicted by the cited source");
}

}  // namespace
}  // namespace citecheck::report
