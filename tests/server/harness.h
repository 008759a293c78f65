// What the server tests share: a blocking HTTP client over real sockets, a gate that
// holds a test page until the test opens it, and a fixture running a citecheck server
// on 127.0.0.1 port 0 next to a test site serving the sources.
#ifndef CITECHECK_TESTS_SERVER_HARNESS_H_
#define CITECHECK_TESTS_SERVER_HARNESS_H_

#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/json/value.hpp>
#include <gtest/gtest.h>

#include "common/clock.h"
#include "common/config.h"
#include "common/log.h"
#include "server/server.h"
#include "testutil/http_server.h"
#include "testutil/testutil.h"

namespace citecheck::server::testing {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct Response {
  int status = 0;                              // 0: no response (connection closed)
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  std::string Header(const std::string& lower_name) const;
  // The body as JSON (null when it does not parse).
  boost::json::value Json() const;
  // The "code" and "message" of an error body, or "".
  std::string ErrorCode() const;
  std::string ErrorMessage() const;
};

// One connection to 127.0.0.1:port. Every operation gives up after 30 s, so a test
// fails rather than hangs.
class Connection {
 public:
  explicit Connection(int port);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Sends a request and reads the response (status 0 when the server closed first).
  Response Send(std::string_view method, std::string_view target, std::string_view body = "",
                const Headers& headers = {});
  // Writes bytes as they are.
  bool WriteRaw(std::string_view bytes);
  // Reads one response (after WriteRaw).
  Response Read();
  // Reads until the server closes the connection; true when it did.
  bool WaitClosed();

 private:
  boost::asio::io_context ioc_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
};

// A request on a fresh connection.
Response Request(int port, std::string_view method, std::string_view target,
                 std::string_view body = "", const Headers& headers = {});

// Holds requests for a page until opened.
class Gate {
 public:
  void Wait();
  void Open();

 private:
  std::mutex mu_;
  std::condition_variable cv_;
  bool open_ = false;  // guarded by mu_
};

// A French page on transport that backs "17 %" and contradicts "410 gares".
extern const char kStudyPage[];

// A draft citing the test site: /enquete backs its first claim and contradicts its
// second, /bilan is gone (404).
std::string DraftCiting(const testutil::HttpServer& site, std::string_view page = "/enquete");

class ServerTest : public ::testing::Test {
 protected:
  ServerTest();
  ~ServerTest() override;

  // Starts a server with config_ (port 0); fails the test when it cannot.
  void StartServer();
  // Graceful stop, waited for.
  void StopServer();
  int port() const { return server_->port(); }
  std::string DataDir() const { return config_.store.dir; }

  // Polls GET /v1/checks/{id} until its status is `status` (at most ~60 s).
  Response AwaitCheck(int64_t id, std::string_view status, const Headers& headers = {});

  testutil::TempDir dir_;
  testutil::HttpServer site_;
  Gate gate_;  // holds GET /slow
  common::Config config_;
  common::ManualClock clock_{1736500000000000};
  common::CapturingLogger logger_;
  std::unique_ptr<Server> server_;
};

}  // namespace citecheck::server::testing

#endif  // CITECHECK_TESTS_SERVER_HARNESS_H_
