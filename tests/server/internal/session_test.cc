// Connections: keep-alive, size limits, timeouts against slow clients, malformed
// requests. Over real sockets against a running server.
#include <string>

#include <gtest/gtest.h>

#include "server/harness.h"

namespace citecheck::server::testing {
namespace {

// Several requests travel over one kept-alive connection.
TEST_F(ServerTest, KeepsConnectionsAlive) {
  StartServer();
  Connection c(port());
  for (int i = 0; i < 3; ++i) {
    Response r = c.Send("GET", "/healthz");
    EXPECT_EQ(r.status, 200) << i;
    EXPECT_EQ(r.Header("connection"), "");  // HTTP/1.1: kept alive unless said otherwise
  }
}

// A body over server.max_body_bytes is refused with 413 (its declared length is
// enough), the client gets the answer, and the connection is closed.
TEST_F(ServerTest, OversizedBodyIsRefusedWith413) {
  config_.server.max_body_bytes = 1024;
  StartServer();
  Connection c(port());
  const std::string body(4096, 'x');
  Response r = c.Send("POST", "/v1/claims:verify", body, {{"Content-Type", "application/json"}});
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.ErrorCode(), "payload_too_large");
  EXPECT_EQ(r.Header("connection"), "close");
  EXPECT_TRUE(c.WaitClosed());
}

// A chunked body that grows past the limit is cut off the same way.
TEST_F(ServerTest, OversizedChunkedBodyIsRefusedWith413) {
  config_.server.max_body_bytes = 1024;
  StartServer();
  Connection c(port());
  std::string request =
      "POST /v1/claims:verify HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 4; ++i) request += "400\r\n" + std::string(1024, 'x') + "\r\n";
  request += "0\r\n\r\n";
  ASSERT_TRUE(c.WriteRaw(request));
  EXPECT_EQ(c.Read().status, 413);
}

// A request head over server.max_header_bytes is 431.
TEST_F(ServerTest, OversizedHeadIsRefusedWith431) {
  config_.server.max_header_bytes = 1024;
  StartServer();
  Connection c(port());
  Response r = c.Send("GET", "/healthz", "", {{"X-Padding", std::string(4096, 'p')}});
  EXPECT_EQ(r.status, 431);
  EXPECT_EQ(r.ErrorCode(), "headers_too_large");
}

// Slowloris: a client that starts a request and never finishes it is disconnected
// after server.read_timeout_ms, although the idle timeout is far longer.
TEST_F(ServerTest, SlowClientIsCutOff) {
  config_.server.read_timeout_ms = 300;
  config_.server.idle_timeout_ms = 600000;
  StartServer();
  Connection c(port());
  ASSERT_TRUE(c.WriteRaw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: "));
  EXPECT_TRUE(c.WaitClosed());
  // The server goes on serving others.
  EXPECT_EQ(Request(port(), "GET", "/healthz").status, 200);
}

// A kept-alive connection left idle is closed after server.idle_timeout_ms.
TEST_F(ServerTest, IdleConnectionIsClosed) {
  config_.server.idle_timeout_ms = 200;
  StartServer();
  Connection c(port());
  EXPECT_EQ(c.Send("GET", "/healthz").status, 200);
  EXPECT_TRUE(c.WaitClosed());
}

// Bytes that are not HTTP get 400 and a closed connection.
TEST_F(ServerTest, MalformedRequestIs400) {
  StartServer();
  Connection c(port());
  ASSERT_TRUE(c.WriteRaw("HELLO\x01 WORLD\r\n\r\n"));
  Response r = c.Read();
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.ErrorCode(), "invalid_request");
  EXPECT_TRUE(c.WaitClosed());
}

// "Expect: 100-continue" (curl's habit for large bodies) gets its interim answer, then
// the request is served.
TEST_F(ServerTest, AnswersExpectContinue) {
  StartServer();
  Connection c(port());
  ASSERT_TRUE(c.WriteRaw("POST /v1/claims:verify HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                         "Expect: 100-continue\r\n\r\n"));
  Response interim = c.Read();
  EXPECT_EQ(interim.status, 100);
  ASSERT_TRUE(c.WriteRaw("{}"));
  Response r = c.Read();
  EXPECT_EQ(r.status, 400);  // {} has no claim: the request went through
  EXPECT_NE(r.ErrorMessage().find("\"claim\" is missing"), std::string::npos) << r.body;
}

}  // namespace
}  // namespace citecheck::server::testing
