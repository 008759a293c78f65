// RenderMarkdown: a pull-request comment that stays a well-formed table whatever the
// draft says.
#include <gtest/gtest.h>

#include "report/report.h"
#include "report_fixture.h"

namespace citecheck::report {
namespace {

// The whole comment for the sample report: the score and gate, the counts, the
// claims to review with their reasons, the dead or weak sources, the supported claims
// folded away.
TEST(MarkdownReport, SampleReport) {
  const std::string expected =
      "### citecheck · Vélo au travail\n\n"
      "drafts/velo\\.md · vérifié le 2025\\-03\\-18 09\\:30 UTC\n\n"
      "**Intégrité\u00A0: 25\u00A0%** · Affirmations confirmées par leurs sources\u00A0: 1 sur 4 · "
      "❌ Seuil 80\u00A0%\u00A0: non atteint\n\n"
      "| ✅ Confirmée | ❌ Contredite | ❔ Non trouvée | ⛔ Invérifiable |\n"
      "|---:|---:|---:|---:|\n"
      "| 1 | 1 | 1 | 1 |\n"
      "\n#### Affirmations à revoir\n\n"
      "| Verdict | Affirmation | Ligne | Telle qu’écrite | Source citée | Pourquoi |\n"
      "|---|---|---:|---|---|---|\n"
      "| ❌ Contredite | c2 · **910 000** | 10 | Les ventes ont atteint 910 000 unités en 2023 "
      "\\(Source \\: Journal\\)\\. | \\[2\\] | source 2 gives 738 000 where the draft says 910 000 "
      "|\n"
      "| ❔ Non trouvée | c3 · **près de 12 000** | 12 | Le secteur emploie près de 12 000 "
      "personnes\\. | \\[2\\] | the cited source was read and states nothing matching près de 12 "
      "000 about this |\n"
      "| ⛔ Invérifiable | c4 · **41 %** | 14 | Pour 41 % des non\\-cyclistes, le manque de pistes "
      "dissuade \\(Source \\: Étude\\)\\. | \\[3\\] | the cited source could not be read\\: source "
      "3\\: HTTP 404 Not Found |\n"
      "\n#### Sources mortes ou faibles\n\n"
      "- ⚠️ \\[2\\] Journal · <https://journal.example/a> · faible · Fiabilité calculée 4,5/10 "
      "(Fiabilité déclarée 8/10)\n"
      "- ⛔ \\[3\\] Étude · <https://etude.example/404> · non lue\u00A0: HTTP 404 Not Found · "
      "Fiabilité calculée 0/10 (Fiabilité déclarée 9/10)\n"
      "\n<details><summary>Affirmations confirmées (1)</summary>\n\n"
      "| Verdict | Affirmation | Ligne | Telle qu’écrite | Source citée | Pourquoi |\n"
      "|---|---|---:|---|---|---|\n"
      "| ✅ Confirmée | c1 · **28 %** | 8 | En 2024, 28 % des actifs ont utilisé un vélo \\(Source "
      "\\: Observatoire\\)\\. | \\[1\\] | source 1 states 28 % with 83 % of the claim's context |\n"
      "\n</details>\n";
  EXPECT_EQ(RenderMarkdown(testing::SampleReport()), expected);
}

// Pipes, line breaks and HTML in the draft or sources cannot break the table or add
// markup: every table row keeps its six cells.
TEST(MarkdownReport, EscapesCells) {
  const std::string md = RenderMarkdown(testing::HostileReport());
  // Every '<' is escaped, except the comment's own folding and autolinks.
  for (size_t lt = md.find('<'); lt != std::string::npos; lt = md.find('<', lt + 1)) {
    const std::string_view at = std::string_view(md).substr(lt);
    const bool ours = at.starts_with("<details>") || at.starts_with("</details>") ||
                      at.starts_with("<summary>") || at.starts_with("</summary>") ||
                      at.starts_with("<https://");
    EXPECT_TRUE(ours || (lt > 0 && md[lt - 1] == '\\')) << md.substr(lt, 40);
  }
  size_t start = 0;
  while (start < md.size()) {
    size_t end = md.find('\n', start);
    if (end == std::string::npos) end = md.size();
    const std::string line = md.substr(start, end - start);
    if (line.starts_with("| ") && line.find("c") != std::string::npos &&
        line.find("**") != std::string::npos) {
      int cells = 0;
      for (size_t i = 0; i < line.size(); ++i)
        cells += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
      EXPECT_EQ(cells, 7) << line;
    }
    start = end + 1;
  }
}

// Long drafts: at most kMarkdownMaxRows claims per table, the rest counted.
TEST(MarkdownReport, CapsLongTables) {
  CheckReport r = testing::SampleReport();
  const ClaimReport model = r.claims[1];
  r.claims.clear();
  for (size_t i = 0; i < kMarkdownMaxRows + 7; ++i) r.claims.push_back(model);
  r.integrity.overall = {};
  r.integrity.overall.contradicted = static_cast<int>(r.claims.size());
  const std::string md = RenderMarkdown(r);
  size_t rows = 0;
  for (size_t pos = md.find("| ❌ Contredite | c2"); pos != std::string::npos;
       pos = md.find("| ❌ Contredite | c2", pos + 1)) {
    ++rows;
  }
  EXPECT_EQ(rows, kMarkdownMaxRows);
  EXPECT_NE(md.find("7 de plus dans le rapport complet."), std::string::npos);
}

}  // namespace
}  // namespace citecheck::report
