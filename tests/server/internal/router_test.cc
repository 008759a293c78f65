// Routing: which handler a method and target reach, with their parameters.
#include "server/internal/router.h"

#include <gtest/gtest.h>

namespace citecheck::server::internal {
namespace {

struct Case {
  const char* method;
  const char* target;
  RouteId expected;
  std::vector<std::string> params;
};

// Each route is reached by its own method and path only; path parameters are decoded.
TEST(Router, MatchesEveryRouteWithItsParameters) {
  const Case cases[] = {
      {"GET", "/healthz", RouteId::kHealthz, {}},
      {"GET", "/readyz", RouteId::kReadyz, {}},
      {"GET", "/metrics", RouteId::kMetrics, {}},
      {"GET", "/v1/openapi.json", RouteId::kOpenApi, {}},
      {"POST", "/v1/checks", RouteId::kCreateCheck, {}},
      {"POST", "/v1/checks?wait_ms=0", RouteId::kCreateCheck, {}},
      {"GET", "/v1/checks/12", RouteId::kGetCheck, {"12"}},
      {"GET", "/v1/checks/12/report.html", RouteId::kCheckHtml, {"12"}},
      {"GET", "/v1/checks/12/report.sarif", RouteId::kCheckSarif, {"12"}},
      {"GET", "/v1/checks/12/claimreview", RouteId::kCheckClaimReview, {"12"}},
      {"GET", "/v1/checks/12/claims/c3/claimreview", RouteId::kClaimReview, {"12", "c3"}},
      {"GET", "/v1/checks/a%20b", RouteId::kGetCheck, {"a b"}},
      {"POST", "/v1/claims:verify", RouteId::kVerifyClaim, {}},
      {"GET", "/v1/sources?url=https%3A%2F%2Fa.fr%2F", RouteId::kGetSource, {}},
      {"POST", "/v1/audits", RouteId::kCreateAudit, {}},
      {"GET", "/v1/audits/7", RouteId::kGetAudit, {"7"}},
  };
  for (const Case& c : cases) {
    RouteMatch m = MatchRoute(c.method, c.target);
    ASSERT_NE(m.route, nullptr) << c.method << " " << c.target;
    EXPECT_EQ(m.route->id, c.expected) << c.target;
    EXPECT_EQ(m.params, c.params) << c.target;
  }
}

// The query is decoded; the last value of a repeated key wins.
TEST(Router, DecodesTheQuery) {
  RouteMatch m = MatchRoute("GET", "/v1/sources?url=https%3A%2F%2Fa.fr%2Fx%3Fy%3D1&text=false&text=true");
  EXPECT_EQ(m.query, (std::map<std::string, std::string>{{"url", "https://a.fr/x?y=1"}, {"text", "true"}}));
}

// A known path with another method is "not allowed" (405 with Allow); an unknown path,
// an empty parameter or a trailing slash is no route (404); a target that is not a
// path is malformed (400).
TEST(Router, TellsUnknownPathsFromWrongMethodsAndBadTargets) {
  RouteMatch wrong = MatchRoute("DELETE", "/v1/checks/3");
  EXPECT_EQ(wrong.route, nullptr);
  EXPECT_TRUE(wrong.path_known);
  EXPECT_EQ(wrong.allow, "GET");
  EXPECT_EQ(MatchRoute("GET", "/v1/checks").allow, "POST");

  for (const char* target : {"/", "/v1", "/v1/checks/", "/v1/checks//report.html", "/v2/checks",
                             "/healthz/"}) {
    RouteMatch m = MatchRoute("GET", target);
    EXPECT_EQ(m.route, nullptr) << target;
    EXPECT_FALSE(m.path_known) << target;
    EXPECT_FALSE(m.bad_target) << target;
  }
  EXPECT_TRUE(MatchRoute("GET", "http://a.fr/healthz").bad_target);
  EXPECT_TRUE(MatchRoute("GET", "*").bad_target);
}

// Probes, metrics and the API description need no token; reading and writing do.
TEST(Router, PublicRoutesAreTheOperationalOnes) {
  for (const Route& r : Routes()) {
    const bool operational = !r.pattern.starts_with("/v1/") || r.pattern == "/v1/openapi.json";
    EXPECT_EQ(r.access == Access::kPublic, operational) << r.pattern;
    EXPECT_EQ(r.inline_ok, operational) << r.pattern;
    EXPECT_EQ(r.access == Access::kWrite, r.method == "POST") << r.pattern;
  }
}

}  // namespace
}  // namespace citecheck::server::internal
