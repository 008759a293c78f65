// Gzip members (RFC 1952) for WARC files, where each record is its own member so that
// a reader can seek to any record's offset and inflate from there.
//
// Thread-safety: pure functions.
#ifndef CITECHECK_CRAWLER_INTERNAL_GZIP_H_
#define CITECHECK_CRAWLER_INTERNAL_GZIP_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace citecheck::crawler::internal {

// True when `data` starts with the gzip magic bytes.
bool StartsWithGzipMagic(std::string_view data);

// zlib's default compression level (6).
inline constexpr int kDefaultGzipLevel = -1;

// `data` compressed as one complete gzip member at zlib `level` (1 fastest .. 9
// smallest). The header carries no name, a zero modification time and OS "unknown",
// so the output depends on `data`, the level (and the zlib version) only.
// Errors: kInternal when zlib fails.
common::Result<std::string> GzipMember(std::string_view data, int level = kDefaultGzipLevel);

// Compresses one gzip member after another on the same zlib stream (reset between
// members), which spares the allocation and clearing of zlib's tables for every
// record: about three times faster than GzipMember for records of a few KiB, with the
// same output. Not thread-safe.
class GzipEncoder {
 public:
  explicit GzipEncoder(int level = kDefaultGzipLevel);
  ~GzipEncoder();
  GzipEncoder(const GzipEncoder&) = delete;
  GzipEncoder& operator=(const GzipEncoder&) = delete;

  // As GzipMember(data, level). Errors: kInternal when zlib fails.
  common::Result<std::string> Member(std::string_view data);

 private:
  struct Stream;
  const int level_;
  std::unique_ptr<Stream> stream_;  // null until first use, and after a zlib failure
};

struct InflatedMember {
  std::string data;     // the member's uncompressed content
  size_t consumed = 0;  // compressed bytes the member occupies in the input
};

// Inflates the gzip member at the start of `input`. Errors: kCorruption saying what is
// wrong (not gzip, bad data, truncated); the caller adds the file and offset.
common::Result<InflatedMember> GunzipMember(std::string_view input);

// Inflates the gzip member that starts at `offset` of the file, reading only as much of
// the file as the member takes. Errors: kNotFound / kIoError naming the path;
// kCorruption as GunzipMember's, naming the path and offset.
common::Result<std::string> GunzipMemberAt(const std::filesystem::path& path, int64_t offset);

}  // namespace citecheck::crawler::internal

#endif  // CITECHECK_CRAWLER_INTERNAL_GZIP_H_
