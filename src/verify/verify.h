// verify: does the cited source back the claim? Verdicts, integrity, reliability,
// rewrites.
//
// The Verifier takes a claim and the sources it may be checked against, reads each
// source's passages from the index, and decides:
//   supported     for a claim with a figure: a passage states the same figure (within
//                 the claim's precision and qualifier, in any unit or scale), or one it
//                 derives from exactly (the complement 100 - x with the polarity flipped,
//                 parts that add up to it), next to the words that say what it counts
//                 and in a statement of the same kind (a plan is no achievement, a rise
//                 no fall); for a statement without a figure: its wording, weighted by
//                 rarity with names counting more, stands in one to three neighbouring
//                 passages well enough for the fitted support score to reach 0.5, and no
//                 such passage says the opposite;
//   contradicted  a different figure about the same thing, the same figure in a negated
//                 sentence, or a statement the source negates, denies or reverses;
//   not_found     the source was read and nothing in it backs the claim;
//   unverifiable  no source could be read (dead, blocked, not fetched, no URL).
// Every verdict carries its evidence (passage text, URL, offsets into the source's
// extracted text) or the reason there is none, and a support score in [0, 1] (>= 0.5
// exactly when supported).
//
// verify does no I/O: it reads an index::Index the caller filled.
//
//   verify::Verifier verifier(*index, config.verify);
//   verify::Verdict v = verifier.Verify(claim, sources, draft.lang);
//
// Thread-safety: a Verifier is as thread-safe as the Index it reads (not at all).
#ifndef CITECHECK_VERIFY_VERIFY_H_
#define CITECHECK_VERIFY_VERIFY_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/config.h"
#include "common/status.h"
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
  std::string text;  // the passage
  size_t start = 0;  // byte offsets of the passage in the source's text
  size_t end = 0;
  double score = 0;         // how well it matches the claim, in [0, 1]
  std::string figure;       // the figure in the passage that decided, as written
  size_t figure_start = 0;  // its byte offsets in the source's text (0, 0 if none)
  size_t figure_end = 0;
  bool operator==(const Evidence&) const = default;
};

// The measures the support score of a claim without a figure is computed from, for
// the source that decided. Coverages are weighted shares of the claim's content terms
// (each weighted by its rarity in the source, names more).
struct Signals {
  double window = 0;        // in the best window of one to three passages
  double greedy = 0;        // in the three passages that together hold most of them
  double source = 0;        // anywhere in the source
  double names = 1;         // share of the claim's names (capitalized words) in the source
  double missing = 0;       // log(1 + claim terms the source never uses)
  double terms = 0;         // log(1 + claim terms)
  double conflict = 0;      // 1: the best window negates, denies or reverses the claim
  double passage = 0;       // in the best single passage
  double names_window = 1;  // share of the claim's names in the best window
  double max_missing = 0;   // weight share of the heaviest claim term the source lacks
  // The figures and dates of the claim's sentence (none for most statements):
  double figures = 0;         // log(1 + how many)
  double figures_absent = 0;  // share the source states nowhere
  double figures_far = 0;     // share not stated in the best window or next to it
  bool operator==(const Signals&) const = default;
};

// A verdict other than supported reports its reading's score times this (halved when
// contradicted): under 0.5, and in the order of the scores, so that what is not backed
// still ranks by how near the source comes to it.
inline constexpr double kNotSupportedScale = 0.49;

struct Verdict {
  std::string claim_id;
  VerdictKind kind = VerdictKind::kNotFound;
  // In [0, 1]; >= 0.5 exactly when kSupported. Otherwise 0.49 times the reading's score
  // (halved when contradicted in words), or a figure conflict's 0.25 * (1 - its context).
  double support = 0;
  std::vector<Evidence> evidence;  // best first; empty when nothing was read
  std::string reason;              // why this verdict, for people (English)
  int source = -1;                 // the source that decided, or -1
  std::string derivation;          // "" or how a derived figure matched: "complement", "sum"
  Signals signals;                 // what the support score was computed from
  bool operator==(const Verdict&) const = default;
};

class Verifier {
 public:
  // `index` must outlive the Verifier. The Verifier reads each source's passages from
  // the index once and keeps them: REQUIRES the sources it reads not to change in the
  // index while it lives.
  Verifier(const index::Index& index, const common::VerifyConfig& config);
  Verifier(const Verifier&) = delete;
  Verifier& operator=(const Verifier&) = delete;
  ~Verifier();

  // Verifies `claim` against `sources` (the cited ones first). Sources that are not
  // readable only explain an unverifiable verdict. Index errors make the verdict
  // unverifiable with the error as reason.
  Verdict Verify(const draft::Claim& claim, const std::vector<SourceState>& sources,
                 text::Lang lang) const;

 private:
  struct Cache;  // the sources read so far

  const index::Index& index_;
  const common::VerifyConfig config_;
  const std::unique_ptr<Cache> cache_;
};

// ---------------------------------------------------------------------------------
// Integrity: the share of check-worthy claims the cited sources support.

struct Tally {
  int supported = 0;
  int contradicted = 0;
  int not_found = 0;
  int unverifiable = 0;
  int total() const { return supported + contradicted + not_found + unverifiable; }
  // The count of claims with verdict `kind`.
  int count(VerdictKind kind) const;
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
  std::string url;        // as cited
  std::string final_url;  // after redirects
  bool fetched = false;   // a 2xx response with a readable body
  std::string failure;    // why not, when !fetched
  bool soft_404 = false;  // a 200 that says "not found", or a redirect home
  bool has_author = false;
  bool has_date = false;
  std::string published;   // ISO date, or ""
  std::string draft_date;  // the draft's date (front matter), ISO, or ""
  int claims_attributed = 0;
  int claims_supported = 0;
  int claims_contradicted = 0;
  bool operator==(const SourceFacts&) const = default;
};

struct Reliability {
  double score = 0;                  // 0..10, one decimal
  std::string publisher_type;        // "public_body", "academic", "press", "blog", "unknown"...
  std::string publisher;             // the publisher's name when listed ("Insee"), or ""
  std::vector<std::string> reasons;  // each "+1 served over HTTPS" / "-2 listing page"...
  bool operator==(const Reliability&) const = default;
};

// True when the URL's path looks like a listing or home page rather than one document:
// "/", "/fr/actualites/", "/news/", "/blog/", "/category/x/", "/tag/y".
bool IsListingUrl(std::string_view url);

// A publisher known by its host (data/publishers.toml).
struct Publisher {
  std::string host;  // "insee.fr", or a host and a path prefix: "ec.europa.eu/eurostat"
  std::string type;  // "public_body", "statistics_office", "academic", "press",
                     // "company", "blog" or "unknown"
  std::string name;  // "Insee"
  bool operator==(const Publisher&) const = default;
};

// Parses a publishers file: [[publisher]] tables with string keys host, type, name.
// Errors: kInvalidArgument naming `origin` and the line (TOML syntax, a missing key, an
// unknown type or key).
common::Result<std::vector<Publisher>> ParsePublishers(std::string_view toml,
                                                       std::string_view origin);

// The list compiled into citecheck from data/publishers.toml.
const std::vector<Publisher>& BuiltinPublishers();

// The most specific entry of `publishers` whose host (and path) the URL falls under,
// later entries winning ties (so that a user's file, appended, overrides). Hosts
// match on label boundaries: "gouv.fr" matches "www.stats.gouv.fr", not "ungouv.fr".
// Null when none does.
const Publisher* FindPublisher(std::string_view url, const std::vector<Publisher>& publishers);

// Rates a source, its publisher looked up in `publishers`.
Reliability RateSource(const SourceFacts& facts, const std::vector<Publisher>& publishers);

// The same with BuiltinPublishers().
Reliability RateSource(const SourceFacts& facts);

// ---------------------------------------------------------------------------------
// Rewrites: what a new version of a draft kept, changed, dropped and added.
//
// Each version is checked against the other's prose as if it were a source, with the
// same Verifier: a fact of the rewrite that the original states is kept, one that
// follows from what it states (a complement with the polarity flipped, parts that add
// up) is derived, one the original states with another figure is changed, one it does
// not state at all is added; a fact of the original that the rewrite no longer states
// is dropped.

enum class FactChangeKind { kKept = 0, kDerived, kChanged, kAdded, kDropped };

// "kept", "derived", "changed", "added", "dropped".
std::string_view FactChangeName(FactChangeKind kind);

struct FactChange {
  FactChangeKind kind = FactChangeKind::kKept;
  std::string original_id;      // the claim in the original ("" when added)
  std::string rewrite_id;       // the claim in the rewrite ("" when dropped)
  std::string original_figure;  // as the original writes it, or ""
  std::string rewrite_figure;   // as the rewrite writes it, or ""
  draft::Range original_range;  // first mention of each, when there is one
  draft::Range rewrite_range;
  std::string derivation;  // how a derived figure follows: "complement", "sum"
  std::string reason;      // for people (English)
  bool operator==(const FactChange&) const = default;
};

struct SourceChange {
  std::string kind;    // "dropped", "added", or "placeholder" (a stand-in for sources)
  std::string name;    // the entry's name, or the placeholder's text
  std::string url;     // "" for placeholders and entries without a URL
  draft::Range range;  // in the original for dropped sources, else in the rewrite
  bool operator==(const SourceChange&) const = default;
};

struct Comparison {
  std::vector<FactChange> facts;  // the original's facts in order, then the rewrite's new ones
  std::vector<SourceChange> sources;
  // The rewrite's facts as verdicts against the original: supported (kept or
  // derived, with at least one of the original's sources for it still listed),
  // contradicted (changed), not_found (added), unverifiable (the original states it
  // but every source it cited for it was dropped).
  Tally rewrite;
  double integrity = 1;  // rewrite.score()
  bool operator==(const Comparison&) const = default;
};

// Compares two versions of a draft. Errors only from the in-memory index.
common::Result<Comparison> CompareDrafts(const draft::Draft& original, const draft::Draft& rewrite,
                                         const common::VerifyConfig& config);

}  // namespace citecheck::verify

#endif  // CITECHECK_VERIFY_VERIFY_H_
