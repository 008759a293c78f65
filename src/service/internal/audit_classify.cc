#include "service/internal/audit_classify.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <ctime>

namespace citecheck::service::internal {
namespace {

using crawler::FetchOutcome;
using crawler::LinkClass;

constexpr int64_t kMicrosPerHour = int64_t{3600} * 1000000;

// Phrases of the walls the common anti-bot services put up; looked for in the first
// 4 KiB of a page only, where their titles and headings are.
constexpr std::array<std::string_view, 7> kAntiBotMarkers = {"captcha",
                                                             "are you a robot",
                                                             "are you a human",
                                                             "just a moment...",
                                                             "attention required! | cloudflare",
                                                             "access denied",
                                                             "cf-chl-"};
constexpr size_t kAntiBotWindow = 4096;

std::string LowerPrefix(std::string_view s, size_t n) {
  std::string out(s.substr(0, std::min(n, s.size())));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsBlockingStatus(int status) {
  return status == 401 || status == 403 || status == 429 || status == 999;
}

// Failures that may mean the page is gone for good, and so are confirmed over time.
bool IsDeadCandidate(const crawler::FetchResult& f, LinkClass c) {
  return c == LinkClass::kDead || c == LinkClass::kLoop || f.outcome == FetchOutcome::kDnsError ||
         f.outcome == FetchOutcome::kConnectError;
}

bool IsPermanentMove(const crawler::FetchResult& f) {
  return std::any_of(f.redirects.begin(), f.redirects.end(), [](const crawler::RedirectHop& h) {
    return h.status == 301 || h.status == 308;
  });
}

std::string Detail(const crawler::FetchResult& f) {
  if (f.soft_404) return "soft 404: " + f.soft_404_reason;
  if (!f.error.empty()) return f.error;
  return f.status > 0 ? "HTTP " + std::to_string(f.status) : "";
}

// Counts the failure of `u` against the previous result, and names the state.
void CountFailure(store::AuditUrlRecord& u, const AuditFacts& facts,
                  const common::AuditConfig& config) {
  const int before = facts.previous ? facts.previous->failures : 0;
  const int64_t last = facts.previous ? facts.previous->last_failure_micros : 0;
  const int64_t spacing = config.confirm_spacing_hours * kMicrosPerHour;
  if (before == 0 || facts.now_micros - last >= spacing) {
    u.failures = before + 1;
    u.last_failure_micros = facts.now_micros;
  } else {
    u.failures = before;  // too soon after the last counted failure
    u.last_failure_micros = last;
  }
  u.state = u.failures >= config.confirm_failures ? "dead" : "failing";
}

// The state of a success: redirected, drifted or ok; sets changed.
void ClassifyAlive(store::AuditUrlRecord& u, const crawler::FetchResult& f,
                   const AuditFacts& facts) {
  std::string baseline = facts.published_sha256;
  if (facts.previous && !facts.previous->content_sha256.empty()) {
    baseline = facts.previous->content_sha256;
  }
  if (!baseline.empty() && !facts.content_sha256.empty()) {
    u.changed = baseline != facts.content_sha256 ? 1 : 0;
  }
  if (IsPermanentMove(f)) {
    u.state = "redirected";
    u.proposed_url = f.final_url;
  } else {
    u.state = u.changed == 1 ? "drifted" : "ok";
  }
}

}  // namespace

bool IsAntiBotPage(const crawler::FetchResult& f) {
  if (f.body.empty()) return false;
  std::string head = LowerPrefix(f.body, kAntiBotWindow);
  // A page that was served (2xx) may well discuss CAPTCHAs: only its title counts.
  if (f.status < 400) {
    const size_t open = head.find("<title");
    const size_t close = head.find("</title>");
    if (open == std::string::npos || close == std::string::npos || close < open) return false;
    head = head.substr(open, close - open);
  }
  return std::any_of(kAntiBotMarkers.begin(), kAntiBotMarkers.end(),
                     [&head](std::string_view m) { return head.find(m) != std::string::npos; });
}

std::optional<int64_t> DateMicros(const std::optional<text::Quantity>& q) {
  if (!q || q->kind != text::QuantityKind::kDate) return std::nullopt;
  const auto v = static_cast<int64_t>(q->value);
  std::tm tm{};
  tm.tm_year = static_cast<int>(v / 10000) - 1900;
  tm.tm_mon = std::max(1, static_cast<int>(v / 100 % 100)) - 1;
  tm.tm_mday = std::max(1, static_cast<int>(v % 100));
  if (tm.tm_year < 0) return std::nullopt;
  return static_cast<int64_t>(::timegm(&tm)) * 1000000;
}

store::AuditUrlRecord ClassifyAuditUrl(const crawler::FetchResult& f, const AuditFacts& facts,
                                       const common::Config& config) {
  store::AuditUrlRecord u;
  u.url = f.url;
  const LinkClass c = crawler::ClassifyLink(f, config.crawler.slow_ms);
  u.link_class = std::string(crawler::LinkClassName(c));
  u.status = f.status;
  u.final_url = f.final_url;
  u.detail = Detail(f);
  u.checked_at_micros = facts.now_micros;
  u.previous_state = facts.previous ? facts.previous->state : "";
  u.content_sha256 = facts.content_sha256;
  if (u.content_sha256.empty() && facts.previous) u.content_sha256 = facts.previous->content_sha256;
  if (c == LinkClass::kRobotsDisallowed || IsBlockingStatus(f.status) || IsAntiBotPage(f)) {
    u.state = "blocked";
  } else if (c == LinkClass::kSoft404) {
    u.state = "soft404";
  } else if (IsDeadCandidate(f, c)) {
    CountFailure(u, facts, config.audit);
  } else if (crawler::IsBrokenLink(c)) {
    u.state = "error";
  } else {
    ClassifyAlive(u, f, facts);
  }
  return u;
}

}  // namespace citecheck::service::internal
