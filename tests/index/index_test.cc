#include "index/index.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "testutil/testutil.h"

namespace citecheck::index {
namespace {

using text::Lang;

SourceDocument Doc(std::string url, std::vector<std::string> paragraphs, Lang lang = Lang::kFr) {
  SourceDocument d;
  d.url = std::move(url);
  d.lang = lang;
  for (const std::string& p : paragraphs) {
    if (!d.text.empty()) d.text += "\n\n";
    d.passages.push_back({d.text.size(), d.text.size() + p.size()});
    d.text += p;
  }
  return d;
}

const SourceDocument kBarometre = Doc(
    "https://obs.example/barometre",
    {"Baromètre des mobilités 2024",
     "En 2024, 28 % des actifs ont utilisé un vélo pour se rendre au travail.",
     "Le trajet moyen atteint 7,4 kilomètres.",
     "La marche reste le premier mode de déplacement pour les trajets courts."});

const SourceDocument kJournal = Doc(
    "https://journal.example/velo",
    {"Les ventes de vélos électriques ont atteint 738 000 unités en 2023.",
     "Le prix moyen d'un vélo à assistance électrique s'établit à 2 300 euros."});

// Retrieval finds the passage that shares the claim's words and figure, and gives
// back its exact text and offsets into the document.
TEST(Index, SearchFindsThePassageWithWordsAndFigure) {
  auto index = Index::InMemory();
  ASSERT_OK(index);
  ASSERT_OK((*index)->Replace(kBarometre));
  ASSERT_OK((*index)->Replace(kJournal));
  auto hits = (*index)->Search({"28 % des actifs vont au travail à vélo", Lang::kFr, {}, 3});
  ASSERT_OK(hits);
  ASSERT_FALSE(hits->empty());
  const Passage& best = hits->front();
  EXPECT_EQ(best.url, "https://obs.example/barometre");
  EXPECT_EQ(best.ordinal, 1);
  EXPECT_EQ(best.text, "En 2024, 28 % des actifs ont utilisé un vélo pour se rendre au travail.");
  EXPECT_EQ(kBarometre.text.substr(best.start, best.end - best.start), best.text);
  EXPECT_GT(best.score, 0);
}

// A figure written differently still meets the same number term.
TEST(Index, FigureTermsMatchAcrossWritings) {
  auto index = Index::InMemory();
  ASSERT_OK(index);
  ASSERT_OK((*index)->Replace(Doc("https://a.example/", {"Un résultat de 28 pour cent.", "Rien ici."})));
  auto hits = (*index)->Search({"28 %", Lang::kFr, {}, 5});
  ASSERT_OK(hits);
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ(hits->front().text, "Un résultat de 28 pour cent.");
}

TEST(Index, SourceFilterRestrictsResults) {
  auto index = Index::InMemory();
  ASSERT_OK(index);
  ASSERT_OK((*index)->Replace(kBarometre));
  ASSERT_OK((*index)->Replace(kJournal));
  auto hits = (*index)->Search({"vélo électrique", Lang::kFr, {"https://journal.example/velo"}, 10});
  ASSERT_OK(hits);
  ASSERT_EQ(hits->size(), 2u);
  for (const Passage& p : *hits) EXPECT_EQ(p.url, "https://journal.example/velo");
}

TEST(Index, ReplaceDropsTheOldPassagesOfASource) {
  auto index = Index::InMemory();
  ASSERT_OK(index);
  ASSERT_OK((*index)->Replace(kJournal));
  const std::string text = "Page réécrite : 750 000 vélos.";
  ASSERT_OK((*index)->Replace(Doc("https://journal.example/velo", {text})));
  auto passages = (*index)->Passages("https://journal.example/velo");
  ASSERT_OK(passages);
  // Passages() also gives each passage's indexed terms: its stems, sorted, unique.
  std::vector<std::string> terms = text::ContentTerms(text, Lang::kFr);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  ASSERT_FALSE(terms.empty());
  std::vector<Passage> want = {{"https://journal.example/velo", 0, text, 0, text.size(), 0, terms}};
  EXPECT_EQ(*passages, want);
  EXPECT_EQ(*(*index)->Size(), 1u);
  ASSERT_OK((*index)->Remove("https://journal.example/velo"));
  EXPECT_EQ(*(*index)->Size(), 0u);
}

TEST(Index, PassagesOutsideTheTextAreRejected) {
  auto index = Index::InMemory();
  ASSERT_OK(index);
  SourceDocument bad = Doc("https://a.example/", {"court"});
  bad.passages.push_back({3, 400});
  EXPECT_EQ((*index)->Replace(bad).code(), common::StatusCode::kInvalidArgument);
}

// A real on-disk database: what is committed is there after reopening.
TEST(Index, OnDiskIndexPersistsAfterCommit) {
  testutil::TempDir dir;
  {
    auto index = Index::Open(dir.path() / "index");
    ASSERT_OK(index);
    ASSERT_OK((*index)->Replace(kBarometre));
    ASSERT_OK((*index)->Commit());
  }
  auto reopened = Index::Open(dir.path() / "index");
  ASSERT_OK(reopened);
  auto passages = (*reopened)->Passages("https://obs.example/barometre");
  ASSERT_OK(passages);
  EXPECT_EQ(passages->size(), 4u);
  EXPECT_EQ(passages->at(2).text, "Le trajet moyen atteint 7,4 kilomètres.");
}

TEST(Index, SecondWriterOnTheSameDirectoryIsRefused) {
  testutil::TempDir dir;
  auto first = Index::Open(dir.path());
  ASSERT_OK(first);
  auto second = Index::Open(dir.path());
  EXPECT_EQ(second.status().code(), common::StatusCode::kIoError);
  EXPECT_NE(second.status().message().find(dir.path().string()), std::string::npos);
}

// Long blocks are cut between sentences; short ones stay whole.
TEST(MakePassages, CutsLongBlocksAtSentenceBoundaries) {
  const std::string s1 = "Phrase une est ici.", s2 = "Phrase deux est là.", s3 = "Phrase trois enfin.";
  const std::string first = s1 + " " + s2 + " " + s3;
  const std::string text = first + "\n\nCourt.";
  std::vector<PassageInput> blocks = {{0, first.size()}, {first.size() + 2, text.size()}};
  std::vector<PassageInput> got = MakePassages(text, blocks, Lang::kFr, 40);
  const size_t s3_begin = s1.size() + 1 + s2.size() + 1;
  std::vector<PassageInput> want = {{0, s3_begin - 1}, {s3_begin, first.size()}, blocks[1]};
  EXPECT_EQ(got, want);
  EXPECT_EQ(MakePassages(text, blocks, Lang::kFr, 1000), blocks);
}

}  // namespace
}  // namespace citecheck::index
