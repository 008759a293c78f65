// service: the check pipeline shared by the command line and the HTTP server.
//
// A check reads a parsed draft, extracts its claims, fetches every cited URL (through
// whatever Fetcher it is given: the network, or a WARC archive to replay), extracts
// and indexes the pages, verifies each claim, rates each source, and records the whole
// run in the store in one transaction. The data directory holds citecheck.db, index/
// and warc/.
//
//   auto ws = service::OpenWorkspace(config.store);
//   service::CheckService checks(config, fetcher, *ws->store, *ws->index, clock, logger);
//   auto report = checks.Check(*draft);
//
// Thread-safety: a CheckService is used by one thread at a time.
#ifndef CITECHECK_SERVICE_SERVICE_H_
#define CITECHECK_SERVICE_SERVICE_H_

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/config.h"
#include "common/log.h"
#include "common/status.h"
#include "crawler/crawler.h"
#include "draft/draft.h"
#include "extract/extract.h"
#include "index/index.h"
#include "report/report.h"
#include "store/store.h"

namespace citecheck::service {

struct Workspace {
  std::filesystem::path dir;
  std::unique_ptr<store::Store> store;
  std::unique_ptr<index::Index> index;
  std::filesystem::path warc_dir;
};

// Opens the data directory, creating it and its parts when missing.
// Errors: kIoError naming the directory that cannot be created or opened.
common::Result<Workspace> OpenWorkspace(const common::StoreConfig& config);

// A new archive file name under `warc_dir` for a run starting at `now_micros`:
// "<warc_dir>/citecheck-20250730T120000Z-<pid>.warc.gz".
std::filesystem::path NewWarcPath(const std::filesystem::path& warc_dir, int64_t now_micros);

// Why a fetch gives nothing to read, for people: "DNS failure: could not resolve host
// x.fr", "HTTP 404 Not Found", "not in the archive".
std::string FailureReason(const crawler::FetchResult& fetch);

// What the pipeline learned about one source URL.
struct SourceRead {
  crawler::FetchResult fetch;
  std::optional<extract::Document> doc;  // when the body was read; doc->lang is set
  std::string failure;                   // why it was not, otherwise
};

// Extracts a fetched body and indexes its passages under fetch.url (replacing what the
// index held for that URL). A page that cannot be read is a `failure`, not an error;
// errors come from the index only.
common::Result<SourceRead> ReadFetched(crawler::FetchResult fetch, index::Index& index);

// Indexes an extracted document under `url`: its blocks cut into passages, in its
// language (declared, else detected).
common::Status IndexDocument(const std::string& url, const extract::Document& doc,
                             index::Index& index);

// Fetches `urls` (each once), reads and indexes every page, and commits the index.
// Logs one line per URL. Results are keyed by the URL as given.
common::Result<std::map<std::string, SourceRead>> ReadSources(
    const std::vector<std::string>& urls, crawler::Fetcher& fetcher, index::Index& index,
    common::Logger& logger);

class CheckService {
 public:
  // Every reference must outlive the service.
  CheckService(const common::Config& config, crawler::Fetcher& fetcher, store::Store& store,
               index::Index& index, const common::Clock& clock, common::Logger& logger);
  CheckService(const CheckService&) = delete;
  CheckService& operator=(const CheckService&) = delete;

  // Runs the whole check. Errors only for failures of our own machinery (the store,
  // the index); unreachable sources are verdicts, not errors.
  common::Result<report::CheckReport> Check(const draft::Draft& draft);

 private:
  const common::Config& config_;
  crawler::Fetcher& fetcher_;
  store::Store& store_;
  index::Index& index_;
  const common::Clock& clock_;
  common::Logger& logger_;
};

}  // namespace citecheck::service

#endif  // CITECHECK_SERVICE_SERVICE_H_
