// verify: does the cited source back the claim? Verdicts, integrity, reliability.
//
// The Verifier takes a claim and the sources it may be checked against, retrieves
// passages from the index, and decides:
//   supported     the source states the same figure (within the claim's precision and
//                 qualifier, or a figure it derives from exactly, such as the complement
//                 100 - x with the polarity flipped) about the same thing;
//   contradicted  the source states a different figure about the same thing;
//   not_found     the source was read and nothing in it backs the claim;
//   unverifiable  no source could be read (dead, blocked, not fetched, no URL).
// A figure alone never supports a claim: enough of the claim's context words must
// stand in the same passage. Every verdict carries its evidence (passage text, URL,
// offsets into the source's extracted text) or the reason there is none, and a
// support score in [0, 1] (>= 0.5 exactly when supported).
//
// verify does no I/O: it reads an index::Index the caller filled.
//
//   verify::Verifier verifier(*index, config.verify);
//   verify::Verdict v = verifier.Verify(claim, sources, draft.lang);
//
// Thread-safety: a Verifier is as thread-safe as the Index it reads (not at all).
#ifndef CITECHECK_VERIFY_VERIFY_H_
#define CITECHECK_VERIFY_VERIFY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/config.h"
#include "draft/draft.h"
#include "index/index.h"
#include "text/text.h"

namespace citecheck::verify {

enum class VerdictKind { kSupported = 0, kContradicted, kNotFound, kUnverifiable };

// "supported", "contradicted", "not_found", "unverifiable".
std::string_view VerdictName(VerdictKind kind);

// One source a claim may be checked against, as the pipeline found it.
struct SourceState {
  int index = -1;         // into Draft::sources
  std::string url;        // normalized; "" when the entry gives none
  bool cited = false;     // the claim is attributed to it
  bool readable = false;  // fetched, extracted and indexed
  std::string reason;     // why not readable: "DNS failure: could not resolve host x"
  bool operator==(const SourceState&) const = default;
};

struct Evidence {
  std::string url;
  std::string text;          // the passage
  size_t start = 0;          // byte offsets of the passage in the source's text
  size_t end = 0;
  double score = 0;          // how well it matches the claim, in [0, 1]
  std::string figure;        // the figure in the passage that decided, as written
  size_t figure_start = 0;   // its byte offsets in the source's text (0, 0 if none)
  size_t figure_end = 0;
  bool operator==(const Evidence&) const = default;
};

struct Verdict {
  std::string claim_id;
  VerdictKind kind = VerdictKind::kNotFound;
  double support = 0;               // in [0, 1]; >= 0.5 exactly when kSupported
  std::vector<Evidence> evidence;   // best first; empty when nothing was read
  std::string reason;               // why this verdict, for people (English)
  int source = -1;                  // the source that decided, or -1
  std::string derivation;           // "" or how a derived figure matched ("complement")
  bool operator==(const Verdict&) const = default;
};

class Verifier {
 public:
  // `index` must outlive the Verifier.
  Verifier(const index::Index& index, const common::VerifyConfig& config);

  // Verifies `claim` against `sources` (the cited ones first). Sources that are not
  // readable only explain an unverifiable verdict. Index errors make the verdict
  // unverifiable with the error as reason.
  Verdict Verify(const draft::Claim& claim, const std::vector<SourceState>& sources,
                 text::Lang lang) const;

 private:
  const index::Index& index_;
  const common::VerifyConfig config_;
};

// ---------------------------------------------------------------------------------
// Integrity: the share of check-worthy claims the cited sources support.

struct Tally {
  int supported = 0;
  int contradicted = 0;
  int not_found = 0;
  int unverifiable = 0;
  int total() const { return supported + contradicted + not_found + unverifiable; }
  // supported / total, or 1 when there is nothing to check. Unverifiable claims count
  // against the score: a claim nobody can check is not backed.
  double score() const;
  bool operator==(const Tally&) const = default;
};

struct Integrity {
  Tally overall;
  std::vector<Tally> per_source;   // by Draft::sources index: claims attributed to it
  std::vector<Tally> per_section;  // by Draft::sections index: claims first stated there
  Tally unattributed;              // claims attributed to no source
  bool operator==(const Integrity&) const = default;
};

// REQUIRES: verdicts[i] is the verdict of claims[i].
Integrity ComputeIntegrity(const draft::Draft& draft, const std::vector<draft::Claim>& claims,
                           const std::vector<Verdict>& verdicts);

// ---------------------------------------------------------------------------------
// Source reliability: a 0-10 rating with its reasons, next to the declared one.

struct SourceFacts {
  std::string url;                // as cited
  std::string final_url;          // after redirects
  bool fetched = false;           // a 2xx response with a readable body
  std::string failure;            // why not, when !fetched
  bool soft_404 = false;          // a 200 that says "not found", or a redirect home
  bool has_author = false;
  bool has_date = false;
  std::string published;          // ISO date, or ""
  std::string draft_date;         // the draft's date (front matter), ISO, or ""
  int claims_attributed = 0;
  int claims_supported = 0;
  int claims_contradicted = 0;
  bool operator==(const SourceFacts&) const = default;
};

struct Reliability {
  double score = 0;                  // 0..10, one decimal
  std::string publisher_type;        // "public_body", "academic", "press", "blog", "unknown"...
  std::vector<std::string> reasons;  // each "+1 served over HTTPS" / "-2 listing page"...
  bool operator==(const Reliability&) const = default;
};

// True when the URL's path looks like a listing or home page rather than one document:
// "/", "/fr/actualites/", "/news/", "/blog/", "/category/x/", "/tag/y".
bool IsListingUrl(std::string_view url);

Reliability RateSource(const SourceFacts& facts);

}  // namespace citecheck::verify

#endif  // CITECHECK_VERIFY_VERIFY_H_
