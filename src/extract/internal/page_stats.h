// page_stats: the first pass of main-content extraction. One walk over gumbo's tree
// numbers the visible elements in document order and measures, for each, the text it
// holds, the part of it inside links, and its own text block (the text outside nested
// block elements) with its commas and full stops; it notes furniture tags, class, id
// and role hints, captions, and whether the element's first text is a link. Invisible
// subtrees (scripts, forms' controls, hidden elements) are not entered.
//
// Elements are numbered in document order, so a subtree is the index range
// [i, elems[i].end) and a parent always comes before its children.
//
// Thread-safety: pure function.
#ifndef CITECHECK_EXTRACT_INTERNAL_PAGE_STATS_H_
#define CITECHECK_EXTRACT_INTERNAL_PAGE_STATS_H_

#include <gumbo.h>

#include <cstdint>
#include <vector>

namespace citecheck::extract::internal {

constexpr uint32_t kNoElem = UINT32_MAX;

enum ElemFlags : uint16_t {
  kIgnored = 1 << 0,       // never visible: not entered, its children not numbered
  kBlockLevel = 1 << 1,    // starts its own text block
  kFurnitureTag = 1 << 2,  // nav, aside, header, footer, form, menu, fieldset
  kJunkHint = 1 << 3,      // class, id or role name furniture
  kContentHint = 1 << 4,   // class, id, role or itemprop name an article container
  kHeading = 1 << 5,
  kListOrTable = 1 << 6,
  kAnchor = 1 << 7,
  kFurniture = 1 << 8,         // resolved: furniture tag or hint, not overridden
  kInFurniture = 1 << 9,       // resolved: this element or an ancestor is furniture
  kArticleTag = 1 << 10,       // <article>
  kFirstTextLinked = 1 << 11,  // the first text of the subtree is inside a link
  kTableTag = 1 << 12,         // table, tbody, thead, tfoot, tr
  kSeparateUnit = 1 << 13,     // resolved: one of several article units under its parent
  kCaptionTag = 1 << 14,       // figure, figcaption, or a caption/credit/gallery hint
  kInCaption = 1 << 15,        // resolved: this element or an ancestor is a caption
};

// What the passes know about one element. MeasureElements fills everything but the
// flags marked "resolved" and the two sums, which the scoring pass computes. Lengths
// count visible bytes (whitespace excluded), which is all the ratios need.
struct Elem {
  const GumboNode* node = nullptr;
  uint32_t parent = kNoElem;
  uint32_t end = 0;  // one past the index of the last element of its subtree
  uint16_t flags = 0;
  uint16_t own_commas = 0;
  uint32_t own_len = 0;       // its own text block (text outside nested blocks)
  uint32_t own_link_len = 0;  // the part of it inside links
  uint32_t own_stops = 0;     // '.', '!' and '?' in it
  uint32_t text_len = 0;      // the whole subtree
  uint32_t link_len = 0;
  // Children holding text, and those of them that open with a link and go on with
  // more text (a headline and its teaser).
  uint16_t items = 0;
  uint16_t link_led_items = 0;
  // <article> elements in the subtree, not counting those nested in another.
  uint16_t article_units = 0;
  float prose = 0;  // sum of the positive block values of the subtree
  float score = 0;  // sum of the block values, furniture subtrees as penalties
};

// Numbers and measures the visible elements under `root` (included), in document
// order. Subtrees nested deeper than 1000 elements are treated as invisible.
std::vector<Elem> MeasureElements(const GumboNode* root);

}  // namespace citecheck::extract::internal

#endif  // CITECHECK_EXTRACT_INTERNAL_PAGE_STATS_H_
