#include "extract/internal/page_stats.h"

#include <algorithm>
#include <string_view>

#include "extract/internal/hints.h"

namespace citecheck::extract::internal {
namespace {

// Nesting deeper than this is pathological (broken markup); such subtrees are treated
// as invisible rather than risking the stack.
constexpr int kMaxDepth = 1000;

// clang-format off
uint16_t TagFlags(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE: case GUMBO_TAG_BASE: case GUMBO_TAG_LINK:
    case GUMBO_TAG_META: case GUMBO_TAG_STYLE: case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IMG:
    case GUMBO_TAG_IMAGE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_PARAM: case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_SOURCE: case GUMBO_TAG_TRACK:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_MAP: case GUMBO_TAG_AREA: case GUMBO_TAG_MATH:
    case GUMBO_TAG_SVG: case GUMBO_TAG_INPUT: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT: case GUMBO_TAG_DATALIST: case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_OUTPUT: case GUMBO_TAG_PROGRESS: case GUMBO_TAG_METER:
    case GUMBO_TAG_LABEL: case GUMBO_TAG_APPLET: case GUMBO_TAG_FRAME:
    case GUMBO_TAG_FRAMESET: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_MENUITEM: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_RP:
      return kIgnored;
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_MENU:
    case GUMBO_TAG_FIELDSET:
      return kBlockLevel | kFurnitureTag;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6:
      return kBlockLevel | kHeading;
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
      return kBlockLevel | kListOrTable;
    case GUMBO_TAG_TABLE:
      return kBlockLevel | kListOrTable | kTableTag;
    case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
      return kBlockLevel | kTableTag;
    case GUMBO_TAG_A:
      return kAnchor;
    case GUMBO_TAG_ARTICLE:
      return kBlockLevel | kArticleTag;
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
      return kBlockLevel | kCaptionTag;
    case GUMBO_TAG_HTML: case GUMBO_TAG_BODY:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_MAIN: case GUMBO_TAG_DIV: case GUMBO_TAG_P:
    case GUMBO_TAG_PRE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_LI: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HGROUP: case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_DIR:
    case GUMBO_TAG_LISTING: case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_CAPTION: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_HR:
      return kBlockLevel;
    default:
      return 0;
  }
}
// clang-format on

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if ((s[i] | 0x20) != prefix[i]) return false;
  }
  return true;
}

// True for inline styles that hide the element ("display: none", "visibility:hidden").
bool HidingStyle(std::string_view style) {
  for (size_t pos = style.find(':'); pos != std::string_view::npos;
       pos = style.find(':', pos + 1)) {
    size_t v = pos + 1;
    while (v < style.size() && style[v] == ' ') ++v;
    const std::string_view value = style.substr(v);
    if (StartsWithNoCase(value, "none") || StartsWithNoCase(value, "hidden")) {
      size_t k = pos;
      while (k > 0 && style[k - 1] == ' ') --k;
      const std::string_view name = style.substr(0, k);
      if (name.ends_with("display") || name.ends_with("visibility")) return true;
    }
  }
  return false;
}

// Flags from the attributes: hidden elements, class/id/role hints, microdata.
uint16_t AttributeFlags(const GumboNode* node) {
  std::string_view class_attr, id_attr;
  uint8_t hints = kHintNone;
  const GumboVector& attrs = node->v.element.attributes;
  for (unsigned i = 0; i < attrs.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(attrs.data[i]);
    const std::string_view name = attr->name;
    const std::string_view value = attr->value;
    if (name == "class") {
      class_attr = value;
    } else if (name == "id") {
      id_attr = value;
    } else if (name == "role") {
      hints |= ClassifyRole(value);
    } else if (name == "hidden") {
      return kIgnored;
    } else if (name == "aria-hidden" && value == "true") {
      return kIgnored;
    } else if (name == "style" && HidingStyle(value)) {
      return kIgnored;
    } else if (name == "itemprop" && value.find("articleBody") != std::string_view::npos) {
      hints |= kHintContent;
    }
  }
  if (!class_attr.empty() || !id_attr.empty()) {
    hints |= ClassifyClassAndId(class_attr, id_attr);
  }
  if (hints & kHintHidden) return kIgnored;
  uint16_t flags = 0;
  if (hints & kHintBoilerplate) flags |= kJunkHint;
  if (hints & kHintContent) flags |= kContentHint;
  if (hints & kHintCaption) flags |= kCaptionTag;
  return flags;
}

class Analyzer {
 public:
  explicit Analyzer(std::vector<Elem>* elems) : elems_(elems) {}

  void VisitElement(const GumboNode* node, uint32_t parent, uint32_t block, bool in_link,
                    int depth);

 private:
  void VisitText(const char* text, uint32_t owner, uint32_t block, bool in_link);

  std::vector<Elem>* const elems_;
};

void Analyzer::VisitText(const char* text, uint32_t owner, uint32_t block, bool in_link) {
  uint32_t len = 0, commas = 0, stops = 0;
  for (const char* p = text; *p != '\0'; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c <= ' ') continue;
    ++len;
    if (c == ',') {
      ++commas;
    } else if (c == '.' || c == '!' || c == '?') {
      ++stops;
    }
  }
  Elem& o = (*elems_)[owner];
  if (o.text_len == 0 && len > 0 && in_link) o.flags |= kFirstTextLinked;
  o.text_len += len;
  if (in_link) o.link_len += len;
  Elem& b = (*elems_)[block];
  b.own_len += len;
  if (in_link) b.own_link_len += len;
  b.own_commas = static_cast<uint16_t>(std::min<uint32_t>(0xffff, b.own_commas + commas));
  b.own_stops += stops;
}

void Analyzer::VisitElement(const GumboNode* node, uint32_t parent, uint32_t block, bool in_link,
                            int depth) {
  const auto idx = static_cast<uint32_t>(elems_->size());
  elems_->push_back(Elem{node, parent});
  uint16_t flags = TagFlags(node->v.element.tag);
  if ((flags & kIgnored) == 0) flags |= AttributeFlags(node);
  if (depth > kMaxDepth) flags |= kIgnored;
  (*elems_)[idx].flags = flags;
  if (flags & kIgnored) {
    (*elems_)[idx].end = idx + 1;
    return;
  }
  // The root holds its text even when it is inline.
  const uint32_t own_block = (flags & kBlockLevel) || block == kNoElem ? idx : block;
  const bool link = in_link || (flags & kAnchor);
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT) {
      VisitElement(child, idx, own_block, link, depth + 1);
    } else if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
      VisitText(child->v.text.text, idx, own_block, link);
    }
  }
  Elem& done = (*elems_)[idx];
  done.end = static_cast<uint32_t>(elems_->size());
  if (parent != kNoElem) {
    Elem& up = (*elems_)[parent];
    if (up.text_len == 0 && (done.flags & kFirstTextLinked)) up.flags |= kFirstTextLinked;
    up.text_len += done.text_len;
    up.link_len += done.link_len;
  }
}

}  // namespace

std::vector<Elem> MeasureElements(const GumboNode* root) {
  std::vector<Elem> elems;
  if (root == nullptr || root->type != GUMBO_NODE_ELEMENT) return elems;
  Analyzer(&elems).VisitElement(root, kNoElem, kNoElem, false, 0);
  return elems;
}

}  // namespace citecheck::extract::internal
