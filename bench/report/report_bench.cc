// How long each renderer takes on a large draft: a synthetic report of 200 claims
// (each stated once or twice, with a 300-byte evidence passage), 20 sources and a
// draft of about 50 KB, the size of a long article. Run:
//   build/report_bench --benchmark_min_time=1
// The bar is 200 ms per format.
#include <benchmark/benchmark.h>

#include <string>

#include "report/report.h"

namespace citecheck::report {
namespace {

constexpr int kClaims = 200;
constexpr int kSources = 20;

draft::Range RangeAt(const std::string& content, size_t begin, size_t size) {
  draft::Range r;
  r.begin = begin;
  r.end = begin + size;
  r.line = 1 + static_cast<int>(
                   std::count(content.begin(), content.begin() + static_cast<long>(begin), '\n'));
  r.column = static_cast<int>(begin - content.rfind('\n', begin));
  r.end_line = r.line;
  r.end_column = r.column + static_cast<int>(size);
  return r;
}

verify::VerdictKind KindOf(int i) { return static_cast<verify::VerdictKind>(i % 4); }

void AddClaim(CheckReport& r, int i, const std::string& figure, const std::string& sentence,
              const std::vector<size_t>& at) {
  ClaimReport c;
  c.claim.id = "c" + std::to_string(i + 1);
  c.claim.quantity.text = figure;
  c.claim.sentence = sentence;
  c.claim.sources = {i % kSources};
  for (size_t begin : at) {
    draft::Mention m;
    m.range = RangeAt(r.draft_content, begin, figure.size());
    m.sentence_range =
        RangeAt(r.draft_content, r.draft_content.rfind('\n', begin) + 1, sentence.size());
    m.sentence = sentence;
    c.claim.mentions.push_back(m);
  }
  c.verdict.claim_id = c.claim.id;
  c.verdict.kind = KindOf(i);
  c.verdict.reason =
      "source " + std::to_string(i % kSources + 1) + " gives a figure about the same thing";
  c.verdict.source = i % kSources;
  if (c.verdict.kind != verify::VerdictKind::kUnverifiable) {
    verify::Evidence e;
    e.url = "https://source" + std::to_string(i % kSources) + ".example/page";
    e.text = "Selon notre enquête annuelle, " + figure +
             " des personnes interrogées déclarent utiliser le vélo au moins une fois par semaine "
             "pour se rendre au travail, une part en hausse de deux points sur un an, portée par "
             "les aides à l'achat et par les nouvelles pistes cyclables des grandes villes.";
    e.start = 1000;
    e.end = e.start + e.text.size();
    e.figure = figure;
    e.figure_start = e.start + e.text.find(figure);
    e.figure_end = e.figure_start + figure.size();
    c.verdict.evidence = {e, e};
  }
  r.claims.push_back(std::move(c));
}

CheckReport LargeReport() {
  CheckReport r;
  r.draft_path = "drafts/long.md";
  r.title = "Un long article";
  r.lang = "fr";
  r.checked_at = "2025-03-18T09:30:00Z";
  r.draft_content = "---\ntitle: \"Un long article\"\nlang: fr\n---\n# Un long article\n\n";
  std::vector<std::pair<std::string, std::vector<size_t>>> placed;
  for (int i = 0; i < kClaims; ++i) {
    if (i % 10 == 0) r.draft_content += "## Partie " + std::to_string(i / 10 + 1) + "\n\n";
    const std::string figure = std::to_string(10 + i % 80) + "," + std::to_string(i % 10) + " %";
    const std::string sentence =
        "En 2024, " + figure + " des actifs de la région " + std::to_string(i) +
        " ont utilisé un **vélo** pour aller au travail (Source : Source " +
        std::to_string(i % kSources + 1) + ").";
    std::vector<size_t> at = {r.draft_content.size() + 9};
    r.draft_content += sentence +
                       " Cette pratique progresse, portée par les aides à l'achat et par les "
                       "nouvelles pistes cyclables des grandes villes.\n\n";
    if (i % 3 == 0) {
      r.draft_content += "Rappel : ";
      at.push_back(r.draft_content.size());
      r.draft_content += figure + " des actifs.\n\n";
    }
    AddClaim(r, i, figure, sentence, at);
  }
  r.draft_content += "## Sources\n\n";
  for (int s = 0; s < kSources; ++s) {
    SourceReport src;
    src.entry.number = s + 1;
    src.entry.name = "Source " + std::to_string(s + 1) + " – Rapport annuel";
    src.entry.url = "https://source" + std::to_string(s) + ".example/page";
    src.entry.declared_reliability = 8;
    src.entry.range = RangeAt(r.draft_content, r.draft_content.size(), 4);
    r.draft_content +=
        std::to_string(s + 1) + ". **" + src.entry.name + "**\n   - URL : " + src.entry.url + "\n";
    src.fetch.outcome = s % 5 == 4 ? "http_error" : "ok";
    src.fetch.status = s % 5 == 4 ? 404 : 200;
    src.fetch.archive_file = ".citecheck/warc/20250318.warc.gz";
    src.reliability.score = 3 + s % 7;
    src.reliability.reasons = {"+1.0 reachable", "+0.5 served over HTTPS", "+0.5 names its author"};
    r.sources.push_back(src);
  }
  r.integrity.overall = {kClaims / 4, kClaims / 4, kClaims / 4, kClaims / 4};
  r.integrity.per_source.assign(kSources, verify::Tally{});
  return r;
}

void Bench(benchmark::State& state, Format format) {
  const CheckReport report = LargeReport();
  size_t bytes = 0;
  for (auto _ : state) {
    std::string out = Render(report, format, {});
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["output_bytes"] = static_cast<double>(bytes);
  state.counters["claims"] = kClaims;
}

BENCHMARK_CAPTURE(Bench, html, Format::kHtml)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Bench, sarif, Format::kSarif)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Bench, json, Format::kJson)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Bench, markdown, Format::kMarkdown)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Bench, junit, Format::kJunit)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Bench, claimreview, Format::kClaimReview)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(Bench, text, Format::kText)->Unit(benchmark::kMillisecond);

// All seven at once, as `--format text,json=...,html=...,...` renders them.
void BenchAll(benchmark::State& state) {
  const CheckReport report = LargeReport();
  for (auto _ : state) {
    for (Format f : AllFormats()) benchmark::DoNotOptimize(Render(report, f, {}));
  }
}
BENCHMARK(BenchAll)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace citecheck::report

BENCHMARK_MAIN();
