// text: Unicode handling and quantity recognition for French and English.
//
// Everything citecheck compares goes through here: sentences (ICU break rules), words,
// folding for comparison (case, accents, apostrophes, dashes and exotic spaces), stop
// words and stems, and the recognizer that turns "près de 13,5 %", "1,2 million d'euros",
// "twenty-one" or "un sur cinq" into normalized quantities with their exact spans.
//
//   for (const text::Quantity& q : text::FindQuantities("En 2024, 13 % des PME", Lang::kFr))
//     ...  // {kYear 2024, span [3,7)}, {kPercent 13, span [9,13)}
//
// All offsets are byte offsets into the UTF-8 input, half-open [begin, end).
// Thread-safety: every function is pure and may be called concurrently. (ICU break
// iterators and Xapian stemmers are costly to build and not shareable, so each thread
// builds its own on first use and keeps it; the word lists are built once, on first
// use, and never change.)
#ifndef CITECHECK_TEXT_TEXT_H_
#define CITECHECK_TEXT_TEXT_H_

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace citecheck::text {

enum class Lang { kUnknown = 0, kFr, kEn };

// "fr", "en", or "" for kUnknown.
std::string_view LangCode(Lang lang);

// Accepts "fr", "FR", "fr-FR", "fr_CA", "en", "en-US", ...; anything else is kUnknown.
Lang ParseLang(std::string_view code);

// Guesses French or English from stop-word frequencies. kUnknown when the text is too
// short or neither language dominates (fewer than 4 marker words, or less than twice
// as many as the other language's). Reads at most the first 64 KiB.
Lang DetectLanguage(std::string_view text);

struct Span {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
  bool operator==(const Span&) const = default;
};

// Sentence spans of `text` (ICU sentence rules for `lang`), trimmed of surrounding
// whitespace, covering every non-blank part of the text in order. Does not split after
// common abbreviations ("M.", "Dr.", "etc.", "p. ex.", "e.g.", "U.S.") or initials
// ("J. Dupont"), or inside numbers ("13.5", "1.200"). A line break always ends a
// sentence (ICU's rule), even after an abbreviation.
std::vector<Span> SplitSentences(std::string_view text, Lang lang);

// Folded form for comparison: NFKC, lower case, diacritics removed, typographic
// apostrophes and quotes made ASCII, every dash made '-', every Unicode space (NBSP,
// narrow NBSP, thin space...) made ' '. Invalid UTF-8 bytes become U+FFFD first.
// "Côte d’Azur" -> "cote d'azur".
std::string Fold(std::string_view text);

// Returns `text` with invalid UTF-8 sequences replaced by U+FFFD (unchanged if valid).
std::string ToValidUtf8(std::string_view text);

// Number of code points in `text` (for column numbers).
size_t CountCodePoints(std::string_view text);

struct Word {
  Span span;                // in the input text
  std::string folded;       // Fold() of the word
  bool is_number = false;   // made of digits (possibly with , . and spaces inside)
  bool title_case = false;  // an upper-case letter, then a lower-case one or nothing
  bool operator==(const Word&) const = default;
};

// Words by ICU word-break rules; punctuation and spaces are dropped. Elided articles are
// split off: "l'adoption" gives "l'" and "adoption" (the folded form of the first is
// "l'"). Hyphenated words stay whole ("TPE-PME" -> "tpe-pme", "COVID-19"), but a hyphen
// between two numbers ("10-15") does not join them. Digit groups separated by a space
// ("1 200", "12 500 000") make one word, like "13,5" and "1.200".
std::vector<Word> Words(std::string_view text);

// True for a folded stop word of `lang` (both lists for kUnknown).
bool IsStopword(std::string_view folded_word, Lang lang);

// The Snowball stem of a folded word ("entreprises" -> "entrepris"). French stems
// ending in "os" also lose the plural "s" Snowball keeps ("velos" -> "velo").
// kUnknown returns the word unchanged.
std::string Stem(std::string_view folded_word, Lang lang);

// The content words among `words`, folded, in order, duplicates kept: numbers, stop
// words, one-letter words and elided articles dropped, and hyphenated words split into
// their parts ("tpe-pme" -> "tpe", "pme"), so that "TPE-PME" meets "TPE et PME".
std::vector<std::string> ContentWords(const std::vector<Word>& words, Lang lang);

// The stems of ContentWords(Words(text), lang).
std::vector<std::string> ContentTerms(std::string_view text, Lang lang);

// True when the words make a negative statement: French "ne ... pas/plus/jamais/aucun",
// "n'utilisent pas", "sans"; English "not", "n't", "never", "without", "none". The
// restrictive "ne ... plus que" ("ne couvrent plus que 40 %") is not a negation, nor a
// negation word in a run of capitalized words that names something ("the No Filter
// tour", "We Are Never Ever Getting Back Together"), unless most words are capitalized
// (a headline). A word before the verb's "ne" may carry the negation: "Ni Lyon ni
// Grenoble n'ont", "Aucun pays n'a", "Nul ne", "Personne n'a", "Rien ne".
//
// A negated verb of preventing ("empêcher", "refuser", "rejeter", "interdire", "cesser",
// "prevent", "stop", "refuse", "reject", "ban", "prohibit", "cease") affirms what it would have
// prevented: "n'empêche pas de transmettre" says that it is transmitted, "did not stop the trains"
// that they ran; with Preventing::kLiteral it is a negation like any other (to compare
// with a sentence that uses such a verb itself: "stopped" against "did not stop").
enum class Preventing { kAffirms, kLiteral };
bool IsNegated(const std::vector<Word>& words, Preventing preventing = Preventing::kAffirms);
bool IsNegated(std::span<const Word> words, Preventing preventing = Preventing::kAffirms);

// The words of the clause that holds byte `offset` of `text` (`words` are Words(text)).
// A clause ends at a semicolon or a colon, before a conjunction that opposes ("mais",
// "but", "whereas", "tandis que", "alors que"), before a coordinating conjunction followed
// by a subject pronoun ("and it was", "et elle"), and before a conjunction or a relative
// pronoun followed by a word that leads a negation ("et personne n'a été blessé", "un
// record que personne n'attendait"). So in "revenue was £1,750 and it was not cost
// effective" the negation is not the figure's. With ClauseBreaks::kSubjects only the last
// two rules apply: the breaks that leave a list ("1) ...; 2) ...") or a "not X but Y" whole.
enum class ClauseBreaks { kAll, kSubjects };
std::span<const Word> ClauseAround(std::string_view text, const std::vector<Word>& words,
                                   size_t offset, ClauseBreaks breaks = ClauseBreaks::kAll);

// True for a folded verb of preventing (see IsNegated), and for words that hold one.
bool IsPreventingWord(std::string_view folded_word);
bool HasPreventingWord(const std::vector<Word>& words);

// Whether the statement of a sentence is negated: IsNegated, except that "sans" and
// "without" deny only a part of it ("without their fans it would feel empty" states
// something), which matters for a figure ("une entreprise sur dix, sans site web") but
// not for what the whole sentence says.
bool IsStatementNegated(const std::vector<Word>& words,
                        Preventing preventing = Preventing::kAffirms);
bool IsStatementNegated(std::span<const Word> words, Preventing preventing = Preventing::kAffirms);

// True when the words speak of intentions, plans or possibilities rather than facts:
// "envisagent d'intégrer", "prévoient", "pourraient", "plan to", "could". A figure about
// firms that consider doing something says nothing about those that did it.
bool IsModal(const std::vector<Word>& words);

// ---------------------------------------------------------------------------------
// Quantities

enum class QuantityKind {
  kCount = 0,         // "1 200 entreprises", "quatre axes", "a dozen"
  kPercent,           // "13 %", "13 pour cent", "thirteen percent"
  kPercentagePoints,  // "3 points de pourcentage", "2 percentage points"
  kMoney,             // "1,2 million d'euros", "$3bn", "£40"
  kYear,              // "2024", "en 2025"
  kDate,              // "24 juin 2025", "June 24, 2025", "02/03/2023", "avril 2024"
  kDuration,          // "7 min", "trois ans", "18 months"
  kOrdinal,           // "premier", "3e", "first", "21st"
  kFraction,          // "un quart" (0.25), "deux tiers", "un sur cinq" (0.2), "a third"
  kMultiplier,        // "doublé" (2), "x3", "triple", "tenfold"
  kMeasure,           // "1 500 km", "3 tonnes", "47,4 °C", "500 hectares", "2 litres"
};

// Stable snake_case name ("percent", "percentage_points", ...).
std::string_view QuantityKindName(QuantityKind kind);

enum class Qualifier {
  kNone = 0,  // stated as exact
  kApprox,    // "environ", "près de", "about", "nearly", "~"
  kAtLeast,   // "au moins", "at least", "≥"
  kMoreThan,  // "plus de", "over", "more than", ">"
  kAtMost,    // "au plus", "jusqu'à", "up to", "at most", "≤"
  kLessThan,  // "moins de", "less than", "under", "<"
  kRange,     // "entre 10 et 15 %", "10–15 %"
};

// Stable snake_case name ("approx", "at_least", ...).
std::string_view QualifierName(Qualifier q);

struct Quantity {
  QuantityKind kind = QuantityKind::kCount;
  // The stated value in base units: 13 for "13 %", 1200000 for "1,2 million", 0.25 for
  // "un quart", 2 for "doublé", 2024 for a year. For a range, the midpoint.
  // For kDate: year*10000 + month*100 + day, with 0 for unknown parts (202404 * 100
  // for "avril 2024" is 20240400). For kDuration: the value in `unit`.
  double value = 0;
  // The interval the statement allows, after its qualifier and its precision:
  // "13 %" -> [12.5, 13.5); "près de 13 %" -> wider; "plus de 10" -> (10, +inf);
  // "entre 10 et 15 %" -> [10, 15]. Infinite bounds are +-HUGE_VAL.
  double low = 0;
  double high = 0;
  // "%", "pp", "EUR", "USD", "GBP", "year", "month", "week", "day", "hour", "minute",
  // "second"; for a kMeasure its base unit, "m", "kg", "m2", "l" or "°C" (the value
  // converted: "1,5 km" is 1500 m, "140 °F" is 60 °C); or "" for plain counts,
  // ordinals, fractions and multipliers.
  std::string unit;
  Qualifier qualifier = Qualifier::kNone;
  int decimals = 0;       // digits after the decimal mark as written ("13,5" -> 1)
  bool in_words = false;  // written (partly) in words: "quatre", "1,2 million" -> false
  // For a count that the text gives as a part of a stated whole, the whole: 10 for
  // "8 des 10 souris", 5 for "quatre" in "sur les cinq décès, quatre ont été jugés",
  // 1200 for "of the 1,200 firms surveyed, 156 use it". 0 otherwise.
  double whole = 0;
  Span span;         // the whole expression, qualifier words included
  std::string text;  // the input text of `span`
  bool operator==(const Quantity&) const = default;
};

// Every quantity in `text`, in order, non-overlapping. Understands both decimal
// conventions (13,5 and 13.5; 1 200, 1.200 and 1,200 as thousands), scale words and
// abbreviations (mille, million(s), milliard(s), k, M, Md, Mds, bn, thousand, million,
// billion), currencies (€, EUR, euros, $, USD, £), numbers in words with compounds
// ("quatre-vingt-dix-sept", "twenty-one", "two hundred"), fractions, ratios and
// multipliers, ranges, qualifiers, years, dates, durations, ordinals. `lang` chooses
// the word lists and the preferred decimal convention; kUnknown tries both.
// A bare integer 1000..2100 not followed by a unit is a kYear.
//
// How ambiguous cases are read:
// - Digit groups: with one separator followed by exactly three digits, "1,200" is 1200
//   in English and kUnknown and 1.2 in French; "1.200" is 1200 in French and kUnknown
//   and 1.2 in English. Otherwise the separator is the decimal mark.
// - Bounds: an exact statement allows half a unit of its last digit ("13,5 %" ->
//   [13.45, 13.55], "1,2 million" -> [1.15e6, 1.25e6], "deux millions" -> [1.5e6,
//   2.5e6]); years, dates, ordinals, fractions and multipliers have low == high ==
//   value. An approximation widens to +-10 % of the value (at least the precision).
//   "plus de"/"au moins" give [value, +inf], "moins de"/"au plus" give [0, value]
//   (-inf below for negative values and percentage points); "un peu plus de", "just
//   over" and the like stay within 10 % of the value. "une dizaine" is about 10
//   (+-20 %); "des centaines", "thousands of" mean 2 to 10 of the unit: value 2 units,
//   bounds [2, 10] units, kApprox. A range has its two ends as bounds.
// - Years: a bare 1000..2100 is a count after a plural determiner ("les 2000
//   salariés"), before a plural noun or a short unknown unit ("2000 personnes",
//   "1500 km") unless a year cue precedes ("en", "in", "depuis", "the"), and after a
//   quantity qualifier ("plus de 2000"). "jusqu'à 2030", "up to 2030" stay years, with
//   no qualifier and the qualifier words outside the span.
// - Ranges: "de 10 % à 15 %" (unit written twice) and "de X à Y" / "from X to Y" after a
//   verb of change ("passé", "rose") are two quantities; "entre X et Y" is a range.
// - "8/10" and "8 sur 10" are the fraction 0.8 (ratings included); "24/7" is skipped.
// - "un", "une", "a", "an", "one" alone are articles. They count in compounds ("vingt
//   et un"), fractions ("un quart", "un sur cinq", "a third"), before a scale word
//   ("un million") or a unit ("un an", "one percent"; not "un jour", "un point").
// - "un cinquième des salariés" and "a third of" are fractions; "un cinquième mandat",
//   "a third term" and "the third" are ordinals.
// - Multipliers: the span is the word alone ("a doublé" -> "doublé"), or the whole
//   comparison ("deux fois plus", "three times as").
// - Times of day are not quantities: "14:30", "à 14h30", "vers 10 h", "5pm", "de 9h
//   à 17h". Without a preposition "2h30" is a kDuration of 150 minutes.
// - Not quantities: digits inside identifiers ("H2O", "COVID-19", "T2", "A380", "5G"),
//   URLs and e-mail addresses, version numbers ("1.2.3"), telephone numbers, numbers
//   after a label ("ISO 28500", "article 5", "p. 12", "n° 3", "#3", "Windows 11").
// - Units in base form: "décennies" count 10 years, "trimestres" 3 months, basis
//   points a hundredth of a percentage point. Measures in metres, kilograms, square
//   metres, litres and degrees Celsius; "m" is metres only in French (English "10m"
//   is ten million), "degrés" alone is Celsius but English "degrees" needs "Celsius"
//   or "Fahrenheit", a bare "°" after a number is Celsius, and a rate ("130 km/h")
//   is a plain count. "billion" is 10^12 in French and 10^9
//   in English (and kUnknown). "M" means million in capitals or next to a currency.
std::vector<Quantity> FindQuantities(std::string_view text, Lang lang);

}  // namespace citecheck::text

#endif  // CITECHECK_TEXT_TEXT_H_
