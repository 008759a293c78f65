// Who is calling, and how often: bearer tokens stored hashed, and a token bucket per
// caller.
//
// The tokens file holds no token, only the SHA-256 (lower-case hex) of each, so that
// reading the file does not give access. One line per token:
//
//   # comment
//   9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 editor-cms
//   60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752 dashboard read
//
// The name identifies the caller in logs and in the jobs it submits; "read" makes a
// token read-only (GET only; a POST with it is 403).
//
// Thread-safety: TokenTable is immutable after Load; RateLimiter is thread-safe.
#ifndef CITECHECK_SERVER_INTERNAL_AUTH_H_
#define CITECHECK_SERVER_INTERNAL_AUTH_H_

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/status.h"

namespace citecheck::server::internal {

struct Caller {
  std::string name;        // the token's name, or "" for an anonymous caller
  bool read_only = false;
  bool operator==(const Caller&) const = default;
};

class TokenTable {
 public:
  // No tokens: authentication is off and every caller is anonymous.
  TokenTable() = default;

  // Reads a tokens file. Errors (kInvalidArgument, "<path>:<line>: ..."): a hash that
  // is not 64 hex digits, a missing name, an unknown flag, a duplicate hash; those of
  // common::ReadFile. A file with no token is an error too (it would lock everyone out
  // while looking configured).
  static common::Result<TokenTable> Load(const std::filesystem::path& path);

  // Parses the text of a tokens file; `origin` names it in messages.
  static common::Result<TokenTable> Parse(std::string_view text, std::string_view origin);

  bool enabled() const { return !by_hash_.empty(); }

  // The caller an Authorization header value ("Bearer <token>") designates; nullopt
  // when the header is absent or malformed, or the token unknown.
  std::optional<Caller> Authenticate(std::string_view authorization) const;

 private:
  std::unordered_map<std::string, Caller> by_hash_;  // SHA-256 hex -> caller
};

// Token buckets: each key may make `burst` requests at once, refilled at `rate` per
// second. A rate of 0 disables limiting.
class RateLimiter {
 public:
  RateLimiter(double rate_per_second, int burst);
  RateLimiter(const RateLimiter&) = delete;
  RateLimiter& operator=(const RateLimiter&) = delete;

  // Takes one token from `key`'s bucket at `now_micros` (a monotonic clock). Returns 0
  // when allowed, else the whole seconds to wait before a token is available (>= 1).
  int Take(const std::string& key, int64_t now_micros);

 private:
  struct Bucket {
    double tokens = 0;
    int64_t updated_micros = 0;
  };
  void Refill(Bucket& b, int64_t now_micros) const;
  void Prune(int64_t now_micros);  // REQUIRES: mu_ held

  const double rate_;
  const double burst_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;  // guarded by mu_
};

}  // namespace citecheck::server::internal

#endif  // CITECHECK_SERVER_INTERNAL_AUTH_H_
