// draft: a Markdown draft as citecheck sees it, and the claims it makes.
//
// ParseDraft reads YAML front matter (yaml-cpp), the Markdown body (cmark-gfm, with
// source positions), the sections, the sources list ("## Sources et références",
// "## Sources", "## References", ...: numbered or bulleted entries with name, kind,
// date, URL and declared reliability), inline links, and inline attributions such as
// "(Source : CCI Provence-Alpes-Côte d'Azur)" or "selon X", resolved to the source
// entry they name. Everything keeps its place in the file (byte offsets, line:column).
// Things a careful editor would flag -- placeholders standing for missing content, a
// front-matter source count that disagrees with the list, an attribution that names no
// listed source -- become findings.
//
// ExtractClaims then finds the check-worthy quantities of the prose and groups the
// mentions of one fact into one claim.
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

struct SourceEntry {
  int number = 0;                  // 1-based position in the sources list
  std::string name;                // "CCI Provence-Alpes-Côte d’Azur – Article"
  std::string kind;                // "Article", "Rapport"... or ""
  std::string date;                // as written: "02/03/2023 (avec mise à jour avril 2024)"
  std::optional<text::Quantity> parsed_date;  // the first date in `date`, if any
  std::string url;                 // normalized http(s) URL, or "" when none is given
  std::optional<double> declared_reliability;  // "Fiabilité : 8/10" -> 8 (out of 10)
  bool from_inline_link = false;   // not in the list: a link in the prose
  Range range;                     // the whole entry
  Range url_range;                 // where the URL is written (empty when none)
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

struct Finding {
  // "placeholder", "source_count_mismatch", "unresolved_attribution",
  // "source_without_url", "duplicate_source"
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
  std::vector<size_t> link_ends;  // text offsets where an inline link's text ends
  std::vector<std::string> link_urls;  // the URL of each such link, same order
  bool operator==(const ProseBlock&) const = default;
};

struct Draft {
  std::string path;      // as given, for messages
  std::string content;   // the file, as read
  std::vector<FrontMatterField> front_matter;
  std::string title;     // front matter "title", else the first heading
  text::Lang lang = text::Lang::kUnknown;  // front matter "lang"/"language", else detected
  std::vector<Section> sections;
  std::vector<ProseBlock> blocks;
  std::vector<SourceEntry> sources;
  std::vector<Link> links;
  std::vector<Attribution> attributions;
  std::vector<Finding> findings;
  bool has_sources_section = false;
  std::vector<size_t> line_starts;  // byte offset where each line of `content` starts

  // The Range of text bytes [begin, end) of a block.
  Range RangeOf(const ProseBlock& block, size_t begin, size_t end) const;
  // The Range of file bytes [begin, end).
  Range FileRange(size_t begin, size_t end) const;
  // The front-matter value of `key` ("" when absent).
  std::string FrontMatterValue(std::string_view key) const;
};

// Parses a draft. Errors (kInvalidArgument, message "<path>:<line>: <what>"): empty
// file, binary content, malformed front matter, no sources list, a malformed or
// non-http(s) URL in the sources list.
common::Result<Draft> ParseDraft(std::string_view path, std::string_view content);

// Reads and parses a file. Errors: those of common::ReadFile (naming the path) and of
// ParseDraft.
common::Result<Draft> LoadDraft(const std::filesystem::path& path);

// ---------------------------------------------------------------------------------
// Claims

struct Mention {
  Range range;            // the quantity as written
  Range sentence_range;   // the sentence it sits in
  std::string sentence;   // that sentence's plain text
  int block = -1;         // index into Draft::blocks
  int section = -1;       // index into Draft::sections
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
  bool negated = false;                // "n'utilisent pas", "not"
  std::vector<int> sources;            // indexes into Draft::sources it is attributed to
  std::vector<Mention> mentions;       // every place the fact is stated, in order
  bool operator==(const Claim&) const = default;
};

// The check-worthy claims of the draft's prose. Not claims: numbers in the front
// matter, the sources list, HTML comments and code; list numbering; declared ratings;
// counts the article makes of itself ("cette analyse, basée sur trois sources").
// A year or date in a sentence that states another figure qualifies that figure
// instead of being a claim of its own. Mentions of the same figure about the same
// thing are grouped into one claim.
std::vector<Claim> ExtractClaims(const Draft& draft);

// The claims of a piece of text outside any draft -- a sentence sent to the API, a
// benchmark case: one claim per figure, as ExtractClaims finds them in one paragraph.
// A text with no figure gives a single claim with has_figure false whose context is
// the text's content words. Mentions point into `text` (line 1 is its first line).
std::vector<Claim> ClaimsOfText(std::string_view text, text::Lang lang);

}  // namespace citecheck::draft

#endif  // CITECHECK_DRAFT_DRAFT_H_
