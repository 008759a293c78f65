#include "text/internal/identifiers.h"

#include <gtest/gtest.h>

#include <string_view>

namespace citecheck::text::internal {
namespace {

// Addresses start at byte 0 of each case; `want` is what they cover.
TEST(FindAddress, Table) {
  struct Case {
    std::string_view text;
    std::string_view want;  // "" for no address
  };
  constexpr Case kCases[] = {
      {"https://x.fr/2024/a", "https://x.fr/2024/a"},
      {"http://example.com/a?b=1.", "http://example.com/a?b=1"},
      {"www.example.fr, puis", "www.example.fr"},
      {"HTTPS://EXAMPLE.COM/2024)", "HTTPS://EXAMPLE.COM/2024"},
      {"contact@x2024.fr.", "contact@x2024.fr"},
      {"exemple.fr/2024/rapport", "exemple.fr/2024/rapport"},
      {"x.fr/a»", "x.fr/a"},
      {"et/ou 2024", ""},
      {"km/h", ""},
      {"24/7", ""},
      {"word", ""},
      {"@user", ""},
  };
  for (const Case& c : kCases) {
    size_t end = 0;
    const bool found = FindAddress(c.text, 0, &end);
    EXPECT_EQ(found, !c.want.empty()) << c.text;
    if (found) {
      EXPECT_EQ(c.text.substr(0, end), c.want) << c.text;
    }
  }
}

TEST(FindPhoneNumber, Table) {
  struct Case {
    std::string_view text;
    size_t start;
    std::string_view want;  // "" for no telephone number
  };
  constexpr Case kCases[] = {
      {"01 23 45 67 89", 0, "01 23 45 67 89"},
      {"06.12.34.56.78 !", 0, "06.12.34.56.78"},
      {"0612345678", 0, "0612345678"},
      {"+33 1 23 45 67 89", 1, "33 1 23 45 67 89"},
      {"555-123-4567", 0, "555-123-4567"},
      {"010-2448-6441", 0, "010-2448-6441"},
      {"100.000.000", 0, ""},  // thousands
      {"1 200 000", 0, ""},    // thousands
      {"2024", 0, ""},
      {"12 34", 0, ""},
      {"01 23 45 67 89x", 0, ""},  // glued to a letter
  };
  for (const Case& c : kCases) {
    size_t end = 0;
    const bool found = FindPhoneNumber(c.text, c.start, &end);
    EXPECT_EQ(found, !c.want.empty()) << c.text;
    if (found) {
      EXPECT_EQ(c.text.substr(c.start, end - c.start), c.want) << c.text;
    }
  }
}

}  // namespace
}  // namespace citecheck::text::internal
