#include "extract/internal/content.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "extract/internal/dom.h"

namespace citecheck::extract::internal {
namespace {

// Five paragraphs of an article, long and punctuated like real prose.
const std::string kP[] = {
    "The city council voted on Tuesday to extend the bicycle network by forty "
    "kilometres, a plan that will cost about twelve million euros over three years.",
    "Supporters said the new lanes would make the centre safer, while shop owners on "
    "the main avenue worried that deliveries would become slower and more expensive.",
    "The mayor, who had promised the network during the campaign, said the first "
    "sections would open in the spring, starting with the road along the river.",
    "Opposition members asked for an independent study of traffic, noting that the "
    "last survey was published in 2019 and no longer reflected how people commute.",
    "A public meeting is planned for next month, and residents can send comments on "
    "the map of the proposed routes until the end of the year, the council said.",
};

std::string Paragraphs(size_t from, size_t to) {
  std::string html;
  for (size_t i = from; i < to; ++i) html += "<p>" + kP[i] + "</p>\n";
  return html;
}

// Furniture that surrounds articles on most news sites.
const std::string kMenu =
    "<ul><li><a href=/>Home</a></li><li><a href=/world>World</a></li>"
    "<li><a href=/politics>Politics</a></li><li><a href=/sport>Sport</a></li></ul>";

std::string Page(const std::string& body) {
  return "<!DOCTYPE html><html><head><title>Bike lanes</title></head><body>" + body +
         "</body></html>";
}

Document Extract(const std::string& html) {
  const GumboTree tree(html);
  Document doc;
  ExtractMainContent(tree.root(), &doc);
  return doc;
}

std::vector<std::string> Texts(const Document& doc) {
  std::vector<std::string> texts;
  for (const Block& b : doc.blocks) texts.emplace_back(BlockText(doc, b));
  return texts;
}

std::vector<std::pair<BlockKind, std::string>> KindsAndTexts(const Document& doc) {
  std::vector<std::pair<BlockKind, std::string>> out;
  for (const Block& b : doc.blocks) out.emplace_back(b.kind, BlockText(doc, b));
  return out;
}

std::vector<std::string> Article(size_t from = 0, size_t to = 5) {
  return std::vector<std::string>(kP + from, kP + to);
}

// Every block indexes its own text, and the blocks tile the text with "\n\n".
void ExpectConsistentOffsets(const Document& doc) {
  std::string joined;
  for (const Block& b : doc.blocks) {
    ASSERT_LE(b.start, b.end);
    ASSERT_LE(b.end, doc.text.size());
    if (!joined.empty()) joined += "\n\n";
    EXPECT_EQ(b.start, joined.size());
    joined += doc.text.substr(b.start, b.end - b.start);
  }
  EXPECT_EQ(joined, doc.text);
}

// Rule: nav, header, footer, aside, form, script, style and noscript are dropped, even
// when they hold prose of their own.
TEST(ContentTest, DropsFurnitureTags) {
  const std::string html = Page(
      "<header><a href=/><img alt=logo></a>" + kMenu +
      "</header>"
      "<nav>" +
      kMenu +
      "</nav>"
      "<div class=wrap><main><h1>Bike lanes</h1>" +
      Paragraphs(0, 2) +
      "<script>document.write('<p>Injected text that is long enough, really.</p>')</script>"
      "<style>p { margin: 0 }</style><noscript>Please enable JavaScript to read more.</noscript>" +
      Paragraphs(2, 5) +
      "</main>"
      "<aside><h3>About the author</h3><p>Jane writes about cities, transport and "
      "housing, and has covered the council for the paper since 2015, mostly at night."
      "</p></aside></div>"
      "<form><p>Get the morning briefing in your inbox every day, free of charge, with "
      "the best stories of the day chosen by our editors.</p><input type=email></form>"
      "<footer><p>Copyright 2025 The Daily Example. All rights reserved, including the "
      "right to reproduce this article in whole or in part, in any form.</p></footer>");
  const Document doc = Extract(html);
  std::vector<std::string> expected = {"Bike lanes"};
  for (const std::string& p : Article()) expected.push_back(p);
  EXPECT_EQ(Texts(doc), expected);
  ExpectConsistentOffsets(doc);
}

// Rule: boilerplate named by class or id is dropped, inside the article container as
// well as around it.
TEST(ContentTest, DropsFurnitureByHints) {
  const std::string kFurniture[] = {
      "<div class=\"cookie-banner\"><p>We use cookies to improve your experience, and "
      "by continuing to browse this site you accept our use of cookies.</p>"
      "<a href=/privacy>Learn more</a></div>",
      "<div class=\"share-bar\"><span>Share this article with your friends and family, "
      "they will thank you for it, surely.</span><a href=#>Facebook</a></div>",
      "<section class=\"related-articles\"><h2>Related articles</h2><p>The council "
      "approved a new tram line last year, after a long debate, and work starts soon."
      "</p></section>",
      "<div id=\"comments\"><p>I cycle to work every day and these lanes are long "
      "overdue, thank you to everyone who campaigned for them, really.</p>"
      "<p>Another waste of money, the roads are already full and nobody asked us.</p></div>",
      "<div class=\"newsletter-box\"><p>Sign up for our newsletter and get the best "
      "local stories, events and offers delivered every morning, for free.</p></div>",
  };
  for (const std::string& furniture : kFurniture) {
    // Inside the container, between two paragraphs.
    Document doc =
        Extract(Page("<article>" + Paragraphs(0, 2) + furniture + Paragraphs(2, 5) + "</article>"));
    EXPECT_EQ(Texts(doc), Article()) << furniture;
    // Around it, after the article.
    doc = Extract(Page("<div><article>" + Paragraphs(0, 5) + "</article>" + furniture + "</div>"));
    EXPECT_EQ(Texts(doc), Article()) << furniture;
  }
}

// Rule: without any hint, link-heavy furniture is dropped by its link density: share
// bars, "related" link lists, cookie and newsletter links, "Read more" lines.
TEST(ContentTest, DropsFurnitureByLinkDensity) {
  const std::string kFurniture[] = {
      "<div><a href=#>Facebook</a> <a href=#>Twitter</a> <a href=#>Email</a> "
      "<a href=#>Print</a></div>",
      "<div><h3>More stories</h3><ul>"
      "<li><a href=/a>Council approves new tram line after long debate</a></li>"
      "<li><a href=/b>Ten things to do in the old town this weekend</a></li>"
      "<li><a href=/c>Why the river park is closed until next summer</a></li></ul></div>",
      "<div><a href=/privacy>Privacy policy</a> <a href=/cookies>Cookie settings</a> "
      "<a href=#>Accept all</a></div>",
      "<div><a href=/newsletter>Sign up for our morning newsletter</a></div>",
      "<p>Read more: <a href=/x>Council approves new tram line after a long debate</a></p>",
  };
  for (const std::string& furniture : kFurniture) {
    const Document doc = Extract(Page("<div class=story>" + Paragraphs(0, 2) + furniture +
                                      Paragraphs(2, 5) + "</div>" + furniture));
    EXPECT_EQ(Texts(doc), Article()) << furniture;
  }
}

// Rule: a list of teasers (items opening with a linked headline followed by a summary)
// is dropped even though each summary reads like prose.
TEST(ContentTest, DropsTeaserLists) {
  std::string teasers = "<ul>";
  for (const char* headline : {"Tram line approved", "Old town festival", "River park"}) {
    teasers += std::string("<li><a href=/t>") + headline +
               "</a><p>A short summary of another story, written to make readers click "
               "through to it, with a comma, and a full stop.</p></li>";
  }
  teasers += "</ul>";
  const Document doc =
      Extract(Page("<div><div>" + Paragraphs(0, 5) + "</div>" + teasers + "</div>"));
  EXPECT_EQ(Texts(doc), Article());
}

// Rule: a page that is only a listing (news index, search results) keeps its teasers:
// without them its main text would be next to nothing.
TEST(ContentTest, ListingPageKeepsItsTeasers) {
  std::string teasers = "<h1>News</h1><div class=list>";
  for (const char* headline : {"Tram line approved", "Old town festival", "River park"}) {
    teasers += std::string("<div class=item><h2><a href=/t>") + headline +
               "</a></h2><p>A short summary of this story, giving its main figure of 40 "
               "per cent, with a comma, and a full stop.</p></div>";
  }
  teasers += "</div>";
  const Document doc = Extract(Page(kMenu + teasers));
  ASSERT_FALSE(doc.blocks.empty());
  EXPECT_NE(doc.text.find("main figure of 40 per cent"), std::string::npos) << doc.text;
}

// Rule: several <article> elements side by side are several stories; their text does
// not add up, and the main story is kept alone.
TEST(ContentTest, KeepsOneOfSeveralArticles) {
  std::string others;
  for (int i = 0; i < 3; ++i) {
    others +=
        "<article><h2>Another story</h2><p>This is the start of another story that "
        "the site shows below the main one, with a comma, and a period.</p>"
        "<p>Its second paragraph is here as well, long enough to count as prose."
        "</p></article>";
  }
  const Document doc =
      Extract(Page("<main><article>" + Paragraphs(0, 5) + "</article>" + others + "</main>"));
  EXPECT_EQ(Texts(doc), Article());
}

// Rule: the article's headings, paragraphs, list items, table cells, quotes,
// captions and preformatted text are kept in reading order with their kinds.
TEST(ContentTest, KeepsStructureInOrder) {
  const std::string html =
      Page(kMenu + "<article>" + Paragraphs(0, 2) +
           "<h2>What changes</h2>"
           "<ul><li>Forty kilometres of new lanes</li><li>Safer crossings</li></ul>"
           "<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2026</td><td>4 M€</td></tr></table>"
           "<blockquote><p>It is a good day for the city.</p></blockquote>"
           "<figure><img src=map.png><figcaption>The planned routes.</figcaption></figure>"
           "<pre>route  km\nA      12</pre>" +
           Paragraphs(2, 5) + "</article>");
  const Document doc = Extract(html);
  const std::vector<std::pair<BlockKind, std::string>> expected = {
      {BlockKind::kParagraph, kP[0]},
      {BlockKind::kParagraph, kP[1]},
      {BlockKind::kHeading, "What changes"},
      {BlockKind::kListItem, "Forty kilometres of new lanes"},
      {BlockKind::kListItem, "Safer crossings"},
      {BlockKind::kTableCell, "Year"},
      {BlockKind::kTableCell, "Cost"},
      {BlockKind::kTableCell, "2026"},
      {BlockKind::kTableCell, "4 M€"},
      {BlockKind::kQuote, "It is a good day for the city."},
      {BlockKind::kCaption, "The planned routes."},
      {BlockKind::kPreformatted, "route  km\nA      12"},
      {BlockKind::kParagraph, kP[2]},
      {BlockKind::kParagraph, kP[3]},
      {BlockKind::kParagraph, kP[4]},
  };
  EXPECT_EQ(KindsAndTexts(doc), expected);
  EXPECT_EQ(doc.blocks[2].level, 2);
  ExpectConsistentOffsets(doc);
}

// Rule: blocks named as captions or credits are captions, whatever their tag.
TEST(ContentTest, CaptionHints) {
  const Document doc =
      Extract(Page("<article>" + Paragraphs(0, 3) +
                   "<div class=\"image-caption\">Cyclists on the river road. Photo: J. Doe</div>" +
                   Paragraphs(3, 5) + "</article>"));
  ASSERT_EQ(doc.blocks.size(), 6u);
  EXPECT_EQ(doc.blocks[3].kind, BlockKind::kCaption);
  EXPECT_EQ(BlockText(doc, doc.blocks[3]), "Cyclists on the river road. Photo: J. Doe");
}

// Rule: a short paragraph ending with a photo credit is a caption, without markup.
TEST(ContentTest, CreditedParagraphsAreCaptions) {
  const Document doc = Extract(Page("<article>" + Paragraphs(0, 3) +
                                    "<p>Cyclists on the river road on Monday. (Photo: Jane Doe)</p>"
                                    "<p>\xC2\xA9 Daily Example 2025</p>" +
                                    Paragraphs(3, 5) + "</article>"));
  ASSERT_EQ(doc.blocks.size(), 7u);
  EXPECT_EQ(doc.blocks[3].kind, BlockKind::kCaption);
  EXPECT_EQ(doc.blocks[4].kind, BlockKind::kCaption);
  EXPECT_EQ(doc.blocks[5].kind, BlockKind::kParagraph);
}

// Rule: whitespace collapses, entities are decoded, one <br> is a line break and two
// end the paragraph.
TEST(ContentTest, WhitespaceEntitiesAndBreaks) {
  const Document doc = Extract(
      Page("<article>" + Paragraphs(0, 5) +
           "<p>  Caf&eacute;   &amp;\n th&#233;&nbsp;: un<br>deux <br> <br>trois\t</p></article>"));
  const std::vector<std::string> texts = Texts(doc);
  ASSERT_EQ(texts.size(), 7u);
  EXPECT_EQ(texts[5], "Café & thé\xC2\xA0: un\ndeux");
  EXPECT_EQ(texts[6], "trois");
  ExpectConsistentOffsets(doc);
}

// Rule: hidden elements are never text: hidden attribute, aria-hidden, display:none,
// screen-reader-only classes.
TEST(ContentTest, DropsHiddenElements) {
  const Document doc = Extract(
      Page("<article>" + Paragraphs(0, 2) +
           "<p hidden>Hidden by attribute, a long sentence that would otherwise count.</p>"
           "<p aria-hidden=\"true\">Hidden from assistive technology, and from us too.</p>"
           "<p style=\"display: none\">Hidden by style, even though it reads like prose.</p>"
           "<span class=\"sr-only\">Advertisement</span>" +
           Paragraphs(2, 5) + "</article>"));
  EXPECT_EQ(Texts(doc), Article());
}

// Rule: a page without any prose container still yields its visible text.
TEST(ContentTest, FallsBackToVisibleText) {
  // No container stands out: the filtered body is used...
  EXPECT_EQ(
      Extract(Page("<div><a href=/a>Only</a> <a href=/b>links</a></div><div>here</div>")).text,
      "here");
  // ...and when filtering leaves nothing, all the visible text.
  EXPECT_EQ(Extract(Page("<div><a href=/a>Only</a> <a href=/b>links</a></div>")).text,
            "Only links");
  EXPECT_TRUE(Extract(Page("")).blocks.empty());
}

// Rule: headings left without text under them, and advertisement labels, are removed;
// never every block.
TEST(ContentTest, DropLeftovers) {
  Document doc;
  doc.text = "Intro\n\nA\n\nB\n\nbody\n\nAdvertisement\n\nmore\n\nRelated\n\nEnd";
  const auto block = [&](BlockKind kind, int level, std::string_view text) {
    const size_t start = doc.text.find(text);
    return Block{kind, start, start + text.size(), level, 0};
  };
  doc.blocks = {
      block(BlockKind::kHeading, 2, "Intro"),  // followed by a heading of its rank
      block(BlockKind::kHeading, 2, "A"),
      block(BlockKind::kHeading, 3, "B"),  // a sub-heading: A is kept
      block(BlockKind::kParagraph, 0, "body"),
      block(BlockKind::kParagraph, 0, "Advertisement"),
      block(BlockKind::kParagraph, 0, "more"),
      block(BlockKind::kHeading, 2, "Related"),  // before removed furniture (index 6)
      block(BlockKind::kHeading, 2, "End"),      // at the end
  };
  DropLeftovers(&doc, {6});
  EXPECT_EQ(doc.text, "A\n\nB\n\nbody\n\nmore");
  ExpectConsistentOffsets(doc);

  Document only;
  only.text = "Title";
  only.blocks = {{BlockKind::kHeading, 0, 5, 1, 0}};
  DropLeftovers(&only, {});
  EXPECT_EQ(only.text, "Title");
}

}  // namespace
}  // namespace citecheck::extract::internal
