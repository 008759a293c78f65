// Claim extraction: which figures of a draft are check-worthy, what they are about, who
// they are attributed to, and which mentions state the same fact.
#include <algorithm>
#include <map>

#include "draft/draft.h"
#include "draft/internal/grouping.h"
#include "draft/internal/phrase.h"
#include "draft/internal/sources.h"

namespace citecheck::draft {
namespace {

using text::Quantity;
using text::QuantityKind;
using text::Span;

// Counts the article makes of itself: "Cette analyse, basée sur trois sources",
// "Voici trois actions". Only small counts are concerned.
constexpr double kMaxSelfCount = 20;
// The most items read from a list a count announces.
constexpr size_t kMaxItems = 50;

struct Candidate {
  int block = -1;
  Span sentence;
  Quantity quantity;
  std::vector<Quantity> qualifiers;
  std::vector<std::string> context;
  bool negated = false;
  internal::Phrase phrase;
  std::vector<std::string> subject_words;    // folded content words of the subject
  std::vector<std::string> predicate_words;  // and of the predicate
  std::vector<std::string> items;
  std::vector<Citation> citations;
};

// A citation at a text offset of its block.
struct Cited {
  size_t at = 0;
  Citation citation;
};

bool Contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

bool IsSelfReference(const std::string& folded_sentence) {
  static constexpr std::string_view kMarkers[] = {
      "cette analyse", "cet article",  "ce guide",      "cette synthese", "ce dossier",
      "voici",         "ci-dessous",   "ci-apres",      "nous allons",    "on examinera",
      "on va voir",    "this article", "this analysis", "this guide",     "this post",
      "here are",      "below",        "we will",       "in this",        "the following"};
  for (std::string_view m : kMarkers) {
    if (Contains(folded_sentence, m)) return true;
  }
  return false;
}

// Ratings and scores the draft declares ("Fiabilité : 8/10", "Score : 97 %") and
// reading times ("7 min de lecture").
bool IsRatingOrReadingTime(const Quantity& q, const std::string& folded_sentence,
                           std::string_view label) {
  static constexpr std::string_view kRatingWords[] = {"fiabilite", "reliability", "note",
                                                      "rating",    "score",       "notation"};
  std::string_view bare = label;
  while (!bare.empty() && (bare.back() == ' ' || static_cast<unsigned char>(bare.back()) >= 0x80)) {
    bare.remove_suffix(1);  // spaces, and the no-break ones before a French colon
  }
  if (bare.ends_with(":")) {
    const std::string folded_label = text::Fold(label);
    for (std::string_view m : kRatingWords) {
      if (Contains(folded_label, m)) return true;
    }
  }
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

// Section numbers: "1. Introduction", "2) Méthode", "Étape 3 : ...", "Part 2".
bool IsHeadingNumber(const ProseBlock& block, const Quantity& q) {
  if (block.kind != ProseBlock::Kind::kHeading) return false;
  if (q.span.begin <= 1 && q.span.end < block.text.size() &&
      (block.text[q.span.end] == '.' || block.text[q.span.end] == ')')) {
    return true;
  }
  const std::string before = text::Fold(std::string_view(block.text).substr(0, q.span.begin));
  for (std::string_view w : {"etape ", "partie ", "chapitre ", "section ", "phase ", "axe ",
                             "step ", "part ", "chapter "}) {
    if (before == w) return true;
  }
  return false;
}

// The few words before a figure, where a label such as "Score :" would be: at most
// kLabelBytes, cut at a character boundary (folding the whole sentence prefix for
// every figure would cost more than the rest of the extraction).
constexpr size_t kLabelBytes = 48;
std::string_view LabelBefore(std::string_view sentence, size_t at) {
  size_t from = at > kLabelBytes ? at - kLabelBytes : 0;
  while (from < at && (static_cast<unsigned char>(sentence[from]) & 0xC0) == 0x80) ++from;
  return sentence.substr(from, at - from);
}

bool IsCheckWorthy(const ProseBlock& block, const Quantity& q, const std::string& folded,
                   std::string_view label) {
  if (q.kind == QuantityKind::kOrdinal && q.in_words) return false;
  if (IsHeadingNumber(block, q) || IsRatingOrReadingTime(q, folded, label)) return false;
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

bool Inside(Span inner, Span outer) { return inner.begin >= outer.begin && inner.end <= outer.end; }

bool InCode(const ProseBlock& block, Span s) {
  for (const Span& c : block.code) {
    if (s.begin < c.end && s.end > c.begin) return true;
  }
  return false;
}

// Words that say where a figure comes from, not what it is about.
bool IsAttributionWord(std::string_view folded) {
  return folded == "source" || folded == "sources" || folded == "selon" || folded == "d'apres" ||
         folded == "according";
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

std::vector<std::string> ContentOf(std::string_view text, text::Lang lang) {
  return text::ContentWords(text::Words(text), lang);
}

bool SameFigure(const Quantity& a, const Quantity& b) {
  return a.kind == b.kind && a.unit == b.unit && a.value == b.value;
}

class Extractor {
 public:
  explicit Extractor(const Draft& draft) : draft_(draft) {
    for (size_t s = 0; s < draft_.sources.size(); ++s) {
      if (!draft_.sources[s].url.empty())
        by_url_.emplace(draft_.sources[s].url, static_cast<int>(s));
    }
    AttributionsByBlock();
  }

  std::vector<Claim> Run() {
    for (size_t b = 0; b < draft_.blocks.size(); ++b) {
      const ProseBlock& block = draft_.blocks[b];
      if (!block.in_sources && !block.source_line) Block(static_cast<int>(b));
    }
    return Group();
  }

 private:
  // Attributions sorted by position are assigned to the block holding them, in one
  // pass over both lists.
  void AttributionsByBlock() {
    named_.resize(draft_.blocks.size());
    std::vector<size_t> order(draft_.blocks.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto first_byte = [&](size_t b) {
      const auto& p = draft_.blocks[b].pieces;
      return p.empty() ? size_t{0} : p.front().file_begin;
    };
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return first_byte(x) < first_byte(y); });
    size_t k = 0;
    for (const Attribution& a : draft_.attributions) {
      while (k + 1 < order.size() && first_byte(order[k + 1]) <= a.range.begin) ++k;
      if (!order.empty()) named_[order[k]].push_back(&a);
    }
  }

  int SourceOfUrl(const std::string& url) const {
    auto url_ok = internal::ValidateUrl(url);
    if (!url_ok.ok()) return -1;
    auto it = by_url_.find(*url_ok);
    return it == by_url_.end() ? -1 : it->second;
  }

  // Every citation of a block, at its text offset.
  std::vector<Cited> CitationsOf(int b, std::vector<Span>* spans) const {
    const ProseBlock& block = draft_.blocks[b];
    std::vector<Cited> out;
    size_t search_from = 0;
    for (const Attribution* a : named_[b]) {
      size_t at = block.text.find(a->name, search_from);
      if (at == std::string::npos) at = block.text.find(a->name);
      if (at == std::string::npos) continue;
      out.push_back({at, {CitationKind::kNamed, a->source, a->name, a->range}});
      if (spans) spans->push_back({at, at + a->name.size()});
      search_from = at + a->name.size();
    }
    for (size_t i = 0; i < block.link_ends.size(); ++i) {
      const size_t begin = i < block.link_begins.size() ? block.link_begins[i] : block.link_ends[i];
      out.push_back({block.link_ends[i],
                     {CitationKind::kLink, SourceOfUrl(block.link_urls[i]), block.link_urls[i],
                      draft_.RangeOf(block, begin, std::max(begin + 1, block.link_ends[i]))}});
    }
    for (const CitationMarker& m : block.markers) {
      out.push_back({m.at,
                     {m.footnote ? CitationKind::kFootnote : CitationKind::kNumber, m.source,
                      m.label, m.range}});
      // Markers left in the text ("[3]", an undefined "[^4]") break the clause.
      const size_t close = block.text.find(']', m.at);
      if (spans && m.at < block.text.size() && block.text[m.at] == '[' &&
          close != std::string::npos) {
        spans->push_back({m.at, close + 1});
      }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Cited& x, const Cited& y) { return x.at < y.at; });
    return out;
  }

  // The paragraph's citations, and those of a "Source :" line right after it.
  std::vector<Citation> FallbackCitations(int b, const std::vector<Cited>& own) const {
    std::vector<Citation> out;
    for (const Cited& c : own) out.push_back(c.citation);
    const size_t next = static_cast<size_t>(b) + 1;
    if (next < draft_.blocks.size() && draft_.blocks[next].source_line &&
        draft_.blocks[next].section == draft_.blocks[b].section) {
      for (const Cited& c : CitationsOf(static_cast<int>(next), nullptr)) out.push_back(c.citation);
    }
    return out;
  }

  void Block(int b) {
    const ProseBlock& block = draft_.blocks[b];
    const std::vector<Quantity> all = text::FindQuantities(block.text, draft_.lang);
    if (all.empty()) return;
    std::vector<Span> cited_spans;
    const std::vector<Cited> cited = CitationsOf(b, &cited_spans);
    const std::vector<Citation> fallback = FallbackCitations(b, cited);
    for (const Span& sentence : text::SplitSentences(block.text, draft_.lang)) {
      std::vector<Citation> own;
      for (const Cited& c : cited) {
        if (c.at >= sentence.begin && c.at <= sentence.end) own.push_back(c.citation);
      }
      Sentence(b, sentence, all, cited_spans, own.empty() ? fallback : own);
    }
  }

  // The figures of a sentence: the claims (`mains`), the dates and durations that
  // frame them, and the spans of all its quantities (`skip`).
  struct Figures {
    std::vector<Quantity> mains, dates;
    std::vector<Span> skip;
  };

  Figures Classify(const ProseBlock& block, Span sentence, const std::vector<Quantity>& all) const {
    std::string_view s = std::string_view(block.text).substr(sentence.begin, sentence.size());
    auto in_sentence = [&](const Quantity& q) { return Inside(q.span, sentence); };
    // Folded once, and only when a rule needs it: ratings, reading times and the
    // article's counts of itself concern counts, fractions and durations.
    const bool needs_fold = std::any_of(all.begin(), all.end(), [&](const Quantity& q) {
      return in_sentence(q) &&
             (q.kind == QuantityKind::kCount || q.kind == QuantityKind::kFraction ||
              q.kind == QuantityKind::kDuration);
    });
    const std::string folded = needs_fold ? text::Fold(s) : std::string();
    Figures f;
    for (const Quantity& q : all) {
      if (!in_sentence(q)) continue;
      f.skip.push_back(q.span);
      if (InCode(block, q.span)) continue;
      const std::string_view label = LabelBefore(s, q.span.begin - sentence.begin);
      if (!IsCheckWorthy(block, q, folded, label)) continue;
      (IsFrame(q) ? f.dates : f.mains).push_back(q);
    }
    // A sentence that only dates an event claims that date; a heading that only dates
    // its topic ("Le télétravail en 2024") does not.
    if (f.mains.empty() && block.kind != ProseBlock::Kind::kHeading) f.mains.swap(f.dates);
    return f;
  }

  void Sentence(int b, Span sentence, const std::vector<Quantity>& all,
                const std::vector<Span>& cited_spans, const std::vector<Citation>& citations) {
    const ProseBlock& block = draft_.blocks[b];
    if (std::none_of(all.begin(), all.end(),
                     [&](const Quantity& q) { return Inside(q.span, sentence); })) {
      return;
    }
    Figures f = Classify(block, sentence, all);
    if (f.mains.empty()) return;
    std::vector<Span> breaks;
    for (const Span& span : cited_spans) {
      if (Inside(span, sentence)) breaks.push_back(span);
    }
    f.skip.insert(f.skip.end(), breaks.begin(), breaks.end());
    std::vector<text::Word> words =
        text::Words(std::string_view(block.text).substr(sentence.begin, sentence.size()));
    for (text::Word& w : words) {
      w.span.begin += sentence.begin;
      w.span.end += sentence.begin;
    }
    Candidate base;
    base.block = b;
    base.sentence = sentence;
    base.qualifiers = f.dates;
    base.context = ContextOf(words, f.skip, draft_.lang);
    base.citations = citations;
    for (const Quantity& q : f.mains) {
      Candidate c = base;
      c.quantity = q;
      c.phrase =
          internal::AnalyzePhrase(block.text, words, sentence, q.span, breaks, f.skip, draft_.lang);
      c.negated = c.phrase.negated;
      c.subject_words = WordsIn(words, c.phrase.subject);
      c.predicate_words = WordsIn(words, c.phrase.predicate);
      c.items = Items(b, c.phrase, sentence);
      candidates_.push_back(std::move(c));
    }
  }

  std::vector<std::string> WordsIn(const std::vector<text::Word>& words, Span span) const {
    std::vector<text::Word> in;
    for (const text::Word& w : words) {
      if (Inside(w.span, span)) in.push_back(w);
    }
    return text::ContentWords(in, draft_.lang);
  }

  // The items a count announces: after its colon in the sentence, or the items of the
  // list that follows its paragraph when the sentence ends the paragraph on a colon.
  std::vector<std::string> Items(int b, const internal::Phrase& p, Span sentence) const {
    const ProseBlock& block = draft_.blocks[b];
    std::vector<std::string> out;
    for (const Span& s : p.items) out.push_back(block.text.substr(s.begin, s.size()));
    if (!out.empty() || !p.colon_after) return out;
    if (block.text.find_first_not_of(" :", sentence.end) != std::string::npos &&
        sentence.end < block.text.size()) {
      return out;
    }
    int depth = 0;
    for (size_t k = static_cast<size_t>(b) + 1; k < draft_.blocks.size() && out.size() < kMaxItems;
         ++k) {
      const ProseBlock& item = draft_.blocks[k];
      if (item.kind != ProseBlock::Kind::kListItem) break;
      if (depth == 0) depth = item.list_depth;
      if (item.list_depth == depth && item.item_start) out.push_back(internal::ItemName(item.text));
    }
    return out;
  }

  std::vector<Claim> Group() const {
    internal::TermMaker terms(draft_.lang);
    const int part = terms.Id("#part");
    std::vector<internal::FactKey> keys;
    keys.reserve(candidates_.size());
    for (const Candidate& c : candidates_) {
      internal::FactKey k;
      k.quantity = c.quantity;
      k.negated = c.negated;
      k.context = terms.Ids(c.context, false);
      k.subject = terms.Ids(c.subject_words, true);
      k.predicate = terms.Ids(c.predicate_words, false);
      k.part_subject = std::binary_search(k.subject.begin(), k.subject.end(), part);
      std::vector<std::string> item_words;
      for (const std::string& item : c.items) {
        for (std::string& w : ContentOf(item, draft_.lang)) item_words.push_back(std::move(w));
      }
      k.items = terms.Ids(item_words, false);
      keys.push_back(std::move(k));
    }
    const std::vector<size_t> first = internal::GroupFacts(keys);
    std::vector<std::vector<size_t>> groups;
    std::vector<int> group_of(candidates_.size(), -1);
    for (size_t i = 0; i < candidates_.size(); ++i) {
      if (group_of[first[i]] < 0) {
        group_of[first[i]] = static_cast<int>(groups.size());
        groups.emplace_back();
      }
      groups[group_of[first[i]]].push_back(i);
    }
    std::vector<Claim> claims;
    for (const auto& members : groups) claims.push_back(MakeClaim(members, claims.size() + 1));
    return claims;
  }

  static std::string Slice(const std::string& t, Span s) {
    return s.size() == 0 ? std::string() : t.substr(s.begin, s.size());
  }

  Claim MakeClaim(const std::vector<size_t>& members, size_t number) const {
    const Candidate& first = candidates_[members.front()];
    const std::string& first_text = draft_.blocks[first.block].text;
    Claim c;
    c.id = "c" + std::to_string(number);
    c.quantity = first.quantity;
    c.sentence = first_text.substr(first.sentence.begin, first.sentence.size());
    c.context = first.context;
    c.negated = first.negated;
    c.subject = Slice(first_text, first.phrase.subject);
    c.predicate = Slice(first_text, first.phrase.predicate);
    for (size_t m : members) {
      const Candidate& cand = candidates_[m];
      if (c.items.empty()) c.items = cand.items;
      for (const Quantity& q : cand.qualifiers) {
        bool dup = false;
        for (const Quantity& have : c.qualifiers) dup = dup || SameFigure(have, q);
        if (!dup) c.qualifiers.push_back(q);
      }
      for (const Citation& cit : cand.citations) {
        const int s = cit.source;
        if (s >= 0 && std::find(c.sources.begin(), c.sources.end(), s) == c.sources.end()) {
          c.sources.push_back(s);
        }
      }
      c.mentions.push_back(MakeMention(cand));
    }
    return c;
  }

  Mention MakeMention(const Candidate& cand) const {
    const ProseBlock& block = draft_.blocks[cand.block];
    Mention mention;
    mention.range = draft_.RangeOf(block, cand.quantity.span.begin, cand.quantity.span.end);
    mention.sentence_range = draft_.RangeOf(block, cand.sentence.begin, cand.sentence.end);
    mention.sentence = block.text.substr(cand.sentence.begin, cand.sentence.size());
    mention.block = cand.block;
    mention.section = block.section;
    mention.citations = cand.citations;
    return mention;
  }

  const Draft& draft_;
  std::map<std::string, int> by_url_;                   // normalized URL -> source
  std::vector<std::vector<const Attribution*>> named_;  // per block
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
