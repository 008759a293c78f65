// citecheck audit: the nightly re-check of published articles. Re-fetches every cited
// URL, re-verifies every claim, compares with the previous run, and reports what is
// new first (Markdown, HTML, JSON). Exit status 1 when something is newly broken.
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "common/clock.h"
#include "common/file.h"
#include "common/log.h"
#include "crawler/crawler.h"
#include "service/service.h"

namespace citecheck::cli {
namespace {

using common::Result;
using common::Status;

constexpr char kAuditUsage[] =
    "usage: citecheck audit [--articles DIR] [--urls FILE] [--shard I/N]\n"
    "                       [--format FORMAT[=PATH],...] [--data-dir DIR]\n"
    "                       [--config FILE] [--TABLE.KEY=VALUE] [--quiet | --verbose]\n"
    "  Without --articles, audits the articles recorded by `citecheck publish`.\n"
    "  --articles DIR   audit every *.md file under DIR instead (no registry needed)\n"
    "  --urls FILE      also audit these URLs, one per line, as links only\n"
    "  --shard I/N      only the URLs whose host falls in shard I of N\n"
    "  --format         markdown (default), html, json; FORMAT=PATH writes a file\n"
    "Exit status: 0 nothing newly broken, 1 a link or claim broke since the last run,\n"
    "2 usage or internal error. An interrupted run is resumed by the next one.\n";

struct Output {
  std::string format;
  std::string path;  // "" for standard output
};

Result<std::vector<Output>> ParseFormats(std::string_view spec) {
  std::vector<Output> outputs;
  while (!spec.empty()) {
    const size_t comma = spec.find(',');
    const std::string_view item = spec.substr(0, comma);
    spec = comma == std::string_view::npos ? std::string_view() : spec.substr(comma + 1);
    const size_t eq = item.find('=');
    Output o{std::string(item.substr(0, eq)),
             eq == std::string_view::npos ? "" : std::string(item.substr(eq + 1))};
    if (o.format != "markdown" && o.format != "html" && o.format != "json") {
      return Status::InvalidArgument("--format: unknown format \"" + o.format +
                                     "\" (markdown, html or json)");
    }
    if (o.path == "-") o.path.clear();
    outputs.push_back(std::move(o));
  }
  if (outputs.empty()) outputs.push_back({"markdown", ""});
  return outputs;
}

Result<std::vector<std::string>> ReadUrlList(const std::string& path) {
  CC_ASSIGN_OR_RETURN(const std::string text, common::ReadFile(path));
  std::vector<std::string> urls;
  size_t at = 0;
  while (at < text.size()) {
    size_t nl = text.find('\n', at);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(at, nl - at);
    at = nl + 1;
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    const size_t start = line.find_first_not_of(" \t");
    if (start == std::string::npos || line[start] == '#') continue;
    urls.push_back(line.substr(start));
  }
  return urls;
}

Result<service::AuditInput> Input(const ParsedArgs& a, const store::Store& store) {
  service::AuditInput input;
  if (auto dir = a.flags.find("articles"); dir != a.flags.end()) {
    CC_ASSIGN_OR_RETURN(input, service::ArticlesAuditInput(dir->second));
  } else if (!a.flags.contains("urls")) {
    CC_ASSIGN_OR_RETURN(input, service::RegistryAuditInput(store));
  }
  if (auto list = a.flags.find("urls"); list != a.flags.end()) {
    CC_ASSIGN_OR_RETURN(input.urls, ReadUrlList(list->second));
    const std::string scope =
        "urls:" + std::filesystem::absolute(list->second).lexically_normal().string();
    input.scope = input.scope.empty() ? scope : input.scope + "+" + scope;
  }
  return input;
}

// Everything a run needs that must outlive the service: archive, cache, fetchers.
struct Machinery {
  std::unique_ptr<crawler::WarcWriter> warc;
  std::unique_ptr<crawler::StoreResponseCache> cache;
  std::unique_ptr<crawler::Fetcher> mementos;
};

Result<service::AuditReport> RunAudit(const ParsedArgs& a, common::Logger& logger) {
  CC_ASSIGN_OR_RETURN(service::Workspace ws, service::OpenWorkspace(a.config.store));
  service::AuditShard shard;
  if (auto s = a.flags.find("shard"); s != a.flags.end()) {
    CC_ASSIGN_OR_RETURN(shard, service::ParseShard(s->second));
  }
  CC_ASSIGN_OR_RETURN(const service::AuditInput input, Input(a, *ws.store));
  common::SystemClock clock;
  const common::CrawlerConfig& crawl = a.config.crawler;
  Machinery m;
  if (crawl.archive) {
    CC_ASSIGN_OR_RETURN(m.warc, crawler::WarcWriter::Create(
                                    service::NewWarcPath(ws.warc_dir, clock.NowMicros()), clock,
                                    {crawl.warc_max_bytes, crawl.warc_compression_level}));
  }
  m.cache = std::make_unique<crawler::StoreResponseCache>(*ws.store);
  CC_ASSIGN_OR_RETURN(m.mementos, crawler::CurlFetcher::Create(crawl, clock, nullptr, &logger));
  auto factory =
      [&](crawler::ResultListener* listener) -> Result<std::unique_ptr<crawler::Fetcher>> {
    crawler::CurlFetcherOptions options;
    options.archive = m.warc.get();
    options.logger = &logger;
    options.cache = m.cache.get();
    options.results = listener;
    // The listener records every body as it comes; the returned results need none, so
    // thousands of pages are never held at once.
    options.return_bodies = listener == nullptr;
    CC_ASSIGN_OR_RETURN(auto fetcher, crawler::CurlFetcher::Create(crawl, clock, options));
    return std::unique_ptr<crawler::Fetcher>(std::move(fetcher));
  };
  service::AuditService audit(a.config, factory, ws.dir / "citecheck.db", *ws.store, *ws.index,
                              clock, logger, m.mementos.get());
  auto report = audit.Run(input, shard);
  if (m.warc) CC_RETURN_IF_ERROR(m.warc->Close());
  return report;
}

Status WriteOutputs(const std::vector<Output>& outputs, const service::AuditReport& r,
                    std::ostream& out) {
  for (const Output& o : outputs) {
    const std::string text = o.format == "json"   ? service::RenderAuditJson(r)
                             : o.format == "html" ? service::RenderAuditHtml(r)
                                                  : service::RenderAuditMarkdown(r);
    if (o.path.empty()) {
      out << text;
    } else {
      CC_RETURN_IF_ERROR(common::WriteFileAtomically(o.path, text));
    }
  }
  return Status::Ok();
}

common::LogLevel Level(const ParsedArgs& a) {
  if (a.switches.contains("verbose")) return common::LogLevel::kInfo;
  if (a.switches.contains("quiet")) return common::LogLevel::kError;
  return common::LogLevel::kWarning;
}

}  // namespace

int RunAuditCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto parsed = ParseArgs(args, {"articles", "urls", "shard", "format"},
                          {"quiet", "verbose", "help"}, {{"data-dir", "store.dir"}});
  if (!parsed.ok())
    return err << "citecheck: " << parsed.status().message() << "\n" << kAuditUsage, kExitError;
  const ParsedArgs& a = *parsed;
  if (a.switches.contains("help")) return out << kAuditUsage, kExitOk;
  if (!a.positional.empty()) return err << kAuditUsage, kExitError;
  const auto format = a.flags.find("format");
  auto outputs = ParseFormats(format == a.flags.end() ? "" : format->second);
  if (!outputs.ok()) return err << "citecheck: " << outputs.status().message() << "\n", kExitError;
  common::StderrLogger logger(Level(a));
  auto report = RunAudit(a, logger);
  if (!report.ok()) return err << "citecheck: " << report.status().message() << "\n", kExitError;
  if (Status written = WriteOutputs(*outputs, *report, out); !written.ok()) {
    return err << "citecheck: " << written.message() << "\n", kExitError;
  }
  return service::HasNewlyBroken(*report) ? kExitBelowMinimum : kExitOk;
}

}  // namespace citecheck::cli
