#include "verify/internal/lexical.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace citecheck::verify::internal {
namespace {

// A name weighs more than a common word: a page about another person or place does
// not back the claim, however many words it shares with it.
constexpr double kNameBoost = 1.5;

// A window of n passages must beat a shorter one by this much per extra passage, so
// that the evidence stays as short as what it has to show.
constexpr double kSpanPenalty = 0.03;

bool StartsWithCapital(std::string_view sentence, const text::Word& w) {
  const unsigned char c = static_cast<unsigned char>(sentence[w.span.begin]);
  if (c >= 'A' && c <= 'Z') return true;
  // Latin capitals with diacritics (U+00C0..U+00DE) lead two-byte sequences C3 80..9E.
  return c == 0xC3 && w.span.begin + 1 < sentence.size() &&
         static_cast<unsigned char>(sentence[w.span.begin + 1]) < 0x9F;
}

bool Overlaps(const text::Span& a, const std::vector<text::Span>& spans) {
  for (const text::Span& s : spans) {
    if (a.begin < s.end && a.end > s.begin) return true;
  }
  return false;
}

}  // namespace

SourceView MakeSourceView(std::string url, text::Lang lang, std::vector<index::Passage> passages) {
  SourceView v;
  v.url = std::move(url);
  v.lang = lang;
  v.passages = std::move(passages);
  for (const index::Passage& p : v.passages) {
    for (const std::string& t : p.terms) ++v.df[t];
  }
  v.figures.resize(v.passages.size());
  v.figures_found.resize(v.passages.size(), false);
  return v;
}

const std::vector<text::Quantity>& FiguresOf(SourceView& view, size_t i) {
  if (!view.figures_found[i]) {
    view.figures[i] = text::FindQuantities(view.passages[i].text, view.lang);
    view.figures_found[i] = true;
  }
  return view.figures[i];
}

std::vector<ClaimTerm> ClaimTermsOf(std::string_view sentence, text::Lang lang,
                                    const std::vector<text::Span>& skip_spans) {
  std::vector<ClaimTerm> out;
  const std::vector<text::Word> words = text::Words(sentence);
  bool first_word = true;
  for (const text::Word& w : words) {
    const bool sentence_start = first_word;
    first_word = false;
    if (Overlaps(w.span, skip_spans)) continue;
    const bool name = !sentence_start && StartsWithCapital(sentence, w);
    for (const std::string& word : text::ContentWords({w}, lang)) {
      std::string stem = text::Stem(word, lang);
      auto same = [&](const ClaimTerm& t) { return t.stem == stem; };
      auto it = std::find_if(out.begin(), out.end(), same);
      if (it != out.end()) {
        it->name = it->name || name;
        continue;
      }
      if (out.size() == kMaxClaimTerms) return out;
      out.push_back({std::move(stem), name, w.span.begin});
    }
  }
  return out;
}

TermMatcher::TermMatcher(const SourceView& view, const std::vector<ClaimTerm>& terms)
    : view_(view) {
  const double n = static_cast<double>(view.passages.size());
  for (size_t i = 0; i < terms.size() && i < kMaxClaimTerms; ++i) {
    auto it = view.df.find(terms[i].stem);
    const double df = it == view.df.end() ? 0 : it->second;
    // Smoothed inverse passage frequency: a term absent from the source weighs the most.
    double w = std::log(1 + (n + 1) / (df + 1));
    if (terms[i].name) {
      w *= kNameBoost;
      names_ |= uint64_t{1} << i;
      names_total_ += w;
    }
    weights_.push_back(w);
    total_ += w;
  }
  masks_.resize(view.passages.size(), 0);
  for (size_t p = 0; p < view.passages.size(); ++p) {
    const std::vector<std::string>& have = view.passages[p].terms;
    for (size_t i = 0; i < weights_.size(); ++i) {
      if (std::binary_search(have.begin(), have.end(), terms[i].stem)) {
        masks_[p] |= uint64_t{1} << i;
      }
    }
    source_mask_ |= masks_[p];
  }
}

double TermMatcher::Coverage(uint64_t mask) const {
  if (total_ <= 0) return 0;
  double sum = 0;
  for (size_t i = 0; i < weights_.size(); ++i) {
    if (mask & (uint64_t{1} << i)) sum += weights_[i];
  }
  return sum / total_;
}

double TermMatcher::CoverageOf(uint64_t mask, uint64_t subset, bool uniform) const {
  double have = 0, want = 0;
  for (size_t i = 0; i < weights_.size(); ++i) {
    const uint64_t bit = uint64_t{1} << i;
    if (!(subset & bit)) continue;
    const double w = uniform ? 1.0 : weights_[i];
    want += w;
    if (mask & bit) have += w;
  }
  return want > 0 ? have / want : 1;
}

double TermMatcher::NameCoverage(uint64_t mask) const {
  if (names_total_ <= 0) return 1;
  double sum = 0;
  for (size_t i = 0; i < weights_.size(); ++i) {
    if (mask & names_ & (uint64_t{1} << i)) sum += weights_[i];
  }
  return sum / names_total_;
}

int TermMatcher::MissingTerms() const {
  return static_cast<int>(weights_.size()) - std::popcount(source_mask_);
}

double TermMatcher::HeaviestMissing() const {
  if (total_ <= 0) return 0;
  double heaviest = 0;
  for (size_t i = 0; i < weights_.size(); ++i) {
    if (!(source_mask_ & (uint64_t{1} << i))) heaviest = std::max(heaviest, weights_[i]);
  }
  return heaviest / total_;
}

double TermMatcher::BestPassageCoverage() const {
  double best = 0;
  for (uint64_t m : masks_) best = std::max(best, Coverage(m));
  return best;
}

std::vector<Window> TermMatcher::BestWindows(size_t max_span, size_t limit, uint64_t subset) const {
  auto rank = [&](const Window& w) {
    return CoverageOf(w.mask, subset) - kSpanPenalty * static_cast<double>(w.last - w.first);
  };
  std::vector<Window> best;  // one per starting passage: its best span
  for (size_t i = 0; i < masks_.size(); ++i) {
    Window top;
    double top_rank = -1;
    uint64_t mask = 0;
    for (size_t k = 0; k < max_span && i + k < masks_.size(); ++k) {
      mask |= masks_[i + k];
      const Window w{i, i + k, mask, Coverage(mask)};
      if (rank(w) > top_rank) {
        top_rank = rank(w);
        top = w;
      }
    }
    if (top.mask != 0) best.push_back(top);
  }
  std::stable_sort(best.begin(), best.end(),
                   [&](const Window& a, const Window& b) { return rank(a) > rank(b); });
  // Overlapping windows show the same passages twice: keep the better one.
  std::vector<Window> out;
  for (const Window& w : best) {
    bool overlaps = false;
    for (const Window& o : out) overlaps = overlaps || (w.first <= o.last && o.first <= w.last);
    if (overlaps) continue;
    out.push_back(w);
    if (out.size() == limit) break;
  }
  return out;
}

double TermMatcher::GreedyCoverage(size_t k) const {
  uint64_t have = 0;
  for (size_t step = 0; step < k; ++step) {
    uint64_t best_gain = 0;
    double best_value = 0;
    for (uint64_t m : masks_) {
      const uint64_t gain = m & ~have;
      const double value = Coverage(gain);
      if (value > best_value) {
        best_value = value;
        best_gain = gain;
      }
    }
    if (best_gain == 0) break;
    have |= best_gain;
  }
  return Coverage(have);
}

std::string WindowText(const SourceView& view, const Window& w) {
  std::string out;
  for (size_t i = w.first; i <= w.last && i < view.passages.size(); ++i) {
    const index::Passage& p = view.passages[i];
    if (i > w.first) {
      const index::Passage& prev = view.passages[i - 1];
      out += p.start == prev.end + 1 ? " " : "\n\n";
    }
    out += p.text;
  }
  return out;
}

}  // namespace citecheck::verify::internal
