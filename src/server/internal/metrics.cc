#include "server/internal/metrics.h"

#include <algorithm>
#include <sstream>

namespace citecheck::server::internal {
namespace {

// Label values are ours (route patterns, outcome names), but escape them as the format
// asks anyway: a backslash, a double quote and a newline.
std::string Escape(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

void Header(std::ostringstream& out, std::string_view name, std::string_view type,
            std::string_view help) {
  out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << ' ' << type << '\n';
}

void Counters(std::ostringstream& out, std::string_view name, std::string_view label,
              const std::map<std::string, uint64_t, std::less<>>& values) {
  for (const auto& [value, n] : values) {
    out << name << '{' << label << "=\"" << Escape(value) << "\"} " << n << '\n';
  }
}

}  // namespace

void Metrics::ObserveRequest(std::string_view route, int status, double seconds) {
  const size_t bucket =
      std::lower_bound(kBuckets.begin(), kBuckets.end(), seconds) - kBuckets.begin();
  std::lock_guard<std::mutex> lock(mu_);
  Histogram& h = requests_[std::make_pair(std::string(route), status)];
  ++h.counts[bucket];
  h.sum += seconds;
  ++h.count;
}

void Metrics::CountFetch(std::string_view outcome) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = fetches_.find(outcome);
  if (it == fetches_.end()) it = fetches_.emplace(std::string(outcome), 0).first;
  ++it->second;
}

void Metrics::CountCacheLookup(bool hit) {
  std::lock_guard<std::mutex> lock(mu_);
  ++(hit ? cache_hits_ : cache_misses_);
}

void Metrics::CountCheckFinished(std::string_view state) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = checks_.find(state);
  if (it == checks_.end()) it = checks_.emplace(std::string(state), 0).first;
  ++it->second;
}

std::string Metrics::Render(const std::vector<Gauge>& gauges) const {
  std::ostringstream out;
  std::lock_guard<std::mutex> lock(mu_);
  Header(out, "citecheck_http_requests_total", "counter", "HTTP requests answered.");
  for (const auto& [key, h] : requests_) {
    out << "citecheck_http_requests_total{route=\"" << Escape(key.first) << "\",status=\""
        << key.second << "\"} " << h.count << '\n';
  }
  Header(out, "citecheck_http_request_duration_seconds", "histogram",
         "Time from a request's arrival to its response, in seconds.");
  for (const auto& [key, h] : requests_) {
    const std::string labels =
        "route=\"" + Escape(key.first) + "\",status=\"" + std::to_string(key.second) + "\"";
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.counts[i];
      out << "citecheck_http_request_duration_seconds_bucket{" << labels << ",le=\""
          << kBuckets[i] << "\"} " << cumulative << '\n';
    }
    out << "citecheck_http_request_duration_seconds_bucket{" << labels << ",le=\"+Inf\"} "
        << h.count << '\n';
    out << "citecheck_http_request_duration_seconds_sum{" << labels << "} " << h.sum << '\n';
    out << "citecheck_http_request_duration_seconds_count{" << labels << "} " << h.count
        << '\n';
  }
  Header(out, "citecheck_fetches_total", "counter", "Source fetches, by outcome.");
  Counters(out, "citecheck_fetches_total", "outcome", fetches_);
  Header(out, "citecheck_source_cache_requests_total", "counter",
         "Lookups of the indexed-source cache, by result.");
  out << "citecheck_source_cache_requests_total{result=\"hit\"} " << cache_hits_ << '\n';
  out << "citecheck_source_cache_requests_total{result=\"miss\"} " << cache_misses_ << '\n';
  Header(out, "citecheck_checks_finished_total", "counter", "Checks finished, by state.");
  Counters(out, "citecheck_checks_finished_total", "state", checks_);
  for (const Gauge& g : gauges) {
    Header(out, g.name, "gauge", g.help);
    out << g.name << ' ' << g.value << '\n';
  }
  return out.str();
}

}  // namespace citecheck::server::internal
