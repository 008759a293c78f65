#include "crawler/internal/gzip.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>

namespace citecheck::crawler::internal {
namespace {

// windowBits 15 (32 KiB window) + 16 selects the gzip wrapper in zlib.
constexpr int kGzipWindowBits = 15 + 16;
constexpr int kMemLevel = 8;
constexpr size_t kChunk = 64 * 1024;
// zlib counts in uInt; feed larger inputs in slices of this size.
constexpr size_t kMaxSlice = std::numeric_limits<uInt>::max() / 2;

// A deflate stream with the gzip header it writes: zlib keeps a pointer to the header
// until the stream ends, so both live together.
struct Deflater {
  z_stream z{};
  gz_header header{};
};
struct DeflateEnd {
  void operator()(Deflater* d) const {
    deflateEnd(&d->z);
    delete d;
  }
};
struct InflateEnd {
  void operator()(z_stream* z) const {
    inflateEnd(z);
    delete z;
  }
};
using DeflateStream = std::unique_ptr<Deflater, DeflateEnd>;
using InflateStream = std::unique_ptr<z_stream, InflateEnd>;

common::Result<DeflateStream> NewDeflateStream(int level) {
  auto d = std::make_unique<Deflater>();
  if (deflateInit2(&d->z, level, Z_DEFLATED, kGzipWindowBits, kMemLevel,
                   Z_DEFAULT_STRATEGY) != Z_OK) {
    return common::Status::Internal("zlib deflateInit2 failed");
  }
  DeflateStream stream(d.release());
  // Fixed header fields make the output deterministic: zlib's default header would
  // record the build platform's OS code.
  stream->header.os = 255;  // unknown
  if (deflateSetHeader(&stream->z, &stream->header) != Z_OK) {
    return common::Status::Internal("zlib deflateSetHeader failed");
  }
  return stream;
}

Bytef* In(std::string_view data) {
  return reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
}

// Compresses all of `data` as one member on a fresh (or reset) stream.
common::Result<std::string> Deflate(z_stream& z, std::string_view data) {
  std::string out;
  out.reserve(data.size() / 3 + 64);
  char buffer[kChunk];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    if (z.avail_in == 0 && !data.empty()) {
      const size_t slice = std::min(data.size(), kMaxSlice);
      z.next_in = In(data);
      z.avail_in = static_cast<uInt>(slice);
      data.remove_prefix(slice);
    }
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof(buffer);
    rc = deflate(&z, data.empty() ? Z_FINISH : Z_NO_FLUSH);
    if (rc == Z_STREAM_ERROR) return common::Status::Internal("zlib deflate failed");
    out.append(buffer, sizeof(buffer) - z.avail_out);
  }
  return out;
}

struct FileClose {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

}  // namespace

bool StartsWithGzipMagic(std::string_view data) {
  return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1F &&
         static_cast<unsigned char>(data[1]) == 0x8B;
}

common::Result<std::string> GzipMember(std::string_view data, int level) {
  CC_ASSIGN_OR_RETURN(DeflateStream stream, NewDeflateStream(level));
  return Deflate(stream->z, data);
}

struct GzipEncoder::Stream {
  DeflateStream deflater;
};

GzipEncoder::GzipEncoder(int level) : level_(level) {}
GzipEncoder::~GzipEncoder() = default;

common::Result<std::string> GzipEncoder::Member(std::string_view data) {
  if (stream_ == nullptr) {
    CC_ASSIGN_OR_RETURN(DeflateStream deflater, NewDeflateStream(level_));
    stream_ = std::make_unique<Stream>(Stream{std::move(deflater)});
  } else if (deflateReset(&stream_->deflater->z) != Z_OK ||
             deflateSetHeader(&stream_->deflater->z, &stream_->deflater->header) != Z_OK) {
    stream_.reset();
    return common::Status::Internal("zlib deflateReset failed");
  }
  common::Result<std::string> out = Deflate(stream_->deflater->z, data);
  if (!out.ok()) stream_.reset();
  return out;
}

common::Result<InflatedMember> GunzipMember(std::string_view input) {
  if (!StartsWithGzipMagic(input)) return common::Status::Corruption("not a gzip member");
  auto raw = std::make_unique<z_stream>();
  if (inflateInit2(raw.get(), kGzipWindowBits) != Z_OK) {
    return common::Status::Internal("zlib inflateInit2 failed");
  }
  InflateStream z(raw.release());
  InflatedMember member;
  std::string_view rest = input;
  char buffer[kChunk];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    if (z->avail_in == 0) {
      if (rest.empty()) return common::Status::Corruption("truncated gzip member");
      const size_t slice = std::min(rest.size(), kMaxSlice);
      z->next_in = In(rest);
      z->avail_in = static_cast<uInt>(slice);
      rest.remove_prefix(slice);
    }
    z->next_out = reinterpret_cast<Bytef*>(buffer);
    z->avail_out = sizeof(buffer);
    rc = inflate(z.get(), Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
      return common::Status::Corruption(std::string("bad gzip data: ") +
                                        (z->msg != nullptr ? z->msg : "zlib error"));
    }
    member.data.append(buffer, sizeof(buffer) - z->avail_out);
  }
  member.consumed = input.size() - rest.size() - z->avail_in;
  return member;
}

common::Result<std::string> GunzipMemberAt(const std::filesystem::path& path, int64_t offset) {
  std::unique_ptr<std::FILE, FileClose> file(std::fopen(path.c_str(), "rbe"));
  if (!file) {
    const int err = errno;
    const std::string what = path.string() + ": " + std::strerror(err);
    return err == ENOENT ? common::Status::NotFound(what) : common::Status::IoError(what);
  }
  auto fail = [&](std::string_view why) {
    return common::Status::Corruption(path.string() + ": bad gzip member at offset " +
                                      std::to_string(offset) + ": " + std::string(why));
  };
  if (offset < 0 || std::fseek(file.get(), offset, SEEK_SET) != 0) return fail("cannot seek");
  auto raw = std::make_unique<z_stream>();
  if (inflateInit2(raw.get(), kGzipWindowBits) != Z_OK) {
    return common::Status::Internal("zlib inflateInit2 failed");
  }
  InflateStream z(raw.release());
  std::string out;
  char in[kChunk];
  char buffer[kChunk];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    if (z->avail_in == 0) {
      const size_t got = std::fread(in, 1, sizeof(in), file.get());
      if (got == 0) return fail(std::ferror(file.get()) ? "read error" : "truncated gzip member");
      z->next_in = reinterpret_cast<Bytef*>(in);
      z->avail_in = static_cast<uInt>(got);
    }
    z->next_out = reinterpret_cast<Bytef*>(buffer);
    z->avail_out = sizeof(buffer);
    rc = inflate(z.get(), Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
      return fail(std::string("bad gzip data: ") + (z->msg != nullptr ? z->msg : "zlib error"));
    }
    out.append(buffer, sizeof(buffer) - z->avail_out);
  }
  return out;
}

}  // namespace citecheck::crawler::internal
