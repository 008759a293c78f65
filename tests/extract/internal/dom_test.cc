#include "extract/internal/dom.h"

#include <gtest/gtest.h>

#include <string>

namespace citecheck::extract::internal {
namespace {

const GumboNode* FindFirst(const GumboNode* node, GumboTag tag) {
  if (IsElement(node, tag)) return node;
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  for (unsigned i = 0; i < node->v.element.children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(node->v.element.children.data[i]);
    if (const GumboNode* found = FindFirst(child, tag)) return found;
  }
  return nullptr;
}

// Rule: attribute values are read as written; absent attributes read as "".
TEST(DomTest, Attribute) {
  const GumboTree tree("<div CLASS=\"a b\" id=x data-v=''>t</div>");
  const GumboNode* div = FindFirst(tree.root(), GUMBO_TAG_DIV);
  ASSERT_NE(div, nullptr);
  EXPECT_EQ(Attribute(div, "class"), "a b");
  EXPECT_EQ(Attribute(div, "id"), "x");
  EXPECT_EQ(Attribute(div, "data-v"), "");
  EXPECT_EQ(Attribute(div, "title"), "");
  EXPECT_EQ(Attribute(nullptr, "id"), "");
}

// Rule: text content skips scripts and styles, decodes entities, collapses whitespace
// and stops near the byte limit.
TEST(DomTest, TextContent) {
  const GumboTree tree(
      "<div> Tom &amp; <b>Jerry</b><script>x()</script><style>p{}</style>\n<br>go </div>");
  const GumboNode* div = FindFirst(tree.root(), GUMBO_TAG_DIV);
  ASSERT_NE(div, nullptr);
  EXPECT_EQ(TextContent(div), "Tom & Jerry go");
  EXPECT_EQ(TextContent(div, 3), "Tom &");  // stops at the text node that crosses it
}

TEST(DomTest, TagName) {
  const GumboTree tree("<section><my-widget>x</my-widget></section>");
  const GumboNode* section = FindFirst(tree.root(), GUMBO_TAG_SECTION);
  ASSERT_NE(section, nullptr);
  EXPECT_EQ(TagName(section), "section");
  const auto* custom = static_cast<const GumboNode*>(section->v.element.children.data[0]);
  EXPECT_EQ(TagName(custom), "my-widget");
}

// Rule: invalid UTF-8 in the input never reaches the tree's text.
TEST(DomTest, InvalidUtf8Replaced) {
  const GumboTree tree("<p>caf\xE9</p>");
  EXPECT_EQ(TextContent(FindFirst(tree.root(), GUMBO_TAG_P)), "caf\xEF\xBF\xBD");
}

}  // namespace
}  // namespace citecheck::extract::internal
