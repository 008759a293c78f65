// schema.org ClaimReview (https://schema.org/ClaimReview) as JSON-LD, the markup
// fact-checking tools and search engines read. Ratings use a 1-5 scale with a named
// value (alternateName), as the fact-checking community's markup guidelines ask:
//   supported 5, not found 2, contradicted 1; unverifiable claims get a name and no
//   value, since nothing was rated.
#include <boost/json.hpp>

#include "report/internal/json_pretty.h"
#include "report/internal/labels.h"
#include "report/report.h"

namespace citecheck::report {
namespace {

namespace json = boost::json;
using verify::VerdictKind;

json::object Rating(const internal::Labels& l, const verify::Verdict& v) {
  json::object rating = {{"@type", "Rating"},
                         {"alternateName", l.claim_review_rating[static_cast<size_t>(v.kind)]},
                         {"ratingExplanation", v.reason}};
  int value = 0;
  switch (v.kind) {
    case VerdictKind::kSupported:
      value = 5;
      break;
    case VerdictKind::kNotFound:
      value = 2;
      break;
    case VerdictKind::kContradicted:
      value = 1;
      break;
    case VerdictKind::kUnverifiable:
      break;
  }
  if (value > 0) {
    rating["ratingValue"] = value;
    rating["bestRating"] = 5;
    rating["worstRating"] = 1;
  }
  return rating;
}

json::array Citations(const CheckReport& r, const verify::Verdict& v) {
  json::array out;
  for (const verify::Evidence& e : v.evidence) {
    if (e.url.empty()) continue;
    json::object work = {{"@type", "CreativeWork"}, {"url", e.url}, {"text", e.text}};
    for (const SourceReport& s : r.sources) {
      if (s.entry.url == e.url || s.fetch.final_url == e.url) {
        work["name"] = s.entry.name;
        break;
      }
    }
    out.push_back(std::move(work));
    break;  // the passage that decided; the others are context
  }
  return out;
}

json::object Review(const CheckReport& r, const internal::Labels& l, const ClaimReport& c) {
  const draft::Mention& m = c.claim.mentions.front();
  json::object review = {
      {"@type", "ClaimReview"},
      {"identifier", c.claim.id},
      {"claimReviewed", m.sentence},
      {"author", {{"@type", "Organization"}, {"name", "citecheck"}}},
      {"itemReviewed",
       {{"@type", "Claim"},
        {"text", m.sentence},
        {"appearance",
         {{"@type", "CreativeWork"}, {"headline", r.title}, {"identifier", r.draft_path}}}}},
      {"reviewRating", Rating(l, c.verdict)},
      {"reviewBody", c.verdict.reason}};
  if (r.checked_at.size() >= 10) review["datePublished"] = r.checked_at.substr(0, 10);
  if (!r.lang.empty()) review["inLanguage"] = r.lang;
  json::array citations = Citations(r, c.verdict);
  if (!citations.empty()) review["citation"] = std::move(citations);
  return review;
}

}  // namespace

std::string RenderClaimReview(const CheckReport& r) {
  const internal::Labels& l = internal::LabelsFor(r.lang);
  json::array graph;
  for (const ClaimReport& c : r.claims) {
    if (!c.claim.mentions.empty()) graph.push_back(Review(r, l, c));
  }
  return internal::PrettyJson(
      json::object{{"@context", "https://schema.org"}, {"@graph", std::move(graph)}});
}

}  // namespace citecheck::report
