#include "server/server.h"

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/thread_pool.hpp>

#include "common/hash.h"
#include "server/internal/api.h"
#include "server/internal/session.h"
#include "service/service.h"

namespace citecheck::server {

namespace net = boost::asio;
using common::Result;
using common::Status;
using namespace internal;

namespace {

using Clock = std::chrono::steady_clock;

// How often shutdown looks at what is still in progress.
constexpr std::chrono::milliseconds kPoll{10};

SessionLimits LimitsOf(const common::ServerConfig& c) {
  SessionLimits l;
  l.idle_timeout = std::chrono::milliseconds(c.idle_timeout_ms);
  l.read_timeout = std::chrono::milliseconds(c.read_timeout_ms);
  l.write_timeout = std::chrono::milliseconds(c.write_timeout_ms);
  l.max_body_bytes = static_cast<uint64_t>(c.max_body_bytes);
  l.max_header_bytes = static_cast<uint32_t>(c.max_header_bytes);
  return l;
}

// Polls `done` until it holds or `deadline` passes.
template <typename Predicate>
bool WaitUntil(Clock::time_point deadline, Predicate done) {
  while (!done()) {
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(kPoll);
  }
  return true;
}

}  // namespace

class Server::Impl {
 public:
  Impl(const common::Config& config, const common::Clock& clock, common::Logger& logger,
       TokenTable tokens, const std::filesystem::path& data_dir)
      : config_(config), clock_(clock), logger_(logger), tokens_(std::move(tokens)),
        limiter_(config_.server.rate_limit_per_second, config_.server.rate_limit_burst),
        stores_(data_dir / "citecheck.db"),
        jobs_(config_, data_dir / "warc", stores_, metrics_, clock_, logger_),
        sources_(static_cast<size_t>(config_.server.source_cache_entries),
                 int64_t{config_.server.source_cache_ttl_s} * 1000000, clock_, metrics_),
        reader_(config_, data_dir / "warc", clock_, logger_, metrics_),
        workers_(static_cast<size_t>(config_.server.workers)),
        audits_(config_, data_dir, stores_, workers_, clock_, logger_),
        ioc_(config_.server.io_threads),
        api_(ApiContext{config_, clock_, logger_, metrics_, stores_, jobs_, audits_, sources_,
                        reader_, tokens_, limiter_, workers_}) {}

  ~Impl() {
    RequestStop();
    Status ignored = Wait();
    (void)ignored;
    Join();
  }

  Status Listen() {
    CC_ASSIGN_OR_RETURN(auto endpoint, ParseListenAddress(config_.server.listen));
    CC_ASSIGN_OR_RETURN(listener_, Listener::Open(ioc_, endpoint, api_, registry_,
                                                  LimitsOf(config_.server), logger_));
    CC_RETURN_IF_ERROR(jobs_.Start());
    listener_->Run();
    // The I/O threads stay up until Join, even when no connection is open for a
    // moment: handlers posted during shutdown must still run.
    work_.emplace(ioc_.get_executor());
    for (int i = 0; i < config_.server.io_threads; ++i) io_threads_.emplace_back([this] { ioc_.run(); });
    return Status::Ok();
  }

  int port() const { return listener_->port(); }

  void StopOnSignals() {
    net::post(ioc_, [this] {
      signals_.emplace(ioc_, SIGINT, SIGTERM);
      signals_->async_wait([this](boost::system::error_code ec, int signal) {
        if (ec) return;
        logger_.Info("signal " + std::to_string(signal) + ": shutting down");
        RequestStop();
      });
    });
  }

  // Takes no more work at once; Wait does the waiting.
  void RequestStop() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stop_requested_) return;
      stop_requested_ = true;
    }
    api_.BeginShutdown();
    net::post(ioc_, [this] {
      if (listener_) listener_->Close();
      if (signals_) signals_->cancel();
    });
    jobs_.BeginStop();
    audits_.BeginStop();
    stop_.notify_all();
  }

  Status Wait() {
    {
      std::unique_lock<std::mutex> lock(mu_);
      stop_.wait(lock, [this] { return stop_requested_; });
      if (drained_) return *drained_;
    }
    const Status s = Drain(Clock::now() + std::chrono::milliseconds(config_.server.shutdown_grace_ms));
    std::lock_guard<std::mutex> lock(mu_);
    drained_ = s;
    return s;
  }

 private:
  // Lets work in progress end, and closes connections. REQUIRES: RequestStop ran.
  Status Drain(Clock::time_point deadline) {
    const bool jobs_done = jobs_.WaitIdle(deadline);
    const bool requests_done = WaitUntil(deadline, [this] { return api_.in_flight() == 0; });
    registry_.CloseIdle();
    const bool closed = WaitUntil(deadline, [this] { return registry_.size() == 0; });
    if (jobs_done && requests_done && closed) {
      logger_.Info("stopped; queued checks stay queued");
      return Status::Ok();
    }
    return Status::DeadlineExceeded(
        "shutdown grace period over with " + std::to_string(jobs_.running()) +
        " checks running, " + std::to_string(api_.in_flight()) + " requests in progress and " +
        std::to_string(registry_.size()) + " connections open");
  }

  // Stops the threads. After Drain, nothing is left for them but what outlasted it.
  void Join() {
    work_.reset();
    ioc_.stop();
    for (std::thread& t : io_threads_) t.join();
    io_threads_.clear();
    workers_.join();
    jobs_.Join();
  }

  const common::Config config_;
  const common::Clock& clock_;
  common::Logger& logger_;
  const TokenTable tokens_;
  RateLimiter limiter_;
  Metrics metrics_;
  StorePool stores_;
  JobRunner jobs_;
  SourceCache sources_;
  SourceReader reader_;
  net::thread_pool workers_;
  AuditRunner audits_;  // its audits run on workers_, which Join joins
  net::io_context ioc_;
  Api api_;
  SessionRegistry registry_;
  std::shared_ptr<Listener> listener_;
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work_;
  std::optional<net::signal_set> signals_;  // used on the I/O threads only
  std::vector<std::thread> io_threads_;

  std::mutex mu_;
  std::condition_variable stop_;
  bool stop_requested_ = false;            // guarded by mu_
  std::optional<Status> drained_;          // guarded by mu_; set once, by Wait
};

Result<std::unique_ptr<Server>> Server::Start(const common::Config& config,
                                              const common::Clock& clock,
                                              common::Logger& logger) {
  TokenTable tokens;
  if (!config.server.tokens_file.empty()) {
    CC_ASSIGN_OR_RETURN(tokens, TokenTable::Load(config.server.tokens_file));
  }
  // Creates the data directory and brings the database schema up to date. The
  // workspace's on-disk index is not kept open: each check indexes into its own.
  std::filesystem::path dir;
  {
    CC_ASSIGN_OR_RETURN(service::Workspace ws, service::OpenWorkspace(config.store));
    dir = std::move(ws.dir);
  }
  auto impl = std::make_unique<Impl>(config, clock, logger, std::move(tokens), dir);
  CC_RETURN_IF_ERROR(impl->Listen());
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;
int Server::port() const { return impl_->port(); }
void Server::StopOnSignals() { impl_->StopOnSignals(); }
void Server::RequestStop() { impl_->RequestStop(); }
Status Server::Wait() { return impl_->Wait(); }

std::string HashToken(std::string_view token) { return common::Sha256Hex(token); }

}  // namespace citecheck::server
