// Content decoding with zlib and libbrotlidec, and media type sniffing.
#include "crawler/internal/content.h"

#include <brotli/decode.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "common/file.h"

namespace citecheck::crawler::internal {
namespace {

constexpr size_t kChunk = 64 * 1024;
// zlib counts in uInt; larger inputs are fed in slices.
constexpr size_t kMaxSlice = std::numeric_limits<uInt>::max() / 2;
// windowBits: 15 with +32 detects a zlib or gzip header; -15 reads raw deflate.
constexpr int kAutoHeader = 15 + 32;
constexpr int kRawDeflate = -15;

common::Status TooLarge(size_t max_decoded) {
  return common::Status::ResourceExhausted("decoded body larger than " +
                                           std::to_string(max_decoded) + " bytes");
}

struct InflateEnd {
  void operator()(z_stream* z) const {
    inflateEnd(z);
    delete z;
  }
};
using InflateStream = std::unique_ptr<z_stream, InflateEnd>;

struct BrotliFree {
  void operator()(BrotliDecoderState* s) const { BrotliDecoderDestroyInstance(s); }
};
using BrotliStream = std::unique_ptr<BrotliDecoderState, BrotliFree>;

// Inflates `in` (gzip members one after another, or one zlib or raw deflate stream).
common::Result<std::string> Inflate(std::string_view in, int window_bits, size_t max_decoded,
                                    std::string_view name) {
  auto raw = std::make_unique<z_stream>();
  if (inflateInit2(raw.get(), window_bits) != Z_OK) {
    return common::Status::Internal("zlib inflateInit2 failed");
  }
  InflateStream z(raw.release());
  std::string out;
  std::array<char, kChunk> buffer;
  while (true) {
    if (z->avail_in == 0 && !in.empty()) {
      const size_t slice = std::min(in.size(), kMaxSlice);
      z->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
      z->avail_in = static_cast<uInt>(slice);
      in.remove_prefix(slice);
    }
    z->next_out = reinterpret_cast<Bytef*>(buffer.data());
    z->avail_out = buffer.size();
    const int rc = inflate(z.get(), Z_NO_FLUSH);
    const size_t produced = buffer.size() - z->avail_out;
    if (out.size() + produced > max_decoded) return TooLarge(max_decoded);
    out.append(buffer.data(), produced);
    if (rc == Z_STREAM_END) {
      // Another gzip member may follow (RFC 1952 section 2.2); trailing zeros may not.
      if (z->avail_in == 0 && in.empty()) return out;
      if (inflateReset(z.get()) != Z_OK) return common::Status::Internal("zlib inflateReset failed");
      continue;
    }
    if (rc == Z_BUF_ERROR && z->avail_in == 0 && in.empty()) {
      return common::Status::Corruption("truncated " + std::string(name) + " data");
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      return common::Status::Corruption("bad " + std::string(name) + " data: " +
                                        (z->msg != nullptr ? z->msg : "zlib error"));
    }
  }
}

common::Result<std::string> Unbrotli(std::string_view in, size_t max_decoded) {
  BrotliStream state(BrotliDecoderCreateInstance(nullptr, nullptr, nullptr));
  if (!state) return common::Status::Internal("brotli decoder creation failed");
  std::string out;
  std::array<uint8_t, kChunk> buffer;
  size_t available_in = in.size();
  const auto* next_in = reinterpret_cast<const uint8_t*>(in.data());
  while (true) {
    size_t available_out = buffer.size();
    uint8_t* next_out = buffer.data();
    const BrotliDecoderResult rc = BrotliDecoderDecompressStream(
        state.get(), &available_in, &next_in, &available_out, &next_out, nullptr);
    const size_t produced = buffer.size() - available_out;
    if (out.size() + produced > max_decoded) return TooLarge(max_decoded);
    out.append(reinterpret_cast<const char*>(buffer.data()), produced);
    if (rc == BROTLI_DECODER_RESULT_SUCCESS) return out;
    if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
      return common::Status::Corruption("truncated br data");
    }
    if (rc == BROTLI_DECODER_RESULT_ERROR) {
      return common::Status::Corruption(
          std::string("bad br data: ") +
          BrotliDecoderErrorString(BrotliDecoderGetErrorCode(state.get())));
    }
  }
}

// Undoes one coding.
common::Result<std::string> DecodeOne(std::string_view coding, const std::string& body,
                                      size_t max_decoded) {
  if (coding == "gzip" || coding == "x-gzip") return Inflate(body, kAutoHeader, max_decoded, "gzip");
  if (coding == "br") return Unbrotli(body, max_decoded);
  if (coding == "deflate") {
    // RFC 9110 says zlib-wrapped, but some servers send raw deflate: try both.
    auto wrapped = Inflate(body, kAutoHeader, max_decoded, "deflate");
    if (wrapped.ok() || wrapped.status().code() == common::StatusCode::kResourceExhausted) {
      return wrapped;
    }
    return Inflate(body, kRawDeflate, max_decoded, "deflate");
  }
  return common::Status::Unimplemented("unsupported content coding '" + std::string(coding) + "'");
}

std::vector<std::string> Codings(std::string_view value) {
  std::vector<std::string> out;
  while (!value.empty()) {
    const size_t comma = value.find(',');
    std::string token;
    for (char c : value.substr(0, comma)) {
      if (c != ' ' && c != '\t') token += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (!token.empty() && token != "identity") out.push_back(std::move(token));
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return out;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

// An HTML tag that starts a document: the name must end at a space or '>'.
bool StartsWithHtmlTag(std::string_view s) {
  static constexpr std::string_view kTags[] = {
      "<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<h1",  "<div",
      "<font",          "<table", "<a",   "<style", "<title", "<b",      "<br",  "<p", "<!--"};
  for (std::string_view tag : kTags) {
    if (!StartsWithNoCase(s, tag)) continue;
    if (tag == "<!--") return true;
    if (s.size() > tag.size() && (s[tag.size()] == ' ' || s[tag.size()] == '>')) return true;
  }
  return false;
}

struct Signature {
  std::string_view magic;
  std::string_view type;
};

constexpr Signature kSignatures[] = {
    {"%PDF-", "application/pdf"},        {"\x89PNG\r\n\x1a\n", "image/png"},
    {"GIF87a", "image/gif"},             {"GIF89a", "image/gif"},
    {"\xFF\xD8\xFF", "image/jpeg"},      {"PK\x03\x04", "application/zip"},
    {"\x1F\x8B\x08", "application/gzip"}, {"%!PS-Adobe-", "application/postscript"},
};

}  // namespace

common::Result<std::string> DecodeContent(std::string_view content_encoding, std::string body,
                                          size_t max_decoded) {
  if (body.empty()) return body;  // a 304, or an empty page: nothing to undo
  std::vector<std::string> codings = Codings(content_encoding);
  for (auto it = codings.rbegin(); it != codings.rend(); ++it) {
    CC_ASSIGN_OR_RETURN(body, DecodeOne(*it, body, max_decoded));
  }
  if (body.size() > max_decoded) return TooLarge(max_decoded);
  return body;
}

bool NeedsSniffing(std::string_view type) {
  return type.empty() || type == "application/octet-stream" || type == "unknown/unknown" ||
         type == "application/unknown" || type == "*/*";
}

std::string SniffMediaType(std::string_view body) {
  for (const Signature& s : kSignatures) {
    if (body.starts_with(s.magic)) return std::string(s.type);
  }
  if (body.size() >= 12 && body.substr(0, 4) == "RIFF" && body.substr(8, 4) == "WEBP") {
    return "image/webp";
  }
  std::string_view text = body;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const size_t first = text.find_first_not_of(" \t\r\n\f");
  text = first == std::string_view::npos ? std::string_view() : text.substr(first);
  if (StartsWithHtmlTag(text)) return "text/html";
  if (text.starts_with("<?xml")) {
    const std::string_view head = text.substr(0, 1024);
    const bool xhtml = head.find("http://www.w3.org/1999/xhtml") != std::string_view::npos;
    return xhtml ? "application/xhtml+xml" : "text/xml";
  }
  return common::LooksBinary(body) ? "application/octet-stream" : "text/plain";
}

}  // namespace citecheck::crawler::internal
