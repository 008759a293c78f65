// Digests used for content identity (SHA-256) and for WARC payload digests (SHA-1 in
// base32, as WARC/1.1 readers expect).
//
// Thread-safety: pure functions.
#ifndef CITECHECK_COMMON_HASH_H_
#define CITECHECK_COMMON_HASH_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace citecheck::common {

// Lower-case hex SHA-256 of `data` (64 characters).
std::string Sha256Hex(std::string_view data);

// "sha1:" followed by the RFC 4648 base32 SHA-1 of `data` (32 characters).
std::string WarcSha1Digest(std::string_view data);

// A stable 64-bit hash (the first 8 bytes of SHA-256), for short keys.
uint64_t StableHash64(std::string_view data);

}  // namespace citecheck::common

#endif  // CITECHECK_COMMON_HASH_H_
