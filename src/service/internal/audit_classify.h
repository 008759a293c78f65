// How an audit classes one URL: from its fetch, its previous result and the settings,
// the state (ok, redirected, failing, dead, soft404, blocked, drifted, error), the
// failure count towards confirmation, the URL to cite instead, and whether the text
// changed. Pure functions, so that every rule is tested without a network.
#ifndef CITECHECK_SERVICE_INTERNAL_AUDIT_CLASSIFY_H_
#define CITECHECK_SERVICE_INTERNAL_AUDIT_CLASSIFY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/config.h"
#include "crawler/crawler.h"
#include "store/store.h"
#include "text/text.h"

namespace citecheck::service::internal {

// What is known about one URL when its fetch is final.
struct AuditFacts {
  std::string content_sha256;  // of the text (or body) read now, "" when nothing was
  std::optional<store::AuditUrlRecord> previous;  // its result in the last run before
  std::string published_sha256;                   // at publication, "" when unknown
  int64_t now_micros = 0;
};

// True for a page an anti-bot wall serves instead of the content (a CAPTCHA, a
// browser check), told by its phrases in the first 4 KiB of an error response, or in
// the title of a served page: such a source is blocked, not dead.
bool IsAntiBotPage(const crawler::FetchResult& fetch);

// The result record of `fetch` (run_id and archive fields left to the caller):
//  - blocked: robots.txt forbids it, 401, 403, 429 (after the waits), 999, anti-bot;
//  - soft404: a success that says "not found";
//  - 404, 410, DNS or connection failure, redirect loop: a failure that counts when it
//    comes at least audit.confirm_spacing_hours after the last one that counted (the
//    first always counts); "dead" from audit.confirm_failures counted failures on,
//    "failing" before; any success resets the count;
//  - error: any other failure (5xx after retries, timeout, TLS...);
//  - redirected: alive through a permanent redirect (301, 308), final URL proposed;
//  - drifted: alive, and the text differs from the last one read (previous run, else
//    publication); ok otherwise.
// content_sha256 is the text read now, else the one last read (carried over), so
// that drift is always measured against the last text seen.
store::AuditUrlRecord ClassifyAuditUrl(const crawler::FetchResult& fetch, const AuditFacts& facts,
                                       const common::Config& config);

// Micros since the epoch of a parsed date (a kDate quantity; unknown month or day
// taken as 1); nullopt for anything else.
std::optional<int64_t> DateMicros(const std::optional<text::Quantity>& date);

}  // namespace citecheck::service::internal

#endif  // CITECHECK_SERVICE_INTERNAL_AUDIT_CLASSIFY_H_
