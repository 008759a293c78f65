#include "extract/internal/block_builder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace citecheck::extract::internal {
namespace {

const BlockStyle kPara{BlockKind::kParagraph};

// Rule: runs of ASCII whitespace inside a block become one space; blocks are trimmed.
TEST(BlockBuilderTest, CollapsesWhitespace) {
  struct Case {
    std::vector<std::string> pieces;
    std::string text;
  };
  const Case cases[] = {
      {{"  Hello \n\t world  "}, "Hello world"},
      {{"Hello", "world"}, "Helloworld"},  // adjacent inline pieces do not gain a space
      {{"Hello ", " world"}, "Hello world"},
      {{"a\r\nb\fc"}, "a b c"},
      {{"x\xC2\xA0 y"}, "x\xC2\xA0 y"},  // NBSP is text, not collapsible whitespace
  };
  for (const Case& c : cases) {
    BlockBuilder b;
    for (const std::string& piece : c.pieces) b.Append(piece, kPara);
    Document doc;
    b.Finish(&doc);
    EXPECT_EQ(doc.text, c.text);
    EXPECT_EQ(doc.blocks, (std::vector<Block>{{BlockKind::kParagraph, 0, c.text.size()}}));
  }
}

// Rule: blocks are separated by "\n\n" and each Block's offsets index its own text.
TEST(BlockBuilderTest, SeparatesBlocksAndKeepsOffsets) {
  BlockBuilder b;
  b.Append("Title", {BlockKind::kHeading, 2});
  b.End();
  b.Append(" First  para ", kPara);
  b.End();
  b.Append("Item", {BlockKind::kListItem, 0, 3});
  Document doc;
  b.Finish(&doc);
  EXPECT_EQ(doc.text, "Title\n\nFirst para\n\nItem");
  const std::vector<Block> expected = {
      {BlockKind::kHeading, 0, 5, 2, 0},
      {BlockKind::kParagraph, 7, 17, 0, 0},
      {BlockKind::kListItem, 19, 23, 0, 3},
  };
  EXPECT_EQ(doc.blocks, expected);
  EXPECT_EQ(BlockText(doc, doc.blocks[1]), "First para");
}

// Rule: a block that receives only whitespace never exists.
TEST(BlockBuilderTest, DropsEmptyBlocks) {
  BlockBuilder b;
  b.Append("   \n ", kPara);
  b.End();
  b.End();
  b.Append("text", kPara);
  b.End();
  b.Append("\t", kPara);
  Document doc;
  b.Finish(&doc);
  EXPECT_EQ(doc.text, "text");
  EXPECT_EQ(doc.blocks.size(), 1u);
}

// Rule: one <br> is a line break inside the block; two in a row end the paragraph.
TEST(BlockBuilderTest, LineBreaks) {
  BlockBuilder b;
  b.Append("one", kPara);
  b.LineBreak();
  b.Append(" two", kPara);
  b.LineBreak();
  b.Append("  ", kPara);
  b.LineBreak();
  b.Append("three", kPara);
  b.LineBreak();  // a trailing break is trimmed
  Document doc;
  b.Finish(&doc);
  EXPECT_EQ(doc.text, "one\ntwo\n\nthree");
  ASSERT_EQ(doc.blocks.size(), 2u);
  EXPECT_EQ(BlockText(doc, doc.blocks[0]), "one\ntwo");
  EXPECT_EQ(BlockText(doc, doc.blocks[1]), "three");
}

// Rule: preformatted text keeps its spaces; blank lines are squeezed so that "\n\n"
// only ever separates blocks.
TEST(BlockBuilderTest, Preformatted) {
  BlockBuilder b;
  b.AppendPreformatted("\nint main() {\n\n\n  return 0;   \n}\n", {BlockKind::kPreformatted});
  Document doc;
  b.Finish(&doc);
  EXPECT_EQ(doc.text, "int main() {\n  return 0;\n}");
}

// Rule: invalid UTF-8 becomes U+FFFD; the text is always valid UTF-8.
TEST(BlockBuilderTest, ReplacesInvalidUtf8) {
  BlockBuilder b;
  b.Append("caf\xE9 \xF0\x9F\x98\x80 ok \xC3", kPara);
  Document doc;
  b.Finish(&doc);
  EXPECT_EQ(doc.text, "caf\xEF\xBF\xBD \xF0\x9F\x98\x80 ok \xEF\xBF\xBD");
}

// Rule: removing blocks rebuilds the text and shifts the offsets of those that remain.
TEST(BlockBuilderTest, RemoveBlocks) {
  BlockBuilder b;
  for (const char* t : {"alpha", "beta", "gamma"}) {
    b.Append(t, kPara);
    b.End();
  }
  Document doc;
  b.Finish(&doc);
  RemoveBlocks(&doc,
               [](const Document& d, const Block& block) { return BlockText(d, block) == "beta"; });
  EXPECT_EQ(doc.text, "alpha\n\ngamma");
  EXPECT_EQ(doc.blocks,
            (std::vector<Block>{{BlockKind::kParagraph, 0, 5}, {BlockKind::kParagraph, 7, 12}}));
}

TEST(BlockBuilderTest, CollapseWhitespaceFunction) {
  EXPECT_EQ(CollapseWhitespace("  a \n b\t\tc  "), "a b c");
  EXPECT_EQ(CollapseWhitespace(" \n "), "");
  EXPECT_EQ(CollapseWhitespace("abc"), "abc");
}

}  // namespace
}  // namespace citecheck::extract::internal
