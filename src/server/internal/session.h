// Connections, after Beast's asynchronous HTTP server example: a Listener accepts,
// and each connection is a Session kept alive by the handlers it has pending
// (shared_from_this) and serialized on its own strand. Every read has a deadline:
// the idle timeout while waiting for the first byte of a request, then the read
// timeout for the whole request (so a client that trickles a request is cut off), and
// every write the write timeout. Request heads and bodies are size-limited by the
// parser (431, 413).
//
// Thread-safety: Listener and SessionRegistry methods may be called from any thread;
// Session methods run on the session's strand.
#ifndef CITECHECK_SERVER_INTERNAL_SESSION_H_
#define CITECHECK_SERVER_INTERNAL_SESSION_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "common/log.h"
#include "common/status.h"
#include "server/internal/api.h"

namespace citecheck::server::internal {

struct SessionLimits {
  std::chrono::milliseconds idle_timeout{30000};
  std::chrono::milliseconds read_timeout{10000};
  std::chrono::milliseconds write_timeout{10000};
  uint64_t max_body_bytes = 1 << 20;
  uint32_t max_header_bytes = 16384;
};

class Session;

// The live sessions, so that a shutdown can close the idle ones.
class SessionRegistry {
 public:
  void Add(const std::shared_ptr<Session>& session);
  void Remove(const Session* session);
  // Asks every session to close once it has no request in progress.
  void CloseIdle();
  size_t size() const;

 private:
  mutable std::mutex mu_;
  std::unordered_map<const Session*, std::weak_ptr<Session>> sessions_;  // guarded by mu_
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  // Binds and listens on `endpoint`. Errors: kIoError naming the address ("address
  // already in use"...). The references must outlive the listener and its sessions.
  static common::Result<std::shared_ptr<Listener>> Open(
      boost::asio::io_context& ioc, const boost::asio::ip::tcp::endpoint& endpoint, Api& api,
      SessionRegistry& registry, const SessionLimits& limits, common::Logger& logger);

  // Starts accepting.
  void Run();
  // Stops accepting (closes the socket); sessions go on.
  void Close();
  uint16_t port() const { return port_; }

 private:
  Listener(boost::asio::io_context& ioc, Api& api, SessionRegistry& registry,
           const SessionLimits& limits, common::Logger& logger);
  void Accept();
  void OnAccept(boost::system::error_code ec, boost::asio::ip::tcp::socket socket);

  boost::asio::io_context& ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  Api& api_;
  SessionRegistry& registry_;
  const SessionLimits limits_;
  common::Logger& logger_;
  uint16_t port_ = 0;
};

// Parses "host:port" or "[v6]:port" into an endpoint. Errors: kInvalidArgument.
common::Result<boost::asio::ip::tcp::endpoint> ParseListenAddress(std::string_view listen);

}  // namespace citecheck::server::internal

#endif  // CITECHECK_SERVER_INTERNAL_SESSION_H_
