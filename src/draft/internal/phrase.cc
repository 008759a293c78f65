#include "draft/internal/phrase.h"

#include <algorithm>
#include <span>
#include <unordered_set>

namespace citecheck::draft::internal {
namespace {

using text::Span;
using text::Word;

// A noun phrase longer than this is cut: it has probably run past its verb.
constexpr size_t kMaxSubjectWords = 10;

using WordSet = std::unordered_set<std::string_view>;

// The word lists below as hash sets, built once: a linear scan per word and per
// figure cost a fifth of claim extraction on long drafts.
template <size_t N>
const WordSet* MakeSet(const std::string_view (&words)[N]) {
  return new WordSet(std::begin(words), std::end(words));
}

// Auxiliaries, modals, negation particles and the verbs statistics are stated with.
constexpr std::string_view kVerbs[] = {
    "a",       "ont",     "est",      "sont",      "etait",      "etaient",    "avait",
    "avaient", "sera",    "seront",   "serait",    "seraient",   "aura",       "auront",
    "fut",     "furent",  "peut",     "peuvent",   "doit",       "doivent",    "va",
    "vont",    "fait",    "font",     "reste",     "restent",    "represente", "atteint",
    "depasse", "compte",  "concerne", "utilise",   "estime",     "declare",    "possede",
    "dispose", "emploie", "affiche",  "totalise",  "pese",       "s'",         "se",
    "n'",      "ne",      "is",       "are",       "was",        "were",       "be",
    "been",    "has",     "have",     "had",       "do",         "does",       "did",
    "will",    "would",   "can",      "could",     "may",        "might",      "should",
    "must",    "shall",   "don't",    "doesn't",   "didn't",     "won't",      "can't",
    "isn't",   "aren't",  "wasn't",   "weren't",   "haven't",    "hasn't",     "use",
    "uses",    "rose",    "rise",     "rises",     "fell",       "falls",      "grew",
    "grows",   "account", "accounts", "represent", "represents", "say",        "says",
    "said",    "remain",  "remains",  "hit",       "hits",       "exceed",     "exceeds",
    "lack",    "lacks",   "cost",     "costs",     "own",        "owns",       "need",
    "needs",   "work",    "works",    "live",      "lives",      "pay",        "pays",
    "spend",   "spends",  "earn",     "earns",     "still",      "already",    "never",
    "not",     "passe",   "augmente", "baisse",    "diminue",    "progresse",  "recule",
    "croit",   "chute",   "grimpe",   "stagne",    "touche",     "gagne",      "perd",
    "perdent"};

// Words ending like a verb that are nouns, adjectives or adverbs.
constexpr std::string_view kNotVerbs[] = {
    "agent",     "agents",  "argent",    "parent",    "accident",   "patient",     "talent",
    "content",   "client",  "president", "incident",  "adolescent", "equivalent",  "different",
    "excellent", "recent",  "frequent",  "present",   "absent",     "urgent",      "intelligent",
    "efficient", "prudent", "permanent", "precedent", "continent",  "coefficient", "pourcent",
    "portrait",  "attrait", "extrait",   "souhait",   "retrait",    "hundred",     "limited",
    "united",    "based",   "indeed",    "speed"};

constexpr std::string_view kRelatives[] = {"qui",      "que",      "qu'",        "dont",  "lequel",
                                           "laquelle", "lesquels", "lesquelles", "which", "who",
                                           "whom",     "whose",    "that"};

// Words that open a clause without belonging to its subject.
constexpr std::string_view kLeading[] = {
    "seules", "seuls", "seule", "seul", "seulement", "only", "notamment", "et",
    "mais",   "quand", "alors", "que",  "qu'",       "and",  "but",       "when",
    "donc",   "ainsi", "aussi", "also", "puis",      "then", "or",        "soit"};

// Words that end a subject without belonging to it ("... confiée au réseau en [2025]").
constexpr std::string_view kTrailing[] = {
    "en",  "de",  "des",    "du",    "d'",   "a",    "au",   "aux", "pour", "dans",  "sur",
    "par", "l'",  "la",     "le",    "les",  "in",   "of",   "for", "on",   "at",    "by",
    "to",  "the", "depuis", "since", "from", "than", "down", "up",  "vers", "contre"};

constexpr std::string_view kOf[] = {"de", "des", "d'", "du", "of"};

// Attribution cues break a clause: what follows says who, not what.
constexpr std::string_view kAttributionCues[] = {"selon", "d'apres", "according", "source"};

// `raw` is the word as written: "a" is the verb "avoir" in French, but neither "à"
// nor the English article.
const WordSet& Verbs() {
  static const WordSet* set = MakeSet(kVerbs);
  return *set;
}
const WordSet& NotVerbs() {
  static const WordSet* set = MakeSet(kNotVerbs);
  return *set;
}
const WordSet& Relatives() {
  static const WordSet* set = MakeSet(kRelatives);
  return *set;
}
const WordSet& Leading() {
  static const WordSet* set = MakeSet(kLeading);
  return *set;
}
const WordSet& Trailing() {
  static const WordSet* set = MakeSet(kTrailing);
  return *set;
}

bool In(std::string_view w, const WordSet& set) { return set.contains(w); }

template <size_t N>
bool In(std::string_view w, const std::string_view (&set)[N]) {
  return std::find(std::begin(set), std::end(set), w) != std::end(set);
}

bool IsVerb(std::string_view w, std::string_view raw, text::Lang lang) {
  if (w == "a") return raw == "a" && lang != text::Lang::kEn;
  if (In(w, Verbs())) return true;
  if (In(w, NotVerbs()) || w.size() < 5) return false;
  if (w.ends_with("ent") && !w.ends_with("ment")) return true;  // "utilisent"
  if (w.ends_with("aient") || w.ends_with("ait")) return true;  // "utilisait"
  return w.ends_with("ed") && !w.ends_with("eed");              // "reached"
}

// Reads words of one text in one language.
class Reader {
 public:
  Reader(std::string_view t, text::Lang lang) : t_(t), lang_(lang) {}
  bool Verb(const Word& w) const {
    return IsVerb(w.folded, t_.substr(w.span.begin, w.span.size()), lang_);
  }
  bool NounLike(const Word& w) const {
    return !w.is_number && !Verb(w) && !text::IsStopword(w.folded, text::Lang::kUnknown);
  }

 private:
  std::string_view t_;
  text::Lang lang_;
};

bool Inside(Span inner, Span outer) { return inner.begin >= outer.begin && inner.end <= outer.end; }

// Where the clause holding `figure` begins and ends: commas followed by a space,
// semicolons, colons, parentheses, dashes, question and exclamation marks, skipped
// spans and attribution cues break it.
Span SoftClause(std::string_view t, const std::vector<Word>& words, Span sentence, Span figure,
                const std::vector<Span>& skip) {
  Span c = sentence;
  // A fronted adverbial ("En 2025, une mission...") belongs to the clause after it.
  auto adverbial_only = [&](Span clause) {
    for (const Word& w : words) {
      if (Inside(w.span, clause) && !Inside(w.span, figure) && !In(w.folded, Trailing()))
        return false;
    }
    return true;
  };
  auto is_break = [&](size_t i) {
    const char ch = t[i];
    if (ch == ';' || ch == ':' || ch == '(' || ch == ')' || ch == '?' || ch == '!') return true;
    if (ch == ',') return i + 1 >= t.size() || t[i + 1] == ' ';
    // Em dash, and an en dash with spaces around it.
    if (ch != '\xE2' || i + 2 >= t.size() || t[i + 1] != '\x80') return false;
    return t[i + 2] == '\x94' || (t[i + 2] == '\x93' && i > 0 && t[i - 1] == ' ');
  };
  for (size_t i = sentence.begin; i < figure.begin; ++i) {
    if (is_break(i)) c.begin = i + 1;
  }
  bool extended = false;
  for (size_t i = figure.end; i < sentence.end; ++i) {
    if (!is_break(i)) continue;
    c.end = i;
    if (extended || t[i] != ',' || !adverbial_only(c)) break;
    extended = true;
    c.end = sentence.end;
  }
  for (const Span& s : skip) {
    if (s.end <= figure.begin && s.end > c.begin) c.begin = s.end;
    if (s.begin >= figure.end && s.begin < c.end) c.end = s.begin;
  }
  for (const Word& w : words) {
    if (w.span.begin >= figure.end && w.span.begin < c.end && In(w.folded, kAttributionCues)) {
      c.end = w.span.begin;
    }
  }
  return c;
}

// The segment whose polarity the figure takes: semicolons, colons and the
// conjunctions that oppose two statements break it.
Span HardSegment(std::string_view t, const std::vector<Word>& words, Span sentence, Span figure) {
  Span s = sentence;
  for (size_t i = sentence.begin; i < sentence.end; ++i) {
    if (t[i] != ';' && t[i] != ':') continue;
    if (i < figure.begin) s.begin = i + 1;
    if (i >= figure.end && i < s.end) s.end = i;
  }
  for (size_t k = 0; k < words.size(); ++k) {
    const std::string& f = words[k].folded;
    const bool opposes = f == "mais" || f == "but" || f == "whereas" || f == "tandis" ||
                         (f == "alors" && k + 1 < words.size() && words[k + 1].folded == "que");
    if (!opposes) continue;
    if (words[k].span.end <= figure.begin) s.begin = std::max(s.begin, words[k].span.end);
    if (words[k].span.begin >= figure.end) s.end = std::min(s.end, words[k].span.begin);
  }
  return s;
}

Span TrimmedSpan(std::string_view t, size_t begin, size_t end) {
  while (begin < end && (t[begin] == ' ' || t[begin] == ',')) ++begin;
  while (end > begin && (t[end - 1] == ' ' || t[end - 1] == '.' || t[end - 1] == ',')) --end;
  return {begin, end};
}

// Items after a colon: "A, B, C et D" -> spans of A, B, C, D.
std::vector<Span> SplitItems(std::string_view t, size_t begin, size_t end) {
  std::vector<Span> out;
  size_t from = begin;
  auto cut = [&](size_t at, size_t skip_len) {
    Span s = TrimmedSpan(t, from, at);
    if (s.end > s.begin) out.push_back(s);
    from = at + skip_len;
  };
  for (size_t i = begin; i < end; ++i) {
    if (t[i] == ',' || t[i] == ';') {
      cut(i, 1);
    } else {
      for (std::string_view conj : {" et ", " and ", " ou ", " or "}) {
        if (t.compare(i, conj.size(), conj) == 0 && i + conj.size() <= end) {
          cut(i, conj.size());
          i += conj.size() - 1;
          break;
        }
      }
    }
  }
  cut(end, 0);
  if (out.size() < 2) out.clear();
  return out;
}

// The reading of one figure's clause, phase by phase. Word indexes are into words_,
// the clause's words without the figure's.
class ClauseReader {
 public:
  ClauseReader(std::string_view t, const std::vector<Word>& all_words, Span sentence, Span figure,
               const std::vector<Span>& breaks, const std::vector<Span>& stops, text::Lang lang)
      : t_(t),
        r_(t, lang),
        sentence_(sentence),
        figure_(figure),
        stops_(stops),
        clause_(SoftClause(t, all_words, sentence, figure, breaks)) {
    const Span segment = HardSegment(t, all_words, sentence, figure);
    size_t seg_begin = all_words.size(), seg_end = 0;
    for (size_t i = 0; i < all_words.size(); ++i) {
      const Word& w = all_words[i];
      // Pointers rather than copies: this runs for every figure of a long draft.
      if (Inside(w.span, clause_) && !Inside(w.span, figure)) words_.push_back(&w);
      if (Inside(w.span, segment)) {
        seg_begin = std::min(seg_begin, i);
        seg_end = i + 1;
      }
    }
    if (seg_begin < seg_end) {
      p_.negated =
          text::IsNegated(std::span<const Word>(all_words).subspan(seg_begin, seg_end - seg_begin));
    }
    while (after_ < words_.size() && W(after_).span.begin < figure.end) ++after_;
  }

  Phrase Read() {
    const size_t np_end = SubjectAfter();
    size_t verb = np_end;
    while (verb < words_.size() && !r_.Verb(W(verb))) ++verb;
    // The pronouns "en" and "y" before the verb belong to it: "20 % en ont une".
    while (verb < words_.size() && verb > after_ &&
           (W(verb - 1).folded == "en" || W(verb - 1).folded == "y")) {
      --verb;
    }
    if (p_.subject.size() == 0) verb = SubjectBefore(verb);
    Predicate(verb);
    Items();
    return p_;
  }

 private:
  const Word& W(size_t i) const { return *words_[i]; }

  bool Stopped(const Word& w) const {
    for (const Span& s : stops_) {
      if (w.span.begin < s.end && w.span.end > s.begin && !Inside(s, figure_)) return true;
    }
    return false;
  }

  // The noun phrase the figure quantifies: "13 % [des TPE et PME françaises] ont".
  // Returns the index of the word after it (after_ when there is none).
  size_t SubjectAfter() {
    size_t end = after_;
    if (after_ >= words_.size() || !(In(W(after_).folded, kOf) || r_.NounLike(W(after_)))) {
      return end;
    }
    while (end < words_.size() && end - after_ < kMaxSubjectWords && !r_.Verb(W(end)) &&
           !In(W(end).folded, Relatives()) && !Stopped(W(end))) {
      ++end;
    }
    while (end > after_ && In(W(end - 1).folded, Trailing())) --end;
    if (end > after_) p_.subject = {W(after_).span.begin, W(end - 1).span.end};
    return end;
  }

  // No noun phrase after the figure: the subject is what precedes the clause's verb
  // (or the figure), without the words that open the clause or lead to the figure; or,
  // after a fronted figure, what comes between it and the verb. Returns the verb.
  size_t SubjectBefore(size_t verb) {
    size_t first = 0;
    while (first < after_ && In(W(first).folded, Leading())) ++first;
    size_t last = after_;
    for (size_t k = first; k < after_; ++k) {
      if (!r_.Verb(W(k)) && !Stopped(W(k))) continue;
      last = k;
      if (r_.Verb(W(k))) verb = k;
      break;
    }
    while (last > first && In(W(last - 1).folded, Trailing())) --last;
    if (last > first) {
      p_.subject = {W(first).span.begin, W(last - 1).span.end};
    } else if (verb < words_.size() && verb > after_) {
      // "En 2025, une mission a été confiée".
      size_t begin = after_;
      while (begin < verb && In(W(begin).folded, Leading())) ++begin;
      if (begin < verb) p_.subject = {W(begin).span.begin, W(verb - 1).span.end};
    }
    return verb;
  }

  void Predicate(size_t verb) {
    if (verb < words_.size()) {
      p_.predicate = TrimmedSpan(t_, W(verb).span.begin, clause_.end);
      return;
    }
    if (p_.subject.size() == 0 || p_.subject.begin < figure_.end) return;
    // "Cette mission s'articule autour de [quatre] axes": the verb comes first.
    for (size_t k = 0; k < after_; ++k) {
      if (!r_.Verb(W(k))) continue;
      p_.predicate = TrimmedSpan(t_, W(k).span.begin, figure_.begin);
      return;
    }
  }

  void Items() {
    size_t colon = p_.subject.size() > 0 ? std::max(p_.subject.end, figure_.end) : figure_.end;
    while (colon < sentence_.end && t_[colon] == ' ') ++colon;
    p_.colon_after = colon < sentence_.end && t_[colon] == ':' && colon <= clause_.end;
    if (!p_.colon_after) return;
    // The items end where an attribution or an aside opens.
    const size_t paren = t_.substr(0, sentence_.end).find('(', colon);
    p_.items = SplitItems(t_, colon + 1, paren == std::string_view::npos ? sentence_.end : paren);
  }

  const std::string_view t_;
  const Reader r_;
  const Span sentence_;
  const Span figure_;
  const std::vector<Span>& stops_;
  const Span clause_;
  std::vector<const Word*> words_;
  size_t after_ = 0;  // the first word after the figure
  Phrase p_;
};

}  // namespace

Phrase AnalyzePhrase(std::string_view t, const std::vector<Word>& all_words, Span sentence,
                     Span figure, const std::vector<Span>& breaks, const std::vector<Span>& stops,
                     text::Lang lang) {
  return ClauseReader(t, all_words, sentence, figure, breaks, stops, lang).Read();
}

std::string ItemName(std::string_view item) {
  size_t cut = item.size();
  for (std::string_view sep : {" (", " : ", ": ", " \xE2\x80\x93 ", " - "}) {
    cut = std::min(cut, item.find(sep));
  }
  std::string_view s = item.substr(0, cut);
  while (!s.empty() && (s.back() == ' ' || s.back() == '.' || s.back() == ':')) s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return std::string(s);
}

}  // namespace citecheck::draft::internal
