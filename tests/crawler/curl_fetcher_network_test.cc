// Tests for CurlFetcher's use of connections and its network limits (curl_fetcher.cc
// with transfer.cc and address_guard.cc), against loopback servers: connection reuse,
// the address check of every resolved address of a name, the low-speed limit, and
// results without bodies for callers that take them from the listener.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "fetcher_fixture.h"
#include "printers.h"

namespace citecheck::crawler {
namespace {

using test::CurlFetcherTest;
using test::Page;

// A bare HTTP/1.1 server on 127.0.0.1 that counts the connections it accepts and
// answers every request on them with a small 200 page, keeping them open. (The
// shared test server does not tell how many connections it saw.)
class ConnectionCountingServer {
 public:
  ConnectionCountingServer() {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
    EXPECT_EQ(::listen(listener_, 16), 0);
    socklen_t len = sizeof(addr);
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { AcceptLoop(); });
  }

  ~ConnectionCountingServer() {
    ::shutdown(listener_, SHUT_RDWR);  // wakes accept()
    acceptor_.join();
    {
      std::lock_guard<std::mutex> lock(mu_);
      for (int fd : connections_) ::shutdown(fd, SHUT_RDWR);  // wakes recv()
    }
    for (std::thread& t : handlers_) t.join();
    for (int fd : connections_) ::close(fd);
    ::close(listener_);
  }

  std::string Url(const std::string& target) const {
    return "http://127.0.0.1:" + std::to_string(port_) + target;
  }
  int accepted() const { return accepted_.load(); }
  int requests() const { return requests_.load(); }

 private:
  void AcceptLoop() {
    while (true) {
      const int fd = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) return;
      ++accepted_;
      std::lock_guard<std::mutex> lock(mu_);
      connections_.push_back(fd);
      handlers_.emplace_back([this, fd] { Serve(fd); });
    }
  }

  // Answers each request head as it completes; requests have no body (GET).
  void Serve(int fd) {
    static constexpr std::string_view kAnswer =
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nok";
    std::string pending;
    char buffer[4096];
    while (true) {
      const ssize_t n = ::recv(fd, buffer, sizeof(buffer), 0);
      if (n <= 0) return;
      pending.append(buffer, static_cast<size_t>(n));
      for (size_t end; (end = pending.find("\r\n\r\n")) != std::string::npos;) {
        pending.erase(0, end + 4);
        ++requests_;
        if (::send(fd, kAnswer.data(), kAnswer.size(), MSG_NOSIGNAL) < 0) return;
      }
    }
  }

  int listener_ = -1;
  int port_ = 0;
  std::atomic<int> accepted_{0};
  std::atomic<int> requests_{0};
  std::thread acceptor_;
  std::mutex mu_;
  std::vector<int> connections_;        // guarded by mu_ while the acceptor runs
  std::vector<std::thread> handlers_;   // guarded by mu_ while the acceptor runs
};

// Connections are reused: one transfer slot, many URLs on one host, two FetchAll
// calls, and the server sees a single connection.
TEST_F(CurlFetcherTest, ConnectionsAreReused) {
  ConnectionCountingServer server;
  config_.max_connections = 1;
  config_.max_per_host = 1;
  std::vector<std::string> urls;
  for (int i = 0; i < 6; ++i) urls.push_back(server.Url("/page/" + std::to_string(i)));
  auto fetcher = CurlFetcher::Create(config_, clock_, nullptr, nullptr);
  ASSERT_OK(fetcher);
  for (int round = 0; round < 2; ++round) {
    for (const FetchResult& r : (*fetcher)->FetchAll(urls)) {
      EXPECT_EQ(r.outcome, FetchOutcome::kOk) << r.url << ": " << r.error;
      EXPECT_EQ(r.body, "ok");
    }
  }
  EXPECT_EQ(server.requests(), 12);
  EXPECT_EQ(server.accepted(), 1);
}

// Every address a name resolves to is checked, not only the first: "localhost" gives
// 127.0.0.1 (and ::1 where configured), all refused, and nothing reaches the server.
TEST_F(CurlFetcherTest, EveryResolvedAddressOfANameIsChecked) {
  config_.allow_private_addresses = false;
  server_.Route("/secret", Page("secret"));
  const std::string url = "http://localhost:" + std::to_string(server_.port()) + "/secret";
  const FetchResult result = FetchOne(url);
  EXPECT_EQ(result.outcome, FetchOutcome::kBlockedAddress);
  EXPECT_TRUE(result.error == "connection to 127.0.0.1 refused: loopback address" ||
              result.error == "connection to ::1 refused: loopback address")
      << result.error;
  EXPECT_EQ(result.status, 0);
  EXPECT_EQ(server_.RequestCount("/secret"), 0);
}

// crawler.low_speed_bytes / low_speed_seconds: a server that sends nothing for longer
// than the low-speed window is given up on before the total timeout, and the message
// says which limit stopped it.
TEST_F(CurlFetcherTest, LowSpeedLimitStopsAStalledTransfer) {
  config_.low_speed_bytes = 100;
  config_.low_speed_seconds = 1;
  config_.total_timeout_ms = 20000;
  server_.Route("/stalled", Page("late", 200, {}, 2500));
  const std::string url = server_.Url("/stalled");
  const FetchResult result = FetchOne(url);
  EXPECT_EQ(result.outcome, FetchOutcome::kTimeout);
  EXPECT_EQ(result.error, "transfer slower than 100 bytes/s for 1 s");
  EXPECT_EQ(ClassifyLink(result, 1500), LinkClass::kError);
}

// return_bodies = false: the listener gets every body, the returned results none;
// everything else is the same.
TEST_F(CurlFetcherTest, BodiesCanGoToTheListenerOnly) {
  struct Bodies : ResultListener {
    void OnResult(const FetchResult& result) override { seen.push_back(result.body); }
    std::vector<std::string> seen;
  } listener;
  server_.Route("/a", Page("<p>first</p>"));
  const std::vector<std::string> urls = {server_.Url("/a"), server_.Url("/a")};
  CurlFetcherOptions options;
  options.results = &listener;
  auto with_bodies = CurlFetcher::Create(config_, clock_, options);
  ASSERT_OK(with_bodies);
  const std::vector<FetchResult> full = (*with_bodies)->FetchAll(urls);
  options.return_bodies = false;
  auto without_bodies = CurlFetcher::Create(config_, clock_, options);
  ASSERT_OK(without_bodies);
  const std::vector<FetchResult> bare = (*without_bodies)->FetchAll(urls);
  EXPECT_EQ(listener.seen, (std::vector<std::string>{"<p>first</p>", "<p>first</p>"}));
  ASSERT_EQ(full.size(), 2u);
  ASSERT_EQ(bare.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(full[i].body, "<p>first</p>");
    FetchResult expected = full[i];
    expected.body.clear();
    EXPECT_EQ(bare[i], expected);
  }
}

}  // namespace
}  // namespace citecheck::crawler
