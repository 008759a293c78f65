// Test helpers that produce content-coded bodies: gzip, zlib-wrapped and raw deflate,
// and brotli, as servers send them.
#ifndef CITECHECK_TESTS_CRAWLER_CODING_H_
#define CITECHECK_TESTS_CRAWLER_CODING_H_

#include <brotli/encode.h>
#include <zlib.h>

#include <string>
#include <string_view>

namespace citecheck::crawler::test {

// `data` deflated with zlib's `window_bits` (15 + 16 gzip, 15 zlib, -15 raw).
inline std::string Deflated(std::string_view data, int window_bits) {
  z_stream z{};
  deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, window_bits, 9, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(out.size() - z.avail_out);
  deflateEnd(&z);
  return out;
}

inline std::string Gzipped(std::string_view data) { return Deflated(data, 15 + 16); }

inline std::string Brotli(std::string_view data) {
  size_t size = BrotliEncoderMaxCompressedSize(data.size()) + 64;
  std::string out(size, '\0');
  BrotliEncoderCompress(5, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_GENERIC,
                        data.size(), reinterpret_cast<const uint8_t*>(data.data()), &size,
                        reinterpret_cast<uint8_t*>(out.data()));
  out.resize(size);
  return out;
}

}  // namespace citecheck::crawler::test

#endif  // CITECHECK_TESTS_CRAWLER_CODING_H_
