// Retry decisions, Retry-After, backoff and the per-host breaker.
#include "crawler/internal/retry.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ctime>
#include <string>

namespace citecheck::crawler::internal {
namespace {

constexpr int64_t kMicrosPerSecond = 1000000;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

RetryCause RetryCauseOf(FetchOutcome outcome, int status) {
  switch (outcome) {
    case FetchOutcome::kTimeout:
    case FetchOutcome::kConnectError: return RetryCause::kNetwork;
    case FetchOutcome::kHttpError:
      if (status == 429) return RetryCause::kRateLimited;
      // 501 and 505 say what the server cannot do; asking again will not change it.
      if (status >= 500 && status <= 599 && status != 501 && status != 505) {
        return RetryCause::kServerError;
      }
      return RetryCause::kNone;
    default: return RetryCause::kNone;
  }
}

std::optional<int64_t> ParseHttpDate(std::string_view value) {
  // strptime needs a NUL-terminated string; the formats are those of RFC 9110
  // section 5.6.7, all in GMT.
  const std::string text(Trim(value));
  static constexpr const char* kFormats[] = {"%a, %d %b %Y %H:%M:%S GMT",
                                             "%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"};
  for (const char* format : kFormats) {
    std::tm tm{};
    const char* end = strptime(text.c_str(), format, &tm);
    if (end != nullptr && *end == '\0') return static_cast<int64_t>(timegm(&tm));
  }
  return std::nullopt;
}

std::optional<int64_t> RetryAfterMicros(std::string_view value, int64_t now_micros) {
  value = Trim(value);
  int64_t seconds = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec == std::errc() && end == value.data() + value.size() && seconds >= 0) {
    return seconds * kMicrosPerSecond;
  }
  std::optional<int64_t> date = ParseHttpDate(value);
  if (!date) return std::nullopt;
  return std::max<int64_t>(0, *date * kMicrosPerSecond - now_micros);
}

int64_t BackoffMicros(int retry, int64_t base_micros, int64_t cap_micros, double u) {
  const int shift = std::clamp(retry - 1, 0, 40);
  const double full = std::min(static_cast<double>(cap_micros),
                               static_cast<double>(base_micros) * std::ldexp(1.0, shift));
  u = std::clamp(u, 0.0, 1.0);
  return static_cast<int64_t>(full / 2 + u * full / 2);
}

HostBreaker::HostBreaker(int threshold, int64_t cooldown_micros)
    : threshold_(threshold), cooldown_micros_(cooldown_micros) {}

bool HostBreaker::Allows(std::string_view host, int64_t now) const {
  if (threshold_ < 1) return true;
  auto it = hosts_.find(host);
  return it == hosts_.end() || it->second.failures < threshold_ || now >= it->second.open_until;
}

void HostBreaker::OnSuccess(std::string_view host) {
  auto it = hosts_.find(host);
  if (it != hosts_.end()) hosts_.erase(it);
}

void HostBreaker::OnFailure(std::string_view host, int64_t now) {
  if (threshold_ < 1) return;
  auto it = hosts_.find(host);
  if (it == hosts_.end()) it = hosts_.emplace(std::string(host), State{}).first;
  State& state = it->second;
  ++state.failures;
  if (state.failures >= threshold_) state.open_until = now + cooldown_micros_;
}

int HostBreaker::failures(std::string_view host) const {
  auto it = hosts_.find(host);
  return it == hosts_.end() ? 0 : it->second.failures;
}

}  // namespace citecheck::crawler::internal
