// Sources given outside the sources list: reference-style link definitions
// ("[1]: https://... "Title"", and footnote definitions no marker uses, which cmark
// drops) and the front matter's "sources:" sequence, of URLs or of mappings.
#include <cctype>

#include "draft/internal/sources.h"

namespace citecheck::draft::internal {
namespace {

using common::Status;

constexpr std::string_view kListKeys[] = {"sources", "references",
                                          "r\xC3\xA9"
                                          "f\xC3\xA9rences",
                                          "bibliography", "bibliographie"};
constexpr std::string_view kUrlKeys[] = {"url", "link", "lien", "href", "uri"};
constexpr std::string_view kNameKeys[] = {"name",   "nom",       "title",   "titre",
                                          "source", "publisher", "editeur", "organisation"};
constexpr std::string_view kDateKeys[] = {
    "date", "published", "publication", "date_publication", "publie_le", "updated"};
constexpr std::string_view kRatingKeys[] = {"reliability", "fiabilite", "fiabilit\xC3\xA9",
                                            "score",       "rating",    "note"};

template <size_t N>
bool OneOf(std::string_view key, const std::string_view (&set)[N]) {
  for (std::string_view k : set) {
    if (key == k) return true;
  }
  return false;
}

bool AllDigits(std::string_view s) {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

Range LineRange(const Draft& draft, int line) {
  const size_t idx =
      std::min<size_t>(static_cast<size_t>(std::max(line, 1)) - 1, draft.line_starts.size() - 1);
  const size_t begin = draft.line_starts[idx];
  size_t end = draft.content.find('\n', begin);
  if (end == std::string::npos) end = draft.content.size();
  return draft.FileRange(begin, end);
}

// The text of a prose link whose target is `url`, to name a definition by its use.
std::string LinkTextFor(const Draft& draft, std::string_view url) {
  for (const Link& l : draft.links) {
    if (l.url == url && !l.text.empty()) return l.text;
  }
  return "";
}

common::Status AddReference(const RawReference& r, SourceCollector& collector, SourceLabels& labels,
                            Draft& draft) {
  SourceEntry e;
  e.range = draft.FileRange(r.begin, r.end);
  const bool footnote = r.label.starts_with("^");
  e.origin = footnote ? SourceOrigin::kFootnote : SourceOrigin::kReference;
  e.label = footnote ? r.label.substr(1) : r.label;
  if (footnote) {
    std::string_view title = r.title;
    if (auto u = BareUrl(title)) title = title.substr(0, u->begin);
    e.name = std::string(TrimPunct(title));
    if (auto q = FirstDate(r.title, draft.lang)) e.date = q->text;
  } else {
    e.name = r.title.empty() ? LinkTextFor(draft, r.url) : r.title;
    if (AllDigits(e.name)) e.name.clear();  // "[1]" names nothing
  }
  const Range url_range = draft.FileRange(r.url_begin, r.url_end);
  CC_ASSIGN_OR_RETURN(int index, collector.Add(std::move(e), r.url, url_range));
  if (footnote) {
    labels.footnotes.emplace(r.label.substr(1), index);
  } else {
    labels.numbers.emplace(r.label, index);
  }
  return Status::Ok();
}

// One entry of a front-matter sources sequence: a scalar ("INSEE - https://...") or
// the flattened fields of a mapping ("sources[0].url", "sources[0].name", ...).
struct FrontMatterItem {
  std::string name, url, date;
  std::optional<double> rating;
  int line = 0;
};

// Fills `item` from one flattened field of a mapping ("url", "name", ...).
void SetItemField(std::string_view sub, const FrontMatterField& f, FrontMatterItem& item) {
  const std::string key = text::Fold(sub);
  if (OneOf(key, kUrlKeys) && item.url.empty()) {
    item.url = f.value;
  } else if (OneOf(key, kNameKeys) && item.name.empty()) {
    item.name = f.value;
  } else if (OneOf(key, kDateKeys) && item.date.empty()) {
    item.date = f.value;
  } else if (OneOf(key, kRatingKeys) && !item.rating) {
    item.rating = ParseRating(f.value);
  }
}

// A scalar item: "INSEE - https://insee.fr/x", or a URL alone, or a name alone.
FrontMatterItem ScalarItem(std::string_view s, int line) {
  FrontMatterItem it;
  it.line = line;
  if (auto u = BareUrl(s)) {
    it.url = std::string(s.substr(u->begin, u->size()));
    s = s.substr(0, u->begin);
  }
  it.name = std::string(TrimPunct(s));
  return it;
}

std::vector<FrontMatterItem> FrontMatterItems(const Draft& draft) {
  std::vector<FrontMatterItem> out;
  std::string prefix;  // "sources[0]" of the mapping being read
  const auto& fields = draft.front_matter;
  for (size_t i = 0; i < fields.size(); ++i) {
    const FrontMatterField& f = fields[i];
    const size_t bracket = f.key.find('[');
    if (!OneOf(std::string_view(f.key).substr(0, bracket), kListKeys)) continue;
    if (bracket == std::string::npos) {
      // Items of a sequence holding mappings come indexed, in the fields that follow.
      const bool indexed = i + 1 < fields.size() && fields[i + 1].key.starts_with(f.key + "[");
      if (!indexed) {
        for (const std::string& item : f.items) out.push_back(ScalarItem(item, f.line));
      }
      continue;
    }
    if (f.key.back() == ']') {
      out.push_back(ScalarItem(f.value, f.line));  // "sources[1]": a scalar item
      prefix.clear();
      continue;
    }
    const size_t dot = f.key.find("].", bracket);
    if (dot == std::string::npos) continue;
    const std::string_view sub = std::string_view(f.key).substr(dot + 2);
    if (sub.find('.') != std::string_view::npos) continue;  // deeper nesting
    if (f.key.compare(0, dot + 1, prefix) != 0) {
      prefix = f.key.substr(0, dot + 1);
      out.push_back({});
      out.back().line = f.line;
    }
    SetItemField(sub, f, out.back());
  }
  return out;
}

}  // namespace

common::Status AddOtherSources(const MarkdownBody& md, SourceCollector& collector,
                               SourceLabels& labels, Draft& draft) {
  for (const RawReference& r : md.references) {
    CC_RETURN_IF_ERROR(AddReference(r, collector, labels, draft));
  }
  for (const FrontMatterItem& it : FrontMatterItems(draft)) {
    SourceEntry e;
    e.name = it.name;
    e.date = it.date;
    e.declared_reliability = it.rating;
    e.origin = SourceOrigin::kFrontMatter;
    const Range line = LineRange(draft, it.line);
    e.range = line;
    CC_RETURN_IF_ERROR(collector.Add(std::move(e), it.url, line).status());
  }
  return Status::Ok();
}

}  // namespace citecheck::draft::internal
