// index: passages of cited sources in a Xapian database, searched claim by claim.
//
// Each source document is stored as passages (a block, or a few sentences of a long
// block) with their offsets into the document text, a filter term for the source URL,
// stemmed terms in the document's language (French or English Snowball), and number
// terms for every quantity the passage states (so "13 %" finds "13 pour cent"). A
// search takes a claim's words and numbers, optionally restricted to some sources, and
// returns the best passages with their scores.
//
//   auto index = index::Index::Open(dir / "index");
//   (*index)->Replace({.url = u, .lang = Lang::kFr, .passages = ...});
//   (*index)->Commit();
//   auto hits = (*index)->Search({.text = claim, .lang = Lang::kFr, .urls = {u}});
//
// Xapian's exceptions never leave this module: they become Status values.
// Thread-safety: an Index is used by one thread at a time.
#ifndef CITECHECK_INDEX_INDEX_H_
#define CITECHECK_INDEX_INDEX_H_

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "text/text.h"

namespace citecheck::index {

struct PassageInput {
  size_t start = 0;  // byte offsets of the passage in the source document's text
  size_t end = 0;
  bool operator==(const PassageInput&) const = default;
};

// A source document to index. `text` is the whole document text; passages point into it.
struct SourceDocument {
  std::string url;
  text::Lang lang = text::Lang::kUnknown;
  std::string title;
  std::string text;
  std::vector<PassageInput> passages;
  bool operator==(const SourceDocument&) const = default;
};

struct Passage {
  std::string url;    // the source it belongs to
  int ordinal = 0;    // position among the source's passages, from 0
  std::string text;   // the passage text
  size_t start = 0;   // byte offsets in the source document's text
  size_t end = 0;
  double score = 0;   // retrieval score, higher is better (BM25), 0 for listings
  // Its stemmed content words as indexed (text::ContentTerms in the document's
  // language), sorted and unique. Filled by Passages() only; empty from Search().
  std::vector<std::string> terms;
  bool operator==(const Passage&) const = default;
};

struct PassageQuery {
  std::string text;                 // the claim, in words and figures
  text::Lang lang = text::Lang::kUnknown;
  std::vector<std::string> urls;    // restrict to these sources; empty = all
  size_t limit = 8;                 // at most this many passages
  bool operator==(const PassageQuery&) const = default;
};

// Splits a document's text into passages: one per block given as [start, end) ranges,
// long blocks cut at sentence boundaries into pieces of at most `max_bytes`.
std::vector<PassageInput> MakePassages(std::string_view text,
                                       const std::vector<PassageInput>& blocks,
                                       text::Lang lang, size_t max_bytes = 1200);

class Index {
 public:
  // Opens or creates an on-disk database in `dir`. Errors: kIoError naming the
  // directory and Xapian's message (e.g. locked by another writer).
  static common::Result<std::unique_ptr<Index>> Open(const std::filesystem::path& dir);
  // A private in-memory database, for verify's tests and one-shot runs.
  static common::Result<std::unique_ptr<Index>> InMemory();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;
  ~Index();

  // Removes every passage stored for doc.url, then adds doc's passages. Visible to
  // Search at once; durable after Commit().
  common::Status Replace(const SourceDocument& doc);

  // Removes the source's passages. OK when there were none.
  common::Status Remove(std::string_view url);

  common::Status Commit();

  // Best passages first. Errors: kIoError when Xapian fails.
  common::Result<std::vector<Passage>> Search(const PassageQuery& query) const;

  // Every passage of a source, in document order (score 0), with its terms. Empty
  // when unknown.
  common::Result<std::vector<Passage>> Passages(std::string_view url) const;

  // Number of passages in the index.
  common::Result<size_t> Size() const;

 private:
  class Impl;
  explicit Index(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace citecheck::index

#endif  // CITECHECK_INDEX_INDEX_H_
