// Claim extraction: which figures of a draft are check-worthy, what they are about, who
// they are attributed to, and which mentions state the same fact.
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <tuple>

#include "draft/draft.h"

namespace citecheck::draft {
namespace {

using text::Quantity;
using text::QuantityKind;
using text::Span;

// Context overlap (shared stems over the smaller context) above which two mentions of
// the same figure are taken to state the same fact. Mentions of one fact are usually
// rephrasings, so they share about half their content words; different facts with the
// same figure rarely share more than a few.
constexpr double kSameFactOverlap = 0.4;

// Counts the article makes of itself: "Cette analyse, basée sur trois sources",
// "Voici trois actions". Only small counts are concerned.
constexpr double kMaxSelfCount = 20;

struct Candidate {
  int block = -1;
  Span sentence;
  Quantity quantity;
  std::vector<Quantity> qualifiers;
  std::vector<std::string> context;
  bool negated = false;
  std::vector<int> sources;
};

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool IsSelfReference(const std::string& folded_sentence) {
  static constexpr std::string_view kMarkers[] = {
      "cette analyse", "cet article", "ce guide", "cette synthese", "ce dossier",
      "voici", "ci-dessous", "nous allons", "on examinera", "on va voir",
      "this article", "this analysis", "this guide", "this post", "here are", "below",
      "we will", "in this"};
  for (std::string_view m : kMarkers) {
    if (Contains(folded_sentence, m)) return true;
  }
  return false;
}

bool IsRatingOrReadingTime(const Quantity& q, const std::string& folded_sentence) {
  if (q.kind == QuantityKind::kFraction || q.kind == QuantityKind::kCount) {
    for (std::string_view m : {"fiabilite", "reliability", "note :", "rating", "score"}) {
      if (Contains(folded_sentence, m)) return true;
    }
  }
  if (q.kind == QuantityKind::kDuration) {
    for (std::string_view m : {"lecture", "de lire", "read", "reading"}) {
      if (Contains(folded_sentence, m)) return true;
    }
  }
  return false;
}

// Section numbers: "1. Introduction", "2) Méthode" at the start of a heading.
bool IsHeadingNumber(const ProseBlock& block, const Quantity& q) {
  if (block.kind != ProseBlock::Kind::kHeading || q.span.begin > 1) return false;
  return q.span.end < block.text.size() &&
         (block.text[q.span.end] == '.' || block.text[q.span.end] == ')');
}

bool IsCheckWorthy(const ProseBlock& block, const Quantity& q, const std::string& folded) {
  if (q.kind == QuantityKind::kOrdinal && q.in_words) return false;
  if (IsHeadingNumber(block, q) || IsRatingOrReadingTime(q, folded)) return false;
  if (q.kind == QuantityKind::kCount && q.value <= kMaxSelfCount && IsSelfReference(folded)) {
    return false;
  }
  return true;
}

// Years, dates and durations frame another figure of their sentence ("En 2024, 13 %",
// "de 7 % en un an") rather than being claims of their own.
bool IsFrame(const Quantity& q) {
  return q.kind == QuantityKind::kYear || q.kind == QuantityKind::kDate ||
         q.kind == QuantityKind::kDuration;
}

bool Inside(Span inner, Span outer) {
  return inner.begin >= outer.begin && inner.end <= outer.end;
}

// Words that say where a figure comes from, not what it is about.
bool IsAttributionWord(std::string_view folded) {
  return folded == "source" || folded == "sources" || folded == "selon" ||
         folded == "d'apres" || folded == "according";
}

// Content words of a sentence, without the figures themselves and without the words
// of attributions (a source's name says who, not what).
std::vector<std::string> ContextOf(const std::vector<text::Word>& words,
                                   const std::vector<Span>& skip, text::Lang lang) {
  std::vector<text::Word> kept;
  for (const text::Word& w : words) {
    bool skipped = false;
    for (const Span& s : skip) skipped = skipped || (w.span.begin < s.end && w.span.end > s.begin);
    if (!skipped) kept.push_back(w);
  }
  std::vector<std::string> out = text::ContentWords(kept, lang);
  std::erase_if(out, [](const std::string& w) { return IsAttributionWord(w); });
  return out;
}

std::vector<std::string> Stems(const std::vector<std::string>& words, text::Lang lang) {
  std::vector<std::string> out;
  for (const std::string& w : words) out.push_back(text::Stem(w, lang));
  return out;
}

// Shared stems over the smaller set; both arguments sorted and unique.
double Overlap(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
  std::vector<std::string> common;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
  return static_cast<double>(common.size()) / static_cast<double>(std::min(a.size(), b.size()));
}

std::vector<std::string> SortedUnique(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
  return v;
}

bool SameFigure(const Quantity& a, const Quantity& b) {
  if (a.kind != b.kind || a.unit != b.unit) return false;
  const double scale = std::max({std::abs(a.value), std::abs(b.value), 1e-9});
  return std::abs(a.value - b.value) <= 1e-9 * scale;
}

class Extractor {
 public:
  explicit Extractor(const Draft& draft) : draft_(draft) {}

  std::vector<Claim> Run() {
    for (size_t b = 0; b < draft_.blocks.size(); ++b) {
      if (!draft_.blocks[b].in_sources) Block(static_cast<int>(b));
    }
    return Group();
  }

 private:
  // Text spans of the attributions inside a block, with the source each resolves to.
  std::vector<std::pair<Span, int>> AttributionSpans(const ProseBlock& block) const {
    std::vector<std::pair<Span, int>> out;
    if (block.pieces.empty()) return out;
    const size_t first = block.pieces.front().file_begin;
    const size_t last = block.pieces.back().file_begin + block.pieces.back().size;
    size_t search_from = 0;
    for (const Attribution& a : draft_.attributions) {
      if (a.range.begin < first || a.range.begin > last) continue;
      size_t at = block.text.find(a.name, search_from);
      if (at == std::string::npos) at = block.text.find(a.name);
      if (at == std::string::npos) continue;
      out.push_back({{at, at + a.name.size()}, a.source});
      search_from = at + a.name.size();
    }
    return out;
  }

  std::vector<int> SentenceSources(const ProseBlock& block, Span sentence,
                                   const std::vector<std::pair<Span, int>>& attributions) const {
    std::vector<int> out;
    for (const auto& [span, source] : attributions) {
      if (source >= 0 && Inside(span, sentence)) out.push_back(source);
    }
    for (size_t i = 0; i < block.link_ends.size(); ++i) {
      if (block.link_ends[i] <= sentence.begin || block.link_ends[i] > sentence.end) continue;
      // Link sources are keyed by normalized URL; compare through the list.
      for (size_t s = 0; s < draft_.sources.size(); ++s) {
        const SourceEntry& e = draft_.sources[s];
        if (!e.url.empty() && (e.url == block.link_urls[i] || e.url == block.link_urls[i] + "/")) {
          out.push_back(static_cast<int>(s));
        }
      }
    }
    return out;
  }

  void Block(int b) {
    const ProseBlock& block = draft_.blocks[b];
    const auto attributions = AttributionSpans(block);
    std::vector<int> block_sources;
    for (const auto& [span, source] : attributions) {
      if (source >= 0) block_sources.push_back(source);
    }
    const std::vector<Quantity> all = text::FindQuantities(block.text, draft_.lang);
    if (all.empty()) return;
    for (const Span& sentence : text::SplitSentences(block.text, draft_.lang)) {
      Sentence(b, sentence, all, attributions, block_sources);
    }
  }

  void Sentence(int b, Span sentence, const std::vector<Quantity>& all,
                const std::vector<std::pair<Span, int>>& attributions,
                const std::vector<int>& block_sources) {
    const ProseBlock& block = draft_.blocks[b];
    std::string_view s = std::string_view(block.text).substr(sentence.begin, sentence.size());
    const std::string folded = text::Fold(s);
    std::vector<Quantity> mains, dates;
    std::vector<Span> skip;
    for (const Quantity& q : all) {
      if (!Inside(q.span, sentence)) continue;
      skip.push_back(q.span);
      if (!IsCheckWorthy(block, q, folded)) continue;
      (IsFrame(q) ? dates : mains).push_back(q);
    }
    if (mains.empty()) mains.swap(dates);  // a sentence that only dates an event
    if (mains.empty()) return;
    for (const auto& [span, source] : attributions) {
      if (Inside(span, sentence)) skip.push_back(span);
    }
    std::vector<text::Word> words = text::Words(s);
    for (text::Word& w : words) {
      w.span.begin += sentence.begin;
      w.span.end += sentence.begin;
    }
    Candidate base;
    base.block = b;
    base.sentence = sentence;
    base.qualifiers = dates;
    base.context = ContextOf(words, skip, draft_.lang);
    base.negated = text::IsNegated(words);
    base.sources = SentenceSources(block, sentence, attributions);
    if (base.sources.empty()) base.sources = block_sources;
    for (const Quantity& q : mains) {
      Candidate c = base;
      c.quantity = q;
      candidates_.push_back(std::move(c));
    }
  }

  size_t Find(std::vector<size_t>& parent, size_t i) const {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }

  // Mentions are compared only within buckets of the same figure, so a long draft
  // with thousands of figures stays near linear.
  std::vector<Claim> Group() {
    std::vector<size_t> parent(candidates_.size());
    std::iota(parent.begin(), parent.end(), 0);
    std::map<std::tuple<int, std::string, double, bool>, std::vector<size_t>> buckets;
    std::vector<std::vector<std::string>> contexts;
    for (size_t i = 0; i < candidates_.size(); ++i) {
      const Candidate& c = candidates_[i];
      buckets[{static_cast<int>(c.quantity.kind), c.quantity.unit, c.quantity.value, c.negated}]
          .push_back(i);
      contexts.push_back(SortedUnique(Stems(c.context, draft_.lang)));
    }
    for (const auto& [key, members] : buckets) {
      for (size_t x = 0; x < members.size(); ++x) {
        for (size_t y = x + 1; y < members.size(); ++y) {
          if (Overlap(contexts[members[x]], contexts[members[y]]) < kSameFactOverlap) continue;
          parent[Find(parent, members[y])] = Find(parent, members[x]);
        }
      }
    }
    std::map<size_t, std::vector<size_t>> groups;  // root -> members in order
    for (size_t i = 0; i < candidates_.size(); ++i) groups[Find(parent, i)].push_back(i);
    std::vector<std::vector<size_t>> ordered;
    for (auto& [root, members] : groups) ordered.push_back(std::move(members));
    std::sort(ordered.begin(), ordered.end(),
              [](const auto& x, const auto& y) { return x.front() < y.front(); });
    std::vector<Claim> claims;
    for (const auto& members : ordered) claims.push_back(MakeClaim(members, claims.size() + 1));
    return claims;
  }

  Claim MakeClaim(const std::vector<size_t>& members, size_t number) const {
    const Candidate& first = candidates_[members.front()];
    const ProseBlock& first_block = draft_.blocks[first.block];
    Claim c;
    c.id = "c" + std::to_string(number);
    c.quantity = first.quantity;
    c.sentence = first_block.text.substr(first.sentence.begin, first.sentence.size());
    c.context = first.context;
    c.negated = first.negated;
    for (size_t m : members) {
      const Candidate& cand = candidates_[m];
      const ProseBlock& block = draft_.blocks[cand.block];
      for (const Quantity& q : cand.qualifiers) {
        bool dup = false;
        for (const Quantity& have : c.qualifiers) dup = dup || SameFigure(have, q);
        if (!dup) c.qualifiers.push_back(q);
      }
      for (int s : cand.sources) {
        if (std::find(c.sources.begin(), c.sources.end(), s) == c.sources.end()) c.sources.push_back(s);
      }
      Mention mention;
      mention.range = draft_.RangeOf(block, cand.quantity.span.begin, cand.quantity.span.end);
      mention.sentence_range = draft_.RangeOf(block, cand.sentence.begin, cand.sentence.end);
      mention.sentence = block.text.substr(cand.sentence.begin, cand.sentence.size());
      mention.block = cand.block;
      mention.section = block.section;
      c.mentions.push_back(std::move(mention));
    }
    return c;
  }

  const Draft& draft_;
  std::vector<Candidate> candidates_;
};

}  // namespace

std::vector<Claim> ExtractClaims(const Draft& draft) { return Extractor(draft).Run(); }

std::vector<Claim> ClaimsOfText(std::string_view text, text::Lang lang) {
  Draft d;
  d.content = std::string(text);
  d.line_starts = {0};
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') d.line_starts.push_back(i + 1);
  }
  d.lang = lang;
  ProseBlock block;
  block.text = d.content;
  block.pieces.push_back({0, 0, text.size()});
  d.blocks.push_back(std::move(block));
  std::vector<Claim> claims = ExtractClaims(d);
  if (!claims.empty()) return claims;
  Claim c;
  c.id = "c1";
  c.has_figure = false;
  c.sentence = d.content;
  c.context = text::ContentWords(text::Words(text), lang);
  c.negated = text::IsNegated(text::Words(text));
  Mention m;
  m.range = d.FileRange(0, text.size());
  m.sentence_range = m.range;
  m.sentence = d.content;
  m.block = 0;
  c.mentions.push_back(std::move(m));
  return {c};
}

}  // namespace citecheck::draft
