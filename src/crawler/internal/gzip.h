// Gzip members (RFC 1952) for WARC files, where each record is its own member so that
// a reader can seek to any record's offset and inflate from there.
//
// Thread-safety: pure functions.
#ifndef CITECHECK_CRAWLER_INTERNAL_GZIP_H_
#define CITECHECK_CRAWLER_INTERNAL_GZIP_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace citecheck::crawler::internal {

// True when `data` starts with the gzip magic bytes.
bool StartsWithGzipMagic(std::string_view data);

// `data` compressed as one complete gzip member. The header carries no name, a zero
// modification time and OS "unknown", so the output depends on `data` (and the zlib
// version) only. Errors: kInternal when zlib fails.
common::Result<std::string> GzipMember(std::string_view data);

struct InflatedMember {
  std::string data;     // the member's uncompressed content
  size_t consumed = 0;  // compressed bytes the member occupies in the input
};

// Inflates the gzip member at the start of `input`. Errors: kCorruption saying what is
// wrong (not gzip, bad data, truncated); the caller adds the file and offset.
common::Result<InflatedMember> GunzipMember(std::string_view input);

}  // namespace citecheck::crawler::internal

#endif  // CITECHECK_CRAWLER_INTERNAL_GZIP_H_
