#include "report_fixture.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace citecheck::report::testing {
namespace {

constexpr std::string_view kDraft = R"md(---
title: "Vélo au travail"
lang: fr
sources: 4
---
# Vélo au travail

En 2024, 28 % des actifs ont utilisé un vélo (Source : Observatoire).

Les ventes ont atteint **910 000** unités en 2023 (Source : Journal).

Le secteur emploie [près de 12 000 personnes](https://journal.example/a).

Pour 41 % des non-cyclistes, le manque de pistes dissuade (Source : Étude).

Rappel : 28 % des actifs vont au travail à vélo.

## Sources

1. **Observatoire** - Rapport
   - URL : https://obs.example/barometre
   - Fiabilité : 9/10
2. **Journal** - Article
   - URL : https://journal.example/a
   - Fiabilité : 8/10
3. **Étude** - Rapport
   - URL : https://etude.example/404
   - Fiabilité : 9/10
)md";

int CodePoints(std::string_view s) {
  int n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Line and column of byte `pos`.
void Place(std::string_view content, size_t pos, int* line, int* column) {
  const size_t line_start = content.rfind('\n', pos == 0 ? 0 : pos - 1);
  const size_t begin = (line_start == std::string_view::npos || pos == 0) ? 0 : line_start + 1;
  *line = 1 + static_cast<int>(std::count(content.begin(), content.begin() + begin, '\n'));
  *column = 1 + CodePoints(content.substr(begin, pos - begin));
}

int Occurrences(std::string_view haystack, std::string_view needle) {
  int n = 0;
  for (size_t pos = haystack.find(needle); pos != std::string_view::npos;
       pos = haystack.find(needle, pos + 1))
    ++n;
  return n;
}

draft::Mention MentionOf(std::string_view content, std::string_view figure,
                         std::string_view sentence, std::string_view sentence_start, int nth = 0) {
  draft::Mention m;
  m.range = Find(content, figure, nth);
  m.sentence_range = Find(content, sentence_start, 0);
  m.sentence = std::string(sentence);
  return m;
}

text::Quantity Figure(text::QuantityKind kind, double value, std::string_view written) {
  text::Quantity q;
  q.kind = kind;
  q.value = value;
  q.low = value;
  q.high = value;
  q.text = std::string(written);
  return q;
}

verify::Evidence EvidenceOf(std::string url, std::string text, std::string_view figure,
                            size_t start) {
  verify::Evidence e;
  e.url = std::move(url);
  e.start = start;
  e.end = start + text.size();
  e.score = 0.9;
  e.figure = std::string(figure);
  const size_t at = text.find(figure);
  e.figure_start = start + at;
  e.figure_end = start + at + figure.size();
  e.text = std::move(text);
  return e;
}

ClaimReport Claim(std::string id, text::Quantity q, std::vector<draft::Mention> mentions,
                  std::vector<int> sources, verify::VerdictKind kind, double support,
                  std::string reason, int decided_by, std::vector<verify::Evidence> evidence) {
  ClaimReport c;
  c.claim.id = id;
  c.claim.quantity = std::move(q);
  c.claim.sentence = mentions.front().sentence;
  c.claim.mentions = std::move(mentions);
  c.claim.sources = std::move(sources);
  c.verdict.claim_id = std::move(id);
  c.verdict.kind = kind;
  c.verdict.support = support;
  c.verdict.reason = std::move(reason);
  c.verdict.source = decided_by;
  c.verdict.evidence = std::move(evidence);
  return c;
}

SourceReport Source(std::string_view content, int number, std::string name, std::string kind,
                    std::string url, double declared, double computed) {
  SourceReport s;
  s.entry.number = number;
  s.entry.name = std::move(name);
  s.entry.kind = std::move(kind);
  s.entry.url = url;
  s.entry.declared_reliability = declared;
  s.entry.range = Find(content, std::to_string(number) + ". **");
  // The URL as the sources list writes it (the prose may link to it earlier).
  const int earlier = Occurrences(content.substr(0, content.find("## Sources")), url);
  s.entry.url_range = Find(content, url, earlier);
  s.fetch.outcome = "ok";
  s.fetch.status = 200;
  s.fetch.final_url = url;
  s.fetch.content_type = "text/html";
  s.fetch.archive_file = "sources.warc.gz";
  s.fetch.archive_offset = 740 * number;
  s.fetch.from_archive = true;
  s.reliability.score = computed;
  s.reliability.publisher_type = "press";
  s.reliability.reasons = {"+1.0 reachable", "+0.5 served over HTTPS"};
  s.overrated = declared > computed + kOverratedMargin;
  return s;
}

void AddClaims(CheckReport& r) {
  const std::string_view d = r.draft_content;
  using text::QuantityKind;
  r.claims.push_back(Claim(
      "c1", Figure(QuantityKind::kPercent, 28, "28 %"),
      {MentionOf(d, "28 %", "En 2024, 28 % des actifs ont utilisé un vélo (Source : Observatoire).",
                 "En 2024"),
       MentionOf(d, "28 %", "Rappel : 28 % des actifs vont au travail à vélo.", "Rappel", 1)},
      {0}, verify::VerdictKind::kSupported, 0.92,
      "source 1 states 28 % with 83 % of the claim's context", 0,
      {EvidenceOf("https://obs.example/barometre",
                  "En 2024, 28 % des actifs ont utilisé un vélo pour aller au travail.", "28 %",
                  238)}));
  r.claims.push_back(Claim(
      "c2", Figure(QuantityKind::kCount, 910000, "910 000"),
      {MentionOf(d, "910 000", "Les ventes ont atteint 910 000 unités en 2023 (Source : Journal).",
                 "Les ventes")},
      {1}, verify::VerdictKind::kContradicted, 0,
      "source 2 gives 738 000 where the draft says 910 000", 1,
      {EvidenceOf("https://journal.example/a",
                  "En 2023, les ventes ont atteint 738 000 unités en France.", "738 000", 120)}));
  r.claims.push_back(Claim(
      "c3", Figure(QuantityKind::kCount, 12000, "près de 12 000"),
      {MentionOf(d, "près de 12 000", "Le secteur emploie près de 12 000 personnes.",
                 "Le secteur")},
      {1}, verify::VerdictKind::kNotFound, 0.23,
      "the cited source was read and states nothing matching près de 12 000 about this", -1,
      {EvidenceOf("https://journal.example/a",
                  "En 2023, les ventes ont atteint 738 000 unités en France.", "738 000", 120)}));
  r.claims.push_back(Claim(
      "c4", Figure(QuantityKind::kPercent, 41, "41 %"),
      {MentionOf(d, "41 %",
                 "Pour 41 % des non-cyclistes, le manque de pistes dissuade (Source : Étude).",
                 "Pour 41")},
      {2}, verify::VerdictKind::kUnverifiable, 0,
      "the cited source could not be read: source 3: HTTP 404 Not Found", -1, {}));
}

void AddSources(CheckReport& r) {
  const std::string_view d = r.draft_content;
  r.sources.push_back(
      Source(d, 1, "Observatoire", "Rapport", "https://obs.example/barometre", 9, 9));
  r.sources.push_back(Source(d, 2, "Journal", "Article", "https://journal.example/a", 8, 4.5));
  SourceReport dead = Source(d, 3, "Étude", "Rapport", "https://etude.example/404", 9, 0);
  dead.fetch.outcome = "http_error";
  dead.fetch.status = 404;
  dead.fetch.error = "HTTP 404 Not Found";
  dead.reliability.reasons = {"-4.0 unreachable: HTTP 404 Not Found"};
  r.sources.push_back(dead);
  r.sources[1].fetch.redirects = {
      "301 https://journal.example/a -> https://journal.example/2025/a"};
  r.sources[1].fetch.final_url = "https://journal.example/2025/a";
}

verify::Tally TallyOf(int s, int c, int n, int u) {
  verify::Tally t;
  t.supported = s;
  t.contradicted = c;
  t.not_found = n;
  t.unverifiable = u;
  return t;
}

}  // namespace

draft::Range Find(std::string_view content, std::string_view needle, int nth) {
  size_t pos = content.find(needle);
  for (int i = 0; i < nth && pos != std::string_view::npos; ++i)
    pos = content.find(needle, pos + 1);
  draft::Range r;
  if (pos == std::string_view::npos) {
    ADD_FAILURE() << "fixture: \"" << needle << "\" not found";
    return r;
  }
  r.begin = pos;
  r.end = pos + needle.size();
  Place(content, r.begin, &r.line, &r.column);
  Place(content, r.end, &r.end_line, &r.end_column);
  return r;
}

CheckReport SampleReport() {
  CheckReport r;
  r.draft_path = "drafts/velo.md";
  r.draft_content = std::string(kDraft);
  r.title = "Vélo au travail";
  r.lang = "fr";
  r.checked_at = "2025-03-18T09:30:00Z";
  AddClaims(r);
  AddSources(r);
  draft::Finding f;
  f.code = "source_count_mismatch";
  f.message = "the front matter announces 4 sources; the list has 3";
  f.range = Find(r.draft_content, "sources: 4");
  r.findings.push_back(f);
  r.integrity.overall = TallyOf(1, 1, 1, 1);
  r.integrity.per_source = {TallyOf(1, 0, 0, 0), TallyOf(0, 1, 1, 0), TallyOf(0, 0, 0, 1)};
  r.min_integrity = 0.8;
  return r;
}

CheckReport SampleReportEn() {
  CheckReport r = SampleReport();
  r.lang = "en";
  return r;
}

CheckReport HostileReport() {
  CheckReport r = SampleReport();
  const std::string script = "<script>window.__pwned='script'</script>";
  const std::string img = "<img src=x onerror=\"window.__pwned='img'\">";
  const std::string attr = "\"><svg onload=\"window.__pwned='attr'\">";
  r.title = "</title>" + script + attr;
  r.draft_path = "drafts/" + img + ".md";
  // Raw HTML, a javascript: link and an image with a handler, in the draft itself.
  r.draft_content += "\n" + script + "\n\n[clic](javascript:window.__pwned='link') " + img + " `" +
                     script + "`\n\n<iframe src=\"https://evil.example/\"></iframe>\n";
  r.claims[0].claim.mentions[0].sentence = script + " 28 % " + attr;
  r.claims[1].verdict.reason = attr + img;
  r.claims[1].verdict.evidence[0].text = script + " 738 000 " + img;
  r.claims[1].verdict.evidence[0].url = "javascript:window.__pwned='evidence'";
  r.sources[0].entry.name = img + attr;
  r.sources[0].entry.kind = script;
  r.sources[0].entry.url = "javascript:window.__pwned='url'//" + attr;
  r.sources[0].reliability.reasons.push_back(script);
  r.sources[0].reliability.publisher_type = attr;
  r.sources[0].fetch.archive_file = img;
  r.sources[1].fetch.redirects.push_back(script);
  r.sources[2].fetch.error = img + attr;
  r.findings[0].message = script;
  r.findings[0].code = attr;
  r.claims[2].claim.id = "c3\" onfocus=\"window.__pwned='id'";
  r.claims[2].verdict.claim_id = r.claims[2].claim.id;
  return r;
}

}  // namespace citecheck::report::testing
