// draft: a Markdown draft as citecheck sees it, and the claims it makes.
//
// ParseDraft reads YAML front matter (yaml-cpp; nested keys flattened), the Markdown
// body (cmark-gfm, with source positions), the sections, and the sources a draft cites
// in every form real drafts use: a sources list under a heading ("## Sources et
// références", "## Sources", "## References", ...) or a "**Sources :**" line, numbered
// or bulleted, with name, kind, date, URL and declared reliability; bare URLs, one per
// line; footnotes ("[^1]" with "[^1]: ..." definitions); reference-style link
// definitions ("[1]: https://..."); a "sources:" list in the front matter; inline links.
// In the prose it finds the attributions ("(Source : CCI Provence-Alpes-Côte d'Azur)",
// "selon X", "Source : X" lines) and the citation markers ("[^2]", "[3]"), resolved to
// the source they designate. Everything keeps its place in the file (byte offsets,
// line:column). Things a careful editor would flag -- placeholders standing for missing
// content, a source count (front matter or prose) that disagrees with the list, an
// attribution or marker that designates no listed source -- become findings.
//
// ExtractClaims then finds the check-worthy quantities of the prose and groups the
// mentions of one fact into one claim, with what the figure is about (subject), what
// is said of it (predicate), its polarity and its citations.
//
//   auto draft = draft::LoadDraft("article.md");
//   if (!draft.ok()) { std::cerr << draft.status().message(); return 2; }
//   for (const draft::Claim& c : draft::ExtractClaims(*draft)) ...
//
// Thread-safety: pure functions over values.
#ifndef CITECHECK_DRAFT_DRAFT_H_
#define CITECHECK_DRAFT_DRAFT_H_

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "text/text.h"

namespace citecheck::draft {

// A place in the draft file. Lines and columns are 1-based; columns count code points;
// the end is exclusive (end_column is the column just after the last character), as in
// SARIF regions.
struct Range {
  size_t begin = 0;  // byte offsets into the draft file, [begin, end)
  size_t end = 0;
  int line = 0;
  int column = 0;
  int end_line = 0;
  int end_column = 0;
  bool operator==(const Range&) const = default;
};

// One front-matter key. Nested mappings are flattened after their parent, with dotted
// keys ("seo" then "seo.title"); the mappings of a sequence get an index
// ("sources[0].url"). The parent itself keeps value "".
struct FrontMatterField {
  std::string key;
  std::string value;               // scalars as written; "" for sequences and maps
  std::vector<std::string> items;  // sequence items (scalars), in order
  int line = 0;                    // of the key
  bool operator==(const FrontMatterField&) const = default;
};

struct Section {
  std::string title;  // heading text, inline markup removed
  int level = 0;      // 1 for "#", 2 for "##"...
  Range range;        // the heading line
  bool operator==(const Section&) const = default;
};

// Where a source entry comes from.
enum class SourceOrigin {
  kList = 0,     // an entry of the sources list (or a bare URL line there)
  kFootnote,     // a footnote definition "[^1]: ..."
  kReference,    // a reference-style link definition "[1]: https://..."
  kFrontMatter,  // an item of the front matter's "sources" / "references" sequence
  kInlineLink,   // a link in the prose that no other entry lists
};

// Stable snake_case name ("list", "footnote", "reference", "front_matter",
// "inline_link").
std::string_view SourceOriginName(SourceOrigin origin);

struct SourceEntry {
  int number = 0;                  // 1-based position in Draft::sources
  std::string name;                // "CCI Provence-Alpes-Côte d’Azur – Article"
  std::string kind;                // "Article", "Rapport"... or ""
  std::string date;                // as written: "02/03/2023 (avec mise à jour avril 2024)"
  std::optional<text::Quantity> parsed_date;  // the first date in `date`, if any
  std::string url;                 // normalized http(s) URL, or "" when none is given
  std::optional<double> declared_reliability;  // "Fiabilité : 8/10" -> 8 (out of 10)
  bool from_inline_link = false;   // not in the list: a link in the prose
  Range range;                     // the whole entry
  Range url_range;                 // where the URL is written (empty when none)
  SourceOrigin origin = SourceOrigin::kList;  // kInlineLink iff from_inline_link
  // The label a marker uses for it: "1" for "[^1]: ..." and "[1]: https://...", the
  // list number for a numbered list entry ("3" for "3. **Name**"), else "".
  std::string label;
  bool operator==(const SourceEntry&) const = default;
};

struct Link {
  std::string text;
  std::string url;  // as written (relative links are kept but never fetched)
  Range range;
  bool operator==(const Link&) const = default;
};

struct Attribution {
  std::string name;     // as written: "CCI Provence-Alpes-Côte d'Azur"
  int source = -1;      // index into Draft::sources, or -1 when unresolved
  bool explicit_source = false;  // "(Source : X)" rather than "selon X"
  Range range;
  bool operator==(const Attribution&) const = default;
};

// A citation marker in the prose: a footnote reference "[^2]" or a bracketed source
// number "[3]", "[1, 4]" (one marker per number).
struct CitationMarker {
  size_t at = 0;        // text offset in its ProseBlock where the marker sits
  std::string label;    // "2" for "[^2]", "3" for "[3]"
  bool footnote = false;
  int source = -1;      // index into Draft::sources, or -1 when it designates none
  Range range;          // the marker as written
  bool operator==(const CitationMarker&) const = default;
};

struct Finding {
  // "placeholder", "source_count_mismatch", "unresolved_attribution",
  // "unresolved_citation" (a footnote or number that designates no source),
  // "source_without_url", "duplicate_source", "enumeration_mismatch" (a count
  // announcing a list of another length: "trois actions :" then four items)
  std::string code;
  std::string message;  // a sentence for people, in English
  Range range;
  bool operator==(const Finding&) const = default;
};

// A unit of prose (paragraph, heading, list item, quote, table cell) as plain text,
// inline markup removed, with the map back to the file. Soft line breaks become spaces
// and hard line breaks '\n'.
struct ProseBlock {
  enum class Kind { kParagraph, kHeading, kListItem, kTableCell };
  Kind kind = Kind::kParagraph;
  std::string text;
  int section = -1;          // index into Draft::sections of the enclosing heading
  bool in_sources = false;   // inside the sources list section
  // Pieces of `text` copied verbatim from the file: text bytes [text_begin,
  // text_begin + size) are file bytes [file_begin, file_begin + size).
  struct Piece {
    size_t text_begin = 0;
    size_t file_begin = 0;
    size_t size = 0;
    bool operator==(const Piece&) const = default;
  };
  std::vector<Piece> pieces;
  std::vector<text::Span> strong;  // text spans set in bold ("**Name**")
  std::vector<text::Span> code;    // text spans of inline code ("`n = 12`")
  std::vector<size_t> link_begins;  // text offsets where an inline link's text begins
  std::vector<size_t> link_ends;  // text offsets where an inline link's text ends
  std::vector<std::string> link_urls;  // the URL of each such link, same order
  // Footnote references and bracketed source numbers, in order. Their text is not
  // part of `text` for footnotes ("[^2]" is removed); bracketed numbers stay.
  std::vector<CitationMarker> markers;
  // A "Source : X" / "Sources : ..." line: it cites for the prose block before it and
  // states nothing itself.
  bool source_line = false;
  int list_depth = 0;       // kListItem: 1 in a top-level list, 2 in a list inside it...
  bool item_start = false;  // kListItem: the first block of its list item
  bool operator==(const ProseBlock&) const = default;
};

struct Draft {
  std::string path;      // as given, for messages
  std::string content;   // the file, as read
  std::vector<FrontMatterField> front_matter;
  std::string title;     // front matter "title", else the first heading
  // The front matter's "date" (or "published", "publication_date"), when it parses
  // as a date ("2025-07-30", "30/07/2025", "30 juillet 2025", "July 30, 2025").
  std::optional<text::Quantity> date;
  text::Lang lang = text::Lang::kUnknown;  // front matter "lang"/"language", else detected
  std::vector<Section> sections;
  std::vector<ProseBlock> blocks;
  std::vector<SourceEntry> sources;
  std::vector<Link> links;
  std::vector<Attribution> attributions;
  std::vector<Finding> findings;
  bool has_sources_section = false;  // a sources list (heading or "Sources :" line)
  std::vector<size_t> line_starts;  // byte offset where each line of `content` starts

  // The Range of text bytes [begin, end) of a block.
  Range RangeOf(const ProseBlock& block, size_t begin, size_t end) const;
  // The Range of file bytes [begin, end).
  Range FileRange(size_t begin, size_t end) const;
  // The front-matter value of `key` ("" when absent).
  std::string FrontMatterValue(std::string_view key) const;
};

// Parses a draft. Errors (kInvalidArgument, message "<path>:<line>: <what>"): empty
// file, binary content, malformed front matter, no source at all (no sources list,
// footnote, reference definition, front-matter list or link: "no sources list: ..."),
// a malformed or non-http(s) URL in a sources list, footnote or definition.
common::Result<Draft> ParseDraft(std::string_view path, std::string_view content);

// Reads and parses a file. Errors: those of common::ReadFile (naming the path) and of
// ParseDraft.
common::Result<Draft> LoadDraft(const std::filesystem::path& path);

// ---------------------------------------------------------------------------------
// Claims

// How a mention points at a source.
enum class CitationKind {
  kNamed = 0,  // "selon X", "(Source : X)", a "Source : X" line after the paragraph
  kLink,       // an inline or reference-style link in the sentence
  kFootnote,   // "[^2]"
  kNumber,     // "[3]": the third entry of a numbered list
};

// Stable snake_case name ("named", "link", "footnote", "number").
std::string_view CitationKindName(CitationKind kind);

struct Citation {
  CitationKind kind = CitationKind::kNamed;
  int source = -1;     // index into Draft::sources, or -1 when it designates none
  std::string label;   // the name, URL, footnote label or number as written
  Range range;         // where it is written
  bool operator==(const Citation&) const = default;
};

struct Mention {
  Range range;            // the quantity as written
  Range sentence_range;   // the sentence it sits in
  std::string sentence;   // that sentence's plain text
  int block = -1;         // index into Draft::blocks
  int section = -1;       // index into Draft::sections
  // The citations that back this mention: those of its sentence; failing that, those
  // of its paragraph or of a "Source :" line right after the paragraph.
  std::vector<Citation> citations;
  bool operator==(const Mention&) const = default;
};

struct Claim {
  std::string id;                      // "c1", "c2"... in order of first mention
  bool has_figure = true;              // false: a statement without any figure
  text::Quantity quantity;             // the figure, as first stated (when has_figure)
  std::vector<text::Quantity> qualifiers;  // dates and years that frame it ("En 2024")
  std::string sentence;                // the first mention's sentence
  // The content words of the sentence, folded (text::Fold), figures, stop words and
  // attribution words left out, hyphenated words split: "TPE-PME" -> "tpe", "pme".
  // Matching stems them in the language it works in.
  std::vector<std::string> context;
  bool negated = false;                // "n'utilisent pas", "not", in the figure's clause
  std::vector<int> sources;            // indexes into Draft::sources it is attributed to
  std::vector<Mention> mentions;       // every place the fact is stated, in order
  // What the figure is about, as written in the first mention (best effort, may be
  // ""): the noun phrase it quantifies ("13 % des TPE et PME françaises" -> "des TPE
  // et PME françaises"; "quatre axes principaux" -> "axes principaux"), else the
  // subject of its clause ("Le taux de chômage atteint 7 %" -> "Le taux de chômage").
  std::string subject;
  // What the clause says of it, from its verb to the end of the clause, attributions
  // left out ("ont intégré une solution d'intelligence artificielle dans leurs
  // activités"); it may contain the figure ("atteint 7 % dans la région"). "" when no
  // verb is found.
  std::string predicate;
  // The items a count announces, as written, when a colon and an enumeration or a
  // list follow it: "quatre axes : A, B, C et D" -> {"A", "B", "C", "D"}.
  std::vector<std::string> items;
  bool operator==(const Claim&) const = default;
};

// The check-worthy claims of the draft's prose. Not claims: numbers in the front
// matter, the sources list, footnote definitions, "Source :" lines, HTML comments and
// code; list numbering and citation markers; section numbers; declared ratings and
// scores; reading times; counts the article makes of itself ("cette analyse, basée
// sur trois sources", "voici trois actions"). A year or date in a sentence that states
// another figure qualifies that figure instead of being a claim of its own.
//
// Mentions of the same figure (kind, unit, value) with the same polarity are one fact
// when their sentences share enough content words, or when their subjects agree
// ("des PME françaises" / "des entreprises") and either the figure is distinctive
// (not round, not small, not a year) or the counted things are parts of one plan
// ("quatre axes" / "quatre phases" / "quatre domaines"). Linear in the draft's size
// but for the comparisons within each group of equal figures.
std::vector<Claim> ExtractClaims(const Draft& draft);

// The claims of a piece of text outside any draft -- a sentence sent to the API, a
// benchmark case: one claim per figure, as ExtractClaims finds them in one paragraph.
// A text with no figure gives a single claim with has_figure false whose context is
// the text's content words. Mentions point into `text` (line 1 is its first line).
std::vector<Claim> ClaimsOfText(std::string_view text, text::Lang lang);

}  // namespace citecheck::draft

#endif  // CITECHECK_DRAFT_DRAFT_H_
