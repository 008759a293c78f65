#include "extract/internal/page_stats.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/internal/dom.h"

namespace citecheck::extract::internal {
namespace {

// The element of `elems` for the first element with tag `tag`.
const Elem& Find(const std::vector<Elem>& elems, GumboTag tag, int nth = 0) {
  for (const Elem& e : elems) {
    if (e.node->v.element.tag == tag && nth-- == 0) return e;
  }
  ADD_FAILURE() << "no element " << gumbo_normalized_tagname(tag);
  return elems.front();
}

// Rule: elements are numbered in document order; a subtree is [i, end) and parents
// come first.
TEST(PageStatsTest, NumbersInDocumentOrder) {
  const GumboTree tree(
      "<html><head></head><body><div><p>a</p><p>b</p></div><ul><li>c</li>"
      "</ul></body></html>");
  const std::vector<Elem> elems = MeasureElements(tree.root());
  std::vector<std::string> tags;
  for (const Elem& e : elems) tags.push_back(gumbo_normalized_tagname(e.node->v.element.tag));
  EXPECT_EQ(tags, (std::vector<std::string>{"html", "head", "body", "div", "p", "p", "ul", "li"}));
  EXPECT_EQ(elems[0].parent, kNoElem);
  EXPECT_EQ(elems[0].end, 8u);
  EXPECT_EQ(elems[3].parent, 2u);  // div in body
  EXPECT_EQ(elems[3].end, 6u);     // div holds both paragraphs
  EXPECT_EQ(elems[5].parent, 3u);
}

// Rule: lengths count visible bytes; the own text of a block stops at nested blocks;
// link text is counted apart; commas and full stops of the own text are counted.
TEST(PageStatsTest, MeasuresText) {
  const GumboTree tree(
      "<div>Intro, <a href=#>linked</a> text. <p>Inner, one. Two!</p>"
      "<span>tail</span></div>");
  const std::vector<Elem> elems = MeasureElements(tree.root());
  const Elem& div = Find(elems, GUMBO_TAG_DIV);
  const Elem& p = Find(elems, GUMBO_TAG_P);
  EXPECT_EQ(div.own_len, std::string("Intro,linkedtext.tail").size());
  EXPECT_EQ(div.own_link_len, 6u);
  EXPECT_EQ(div.own_commas, 1u);
  EXPECT_EQ(div.own_stops, 1u);
  EXPECT_EQ(p.own_len, std::string("Inner,one.Two!").size());
  EXPECT_EQ(p.own_stops, 2u);
  EXPECT_EQ(div.text_len, div.own_len + p.own_len);
  EXPECT_EQ(div.link_len, 6u);
  EXPECT_TRUE(div.flags & kBlockLevel);
  EXPECT_FALSE(Find(elems, GUMBO_TAG_SPAN).flags & kBlockLevel);
}

// Rule: scripts, media, form controls and hidden elements are not entered: they get an
// entry without children, flagged kIgnored, and add no text.
TEST(PageStatsTest, IgnoresInvisibleSubtrees) {
  const GumboTree tree(
      "<div><p hidden>one <b>two</b></p><p aria-hidden=true>x</p>"
      "<p style=\"color:red; display : none\">y</p><p class=\"sr-only\">z</p>"
      "<select><option>opt</option></select><button>Go</button><p>seen</p></div>");
  const std::vector<Elem> elems = MeasureElements(tree.root());
  const Elem& div = Find(elems, GUMBO_TAG_DIV);
  EXPECT_EQ(div.text_len, 4u);  // "seen"
  for (int i = 0; i < 4; ++i) {
    const Elem& p = Find(elems, GUMBO_TAG_P, i);
    EXPECT_TRUE(p.flags & kIgnored) << i;
    EXPECT_EQ(p.end, static_cast<uint32_t>(&p - elems.data()) + 1) << i;
  }
  EXPECT_TRUE(Find(elems, GUMBO_TAG_SELECT).flags & kIgnored);
  EXPECT_TRUE(Find(elems, GUMBO_TAG_BUTTON).flags & kIgnored);
  EXPECT_FALSE(Find(elems, GUMBO_TAG_P, 4).flags & kIgnored);
  for (const Elem& e : elems) EXPECT_NE(e.node->v.element.tag, GUMBO_TAG_B);
}

// Rule: tags and hints are noted as flags.
TEST(PageStatsTest, Flags) {
  const GumboTree tree(
      "<nav>n</nav><article class=\"story-body\"><h2>h</h2><table><tr><td>t</td></tr>"
      "</table><figure>f</figure><div class=\"share-bar\">s</div>"
      "<div itemprop=\"articleBody\">b</div><div role=\"navigation\">r</div></article>");
  const std::vector<Elem> elems = MeasureElements(tree.root());
  EXPECT_TRUE(Find(elems, GUMBO_TAG_NAV).flags & kFurnitureTag);
  const uint16_t article = Find(elems, GUMBO_TAG_ARTICLE).flags;
  EXPECT_TRUE((article & kArticleTag) && (article & kContentHint));
  EXPECT_TRUE(Find(elems, GUMBO_TAG_H2).flags & kHeading);
  EXPECT_TRUE(Find(elems, GUMBO_TAG_TABLE).flags & kListOrTable);
  EXPECT_TRUE(Find(elems, GUMBO_TAG_TR).flags & kTableTag);
  EXPECT_TRUE(Find(elems, GUMBO_TAG_FIGURE).flags & kCaptionTag);
  EXPECT_TRUE(Find(elems, GUMBO_TAG_DIV, 0).flags & kJunkHint);
  EXPECT_TRUE(Find(elems, GUMBO_TAG_DIV, 1).flags & kContentHint);
  EXPECT_TRUE(Find(elems, GUMBO_TAG_DIV, 2).flags & kJunkHint);
}

// Rule: an element whose first text is inside a link is flagged (a headline teaser).
TEST(PageStatsTest, FirstTextLinked) {
  const GumboTree tree(
      "<ul><li><div><img><a href=#>Headline</a></div><p>Summary</p></li>"
      "<li>Text <a href=#>link</a></li></ul>");
  const std::vector<Elem> elems = MeasureElements(tree.root());
  EXPECT_TRUE(Find(elems, GUMBO_TAG_LI, 0).flags & kFirstTextLinked);
  EXPECT_FALSE(Find(elems, GUMBO_TAG_LI, 1).flags & kFirstTextLinked);
}

TEST(PageStatsTest, NullRoot) { EXPECT_TRUE(MeasureElements(nullptr).empty()); }

}  // namespace
}  // namespace citecheck::extract::internal
