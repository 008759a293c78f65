// The API behind the HTTP sessions: routing, authentication, rate limiting, metrics,
// and the handlers. A session hands each request to Api::Handle and writes whatever
// reply comes back.
//
// Cheap routes (probes, metrics, the OpenAPI document) are answered on the calling
// I/O thread; everything that touches the network, the disk, the index or the
// verifier runs on the worker pool.
//
// Thread-safety: Handle and the other methods may be called from any thread.
#ifndef CITECHECK_SERVER_INTERNAL_API_H_
#define CITECHECK_SERVER_INTERNAL_API_H_

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "common/clock.h"
#include "common/config.h"
#include "common/log.h"
#include "server/internal/audits.h"
#include "server/internal/auth.h"
#include "server/internal/jobs.h"
#include "server/internal/metrics.h"
#include "server/internal/reply.h"
#include "server/internal/router.h"
#include "server/internal/source_cache.h"
#include "server/internal/sources.h"
#include "server/internal/store_pool.h"

namespace citecheck::server::internal {

using Request = boost::beast::http::request<boost::beast::http::string_body>;

// Called once with the reply, from any thread.
using Respond = std::function<void(Reply)>;

// Everything the handlers use. Owned by the Server; outlives the Api.
struct ApiContext {
  const common::Config& config;
  const common::Clock& clock;
  common::Logger& logger;
  Metrics& metrics;
  StorePool& stores;
  JobRunner& jobs;
  AuditRunner& audits;
  SourceCache& sources;
  const SourceReader& reader;
  const TokenTable& tokens;
  RateLimiter& limiter;
  boost::asio::thread_pool& workers;
};

// One request on its way through a handler.
struct Call {
  Request request;
  RouteMatch match;
  Caller caller;
  boost::asio::any_io_executor executor;  // the connection's strand, for timers
};

class Api {
 public:
  explicit Api(ApiContext context) : ctx_(context) {}
  Api(const Api&) = delete;
  Api& operator=(const Api&) = delete;

  // Answers `request` from `peer` (the client's address). `respond` is called exactly
  // once, possibly before Handle returns, possibly from a worker thread.
  void Handle(Request request, const std::string& peer, boost::asio::any_io_executor executor,
              Respond respond);

  // From now on /v1 requests get 503 and /readyz says not ready.
  void BeginShutdown() { draining_ = true; }
  bool draining() const { return draining_; }
  // Requests handed to Handle and not yet answered.
  int in_flight() const { return in_flight_; }

 private:
  // Authentication and rate limit; nullopt when the call may go on.
  std::optional<ApiError> Admit(const Route& route, const Request& request,
                                const std::string& peer, Caller& caller);
  Reply Inline(RouteId id);
  void Pooled(std::shared_ptr<Call> call, Respond respond);

  ApiContext ctx_;
  std::atomic<bool> draining_{false};
  std::atomic<int> in_flight_{0};
};

// The handlers that run on the worker pool (checks_api.cc, claims_api.cc,
// audits_api.cc).
void CreateCheck(ApiContext& ctx, std::shared_ptr<Call> call, Respond respond);
Reply GetCheck(ApiContext& ctx, const Call& call);
Reply GetCheckOutput(ApiContext& ctx, const Call& call);
Reply VerifyClaim(ApiContext& ctx, const Call& call);
Reply GetSource(ApiContext& ctx, const Call& call);
void CreateAudit(ApiContext& ctx, std::shared_ptr<Call> call, Respond respond);
Reply GetAudit(ApiContext& ctx, const Call& call);

// The OpenAPI document (docs/api/openapi.json, embedded at build time).
std::string_view OpenApiDocument();

}  // namespace citecheck::server::internal

#endif  // CITECHECK_SERVER_INTERNAL_API_H_
