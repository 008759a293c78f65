// Placeholders standing for missing content, and source counts that disagree with
// the sources the draft actually lists.
#include <algorithm>
#include <cctype>

#include "draft/internal/sources.h"

namespace citecheck::draft::internal {
namespace {

// Words that, inside brackets, mark an instruction left for a writer: "[Insérer le
// chiffre]", "[Source à ajouter]", "[to be confirmed]". Folded.
constexpr std::string_view kBracketWords[] = {
    "inserer", "a completer",     "a ajouter",       "a confirmer", "a verifier",  "a preciser",
    "insert",  "to be completed", "to be confirmed", "to add",      "placeholder", "todo",
    "tbd"};

// Words of a sentence in which the article speaks of its own sources: "Cette analyse,
// basée sur trois sources", "based on 12 sources". Folded.
constexpr std::string_view kSelfSourceCues[] = {
    "basee sur",   "base sur",      "basees sur",   "fondee sur", "s'appuie sur",
    "appuyee sur", "cette analyse", "cet article",  "based on",   "draws on",
    "relies on",   "this article",  "this analysis"};

struct Placeholder {
  size_t begin = 0;
  size_t end = 0;
};

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Whether `at` lies inside a quotation: "« Les PME [...] hésitent »" elides, it does
// not leave a hole.
bool InsideQuote(std::string_view t, size_t at) {
  std::string_view before = t.substr(0, at);
  auto count = [&](std::string_view s) {
    size_t n = 0;
    for (size_t p = before.find(s); p != std::string_view::npos; p = before.find(s, p + 1)) ++n;
    return n;
  };
  const size_t straight = count("\"");
  return count("\xC2\xAB") > count("\xC2\xBB") || count("\xE2\x80\x9C") > count("\xE2\x80\x9D") ||
         straight % 2 == 1;
}

// "[Autres sources conservées à l'identique...]", "[...]", "[Insérer le chiffre]".
void BracketPlaceholders(std::string_view t, std::vector<Placeholder>& out) {
  for (size_t open = t.find('['); open != std::string_view::npos; open = t.find('[', open + 1)) {
    const size_t close = t.find(']', open);
    if (close == std::string_view::npos) return;
    if (close + 1 < t.size() && (t[close + 1] == '(' || t[close + 1] == ':')) continue;
    const std::string_view inside = t.substr(open + 1, close - open - 1);
    const bool dots = inside.find("...") != std::string_view::npos ||
                      inside.find("\xE2\x80\xA6") != std::string_view::npos;
    const bool elision = inside == "..." || inside == "\xE2\x80\xA6";
    bool instruction = false;
    const std::string folded = text::Fold(inside);
    for (std::string_view w : kBracketWords)
      instruction = instruction || folded.find(w) != std::string::npos;
    if ((dots && !(elision && InsideQuote(t, open))) || instruction)
      out.push_back({open, close + 1});
  }
}

// Upper-case markers as whole words: "TODO", "TBD", "FIXME", "XXX", and figures left
// blank: "XX %", "X,X %", "XX €", "XX millions".
void WordPlaceholders(std::string_view t, std::vector<Placeholder>& out) {
  for (std::string_view marker : {"TODO", "TBD", "FIXME", "XXX"}) {
    for (size_t at = t.find(marker); at != std::string_view::npos; at = t.find(marker, at + 1)) {
      const size_t end = at + marker.size();
      if ((at > 0 && IsWordChar(t[at - 1])) || (end < t.size() && IsWordChar(t[end]))) continue;
      out.push_back({at, end});
    }
  }
  for (size_t at = t.find('X'); at != std::string_view::npos; at = t.find('X', at + 1)) {
    if (at > 0 && IsWordChar(t[at - 1])) continue;
    size_t e = at;
    while (e < t.size() &&
           (t[e] == 'X' || ((t[e] == ',' || t[e] == '.') && e + 1 < t.size() && t[e + 1] == 'X'))) {
      ++e;
    }
    if (e - at > 6 || (e < t.size() && IsWordChar(t[e]))) continue;
    const std::string folded = text::Fold(t.substr(e, 16));
    const std::string_view rest = Trim(folded);
    for (std::string_view unit :
         {"%", "\xE2\x82\xAC", "$", "euro", "million", "milliard", "pour cent", "percent"}) {
      if (!rest.starts_with(text::Fold(unit))) continue;
      size_t end = e;
      const size_t symbol = unit.size() <= 3 ? t.find(unit, e) : std::string_view::npos;
      if (symbol != std::string_view::npos && symbol < e + 8) end = symbol + unit.size();
      out.push_back({at, end});
      break;
    }
    at = e;
  }
}

std::vector<Placeholder> FindPlaceholders(std::string_view t) {
  std::vector<Placeholder> out;
  BracketPlaceholders(t, out);
  WordPlaceholders(t, out);
  for (std::string_view lorem : {"Lorem ipsum", "lorem ipsum"}) {
    if (size_t at = t.find(lorem); at != std::string_view::npos) out.push_back({at, t.size()});
  }
  std::sort(out.begin(), out.end(),
            [](const Placeholder& a, const Placeholder& b) { return a.begin < b.begin; });
  return out;
}

long ListedSources(const Draft& draft) {
  long listed = 0;
  for (const SourceEntry& s : draft.sources)
    listed += s.origin == SourceOrigin::kInlineLink ? 0 : 1;
  return listed;
}

// The counts of sources a text gives of itself: "basée sur 3 sources", "trois sources
// vérifiées", with their spans in `t`.
std::vector<text::Quantity> SelfSourceCounts(std::string_view t, text::Lang lang) {
  std::vector<text::Quantity> out;
  // Most blocks say nothing of sources: skip them before folding.
  if (t.find("ources") == std::string_view::npos && t.find("ferences") == std::string_view::npos &&
      t.find("f\xC3\xA9rences") == std::string_view::npos) {
    return out;
  }
  const std::string folded = text::Fold(t);
  bool cue = false;
  for (std::string_view c : kSelfSourceCues) cue = cue || folded.find(c) != std::string::npos;
  if (!cue) return out;
  for (const text::Quantity& q : text::FindQuantities(t, lang)) {
    if (q.kind != text::QuantityKind::kCount || q.qualifier != text::Qualifier::kNone) continue;
    const std::string next = text::Fold(Trim(t.substr(q.span.end, 14)));
    if (next.starts_with("sources") || next.starts_with("references")) out.push_back(q);
  }
  return out;
}

void AddCountMismatch(Draft& draft, double declared, long listed, const std::string& where,
                      const Range& range) {
  if (static_cast<long>(declared) == listed) return;
  draft.findings.push_back({"source_count_mismatch",
                            where + " " + std::to_string(static_cast<long>(declared)) +
                                " sources but the sources list has " + std::to_string(listed),
                            range});
}

void FrontMatterCounts(Draft& draft, long listed) {
  for (const FrontMatterField& f : draft.front_matter) {
    const size_t begin =
        draft.line_starts[std::min<size_t>(std::max(f.line, 1) - 1, draft.line_starts.size() - 1)];
    size_t end_of_line = draft.content.find('\n', begin);
    if (end_of_line == std::string::npos) end_of_line = draft.content.size();
    const Range line = draft.FileRange(begin, end_of_line);
    if (f.key == "sources" && !f.value.empty()) {
      char* end = nullptr;
      const long declared = std::strtol(f.value.c_str(), &end, 10);
      if (*end == '\0')
        AddCountMismatch(draft, declared, listed, "the front matter declares", line);
    } else if (f.key == "description" || f.key == "summary" || f.key == "excerpt" ||
               f.key == "resume") {
      for (const text::Quantity& q : SelfSourceCounts(f.value, draft.lang)) {
        AddCountMismatch(draft, q.value, listed, "the front matter's " + f.key + " says", line);
      }
    }
  }
}

// Counts announcing a list are checked against it: the most a paragraph ending on a
// colon can announce ("Voici trois actions :"), and how far the list may go.
constexpr double kMaxAnnounced = 20;

// The top-level items of the list that starts at block `first` (0 when none).
size_t ListItems(const Draft& draft, size_t first) {
  size_t items = 0;
  int depth = 0;
  for (size_t k = first; k < draft.blocks.size(); ++k) {
    const ProseBlock& b = draft.blocks[k];
    if (b.kind != ProseBlock::Kind::kListItem) break;
    if (depth == 0) depth = b.list_depth;
    if (b.list_depth == depth && b.item_start) ++items;
  }
  return items;
}

// "Voici trois actions :" followed by a list of four items.
void EnumerationCounts(Draft& draft) {
  for (size_t b = 0; b + 1 < draft.blocks.size(); ++b) {
    const ProseBlock& block = draft.blocks[b];
    std::string_view t = Trim(block.text);
    if (block.in_sources || !t.ends_with(":") ||
        draft.blocks[b + 1].kind != ProseBlock::Kind::kListItem) {
      continue;
    }
    const std::vector<text::Quantity> qs = text::FindQuantities(block.text, draft.lang);
    if (qs.empty()) continue;
    const text::Quantity& q = qs.back();
    // The count must lead to the colon: "trois actions concrètes :", not "en 2024 :".
    const std::string_view between = std::string_view(block.text).substr(q.span.end);
    if (q.kind != text::QuantityKind::kCount || q.qualifier != text::Qualifier::kNone ||
        q.value < 2 || q.value > kMaxAnnounced || q.value != static_cast<long>(q.value) ||
        between.find_first_of(".?!;,") != std::string_view::npos) {
      continue;
    }
    const size_t items = ListItems(draft, b + 1);
    if (items == static_cast<size_t>(q.value)) continue;
    draft.findings.push_back({"enumeration_mismatch",
                              "the text announces " + Quote(q.text) + " (" +
                                  std::to_string(static_cast<long>(q.value)) +
                                  ") but the list after it has " + std::to_string(items) + " items",
                              draft.RangeOf(block, q.span.begin, q.span.end)});
  }
}

}  // namespace

void FindPlaceholdersAndCounts(Draft& draft) {
  for (const ProseBlock& block : draft.blocks) {
    for (const Placeholder& p : FindPlaceholders(block.text)) {
      const std::string_view what = std::string_view(block.text).substr(p.begin, p.end - p.begin);
      std::string msg = "placeholder " + Quote(what) + " stands for missing content";
      if (block.in_sources) msg += ": the sources it replaces are not listed and cannot be checked";
      draft.findings.push_back({"placeholder", msg, draft.RangeOf(block, p.begin, p.end)});
    }
  }
  const long listed = ListedSources(draft);
  FrontMatterCounts(draft, listed);
  EnumerationCounts(draft);
  for (const ProseBlock& block : draft.blocks) {
    if (block.in_sources || block.kind == ProseBlock::Kind::kHeading) continue;
    for (const text::Quantity& q : SelfSourceCounts(block.text, draft.lang)) {
      AddCountMismatch(draft, q.value, listed, "the text says",
                       draft.RangeOf(block, q.span.begin, q.span.end));
    }
  }
}

}  // namespace citecheck::draft::internal
