#pragma once
// The words of a target sentence: a small hand-written tokenizer that keeps byte
// positions, so every field the grammar finds can point back into the sentence.
// Internal to the target grammar.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace planc::grammar {

/// What a token is.
enum class TokenKind {
    Word,     ///< letters, with inner digits, hyphens and apostrophes: "re-offending", "NI20"
    Number,   ///< digits with thousands commas and one decimal point: "1,234", "10.00"
    Percent,  ///< "%"
    Dots,     ///< three or more full stops, or "…": a placeholder
    Open,     ///< "(" or "["
    Close,    ///< ")" or "]"
    Punct,    ///< any other single character: ".", ",", "-", "–", "*", "£", "/"
};

/// One token: where it is (bytes, end exclusive) and, for words, its lower-case form.
struct Token {
    TokenKind kind = TokenKind::Punct;
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string lower;  ///< ASCII lower case of the text as written
};

/// A UTF-8 code point and its length in bytes; invalid bytes come back as U+FFFD, length 1.
struct CodePoint {
    char32_t value = 0;
    std::size_t length = 1;
};

/// Decodes the code point at byte `i` (which must be inside `text`).
CodePoint decode_at(std::string_view text, std::size_t i);

/// Splits a sentence into tokens; whitespace (no-break spaces included) separates them.
std::vector<Token> tokenize(std::string_view text);

/// True for a word that is a placeholder on its own: "TBC", "TBA", "XX", "XXXX".
bool is_gap_word(std::string_view lower_word);

/// True when `tokens[i]` starts a placeholder; `end` receives the token after it. Reads
/// "....", "…", "TBC", "TBA", "XX", "to be confirmed", and any of these in brackets.
bool gap_at(const std::vector<Token>& tokens, std::size_t i, std::size_t* end = nullptr);

/// The text of tokens [first, last) as written, or "" when the range is empty.
std::string_view text_of(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                         std::size_t last);

}  // namespace planc::grammar
