#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "text/internal/fold.h"
#include "text/internal/utf8.h"
#include "text/text.h"

namespace citecheck::text {
namespace {

struct FoldCase {
  std::string_view in;
  std::string_view out;
};

// Fold: NFKC, lower case, diacritics removed, typographic apostrophes and quotes made
// ASCII, every dash '-', every Unicode space ' ' (text.h).
TEST(Fold, Table) {
  constexpr FoldCase kCases[] = {
      {"", ""},
      {"Hello World", "hello world"},
      {"Côte d’Azur", "cote d'azur"},
      {"ÉLÈVE À l’ÉCOLE", "eleve a l'ecole"},
      {"naïve café crème brûlée", "naive cafe creme brulee"},
      {"Ça, c’était ‘bien’", "ca, c'etait 'bien'"},
      {"l`avis d´un ami", "l'avis d'un ami"},
      {"modifierʼs", "modifier's"},
      {"«Bonjour»", "\"bonjour\""},
      {"« Bonjour »", "\" bonjour \""},
      {"“quoted” and „low“", "\"quoted\" and \"low\""},
      {"a-b‐c‑d‒e–f—g―h−i", "a-b-c-d-e-f-g-h-i"},
      {"1\u00a0200\u202f€ et 3\u2009%", "1 200 € et 3 %"},
      {"tab\there", "tab here"},
      {"two\nlines", "two\nlines"},
      {"ﬁn de l’œuvre", "fin de l'œuvre"},
      {"Straße", "straße"},
      {"x² and ½", "x2 and 1⁄2"},
      {"wait…", "wait..."},
      {"e\u0301te\u0301", "ete"},  // decomposed accents
      {"İstanbul", "istanbul"},
      {"ΑΘΗΝΑ", "αθηνα"},
      {"Ελληνικά", "ελληνικα"},
      {"日本語のテキスト", "日本語のテキスト"},
      {"ＡＢＣ１２３", "abc123"},  // full-width forms (NFKC)
  };
  for (const FoldCase& c : kCases) EXPECT_EQ(Fold(c.in), c.out) << c.in;
}

// Ill-formed UTF-8 becomes U+FFFD before folding.
TEST(Fold, InvalidBytesBecomeReplacementCharacter) {
  EXPECT_EQ(Fold("A\xFFz"), "a\xEF\xBF\xBDz");
  EXPECT_EQ(Fold("caf\xC3"), "caf\xEF\xBF\xBD");
}

// A piece that needs ICU (a decomposed accent) does not change the folding of the
// rest of the text.
TEST(Fold, MixedFastAndSlowPieces) {
  EXPECT_EQ(Fold("Déjà vu: e\u0301te\u0301 ÉTÉ"), "deja vu: ete ete");
  EXPECT_EQ(Fold("Ελληνικά et Français"), "ελληνικα et francais");
}

// The fast tables agree with the ICU path for every code point they cover, so the two
// paths of Fold can never disagree.
TEST(Fold, FastTableMatchesIcuPath) {
  for (char32_t c = 0x20; c < 0x250; ++c) {
    if (c >= 0x7F && c < 0xA0) continue;  // C1 controls
    std::string s;
    internal::AppendUtf8(c, &s);
    std::string fast;
    ASSERT_TRUE(internal::AppendFoldedFast(c, &fast)) << std::hex << static_cast<uint32_t>(c);
    EXPECT_EQ(fast, internal::FoldWithIcu(s)) << std::hex << static_cast<uint32_t>(c);
  }
  for (char32_t c = 0x2000; c < 0x2070; ++c) {
    std::string s;
    internal::AppendUtf8(c, &s);
    std::string fast;
    if (internal::AppendFoldedFast(c, &fast)) {
      EXPECT_EQ(fast, internal::FoldWithIcu(s)) << std::hex << static_cast<uint32_t>(c);
    }
  }
}

// Fold is idempotent: folding folded text changes nothing.
TEST(Fold, IsIdempotent) {
  for (std::string_view s : {"Côte d’Azur — «Été» 1 200 €", "ΣΟΦΟΣ", "e\u0301te\u0301"}) {
    const std::string once = Fold(s);
    EXPECT_EQ(Fold(once), once) << s;
  }
}

// ToValidUtf8 keeps valid text as is and replaces each ill-formed sequence with one
// U+FFFD.
TEST(ToValidUtf8, Table) {
  struct Case {
    std::string_view in;
    std::string_view out;
  };
  constexpr Case kCases[] = {
      {"", ""},
      {"plain ascii", "plain ascii"},
      {"déjà € 😀", "déjà € 😀"},
      {"a\xFFz", "a\xEF\xBF\xBDz"},
      {"a\xE2\x82", "a\xEF\xBF\xBD"},                            // truncated sequence at the end
      {"\xC3\x28", "\xEF\xBF\xBD("},                             // bad continuation byte
      {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},  // surrogate
      {"\xEF\xBF\xBD", "\xEF\xBF\xBD"},                          // a real U+FFFD stays
  };
  for (const Case& c : kCases) EXPECT_EQ(ToValidUtf8(c.in), c.out) << c.in;
}

// CountCodePoints counts code points; an ill-formed byte counts as one.
TEST(CountCodePoints, Table) {
  EXPECT_EQ(CountCodePoints(""), 0u);
  EXPECT_EQ(CountCodePoints("abc"), 3u);
  EXPECT_EQ(CountCodePoints("héllo€"), 6u);
  EXPECT_EQ(CountCodePoints("😀x"), 2u);
  EXPECT_EQ(CountCodePoints("a\xFF"), 2u);
  EXPECT_EQ(CountCodePoints(ToValidUtf8("a\xFF")), 2u);
}

}  // namespace
}  // namespace citecheck::text
