// libFuzzer target for the draft module: ParseDraft and ExtractClaims on arbitrary
// bytes, and ClaimsOfText, checking what holds for any input: a parse error names the
// file; every range lies inside the file with its line and column consistent with its
// offsets; sources are numbered in order; markers, attributions and claims point at
// existing sources; claims are numbered in order and every mention lies in the file.
// Built and run by the fuzz_draft CTest test (see fuzz/CMakeLists.txt); by hand:
//
//   bash fuzz/run_fuzzer.sh fuzz/project build/fuzz-build draft_fuzzer fuzz/draft/corpus 60 \
//     clang++ clang
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "draft/draft.h"

namespace {

using citecheck::draft::Draft;
using citecheck::draft::Range;

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckRange(const Draft& d, const Range& r) {
  Check(r.begin <= r.end && r.end <= d.content.size());
  Check(r.line >= 1 && r.column >= 1 && r.end_line >= r.line);
  Check(static_cast<size_t>(r.line) <= d.line_starts.size());
  Check(d.FileRange(r.begin, r.end) == r);
}

void CheckSource(const Draft& d, int source) {
  Check(source >= -1 && source < static_cast<int>(d.sources.size()));
}

void CheckDraft(const Draft& d) {
  for (size_t i = 0; i < d.sources.size(); ++i) {
    Check(d.sources[i].number == static_cast<int>(i) + 1);
    CheckRange(d, d.sources[i].range);
  }
  for (const auto& a : d.attributions) {
    CheckSource(d, a.source);
    CheckRange(d, a.range);
  }
  for (const auto& f : d.findings) CheckRange(d, f.range);
  for (const auto& b : d.blocks) {
    for (const auto& m : b.markers) {
      CheckSource(d, m.source);
      Check(m.at <= b.text.size());
    }
    for (const auto& p : b.pieces) Check(p.file_begin + p.size <= d.content.size());
  }
}

void CheckClaims(const Draft& d, const std::vector<citecheck::draft::Claim>& claims) {
  for (size_t i = 0; i < claims.size(); ++i) {
    const auto& c = claims[i];
    Check(c.id == "c" + std::to_string(i + 1));
    Check(!c.mentions.empty());
    for (int s : c.sources) Check(s >= 0 && s < static_cast<int>(d.sources.size()));
    for (const auto& m : c.mentions) {
      CheckRange(d, m.range);
      CheckRange(d, m.sentence_range);
      Check(m.block >= 0 && m.block < static_cast<int>(d.blocks.size()));
      for (const auto& cit : m.citations) CheckSource(d, cit.source);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto d = citecheck::draft::ParseDraft("fuzz.md", text);
  if (!d.ok()) {
    Check(d.status().message().rfind("fuzz.md:", 0) == 0);
  } else {
    CheckDraft(*d);
    CheckClaims(*d, citecheck::draft::ExtractClaims(*d));
  }
  const std::string valid = citecheck::text::ToValidUtf8(text);
  for (const auto& c : citecheck::draft::ClaimsOfText(valid, citecheck::text::Lang::kFr)) {
    Check(!c.mentions.empty());
  }
  return 0;
}
