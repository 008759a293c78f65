#include "server/internal/session.h"

#include <optional>
#include <vector>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace citecheck::server::internal {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;
using common::Result;
using common::Status;

namespace {

// Bytes asked for while waiting for a request to start; the parser reads the rest.
constexpr size_t kFirstRead = 4096;
// After refusing a request whose body is not read (413), the body still on its way is
// read and dropped for this long, so that the client sees the response rather than a
// reset connection (a lingering close).
constexpr std::chrono::seconds kLinger{2};
constexpr size_t kLingerBytes = 4 << 20;

bool IsParseError(const beast::error_code& ec) {
  return ec.category() == http::make_error_code(http::error::bad_target).category();
}

}  // namespace

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Api& api, SessionRegistry& registry, const SessionLimits& limits,
          common::Logger& logger)
      : stream_(std::move(socket)), api_(api), registry_(registry), limits_(limits),
        logger_(logger) {
    beast::error_code ec;
    auto remote = stream_.socket().remote_endpoint(ec);
    peer_ = ec ? "unknown" : remote.address().to_string();
  }
  ~Session() { registry_.Remove(this); }

  void Run() {
    registry_.Add(shared_from_this());
    // The socket's executor is this connection's strand: start there.
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->WaitForRequest(); });
  }

  // Closes the connection if it is waiting for a request; one with a request in
  // progress closes after its response (the API is draining then).
  void CloseIfIdle() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->idle_) self->stream_.cancel();
    });
  }

 private:
  // Phase 1: wait for the first bytes of the next request, under the idle timeout.
  void WaitForRequest() {
    if (buffer_.size() > 0) return ReadHeader();  // a pipelined request is already here
    if (api_.draining()) return Close();
    idle_ = true;
    stream_.expires_after(limits_.idle_timeout);
    stream_.async_read_some(buffer_.prepare(kFirstRead),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              self->OnFirstBytes(ec, n);
                            });
  }

  void OnFirstBytes(beast::error_code ec, size_t n) {
    idle_ = false;
    if (ec) return Fail(ec, "idle");
    buffer_.commit(n);
    ReadHeader();
  }

  // Phase 2: the whole request, head then body, under one read timeout.
  void ReadHeader() {
    parser_.emplace();
    parser_->header_limit(limits_.max_header_bytes);
    parser_->body_limit(limits_.max_body_bytes);
    stream_.expires_after(limits_.read_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, size_t) {
                              self->OnHeader(ec);
                            });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    const auto& req = parser_->get();
    // Clients such as curl wait for "100 Continue" before sending a large body.
    if (beast::iequals(req[http::field::expect], "100-continue")) {
      continue_.emplace(http::status::continue_, req.version());
      return http::async_write(stream_, *continue_,
                               [self = shared_from_this()](beast::error_code ec, size_t) {
                                 if (ec) return self->Fail(ec, "write 100");
                                 self->ReadBody();
                               });
    }
    ReadBody();
  }

  void ReadBody() {
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) {
                       self->OnRead(ec);
                     });
  }

  void OnReadError(beast::error_code ec) {
    if (ec == http::error::end_of_stream) return Close();
    if (ec == http::error::body_limit) {
      return Refuse({ErrorCode::kPayloadTooLarge,
                     "the body is larger than " + std::to_string(limits_.max_body_bytes) + " bytes",
                     0, ""});
    }
    if (ec == http::error::header_limit) {
      return Refuse({ErrorCode::kHeadersTooLarge,
                     "the request head is larger than " +
                         std::to_string(limits_.max_header_bytes) + " bytes",
                     0, ""});
    }
    if (IsParseError(ec)) {
      return Refuse({ErrorCode::kInvalidRequest, "malformed HTTP request: " + ec.message(), 0, ""});
    }
    Fail(ec, "read");  // a timeout (slow client), a reset...
  }

  void OnRead(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    Request request = parser_->release();
    version_ = request.version();
    keep_alive_ = request.keep_alive();
    // No deadline while the API works: the handlers bound their own time.
    stream_.expires_never();
    api_.Handle(std::move(request), peer_, stream_.get_executor(),
                [self = shared_from_this()](Reply reply) {
                  net::post(self->stream_.get_executor(), [self, reply = std::move(reply)]() mutable {
                    self->Write(std::move(reply));
                  });
                });
  }

  // An error found while reading: answer it, then close.
  void Refuse(const ApiError& error) {
    Reply reply = ErrorReply(error);
    reply.close = true;
    linger_ = error.code == ErrorCode::kPayloadTooLarge;
    Write(std::move(reply));
  }

  void Write(Reply reply) {
    const bool keep_alive = keep_alive_ && !reply.close && !api_.draining();
    response_.emplace(static_cast<http::status>(reply.status), version_);
    response_->set(http::field::server, "citecheck");
    response_->set(http::field::content_type, reply.content_type);
    for (auto& [name, value] : reply.headers) response_->set(name, value);
    response_->body() = std::move(reply.body);
    response_->keep_alive(keep_alive);
    response_->prepare_payload();
    stream_.expires_after(limits_.write_timeout);
    http::async_write(stream_, *response_,
                      [self = shared_from_this(), keep_alive](beast::error_code ec, size_t) {
                        self->OnWrite(ec, keep_alive);
                      });
  }

  void OnWrite(beast::error_code ec, bool keep_alive) {
    if (ec) return Fail(ec, "write");
    response_.reset();
    if (linger_) return Linger();
    if (!keep_alive) return Close();
    WaitForRequest();
  }

  void Linger() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(kLinger);
    Drain();
  }

  void Drain() {
    buffer_.clear();
    stream_.async_read_some(buffer_.prepare(kFirstRead),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ > kLingerBytes) return self->Close();
                              self->Drain();
                            });
  }

  // Beast's example routes every failure through one fail(ec, what); so do we. Ends
  // that are part of normal life are not worth a line above debug.
  void Fail(beast::error_code ec, const char* what) {
    if (ec == net::error::operation_aborted || ec == beast::error::timeout ||
        ec == net::error::eof || ec == net::error::connection_reset) {
      logger_.Debug(std::string("connection from ") + peer_ + ": " + what + ": " + ec.message());
    } else {
      logger_.Warning(std::string("connection from ") + peer_ + ": " + what + ": " + ec.message());
    }
    Close();
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::response<http::empty_body>> continue_;
  std::optional<http::response<http::string_body>> response_;
  Api& api_;
  SessionRegistry& registry_;
  const SessionLimits limits_;
  common::Logger& logger_;
  std::string peer_;
  unsigned version_ = 11;
  bool keep_alive_ = false;
  bool idle_ = false;     // waiting for a request to start
  bool linger_ = false;   // drain the rest of the request before closing
  size_t drained_ = 0;
};

void SessionRegistry::Add(const std::shared_ptr<Session>& session) {
  std::lock_guard<std::mutex> lock(mu_);
  sessions_[session.get()] = session;
}

void SessionRegistry::Remove(const Session* session) {
  std::lock_guard<std::mutex> lock(mu_);
  sessions_.erase(session);
}

void SessionRegistry::CloseIdle() {
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto& [ptr, weak] : sessions_) {
      if (auto s = weak.lock()) live.push_back(std::move(s));
    }
  }
  for (auto& s : live) s->CloseIfIdle();
}

size_t SessionRegistry::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return sessions_.size();
}

Listener::Listener(net::io_context& ioc, Api& api, SessionRegistry& registry,
                   const SessionLimits& limits, common::Logger& logger)
    : ioc_(ioc), acceptor_(net::make_strand(ioc)), api_(api), registry_(registry),
      limits_(limits), logger_(logger) {}

Result<std::shared_ptr<Listener>> Listener::Open(net::io_context& ioc, const tcp::endpoint& endpoint,
                                                 Api& api, SessionRegistry& registry,
                                                 const SessionLimits& limits,
                                                 common::Logger& logger) {
  std::shared_ptr<Listener> l(new Listener(ioc, api, registry, limits, logger));
  beast::error_code ec;
  const std::string where = endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
  auto failed = [&](const char* what) {
    return Status::IoError("cannot listen on " + where + ": " + what + ": " + ec.message());
  };
  l->acceptor_.open(endpoint.protocol(), ec);
  if (ec) return failed("open");
  l->acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (ec) return failed("set_option");
  l->acceptor_.bind(endpoint, ec);
  if (ec) return failed("bind");
  l->acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return failed("listen");
  l->port_ = l->acceptor_.local_endpoint(ec).port();
  return l;
}

void Listener::Run() {
  net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] { self->Accept(); });
}

void Listener::Close() {
  net::post(acceptor_.get_executor(), [self = shared_from_this()] {
    beast::error_code ignored;
    self->acceptor_.close(ignored);
  });
}

void Listener::Accept() {
  // Each connection gets its own strand.
  acceptor_.async_accept(net::make_strand(ioc_),
                         [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
                           self->OnAccept(ec, std::move(socket));
                         });
}

void Listener::OnAccept(beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted || !acceptor_.is_open()) return;  // closed
  if (ec) {
    logger_.Warning("accept: " + ec.message());
  } else {
    std::make_shared<Session>(std::move(socket), api_, registry_, limits_, logger_)->Run();
  }
  Accept();
}

Result<tcp::endpoint> ParseListenAddress(std::string_view listen) {
  auto bad = [&](const std::string& why) {
    return Status::InvalidArgument("listen address \"" + std::string(listen) + "\": " + why);
  };
  const size_t colon = listen.rfind(':');
  if (colon == std::string_view::npos) return bad("expected address:port");
  std::string_view host = listen.substr(0, colon);
  const std::string_view port_text = listen.substr(colon + 1);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  if (port_text.empty() || port_text.size() > 5 ||
      port_text.find_first_not_of("0123456789") != std::string_view::npos ||
      (port = std::stoul(std::string(port_text))) > 65535) {
    return bad("the port must be a number from 0 to 65535");
  }
  if (host == "localhost") host = "127.0.0.1";
  beast::error_code ec;
  const net::ip::address address = net::ip::make_address(host, ec);
  if (ec) return bad("not an IP address (" + ec.message() + ")");
  return tcp::endpoint(address, static_cast<uint16_t>(port));
}

}  // namespace citecheck::server::internal
