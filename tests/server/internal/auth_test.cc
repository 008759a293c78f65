// Tokens stored hashed, and the token bucket per caller.
#include "server/internal/auth.h"

#include <gtest/gtest.h>

#include "common/hash.h"
#include "testutil/testutil.h"

namespace citecheck::server::internal {
namespace {

using common::StatusCode;

// The file holds hashes; a caller presents the token itself. Names and the "read"
// flag come back with it; comments and blank lines are skipped.
TEST(TokenTable, AuthenticatesTokensByTheirHash) {
  const std::string text = "# editors\n\n" + common::Sha256Hex("s3cret") + " cms\n" +
                           common::Sha256Hex("look") + "  dashboard read\n";
  auto table = TokenTable::Parse(text, "tokens");
  ASSERT_OK(table);
  EXPECT_TRUE(table->enabled());
  EXPECT_EQ(table->Authenticate("Bearer s3cret"), (Caller{"cms", false}));
  EXPECT_EQ(table->Authenticate("bearer   look "), (Caller{"dashboard", true}));
  EXPECT_EQ(table->Authenticate("Bearer " + common::Sha256Hex("s3cret")), std::nullopt);
  for (const char* bad : {"", "Bearer", "Bearer ", "Basic czNjcmV0", "s3cret", "Bearer nope"}) {
    EXPECT_EQ(table->Authenticate(bad), std::nullopt) << bad;
  }
}

// Mistakes in the file are refused with the line that holds them.
TEST(TokenTable, RejectsMalformedFilesNamingTheLine) {
  const std::string hash = common::Sha256Hex("t");
  const std::pair<std::string, std::string> cases[] = {
      {"abc cms\n", "tokens:1: expected the SHA-256 of a token (64 lower-case hex digits)"},
      {"# c\n" + hash + "\n", "tokens:2: the token has no name"},
      {hash + " cms write\n", "tokens:1: unexpected \"write\" (the only flag is \"read\")"},
      {hash + " a\n" + hash + " b\n", "tokens:2: the same token hash is listed twice"},
      {"# nothing\n", "tokens: no token in the file"},
  };
  for (const auto& [text, message] : cases) {
    auto table = TokenTable::Parse(text, "tokens");
    EXPECT_EQ(table.status(), common::Status(StatusCode::kInvalidArgument, message)) << text;
  }
}

// A default table has no tokens: authentication is off.
TEST(TokenTable, EmptyTableIsDisabled) { EXPECT_FALSE(TokenTable().enabled()); }

// A bucket allows `burst` at once, then one request per 1/rate seconds; the wait
// given back is whole seconds, at least 1. Buckets are per key.
TEST(RateLimiter, AllowsBurstThenRefillsAtTheRate) {
  RateLimiter limiter(2, 3);
  int64_t now = 1000000;
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limiter.Take("a", now), 0) << i;
  EXPECT_EQ(limiter.Take("a", now), 1);
  EXPECT_EQ(limiter.Take("b", now), 0);
  now += 500000;  // half a second at 2/s: one token back
  EXPECT_EQ(limiter.Take("a", now), 0);
  EXPECT_EQ(limiter.Take("a", now), 1);
}

// A slow rate asks for a longer wait; a zero rate never limits.
TEST(RateLimiter, WaitFollowsTheRateAndZeroDisables) {
  RateLimiter slow(0.1, 1);
  EXPECT_EQ(slow.Take("a", 0), 0);
  EXPECT_EQ(slow.Take("a", 0), 10);
  RateLimiter off(0, 1);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(off.Take("a", 0), 0);
}

}  // namespace
}  // namespace citecheck::server::internal
