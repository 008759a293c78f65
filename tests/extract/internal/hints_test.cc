#include "extract/internal/hints.h"

#include <gtest/gtest.h>

#include <string>

namespace citecheck::extract::internal {
namespace {

// Rule: furniture words mark boilerplate, container words mark content; short words
// only as whole words, stems also inside compounds and camelCase names.
TEST(HintsTest, ClassAndId) {
  struct Case {
    std::string class_attr;
    std::string id_attr;
    uint8_t bits;
  };
  const Case cases[] = {
      {"", "", kHintNone},
      {"cookie-banner", "", kHintBoilerplate},
      {"share-bar", "", kHintBoilerplate},
      {"", "comments", kHintBoilerplate},
      {"relatedArticles", "", kHintBoilerplate | kHintContent},
      {"newsletterBox", "", kHintBoilerplate},
      {"ad", "", kHintBoilerplate},
      {"ad-slot top", "", kHintBoilerplate},
      {"header", "", kHintBoilerplate},
      {"load shadow", "", kHintNone},  // "ad" only as a whole word
      {"canvas-wrap", "", kHintNone},  // "nav" only as a whole word
      {"article-body", "", kHintContent},
      {"entry-content", "", kHintContent},
      {"", "main-content", kHintContent},
      {"story", "", kHintContent},
      {"commentary-body", "", kHintContent},  // an article genre, not comments
      {"wp-caption", "", kHintCaption},
      {"photo-credit", "", kHintCaption},
      {"sdc-article-widget sdc-article-tweet", "", kHintContent},  // an embedded post
      {"hidden", "", kHintHidden},
      {"sr-only", "", kHintHidden},
      {"hidden-xs col-md-8", "", kHintNone},  // bootstrap: hidden on phones only
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ClassifyClassAndId(c.class_attr, c.id_attr), c.bits)
        << "class=\"" << c.class_attr << "\" id=\"" << c.id_attr << "\"";
  }
}

// Rule: ARIA landmarks for page furniture are boilerplate; main and article are content.
TEST(HintsTest, Role) {
  EXPECT_EQ(ClassifyRole("navigation"), kHintBoilerplate);
  EXPECT_EQ(ClassifyRole("contentinfo"), kHintBoilerplate);
  EXPECT_EQ(ClassifyRole("complementary"), kHintBoilerplate);
  EXPECT_EQ(ClassifyRole("dialog"), kHintBoilerplate);
  EXPECT_EQ(ClassifyRole("main"), kHintContent);
  EXPECT_EQ(ClassifyRole("article"), kHintContent);
  EXPECT_EQ(ClassifyRole("presentation"), kHintNone);
}

}  // namespace
}  // namespace citecheck::extract::internal
