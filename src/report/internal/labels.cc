#include "report/internal/labels.h"

#include <cmath>
#include <cstdio>

namespace citecheck::report::internal {
namespace {

// Designated initializers keep each word next to its name; they must follow the
// declaration order of Labels.
constexpr Labels kEnglish = {
    .lang = "en",
    .report_kind = "Source check",
    .checked = "checked",
    .summary = "Summary",
    .integrity = "Integrity",
    .integrity_of = "Claims supported by their sources: {a} of {b}",
    .minimum = "Minimum",
    .passed = "passed",
    .failed = "below the minimum",
    .skip_to_claims = "Skip to the claims",
    .findings = "Problems in the draft",
    .claims = "Claims",
    .no_claims = "No check-worthy claim was found in the draft.",
    .col_verdict = "Verdict",
    .col_claim = "Claim",
    .col_sentence = "As stated",
    .col_source = "Cited source",
    .col_line = "Line",
    .draft = "The draft",
    .draft_hint =
        "Select a highlighted figure to see its evidence. Keys: j next claim, "
        "k previous claim.",
    .draft_missing = "The draft text is not part of this report.",
    .evidence = "Evidence",
    .evidence_empty =
        "Select a claim, in the table or in the draft, to see the passage "
        "of the source, the source itself and why the verdict was given.",
    .legend = "Verdicts",
    .why = "Why",
    .support = "Support score",
    .passage_supports = "Passage that backs it",
    .passage_contradicts = "Passage that contradicts it",
    .passage_closest = "Closest passage (it does not back the claim)",
    .no_passage = "No passage: no source could be read.",
    .other_passages = "Other passages",
    .stated_in_draft = "Stated {a} times in the draft",
    .show_in_draft = "Show in the draft",
    .line = "line",
    .column = "column",
    .attributed_to = "Attributed to",
    .unattributed = "No source named",
    .decided_by = "Decided by",
    .complement = "The source states the complement (100 − x), polarity flipped.",
    .final_url = "Final URL",
    .archived_copy = "Archived copy",
    .archive_offset = "record at byte {a}",
    .replayed = "replayed from the archive",
    .no_archive = "none",
    .sources = "Sources",
    .no_sources = "The draft lists no source.",
    .col_fetch = "Fetch",
    .col_declared = "Declared reliability",
    .col_computed = "Computed reliability",
    .col_reasons = "Reasons",
    .col_claims = "Claims",
    .fetch_ok = "read",
    .fetch_failed = "not read",
    .no_url = "no URL",
    .inline_link = "inline link",
    .overrated = "declared well above what it earns",
    .overrated_short = "overrated",
    .declared = "declared",
    .weak = "weak",
    .redirect = "redirect",
    .not_declared = "not declared",
    .claims_supported = "supported: {a} of {b}",
    .to_review = "Claims to review",
    .problem_sources = "Dead or weak sources",
    .supported_folded = "Supported claims",
    .more_rows = "{a} more in the full report",
    .verdict_one = {"Supported", "Contradicted", "Not found", "Unverifiable"},
    .verdict_many = {"supported", "contradicted", "not found", "unverifiable"},
    .verdict_help = {"the cited source states the same figure about the same thing",
                     "the cited source states a different figure about the same thing",
                     "the source was read and nothing in it backs the claim",
                     "no source could be read (dead link, blocked, no URL)"},
    .claim_review_rating = {"Supported by the cited source", "Contradicted by the cited source",
                            "Not found in the cited source", "Unverifiable"},
};

constexpr Labels kFrench = {
    .lang = "fr",
    .report_kind = "Vérification des sources",
    .checked = "vérifié le",
    .summary = "Résumé",
    .integrity = "Intégrité",
    .integrity_of = "Affirmations confirmées par leurs sources\u00A0: {a} sur {b}",
    .minimum = "Seuil",
    .passed = "atteint",
    .failed = "non atteint",
    .skip_to_claims = "Aller aux affirmations",
    .findings = "Problèmes relevés dans le brouillon",
    .claims = "Affirmations",
    .no_claims = "Aucune affirmation à vérifier n’a été trouvée dans le brouillon.",
    .col_verdict = "Verdict",
    .col_claim = "Affirmation",
    .col_sentence = "Telle qu’écrite",
    .col_source = "Source citée",
    .col_line = "Ligne",
    .draft = "Le brouillon",
    .draft_hint =
        "Sélectionnez un chiffre surligné pour voir sa preuve. Touches : j "
        "affirmation suivante, k affirmation précédente.",
    .draft_missing = "Le texte du brouillon ne fait pas partie de ce rapport.",
    .evidence = "Preuve",
    .evidence_empty =
        "Sélectionnez une affirmation, dans le tableau ou dans le texte, pour "
        "voir le passage de la source, la source elle-même et la raison du "
        "verdict.",
    .legend = "Verdicts",
    .why = "Pourquoi",
    .support = "Score de soutien",
    .passage_supports = "Passage qui l’appuie",
    .passage_contradicts = "Passage qui la contredit",
    .passage_closest = "Passage le plus proche (il n’appuie pas l’affirmation)",
    .no_passage = "Aucun passage : aucune source n’a pu être lue.",
    .other_passages = "Autres passages",
    .stated_in_draft = "Énoncée {a} fois dans le brouillon",
    .show_in_draft = "Voir dans le brouillon",
    .line = "ligne",
    .column = "colonne",
    .attributed_to = "Attribuée à",
    .unattributed = "Aucune source nommée",
    .decided_by = "Tranchée par",
    .complement = "La source donne le complément (100 − x), polarité inversée.",
    .final_url = "URL finale",
    .archived_copy = "Copie archivée",
    .archive_offset = "enregistrement à l’octet {a}",
    .replayed = "rejouée depuis l’archive",
    .no_archive = "aucune",
    .sources = "Sources",
    .no_sources = "Le brouillon ne cite aucune source.",
    .col_fetch = "Lecture",
    .col_declared = "Fiabilité déclarée",
    .col_computed = "Fiabilité calculée",
    .col_reasons = "Raisons",
    .col_claims = "Affirmations",
    .fetch_ok = "lue",
    .fetch_failed = "non lue",
    .no_url = "pas d’URL",
    .inline_link = "lien dans le texte",
    .overrated = "note déclarée bien au-dessus de ce qu’elle mérite",
    .overrated_short = "surévaluée",
    .declared = "déclarée",
    .weak = "faible",
    .redirect = "redirection",
    .not_declared = "non déclarée",
    .claims_supported = "confirmées\u00A0: {a} sur {b}",
    .to_review = "Affirmations à revoir",
    .problem_sources = "Sources mortes ou faibles",
    .supported_folded = "Affirmations confirmées",
    .more_rows = "{a} de plus dans le rapport complet",
    .verdict_one = {"Confirmée", "Contredite", "Non trouvée", "Invérifiable"},
    .verdict_many = {"confirmées", "contredites", "non trouvées", "invérifiables"},
    .verdict_help = {"la source citée donne le même chiffre sur le même sujet",
                     "la source citée donne un autre chiffre sur le même sujet",
                     "la source a été lue et rien n’y appuie l’affirmation",
                     "aucune source n’a pu être lue (lien mort, accès bloqué, pas d’URL)"},
    .claim_review_rating = {"Confirmé par la source citée", "Contredit par la source citée",
                            "Absent de la source citée", "Invérifiable"},
};

constexpr std::string_view kFrenchOne[4] = {"confirmée", "contredite", "non trouvée",
                                            "invérifiable"};

size_t Index(verify::VerdictKind kind) { return static_cast<size_t>(kind) & 3; }

std::string Trim(double v, const char* format_whole, const char* format_decimal, const Labels& l) {
  char buf[32];
  if (std::abs(v - std::round(v)) < 0.05) {
    std::snprintf(buf, sizeof(buf), format_whole, v);
  } else {
    std::snprintf(buf, sizeof(buf), format_decimal, v);
  }
  std::string s = buf;
  if (l.lang == "fr") {
    for (char& c : s) c = c == '.' ? ',' : c;
  }
  return s;
}

}  // namespace

const Labels& LabelsFor(std::string_view lang) { return lang == "fr" ? kFrench : kEnglish; }

std::string_view VerdictSign(verify::VerdictKind kind) {
  static constexpr std::string_view kSigns[4] = {"✓", "✗", "?", "⊘"};
  return kSigns[Index(kind)];
}

std::string_view VerdictWord(const Labels& l, verify::VerdictKind kind) {
  return l.verdict_one[Index(kind)];
}

std::string_view VerdictCountWord(const Labels& l, verify::VerdictKind kind, int n) {
  // French agrees the participle with the count (0 and 1 take the singular);
  // English adjectives do not change.
  if (l.lang == "fr" && n <= 1) return kFrenchOne[Index(kind)];
  return l.verdict_many[Index(kind)];
}

std::string VerdictCount(const Labels& l, verify::VerdictKind kind, int n) {
  return std::to_string(n) + " " + std::string(VerdictCountWord(l, kind, n));
}

std::string_view Colon(const Labels& l) { return l.lang == "fr" ? "\u00A0: " : ": "; }

std::string Fill(std::string_view pattern, std::string_view a, std::string_view b) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern.substr(i, 3) == "{a}") {
      out += a;
      i += 2;
    } else if (pattern.substr(i, 3) == "{b}") {
      out += b;
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::string Percent(const Labels& l, double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.0f", fraction * 100);
  return std::string(buf) + (l.lang == "fr" ? "\u00A0%" : "%");
}

std::string Rating(const Labels& l, double v) { return Trim(v, "%.0f", "%.1f", l) + "/10"; }

std::string When(std::string_view iso) {
  if (iso.size() != 20 || iso[10] != 'T' || iso[19] != 'Z') return std::string(iso);
  return std::string(iso.substr(0, 10)) + " " + std::string(iso.substr(11, 5)) + " UTC";
}

std::string Decimal2(const Labels& l, double v) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.2f", v);
  std::string s = buf;
  if (l.lang == "fr") {
    for (char& c : s) c = c == '.' ? ',' : c;
  }
  return s;
}

}  // namespace citecheck::report::internal
