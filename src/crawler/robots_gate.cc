// RobotsGate: one robots.txt per origin, and the requests waiting for it.
#include "crawler/internal/robots_gate.h"

#include <utility>

namespace citecheck::crawler::internal {

std::string OriginOf(std::string_view url) {
  const size_t scheme = url.find("://");
  const size_t start = scheme == std::string_view::npos ? 0 : scheme + 3;
  return std::string(url.substr(0, url.find_first_of("/?#", start)));
}

RobotsGate::RobotsGate(std::string product_token, int64_t cache_micros, int64_t unreachable_micros)
    : product_token_(std::move(product_token)),
      cache_micros_(cache_micros),
      unreachable_micros_(unreachable_micros) {}

RobotsGate::Decision RobotsGate::Admit(const FetchUrl& url, size_t job, int64_t now) {
  const std::string key = OriginOf(url.url);
  const std::string robots_url = key + "/robots.txt";
  if (url.url == robots_url) return {};  // robots.txt itself is always allowed
  auto it = origins_.find(key);
  if (it == origins_.end()) it = origins_.emplace(key, Origin{}).first;
  Origin& origin = it->second;
  if (origin.known && now >= origin.expires) origin = Origin{};  // stale: fetch again
  if (!origin.known) {
    origin.held.push_back(job);
    if (origin.fetching) return {Admission::kHeld, "", "", {}};
    origin.fetching = true;
    return {Admission::kFetchRobots, robots_url, "", {}};
  }
  if (origin.failure) return {Admission::kFailed, "", "", *origin.failure};
  const RobotsVerdict verdict = origin.rules.Check(RobotsPathOf(url.url));
  if (verdict.allowed) return {};
  return {Admission::kDisallowed, "", "disallowed by " + robots_url + ": " + verdict.rule, {}};
}

void RobotsGate::Learn(Origin& origin, std::string_view robots_url, const FetchResult& result,
                       int64_t now) {
  origin.expires = now + cache_micros_;
  if (result.outcome == FetchOutcome::kOk) {
    origin.rules = RobotsRules::Parse(result.body, product_token_);
    return;
  }
  const bool unreachable = (result.outcome == FetchOutcome::kHttpError &&
                            (result.status == 429 || result.status >= 500)) ||
                           result.outcome == FetchOutcome::kTooLarge;
  if (unreachable) {
    origin.expires = now + unreachable_micros_;
    const std::string what =
        result.status != 0 ? "answered HTTP " + std::to_string(result.status) : "is too large";
    origin.rules = RobotsRules::DisallowAll(
        std::string(robots_url) + " " + what +
        ", so the whole site is off limits for now (RFC 9309 section 2.3.1.4)");
    return;
  }
  // 4xx ("unavailable"), too many redirects, or a redirect target that could not be
  // reached: the origin itself answered, and no rules are known.
  const bool origin_answered = result.outcome == FetchOutcome::kHttpError ||
                               result.outcome == FetchOutcome::kTooManyRedirects ||
                               !result.redirects.empty();
  if (origin_answered) return;
  origin.expires = now + unreachable_micros_;
  origin.failure = FetchFailure{result.outcome, "could not fetch " + std::string(robots_url) +
                                                    ": " + result.error};
}

std::vector<size_t> RobotsGate::Resolve(std::string_view robots_url, const FetchResult& result,
                                        int64_t now) {
  auto it = origins_.find(OriginOf(robots_url));
  if (it == origins_.end()) return {};
  Origin& origin = it->second;
  origin.known = true;
  origin.fetching = false;
  origin.rules = RobotsRules();
  origin.failure.reset();
  Learn(origin, robots_url, result, now);
  return std::exchange(origin.held, {});
}

std::optional<double> RobotsGate::CrawlDelaySeconds(std::string_view robots_url) const {
  auto it = origins_.find(OriginOf(robots_url));
  if (it == origins_.end() || !it->second.known) return std::nullopt;
  return it->second.rules.crawl_delay_seconds();
}

void RobotsGate::DropHeld() {
  for (auto it = origins_.begin(); it != origins_.end();) {
    it->second.held.clear();
    // An origin whose fetch never finished is forgotten, so the next call fetches it.
    it = it->second.known ? std::next(it) : origins_.erase(it);
  }
}

}  // namespace citecheck::crawler::internal
