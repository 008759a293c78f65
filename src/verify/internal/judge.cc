#include "verify/internal/judge.h"

#include <algorithm>
#include <cmath>
#include <tuple>

#include "verify/internal/lexicon.h"
#include "verify/internal/model.h"

namespace citecheck::verify::internal {
namespace {

// A sentence that opposes the claim must hold at least this share of the claim's words
// found in the best place for them.
constexpr double kShareOfBest = 0.75;

// Another figure of the same sentence, of the claim's kind and another value, that
// holds this much more of the words around the claim's figure is what the claim's
// figure speaks of ("plus de 1 800 personnes, parmi lesquelles 300 ont reçu le
// vaccin" gives 300, not 1 800, for those who received it).
constexpr double kCloserBy = 0.25;

// At most this many passages in one evidence window.
constexpr size_t kMaxSpan = 3;

bool IsDate(const text::Quantity& q) {
  return q.kind == text::QuantityKind::kYear || q.kind == text::QuantityKind::kDate;
}

// The sentence of `text` that holds byte `offset`, as a span.
text::Span SentenceAt(std::string_view text, size_t offset, text::Lang lang) {
  for (const text::Span& s : text::SplitSentences(text, lang)) {
    if (offset >= s.begin && offset < s.end) return s;
  }
  return {0, text.size()};
}

// Ranks relations: a match beats a derived match beats a coarser agreeing date beats a
// contradiction beats nothing.
int Rank(Relation r) {
  switch (r) {
    case Relation::kEqual:
      return 5;
    case Relation::kComplement:
      return 4;
    case Relation::kSum:
      return 3;
    case Relation::kCoarser:
      return 2;
    case Relation::kDifferent:
      return 1;
    case Relation::kUnrelated:
      return 0;
  }
  return 0;
}

bool IsMatch(Relation r) {
  return r == Relation::kEqual || r == Relation::kComplement || r == Relation::kSum;
}

// The spans of the figures and dates of `sentence`: not words to look for.
std::vector<text::Span> FigureSpans(std::string_view sentence, text::Lang lang) {
  std::vector<text::Span> out;
  for (const text::Quantity& q : text::FindQuantities(sentence, lang)) out.push_back(q.span);
  return out;
}

// The claim's terms, limited to its context words (which leave out figures and the
// names of the sources it cites).
std::vector<ClaimTerm> TermsOf(const draft::Claim& claim, text::Lang lang) {
  std::vector<ClaimTerm> all =
      ClaimTermsOf(claim.sentence, lang, FigureSpans(claim.sentence, lang));
  std::vector<std::string> context;
  for (const std::string& w : claim.context) context.push_back(text::Stem(w, lang));
  context = SortedUnique(std::move(context));
  std::erase_if(all, [&](const ClaimTerm& t) {
    return !std::binary_search(context.begin(), context.end(), t.stem);
  });
  return all;
}

// True when the passage frames its figures otherwise than the claim does: it dates
// them and none of its dates is one the claim is framed by ("En 2024, ..." against a
// passage about 2021), or it gives them a time frame and none is the claim's ("un an
// après l'injection" against "un mois après la vaccination").
bool FrameConflict(const draft::Claim& claim, const std::vector<text::Quantity>& figures) {
  auto conflict = [&](auto is_frame) {
    bool framed = false, claim_framed = false;
    for (const text::Quantity& q : claim.qualifiers) claim_framed = claim_framed || is_frame(q);
    if (!claim_framed) return false;
    for (const text::Quantity& f : figures) {
      if (!is_frame(f)) continue;
      framed = true;
      for (const text::Quantity& q : claim.qualifiers) {
        if (!is_frame(q)) continue;
        const Relation r = Compare(q, f);
        if (r == Relation::kEqual || r == Relation::kCoarser) return false;
      }
    }
    return framed;
  };
  return conflict([](const text::Quantity& q) { return IsDate(q); }) ||
         conflict([](const text::Quantity& q) { return q.kind == text::QuantityKind::kDuration; });
}

// Every passage outside `windows`, each as a window of its own.
std::vector<Window> OtherPassages(const TermMatcher& m, const std::vector<Window>& windows) {
  std::vector<bool> seen(m.passage_count(), false);
  for (const Window& w : windows) {
    for (size_t p = w.first; p <= w.last && p < seen.size(); ++p) seen[p] = true;
  }
  std::vector<Window> out;
  for (size_t p = 0; p < seen.size(); ++p) {
    if (!seen[p]) out.push_back({p, p, m.PassageMask(p), m.Coverage(m.PassageMask(p))});
  }
  return out;
}

// Bytes on each side of the claim's figure whose words describe it.
constexpr size_t kFigureReach = 60;

// Mask of the terms within kFigureReach bytes of the figure; all terms when the figure
// cannot be found in the sentence or nothing stands near it.
uint64_t LocalTerms(const draft::Claim& claim, const std::vector<ClaimTerm>& terms) {
  if (!claim.has_figure) return ~uint64_t{0};
  const size_t at = claim.sentence.find(claim.quantity.text);
  if (at == std::string::npos || claim.quantity.text.empty()) return ~uint64_t{0};
  const size_t begin = at > kFigureReach ? at - kFigureReach : 0;
  const size_t end = at + claim.quantity.text.size() + kFigureReach;
  uint64_t mask = 0;
  for (size_t i = 0; i < terms.size() && i < kMaxClaimTerms; ++i) {
    if (terms[i].offset >= begin && terms[i].offset < end) mask |= uint64_t{1} << i;
  }
  return mask == 0 ? ~uint64_t{0} : mask;
}

// The first content terms after a count, which say what it counts ("400 students").
std::vector<std::string> CountedTerms(std::string_view rest, text::Lang lang) {
  constexpr size_t kTerms = 2;
  std::vector<std::string> terms = text::ContentTerms(rest, lang);
  if (terms.size() > kTerms) terms.resize(kTerms);
  return terms;
}

bool IsCount(const text::Quantity& q) {
  return q.kind == text::QuantityKind::kCount || q.kind == text::QuantityKind::kOrdinal;
}

// What the claim's figure counts, or nothing when it is not a count.
std::vector<std::string> ClaimCounted(const draft::Claim& claim, text::Lang lang) {
  if (!claim.has_figure || !IsCount(claim.quantity) || claim.quantity.text.empty()) return {};
  const size_t at = claim.sentence.find(claim.quantity.text);
  if (at == std::string::npos) return {};
  return CountedTerms(std::string_view(claim.sentence).substr(at + claim.quantity.text.size()),
                      lang);
}

// The first place where the page states `q` itself (not merely agrees with it).
std::optional<FigureFinding> StatedExactly(SourceView& view, const text::Quantity& q) {
  for (size_t p = 0; p < view.passages.size(); ++p) {
    for (const text::Quantity& f : FiguresOf(view, p)) {
      if (Compare(q, f) != Relation::kEqual) continue;
      // "did not visit the site on 4 June 2019" gives no date of anything.
      const std::string& text = view.passages[p].text;
      const text::Span s = SentenceAt(text, f.span.begin, view.lang);
      const std::vector<text::Word> words =
          text::Words(std::string_view(text).substr(s.begin, s.size()));
      if (text::IsNegated(text::ClauseAround(std::string_view(text).substr(s.begin, s.size()),
                                             words, f.span.begin - s.begin)))
        continue;
      FigureFinding out;
      out.relation = Relation::kEqual;
      out.figure = f;
      out.passage = p;
      out.window = {p, p, 0, 0};
      return out;
    }
  }
  return std::nullopt;
}

}  // namespace

Judge::Judge(const draft::Claim& claim, text::Lang lang, const common::VerifyConfig& config)
    : claim_(claim),
      lang_(lang),
      config_(config),
      terms_(TermsOf(claim, lang)),
      local_(LocalTerms(claim, terms_)),
      claim_words_(text::Words(claim.sentence)),
      sentence_figures_(text::FindQuantities(claim.sentence, lang)),
      claim_modal_(StatesIntention(claim_words_)),
      // The claim's figure is negated in its own clause only: "revenue was £1,750 and it
      // was not cost effective" affirms the figure, as it does in a source.
      claim_negated_(claim.negated && (!claim.has_figure || text::IsNegated(ClaimClause()))),
      claim_prevents_(text::HasPreventingWord(claim_words_)),
      // Read literally, a negation the verb of preventing cancelled counts again.
      claim_negated_literal_(claim_negated_ ||
                             (text::IsNegated(ClaimClause(), text::Preventing::kLiteral) &&
                              !text::IsNegated(ClaimClause(), text::Preventing::kAffirms))),
      claim_counted_(ClaimCounted(claim, lang)) {}

bool Judge::AboutAnother(std::string_view sentence, size_t at, text::Lang lang,
                         const TermMatcher& m,
                         const std::vector<text::Quantity>& in_sentence) const {
  // Each figure owns the words after it, up to the word that leads the next figure
  // ("Mach 7", "level 3"): what it counts and what is said of it. (The words before a
  // list, "has 400 schools and 30 hospitals", belong to all of its figures.) A figure
  // that ends its sentence owns the words before it instead ("at speeds beyond Mach 7").
  auto segment = [&](size_t i) {
    const size_t begin = in_sentence[i].span.end;
    size_t end = sentence.size();
    if (i + 1 < in_sentence.size()) {
      end = in_sentence[i + 1].span.begin;
      while (end > begin && sentence[end - 1] == ' ') --end;
      const size_t space = sentence.rfind(' ', end == 0 ? 0 : end - 1);
      end = space == std::string_view::npos || space < begin ? begin : space;
    }
    std::vector<std::string> terms = text::ContentTerms(sentence.substr(begin, end - begin), lang);
    if (terms.empty()) {
      const size_t from = i == 0 ? 0 : in_sentence[i - 1].span.end;
      terms = text::ContentTerms(sentence.substr(from, in_sentence[i].span.begin - from), lang);
    }
    return m.CoverageOf(MaskOf(SortedUnique(std::move(terms))), local_, true);
  };
  const double mine = segment(at);
  for (size_t i = 0; i < in_sentence.size(); ++i) {
    if (i == at || Compare(claim_.quantity, in_sentence[i]) != Relation::kDifferent) continue;
    // The whole of a part speaks of the same things: "huit des dix souris".
    if (in_sentence[at].whole > 0 && in_sentence[i].value == in_sentence[at].whole) continue;
    // A figure the claim states too has its own words ("raised $100 million to value
    // the company at $500 million").
    const bool claimed = std::any_of(
        sentence_figures_.begin(), sentence_figures_.end(),
        [&](const text::Quantity& q) { return Compare(q, in_sentence[i]) == Relation::kEqual; });
    if (claimed) continue;
    if (segment(i) >= mine + kCloserBy) return true;
  }
  return false;
}

double Judge::LocalCoverage(const SourceView& view, const TermMatcher& m, size_t passage,
                            size_t offset) const {
  const std::string& text = view.passages[passage].text;
  const text::Span s = SentenceAt(text, offset, view.lang);
  std::vector<std::string> stems =
      SortedUnique(text::ContentTerms(std::string_view(text).substr(s.begin, s.size()), view.lang));
  uint64_t mask = 0;
  for (size_t i = 0; i < terms_.size() && i < kMaxClaimTerms; ++i) {
    if (std::binary_search(stems.begin(), stems.end(), terms_[i].stem)) mask |= uint64_t{1} << i;
  }
  return m.CoverageOf(mask, local_, true);
}

std::optional<FigureFinding> Judge::ReadFigure(SourceView& view, const TermMatcher& m,
                                               size_t passage, const text::Quantity& f,
                                               const std::vector<text::Quantity>& all) const {
  const text::Quantity& q = claim_.quantity;
  if (IsDate(f) && !IsDate(q)) return std::nullopt;
  Relation rel = Compare(q, f);
  const std::string& text = view.passages[passage].text;
  const text::Span sentence = SentenceAt(text, f.span.begin, view.lang);
  const std::vector<text::Word> words =
      text::Words(std::string_view(text).substr(sentence.begin, sentence.size()));
  const text::Preventing mode = PolarityMode(words);
  // A negation in another clause of the sentence is not the figure's.
  const bool negated = text::IsNegated(
      text::ClauseAround(std::string_view(text).substr(sentence.begin, sentence.size()), words,
                         f.span.begin - sentence.begin),
      mode);
  const bool claim_negated = ClaimNegated(mode);
  FigureFinding out;
  out.figure = f;
  if (rel == Relation::kComplement && negated == claim_negated) {
    // A complement backs the claim only with the polarity flipped: "87 % n'utilisent
    // pas" is "13 % utilisent", not "13 % n'utilisent pas".
    rel = Relation::kDifferent;
  } else if ((rel == Relation::kEqual || rel == Relation::kCoarser) && negated != claim_negated) {
    // The same figure in a negated statement: "n'a pas écrit que 4 milliards..."
    rel = Relation::kDifferent;
    out.negated = true;
  }
  if (rel == Relation::kDifferent && !claim_counted_.empty() && IsCount(f)) {
    // Another count says something else unless it counts the same things: "31" (an age)
    // is not contradicted by "two nominations", nor "France 2" by "500 soldats".
    const std::vector<std::string> theirs =
        CountedTerms(std::string_view(text).substr(
                         f.span.end, sentence.end - std::min(sentence.end, f.span.end)),
                     view.lang);
    // The noun right after either figure must be among the other's first words ("3 new
    // boats" and "5 boats" count boats; "12 coaches on the river" and "3 boats on the
    // river" do not count the same things).
    auto has = [](const std::vector<std::string>& v, const std::string& t) {
      return std::find(v.begin(), v.end(), t) != v.end();
    };
    const bool shared = !theirs.empty() && (has(theirs, claim_counted_.front()) ||
                                            has(claim_counted_, theirs.front()));
    if (!shared) {
      rel = Relation::kUnrelated;
      out.negated = false;
    }
  }
  std::vector<text::Quantity> in_sentence;
  size_t at = SIZE_MAX;  // the index of `f` in it
  for (const text::Quantity& o : all) {
    if (o.span.begin < sentence.begin || o.span.end > sentence.end) continue;
    if (o.span == f.span) at = in_sentence.size();
    in_sentence.push_back(o);
  }
  if (rel == Relation::kDifferent || rel == Relation::kUnrelated) {
    size_t first = 0, last = 0;
    if (PartsSumTo(q, in_sentence, &first, &last) && first == at) {
      rel = Relation::kSum;
      out.last_part = in_sentence[last];
    }
  }
  // Dates frame a sentence rather than own its words: "scheduled for December 2019
  // and January 2020".
  if (rel == Relation::kEqual && !IsDate(q) && in_sentence.size() > 1 && at < in_sentence.size()) {
    for (text::Quantity& o : in_sentence) {
      o.span.begin -= sentence.begin;
      o.span.end -= sentence.begin;
    }
    const std::string_view s = std::string_view(text).substr(sentence.begin, sentence.size());
    if (AboutAnother(s, at, view.lang, m, in_sentence)) rel = Relation::kUnrelated;
  }
  // An intention is not an achievement: the figure then describes something else.
  if (rel != Relation::kUnrelated && StatesIntention(words) != claim_modal_)
    rel = Relation::kUnrelated;
  if (rel == Relation::kUnrelated) return std::nullopt;
  // Opposite directions of change measure different things ("hausse de 12 %" is no
  // "baisse de 12 %").
  const Direction mine = DirectionOf(claim_words_);
  const Direction theirs = DirectionOf(words);
  if ((IsMatch(rel) || rel == Relation::kCoarser) && mine != Direction::kNone &&
      theirs != Direction::kNone && mine != theirs) {
    rel = Relation::kDifferent;
  }
  out.relation = rel;
  out.passage = passage;
  out.local_coverage = LocalCoverage(view, m, passage, f.span.begin);
  return out;
}

std::optional<FigureFinding> Judge::BestFigure(SourceView& view, const TermMatcher& m,
                                               const std::vector<Window>& windows, bool want_match,
                                               bool coarser_backs) const {
  std::optional<FigureFinding> best;
  for (const Window& w : windows) {
    for (size_t p = w.first; p <= w.last; ++p) {
      const std::vector<text::Quantity>& figures = FiguresOf(view, p);
      if (FrameConflict(claim_, figures)) continue;
      for (const text::Quantity& f : figures) {
        std::optional<FigureFinding> found = ReadFigure(view, m, p, f, figures);
        if (!found) continue;
        // Looking for a conflict, a coarser date ranks above one: it then says the
        // claim's date is not contradicted there.
        const bool backs =
            found->relation == Relation::kCoarser ? coarser_backs : IsMatch(found->relation);
        if (want_match ? !backs : backs) continue;
        found->window = w;
        uint64_t around = m.PassageMask(p);
        if (p > 0) around |= m.PassageMask(p - 1);
        if (p + 1 < view.passages.size()) around |= m.PassageMask(p + 1);
        // The words near the figure, or the whole sentence: a date that opens it
        // ("On 22 August 2017, X was picked for ...") dates all of it, and the source
        // may state the rest without the words right after the date.
        found->coverage = std::max(m.CoverageOf(around, local_, true), m.Coverage(around));
        // A match is judged by the words around it, a conflict by its own sentence.
        // A coarser date that backs the claim ranks as an equal one: the words decide.
        auto key = [&](const FigureFinding& f) {
          const int rank = want_match && f.relation == Relation::kCoarser ? Rank(Relation::kEqual)
                                                                          : Rank(f.relation);
          return want_match ? std::tuple(rank, f.coverage, f.local_coverage)
                            : std::tuple(rank, f.local_coverage, f.coverage);
        };
        const bool better = !best || key(*found) > key(*best);
        if (better) best = found;
      }
    }
  }
  return best;
}

uint64_t Judge::MaskOf(const std::vector<std::string>& stems) const {
  uint64_t mask = 0;
  for (size_t i = 0; i < terms_.size() && i < kMaxClaimTerms; ++i) {
    if (std::binary_search(stems.begin(), stems.end(), terms_[i].stem)) mask |= uint64_t{1} << i;
  }
  return mask;
}

text::Preventing Judge::PolarityMode(const std::vector<text::Word>& words) const {
  // "stopped" against "did not stop" reads each negation as written; "ran" against
  // "did not stop" reads the second as affirming.
  return claim_prevents_ && text::HasPreventingWord(words) ? text::Preventing::kLiteral
                                                           : text::Preventing::kAffirms;
}

std::span<const text::Word> Judge::ClaimClause() const {
  const size_t at = claim_.has_figure && !claim_.quantity.text.empty()
                        ? claim_.sentence.find(claim_.quantity.text)
                        : std::string::npos;
  if (at == std::string::npos) return claim_words_;
  return text::ClauseAround(claim_.sentence, claim_words_, at);
}

bool Judge::StatementNegated(const TermMatcher& m, std::string_view sentence,
                             const std::vector<text::Word>& words, text::Preventing mode) const {
  if (!text::IsStatementNegated(words, mode)) return false;
  // A negated clause must hold at least half of what the sentence holds of the claim: in
  // "the line earned £1,750 a year and it was not cost effective" the negation is about
  // something else.
  constexpr double kShareOfSentence = 0.5;
  const double whole = m.Coverage(MaskOf(SortedUnique(text::ContentTerms(sentence, lang_))));
  size_t at = 0;
  while (at < words.size()) {
    const std::span<const text::Word> clause =
        text::ClauseAround(sentence, words, words[at].span.begin, text::ClauseBreaks::kSubjects);
    if (clause.empty()) break;
    const size_t begin = clause.front().span.begin, end = clause.back().span.end;
    const double share = m.Coverage(
        MaskOf(SortedUnique(text::ContentTerms(sentence.substr(begin, end - begin), lang_))));
    if (text::IsStatementNegated(clause, mode) && share >= kShareOfSentence * whole) return true;
    at = static_cast<size_t>(clause.data() - words.data()) + clause.size();
  }
  return false;
}

bool Judge::ClaimNegated(text::Preventing mode) const {
  return mode == text::Preventing::kAffirms ? claim_negated_ : claim_negated_literal_;
}

std::optional<WordConflict> Judge::FindWordConflict(const SourceView& view, const TermMatcher& m,
                                                    const std::vector<Window>& windows) const {
  if (windows.empty()) return std::nullopt;
  // The sentence of the best window that says most of the claim is the one to compare.
  const Window& w = windows.front();
  const std::string text = WindowText(view, w);
  std::string_view best;
  double best_coverage = -1;
  for (const text::Span& s : text::SplitSentences(text, view.lang)) {
    const std::string_view sentence = std::string_view(text).substr(s.begin, s.size());
    const double c = m.Coverage(MaskOf(SortedUnique(text::ContentTerms(sentence, view.lang))));
    if (c > best_coverage) {
      best_coverage = c;
      best = sentence;
    }
  }
  const std::vector<text::Word> words = text::Words(best);
  WordConflict c;
  c.window = w;
  c.coverage = best_coverage;
  // Sentence against sentence: the claim's figure may stand in an affirmed clause of a
  // negated sentence, or the reverse.
  // "stopped" against "did not stop", or "accepte" against "ne refuse pas", reads each
  // negation as written; "ran" against "did not stop" reads the second as affirming.
  const bool opposite = StatesOpposite(claim_words_, words);
  const text::Preventing mode = opposite ? text::Preventing::kLiteral : PolarityMode(words);
  const bool claim_negated = StatementNegated(m, claim_.sentence, claim_words_, mode);
  if (StatementNegated(m, best, words, mode) != claim_negated) {
    // The opposite word negated says the same thing ("accepte", "ne refuse pas"); a
    // negation elsewhere leaves it opposite ("won" against "lost and did not concede").
    if (opposite) {
      if (NegatesOpposite(claim_words_, words)) return std::nullopt;
      c.why = "states the opposite";
      return c;
    }
    c.why = claim_negated ? "affirms what the claim negates" : "negates it";
  } else if (IsDenial(words) && !IsDenial(claim_words_)) {
    c.why = "denies it";
  } else if (opposite) {
    c.why = "states the opposite";
  } else {
    const Direction mine = DirectionOf(claim_words_);
    const Direction theirs = DirectionOf(words);
    if (mine == Direction::kNone || theirs == Direction::kNone || mine == theirs)
      return std::nullopt;
    c.why = "states the opposite change";
  }
  return c;
}

void Judge::PreferWindowsWithFigures(SourceView& view, std::vector<Window>& windows) const {
  if (sentence_figures_.empty() || windows.size() < 2) return;
  // Each figure the window states is worth this much coverage.
  constexpr double kFigureBonus = 0.15;
  auto figures_in = [&](const Window& w) {
    int found = 0;
    for (const text::Quantity& q : sentence_figures_) {
      bool here = false;
      for (size_t p = w.first; p <= w.last && !here; ++p) {
        for (const text::Quantity& f : FiguresOf(view, p))
          here = here || Compare(q, f) == Relation::kEqual;
      }
      found += here ? 1 : 0;
    }
    return static_cast<double>(found) / static_cast<double>(sentence_figures_.size());
  };
  std::vector<std::pair<double, Window>> ranked;
  for (const Window& w : windows) {
    ranked.push_back(
        {w.coverage - 0.03 * static_cast<double>(w.last - w.first) + kFigureBonus * figures_in(w),
         w});
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = 0; i < windows.size(); ++i) windows[i] = ranked[i].second;
}

void Judge::MeasureFigures(SourceView& view, const std::vector<Window>& windows, Signals& s) const {
  if (sentence_figures_.empty()) return;
  size_t near_first = 0, near_last = 0;
  if (!windows.empty()) {
    near_first = windows.front().first > 0 ? windows.front().first - 1 : 0;
    near_last = std::min(windows.front().last + 1, view.passages.size() - 1);
  }
  int absent = 0, far = 0;
  for (const text::Quantity& q : sentence_figures_) {
    bool anywhere = false, near = false;
    for (size_t p = 0; p < view.passages.size() && !near; ++p) {
      for (const text::Quantity& f : FiguresOf(view, p)) {
        if (Compare(q, f) != Relation::kEqual) continue;
        anywhere = true;
        near = near || (!windows.empty() && p >= near_first && p <= near_last);
      }
    }
    absent += anywhere ? 0 : 1;
    far += near ? 0 : 1;
  }
  const double n = static_cast<double>(sentence_figures_.size());
  s.figures = std::log1p(n);
  s.figures_absent = absent / n;
  s.figures_far = far / n;
}

Signals Judge::Measure(const TermMatcher& m, const std::vector<Window>& windows,
                       const Reading& r) const {
  Signals s;
  s.passage = m.BestPassageCoverage();
  s.names_window = windows.empty() ? m.NameCoverage(0) : m.NameCoverage(windows.front().mask);
  s.max_missing = m.HeaviestMissing();
  s.window = windows.empty() ? 0 : windows.front().coverage;
  s.greedy = m.GreedyCoverage(kMaxSpan);
  s.source = m.Coverage(m.SourceMask());
  s.names = m.NameCoverage(m.SourceMask());
  s.missing = std::log1p(static_cast<double>(m.MissingTerms()));
  s.terms = std::log1p(static_cast<double>(m.term_count()));
  s.conflict = r.word_conflict ? 1 : 0;
  return s;
}

Reading Judge::Read(SourceView& view) const {
  Reading r;
  const TermMatcher m(view, terms_);
  // The windows where the figure and words that oppose the claim are looked for.
  r.windows =
      m.BestWindows(kMaxSpan, static_cast<size_t>(std::max(1, config_.passages_per_source)));
  if (claim_.has_figure) {
    // The figure is looked for where the words that describe it are.
    const std::vector<Window> near = m.BestWindows(1, r.windows.size(), local_);
    std::vector<Window> where = r.windows;
    where.insert(where.end(), near.begin(), near.end());
    if (!near.empty()) r.local_best = near.front().coverage;
    // A year next to the claim's words backs "On 22 August 2017, ..." only when the
    // page gives that day too (its dateline); a date that agrees without stating the
    // claim's month or day says nothing against it either.
    const std::optional<FigureFinding> full_date =
        IsDate(claim_.quantity) ? StatedExactly(view, claim_.quantity) : std::nullopt;
    const bool dated = full_date.has_value();
    r.match = BestFigure(view, m, where, true, dated);
    if (!r.match || r.match->coverage < config_.min_context_overlap) {
      // The figure may be stated, next to its words, in a passage that shares few of
      // the sentence's other words (a dateline under a title, a caption).
      std::optional<FigureFinding> elsewhere =
          BestFigure(view, m, OtherPassages(m, where), true, dated);
      if (elsewhere && (!r.match || elsewhere->coverage > r.match->coverage)) r.match = elsewhere;
    }
    if (r.match && r.match->relation == Relation::kCoarser) r.full_date = full_date;
    if (!r.match) {
      r.conflict = BestFigure(view, m, where, false, dated);
      if (r.conflict && r.conflict->relation == Relation::kCoarser) r.conflict.reset();
    }
  }
  r.word_conflict = FindWordConflict(view, m, r.windows);
  r.signals = Measure(m, r.windows, r);
  // Figures are judged by rule; a statement's support weighs the figures it carries.
  if (!claim_.has_figure) MeasureFigures(view, r.windows, r.signals);
  if (!claim_.has_figure) PreferWindowsWithFigures(view, r.windows);
  r.support = claim_.has_figure ? FigureSupport(r) : SupportScore(r.signals);
  return r;
}

double Judge::FigureSupport(const Reading& r) const {
  // A figure is backed by a passage that states it with enough of what it is about:
  // the score then grows with that share, above 0.5; below, it stays under 0.5.
  if (r.match && r.match->coverage >= config_.min_context_overlap) {
    return std::min(1.0, 0.5 + 0.5 * r.match->coverage);
  }
  const double near = r.match ? r.match->coverage : r.signals.window;
  return std::min(0.49, 0.45 * near);
}

bool Judge::Supports(const Reading& r) const {
  if (r.support < 0.5) return false;
  if (claim_.has_figure) return true;
  // The passage that says most of the statement says its opposite.
  return !Opposes(r);
}

bool Judge::Contradicts(const Reading& r) const {
  if (Supports(r)) return false;
  // Texts date many events: another date near the same words is weaker evidence than
  // another amount, and must stand among more of them.
  const double needed = IsDate(claim_.quantity) && !(r.conflict && r.conflict->negated)
                            ? (1 + config_.contradiction_overlap) / 2
                            : config_.contradiction_overlap;
  // The other figure must also stand where the claim's figure words are most found: a
  // page states many figures, and one in a passage about something else says nothing.
  if (claim_.has_figure && !r.match && r.conflict && r.conflict->local_coverage >= needed &&
      r.conflict->local_coverage >= kShareOfBest * r.local_best) {
    return true;
  }
  return Opposes(r);
}

bool Judge::Opposes(const Reading& r) const {
  if (!r.word_conflict || r.windows.empty()) return false;
  // The opposing sentence must carry most of what the best window says of the claim:
  // a negation elsewhere in the window is about something else.
  const double c = r.word_conflict->coverage;
  return c >= config_.contradiction_overlap && c >= kShareOfBest * r.windows.front().coverage;
}

}  // namespace citecheck::verify::internal
