// The Prometheus exposition of the server's metrics.
#include "server/internal/metrics.h"

#include <gtest/gtest.h>

namespace citecheck::server::internal {
namespace {

bool Has(const std::string& text, const std::string& line) {
  return text.find(line + "\n") != std::string::npos;
}

// Requests are counted by route and status, with a cumulative latency histogram
// whose +Inf bucket equals the count.
TEST(Metrics, RendersRequestCountersAndHistograms) {
  Metrics m;
  m.ObserveRequest("/v1/claims:verify", 200, 0.002);
  m.ObserveRequest("/v1/claims:verify", 200, 0.2);
  m.ObserveRequest("/v1/claims:verify", 400, 0.0001);
  const std::string text = m.Render({});
  const std::string ok = "route=\"/v1/claims:verify\",status=\"200\"";
  EXPECT_TRUE(Has(text, "# TYPE citecheck_http_requests_total counter")) << text;
  EXPECT_TRUE(Has(text, "citecheck_http_requests_total{" + ok + "} 2")) << text;
  EXPECT_TRUE(Has(text, "citecheck_http_requests_total{route=\"/v1/claims:verify\",status=\"400\"} 1"));
  EXPECT_TRUE(Has(text, "# TYPE citecheck_http_request_duration_seconds histogram"));
  EXPECT_TRUE(Has(text, "citecheck_http_request_duration_seconds_bucket{" + ok + ",le=\"0.001\"} 0"));
  EXPECT_TRUE(Has(text, "citecheck_http_request_duration_seconds_bucket{" + ok + ",le=\"0.0025\"} 1"));
  EXPECT_TRUE(Has(text, "citecheck_http_request_duration_seconds_bucket{" + ok + ",le=\"0.25\"} 2"));
  EXPECT_TRUE(Has(text, "citecheck_http_request_duration_seconds_bucket{" + ok + ",le=\"+Inf\"} 2"));
  EXPECT_TRUE(Has(text, "citecheck_http_request_duration_seconds_count{" + ok + "} 2"));
  EXPECT_TRUE(Has(text, "citecheck_http_request_duration_seconds_sum{" + ok + "} 0.202"));
}

// Fetches by outcome, cache lookups by result, finished checks by state, and the
// gauges the server passes in.
TEST(Metrics, RendersFetchesCacheChecksAndGauges) {
  Metrics m;
  m.CountFetch("ok");
  m.CountFetch("ok");
  m.CountFetch("http_error");
  m.CountCacheLookup(true);
  m.CountCacheLookup(false);
  m.CountCacheLookup(true);
  m.CountCheckFinished("done");
  const std::string text = m.Render({{"citecheck_check_queue_depth", "Checks waiting.", 4}});
  EXPECT_TRUE(Has(text, "citecheck_fetches_total{outcome=\"ok\"} 2")) << text;
  EXPECT_TRUE(Has(text, "citecheck_fetches_total{outcome=\"http_error\"} 1"));
  EXPECT_TRUE(Has(text, "citecheck_source_cache_requests_total{result=\"hit\"} 2"));
  EXPECT_TRUE(Has(text, "citecheck_source_cache_requests_total{result=\"miss\"} 1"));
  EXPECT_TRUE(Has(text, "citecheck_checks_finished_total{state=\"done\"} 1"));
  EXPECT_TRUE(Has(text, "# HELP citecheck_check_queue_depth Checks waiting."));
  EXPECT_TRUE(Has(text, "# TYPE citecheck_check_queue_depth gauge"));
  EXPECT_TRUE(Has(text, "citecheck_check_queue_depth 4"));
}

}  // namespace
}  // namespace citecheck::server::internal
