// The quantity recognizer's tokenizer: numbers (with their digit-group conventions
// resolved), words (folded and looked up in the lexicon), single-character symbols,
// numeric dates, and opaque chunks (URLs, identifiers such as "H2O" or "COVID-19",
// phone numbers, version numbers) that must not yield quantities.
#ifndef CITECHECK_TEXT_INTERNAL_TOKENIZER_H_
#define CITECHECK_TEXT_INTERNAL_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/internal/lexicon.h"
#include "text/text.h"

namespace citecheck::text::internal {

enum class TokenType : uint8_t {
  kNumber,       // "13,5", "1 200", "2024"
  kWord,         // letters; elided articles end with an apostrophe ("d'")
  kSymbol,       // one code point of punctuation or symbol
  kNumericDate,  // "02/03/2023", "2023-03-02", "03/2024"
  kOpaque,       // never part of a quantity
};

// What a word can be, over the senses its language allows (Token::roles).
enum TokenRole : uint16_t {
  kRoleNumber = 1u << 0,  // a cardinal, multiplier, ordinal or approximating noun
  kRoleMonth = 1u << 1,
  kRoleMultiplier = 1u << 2,  // "doublé", "tenfold"
  kRoleUnit = 1u << 3,        // a unit or currency word
  kRoleScale = 1u << 4,
  kRoleDenominator = 1u << 5,
};

struct Token {
  TokenType type = TokenType::kSymbol;
  bool space_before = false;  // white space between the previous token and this one
  bool capitalized = false;   // a word whose first letter is upper case
  bool all_caps = false;      // a word in capitals only ("EUR", "M")
  bool accented = false;      // folding removed a diacritic ("dès", "doublé")
  char32_t symbol = 0;        // kSymbol: the code point
  uint32_t begin = 0;         // byte offsets in the input, half-open
  uint32_t end = 0;
  uint32_t key_begin = 0;  // the folded text, in TokenList::keys
  uint32_t key_size = 0;
  const LexSenses* lex = nullptr;  // kWord: the lexicon senses, if any
  uint32_t flags = 0;              // kWord: LexFlag bits of the senses `lang` allows
  uint16_t roles = 0;              // kWord: TokenRole bits of those senses
  // kNumber
  double value = 0;
  int16_t decimals = 0;       // digits after the decimal mark
  int16_t int_digits = 0;     // digits before it
  bool grouped = false;       // written with thousands separators
  bool plain = false;         // ASCII digits only
  bool leading_zero = false;  // "02"
  // kNumericDate
  int year = 0, month = 0, day = 0;
};

struct TokenList {
  std::string_view text;  // the input; not owned
  std::string keys;       // folded text of all tokens, back to back
  std::vector<Token> tokens;

  std::string_view Key(const Token& t) const {
    return std::string_view(keys).substr(t.key_begin, t.key_size);
  }
  std::string_view Raw(const Token& t) const { return text.substr(t.begin, t.end - t.begin); }
};

// Tokens of `text`. `lang` decides ambiguous digit groups: "1,200" is 1200 in English
// and 1.2 in French, "1.200" the reverse; kUnknown reads both as thousands.
// REQUIRES: text.size() < 2^32.
TokenList Tokenize(std::string_view text, Lang lang);

}  // namespace citecheck::text::internal

#endif  // CITECHECK_TEXT_INTERNAL_TOKENIZER_H_
