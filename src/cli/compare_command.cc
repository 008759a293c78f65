// citecheck compare: what a rewrite of a draft kept, changed, dropped and added.
#include <boost/json.hpp>
#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "draft/draft.h"
#include "verify/verify.h"

namespace citecheck::cli {
namespace {

namespace json = boost::json;

constexpr char kUsage[] =
    "usage: citecheck compare ORIGINAL.md REWRITE.md [--format text|json]\n"
    "                         [--config FILE] [--set KEY=VALUE]\n"
    "Lists the facts the rewrite kept, derived, changed, added and dropped, the sources\n"
    "it dropped or replaced by a placeholder, and its integrity against the original.\n";

std::string Where(const draft::Range& r) {
  return r.line > 0 ? std::to_string(r.line) + ":" + std::to_string(r.column) : "-";
}

std::string Score(double v) {
  char buf[16];
  std::snprintf(buf, sizeof(buf), "%.2f", v);
  return buf;
}

void PrintText(const draft::Draft& a, const draft::Draft& b, const verify::Comparison& c,
               std::ostream& out) {
  int counts[5] = {0, 0, 0, 0, 0};
  for (const verify::FactChange& f : c.facts) ++counts[static_cast<int>(f.kind)];
  out << "compare " << a.path << " -> " << b.path << "\n";
  out << "facts: " << counts[0] << " kept, " << counts[1] << " derived, " << counts[2]
      << " changed, " << counts[3] << " added, " << counts[4] << " dropped\n";
  for (const verify::FactChange& f : c.facts) {
    out << "  " << verify::FactChangeName(f.kind) << "  ";
    if (!f.original_figure.empty())
      out << "\"" << f.original_figure << "\" (" << Where(f.original_range) << ")";
    if (!f.original_figure.empty() && !f.rewrite_figure.empty()) out << " -> ";
    if (!f.rewrite_figure.empty())
      out << "\"" << f.rewrite_figure << "\" (" << Where(f.rewrite_range) << ")";
    out << ": " << f.reason << "\n";
  }
  out << "sources: ";
  if (c.sources.empty()) out << "the same";
  out << "\n";
  for (const verify::SourceChange& s : c.sources) {
    out << "  " << s.kind << "  " << s.name;
    if (!s.url.empty()) out << " <" << s.url << ">";
    out << " (" << Where(s.range) << ")\n";
  }
  const verify::Tally& t = c.rewrite;
  out << "rewrite integrity: " << Score(c.integrity) << " (" << t.supported << " of " << t.total()
      << " facts backed by the original with a source still listed; " << t.contradicted
      << " changed, " << t.not_found << " not in the original, " << t.unverifiable
      << " whose sources were dropped)\n";
}

json::object RangeJson(const draft::Range& r) {
  return {{"line", r.line},
          {"column", r.column},
          {"end_line", r.end_line},
          {"end_column", r.end_column}};
}

void PrintJson(const draft::Draft& a, const draft::Draft& b, const verify::Comparison& c,
               std::ostream& out) {
  json::array facts;
  for (const verify::FactChange& f : c.facts) {
    json::object o{{"kind", verify::FactChangeName(f.kind)}, {"reason", f.reason}};
    if (!f.original_id.empty()) {
      o["original"] = json::object{{"claim", f.original_id},
                                   {"figure", f.original_figure},
                                   {"range", RangeJson(f.original_range)}};
    } else if (!f.original_figure.empty()) {
      o["original"] = json::object{{"figure", f.original_figure}};
    }
    if (!f.rewrite_id.empty()) {
      o["rewrite"] = json::object{{"claim", f.rewrite_id},
                                  {"figure", f.rewrite_figure},
                                  {"range", RangeJson(f.rewrite_range)}};
    }
    if (!f.derivation.empty()) o["derivation"] = f.derivation;
    facts.push_back(std::move(o));
  }
  json::array sources;
  for (const verify::SourceChange& s : c.sources) {
    sources.push_back(json::object{
        {"kind", s.kind}, {"name", s.name}, {"url", s.url}, {"range", RangeJson(s.range)}});
  }
  const verify::Tally& t = c.rewrite;
  json::object root{{"original", a.path},
                    {"rewrite", b.path},
                    {"facts", std::move(facts)},
                    {"sources", std::move(sources)},
                    {"integrity", json::object{{"score", c.integrity},
                                               {"supported", t.supported},
                                               {"contradicted", t.contradicted},
                                               {"not_found", t.not_found},
                                               {"unverifiable", t.unverifiable}}}};
  out << json::serialize(root) << "\n";
}

}  // namespace

int RunCompareCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto parsed = ParseArgs(args, {}, {"help"}, {{"format", "report.format"}});
  if (!parsed.ok()) {
    err << "citecheck compare: " << parsed.status().message() << "\n" << kUsage;
    return kExitError;
  }
  const ParsedArgs& a = *parsed;
  if (a.switches.contains("help")) return out << kUsage, kExitOk;
  if (a.positional.size() != 2) {
    err << "citecheck compare: expected two drafts, the original and the rewrite\n" << kUsage;
    return kExitError;
  }
  auto original = draft::LoadDraft(a.positional[0]);
  if (!original.ok())
    return err << "citecheck: " << original.status().message() << "\n", kExitError;
  auto rewrite = draft::LoadDraft(a.positional[1]);
  if (!rewrite.ok()) return err << "citecheck: " << rewrite.status().message() << "\n", kExitError;
  auto comparison = verify::CompareDrafts(*original, *rewrite, a.config.verify);
  if (!comparison.ok())
    return err << "citecheck: " << comparison.status().message() << "\n", kExitError;
  if (a.config.report.format == "json") {
    PrintJson(*original, *rewrite, *comparison, out);
  } else {
    PrintText(*original, *rewrite, *comparison, out);
  }
  return kExitOk;
}

}  // namespace citecheck::cli
