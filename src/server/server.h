// server: the HTTP API (`citecheck serve`), so that editors' tools, CMSs and content
// pipelines can ask "does this draft hold up?" without shelling out.
//
// Endpoints (docs/api/openapi.json describes them; the server serves that very file at
// /v1/openapi.json):
//   POST /v1/checks                      a draft (Markdown, or JSON {draft, options}):
//                                        the report when done within the wait limit,
//                                        else 202 with a Location to poll
//   GET  /v1/checks/{id}                 the check's state, and its report when done
//   GET  /v1/checks/{id}/report.html     the HTML report; report.sarif: SARIF 2.1.0
//   GET  /v1/checks/{id}/claimreview     ClaimReview JSON-LD for every claim
//   GET  /v1/checks/{id}/claims/{claim}/claimreview   for one claim
//   POST /v1/claims:verify               {claim, lang, url | text} -> verdict, support,
//                                        evidence (as `citecheck verify-claims`)
//   GET  /v1/sources?url=...             fetch outcome, reliability with its reasons,
//                                        extracted text
//   GET  /healthz, /readyz, /metrics     probes and Prometheus metrics
//
// Boost.Beast, asynchronous, on server.io_threads threads; fetching, extraction,
// indexing, verification and the database run on worker threads, never on an I/O
// thread. Checks are jobs in the store's database: a stop loses none.
//
//   auto server = server::Server::Start(config, clock, logger);
//   (*server)->StopOnSignals();   // SIGINT, SIGTERM
//   common::Status drained = (*server)->Wait();
//
// Thread-safety: RequestStop may be called from any thread; Wait from one thread.
#ifndef CITECHECK_SERVER_SERVER_H_
#define CITECHECK_SERVER_SERVER_H_

#include <memory>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/config.h"
#include "common/log.h"
#include "common/status.h"

namespace citecheck::server {

class Server {
 public:
  // Opens the data directory (config.store.dir), loads the tokens file, binds
  // config.server.listen, queues again the checks a previous process left running, and
  // starts serving. `clock` and `logger` must outlive the server. Errors:
  // kInvalidArgument for a bad listen address or tokens file; kIoError when the
  // address cannot be bound or the data directory opened.
  static common::Result<std::unique_ptr<Server>> Start(const common::Config& config,
                                                       const common::Clock& clock,
                                                       common::Logger& logger);
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  // Stops as Wait does, then joins every thread (which may outlast the grace period:
  // a running check ends only when its fetches do).
  ~Server();

  // The port listened on (useful with port 0).
  int port() const;

  // Makes SIGINT and SIGTERM call RequestStop.
  void StopOnSignals();

  // Stops taking work (no new connection, 503 for new API requests, no check
  // starts) and returns at once; Wait lets the rest finish. Idempotent.
  void RequestStop();

  // Blocks until a stop is requested, then shuts down gracefully: stops accepting,
  // answers new API requests with 503, lets running checks and requests finish (queued
  // checks stay in the database for the next start), closes idle connections. OK when
  // everything finished within server.shutdown_grace_ms; kDeadlineExceeded otherwise,
  // naming what was still running -- a process may then exit at once (std::_Exit);
  // the interrupted checks run again after a restart.
  common::Status Wait();

 private:
  class Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The line of a tokens file (server.tokens_file) for `token`: its SHA-256 in hex. The
// file holds these, never the tokens.
std::string HashToken(std::string_view token);

}  // namespace citecheck::server

#endif  // CITECHECK_SERVER_SERVER_H_
