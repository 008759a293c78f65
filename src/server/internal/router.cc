#include "server/internal/router.h"

#include <boost/url/parse.hpp>

namespace citecheck::server::internal {
namespace {

// Splits "/v1/checks/{id}" into segments; the leading "/" gives no empty segment.
std::vector<std::string_view> PatternSegments(std::string_view pattern) {
  std::vector<std::string_view> out;
  size_t start = 1;
  while (start <= pattern.size()) {
    size_t slash = pattern.find('/', start);
    if (slash == std::string_view::npos) slash = pattern.size();
    out.push_back(pattern.substr(start, slash - start));
    start = slash + 1;
  }
  return out;
}

// True when `segments` fit the pattern; its {…} segments are appended to `params`.
bool Fits(std::string_view pattern, const std::vector<std::string>& segments,
          std::vector<std::string>& params) {
  const std::vector<std::string_view> want = PatternSegments(pattern);
  if (want.size() != segments.size()) return false;
  std::vector<std::string> found;
  for (size_t i = 0; i < want.size(); ++i) {
    if (want[i].starts_with('{')) {
      if (segments[i].empty()) return false;
      found.push_back(segments[i]);
    } else if (want[i] != segments[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

}  // namespace

const std::vector<Route>& Routes() {
  static const std::vector<Route> kRoutes = {
      {"GET", "/healthz", RouteId::kHealthz, Access::kPublic, true},
      {"GET", "/readyz", RouteId::kReadyz, Access::kPublic, true},
      {"GET", "/metrics", RouteId::kMetrics, Access::kPublic, true},
      {"GET", "/v1/openapi.json", RouteId::kOpenApi, Access::kPublic, true},
      {"POST", "/v1/checks", RouteId::kCreateCheck, Access::kWrite, false},
      {"GET", "/v1/checks/{id}", RouteId::kGetCheck, Access::kRead, false},
      {"GET", "/v1/checks/{id}/report.html", RouteId::kCheckHtml, Access::kRead, false},
      {"GET", "/v1/checks/{id}/report.sarif", RouteId::kCheckSarif, Access::kRead, false},
      {"GET", "/v1/checks/{id}/claimreview", RouteId::kCheckClaimReview, Access::kRead, false},
      {"GET", "/v1/checks/{id}/claims/{claim}/claimreview", RouteId::kClaimReview,
       Access::kRead, false},
      {"POST", "/v1/claims:verify", RouteId::kVerifyClaim, Access::kWrite, false},
      {"GET", "/v1/sources", RouteId::kGetSource, Access::kRead, false},
      {"POST", "/v1/audits", RouteId::kCreateAudit, Access::kWrite, false},
      {"GET", "/v1/audits/{id}", RouteId::kGetAudit, Access::kRead, false},
  };
  return kRoutes;
}

RouteMatch MatchRoute(std::string_view method, std::string_view target) {
  RouteMatch m;
  auto url = boost::urls::parse_origin_form(target);
  if (!url) {
    m.bad_target = true;
    return m;
  }
  std::vector<std::string> segments;
  for (const std::string& s : url->segments()) segments.push_back(s);
  for (auto param : url->params()) m.query[param.key] = param.value;
  for (const Route& r : Routes()) {
    std::vector<std::string> params;
    if (!Fits(r.pattern, segments, params)) continue;
    if (r.method == method) {
      m.route = &r;
      m.params = std::move(params);
      m.path_known = true;
      return m;
    }
    m.path_known = true;
    m.allow += (m.allow.empty() ? "" : ", ") + std::string(r.method);
  }
  return m;
}

}  // namespace citecheck::server::internal
