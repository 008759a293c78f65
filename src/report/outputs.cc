// Choosing and rendering outputs: the --format list of `citecheck check`.
#include <algorithm>

#include "report/report.h"

namespace citecheck::report {
namespace {

using common::Result;
using common::Status;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

Result<Format> ParseFormat(std::string_view name) {
  for (Format f : AllFormats()) {
    if (FormatName(f) == name) return f;
  }
  std::string known;
  for (Format f : AllFormats()) known += (known.empty() ? "" : ", ") + std::string(FormatName(f));
  return Status::InvalidArgument("unknown report format \"" + std::string(name) +
                                 "\": expected one of " + known);
}

Result<Output> ParseItem(std::string_view item) {
  const size_t eq = item.find('=');
  CC_ASSIGN_OR_RETURN(Format format, ParseFormat(Trim(item.substr(0, eq))));
  Output out{format, ""};
  if (eq == std::string_view::npos) return out;
  const std::string_view path = Trim(item.substr(eq + 1));
  if (path.empty()) {
    return Status::InvalidArgument("report format \"" + std::string(item) +
                                   "\": empty path after '='");
  }
  if (path != "-") out.path = std::string(path);
  return out;
}

}  // namespace

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kText:
      return "text";
    case Format::kJson:
      return "json";
    case Format::kHtml:
      return "html";
    case Format::kSarif:
      return "sarif";
    case Format::kMarkdown:
      return "markdown";
    case Format::kJunit:
      return "junit";
    case Format::kClaimReview:
      return "claimreview";
  }
  return "";
}

const std::vector<Format>& AllFormats() {
  static const std::vector<Format> kAll = {Format::kText,       Format::kJson,     Format::kHtml,
                                           Format::kSarif,      Format::kMarkdown, Format::kJunit,
                                           Format::kClaimReview};
  return kAll;
}

Result<std::vector<Output>> ParseOutputs(std::string_view spec) {
  std::vector<Output> outputs;
  if (Trim(spec).empty()) return Status::InvalidArgument("no report format given");
  size_t start = 0;
  while (start <= spec.size()) {
    size_t comma = spec.find(',', start);
    if (comma == std::string_view::npos) comma = spec.size();
    const std::string_view item = Trim(spec.substr(start, comma - start));
    if (item.empty())
      return Status::InvalidArgument("empty item in report formats \"" + std::string(spec) + "\"");
    CC_ASSIGN_OR_RETURN(Output out, ParseItem(item));
    const bool clash = std::any_of(outputs.begin(), outputs.end(),
                                   [&](const Output& o) { return o.path == out.path; });
    if (clash && out.path.empty()) {
      return Status::InvalidArgument("report formats \"" + std::string(spec) +
                                     "\": only one can go to standard output; give the others a "
                                     "file, as in html=report.html");
    }
    if (clash)
      return Status::InvalidArgument("report formats \"" + std::string(spec) + "\": \"" + out.path +
                                     "\" is written twice");
    outputs.push_back(std::move(out));
    start = comma + 1;
  }
  return outputs;
}

std::string Render(const CheckReport& report, Format format, const RenderOptions& options) {
  switch (format) {
    case Format::kText:
      return RenderText(report, TextOptions{options.color});
    case Format::kJson:
      return RenderJson(report);
    case Format::kHtml:
      return RenderHtml(report);
    case Format::kSarif:
      return RenderSarif(report);
    case Format::kMarkdown:
      return RenderMarkdown(report);
    case Format::kJunit:
      return RenderJunit(report);
    case Format::kClaimReview:
      return RenderClaimReview(report);
  }
  return "";
}

}  // namespace citecheck::report
