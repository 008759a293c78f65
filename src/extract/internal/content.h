// content: finds the main content of a page in gumbo's tree and emits it as blocks.
//
// Three linear passes:
//  1. MeasureElements (page_stats.h) numbers the visible elements and measures their
//     text, links, own text block, hints and furniture tags.
//  2. A pass over those numbers, without the tree, values each text block: prose (long,
//     few links, punctuated) counts its length, link lists and stray fragments count
//     against. A subtree's score is the sum of its blocks; furniture (by tag or hint),
//     teaser lists and all but one of several side-by-side <article>s do not add up.
//     The element with the highest score is the article's container: going up from it
//     would add more junk than text, going down would lose text.
//  3. A walk of that container emits its blocks in reading order, skipping furniture,
//     link-heavy lists and tables, and link lines. Headings left with nothing under
//     them and advertisement labels are dropped; short paragraphs ending with a photo
//     credit become captions.
//
// Thread-safety: pure functions.
#ifndef CITECHECK_EXTRACT_INTERNAL_CONTENT_H_
#define CITECHECK_EXTRACT_INTERNAL_CONTENT_H_

#include <gumbo.h>

#include <cstddef>
#include <vector>

#include "extract/extract.h"

namespace citecheck::extract::internal {

// Sets doc->text and doc->blocks to the main content under `root` (the <html>
// element). Falls back to the whole <body> when no container stands out, and to all
// its visible text when the filtered body is empty, so that a page with text never
// yields nothing.
void ExtractMainContent(const GumboNode* root, Document* doc);

// Removes the blocks left over from furniture that was removed: headings that head
// nothing -- followed by a heading of the same or a higher rank, by the end of the text,
// or (the block indices in `headings_before_removed`) by removed furniture -- and the
// labels of advertisement slots ("Advertisement", "Publicité"). Never removes every
// block.
void DropLeftovers(Document* doc, const std::vector<size_t>& headings_before_removed);

}  // namespace citecheck::extract::internal

#endif  // CITECHECK_EXTRACT_INTERNAL_CONTENT_H_
