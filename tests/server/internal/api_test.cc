// Who may call: bearer tokens from the tokens file, read-only tokens, owners of
// checks, and the rate limit per token.
#include <string>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "common/file.h"
#include "server/harness.h"
#include "testutil/testutil.h"

namespace citecheck::server::testing {
namespace {

class AuthTest : public ServerTest {
 protected:
  void SetUp() override {
    const std::string tokens = "# test tokens\n" + HashToken("editor-secret") + " editor\n" +
                               HashToken("other-secret") + " other\n" +
                               HashToken("viewer-secret") + " viewer read\n";
    const auto path = dir_.path() / "tokens";
    ASSERT_OK(common::WriteFileAtomically(path, tokens));
    config_.server.tokens_file = path.string();
  }
  static Headers Bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }
};

// With a tokens file, /v1 needs a known token (401 with WWW-Authenticate otherwise);
// probes and the API description do not.
TEST_F(AuthTest, UnknownOrMissingTokensAre401) {
  StartServer();
  Response none = Request(port(), "GET", "/v1/checks/1");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.ErrorCode(), "unauthenticated");
  EXPECT_EQ(none.Header("www-authenticate"), "Bearer realm=\"citecheck\"");
  EXPECT_EQ(Request(port(), "GET", "/v1/checks/1", "", Bearer("guess")).status, 401);
  EXPECT_EQ(Request(port(), "GET", "/v1/checks/1", "", {{"Authorization", "Basic ZWRpdG9y"}}).status, 401);
  // The hash itself is not a token.
  EXPECT_EQ(Request(port(), "GET", "/v1/checks/1", "", Bearer(HashToken("editor-secret"))).status, 401);
  EXPECT_EQ(Request(port(), "GET", "/v1/checks/1", "", Bearer("editor-secret")).status, 404);
  EXPECT_EQ(Request(port(), "GET", "/v1/audits/1").status, 401);
  EXPECT_EQ(Request(port(), "GET", "/v1/audits/1", "", Bearer("editor-secret")).status, 404);
  for (const char* open : {"/healthz", "/readyz", "/metrics", "/v1/openapi.json"}) {
    EXPECT_EQ(Request(port(), "GET", open).status, 200) << open;
  }
}

// A read-only token reads but may not submit (403).
TEST_F(AuthTest, ReadOnlyTokenCannotWrite) {
  StartServer();
  Response post = Request(port(), "POST", "/v1/claims:verify", R"({"claim": "x", "text": "y"})",
                          Bearer("viewer-secret"));
  EXPECT_EQ(post.status, 403);
  EXPECT_EQ(post.ErrorCode(), "forbidden");
  EXPECT_EQ(Request(port(), "POST", "/v1/checks", DraftCiting(site_), Bearer("viewer-secret")).status, 403);
  EXPECT_EQ(Request(port(), "POST", "/v1/audits", "{}", Bearer("viewer-secret")).status, 403);
  EXPECT_EQ(Request(port(), "GET", "/v1/sources?url=" + site_.Url("/enquete"), "", Bearer("viewer-secret")).status,
            200);
}

// A check belongs to the token that submitted it: another token does not see it.
TEST_F(AuthTest, ChecksAreVisibleToTheirOwnerOnly) {
  StartServer();
  Response r = Request(port(), "POST", "/v1/checks", DraftCiting(site_), Bearer("editor-secret"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Request(port(), "GET", "/v1/checks/1", "", Bearer("editor-secret")).status, 200);
  EXPECT_EQ(Request(port(), "GET", "/v1/checks/1", "", Bearer("other-secret")).status, 404);
  EXPECT_EQ(Request(port(), "GET", "/v1/checks/1/report.html", "", Bearer("other-secret")).status, 404);
}

// Each token has its own bucket: past the burst, 429 with Retry-After; the bucket
// refills with time (the test's clock).
TEST_F(AuthTest, RateLimitIsPerToken) {
  config_.server.rate_limit_per_second = 1;
  config_.server.rate_limit_burst = 2;
  StartServer();
  const std::string target = "/v1/checks/1";
  EXPECT_EQ(Request(port(), "GET", target, "", Bearer("editor-secret")).status, 404);
  EXPECT_EQ(Request(port(), "GET", target, "", Bearer("editor-secret")).status, 404);
  Response limited = Request(port(), "GET", target, "", Bearer("editor-secret"));
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.ErrorCode(), "rate_limited");
  EXPECT_EQ(limited.Header("retry-after"), "1");
  EXPECT_EQ(Request(port(), "GET", target, "", Bearer("other-secret")).status, 404);
  clock_.Advance(1000000);
  EXPECT_EQ(Request(port(), "GET", target, "", Bearer("editor-secret")).status, 404);
}

// A tokens file that does not parse stops the server from starting.
TEST_F(AuthTest, BadTokensFileIsAStartError) {
  ASSERT_OK(common::WriteFileAtomically(config_.server.tokens_file, "plaintext-token editor\n"));
  auto server = Server::Start(config_, clock_, logger_);
  EXPECT_EQ(server.status().code(), common::StatusCode::kInvalidArgument);
  EXPECT_NE(server.status().message().find("tokens:1:"), std::string::npos) << server.status().message();
}

}  // namespace
}  // namespace citecheck::server::testing
