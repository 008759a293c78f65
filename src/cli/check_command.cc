#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "common/clock.h"
#include "common/file.h"
#include "common/log.h"
#include "crawler/crawler.h"
#include "draft/draft.h"
#include "report/report.h"
#include "service/service.h"

namespace citecheck::cli {
namespace {

using common::Result;
using common::Status;

constexpr char kCheckUsage[] =
    "usage: citecheck check DRAFT.md [--replay ARCHIVE.warc.gz] [--format FORMAT[=PATH],...]\n"
    "                       [--output FILE] [--min-integrity 0..1] [--data-dir DIR]\n"
    "                       [--config FILE] [--set KEY=VALUE] [--TABLE.KEY=VALUE]\n"
    "                       [--quiet | --verbose]\n"
    "formats: text, json, html, sarif, markdown, junit, claimreview; several at once, each\n"
    "to standard output or to a file: --format text,json=out.json,html=report.html\n"
    "(--output FILE sends the format given without a file there)\n";

int Fail(std::ostream& err, const Status& s) {
  err << "citecheck: " << s.message() << "\n";
  return kExitError;
}

common::LogLevel Level(const ParsedArgs& a) {
  if (a.switches.contains("verbose")) return common::LogLevel::kInfo;
  if (a.switches.contains("quiet")) return common::LogLevel::kError;
  return common::LogLevel::kWarning;
}

bool UseColor(const common::ReportConfig& c, bool to_terminal) {
  if (c.color == "always") return true;
  if (c.color == "never") return false;
  return to_terminal && std::getenv("NO_COLOR") == nullptr;
}

// The network (with every response archived) or an archive replayed.
struct Fetching {
  std::unique_ptr<crawler::WarcWriter> warc;
  std::unique_ptr<crawler::Fetcher> fetcher;
};

Result<Fetching> MakeFetcher(const ParsedArgs& a, const service::Workspace& ws,
                             const common::Clock& clock, common::Logger& logger) {
  Fetching f;
  if (auto replay = a.flags.find("replay"); replay != a.flags.end()) {
    CC_ASSIGN_OR_RETURN(
        f.fetcher, crawler::ReplayFetcher::Open(replay->second, a.config.crawler.max_redirects));
    return f;
  }
  if (a.config.crawler.archive) {
    CC_ASSIGN_OR_RETURN(f.warc, crawler::WarcWriter::Create(
                                    service::NewWarcPath(ws.warc_dir, clock.NowMicros()), clock));
  }
  CC_ASSIGN_OR_RETURN(f.fetcher,
                      crawler::CurlFetcher::Create(a.config.crawler, clock, f.warc.get(), &logger));
  return f;
}

// The outputs report.format (--format) asks for. --output FILE sends the one that has
// no file of its own there, as it did when there was only one format.
Result<std::vector<report::Output>> Outputs(const ParsedArgs& a) {
  CC_ASSIGN_OR_RETURN(std::vector<report::Output> outputs,
                      report::ParseOutputs(a.config.report.format));
  auto output = a.flags.find("output");
  if (output == a.flags.end() || output->second == "-") return outputs;
  for (report::Output& o : outputs) {
    if (o.path == output->second) break;
    if (!o.path.empty()) continue;
    o.path = output->second;
    return outputs;
  }
  return Status::InvalidArgument("--output " + output->second +
                                 ": no format left for it (each already has a file)");
}

// Files are written whole and atomically, so a CI step never reads half a report.
Status Emit(const ParsedArgs& a, const std::vector<report::Output>& outputs,
            const report::CheckReport& r, std::ostream& out) {
  for (const report::Output& o : outputs) {
    const bool color = o.path.empty() && UseColor(a.config.report, ::isatty(1));
    const std::string text = report::Render(r, o.format, {color});
    if (o.path.empty()) {
      out << text;
      continue;
    }
    CC_RETURN_IF_ERROR(common::WriteFileAtomically(o.path, text));
  }
  return Status::Ok();
}

}  // namespace

int RunCheckCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto parsed = ParseArgs(args, {"replay", "output"}, {"quiet", "verbose", "help"},
                          {{"min-integrity", "check.min_integrity"},
                           {"format", "report.format"},
                           {"data-dir", "store.dir"},
                           {"color", "report.color"}});
  if (!parsed.ok()) return Fail(err, parsed.status()), err << kCheckUsage, kExitError;
  const ParsedArgs& a = *parsed;
  if (a.switches.contains("help")) return out << kCheckUsage, kExitOk;
  if (a.positional.size() != 1) {
    err << "citecheck check: expected one draft file\n" << kCheckUsage;
    return kExitError;
  }
  auto outputs = Outputs(a);
  if (!outputs.ok()) return Fail(err, outputs.status());
  // The draft is read and checked before anything is created on disk, so that bad
  // input leaves no trace in the data directory.
  auto draft = draft::LoadDraft(a.positional[0]);
  if (!draft.ok()) return Fail(err, draft.status());
  common::StderrLogger logger(Level(a));
  common::SystemClock clock;
  auto ws = service::OpenWorkspace(a.config.store);
  if (!ws.ok()) return Fail(err, ws.status());
  auto fetching = MakeFetcher(a, *ws, clock, logger);
  if (!fetching.ok()) return Fail(err, fetching.status());
  service::CheckService checks(a.config, *fetching->fetcher, *ws->store, *ws->index, clock, logger);
  auto report = checks.Check(*draft);
  if (fetching->warc) {
    Status closed = fetching->warc->Close();
    if (!closed.ok()) logger.Error("archive: " + closed.message());
  }
  if (!report.ok()) return Fail(err, report.status());
  Status emitted = Emit(a, *outputs, *report, out);
  if (!emitted.ok()) return Fail(err, emitted);
  return report->passed() ? kExitOk : kExitBelowMinimum;
}

}  // namespace citecheck::cli
