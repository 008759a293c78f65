// Tests for one hop on a curl easy handle (transfer.cc), driven by a minimal multi
// loop against the loopback test server.
#include "crawler/internal/transfer.h"

#include <gtest/gtest.h>

#include <map>

#include "crawler/internal/http_head.h"
#include "printers.h"
#include "testutil/http_server.h"
#include "testutil/testutil.h"

namespace citecheck::crawler::internal {
namespace {

struct MultiCleanup {
  void operator()(CURLM* multi) const { curl_multi_cleanup(multi); }
};

// Runs one transfer to completion and returns its result.
HopResult RunOne(const common::CrawlerConfig& config, const AddressPolicy& policy,
                 const std::string& url, const std::string& etag = "") {
  std::unique_ptr<CURLM, MultiCleanup> multi(curl_multi_init());
  UrlCheck check = CheckFetchUrl(url);
  EXPECT_TRUE(check.ok) << url;
  auto transfer = Transfer::Create({&config, &policy, nullptr, nullptr},
                                   {check.url, 0, false, etag, ""});
  EXPECT_OK(transfer);
  if (!transfer.ok()) return {};
  EXPECT_OK((*transfer)->Attach(multi.get()));
  while (true) {
    int running = 0;
    curl_multi_perform(multi.get(), &running);
    int left = 0;
    if (CURLMsg* msg = curl_multi_info_read(multi.get(), &left); msg && msg->msg == CURLMSG_DONE) {
      return (*transfer)->Finish(msg->data.result);
    }
    curl_multi_poll(multi.get(), nullptr, 0, 100, nullptr);
  }
}

// The hop keeps the request head exactly as sent (for the WARC request record) and the
// response head and body as received. gzip, deflate and br are asked for, and a coded
// body is handed over still coded: the archive keeps what was received.
TEST(Transfer, CapturesRequestAndResponse) {
  testutil::HttpServer server;
  std::vector<std::pair<std::string, std::string>> seen_headers;
  server.Route("/a", [&seen_headers](const testutil::HttpRequest& request) {
    seen_headers = request.headers;
    testutil::HttpResponse response;
    response.headers = {{"Content-Type", "text/plain"}, {"Content-Encoding", "gzip"}};
    response.body = "\x1f\x8b coded bytes";
    return response;
  });
  common::CrawlerConfig config;
  config.user_agent = "citecheck-test/1";
  const AddressPolicy policy(true, {});
  HopResult hop = RunOne(config, policy, server.Url("/a"));
  EXPECT_EQ(hop.failure, std::nullopt);
  const std::string host = "127.0.0.1:" + std::to_string(server.port());
  std::string expected_head = "GET /a HTTP/1.1\r\nHost: " + host +
                              "\r\nUser-Agent: citecheck-test/1\r\n";
  for (const std::string& line : BaseRequestHeaders()) expected_head += line + "\r\n";
  EXPECT_EQ(hop.request_head, expected_head + "\r\n");
  EXPECT_EQ(hop.response_head,
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Encoding: gzip\r\n"
            "Content-Length: 14\r\n\r\n");
  EXPECT_EQ(hop.body, "\x1f\x8b coded bytes");
  EXPECT_EQ(hop.remote_ip, "127.0.0.1");
  std::map<std::string, std::string> by_name(seen_headers.begin(), seen_headers.end());
  EXPECT_EQ(by_name["Accept-Encoding"], "gzip, deflate, br");
  EXPECT_EQ(by_name.count("If-None-Match"), 0u);
}

// RFC 9110 section 13.1.2: a hop with a cached ETag asks "If-None-Match".
TEST(Transfer, SendsValidators) {
  testutil::HttpServer server;
  std::vector<std::pair<std::string, std::string>> seen_headers;
  server.Route("/a", [&seen_headers](const testutil::HttpRequest& request) {
    seen_headers = request.headers;
    testutil::HttpResponse response;
    response.status = 304;
    return response;
  });
  common::CrawlerConfig config;
  const AddressPolicy policy(true, {});
  HopResult hop = RunOne(config, policy, server.Url("/a"), "\"v1\"");
  EXPECT_EQ(hop.failure, std::nullopt);
  std::map<std::string, std::string> by_name(seen_headers.begin(), seen_headers.end());
  EXPECT_EQ(by_name["If-None-Match"], "\"v1\"");
  EXPECT_TRUE(hop.response_head.starts_with("HTTP/1.1 304 "));
}

// A response head larger than crawler.max_header_bytes is cut off.
TEST(Transfer, OversizedHeadIsTooLarge) {
  testutil::HttpServer server;
  testutil::HttpResponse big;
  big.headers = {{"X-Padding", std::string(4000, 'p')}};
  server.Route("/a", big);
  common::CrawlerConfig config;
  config.max_header_bytes = 2048;
  const AddressPolicy policy(true, {});
  HopResult hop = RunOne(config, policy, server.Url("/a"));
  EXPECT_EQ(hop.failure,
            (FetchFailure{FetchOutcome::kTooLarge, "response head larger than 2048 bytes"}));
}

// The guard runs in curl's open-socket callback: a refused address never gets a
// connection, and the failure says which address and why.
TEST(Transfer, RefusedAddressNeverConnects) {
  testutil::HttpServer server;
  testutil::HttpResponse secret;
  secret.body = "secret";
  server.Route("/a", secret);
  common::CrawlerConfig config;
  const AddressPolicy policy(false, {});
  HopResult hop = RunOne(config, policy, server.Url("/a"));
  EXPECT_EQ(hop.failure, (FetchFailure{FetchOutcome::kBlockedAddress,
                                       "connection to 127.0.0.1 refused: loopback address"}));
  EXPECT_EQ(hop.request_head, "");
  EXPECT_EQ(hop.body, "");
  EXPECT_EQ(server.RequestCount("/a"), 0);
}

// RFC 6761 section 6.4: "invalid." names fail resolution without a DNS query.
TEST(Transfer, InvalidTldDoesNotResolve) {
  common::CrawlerConfig config;
  const AddressPolicy policy(true, {});
  HopResult hop = RunOne(config, policy, "http://nonexistent.invalid/");
  EXPECT_EQ(hop.failure,
            (FetchFailure{FetchOutcome::kDnsError, "could not resolve host nonexistent.invalid"}));
}

}  // namespace
}  // namespace citecheck::crawler::internal
