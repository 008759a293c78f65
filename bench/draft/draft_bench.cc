// How long ParseDraft and ExtractClaims take on a 1 MB draft written the way pipeline
// drafts are: front matter, sections of commentary and of figures in French, inline
// attributions, footnotes and links, lists, and a sources list. The draft is built at
// run time from the templates below, with figures that vary from section to section
// and facts that recur, as they do in real drafts. Two densities: "Dense" holds a
// figure every 250 bytes or so, three times the density of the drafts in
// ../shared/seeds; "Sparse" one every 700 bytes, like them.
//
//   build/draft_bench --benchmark_min_time=2
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <string>

#include "draft/draft.h"

namespace {

using citecheck::draft::Claim;
using citecheck::draft::Draft;

constexpr size_t kTargetBytes = size_t{1} << 20;
constexpr int kSources = 24;

// One section's paragraphs; {a}..{e} are replaced by figures that depend on the
// section number, {s} by a source number.
constexpr const char* kParagraphs[] = {
    "En {y}, {a} % des ménages de la région triaient leurs biodéchets, selon "
    "l'Observatoire des déchets {s}. Ce taux atteignait {b} % deux ans plus tôt, soit une "
    "hausse de {c} points de pourcentage (Source : Observatoire des déchets {s}).",
    "Le réseau compte désormais {d} kilomètres de pistes cyclables et dessert {e} communes. "
    "Près de la moitié des trajets domicile-travail de moins de 5 km se font à vélo[^n{s}], "
    "contre un sur cinq en {y}.",
    "Le budget consacré au programme s'élève à {b},{c} millions d'euros, multiplié par "
    "trois depuis {y}. Selon [le rapport annuel](https://rapport.example/{s}/annuel), "
    "{a} % des communes n'ont pas encore adopté de plan local.",
    "Le programme s'articule autour de quatre axes : former, équiper, financer et mesurer. "
    "Il vise {d} entreprises d'ici {y2}, dont {e} % de TPE [{s}].",
    "Les prix ont augmenté de {c},{a} % sur un an, alors que les salaires n'ont progressé "
    "que de {c} %. Environ {e} 000 personnes sont concernées, d'après l'Institut régional {s}.",
};

// Commentary without figures, as drafts have between their figures.
constexpr const char* kCommentary[] = {
    "Cette évolution traduit une prise de conscience progressive des collectivités, qui "
    "cherchent à concilier les contraintes budgétaires et les attentes des habitants. Les "
    "élus rencontrés soulignent la difficulté de mobiliser les acteurs économiques locaux "
    "sans un accompagnement structuré, et rappellent que les résultats dépendent largement "
    "de la continuité des politiques engagées sur plusieurs mandats.",
    "Pour les entreprises du territoire, l'enjeu est autant organisationnel que technique. "
    "Les dirigeants interrogés évoquent le manque de temps, la complexité des démarches et "
    "l'absence d'interlocuteur unique. Plusieurs initiatives locales tentent d'y répondre en "
    "mutualisant les diagnostics et en proposant des formations courtes, adaptées aux "
    "contraintes des petites structures.",
    "Les associations d'usagers, de leur côté, plaident pour une meilleure information et "
    "pour des indicateurs publiés de manière régulière. Elles estiment que la transparence "
    "des données conditionne l'adhésion du public, et demandent que les bilans soient "
    "présentés devant les conseils de quartier avant chaque nouvelle étape du programme.",
};

constexpr const char* kList =
    "Trois mesures sont prévues :\n\n"
    "- Un diagnostic gratuit pour {d} structures\n"
    "- Une aide de {b} 000 € par projet\n"
    "- Un suivi pendant {c} mois\n";

std::string Fill(std::string text, int section) {
  auto replace = [&](const std::string& key, const std::string& value) {
    for (size_t at = text.find(key); at != std::string::npos;
         at = text.find(key, at + value.size())) {
      text.replace(at, key.size(), value);
    }
  };
  const int s = section % kSources + 1;
  replace("{y2}", std::to_string(2026 + section % 5));
  replace("{y}", std::to_string(2015 + section % 9));
  replace("{a}", std::to_string(3 + section % 89));
  replace("{b}", std::to_string(10 + section % 71));
  replace("{c}", std::to_string(1 + section % 9));
  replace("{d}", std::to_string(120 + section * 7 % 4000));
  replace("{e}", std::to_string(5 + section % 60));
  replace("{s}", std::to_string(s));
  return text;
}

// `figure_paragraphs` paragraphs with figures and `commentary` without, per section.
std::string MakeDraft(int figure_paragraphs, int commentary) {
  std::string md =
      "---\ntitle: \"La transition écologique dans les territoires\"\ndate: \"2025-06-12\"\n"
      "readingTime: \"240 min\"\nsources: " +
      std::to_string(kSources) +
      "\n---\n\n"
      "# La transition écologique dans les territoires\n\n";
  int section = 0;
  int figures = 0;
  while (md.size() < kTargetBytes - 8192) {
    md += "## " + std::to_string(section + 1) + ". Territoire " + std::to_string(section) + "\n\n";
    for (int k = 0; k < std::max(figure_paragraphs, commentary); ++k) {
      if (k < figure_paragraphs) {
        md += Fill(kParagraphs[figures++ % std::size(kParagraphs)], section) + "\n\n";
      }
      if (k < commentary)
        md += std::string(kCommentary[(section + k) % std::size(kCommentary)]) + "\n\n";
    }
    if (section % 2 == 0) md += Fill(kList, section) + "\n";
    ++section;
  }
  md += "## Sources et références\n\n";
  for (int s = 1; s <= kSources; ++s) {
    const std::string n = std::to_string(s);
    md += n + ". **Observatoire des déchets " + n +
          "** - Rapport\n   - Date : 14/09/2024\n"
          "   - URL : https://observatoire.example/" +
          n + "/rapport\n   - Fiabilité : 8/10\n\n";
  }
  for (int s = 1; s <= kSources; ++s) {
    const std::string n = std::to_string(s);
    md += "[^n" + n + "]: Institut régional " + n +
          ", enquête mobilité, mars 2024, "
          "https://institut.example/" +
          n + "\n";
  }
  return md;
}

const std::string& DenseDraft() {
  static const std::string* draft = new std::string(MakeDraft(2, 3));
  return *draft;
}

const std::string& SparseDraft() {
  static const std::string* draft = new std::string(MakeDraft(1, 5));
  return *draft;
}

Draft Parse(const std::string& md) {
  auto d = citecheck::draft::ParseDraft("bench.md", md);
  if (!d.ok()) {
    std::cerr << d.status().message() << "\n";
    std::abort();
  }
  return std::move(*d);
}

// The bar: both steps together, on a 1 MB draft.
void ParseAndExtract(benchmark::State& state, const std::string& md) {
  size_t claims = 0, mentions = 0;
  for (auto _ : state) {
    Draft d = Parse(md);
    std::vector<Claim> c = citecheck::draft::ExtractClaims(d);
    claims = c.size();
    benchmark::DoNotOptimize(c);
    mentions = 0;
    for (const Claim& x : c) mentions += x.mentions.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * md.size()));
  state.counters["bytes"] = static_cast<double>(md.size());
  state.counters["claims"] = static_cast<double>(claims);
  state.counters["mentions"] = static_cast<double>(mentions);
}

void BM_ParseAndExtract1MB_Dense(benchmark::State& state) { ParseAndExtract(state, DenseDraft()); }
BENCHMARK(BM_ParseAndExtract1MB_Dense)->Unit(benchmark::kMillisecond);

void BM_ParseAndExtract1MB_Sparse(benchmark::State& state) {
  ParseAndExtract(state, SparseDraft());
}
BENCHMARK(BM_ParseAndExtract1MB_Sparse)->Unit(benchmark::kMillisecond);

void BM_Parse1MB_Dense(benchmark::State& state) {
  const std::string& md = DenseDraft();
  for (auto _ : state) benchmark::DoNotOptimize(Parse(md));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * md.size()));
}
BENCHMARK(BM_Parse1MB_Dense)->Unit(benchmark::kMillisecond);

void BM_Extract1MB_Dense(benchmark::State& state) {
  const Draft d = Parse(DenseDraft());
  for (auto _ : state) benchmark::DoNotOptimize(citecheck::draft::ExtractClaims(d));
}
BENCHMARK(BM_Extract1MB_Dense)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
