#include <algorithm>
#include <cmath>
#include <cstdio>

#include "verify/verify.h"

namespace citecheck::verify {
namespace {

constexpr double kListingCap = 4.0;

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

// Universities name their sites in too many ways to list ("univ-lyon1.fr",
// "universite-paris-saclay.fr"): a host that says so is taken at its word.
bool LooksAcademic(std::string_view host) {
  return host.find("univ-") != std::string_view::npos ||
         host.find("universite") != std::string_view::npos ||
         host.find("university") != std::string_view::npos;
}

// Whole years from ISO date `from` to `to` ("2019-05-02" to "2025-01-10" is 5), or -1
// when either is not a date.
int YearsBetween(std::string_view from, std::string_view to) {
  auto parse = [](std::string_view d, int* y, int* m, int* day) {
    return d.size() >= 10 &&
           std::sscanf(std::string(d.substr(0, 10)).c_str(), "%d-%d-%d", y, m, day) == 3;
  };
  int fy, fm, fd, ty, tm, td;
  if (!parse(from, &fy, &fm, &fd) || !parse(to, &ty, &tm, &td)) return -1;
  int years = ty - fy;
  if (tm < fm || (tm == fm && td < fd)) --years;
  return years;
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
  Reliability Finish(std::string type, std::string name, double cap) {
    Reliability r;
    r.score = std::round(std::clamp(score_, 0.0, cap) * 10) / 10;
    r.publisher_type = std::move(type);
    r.publisher = std::move(name);
    r.reasons = std::move(reasons_);
    return r;
  }

 private:
  double score_ = 4.0;  // an unknown but reachable page starts a little below the middle
  std::vector<std::string> reasons_;
};

// A figure from a source several years older than the draft describes another time.
void RateAge(const SourceFacts& f, Rater& rater) {
  if (f.published.empty() || f.draft_date.empty()) return;
  const int years = YearsBetween(f.published, f.draft_date);
  if (years < 0) {
    if (f.published.substr(0, 10) > f.draft_date.substr(0, 10)) {
      rater.Note("published after the draft's date (" + f.draft_date + ")");
    }
    return;
  }
  if (years <= 2) {
    rater.Add(0.5, "recent at the draft's date");
  } else if (years >= 5) {
    rater.Add(-1.0, std::to_string(years) + " years old at the draft's date");
  }
}

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
      "actualites", "actualite",    "actus",      "news",      "blog",  "articles",
      "category",   "categories",   "categorie",  "tag",       "tags",  "archives",
      "archive",    "publications", "ressources", "resources", "press", "presse",
      "insights",   "etudes",       "media",      "page"};
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

Reliability RateSource(const SourceFacts& f) { return RateSource(f, BuiltinPublishers()); }

Reliability RateSource(const SourceFacts& f, const std::vector<Publisher>& publishers) {
  Rater rater;
  const std::string& where = f.final_url.empty() ? f.url : f.final_url;
  const Publisher* publisher = FindPublisher(where, publishers);
  std::string type = publisher                      ? publisher->type
                     : LooksAcademic(HostOf(where)) ? "academic"
                                                    : "unknown";
  const std::string name = publisher ? publisher->name : "";
  if (!f.fetched || f.soft_404) {
    rater.Add(-4.0, f.soft_404 ? "the page says it is not found (soft 404)"
                               : "unreachable: " + f.failure);
    return rater.Finish(type, name, 1.0);
  }
  rater.Add(1.0, "reachable");
  for (const TypeWeight& w : kTypeWeights) {
    if (w.type == type && w.points != 0) {
      rater.Add(w.points, std::string(w.label) + (name.empty() ? "" : " (" + name + ")"));
    }
  }
  const std::string& final_url = f.final_url.empty() ? f.url : f.final_url;
  if (final_url.rfind("https://", 0) == 0)
    rater.Add(0.5, "served over HTTPS");
  else
    rater.Add(-1.0, "not served over HTTPS");
  const bool listing = IsListingUrl(final_url);
  if (listing) {
    rater.Add(-2.0,
              "a listing or home page, not a specific document: it cannot back a precise figure");
  } else {
    rater.Add(0.5, "a specific document");
  }
  if (f.has_author) rater.Add(0.5, "names its author");
  if (f.has_date)
    rater.Add(0.5, "dated" + (f.published.empty() ? "" : " " + f.published));
  else
    rater.Add(-0.5, "no publication date");
  RateAge(f, rater);
  RateClaims(f, rater);
  // What a listing shows changes from day to day: it never rates above kListingCap.
  if (listing)
    rater.Note("at most " + std::to_string(static_cast<int>(kListingCap)) +
               "/10 for a listing page");
  return rater.Finish(type, name, listing ? kListingCap : 10.0);
}

}  // namespace citecheck::verify
