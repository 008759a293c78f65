// dom: owning wrapper and small read helpers for gumbo's tree.
//
// Thread-safety: a GumboTree is immutable after construction; its nodes may be read
// from several threads. The free functions are pure.
#ifndef CITECHECK_EXTRACT_INTERNAL_DOM_H_
#define CITECHECK_EXTRACT_INTERNAL_DOM_H_

#include <gumbo.h>

#include <string>
#include <string_view>

namespace citecheck::extract::internal {

// Owns the output of one gumbo parse (gumbo's destroy call needs the parse options,
// hence a class rather than a unique_ptr deleter).
class GumboTree {
 public:
  // Parses `html` (UTF-8; gumbo replaces invalid bytes with U+FFFD). REQUIRES: `html`
  // outlives the tree, whose nodes point into it.
  explicit GumboTree(std::string_view html);
  ~GumboTree();
  GumboTree(const GumboTree&) = delete;
  GumboTree& operator=(const GumboTree&) = delete;

  // The <html> element (gumbo always creates one).
  const GumboNode* root() const { return output_->root; }

 private:
  GumboOptions options_;
  GumboOutput* output_;
};

// The value of attribute `name` (lower-case) of an element node, or "" when it is
// absent or `node` is not an element.
std::string_view Attribute(const GumboNode* node, const char* name);

// True when `node` is an element with tag `tag`.
bool IsElement(const GumboNode* node, GumboTag tag);

// The text content of `node`'s subtree, whitespace collapsed, without the content of
// <script>, <style>, <noscript> and <template>. Stops after about `max_bytes` bytes.
std::string TextContent(const GumboNode* node, size_t max_bytes = 4096);

// The node's tag name in lower case ("div", or the original name of an unknown tag).
std::string TagName(const GumboNode* node);

}  // namespace citecheck::extract::internal

#endif  // CITECHECK_EXTRACT_INTERNAL_DOM_H_
