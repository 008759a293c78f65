#include "extract/internal/hints.h"

#include <strings.h>

#include <array>
#include <cctype>
#include <iterator>
#include <vector>

namespace citecheck::extract::internal {
namespace {

enum class Match { kWord, kPrefix, kInside };

struct Pattern {
  std::string_view text;
  Match match;
  uint8_t bits;
};

// Short or common words must be whole words ("ad" would match "header", "nav"
// "canvas"); distinctive stems may sit inside a compound ("postcomments").
constexpr Pattern kPatterns[] = {
    // Furniture.
    {"comment", Match::kInside, kHintBoilerplate},
    {"related", Match::kInside, kHintBoilerplate},
    {"newsletter", Match::kInside, kHintBoilerplate},
    {"cookie", Match::kInside, kHintBoilerplate},
    {"consent", Match::kInside, kHintBoilerplate},
    {"gdpr", Match::kInside, kHintBoilerplate},
    {"share", Match::kInside, kHintBoilerplate},
    {"sharing", Match::kInside, kHintBoilerplate},
    {"social", Match::kInside, kHintBoilerplate},
    {"sidebar", Match::kInside, kHintBoilerplate},
    {"breadcrumb", Match::kInside, kHintBoilerplate},
    {"subscri", Match::kInside, kHintBoilerplate},
    {"promo", Match::kInside, kHintBoilerplate},
    {"advert", Match::kInside, kHintBoilerplate},
    {"sponsor", Match::kInside, kHintBoilerplate},
    {"outbrain", Match::kInside, kHintBoilerplate},
    {"taboola", Match::kInside, kHintBoilerplate},
    {"recommend", Match::kInside, kHintBoilerplate},
    {"popup", Match::kInside, kHintBoilerplate},
    {"modal", Match::kInside, kHintBoilerplate},
    {"footer", Match::kInside, kHintBoilerplate},
    {"header", Match::kInside, kHintBoilerplate},
    {"masthead", Match::kInside, kHintBoilerplate},
    {"navbar", Match::kInside, kHintBoilerplate},
    {"navigation", Match::kInside, kHintBoilerplate},
    {"signup", Match::kInside, kHintBoilerplate},
    {"paywall", Match::kInside, kHintBoilerplate},
    {"disqus", Match::kInside, kHintBoilerplate},
    {"trending", Match::kInside, kHintBoilerplate},
    {"popular", Match::kInside, kHintBoilerplate},
    {"banner", Match::kInside, kHintBoilerplate},
    {"widget", Match::kInside, kHintBoilerplate},
    {"toolbar", Match::kInside, kHintBoilerplate},
    {"pagination", Match::kInside, kHintBoilerplate},
    {"byline", Match::kInside, kHintBoilerplate},
    {"overlay", Match::kInside, kHintBoilerplate},
    {"dialog", Match::kInside, kHintBoilerplate},
    {"tooltip", Match::kInside, kHintBoilerplate},
    {"dropdown", Match::kInside, kHintBoilerplate},
    {"login", Match::kInside, kHintBoilerplate},
    {"signin", Match::kInside, kHintBoilerplate},
    {"copyright", Match::kInside, kHintBoilerplate},
    {"ad", Match::kWord, kHintBoilerplate},
    {"ads", Match::kWord, kHintBoilerplate},
    {"adv", Match::kWord, kHintBoilerplate},
    {"nav", Match::kWord, kHintBoilerplate},
    {"menu", Match::kPrefix, kHintBoilerplate},
    {"tags", Match::kWord, kHintBoilerplate},
    {"tag", Match::kWord, kHintBoilerplate},
    {"meta", Match::kWord, kHintBoilerplate},
    {"author", Match::kWord, kHintBoilerplate},
    {"authors", Match::kWord, kHintBoilerplate},
    {"bio", Match::kWord, kHintBoilerplate},
    {"dateline", Match::kWord, kHintBoilerplate},
    {"timestamp", Match::kWord, kHintBoilerplate},
    {"skip", Match::kWord, kHintBoilerplate},
    {"more", Match::kWord, kHintBoilerplate},
    {"print", Match::kWord, kHintBoilerplate},
    {"rail", Match::kWord, kHintBoilerplate},
    {"search", Match::kWord, kHintBoilerplate},
    {"tools", Match::kWord, kHintBoilerplate},
    {"utility", Match::kWord, kHintBoilerplate},
    {"teaser", Match::kWord, kHintBoilerplate},
    {"teasers", Match::kWord, kHintBoilerplate},
    // Posts quoted from social networks: part of the story even inside a "widget".
    {"tweet", Match::kInside, kHintQuotedPost},
    {"instagram", Match::kInside, kHintQuotedPost},
    {"tiktok", Match::kInside, kHintQuotedPost},
    // Pictures and what is said about them.
    {"caption", Match::kInside, kHintCaption},
    {"credit", Match::kInside, kHintCaption},
    {"gallery", Match::kInside, kHintCaption},
    {"slideshow", Match::kInside, kHintCaption},
    {"carousel", Match::kInside, kHintCaption},
    {"lightbox", Match::kInside, kHintCaption},
    // Article containers.
    {"article", Match::kInside, kHintContent},
    {"content", Match::kInside, kHintContent},
    {"entry", Match::kInside, kHintContent},
    {"story", Match::kInside, kHintContent},
    {"body", Match::kInside, kHintContent},
    {"prose", Match::kInside, kHintContent},
    {"blog", Match::kInside, kHintContent},
    {"text", Match::kInside, kHintContent},
    {"main", Match::kPrefix, kHintContent},
    {"post", Match::kWord, kHintContent},
    {"copy", Match::kWord, kHintContent},
};

// Class names that frameworks use to hide an element from sighted readers.
constexpr std::string_view kHiddenClasses[] = {
    "hidden",    "hide",   "sr-only",   "visually-hidden", "visuallyhidden", "screen-reader-text",
    "offscreen", "d-none", "is-hidden", "invisible",       "u-hidden",       "element-invisible",
};

// kPatterns indexed by first letter, so that a word is compared only with the patterns
// that can start at each of its letters. Built once; read-only afterwards.
class PatternIndex {
 public:
  PatternIndex() {
    for (size_t i = 0; i < std::size(kPatterns); ++i) {
      by_letter_[static_cast<size_t>(kPatterns[i].text[0] - 'a')].push_back(i);
    }
  }
  const std::vector<size_t>& StartingWith(char c) const {
    return by_letter_[static_cast<size_t>(c - 'a')];
  }

 private:
  std::array<std::vector<size_t>, 26> by_letter_;
};

const PatternIndex& Index() {
  static const PatternIndex* const index = new PatternIndex();
  return *index;
}

// True when `p` matches `word` at position `i` under its Match rule.
bool MatchesAt(std::string_view word, size_t i, const Pattern& p) {
  switch (p.match) {
    case Match::kWord:
      return i == 0 && word == p.text;
    case Match::kPrefix:
      return i == 0 && word.starts_with(p.text);
    case Match::kInside:
      // "commentary" is an article genre, not a comment thread.
      return word.substr(i).starts_with(p.text) &&
             !(p.text == "comment" && word.substr(i).starts_with("commentary"));
  }
  return false;
}

uint8_t ClassifyWord(std::string_view word) {
  const PatternIndex& index = Index();
  uint8_t bits = kHintNone;
  for (size_t i = 0; i < word.size(); ++i) {
    if (word[i] < 'a' || word[i] > 'z') continue;
    for (size_t k : index.StartingWith(word[i])) {
      const Pattern& p = kPatterns[k];
      if ((bits & p.bits) == 0 && MatchesAt(word, i, p)) bits |= p.bits;
    }
  }
  return bits;
}

// Calls ClassifyWord on each lower-cased word of `attr`. Words longer than the buffer
// are cut: class names that long are generated hashes, not words.
uint8_t ClassifyWords(std::string_view attr) {
  constexpr size_t kMaxWord = 40;
  char word[kMaxWord];
  size_t len = 0;
  uint8_t bits = kHintNone;
  char prev = 0;
  auto flush = [&] {
    if (len > 0) bits |= ClassifyWord(std::string_view(word, len));
    len = 0;
  };
  for (char c : attr) {
    const auto u = static_cast<unsigned char>(c);
    const bool alnum = std::isalnum(u) != 0;
    if (!alnum || (std::isupper(u) && std::islower(static_cast<unsigned char>(prev)))) {
      flush();
    }
    if (alnum && len < kMaxWord) word[len++] = static_cast<char>(std::tolower(u));
    prev = c;
  }
  flush();
  return bits;
}

bool HasHiddenClass(std::string_view class_attr) {
  size_t pos = 0;
  while (pos < class_attr.size()) {
    size_t end = class_attr.find_first_of(" \t\n\r\f", pos);
    if (end == std::string_view::npos) end = class_attr.size();
    const std::string_view item = class_attr.substr(pos, end - pos);
    for (std::string_view hidden : kHiddenClasses) {
      if (item.size() == hidden.size() &&
          strncasecmp(item.data(), hidden.data(), item.size()) == 0) {
        return true;
      }
    }
    pos = end + 1;
  }
  return false;
}

}  // namespace

uint8_t ClassifyClassAndId(std::string_view class_attr, std::string_view id_attr) {
  uint8_t bits = ClassifyWords(class_attr) | ClassifyWords(id_attr);
  if (bits & kHintQuotedPost) bits &= ~kHintBoilerplate & ~kHintQuotedPost;
  if (HasHiddenClass(class_attr)) bits |= kHintHidden;
  return bits;
}

uint8_t ClassifyRole(std::string_view role) {
  static constexpr std::string_view kFurniture[] = {
      "navigation", "banner",  "contentinfo", "complementary", "dialog",  "alertdialog",
      "menu",       "menubar", "search",      "toolbar",       "tablist", "alert",
  };
  for (std::string_view r : kFurniture) {
    if (role == r) return kHintBoilerplate;
  }
  if (role == "main" || role == "article") return kHintContent;
  return kHintNone;
}

}  // namespace citecheck::extract::internal
