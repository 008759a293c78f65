// citecheck publish: check a draft and record it in the registry of published
// articles, so that `citecheck audit` re-checks its sources and claims every night.
#include <iostream>

#include "cli/commands.h"
#include "cli/options.h"
#include "common/clock.h"
#include "common/log.h"
#include "crawler/crawler.h"
#include "draft/draft.h"
#include "service/service.h"

namespace citecheck::cli {
namespace {

using common::Result;
using common::Status;

constexpr char kPublishUsage[] =
    "usage: citecheck publish DRAFT.md [--url PUBLIC_URL] [--replay ARCHIVE.warc.gz]\n"
    "                         [--data-dir DIR] [--config FILE] [--TABLE.KEY=VALUE]\n"
    "                         [--quiet | --verbose]\n"
    "  Checks the draft (fetching its sources, or replaying them from an archive) and\n"
    "  records it as published: its claims, verdicts and evidence, and the text of\n"
    "  each source. Publishing the same URL (or path) again replaces the record.\n";

common::LogLevel Level(const ParsedArgs& a) {
  if (a.switches.contains("verbose")) return common::LogLevel::kInfo;
  if (a.switches.contains("quiet")) return common::LogLevel::kError;
  return common::LogLevel::kWarning;
}

// Checks the draft, records the check and the article; returns the article's id.
Result<int64_t> Publish(const ParsedArgs& a, common::Logger& logger) {
  CC_ASSIGN_OR_RETURN(const draft::Draft draft, draft::LoadDraft(a.positional[0]));
  CC_ASSIGN_OR_RETURN(service::Workspace ws, service::OpenWorkspace(a.config.store));
  common::SystemClock clock;
  std::unique_ptr<crawler::WarcWriter> warc;
  std::unique_ptr<crawler::Fetcher> fetcher;
  if (auto replay = a.flags.find("replay"); replay != a.flags.end()) {
    CC_ASSIGN_OR_RETURN(
        fetcher, crawler::ReplayFetcher::Open(replay->second, a.config.crawler.max_redirects));
  } else {
    if (a.config.crawler.archive) {
      CC_ASSIGN_OR_RETURN(warc, crawler::WarcWriter::Create(
                                    service::NewWarcPath(ws.warc_dir, clock.NowMicros()), clock));
    }
    CC_ASSIGN_OR_RETURN(fetcher,
                        crawler::CurlFetcher::Create(a.config.crawler, clock, warc.get(), &logger));
  }
  service::CheckService checks(a.config, *fetcher, *ws.store, *ws.index, clock, logger);
  CC_ASSIGN_OR_RETURN(const report::CheckReport report, checks.Check(draft));
  if (warc) CC_RETURN_IF_ERROR(warc->Close());
  const auto url = a.flags.find("url");
  CC_ASSIGN_OR_RETURN(
      store::ArticleRecord article,
      service::ArticleRecordOf(draft, report, url == a.flags.end() ? "" : url->second, *ws.store,
                               clock.NowMicros()));
  return ws.store->PublishArticle(article);
}

}  // namespace

int RunPublishCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  auto parsed =
      ParseArgs(args, {"url", "replay"}, {"quiet", "verbose", "help"}, {{"data-dir", "store.dir"}});
  if (!parsed.ok())
    return err << "citecheck: " << parsed.status().message() << "\n" << kPublishUsage, kExitError;
  const ParsedArgs& a = *parsed;
  if (a.switches.contains("help")) return out << kPublishUsage, kExitOk;
  if (a.positional.size() != 1) return err << kPublishUsage, kExitError;
  common::StderrLogger logger(Level(a));
  auto id = Publish(a, logger);
  if (!id.ok()) return err << "citecheck: " << id.status().message() << "\n", kExitError;
  out << "published " << a.positional[0] << " as article " << *id << "\n";
  return kExitOk;
}

}  // namespace citecheck::cli
