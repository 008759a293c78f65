// Languages, stop words and stems.
#include <xapian.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "text/internal/fold.h"
#include "text/internal/stopwords.h"
#include "text/internal/utf8.h"
#include "text/text.h"

namespace citecheck::text {
namespace {

// Language detection reads at most this much: enough words to decide, bounded cost.
constexpr size_t kDetectBytes = 64 * 1024;
// Fewer marker words than this: too short to tell.
constexpr int kMinMarkers = 4;

}  // namespace

std::string_view LangCode(Lang lang) {
  switch (lang) {
    case Lang::kFr:
      return "fr";
    case Lang::kEn:
      return "en";
    case Lang::kUnknown:
      break;
  }
  return "";
}

Lang ParseLang(std::string_view code) {
  if (code.size() < 2 || (code.size() > 2 && code[2] != '-' && code[2] != '_')) {
    return Lang::kUnknown;
  }
  const char a = internal::AsciiLower(code[0]), b = internal::AsciiLower(code[1]);
  if (a == 'f' && b == 'r') return Lang::kFr;
  if (a == 'e' && b == 'n') return Lang::kEn;
  return Lang::kUnknown;
}

Lang DetectLanguage(std::string_view text) {
  text = text.substr(0, kDetectBytes);
  int fr = 0, en = 0;
  std::string word;
  size_t len = 0;
  for (size_t i = 0; i <= text.size(); i += len) {
    len = 1;
    const char32_t c = i < text.size() ? internal::DecodeAt(text, i, &len) : U' ';
    if (internal::IsWordChar(c) || (internal::IsApostrophe(c) && !word.empty())) {
      if (internal::IsApostrophe(c)) {
        word.push_back('\'');
      } else if (!internal::AppendFoldedFast(c, &word)) {
        internal::AppendUtf8(c, &word);
      }
      if (!internal::IsApostrophe(c)) continue;
      // "l'" and "d'" are markers on their own; "it's" continues.
      const int m = internal::LanguageMarker(word);
      if (m == 0) continue;
      (m == 1 ? fr : en) += 1;
      word.clear();
      continue;
    }
    if (!word.empty()) {
      const int m = internal::LanguageMarker(word);
      if (m == 1) ++fr;
      if (m == 2) ++en;
      word.clear();
    }
  }
  if (fr + en < kMinMarkers) return Lang::kUnknown;
  if (fr > 2 * en) return Lang::kFr;
  if (en > 2 * fr) return Lang::kEn;
  return Lang::kUnknown;
}

bool IsStopword(std::string_view folded_word, Lang lang) {
  switch (lang) {
    case Lang::kFr:
      return internal::IsFrenchStopword(folded_word);
    case Lang::kEn:
      return internal::IsEnglishStopword(folded_word);
    case Lang::kUnknown:
      break;
  }
  return internal::IsFrenchStopword(folded_word) || internal::IsEnglishStopword(folded_word);
}

std::string Stem(std::string_view folded_word, Lang lang) {
  if (lang == Lang::kUnknown) return std::string(folded_word);
  // Xapian stemmers are cheap to use but not free to build, and not to be shared
  // between threads: one per thread and language.
  thread_local const Xapian::Stem kFrench("french");
  thread_local const Xapian::Stem kEnglish("english");
  const Xapian::Stem& stemmer = lang == Lang::kFr ? kFrench : kEnglish;
  if (lang == Lang::kFr) {
    // Snowball reads "-ais" as a verb ending, so "français" stems to "franc" while
    // "françaises" stems to "francais". Adjectives in -ais/-aise(s) (nationalities,
    // above all) are far more common in factual text than verbs in the imperfect: they
    // keep their masculine form.
    std::string_view w = folded_word;
    if (w.ends_with("aises")) {
      w.remove_suffix(2);
    } else if (w.ends_with("aise")) {
      w.remove_suffix(1);
    }
    if (w.size() > 5 && w.ends_with("ais")) return std::string(w);
  }
  std::string stem = stemmer(std::string(folded_word));
  // French Snowball keeps a final "s" after a vowel, so the plural of "vélo" or "euro"
  // stays "velos", "euros". After "o" that "s" is nearly always a plural, and it is
  // dropped so that singular and plural meet (after "a", "i", "u" it is often part of
  // the word: "cas", "français", "bus").
  if (lang == Lang::kFr && stem.size() > 3 && stem.ends_with("os")) stem.pop_back();
  return stem;
}

std::vector<std::string> ContentWords(const std::vector<Word>& words, Lang lang) {
  std::vector<std::string> out;
  for (const Word& w : words) {
    if (w.is_number) continue;
    const std::string& f = w.folded;
    size_t start = 0;
    while (start <= f.size()) {
      size_t dash = f.find('-', start);
      if (dash == std::string::npos) dash = f.size();
      std::string_view part = std::string_view(f).substr(start, dash - start);
      if (CountCodePoints(part) >= 2 && part.back() != '\'' && !IsStopword(part, lang)) {
        out.emplace_back(part);
      }
      start = dash + 1;
    }
  }
  return out;
}

std::vector<std::string> ContentTerms(std::string_view text, Lang lang) {
  std::vector<std::string> out = ContentWords(Words(text), lang);
  for (std::string& w : out) w = Stem(w, lang);
  return out;
}

bool IsPreventingWord(std::string_view f) {
  // Folded forms: "empêché" is "empeche". Whole words, not stems ("interdisciplinaire",
  // "cession" prevent nothing).
  static constexpr std::string_view kForms[] = {
      "empeche",   "empechent",   "empechee",  "empeches",   "empechees",   "empecher",
      "empechait", "empechaient", "empechera", "refuse",     "refusent",    "refusee",
      "refuses",   "refusees",    "refuser",   "refusait",   "refusaient",  "rejette",
      "rejettent", "rejete",      "rejetee",   "rejetes",    "rejetees",    "rejeter",
      "interdit",  "interdite",   "interdits", "interdites", "interdisent", "interdire",
      "cesse",     "cessent",     "cesser",    "cessait",    "prevent",     "prevents",
      "prevented", "stop",        "stops",     "stopped",    "refused",     "reject",
      "rejects",   "rejected",    "prohibit",  "prohibits",  "prohibited",  "forbid",
      "forbids",   "forbade",     "ban",       "bans",       "banned",      "cease",
      "ceases",    "ceased",      "preclude",  "precludes",  "precluded"};
  return std::find(std::begin(kForms), std::end(kForms), f) != std::end(kForms);
}

namespace {

// A word inside a run of capitalized words that names something: "the No Filter tour",
// "We Are Never Ever Getting Back Together". The next word is capitalized too, and the
// one before is capitalized or an article ("said that No Democrat voted" is prose).
bool InTitle(std::span<const Word> words, size_t i) {
  if (i == 0 || i + 1 >= words.size() || !words[i].title_case || !words[i + 1].title_case) {
    return false;
  }
  static constexpr std::string_view kArticles[] = {"the", "a",  "an",  "le",  "la", "les",
                                                   "l'",  "un", "une", "des", "du"};
  const std::string& before = words[i - 1].folded;
  return words[i - 1].title_case ||
         std::find(std::begin(kArticles), std::end(kArticles), before) != std::end(kArticles);
}

// Nearly every word of four letters or more capitalized: a headline ("Court Does Not
// Rule on the Merits"), whose capitals name nothing.
bool IsHeadline(std::span<const Word> words) {
  size_t long_words = 0, capitalized = 0;
  for (const Word& w : words) {
    if (w.is_number || w.folded.size() < 4) continue;
    ++long_words;
    capitalized += w.title_case ? 1 : 0;
  }
  return long_words >= 2 && 10 * capitalized >= 9 * long_words;
}

// A verb of preventing right after `i`, or after the auxiliary there: "Rien n'empêche",
// "Aucune loi n'a interdit".
bool PreventingAfter(std::span<const Word> words, size_t i) {
  // "Rien n'a jamais empêché": an auxiliary and an adverb may come between.
  for (size_t j = i + 1; j < words.size() && j <= i + 3; ++j) {
    if (IsPreventingWord(words[j].folded)) return true;
  }
  return false;
}

bool OneOf(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// A French word that negates the "ne" after it: "Aucun pays n'a relevé", "Ni l'Inde ni le
// Pakistan n'ont relevé", "Nul ne sait", "Personne n'a vu", "Rien ne prouve". Not "d'aucuns"
// (some), "chaque personne" (the noun), "quasi nulle" (the adjective), "ni plus ni moins",
// nor after a comparative ("plus que personne ne l'avait prévu").
bool LeadsNegation(std::span<const Word> words, size_t i) {
  const std::string& f = words[i].folded;
  const std::string_view before = i > 0 ? words[i - 1].folded : std::string_view();
  const std::string_view next = i + 1 < words.size() ? words[i + 1].folded : std::string_view();
  const std::string_view two_before = i > 1 ? words[i - 2].folded : std::string_view();
  if ((before == "que" || before == "qu'") &&
      OneOf(two_before, {"plus", "moins", "mieux", "autant", "davantage"})) {
    return false;
  }
  if (f == "aucun" || f == "aucune") return before != "d'";
  if (f == "ni") return next != "plus" && next != "moins";
  if (f == "nul" || f == "nulle") return i == 0 || next == "ne" || next == "n'";
  if (f != "personne" && f != "rien") return false;
  if (OneOf(before, {"la", "une", "chaque", "cette", "toute", "seule", "de", "d'", "en"})) {
    return false;
  }
  return next == "ne" || next == "n'";
}

// "ne" then "que" within a few words restricts ("Aucun ... ne représente que 5 %" is said
// of a share, "ni en hausse ni en baisse, ne représentent que 5 %").
bool RestrictiveAfter(std::span<const Word> words, size_t i) {
  for (size_t j = i + 1; j < words.size() && j <= i + 3; ++j) {
    if (words[j].folded == "que" || words[j].folded == "qu'") return true;
  }
  return false;
}

bool Negated(std::span<const Word> words, bool privative, Preventing preventing) {
  bool ne = false;
  size_t ne_at = 0;
  bool led = false;  // a word that negates the coming "ne" was seen
  const bool headline = IsHeadline(words);
  for (size_t i = 0; i < words.size(); ++i) {
    if (!headline && InTitle(words, i)) continue;
    const std::string& f = words[i].folded;
    const std::string_view next = i + 1 < words.size() ? words[i + 1].folded : std::string_view();
    const std::string_view before = i > 0 ? words[i - 1].folded : std::string_view();
    if (f == "ne" || f == "n'") {
      if (led && !RestrictiveAfter(words, i)) {
        if (preventing == Preventing::kLiteral || !PreventingAfter(words, i)) return true;
        led = false;
        continue;
      }
      ne = true;
      ne_at = i;
    }
    if (!ne && LeadsNegation(words, i)) led = true;
    // "ne représentent plus que 5 %", "n'utilisent guère que" restrict, they do not
    // deny; "ne révèlent pas que" does.
    const bool restrictive = f != "pas" && (next == "que" || next == "qu'");
    // "pas seulement", "not only", "not just" widen a statement, they do not deny it.
    if ((f == "pas" || f == "not") && (next == "seulement" || next == "only" || next == "just")) {
      continue;
    }
    if (ne && !restrictive &&
        (f == "pas" || f == "plus" || f == "jamais" || f == "aucun" || f == "aucune" ||
         f == "rien" || f == "guere" || f == "point" || f == "ni" || f == "nullement" ||
         f == "aucunement")) {
      // "n'empêche pas", "ne les refusent plus": the verb between them is negated, or
      // the participle right after ("n'a pas empêché", "n'est pas interdit").
      const bool verbal = f == "pas" || f == "plus" || f == "jamais";
      bool affirms = preventing == Preventing::kAffirms && verbal && IsPreventingWord(next);
      for (size_t j = ne_at + 1; j < i && preventing == Preventing::kAffirms; ++j) {
        affirms = affirms || IsPreventingWord(words[j].folded);
      }
      if (!affirms) return true;
      ne = false;
      continue;
    }
    // "lieutenant-général, et non général", "non pas à Kiev".
    if (f == "non" && (before == "et" || before == "mais" || next == "pas")) return true;
    // "with no projection print" is "without a projection print".
    const bool with_no = f == "no" && before == "with" && !next.empty() && !words[i + 1].is_number;
    if (privative && (f == "sans" || f == "without" || with_no)) return true;
    if (with_no) continue;
    if (f == "not" || f == "never" || f == "none" || f == "nor" || f == "nobody" ||
        f == "nothing" || f == "cannot" || f.ends_with("n't")) {
      // "did not prevent", "never stopped": the verb after it is negated.
      if (preventing == Preventing::kAffirms && f != "none" && f != "nobody" && f != "nothing" &&
          IsPreventingWord(next)) {
        continue;
      }
      return true;
    }
    // "no evidence", "no longer"; not "No. 5".
    if (f == "no" && !next.empty() && !words[i + 1].is_number) return true;
  }
  return false;
}

// A conjunction then a subject pronoun, at `i`: the start of a new clause ("and it
// was", "mais elles", "tandis qu'ils"); or a conjunction or relative pronoun then a word
// that leads a negation ("et personne n'a été blessé", "un record que personne
// n'attendait", "pour qui rien n'est décidé").
bool StartsClause(const std::vector<Word>& words, size_t i) {
  if (i + 1 >= words.size()) return false;
  const std::string& f = words[i].folded;
  size_t s = i + 1;
  if (f == "tandis" && (words[s].folded == "que" || words[s].folded == "qu'")) ++s;
  if (s >= words.size()) return false;
  const std::string_view subject = words[s].folded;
  if (OneOf(f, {"and", "but", "while", "whereas"})) {
    return OneOf(subject,
                 {"it", "he", "she", "they", "we", "i", "there", "nobody", "none", "nothing"});
  }
  if (OneOf(f, {"that", "which", "who", "whom"})) {
    return OneOf(subject, {"nobody", "none", "nothing"});
  }
  if (OneOf(f, {"et", "mais", "tandis"})) {
    if (OneOf(subject, {"il", "elle", "ils", "elles", "on", "c'", "nous", "je"})) return true;
  } else if (!OneOf(f, {"qui", "que", "qu'", "dont", "ou"})) {
    return false;
  }
  return OneOf(subject, {"personne", "rien", "aucun", "aucune", "nul", "nulle"}) &&
         LeadsNegation(words, s);
}

}  // namespace

std::span<const Word> ClauseAround(std::string_view text, const std::vector<Word>& words,
                                   size_t offset, ClauseBreaks breaks) {
  auto starts = [&](size_t i) {
    if (i == 0) return false;
    if (breaks == ClauseBreaks::kSubjects) return StartsClause(words, i);
    const std::string& f = words[i].folded;
    const bool opposes = f == "mais" || f == "but" || f == "whereas" || f == "tandis" ||
                         (f == "alors" && i + 1 < words.size() &&
                          (words[i + 1].folded == "que" || words[i + 1].folded == "qu'"));
    const size_t gap_begin = std::min(words[i - 1].span.end, text.size());
    const size_t gap_end = std::min(words[i].span.begin, text.size());
    const std::string_view gap = text.substr(gap_begin, gap_end - std::min(gap_begin, gap_end));
    return opposes || gap.find_first_of(";:") != std::string_view::npos || StartsClause(words, i);
  };
  size_t begin = 0, end = words.size();
  for (size_t i = 1; i < words.size(); ++i) {
    if (!starts(i)) continue;
    if (words[i].span.begin <= offset) {
      begin = i;
    } else {
      end = i;
      break;
    }
  }
  return std::span<const Word>(words).subspan(begin, end - begin);
}

bool IsNegated(const std::vector<Word>& words, Preventing preventing) {
  return Negated(words, true, preventing);
}

bool IsNegated(std::span<const Word> words, Preventing preventing) {
  return Negated(words, true, preventing);
}

bool IsStatementNegated(const std::vector<Word>& words, Preventing preventing) {
  return Negated(words, false, preventing);
}

bool IsStatementNegated(std::span<const Word> words, Preventing preventing) {
  return Negated(words, false, preventing);
}

bool HasPreventingWord(const std::vector<Word>& words) {
  return std::any_of(words.begin(), words.end(),
                     [](const Word& w) { return IsPreventingWord(w.folded); });
}

bool IsModal(const std::vector<Word>& words) {
  // Folded word prefixes; "plan" alone would also catch the noun, so English plans are
  // matched on their verb forms.
  static constexpr std::string_view kPrefixes[] = {
      "envisag",   "prevoi",  "prevoy", "souhait", "projett", "projetai", "pourrai", "comptent",
      "intention", "planifi", "esper",  "aimerai", "voudrai", "consider", "intend",  "expect",
      "could",     "might",   "would",  "hope",    "plans",   "planning", "planned"};
  for (const Word& w : words) {
    for (std::string_view p : kPrefixes) {
      if (w.folded.starts_with(p)) return true;
    }
  }
  return false;
}

}  // namespace citecheck::text
