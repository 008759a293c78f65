#include "index/index.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include <xapian.h>

#include "common/hash.h"

namespace citecheck::index {
namespace {

using common::Result;
using common::Status;

// Document values.
constexpr Xapian::valueno kUrlSlot = 0;
constexpr Xapian::valueno kOrdinalSlot = 1;
constexpr Xapian::valueno kStartSlot = 2;
constexpr Xapian::valueno kEndSlot = 3;

// Term prefixes, after Xapian's conventions: "Z" stemmed words, "U" the source (a hash
// of its URL, since terms are limited to 245 bytes), "N" normalized figures.
constexpr char kStemPrefix[] = "Z";
constexpr char kSourcePrefix[] = "U";
constexpr char kNumberPrefix[] = "N";

// Figures weigh more than words in a query: they are what a claim is about.
constexpr double kNumberWeight = 2.0;

std::string SourceTerm(std::string_view url) {
  char buf[24];
  std::snprintf(buf, sizeof(buf), "%016llx",
                static_cast<unsigned long long>(common::StableHash64(url)));
  return std::string(kSourcePrefix) + buf;
}

// One term per figure, kind and unit included, so "13 %" never meets "13 euros".
// Fractions index as percentages ("un sur cinq" finds "20 %"). Derived figures
// (complements, sums) are the verifier's business, not the index's.
std::string NumberTerm(const text::Quantity& q) {
  char buf[64];
  double v = q.value;
  if (q.kind == text::QuantityKind::kFraction && v > 0 && v <= 1) v *= 100;
  std::snprintf(buf, sizeof(buf), "%.6g", v);
  std::string kind(q.kind == text::QuantityKind::kFraction ? "percent"
                                                          : text::QuantityKindName(q.kind));
  return std::string(kNumberPrefix) + kind.substr(0, 2) + q.unit + ":" + buf;
}

std::vector<std::string> Terms(std::string_view text, text::Lang lang) {
  std::vector<std::string> out;
  for (std::string& stem : text::ContentTerms(text, lang)) {
    if (stem.empty() || stem.size() > 200) continue;
    out.push_back(kStemPrefix + stem);
  }
  for (const text::Quantity& q : text::FindQuantities(text, lang)) {
    out.push_back(NumberTerm(q));
  }
  return out;
}

Status XapianError(const Xapian::Error& e, std::string_view what) {
  return Status::IoError(std::string(what) + ": " + e.get_type() + ": " + e.get_msg());
}

size_t ParseSize(const std::string& s) {
  size_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

}  // namespace

std::vector<PassageInput> MakePassages(std::string_view text,
                                       const std::vector<PassageInput>& blocks,
                                       text::Lang lang, size_t max_bytes) {
  std::vector<PassageInput> out;
  for (const PassageInput& b : blocks) {
    if (b.end <= b.start || b.end > text.size()) continue;
    if (b.end - b.start <= max_bytes) {
      out.push_back(b);
      continue;
    }
    // A long block is cut between sentences into pieces of at most max_bytes (a single
    // longer sentence stays whole).
    std::string_view block = text.substr(b.start, b.end - b.start);
    PassageInput current{b.start, b.start};
    for (const text::Span& s : text::SplitSentences(block, lang)) {
      const size_t s_begin = b.start + s.begin;
      const size_t s_end = b.start + s.end;
      if (current.end > current.start && s_end - current.start > max_bytes) {
        out.push_back(current);
        current = {s_begin, s_begin};
      }
      if (current.end == current.start) current.start = s_begin;
      current.end = s_end;
    }
    if (current.end > current.start) out.push_back(current);
  }
  return out;
}

class Index::Impl {
 public:
  explicit Impl(Xapian::WritableDatabase db) : db_(std::move(db)) {}

  Status Replace(const SourceDocument& doc) {
    try {
      db_.delete_document(SourceTerm(doc.url));
      const text::Lang lang =
          doc.lang != text::Lang::kUnknown ? doc.lang : text::DetectLanguage(doc.text);
      const std::string source = SourceTerm(doc.url);
      int ordinal = 0;
      for (const PassageInput& p : doc.passages) {
        if (p.end <= p.start || p.end > doc.text.size()) {
          return Status::InvalidArgument("passage [" + std::to_string(p.start) + ", " +
                                         std::to_string(p.end) + ") is outside the text of " +
                                         doc.url);
        }
        std::string_view passage = std::string_view(doc.text).substr(p.start, p.end - p.start);
        Xapian::Document xdoc;
        xdoc.set_data(std::string(passage));
        xdoc.add_value(kUrlSlot, doc.url);
        xdoc.add_value(kOrdinalSlot, Xapian::sortable_serialise(ordinal++));
        xdoc.add_value(kStartSlot, std::to_string(p.start));
        xdoc.add_value(kEndSlot, std::to_string(p.end));
        xdoc.add_boolean_term(source);
        for (const std::string& term : Terms(passage, lang)) xdoc.add_term(term);
        db_.add_document(xdoc);
      }
      return Status::Ok();
    } catch (const Xapian::Error& e) {
      return XapianError(e, "indexing " + doc.url);
    }
  }

  Status Remove(std::string_view url) {
    try {
      db_.delete_document(SourceTerm(url));
      return Status::Ok();
    } catch (const Xapian::Error& e) {
      return XapianError(e, "removing " + std::string(url));
    }
  }

  Status Commit() {
    try {
      db_.commit();
      return Status::Ok();
    } catch (const Xapian::Error& e) {
      return XapianError(e, "committing the index");
    }
  }

  Result<std::vector<Passage>> Search(const PassageQuery& q) const {
    try {
      std::vector<Xapian::Query> words, numbers;
      for (const std::string& t : Terms(q.text, q.lang)) {
        (t.rfind(kNumberPrefix, 0) == 0 ? numbers : words).emplace_back(t);
      }
      Xapian::Query query(Xapian::Query::OP_OR, words.begin(), words.end());
      if (!numbers.empty()) {
        Xapian::Query figures(Xapian::Query::OP_OR, numbers.begin(), numbers.end());
        query = Xapian::Query(Xapian::Query::OP_OR, query,
                              Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, figures, kNumberWeight));
      }
      if (!q.urls.empty()) {
        std::vector<Xapian::Query> filters;
        for (const std::string& u : q.urls) filters.emplace_back(SourceTerm(u));
        query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                              Xapian::Query(Xapian::Query::OP_OR, filters.begin(), filters.end()));
      }
      Xapian::Enquire enquire(db_);
      enquire.set_query(query);
      Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(q.limit));
      std::vector<Passage> out;
      for (auto it = mset.begin(); it != mset.end(); ++it) {
        out.push_back(ToPassage(it.get_document(), it.get_weight()));
      }
      return out;
    } catch (const Xapian::Error& e) {
      return XapianError(e, "searching the index");
    }
  }

  Result<std::vector<Passage>> Passages(std::string_view url) const {
    try {
      std::vector<Passage> out;
      const std::string term = SourceTerm(url);
      for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it) {
        Passage p = ToPassage(db_.get_document(*it), 0);
        p.terms = StemTerms(*it);
        out.push_back(std::move(p));
      }
      std::sort(out.begin(), out.end(),
                [](const Passage& a, const Passage& b) { return a.ordinal < b.ordinal; });
      return out;
    } catch (const Xapian::Error& e) {
      return XapianError(e, "listing passages of " + std::string(url));
    }
  }

  Result<size_t> Size() const {
    try {
      return static_cast<size_t>(db_.get_doccount());
    } catch (const Xapian::Error& e) {
      return XapianError(e, "counting passages");
    }
  }

 private:
  static Passage ToPassage(const Xapian::Document& d, double weight) {
    Passage p;
    p.url = d.get_value(kUrlSlot);
    p.ordinal = static_cast<int>(Xapian::sortable_unserialise(d.get_value(kOrdinalSlot)));
    p.text = d.get_data();
    p.start = ParseSize(d.get_value(kStartSlot));
    p.end = ParseSize(d.get_value(kEndSlot));
    p.score = weight;
    return p;
  }

  // The word terms of a stored passage, prefix removed. Xapian's term lists are
  // already sorted and unique.
  std::vector<std::string> StemTerms(Xapian::docid id) const {
    std::vector<std::string> out;
    const std::string_view prefix = kStemPrefix;
    for (auto t = db_.termlist_begin(id); t != db_.termlist_end(id); ++t) {
      const std::string term = *t;
      if (term.size() > prefix.size() && term.compare(0, prefix.size(), prefix) == 0) {
        out.push_back(term.substr(prefix.size()));
      }
    }
    return out;
  }

  Xapian::WritableDatabase db_;
};

Index::Index(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Index::~Index() = default;

Result<std::unique_ptr<Index>> Index::Open(const std::filesystem::path& dir) {
  try {
    Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OPEN);
    return std::unique_ptr<Index>(new Index(std::make_unique<Impl>(std::move(db))));
  } catch (const Xapian::Error& e) {
    return XapianError(e, "opening index " + dir.string());
  }
}

Result<std::unique_ptr<Index>> Index::InMemory() {
  try {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    return std::unique_ptr<Index>(new Index(std::make_unique<Impl>(std::move(db))));
  } catch (const Xapian::Error& e) {
    return XapianError(e, "creating an in-memory index");
  }
}

Status Index::Replace(const SourceDocument& doc) { return impl_->Replace(doc); }
Status Index::Remove(std::string_view url) { return impl_->Remove(url); }
Status Index::Commit() { return impl_->Commit(); }
Result<std::vector<Passage>> Index::Search(const PassageQuery& q) const { return impl_->Search(q); }
Result<std::vector<Passage>> Index::Passages(std::string_view url) const {
  return impl_->Passages(url);
}
Result<size_t> Index::Size() const { return impl_->Size(); }

}  // namespace citecheck::index
