// libFuzzer target for the text module: every public function on arbitrary bytes,
// checking the contracts that hold for any input (spans inside the text, in order,
// quantities non-overlapping with low <= high, valid UTF-8 out of ToValidUtf8).
// Built and run by the fuzz_text CTest test (see fuzz/CMakeLists.txt); by hand:
//
//   bash fuzz/run_fuzzer.sh fuzz/project build/fuzz-build text_fuzzer fuzz/text/corpus 60 \
//     clang++ clang
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "text/text.h"

namespace {

using citecheck::text::Lang;

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckQuantities(std::string_view text, Lang lang) {
  size_t prev_end = 0;
  for (const citecheck::text::Quantity& q : citecheck::text::FindQuantities(text, lang)) {
    Check(q.span.begin >= prev_end && q.span.begin < q.span.end && q.span.end <= text.size());
    Check(q.text == text.substr(q.span.begin, q.span.size()));
    Check(!(q.low > q.high));
    prev_end = q.span.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::string valid = citecheck::text::ToValidUtf8(text);
  Check(citecheck::text::ToValidUtf8(valid) == valid);
  Check(citecheck::text::CountCodePoints(valid) <= valid.size());
  citecheck::text::Fold(text);
  for (Lang lang : {Lang::kFr, Lang::kEn, Lang::kUnknown}) CheckQuantities(text, lang);
  size_t prev_end = 0;
  for (const citecheck::text::Span& s : citecheck::text::SplitSentences(text, Lang::kFr)) {
    Check(s.begin >= prev_end && s.begin < s.end && s.end <= text.size());
    prev_end = s.end;
  }
  prev_end = 0;
  for (const citecheck::text::Word& w : citecheck::text::Words(text)) {
    Check(w.span.begin >= prev_end && w.span.begin < w.span.end && w.span.end <= text.size());
    prev_end = w.span.end;
  }
  citecheck::text::ContentTerms(text, Lang::kUnknown);
  citecheck::text::DetectLanguage(text);
  return 0;
}
