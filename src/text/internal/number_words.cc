// Spelled-out numbers are read left to right into three accumulators: `total` (the
// completed thousands, millions...), `hundreds` and `below100`. Each word must fit the
// grammar of what precedes it, so "deux trois" stops after "deux" instead of adding.
#include "text/internal/number_words.h"

#include "text/internal/lexicon.h"

namespace citecheck::text::internal {
namespace {

enum class Last { kNone, kArticle, kUnit, kTeen, kTens, kHundred, kScale };

class Reader {
 public:
  Reader(const TokenList& tl, Lang lang) : tl_(tl), toks_(tl.tokens), lang_(lang) {}

  std::optional<WordNumber> Read(size_t i);

 private:
  const LexEntry* Find(size_t k, bool (*pred)(const LexEntry&)) const {
    if (k >= toks_.size() || toks_[k].type != TokenType::kWord) return nullptr;
    return FindSense(toks_[k].lex, lang_, pred);
  }
  bool IsHyphenAt(size_t k) const {
    return k + 1 < toks_.size() && toks_[k].type == TokenType::kSymbol && toks_[k].symbol == '-' &&
           !toks_[k].space_before && !toks_[k + 1].space_before;
  }
  bool IsEtAt(size_t k) const {
    return k < toks_.size() && toks_[k].type == TokenType::kWord && (toks_[k].flags & kEt) != 0;
  }
  size_t SkipConnector(size_t k, bool* via_et) const;
  bool AddSmall(int v, bool via_et, bool is_french);
  bool AddHundred(bool is_french);
  bool AddScale(double m, bool is_french);
  bool Apply(size_t w, bool via_et, bool first, WordNumber* out, bool* article);

  const TokenList& tl_;
  const std::vector<Token>& toks_;
  const Lang lang_;
  double total_ = 0;
  double hundreds_ = 0;
  int below100_ = 0;
  int last_value_ = 0;
  double last_scale_ = 0;  // smallest scale used so far, 0 before any
  Last last_ = Last::kNone;
};

// Skips the joiner before the next word: a hyphen, "et"/"and", or "-et-".
size_t Reader::SkipConnector(size_t k, bool* via_et) const {
  *via_et = false;
  if (IsHyphenAt(k)) ++k;
  if (IsEtAt(k)) {
    *via_et = true;
    ++k;
    if (IsHyphenAt(k)) ++k;
  }
  return k;
}

// Adds a value below 100: a unit, a teen, a tens word or the ordinal of one.
bool Reader::AddSmall(int v, bool via_et, bool fr) {
  const int prev = last_value_;
  if (via_et) {
    // "vingt et un", "soixante et onze", "one hundred and five".
    const bool fr_ok = fr && last_ == Last::kTens && (v == 1 || v == 11);
    const bool en_ok = !fr && (last_ == Last::kHundred || last_ == Last::kScale) && v < 100;
    if (!fr_ok && !en_ok) return false;
  }
  if (last_ == Last::kNone || last_ == Last::kHundred || last_ == Last::kScale) {
    below100_ = v;
  } else if (last_ == Last::kTens && v >= 1 && v <= 9) {
    below100_ += v;
  } else if (fr && last_ == Last::kTens && (below100_ == 60 || below100_ == 80) && v >= 10 &&
             v <= 19) {
    below100_ += v;  // "soixante-dix", "quatre-vingt-onze"
  } else if (fr && prev == 4 && below100_ == 4 && v == 20 && last_ == Last::kUnit) {
    below100_ += 76;  // "quatre-vingt(s)"
    last_value_ = 80;
    last_ = Last::kTens;
    return true;
  } else if (fr && prev == 10 && v >= 7 && v <= 9 && last_ == Last::kTeen) {
    below100_ += v;  // "dix-sept", "soixante-dix-huit"
  } else {
    return false;
  }
  last_value_ = v;
  last_ = v < 10 ? Last::kUnit : v < 20 ? Last::kTeen : Last::kTens;
  if (fr && (below100_ == 70 || below100_ == 90) && v == 10) last_ = Last::kTeen;
  return true;
}

bool Reader::AddHundred(bool fr) {
  if (hundreds_ != 0) return false;
  const int n = below100_;
  if (last_ == Last::kNone) {
    if (!fr) return false;  // "hundred" alone is not a number
    hundreds_ = 100;
  } else if (last_ == Last::kArticle || last_ == Last::kUnit || last_ == Last::kTeen ||
             (!fr && last_ == Last::kTens)) {
    if (fr && n == 1) return false;  // "un cent" is not French
    hundreds_ = (n == 0 ? 1 : n) * 100.0;
  } else {
    return false;
  }
  below100_ = 0;
  last_ = Last::kHundred;
  last_value_ = 100;
  return true;
}

bool Reader::AddScale(double m, bool fr) {
  const double n = hundreds_ + below100_;
  if (last_scale_ != 0 && m >= last_scale_) {
    // "mille milliards": a scale word multiplies everything before it.
    if (n != 0 || total_ == 0 || total_ >= m) return false;
    total_ *= m;
  } else if (last_ == Last::kNone) {
    if (m != 1000 || !fr) return false;  // "mille" alone is 1000; "thousand" is not
    total_ += m;
  } else {
    total_ += (n == 0 ? 1 : n) * m;
  }
  hundreds_ = 0;
  below100_ = 0;
  last_scale_ = m;
  last_ = Last::kScale;
  last_value_ = 0;
  return true;
}

// Applies the number word at token `w`; false when it does not continue the number.
bool Reader::Apply(size_t w, bool via_et, bool first, WordNumber* out, bool* article) {
  const LexSenses* lex = toks_[w].lex;
  const LexEntry* card = Find(w, [](const LexEntry& e) { return e.cardinal >= 0; });
  const LexEntry* mult = Find(w, [](const LexEntry& e) { return e.multiplier > 0; });
  const LexEntry* ord = Find(w, [](const LexEntry& e) { return e.ordinal > 0; });
  if (first && Find(w, [](const LexEntry& e) { return e.has(kArticleA); }) != nullptr) {
    below100_ = 1;
    last_ = Last::kArticle;
    last_value_ = 1;
    *article = true;
    return true;
  }
  if (card != nullptr) {
    if (!AddSmall(card->cardinal, via_et, card == lex->fr)) return false;
    *article = first && card->has(kArticleOne);
    out->last_multiplier = 0;
    return true;
  }
  if (mult != nullptr) {
    const bool ok = mult->multiplier == 100 ? AddHundred(mult == lex->fr)
                                            : AddScale(mult->multiplier, mult == lex->fr);
    if (ok) out->last_multiplier = mult->multiplier;
    return ok;
  }
  if (!first && Find(w, [](const LexEntry& e) {
                  return e.approx_noun == 12 && !e.has(kPluralScale);
                }) != nullptr) {
    if (last_ == Last::kScale || last_ == Last::kHundred) return false;
    below100_ = (below100_ == 0 ? 1 : below100_) * 12;  // "a dozen", "two dozen"
    last_ = Last::kTens;
    out->last_multiplier = 0;
    return true;
  }
  if (ord == nullptr) return false;
  if (first) {
    if (tl_.Key(toks_[w]) == "unieme") return false;  // only inside "vingt et unième"
    total_ = ord->ordinal;
  } else if (ord->ordinal >= 100 || !AddSmall(ord->ordinal, via_et, ord == lex->fr)) {
    return false;
  }
  out->last_multiplier = 0;
  out->ordinal = true;
  return true;
}

std::optional<WordNumber> Reader::Read(size_t i) {
  WordNumber out;
  size_t k = i;
  bool article = false;
  while (k < toks_.size() && !out.ordinal) {
    bool via_et = false;
    const size_t w = out.words == 0 ? k : SkipConnector(k, &via_et);
    if (w >= toks_.size() || toks_[w].type != TokenType::kWord || toks_[w].lex == nullptr) {
      break;
    }
    if (!Apply(w, via_et, out.words == 0, &out, &article)) break;
    ++out.words;
    k = w + 1;
  }
  if (out.words == 0) return std::nullopt;
  out.end = k;
  out.value = total_ + hundreds_ + below100_;
  out.article_only = article && out.words == 1;
  return out;
}

}  // namespace

std::optional<WordNumber> ParseWordNumber(const TokenList& tokens, size_t i, Lang lang) {
  return Reader(tokens, lang).Read(i);
}

}  // namespace citecheck::text::internal
