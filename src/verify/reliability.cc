#include <algorithm>
#include <cmath>
#include <cstdio>

#include "verify/verify.h"

namespace citecheck::verify {
namespace {

constexpr double kListingCap = 4.0;

// Publisher kinds recognised from the host alone. A starter rule set; a curated list
// of named publishers will refine it.
struct HostRule {
  std::string_view suffix;
  std::string_view type;
};
constexpr HostRule kHostRules[] = {
    {".gouv.fr", "public_body"}, {".gov", "public_body"},  {".gov.uk", "public_body"},
    {".europa.eu", "public_body"}, {"insee.fr", "statistics_office"},
    {"ec.europa.eu", "public_body"}, {".cci.fr", "public_body"}, {".edu", "academic"},
    {".ac.uk", "academic"}, {"univ-", "academic"}, {".cnrs.fr", "academic"},
    {"hal.science", "academic"}, {"blogspot.", "blog"}, {"wordpress.com", "blog"},
    {"medium.com", "blog"}, {"substack.com", "blog"},
};

struct TypeWeight {
  std::string_view type;
  double points;
  std::string_view label;
};
constexpr TypeWeight kTypeWeights[] = {
    {"public_body", 2.0, "public body"},
    {"statistics_office", 2.5, "statistics office"},
    {"academic", 2.0, "academic publisher"},
    {"press", 1.0, "press"},
    {"company", 0.0, "company"},
    {"blog", -1.0, "blog"},
    {"unknown", 0.0, "unknown publisher"},
};

std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  rest = rest.substr(0, rest.find(':'));
  return std::string(rest);
}

std::string PathOf(std::string_view url) {
  size_t scheme = url.find("://");
  std::string_view rest = scheme == std::string_view::npos ? url : url.substr(scheme + 3);
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos) return "/";
  std::string_view path = rest.substr(slash);
  return std::string(path.substr(0, path.find_first_of("?#")));
}

std::string PublisherType(std::string_view host) {
  for (const HostRule& r : kHostRules) {
    if (host.ends_with(r.suffix) || (r.suffix.back() == '-' && host.find(r.suffix) != std::string_view::npos)) {
      return std::string(r.type);
    }
  }
  return "unknown";
}

std::string Signed(double points, std::string_view why) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%+.1f ", points);
  return buf + std::string(why);
}

class Rater {
 public:
  void Add(double points, std::string_view why) {
    score_ += points;
    reasons_.push_back(Signed(points, why));
  }
  void Note(std::string why) { reasons_.push_back(std::move(why)); }
  Reliability Finish(std::string type, double cap) {
    Reliability r;
    r.score = std::round(std::clamp(score_, 0.0, cap) * 10) / 10;
    r.publisher_type = std::move(type);
    r.reasons = std::move(reasons_);
    return r;
  }

 private:
  double score_ = 4.0;  // an unknown but reachable page starts a little below the middle
  std::vector<std::string> reasons_;
};

void RateClaims(const SourceFacts& f, Rater& rater) {
  if (f.claims_attributed == 0) return;
  const double n = f.claims_attributed;
  const double ratio = f.claims_supported / n;
  rater.Add(3.0 * ratio - 1.0, "supports " + std::to_string(f.claims_supported) + " of the " +
                                   std::to_string(f.claims_attributed) +
                                   " claims attributed to it");
  if (f.claims_contradicted > 0) {
    rater.Add(-2.0 * f.claims_contradicted / n,
              "contradicts " + std::to_string(f.claims_contradicted) + " of them");
  }
}

}  // namespace

bool IsListingUrl(std::string_view url) {
  static constexpr std::string_view kListingWords[] = {
      "actualites", "actualite", "actus", "news", "blog", "articles", "category",
      "categories", "categorie", "tag", "tags", "archives", "archive", "publications",
      "ressources", "resources", "press", "presse", "insights", "etudes", "media", "page"};
  std::string path = PathOf(url);
  std::vector<std::string> segments;
  size_t pos = 1;
  while (pos <= path.size()) {
    size_t slash = path.find('/', pos);
    if (slash == std::string::npos) slash = path.size();
    if (slash > pos) segments.push_back(path.substr(pos, slash - pos));
    pos = slash + 1;
  }
  if (segments.empty()) return true;  // the home page
  const std::string& last = segments.back();
  for (std::string_view w : kListingWords) {
    if (last == w) return true;
  }
  // "/fr/" or "/en/" alone is a home page in a language.
  return segments.size() == 1 && last.size() == 2;
}

Reliability RateSource(const SourceFacts& f) {
  Rater rater;
  const std::string host = HostOf(f.final_url.empty() ? f.url : f.final_url);
  const std::string type = PublisherType(host);
  if (!f.fetched || f.soft_404) {
    rater.Add(-4.0, f.soft_404 ? "the page says it is not found (soft 404)"
                               : "unreachable: " + f.failure);
    return rater.Finish(type, 1.0);
  }
  rater.Add(1.0, "reachable");
  for (const TypeWeight& w : kTypeWeights) {
    if (w.type == type && w.points != 0) rater.Add(w.points, w.label);
  }
  const std::string& final_url = f.final_url.empty() ? f.url : f.final_url;
  if (final_url.rfind("https://", 0) == 0) rater.Add(0.5, "served over HTTPS");
  else rater.Add(-1.0, "not served over HTTPS");
  const bool listing = IsListingUrl(final_url);
  if (listing) {
    rater.Add(-2.0, "a listing or home page, not a specific document: it cannot back a precise figure");
  } else {
    rater.Add(0.5, "a specific document");
  }
  if (f.has_author) rater.Add(0.5, "names its author");
  if (f.has_date) rater.Add(0.5, "dated" + (f.published.empty() ? "" : " " + f.published));
  else rater.Add(-0.5, "no publication date");
  RateClaims(f, rater);
  // What a listing shows changes from day to day: it never rates above kListingCap.
  if (listing) rater.Note("at most " + std::to_string(static_cast<int>(kListingCap)) + "/10 for a listing page");
  return rater.Finish(type, listing ? kListingCap : 10.0);
}

}  // namespace citecheck::verify
