// Stop-word lists. Folding merges some French words ("à"/"a", "où"/"ou", "là"/"la"),
// which is harmless here: all of them are stop words.
#include "text/internal/stopwords.h"

#include <string_view>
#include <unordered_set>

namespace citecheck::text::internal {
namespace {

using WordSet = std::unordered_set<std::string_view>;

WordSet MakeSet(std::initializer_list<std::string_view> words) { return WordSet(words); }

const WordSet& FrenchWords() {
  static const WordSet kWords = MakeSet(
      {"a",         "afin",      "ai",         "aie",      "aient",     "aies",      "ainsi",
       "ait",       "alors",     "as",         "au",       "aucun",     "aucune",    "aupres",
       "auquel",    "aura",      "aurai",      "auraient", "aurais",    "aurait",    "auras",
       "aurez",     "auriez",    "aurions",    "aurons",   "auront",    "aussi",     "autre",
       "autres",    "aux",       "auxquels",   "avaient",  "avais",     "avait",     "avant",
       "avec",      "avez",      "aviez",      "avions",   "avoir",     "avons",     "ayant",
       "ayez",      "ayons",     "bien",       "c",        "c'",        "car",       "ce",
       "ceci",      "cela",      "celle",      "celles",   "celui",     "cependant", "certains",
       "certaines", "ces",       "cet",        "cette",    "ceux",      "chaque",    "chez",
       "ci",        "comme",     "comment",    "d",        "d'",        "dans",      "de",
       "depuis",    "des",       "deja",       "donc",     "dont",      "du",        "elle",
       "elles",     "en",        "encore",     "entre",    "es",        "est",       "et",
       "etaient",   "etais",     "etait",      "etant",    "ete",       "etes",      "etiez",
       "etions",    "etre",      "eu",         "eue",      "eues",      "eurent",    "eus",
       "eut",       "eux",       "fait",       "faire",    "fais",      "font",      "fut",
       "furent",    "ici",       "il",         "ils",      "j",         "j'",        "je",
       "jusqu",     "jusqu'",    "l",          "l'",       "la",        "laquelle",  "le",
       "lequel",    "les",       "lesquelles", "lesquels", "leur",      "leurs",     "lors",
       "lorsqu'",   "lorsque",   "lui",        "m",        "m'",        "ma",        "mais",
       "me",        "meme",      "memes",      "mes",      "moi",       "mon",       "n",
       "n'",        "ne",        "ni",         "non",      "nos",       "notre",     "nous",
       "on",        "ont",       "ou",         "oui",      "par",       "parce",     "pas",
       "pendant",   "peu",       "peut",       "plus",     "plusieurs", "pour",      "pourquoi",
       "pourtant",  "puis",      "puisqu'",    "puisque",  "qu",        "qu'",       "quand",
       "que",       "quel",      "quelle",     "quelles",  "quels",     "qui",       "quoi",
       "quoiqu'",   "s",         "s'",         "sa",       "sans",      "se",        "selon",
       "sera",      "serai",     "seraient",   "serais",   "serait",    "seras",     "serez",
       "seriez",    "serions",   "serons",     "seront",   "ses",       "si",        "soi",
       "soient",    "sois",      "soit",       "sommes",   "son",       "sont",      "sous",
       "soyez",     "soyons",    "suis",       "sur",      "t",         "t'",        "ta",
       "tandis",    "te",        "tel",        "telle",    "telles",    "tels",      "tes",
       "toi",       "ton",       "tous",       "tout",     "toute",     "toutes",    "tres",
       "trop",      "tu",        "un",         "une",      "vers",      "voici",     "voila",
       "vos",       "votre",     "vous",       "y",        "etc",       "dont",      "cet",
       "celle-ci",  "celui-ci",  "ceux-ci",    "la-bas",   "peut-etre", "quelque",   "quelques",
       "toutefois", "egalement", "notamment",  "alors",    "apres",     "moins",     "tant",
       "leur"});
  return kWords;
}

const WordSet& EnglishWords() {
  static const WordSet kWords = MakeSet(
      {"a",        "about",    "above",    "after",     "again",      "against", "all",
       "also",     "although", "am",       "among",     "an",         "and",     "any",
       "are",      "aren't",   "as",       "at",        "be",         "because", "been",
       "before",   "being",    "below",    "between",   "both",       "but",     "by",
       "can",      "can't",    "cannot",   "could",     "couldn't",   "did",     "didn't",
       "do",       "does",     "doesn't",  "doing",     "don't",      "down",    "during",
       "each",     "etc",      "every",    "few",       "for",        "from",    "further",
       "had",      "hadn't",   "has",      "hasn't",    "have",       "haven't", "having",
       "he",       "he'd",     "he'll",    "he's",      "her",        "here",    "here's",
       "hers",     "herself",  "him",      "himself",   "his",        "how",     "how's",
       "however",  "i",        "i'd",      "i'll",      "i'm",        "i've",    "if",
       "in",       "into",     "is",       "isn't",     "it",         "it's",    "its",
       "itself",   "just",     "let's",    "many",      "may",        "me",      "might",
       "more",     "most",     "much",     "must",      "mustn't",    "my",      "myself",
       "no",       "nor",      "not",      "of",        "off",        "on",      "once",
       "only",     "or",       "other",    "ought",     "our",        "ours",    "ourselves",
       "out",      "over",     "own",      "per",       "same",       "several", "shall",
       "shan't",   "she",      "she'd",    "she'll",    "she's",      "should",  "shouldn't",
       "since",    "so",       "some",     "such",      "than",       "that",    "that's",
       "the",      "their",    "theirs",   "them",      "themselves", "then",    "there",
       "there's",  "these",    "they",     "they'd",    "they'll",    "they're", "they've",
       "this",     "those",    "though",   "through",   "to",         "too",     "under",
       "until",    "up",       "upon",     "very",      "via",        "was",     "wasn't",
       "we",       "we'd",     "we'll",    "we're",     "we've",      "were",    "weren't",
       "what",     "what's",   "when",     "when's",    "where",      "where's", "whether",
       "which",    "while",    "who",      "who's",     "whom",       "whose",   "why",
       "why's",    "will",     "with",     "within",    "without",    "won't",   "would",
       "wouldn't", "yet",      "you",      "you'd",     "you'll",     "you're",  "you've",
       "your",     "yours",    "yourself", "yourselves"});
  return kWords;
}

const WordSet& FrenchMarkers() {
  static const WordSet kWords =
      MakeSet({"le",   "la",  "les", "des",  "du",   "de",    "et",    "est",  "une",  "dans",
               "pour", "que", "qui", "sur",  "pas",  "au",    "aux",   "avec", "ce",   "cette",
               "sont", "ont", "il",  "elle", "nous", "vous",  "ils",   "par",  "ou",   "ne",
               "se",   "en",  "d'",  "l'",   "qu'",  "n'",    "s'",    "c'",   "mais", "leur",
               "son",  "sa",  "ses", "ete",  "etre", "aussi", "entre", "selon"});
  return kWords;
}

const WordSet& EnglishMarkers() {
  static const WordSet kWords =
      MakeSet({"the",  "and",  "of",    "to",   "is",    "in",    "that",  "for",  "with", "are",
               "was",  "were", "this",  "it",   "be",    "by",    "from",  "have", "has",  "had",
               "not",  "but",  "which", "they", "their", "would", "could", "an",   "at",   "been",
               "will", "its",  "than",  "also", "these", "there", "what",  "when", "who",  "or",
               "he",   "she",  "we",    "you",  "it's",  "into",  "about", "more"});
  return kWords;
}

}  // namespace

bool IsFrenchStopword(std::string_view folded) { return FrenchWords().contains(folded); }

bool IsEnglishStopword(std::string_view folded) { return EnglishWords().contains(folded); }

int LanguageMarker(std::string_view folded) {
  if (FrenchMarkers().contains(folded)) return 1;
  if (EnglishMarkers().contains(folded)) return 2;
  return 0;
}

}  // namespace citecheck::text::internal
