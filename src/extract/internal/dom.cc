#include "extract/internal/dom.h"

#include <cctype>

#include "extract/internal/block_builder.h"

namespace citecheck::extract::internal {
namespace {

// Gumbo keeps every error it meets (allocating a record for each) unless told not to;
// extraction never reads them.
GumboOptions ParseOptions() {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  return options;
}

bool SkipsText(const GumboNode* node) {
  switch (node->v.element.tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
      return true;
    default:
      return false;
  }
}

void AppendText(const GumboNode* node, size_t max_bytes, int depth, std::string* out) {
  // Pathological nesting is cut off rather than risking the stack.
  constexpr int kMaxDepth = 1000;
  if (out->size() >= max_bytes || depth > kMaxDepth) return;
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_WHITESPACE:
      out->append(node->v.text.text);
      return;
    case GUMBO_NODE_ELEMENT:
      if (SkipsText(node)) return;
      if (node->v.element.tag == GUMBO_TAG_BR) out->push_back(' ');
      for (unsigned i = 0; i < node->v.element.children.length; ++i) {
        AppendText(static_cast<const GumboNode*>(node->v.element.children.data[i]), max_bytes,
                   depth + 1, out);
      }
      return;
    default:
      return;
  }
}

}  // namespace

GumboTree::GumboTree(std::string_view html)
    : options_(ParseOptions()),
      output_(gumbo_parse_with_options(&options_, html.data(), html.size())) {}

GumboTree::~GumboTree() { gumbo_destroy_output(&options_, output_); }

std::string_view Attribute(const GumboNode* node, const char* name) {
  if (node == nullptr || node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  return attr == nullptr ? std::string_view() : std::string_view(attr->value);
}

bool IsElement(const GumboNode* node, GumboTag tag) {
  return node != nullptr && node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

std::string TextContent(const GumboNode* node, size_t max_bytes) {
  std::string raw;
  AppendText(node, max_bytes, 0, &raw);
  return CollapseWhitespace(raw);
}

std::string TagName(const GumboNode* node) {
  if (node == nullptr || node->type != GUMBO_NODE_ELEMENT) return "";
  if (node->v.element.tag != GUMBO_TAG_UNKNOWN) {
    return gumbo_normalized_tagname(node->v.element.tag);
  }
  GumboStringPiece piece = node->v.element.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data, piece.length);
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

}  // namespace citecheck::extract::internal
