#include "extract/internal/content.h"

#include <unicode/unistr.h>

#include <algorithm>
#include <cassert>
#include <cstdint>
#include <string_view>
#include <vector>

#include "extract/internal/block_builder.h"
#include "extract/internal/page_stats.h"

namespace citecheck::extract::internal {
namespace {

// The value of an element's own text block: positive for prose, negative for links and
// fragments (bylines, labels, buttons), nothing for headings, which only matter with
// the text they head.
float BlockValue(const Elem& e) {
  if (e.own_len == 0 || (e.flags & (kHeading | kInCaption))) return 0;
  const float len = static_cast<float>(e.own_len);
  const float plain = len - static_cast<float>(e.own_link_len);
  if (plain < len * 0.5f) return -len;
  const bool punctuated = e.own_stops + e.own_commas > 0;
  if (plain >= 100 || (plain >= 40 && punctuated)) return plain;
  return -0.1f * len;
}

// A teaser: a short item that opens with a link and goes on with some text of its own.
bool IsTeaser(const Elem& e) {
  constexpr uint32_t kMaxTeaser = 600;
  constexpr uint32_t kMinSummary = 30;
  return (e.flags & kFirstTextLinked) && e.text_len <= kMaxTeaser &&
         e.text_len >= e.link_len + kMinSummary;
}

// Marks the blocks that describe a picture: inside a <figure> or <figcaption>, or an
// element named "caption", "credit", "gallery"... Large ones are not captions but
// layout wrappers that happen to carry such a name.
void MarkCaptions(std::vector<Elem>* elems) {
  constexpr uint32_t kMaxCaption = 1000;
  for (Elem& e : *elems) {
    const bool inherited = e.parent != kNoElem && ((*elems)[e.parent].flags & kInCaption);
    const bool own =
        (e.flags & kCaptionTag) && (e.flags & kBlockLevel) && e.text_len <= kMaxCaption;
    if (inherited || own) e.flags |= kInCaption;
  }
}

// Pass 2a: per-subtree sums, children before parents (reverse document order).
void SumSubtrees(std::vector<Elem>* elems) {
  for (size_t i = elems->size(); i-- > 0;) {
    Elem& e = (*elems)[i];
    if (e.flags & kIgnored) continue;
    e.prose += std::max(0.0f, BlockValue(e));
    if (e.flags & kArticleTag) e.article_units = 1;
    if (e.parent == kNoElem) continue;
    Elem& up = (*elems)[e.parent];
    up.prose += e.prose;
    up.article_units = static_cast<uint16_t>(std::min(0xfff0, up.article_units + e.article_units));
    if (e.text_len > 0 && up.items < 0xfff0) {
      ++up.items;
      if (IsTeaser(e)) ++up.link_led_items;
    }
  }
}

// Furniture by tag or hint, unless the subtree holds most of the page's prose: then the
// page wraps its article in a <form>, or in a "sticky-sidebar" layout column.
bool IsHintedFurniture(const Elem& e, float page_prose) {
  if ((e.flags & (kFurnitureTag | kJunkHint)) == 0) return false;
  return !(e.prose > 0.5f * page_prose);
}

// A list of teasers: most of its items open with a link (the headline of another page)
// followed by a summary. Tables are exempt: rows led by a linked name are data.
bool IsTeaserList(const Elem& e) {
  return !(e.flags & kTableTag) && e.items >= 3 && e.link_led_items * 3 >= e.items * 2;
}

// Pass 2b: resolves furniture and separate article units, then sums the scores. Several
// <article> elements side by side are several stories (a listing, a "read next" feed,
// comments): their text must not add up into one container.
// `teasers_are_furniture` false keeps teaser lists, for pages that are nothing else.
void SumScores(std::vector<Elem>* elems, bool teasers_are_furniture) {
  const float page_prose = elems->empty() ? 0 : (*elems)[0].prose;
  for (Elem& e : *elems) {
    if (e.flags & kIgnored) continue;
    if (IsHintedFurniture(e, page_prose) || (teasers_are_furniture && IsTeaserList(e))) {
      e.flags |= kFurniture;
    }
    if (e.parent == kNoElem) {
      if (e.flags & kFurniture) e.flags |= kInFurniture;
      continue;
    }
    const Elem& up = (*elems)[e.parent];
    if ((e.flags & kFurniture) || (up.flags & kInFurniture)) e.flags |= kInFurniture;
    if (e.article_units == 1 && up.article_units >= 2) e.flags |= kSeparateUnit;
  }
  for (size_t i = elems->size(); i-- > 0;) {
    Elem& e = (*elems)[i];
    if (e.flags & kIgnored) continue;
    e.score += BlockValue(e);
    if (e.parent == kNoElem) continue;
    float contribution = e.score;
    if (e.flags & kFurniture) {
      contribution = -0.5f * static_cast<float>(e.text_len);
    } else if (e.flags & kSeparateUnit) {
      contribution = std::min(0.0f, e.score);
    }
    (*elems)[e.parent].score += contribution;
  }
}

// The best container: the highest score among block elements outside furniture. Scanning
// in reverse document order with a strict comparison lets a descendant win a tie against
// its ancestor.
uint32_t BestContainer(const std::vector<Elem>& elems) {
  uint32_t best = kNoElem;
  float best_score = 0;
  for (size_t i = elems.size(); i-- > 0;) {
    const Elem& e = elems[i];
    if ((e.flags & (kIgnored | kInFurniture)) || !(e.flags & kBlockLevel)) continue;
    if (e.score > best_score) {
      best_score = e.score;
      best = static_cast<uint32_t>(i);
    }
  }
  return best;
}

uint32_t FindBody(const std::vector<Elem>& elems) {
  for (uint32_t i = 0; i < elems.size(); ++i) {
    if (elems[i].node->v.element.tag == GUMBO_TAG_BODY && !(elems[i].flags & kIgnored)) {
      return i;
    }
  }
  return 0;
}

// A block made mostly of links with little text of its own: "Read more: <headline>",
// a row of share links. A sentence with a long link in it still says something.
bool IsLinkLine(const Elem& e) {
  constexpr uint32_t kOwnWords = 40;  // bytes of text outside links that make a sentence
  if (e.own_len == 0 || e.own_link_len * 2 <= e.own_len) return false;
  return e.own_len - e.own_link_len < kOwnWords || e.own_link_len * 5 > e.own_len * 4;
}

// Pass 3: emits the blocks of one container.
class Emitter {
 public:
  // `filter` false emits every visible text of the container.
  // Appends to `headings_before_removed` the index of each heading directly followed
  // by furniture that is not emitted.
  Emitter(const std::vector<Elem>& elems, uint32_t container, bool filter, BlockBuilder* out,
          std::vector<size_t>* headings_before_removed)
      : elems_(elems),
        container_(container),
        filter_(filter),
        out_(out),
        headings_before_removed_(headings_before_removed) {}

  void Run() {
    next_ = container_;
    EmitElement(elems_[container_].node, Context{});
    out_->End();
  }

 private:
  struct Context {
    BlockStyle style;
    bool pre = false;   // inside <pre>: keep spaces and line ends
    bool mute = false;  // the own text of the current block is dropped
  };

  bool Skips(uint32_t idx) const;
  Context BlockContext(const Elem& e, Context outer) const;
  void NoteRemoved(const Elem& e);
  void EmitChildren(const GumboNode* node, const Context& ctx);
  void EmitElement(const GumboNode* node, Context ctx);

  const std::vector<Elem>& elems_;
  const uint32_t container_;
  const bool filter_;
  BlockBuilder* const out_;
  std::vector<size_t>* const headings_before_removed_;
  uint32_t next_ = 0;  // index of the next element in document order
};

bool Emitter::Skips(uint32_t idx) const {
  const Elem& e = elems_[idx];
  if (e.flags & kIgnored) return true;
  if (!filter_ || idx == container_) return false;
  if (e.flags & kFurniture) {
    // Inside the container, only what holds most of its prose escapes the hints.
    return !(e.prose > 0.5f * elems_[container_].prose && (e.flags & kContentHint));
  }
  if (e.flags & kSeparateUnit) return true;
  if ((e.flags & kListOrTable) && e.text_len > 0 && e.link_len * 2 > e.text_len) {
    return true;
  }
  return false;
}

Emitter::Context Emitter::BlockContext(const Elem& e, Context outer) const {
  Context ctx = outer;
  ctx.mute = filter_ && IsLinkLine(e);
  if (e.flags & kInCaption) {
    ctx.style = {BlockKind::kCaption};
    return ctx;
  }
  const GumboTag tag = e.node->v.element.tag;
  switch (tag) {
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      ctx.style.kind = BlockKind::kHeading;
      ctx.style.level = 1 + static_cast<int>(tag - GUMBO_TAG_H1);
      return ctx;
    case GUMBO_TAG_LI:
      ctx.style = {BlockKind::kListItem};
      return ctx;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      ctx.style = {BlockKind::kTableCell};
      return ctx;
    case GUMBO_TAG_BLOCKQUOTE:
      ctx.style = {BlockKind::kQuote};
      return ctx;
    case GUMBO_TAG_CAPTION:
      ctx.style = {BlockKind::kCaption};
      return ctx;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_PLAINTEXT:
      ctx.style = {BlockKind::kPreformatted};
      ctx.pre = true;
      return ctx;
    default:
      // Generic blocks (p, div) take the kind of the quote, item or caption they sit
      // in; inside a table cell they are paragraphs of their own.
      if (ctx.style.kind == BlockKind::kTableCell) ctx.style = {BlockKind::kParagraph};
      return ctx;
  }
}

void Emitter::NoteRemoved(const Elem& e) {
  // Empty ad slots and spacers do not count: only removed text orphans a heading.
  constexpr uint32_t kMinRemoved = 50;
  if ((e.flags & kIgnored) || e.text_len < kMinRemoved || out_->in_block()) return;
  const std::vector<Block>& blocks = out_->blocks();
  if (!blocks.empty() && blocks.back().kind == BlockKind::kHeading) {
    headings_before_removed_->push_back(blocks.size() - 1);
  }
}

void Emitter::EmitChildren(const GumboNode* node, const Context& ctx) {
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    switch (child->type) {
      case GUMBO_NODE_ELEMENT:
        EmitElement(child, ctx);
        break;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        if (ctx.mute) break;
        if (ctx.pre) {
          out_->AppendPreformatted(child->v.text.text, ctx.style);
        } else {
          out_->Append(child->v.text.text, ctx.style);
        }
        break;
      default:
        break;
    }
  }
}

void Emitter::EmitElement(const GumboNode* node, Context ctx) {
  const uint32_t idx = next_;
  const Elem& e = elems_[idx];
  assert(e.node == node);
  if (Skips(idx)) {
    NoteRemoved(e);
    next_ = e.end;
    return;
  }
  next_ = idx + 1;
  const GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_BR) {
    if (!ctx.mute) out_->LineBreak();
    return;
  }
  const bool block = (e.flags & kBlockLevel) != 0;
  if (block) {
    out_->End();
    ctx = BlockContext(e, ctx);
  }
  EmitChildren(node, ctx);
  if (block) out_->End();
}

// The label of an advertisement slot or of a "continue below" break: a block that is
// only that text.
bool IsAdLabel(std::string_view text) {
  static constexpr std::string_view kLabels[] = {
      "advertisement",
      "advertisements",
      "advert",
      "ad",
      "ads",
      "advertising",
      "sponsored",
      "sponsored content",
      "paid content",
      "publicité",
      "publicite",
      "anzeige",
      "werbung",
      "publicidad",
      "pubblicità",
      "continue reading below",
      "story continues below advertisement",
      "article continues below advertisement",
      "article continues below",
      "story continues below",
      "la suite après la publicité",
      "la suite après cette publicité",
  };
  if (text.size() > 40) return false;
  std::string folded;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .foldCase()
      .toUTF8String(folded);
  while (!folded.empty() && (folded.back() == '.' || folded.back() == ':')) folded.pop_back();
  return std::find(std::begin(kLabels), std::end(kLabels), folded) != std::end(kLabels);
}

// A short paragraph that ends with a photo credit is the caption of a picture whose
// markup did not say so ("... in Hong Kong. (Image: GETTY)", "© Jane Doe ...").
bool IsCreditedCaption(std::string_view text) {
  constexpr size_t kMaxCaption = 400;
  constexpr size_t kCreditTail = 100;  // where the credit sits: at the end
  static constexpr std::string_view kCredits[] = {
      "\xC2\xA9",     "(Image:",      "(Photo:",     "(Photo by",    "(AP Photo",
      "Photo:",       "Photo :",      "Photograph:", "Photo credit", "Image credit",
      "Getty Images", "Crédit photo", "/AFP",        "/ AFP",
  };
  if (text.size() > kMaxCaption) return false;
  if (text.starts_with("\xC2\xA9")) return true;
  const std::string_view tail =
      text.substr(text.size() > kCreditTail ? text.size() - kCreditTail : 0);
  for (std::string_view credit : kCredits) {
    if (tail.find(credit) != std::string_view::npos) return true;
  }
  return false;
}

// One extraction pass over the tree.
void ExtractWith(const GumboNode* root, bool teasers_are_furniture, Document* doc) {
  std::vector<Elem> elems = MeasureElements(root);
  if (elems.empty()) {
    doc->text.clear();
    doc->blocks.clear();
    return;
  }
  MarkCaptions(&elems);
  SumSubtrees(&elems);
  SumScores(&elems, teasers_are_furniture);
  uint32_t container = BestContainer(elems);
  if (container == kNoElem) container = FindBody(elems);
  BlockBuilder builder;
  std::vector<size_t> headings_before_removed;
  Emitter(elems, container, /*filter=*/true, &builder, &headings_before_removed).Run();
  builder.Finish(doc);
  if (doc->blocks.empty()) {
    headings_before_removed.clear();
    Emitter(elems, FindBody(elems), /*filter=*/false, &builder, &headings_before_removed).Run();
    builder.Finish(doc);
  }
  DropLeftovers(doc, headings_before_removed);
  for (Block& b : doc->blocks) {
    if (b.kind == BlockKind::kParagraph && IsCreditedCaption(BlockText(*doc, b))) {
      b.kind = BlockKind::kCaption;
    }
  }
}

}  // namespace

void ExtractMainContent(const GumboNode* root, Document* doc) {
  // Main text shorter than this is taken for a page whose content is a list of teasers
  // (a news listing, a search result): it is extracted again with the teasers kept, and
  // that reading wins when it holds clearly more text.
  constexpr size_t kThinText = 300;
  ExtractWith(root, /*teasers_are_furniture=*/true, doc);
  if (doc->text.size() >= kThinText) return;
  Document listing;
  ExtractWith(root, /*teasers_are_furniture=*/false, &listing);
  if (listing.text.size() > 2 * doc->text.size()) {
    doc->text = std::move(listing.text);
    doc->blocks = std::move(listing.blocks);
  }
}

void DropLeftovers(Document* doc, const std::vector<size_t>& headings_before_removed) {
  const size_t n = doc->blocks.size();
  std::vector<bool> drop(n, false);
  for (size_t i : headings_before_removed) {
    if (i < n) drop[i] = true;
  }
  for (size_t i = 0; i < n; ++i) {
    const Block& b = doc->blocks[i];
    if (b.kind == BlockKind::kHeading) {
      const Block* next = i + 1 < n ? &doc->blocks[i + 1] : nullptr;
      if (next == nullptr || (next->kind == BlockKind::kHeading && next->level <= b.level)) {
        drop[i] = true;
      }
    } else if (IsAdLabel(BlockText(*doc, b))) {
      drop[i] = true;
    }
  }
  if (std::find(drop.begin(), drop.end(), true) == drop.end() ||
      std::find(drop.begin(), drop.end(), false) == drop.end()) {
    return;
  }
  RemoveBlocks(doc, [&](const Document& d, const Block& b) {
    return drop[static_cast<size_t>(&b - d.blocks.data())];
  });
}

}  // namespace citecheck::extract::internal
