#include "verify/internal/lexicon.h"

#include <algorithm>
#include <span>

namespace citecheck::verify::internal {
namespace {

// Folded prefixes. Short prefixes would catch unrelated words ("bais" also starts
// "baiser"), so each is long enough to name its family.
constexpr std::string_view kUp[] = {"hausse", "augment", "progress", "croissan", "accru", "accroi",
                                    "grimp",  "bondi",   "increas",  "rise",     "rose",  "risen",
                                    "rising", "grew",    "grow",     "climb",    "surge", "gain"};
constexpr std::string_view kDown[] = {"baisse", "diminu", "recul",   "chute",  "decroi", "repli",
                                      "reduit", "reduct", "decreas", "declin", "fell",   "fall",
                                      "drop",   "shrank", "shrink",  "reduc",  "lower"};

// Verbs and nouns of denial, and the phrases of a correction.
constexpr std::string_view kDenialWords[] = {
    "dementi", "dement",    "infonde", "faux",       "fausse", "erronee", "errone",       "trompeu",
    "intox",   "rumeur",    "deni",    "deny",       "denies", "denied",  "false",        "falsely",
    "debunk",  "unfounded", "hoax",    "misleading", "refute", "refuted", "contrairement"};
constexpr std::string_view kDenialPairs[][2] = {
    {"en", "realite"}, {"aucune", "trace"}, {"in", "fact"}, {"no", "evidence"}, {"pas", "vrai"}};

// Pairs of folded word prefixes that say opposite things of the same subject.
constexpr std::string_view kOpposites[][2] = {{"positi", "negati"},
                                              {"vrai", "faux"},
                                              {"vrai", "fausse"},
                                              {"true", "false"},
                                              {"autoris", "interdi"},
                                              {"legal", "illegal"},
                                              {"allowed", "banned"},
                                              {"allowed", "forbidden"},
                                              {"accept", "refus"},
                                              {"accept", "reject"},
                                              {"avant", "apres"},
                                              {"before", "after"},
                                              {"majorit", "minorit"},
                                              {"gagn", "perd"},
                                              {"won", "lost"},
                                              {"win", "lose"},
                                              {"vivant", "mort"},
                                              {"alive", "dead"},
                                              {"efficace", "inefficace"},
                                              {"effective", "ineffective"},
                                              {"hausse", "baisse"},
                                              {"increas", "decreas"},
                                              {"augment", "diminu"},
                                              {"superieur", "inferieur"},
                                              {"higher", "lower"},
                                              {"entree", "sortie"},
                                              {"ouvert", "ferme"},
                                              {"open", "closed"},
                                              {"debut", "fin"},
                                              {"premier", "dernier"},
                                              {"first", "last"},
                                              {"nord", "sud"},
                                              {"north", "south"},
                                              {"east", "west"},
                                              {"male", "female"},
                                              {"reel", "faux"},
                                              {"authentique", "faux"},
                                              {"real", "fake"}};

bool StartsWithAny(std::string_view word, std::span<const std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](std::string_view p) { return word.starts_with(p); });
}

}  // namespace

Direction DirectionOf(const std::vector<text::Word>& words) {
  bool up = false, down = false;
  for (const text::Word& w : words) {
    up = up || StartsWithAny(w.folded, kUp);
    down = down || StartsWithAny(w.folded, kDown);
  }
  if (up == down) return Direction::kNone;
  return up ? Direction::kUp : Direction::kDown;
}

// "est" the verb is no direction: only exact words for very short prefixes.
bool MatchesPrefix(std::string_view word, std::string_view prefix) {
  return prefix.size() <= 4 ? word == prefix : word.starts_with(prefix);
}

bool HasPrefix(const std::vector<text::Word>& words, std::string_view prefix) {
  return std::any_of(words.begin(), words.end(),
                     [&](const text::Word& w) { return MatchesPrefix(w.folded, prefix); });
}

// The words of kOpposites that `b` holds as the opposite of a word of `a`.
std::vector<std::string_view> OppositesIn(const std::vector<text::Word>& a,
                                          const std::vector<text::Word>& b) {
  std::vector<std::string_view> out;
  for (const auto& pair : kOpposites) {
    for (int side = 0; side < 2; ++side) {
      const std::string_view mine = pair[side];
      const std::string_view theirs = pair[1 - side];
      if (HasPrefix(a, mine) && !HasPrefix(a, theirs) && HasPrefix(b, theirs) &&
          !HasPrefix(b, mine)) {
        out.push_back(theirs);
      }
    }
  }
  return out;
}

bool StatesOpposite(const std::vector<text::Word>& a, const std::vector<text::Word>& b) {
  return !OppositesIn(a, b).empty();
}

bool NegatesOpposite(const std::vector<text::Word>& a, const std::vector<text::Word>& b) {
  auto is_negation = [](const std::string& f) {
    return f == "ne" || f == "n'" || f == "pas" || f == "jamais" || f == "plus" || f == "not" ||
           f == "never" || f.ends_with("n't");
  };
  for (const std::string_view theirs : OppositesIn(a, b)) {
    // The negation stands right around the word: up to three words before it ("n'a
    // pas refusé", "did not reject") or the one after it ("ne refuse pas").
    for (size_t j = 0; j < b.size(); ++j) {
      if (!MatchesPrefix(b[j].folded, theirs)) continue;
      const size_t from = j >= 3 ? j - 3 : 0;
      for (size_t k = from; k <= j + 1 && k < b.size(); ++k) {
        if (k != j && is_negation(b[k].folded)) return true;
      }
    }
  }
  return false;
}

bool StatesIntention(const std::vector<text::Word>& words) {
  if (text::IsModal(words)) return true;
  static constexpr std::string_view kBeforeTo[] = {"plan", "aim",   "aims",  "want", "wants",
                                                   "seek", "seeks", "going", "set"};
  static constexpr std::string_view kBeforeDe[] = {"projet",  "objectif", "ambition",  "veut",
                                                   "veulent", "souhaite", "souhaitent"};
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const std::string& w = words[i].folded;
    const std::string& next = words[i + 1].folded;
    if (next == "to" &&
        std::find(std::begin(kBeforeTo), std::end(kBeforeTo), w) != std::end(kBeforeTo)) {
      return true;
    }
    if ((next == "de" || next == "d'") &&
        std::find(std::begin(kBeforeDe), std::end(kBeforeDe), w) != std::end(kBeforeDe)) {
      return true;
    }
  }
  return false;
}

bool IsDenial(const std::vector<text::Word>& words) {
  for (size_t i = 0; i < words.size(); ++i) {
    if (StartsWithAny(words[i].folded, kDenialWords)) return true;
    if (i + 1 == words.size()) continue;
    for (const auto& pair : kDenialPairs) {
      if (words[i].folded == pair[0] && words[i + 1].folded == pair[1]) return true;
    }
  }
  return false;
}

}  // namespace citecheck::verify::internal
