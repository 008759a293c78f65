// Interprets the sources a draft cites (list entries, footnotes, reference
// definitions, front-matter lists, inline links), finds the attributions and citation
// markers of the prose and resolves them, and reports what an editor would flag.
#ifndef CITECHECK_DRAFT_INTERNAL_SOURCES_H_
#define CITECHECK_DRAFT_INTERNAL_SOURCES_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "draft/draft.h"
#include "draft/internal/markdown.h"

namespace citecheck::draft::internal {

// What markers designate: footnote labels ("1" of "[^1]") and bracketed numbers
// ("3" of "[3]": an ordered list's item number or a reference definition's label),
// each to an index into Draft::sources.
struct SourceLabels {
  std::map<std::string, int> footnotes;
  std::map<std::string, int> numbers;
};

// Fills draft.sources from the sources list and footnotes (`md.source_items`), the
// reference definitions, the front matter's sources sequence and the prose links, in
// that order, with findings for entries without a URL and duplicates. An entry whose
// URL an entry of another form already gives is not repeated; its label designates
// that entry. Errors: a malformed or non-http(s) URL, as "<path>:<line>: ...".
common::Result<SourceLabels> BuildSources(const MarkdownBody& md, Draft& draft);

// Fills draft.attributions ("(Source : X)", "selon X", "Source : X" lines) and the
// markers of every prose block, resolved to sources; unresolved explicit attributions
// and markers become findings.
void FindCitations(const SourceLabels& labels, Draft& draft);

// Adds findings for placeholders in the prose, a source count (front matter or the
// article's own "basée sur trois sources") that disagrees with the list, and a count
// announcing a list of another length ("trois actions :" then four items).
void FindPlaceholdersAndCounts(Draft& draft);

// Index of the source an attribution name designates, or -1: the entry whose name and
// URL words hold at least 60 % of the name's words, when no other entry ties.
int ResolveSourceName(std::string_view name, const std::vector<SourceEntry>& sources);

// ResolveSourceName for many names against the same sources: their words are read
// once, and each distinct name resolved once. Not thread-safe (it caches).
class NameResolver {
 public:
  explicit NameResolver(const std::vector<SourceEntry>& sources);
  int Resolve(std::string_view name);

 private:
  std::vector<std::set<std::string>> tokens_;  // per source
  std::map<std::string, int, std::less<>> cache_;
};

// The http(s) URL in `url`, normalized by Boost.URL, or an error message.
common::Result<std::string> ValidateUrl(std::string_view url);

// ---------------------------------------------------------------------------------
// Shared by the files of this folder.

// Collects entries: numbers them, validates their URL, names them when they have no
// name, reports missing URLs and duplicates.
class SourceCollector {
 public:
  explicit SourceCollector(Draft& draft) : draft_(draft) {}

  // Adds `e` with the URL `raw_url` written at `url_range` ("" when none). Returns the
  // index of the entry in draft.sources: `e`'s, or that of an entry of another origin
  // with the same URL.
  common::Result<int> Add(SourceEntry e, std::string_view raw_url, const Range& url_range);

  // Whether an entry gives the normalized URL `url`.
  bool Has(const std::string& url) const { return by_url_.contains(url); }

 private:
  Draft& draft_;
  std::map<std::string, int> by_url_;  // normalized URL -> first entry giving it
};

// Adds the reference definitions and the front matter's sources.
common::Status AddOtherSources(const MarkdownBody& md, SourceCollector& collector,
                               SourceLabels& labels, Draft& draft);

std::string_view Trim(std::string_view s);
// Strips separators around names and values: dashes, colons, stars, pipes, commas.
std::string_view TrimPunct(std::string_view s);
// The first "http://", "https://" or "www." token of `s`, as a span of s.
std::optional<text::Span> BareUrl(std::string_view s);
// The host of a URL, or "".
std::string Host(std::string_view url);
std::string Quote(std::string_view s);
// The first date or year in `s`, if any.
std::optional<text::Quantity> FirstDate(std::string_view s, text::Lang lang);
// Reliability "8/10", "8 / 10", "4/5", "8 sur 10", "80 %", "8" -> out of 10.
std::optional<double> ParseRating(std::string_view value);

}  // namespace citecheck::draft::internal

#endif  // CITECHECK_DRAFT_INTERNAL_SOURCES_H_
