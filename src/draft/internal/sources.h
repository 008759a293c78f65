// Interprets the sources list, finds inline attributions, and resolves them.
#ifndef CITECHECK_DRAFT_INTERNAL_SOURCES_H_
#define CITECHECK_DRAFT_INTERNAL_SOURCES_H_

#include <string_view>
#include <vector>

#include "common/status.h"
#include "draft/draft.h"
#include "draft/internal/markdown.h"

namespace citecheck::draft::internal {

// Fills draft.sources from the raw items (and adds inline-link sources), with findings
// for entries without a URL, duplicates and placeholders. Errors: a malformed or
// non-http(s) URL, as "<path>:<line>: ...".
common::Status BuildSources(const std::vector<RawSourceItem>& items, Draft& draft);

// Fills draft.attributions from the prose outside the sources list and resolves them
// to sources; unresolved explicit ones become findings.
void FindAttributions(Draft& draft);

// Adds findings for placeholders in the prose and a front-matter source count that
// disagrees with the list.
void FindPlaceholdersAndCounts(Draft& draft);

// Index of the source an attribution name designates, or -1.
int ResolveSourceName(std::string_view name, const std::vector<SourceEntry>& sources);

// The http(s) URL in `url`, normalized by Boost.URL, or an error message.
common::Result<std::string> ValidateUrl(std::string_view url);

}  // namespace citecheck::draft::internal

#endif  // CITECHECK_DRAFT_INTERNAL_SOURCES_H_
