// The tokenizer of the target grammar. Hand-written rather than std::regex: it runs on
// every target sentence and table cell, and must survive any bytes at all.

#include "target_grammar_lexer.hpp"

namespace planc::grammar {

namespace {

bool is_ascii_digit(char32_t c) { return c >= '0' && c <= '9'; }
bool is_ascii_alpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_space(char32_t c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
           (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

/// Letters of any script; the symbols plans use (dashes, quotes, "£", "…") are not.
bool is_letter(char32_t c) {
    if (is_ascii_alpha(c)) return true;
    if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
    return c < 0x2000 || (c >= 0x3040 && c < 0xFFF0);
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lower_copy(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower_ascii(c);
    return out;
}

/// Tokenizer state: the text and the position reached.
class Lexer {
public:
    explicit Lexer(std::string_view text) : text_(text) {}

    std::vector<Token> run() {
        while (pos_ < text_.size()) {
            CodePoint cp = decode_at(text_, pos_);
            if (is_space(cp.value)) {
                pos_ += cp.length;
            } else if (is_letter(cp.value)) {
                read_word();
            } else if (is_ascii_digit(cp.value)) {
                read_number();
            } else if (cp.value == '.' || cp.value == 0x2026) {
                read_dots();
            } else {
                emit(kind_of_symbol(cp.value), pos_ + cp.length);
            }
        }
        return std::move(tokens_);
    }

private:
    static TokenKind kind_of_symbol(char32_t c) {
        if (c == '%') return TokenKind::Percent;
        if (c == '(' || c == '[') return TokenKind::Open;
        if (c == ')' || c == ']') return TokenKind::Close;
        return TokenKind::Punct;
    }

    char32_t at(std::size_t i) const { return i < text_.size() ? decode_at(text_, i).value : 0; }

    void emit(TokenKind kind, std::size_t end) {
        Token t;
        t.kind = kind;
        t.begin = pos_;
        t.end = end;
        if (kind == TokenKind::Word) t.lower = lower_copy(text_.substr(pos_, end - pos_));
        tokens_.push_back(std::move(t));
        pos_ = end;
    }

    /// Letters and digits, joined by inner hyphens and apostrophes ("re-offending", "PPO's").
    void read_word() {
        std::size_t i = pos_;
        while (i < text_.size()) {
            CodePoint cp = decode_at(text_, i);
            if (is_letter(cp.value) || is_ascii_digit(cp.value)) {
                i += cp.length;
                continue;
            }
            bool joiner = cp.value == '-' || is_apostrophe(cp.value);
            std::size_t next = i + cp.length;
            if (joiner && next < text_.size() &&
                (is_letter(at(next)) || (cp.value == '-' && is_ascii_digit(at(next))))) {
                i = next;
                continue;
            }
            break;
        }
        emit(TokenKind::Word, i);
    }

    /// Digits, thousands groups (",234") and one decimal part (".50").
    void read_number() {
        std::size_t i = pos_;
        auto digits_from = [&](std::size_t j) {
            std::size_t n = 0;
            while (j + n < text_.size() && is_ascii_digit(static_cast<unsigned char>(text_[j + n]))) ++n;
            return n;
        };
        i += digits_from(i);
        while (i < text_.size() && text_[i] == ',' && digits_from(i + 1) == 3) i += 4;
        if (i < text_.size() && text_[i] == '.' && digits_from(i + 1) > 0) i += 1 + digits_from(i + 1);
        emit(TokenKind::Number, i);
    }

    /// A run of full stops and ellipses: three or more is a placeholder, fewer are stops.
    void read_dots() {
        std::size_t i = pos_;
        int count = 0;
        while (i < text_.size()) {
            if (text_[i] == '.') {
                ++count;
                ++i;
            } else if (at(i) == 0x2026) {
                count += 3;
                i += 3;
            } else {
                break;
            }
        }
        if (count >= 3) {
            emit(TokenKind::Dots, i);
            return;
        }
        while (pos_ < i) emit(TokenKind::Punct, pos_ + 1);
    }

    std::string_view text_;
    std::size_t pos_ = 0;
    std::vector<Token> tokens_;
};

}  // namespace

CodePoint decode_at(std::string_view text, std::size_t i) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    unsigned char b = byte(i);
    if (b < 0x80) return {b, 1};
    std::size_t n = b >= 0xF0 && b < 0xF8 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0;
    if (n == 0 || (n == 4 && b >= 0xF5) || i + n > text.size()) return {0xFFFD, 1};
    char32_t cp = b & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return {0xFFFD, 1};
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    bool overlong = (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0xFFFD, 1};
    return {cp, n};
}

std::vector<Token> tokenize(std::string_view text) { return Lexer(text).run(); }

bool is_gap_word(std::string_view lower_word) {
    if (lower_word == "tbc" || lower_word == "tba") return true;
    if (lower_word.size() < 2) return false;
    for (char c : lower_word)
        if (c != 'x') return false;
    return true;
}

bool gap_at(const std::vector<Token>& tokens, std::size_t i, std::size_t* end) {
    if (i >= tokens.size()) return false;
    const Token& t = tokens[i];
    std::size_t after = 0;
    if (t.kind == TokenKind::Dots || (t.kind == TokenKind::Word && is_gap_word(t.lower))) {
        after = i + 1;
    } else if (t.kind == TokenKind::Word && t.lower == "to" && i + 2 < tokens.size() &&
               tokens[i + 1].lower == "be" && tokens[i + 2].lower == "confirmed") {
        after = i + 3;
    } else if (t.kind == TokenKind::Open) {
        std::size_t inner_end = 0;
        if (i + 1 >= tokens.size() || tokens[i + 1].kind == TokenKind::Open ||
            !gap_at(tokens, i + 1, &inner_end))
            return false;
        if (inner_end >= tokens.size() || tokens[inner_end].kind != TokenKind::Close) return false;
        after = inner_end + 1;
    } else {
        return false;
    }
    if (end) *end = after;
    return true;
}

std::string_view text_of(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                         std::size_t last) {
    if (first >= last || last > tokens.size()) return {};
    return text.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin);
}

}  // namespace planc::grammar
