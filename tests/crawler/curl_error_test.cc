// Tests for the single CURLcode -> FetchOutcome mapping (curl_error.cc).
#include "crawler/internal/curl_error.h"

#include <gtest/gtest.h>

#include <cerrno>

#include "printers.h"

namespace citecheck::crawler::internal {
namespace {

HopFacts Facts() {
  HopFacts facts;
  facts.url = "http://www.example.fr/a";
  facts.host = "www.example.fr";
  facts.max_body_bytes = 1048576;
  facts.connect_timeout_ms = 10000;
  facts.total_timeout_ms = 30000;
  facts.curl_message = "curl says so";
  return facts;
}

struct CodeCase {
  CURLcode code;
  FetchFailure expected;
};

TEST(CurlError, MapsCodesToOutcomes) {
  const CodeCase cases[] = {
      {CURLE_COULDNT_RESOLVE_HOST,
       {FetchOutcome::kDnsError, "could not resolve host www.example.fr"}},
      {CURLE_COULDNT_CONNECT,
       {FetchOutcome::kConnectError, "could not connect to www.example.fr: curl says so"}},
      {CURLE_RECV_ERROR,
       {FetchOutcome::kConnectError, "connection to www.example.fr failed: curl says so"}},
      {CURLE_SEND_ERROR,
       {FetchOutcome::kConnectError, "connection to www.example.fr failed: curl says so"}},
      {CURLE_GOT_NOTHING, {FetchOutcome::kConnectError, "empty reply from www.example.fr"}},
      {CURLE_OPERATION_TIMEDOUT,
       {FetchOutcome::kTimeout, "connecting to www.example.fr timed out after 10000 ms"}},
      {CURLE_SSL_CONNECT_ERROR,
       {FetchOutcome::kTlsError, "TLS error with www.example.fr: curl says so"}},
      {CURLE_PEER_FAILED_VERIFICATION,
       {FetchOutcome::kTlsError, "TLS error with www.example.fr: curl says so"}},
      {CURLE_FILESIZE_EXCEEDED, {FetchOutcome::kTooLarge, "body larger than 1048576 bytes"}},
      {CURLE_UNSUPPORTED_PROTOCOL,
       {FetchOutcome::kUnsupportedScheme, "http://www.example.fr/a is not an http or https URL"}},
      {CURLE_URL_MALFORMAT, {FetchOutcome::kInvalidUrl, "malformed URL http://www.example.fr/a"}},
      {CURLE_WRITE_ERROR, {FetchOutcome::kError, "curl says so (http://www.example.fr/a)"}},
      {CURLE_PARTIAL_FILE, {FetchOutcome::kError, "curl says so (http://www.example.fr/a)"}},
  };
  for (const CodeCase& c : cases) {
    EXPECT_EQ(CurlError(c.code, Facts()), c.expected) << curl_easy_strerror(c.code);
  }
}

// Our own aborts are reported as what they are, not as curl's generic codes.
TEST(CurlError, OwnAbortsWin) {
  HopFacts too_large = Facts();
  too_large.body_too_large = true;
  EXPECT_EQ(CurlError(CURLE_WRITE_ERROR, too_large),
            (FetchFailure{FetchOutcome::kTooLarge, "body larger than 1048576 bytes"}));

  HopFacts refused = Facts();
  refused.refused_ip = "127.0.0.1";
  refused.refused_reason = "loopback address";
  EXPECT_EQ(CurlError(CURLE_COULDNT_CONNECT, refused),
            (FetchFailure{FetchOutcome::kBlockedAddress,
                          "connection to 127.0.0.1 refused: loopback address"}));
  refused.redirected = true;
  refused.refused_ip = "169.254.169.254";
  refused.refused_reason = "link-local address";
  EXPECT_EQ(CurlError(CURLE_COULDNT_CONNECT, refused),
            (FetchFailure{FetchOutcome::kBlockedAddress,
                          "redirect to 169.254.169.254 refused: link-local address"}));
}

TEST(CurlError, ConnectErrorsNameThePeer) {
  HopFacts facts = Facts();
  facts.peer = "127.0.0.1:9";
  facts.os_errno = ECONNREFUSED;
  EXPECT_EQ(CurlError(CURLE_COULDNT_CONNECT, facts),
            (FetchFailure{FetchOutcome::kConnectError, "connection refused by 127.0.0.1:9"}));
  facts.os_errno = EHOSTUNREACH;
  EXPECT_EQ(CurlError(CURLE_COULDNT_CONNECT, facts),
            (FetchFailure{FetchOutcome::kConnectError, "127.0.0.1:9 is unreachable"}));
}

// Once connected, a timeout is the total (per hop) timeout.
TEST(CurlError, TimeoutAfterConnectIsTheTotalTimeout) {
  HopFacts facts = Facts();
  facts.connected = true;
  EXPECT_EQ(CurlError(CURLE_OPERATION_TIMEDOUT, facts),
            (FetchFailure{FetchOutcome::kTimeout, "timed out after 30000 ms"}));
}

}  // namespace
}  // namespace citecheck::crawler::internal
