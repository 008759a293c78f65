// The fixture of the CurlFetcher tests: a loopback server, a configuration that allows
// private addresses (the server lives on 127.0.0.1), and helpers to build responses.
//
// The defaults keep each test about one thing: robots.txt, the per-host delay and
// retries are off unless a test turns them on.
#ifndef CITECHECK_TESTS_CRAWLER_FETCHER_FIXTURE_H_
#define CITECHECK_TESTS_CRAWLER_FETCHER_FIXTURE_H_

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "common/log.h"
#include "crawler/crawler.h"
#include "testutil/http_server.h"
#include "testutil/testutil.h"

namespace citecheck::crawler::test {

inline constexpr int64_t kNow = int64_t{1700000000} * 1000000;

// A response with `body`, and optionally a status, headers and a delay.
inline testutil::HttpResponse Page(std::string body, int status = 200,
                                   std::vector<std::pair<std::string, std::string>> headers = {},
                                   int delay_ms = 0) {
  testutil::HttpResponse response;
  response.status = status;
  response.headers = std::move(headers);
  response.body = std::move(body);
  response.delay_ms = delay_ms;
  return response;
}

// A port on 127.0.0.1 with nothing listening: bound by us, then released.
inline int ClosedPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  socklen_t len = sizeof(addr);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

inline testutil::HttpResponse Redirect(int status, std::string location) {
  return Page("", status, {{"Location", std::move(location)}});
}

class CurlFetcherTest : public ::testing::Test {
 protected:
  CurlFetcherTest() : clock_(kNow) {
    config_.allow_private_addresses = true;
    config_.connect_timeout_ms = 2000;
    config_.total_timeout_ms = 5000;
    config_.robots = false;
    config_.per_host_delay_ms = 0;
    config_.max_retries = 0;
  }

  std::vector<FetchResult> Fetch(const std::vector<std::string>& urls,
                                 WarcWriter* archive = nullptr) {
    CurlFetcherOptions options;
    options.archive = archive;
    options.logger = &logger_;
    options.cache = cache_;
    options.jitter_seed = 7;
    auto fetcher = CurlFetcher::Create(config_, clock_, options);
    EXPECT_OK(fetcher);
    if (!fetcher.ok()) return {};
    return (*fetcher)->FetchAll(urls);
  }

  FetchResult FetchOne(const std::string& url, WarcWriter* archive = nullptr) {
    std::vector<FetchResult> results = Fetch({url}, archive);
    return results.empty() ? FetchResult{} : results[0];
  }

  // The result of `requests` requests that got no response.
  FetchResult Failed(const std::string& url, FetchOutcome outcome, std::string error,
                     int requests = 1) {
    FetchResult r;
    r.url = url;
    r.final_url = url;
    r.outcome = outcome;
    r.error = std::move(error);
    r.fetched_at_micros = kNow;
    r.requests = requests;
    return r;
  }

  // "http://<name>:<port>" for a name pinned to the server with `resolve`.
  std::string Pinned(const std::string& name, std::string_view target) {
    config_.resolve.push_back(name + ":" + std::to_string(server_.port()) + ":127.0.0.1");
    return "http://" + name + ":" + std::to_string(server_.port()) + std::string(target);
  }

  testutil::HttpServer server_;
  common::CrawlerConfig config_;
  common::ManualClock clock_;
  common::CapturingLogger logger_;
  ResponseCache* cache_ = nullptr;
};

}  // namespace citecheck::crawler::test

#endif  // CITECHECK_TESTS_CRAWLER_FETCHER_FIXTURE_H_
