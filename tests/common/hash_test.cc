#include "common/hash.h"

#include <gtest/gtest.h>

namespace citecheck::common {
namespace {

// Known answers from FIPS 180-4 examples and `sha1sum | base32`.
TEST(Hash, Sha256HexOfKnownInputs) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Hash, WarcSha1DigestIsBase32) {
  // sha1("abc") = a9993e364706816aba3e25717850c26c9cd0d89d
  EXPECT_EQ(WarcSha1Digest("abc"), "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5");
  EXPECT_EQ(WarcSha1Digest(""), "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
}

TEST(Hash, StableHash64IsDeterministicAndSpreads) {
  EXPECT_EQ(StableHash64("https://a.example/"), StableHash64("https://a.example/"));
  EXPECT_NE(StableHash64("https://a.example/"), StableHash64("https://b.example/"));
  EXPECT_EQ(StableHash64("abc"), 0xba7816bf8f01cfeaULL);
}

}  // namespace
}  // namespace citecheck::common
