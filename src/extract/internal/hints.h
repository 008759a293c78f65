// hints: what an element's class, id and role say about it.
//
// Sites name their furniture consistently across the web: "share-bar", "cookie-banner",
// "related-articles", "newsletter-signup", "comments", role="navigation"; and their
// article containers "article-body", "entry-content", "story", itemprop="articleBody".
// These words are one signal among several; the caller weighs them against the text.
//
// Thread-safety: pure functions.
#ifndef CITECHECK_EXTRACT_INTERNAL_HINTS_H_
#define CITECHECK_EXTRACT_INTERNAL_HINTS_H_

#include <cstdint>
#include <string_view>

namespace citecheck::extract::internal {

enum HintBits : uint8_t {
  kHintNone = 0,
  kHintContent = 1 << 0,      // "article", "content", "entry", "story", "post", "body"...
  kHintBoilerplate = 1 << 1,  // "comment", "share", "related", "cookie", "nav", "ad"...
  kHintHidden = 1 << 2,       // "hidden", "sr-only", "visually-hidden"...: never shown
  kHintCaption = 1 << 3,      // "caption", "credit", "gallery", "slideshow"...
  kHintQuotedPost = 1 << 4,   // "tweet", "instagram": cancels kHintBoilerplate (internal)
};

// Classifies the words of `class_attr` and `id_attr`: split on non-alphanumerics and
// camelCase boundaries, lower-cased. Short words ("ad", "nav", "tags") must match a
// whole word; distinctive stems ("comment", "newsletter", "sidebar") match inside one
// ("post-comments", "newsletterBox"). Returns a combination of HintBits. An embedded
// social post ("twitter-tweet", "instagram-media") is content even in a "widget".
uint8_t ClassifyClassAndId(std::string_view class_attr, std::string_view id_attr);

// Classifies an ARIA role: landmarks for furniture ("navigation", "banner",
// "contentinfo", "complementary", "dialog"...) give kHintBoilerplate; "main" and
// "article" give kHintContent.
uint8_t ClassifyRole(std::string_view role);

}  // namespace citecheck::extract::internal

#endif  // CITECHECK_EXTRACT_INTERNAL_HINTS_H_
