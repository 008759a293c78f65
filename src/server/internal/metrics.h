// What /metrics reports, in the Prometheus text exposition format (version 0.0.4):
//
//   citecheck_http_requests_total{route, status}          counter
//   citecheck_http_request_duration_seconds{route, status} histogram
//   citecheck_fetches_total{outcome}                       counter
//   citecheck_source_cache_requests_total{result}          counter (hit | miss)
//   citecheck_checks_finished_total{state}                 counter (done | failed)
//   plus the gauges the caller passes to Render (queue depth, running checks...).
//
// Routes are the route patterns ("/v1/checks/{id}"), never raw paths, so that the
// number of series stays bounded; unknown paths count as "other".
//
// Thread-safety: every method may be called from any thread.
#ifndef CITECHECK_SERVER_INTERNAL_METRICS_H_
#define CITECHECK_SERVER_INTERNAL_METRICS_H_

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace citecheck::server::internal {

struct Gauge {
  std::string name;  // "citecheck_check_queue_depth"
  std::string help;
  double value = 0;
};

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds (+Inf is implicit).
  static constexpr std::array<double, 14> kBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 60};

  void ObserveRequest(std::string_view route, int status, double seconds);
  void CountFetch(std::string_view outcome);
  void CountCacheLookup(bool hit);
  void CountCheckFinished(std::string_view state);

  // The exposition text, with `gauges` appended.
  std::string Render(const std::vector<Gauge>& gauges) const;

 private:
  struct Histogram {
    std::array<uint64_t, kBuckets.size() + 1> counts{};  // last: above every bound
    double sum = 0;
    uint64_t count = 0;
  };

  mutable std::mutex mu_;
  std::map<std::pair<std::string, int>, Histogram> requests_;  // guarded by mu_
  std::map<std::string, uint64_t, std::less<>> fetches_;                    // guarded by mu_
  std::map<std::string, uint64_t, std::less<>> checks_;                     // guarded by mu_
  uint64_t cache_hits_ = 0;                                                 // guarded by mu_
  uint64_t cache_misses_ = 0;                                               // guarded by mu_
};

}  // namespace citecheck::server::internal

#endif  // CITECHECK_SERVER_INTERNAL_METRICS_H_
