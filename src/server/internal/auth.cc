#include "server/internal/auth.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <iterator>
#include <sstream>
#include <vector>

#include "common/file.h"
#include "common/hash.h"

namespace citecheck::server::internal {
namespace {

using common::Result;
using common::Status;

// Buckets kept before full ones are dropped: anonymous callers are keyed by address,
// and a scan of many addresses must not grow the map without bound.
constexpr size_t kMaxBuckets = 10000;

bool IsHexDigest(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

std::vector<std::string> Fields(std::string_view line) {
  std::istringstream in{std::string(line)};
  std::vector<std::string> out;
  std::string f;
  while (in >> f) out.push_back(f);
  return out;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

Result<TokenTable> TokenTable::Load(const std::filesystem::path& path) {
  CC_ASSIGN_OR_RETURN(const std::string text, common::ReadFile(path, 1 << 20));
  return Parse(text, path.string());
}

Result<TokenTable> TokenTable::Parse(std::string_view text, std::string_view origin) {
  TokenTable table;
  int line_no = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    const std::vector<std::string> f = Fields(line);
    if (f.empty() || f[0].starts_with('#')) continue;
    auto bad = [&](const std::string& what) {
      return Status::InvalidArgument(std::string(origin) + ":" + std::to_string(line_no) +
                                     ": " + what);
    };
    if (!IsHexDigest(f[0])) return bad("expected the SHA-256 of a token (64 lower-case hex digits)");
    if (f.size() < 2) return bad("the token has no name");
    if (f.size() > 3 || (f.size() == 3 && f[2] != "read")) {
      return bad("unexpected \"" + f.back() + "\" (the only flag is \"read\")");
    }
    if (!table.by_hash_.emplace(f[0], Caller{f[1], f.size() == 3}).second) {
      return bad("the same token hash is listed twice");
    }
  }
  if (table.by_hash_.empty()) {
    return Status::InvalidArgument(std::string(origin) + ": no token in the file");
  }
  return table;
}

std::optional<Caller> TokenTable::Authenticate(std::string_view authorization) const {
  if (!StartsWithIgnoreCase(authorization, "bearer ")) return std::nullopt;
  std::string_view token = authorization.substr(7);
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  if (token.empty()) return std::nullopt;
  auto it = by_hash_.find(common::Sha256Hex(token));
  if (it == by_hash_.end()) return std::nullopt;
  return it->second;
}

RateLimiter::RateLimiter(double rate_per_second, int burst)
    : rate_(rate_per_second), burst_(std::max(1, burst)) {}

void RateLimiter::Refill(Bucket& b, int64_t now_micros) const {
  const double elapsed_s = static_cast<double>(now_micros - b.updated_micros) / 1e6;
  if (elapsed_s > 0) b.tokens = std::min(burst_, b.tokens + elapsed_s * rate_);
  b.updated_micros = std::max(b.updated_micros, now_micros);
}

void RateLimiter::Prune(int64_t now_micros) {
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    Refill(it->second, now_micros);
    it = it->second.tokens >= burst_ ? buckets_.erase(it) : std::next(it);
  }
}

int RateLimiter::Take(const std::string& key, int64_t now_micros) {
  if (rate_ <= 0) return 0;
  std::lock_guard<std::mutex> lock(mu_);
  if (buckets_.size() >= kMaxBuckets) Prune(now_micros);
  auto [it, added] = buckets_.try_emplace(key, Bucket{burst_, now_micros});
  Bucket& b = it->second;
  Refill(b, now_micros);
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return 0;
  }
  return std::max(1, static_cast<int>(std::ceil((1 - b.tokens) / rate_)));
}

}  // namespace citecheck::server::internal
