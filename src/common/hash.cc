#include "common/hash.h"

#include <openssl/evp.h>

#include <array>
#include <cstdint>
#include <memory>

namespace citecheck::common {
namespace {

struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

// Returns the raw digest; an empty string only if OpenSSL fails to allocate.
std::string Digest(const EVP_MD* md, std::string_view data) {
  std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  unsigned int len = 0;
  if (!ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), data.data(), data.size()) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), out.data(), &len) != 1) {
    return {};
  }
  return std::string(reinterpret_cast<const char*>(out.data()), len);
}

}  // namespace

std::string Sha256Hex(std::string_view data) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string raw = Digest(EVP_sha256(), data);
  std::string out;
  out.reserve(raw.size() * 2);
  for (unsigned char c : raw) {
    out += kHex[c >> 4];
    out += kHex[c & 15];
  }
  return out;
}

std::string WarcSha1Digest(std::string_view data) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  std::string raw = Digest(EVP_sha1(), data);  // 20 bytes -> exactly 32 base32 chars
  std::string out = "sha1:";
  uint64_t buffer = 0;
  int bits = 0;
  for (unsigned char c : raw) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out += kAlphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (5 - bits)) & 31];
  return out;
}

uint64_t StableHash64(std::string_view data) {
  std::string raw = Digest(EVP_sha256(), data);
  uint64_t h = 0;
  for (size_t i = 0; i < 8 && i < raw.size(); ++i) {
    h = (h << 8) | static_cast<unsigned char>(raw[i]);
  }
  return h;
}

}  // namespace citecheck::common
