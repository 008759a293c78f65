// The API's routes: which handler answers a method and target, with the path's
// parameters and the query decoded.
//
// Thread-safety: pure functions over a constant table.
#ifndef CITECHECK_SERVER_INTERNAL_ROUTER_H_
#define CITECHECK_SERVER_INTERNAL_ROUTER_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace citecheck::server::internal {

enum class RouteId {
  kHealthz,
  kReadyz,
  kMetrics,
  kOpenApi,
  kCreateCheck,      // POST /v1/checks
  kGetCheck,         // GET /v1/checks/{id}
  kCheckHtml,        // GET /v1/checks/{id}/report.html
  kCheckSarif,       // GET /v1/checks/{id}/report.sarif
  kCheckClaimReview, // GET /v1/checks/{id}/claimreview
  kClaimReview,      // GET /v1/checks/{id}/claims/{claim}/claimreview
  kVerifyClaim,      // POST /v1/claims:verify
  kGetSource,        // GET /v1/sources?url=
  kCreateAudit,      // POST /v1/audits
  kGetAudit,         // GET /v1/audits/{id}
  kNone,             // no route
};

// Who may call a route.
enum class Access {
  kPublic,  // no token needed, no rate limit (probes, metrics, the API description)
  kRead,    // any known token
  kWrite,   // a token that is not read-only
};

struct Route {
  std::string_view method;   // "GET", "POST"
  std::string_view pattern;  // "/v1/checks/{id}": also the route's label in metrics
  RouteId id = RouteId::kNone;
  Access access = Access::kPublic;
  bool inline_ok = false;    // cheap enough to answer on an I/O thread
};

// Every route, in the order of the OpenAPI document.
const std::vector<Route>& Routes();

struct RouteMatch {
  const Route* route = nullptr;   // null: no route for this method and path
  bool path_known = false;        // the path exists for another method (405)
  std::string allow;              // then: its methods, "GET, POST"
  std::vector<std::string> params;                 // the {…} segments, decoded, in order
  std::map<std::string, std::string> query;        // decoded; the last value of a key wins
  bool bad_target = false;        // the target is not an origin-form URI
};

// Matches `method` and `target` (origin form: "/v1/sources?url=…").
RouteMatch MatchRoute(std::string_view method, std::string_view target);

}  // namespace citecheck::server::internal

#endif  // CITECHECK_SERVER_INTERNAL_ROUTER_H_
