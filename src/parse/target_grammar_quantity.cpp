// Amounts in targets and in targets-table cells.

#include "target_grammar_quantity.hpp"

#include <charconv>
#include <string>

#include "planc/dates.hpp"
#include "planc/target_grammar.hpp"
#include "target_grammar_words.hpp"

namespace planc::grammar {

namespace {

constexpr std::size_t kMaxUnitTokens = 8;
constexpr std::size_t kMaxBracketTokens = 12;

std::string_view token_text(std::string_view text, const Token& t) {
    return text.substr(t.begin, t.end - t.begin);
}

bool is_word(const std::vector<Token>& tokens, std::size_t k, std::string_view lower) {
    return k < tokens.size() && tokens[k].kind == TokenKind::Word && tokens[k].lower == lower;
}

bool adjacent(const std::vector<Token>& tokens, std::size_t k) {
    return k + 1 < tokens.size() && tokens[k].end == tokens[k + 1].begin;
}

/// The value of a number token: "1,234" -> 1234, "10.00" -> 10 with 2 decimals.
void read_number_token(std::string_view digits, Quantity& q) {
    std::string plain;
    plain.reserve(digits.size());
    for (char c : digits)
        if (c != ',') plain.push_back(c);
    double value = 0;
    auto [ptr, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
    if (ec == std::errc() && ptr == plain.data() + plain.size()) q.value = value;
    std::size_t point = plain.find('.');
    q.decimals = point == std::string::npos ? 0 : static_cast<int>(plain.size() - point - 1);
}

/// "thousand", "million", "billion": the power of ten they stand for, else 0.
int multiplier_exponent(std::string_view lower) {
    if (lower == "thousand") return 3;
    if (lower == "million" || lower == "m") return 6;
    if (lower == "billion" || lower == "bn") return 9;
    return 0;
}

/// A unit in brackets right after a number: "(per 1000 pop)". Not a year, not "(TBC)".
std::optional<std::string> bracketed_unit(std::string_view text, const std::vector<Token>& tokens,
                                          std::size_t k, std::size_t* next) {
    if (k + 1 >= tokens.size() || tokens[k].kind != TokenKind::Open) return std::nullopt;
    const Token& first = tokens[k + 1];
    if (first.kind != TokenKind::Word || is_gap_word(first.lower)) return std::nullopt;
    if (read_plan_date_at(text, first.begin)) return std::nullopt;
    for (std::size_t j = k + 1; j < tokens.size() && j <= k + kMaxBracketTokens; ++j) {
        if (tokens[j].kind == TokenKind::Open) return std::nullopt;
        if (tokens[j].kind == TokenKind::Close) {
            *next = j + 1;
            return std::string(text_of(text, tokens, k + 1, j));
        }
    }
    return std::nullopt;
}

/// The unit words after a number ("offences", "incidents per 1000 pop"), stopping at the
/// word that opens the next clause ("to", "by", "in", ...), at punctuation or at a date.
std::string unit_words(std::string_view text, const std::vector<Token>& tokens, std::size_t k,
                       std::size_t* next) {
    std::size_t j = k;
    while (j < tokens.size() && j - k < kMaxUnitTokens) {
        const Token& t = tokens[j];
        bool unit_word = t.kind == TokenKind::Word && !is_clause_word(t.lower) && !is_gap_word(t.lower) &&
                         !read_plan_date_at(text, t.begin);
        bool per_number = t.kind == TokenKind::Number && j > k && tokens[j - 1].lower == "per";
        if (!unit_word && !per_number) break;
        ++j;
    }
    *next = j;
    return std::string(text_of(text, tokens, k, j));
}

/// Reads a unit after a number; `next` receives the token after it.
std::string read_unit(std::string_view text, const std::vector<Token>& tokens, std::size_t k, bool percent,
                      std::size_t* next) {
    *next = k;
    if (percent) {
        if (is_word(tokens, k, "percentage") && is_word(tokens, k + 1, "points")) {
            *next = k + 2;
            return "percentage points";
        }
        if (is_word(tokens, k, "points")) {
            *next = k + 1;
            return "percentage points";
        }
        return {};
    }
    if (auto unit = bracketed_unit(text, tokens, k, next)) return *unit;
    return unit_words(text, tokens, k, next);
}

/// A placeholder where an amount should be: "....", "TBC", "XX%".
AmountReading gap_amount(std::string_view text, const std::vector<Token>& tokens, std::size_t i,
                         std::size_t gap_end) {
    AmountReading r;
    r.quantity.gap = true;
    r.first = i;
    r.next = gap_end;
    if (r.next < tokens.size() && tokens[r.next].kind == TokenKind::Percent && adjacent(tokens, r.next - 1)) {
        r.quantity.percent = true;
        ++r.next;
    }
    r.begin = tokens[i].begin;
    r.end = tokens[r.next - 1].end;
    r.quantity.text = std::string(text.substr(r.begin, r.end - r.begin));
    return r;
}

bool is_symbol(std::string_view text, const Token& t, std::string_view symbol) {
    return t.kind == TokenKind::Punct && token_text(text, t) == symbol;
}

}  // namespace

std::optional<AmountReading> read_amount(std::string_view text, const std::vector<Token>& tokens,
                                         std::size_t i) {
    if (i >= tokens.size()) return std::nullopt;
    std::size_t gap_end = 0;
    if (gap_at(tokens, i, &gap_end)) return gap_amount(text, tokens, i, gap_end);

    std::size_t k = i;
    bool negative = false;
    if ((is_symbol(text, tokens[k], "-") || is_symbol(text, tokens[k], "\xE2\x88\x92") ||
         is_symbol(text, tokens[k], "+")) &&
        adjacent(tokens, k)) {
        negative = !is_symbol(text, tokens[k], "+");
        ++k;
    }
    std::string currency;
    if (k < tokens.size() && (is_symbol(text, tokens[k], "\xC2\xA3") || is_symbol(text, tokens[k], "$") ||
                              is_symbol(text, tokens[k], "\xE2\x82\xAC"))) {
        currency = std::string(token_text(text, tokens[k]));
        ++k;
    }
    if (k >= tokens.size() || tokens[k].kind != TokenKind::Number) return std::nullopt;

    const Token& number = tokens[k];
    std::size_t date_length = 0;
    auto date = read_plan_date_at(text, number.begin, &date_length);
    bool bare_year = date && date_length == number.end - number.begin;
    if (date && !bare_year) return std::nullopt;

    AmountReading r;
    Quantity& q = r.quantity;
    read_number_token(token_text(text, number), q);
    ++k;
    if (k < tokens.size() && tokens[k].kind == TokenKind::Percent) {
        q.percent = true;
        ++k;
    } else if (is_word(tokens, k, "per") && is_word(tokens, k + 1, "cent")) {
        q.percent = true;
        k += 2;
    } else if (is_word(tokens, k, "percent")) {
        q.percent = true;
        ++k;
    }
    int exponent = 0;
    if (!q.percent && k < tokens.size() && tokens[k].kind == TokenKind::Word)
        exponent = multiplier_exponent(tokens[k].lower);
    if (exponent > 0) {
        for (int e = 0; e < exponent && q.value; ++e) *q.value *= 10;
        q.decimals = q.decimals > exponent ? q.decimals - exponent : 0;
        ++k;
    }
    std::size_t next = k;
    std::string unit = read_unit(text, tokens, k, q.percent, &next);
    // A bare "2010" after "by" is a year, and so is "2008" in "from 2008 levels"; with "%"
    // or a unit it is a number.
    bool year_noun = next > k && is_baseline_noun(tokens[k].lower);
    if (bare_year && !q.percent && currency.empty() && (unit.empty() || year_noun)) return std::nullopt;
    if (!currency.empty()) unit = unit.empty() ? currency : currency + " " + unit;
    q.unit = unit;
    if (negative && q.value) *q.value = -*q.value;
    r.first = i;
    r.begin = tokens[i].begin;
    r.next = next;
    r.end = tokens[next - 1].end;
    q.text = std::string(text.substr(r.begin, r.end - r.begin));
    return r;
}

bool date_starts_at(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
    if (i >= tokens.size()) return false;
    std::size_t length = 0;
    if (!read_plan_date_at(text, tokens[i].begin, &length)) return false;
    bool bare_number = tokens[i].kind == TokenKind::Number && length == tokens[i].end - tokens[i].begin;
    return !bare_number || !read_amount(text, tokens, i);
}

}  // namespace planc::grammar

namespace planc {

Quantity read_quantity(std::string_view cell) {
    Quantity q;
    try {
        std::string_view trimmed = cell;
        while (!trimmed.empty() &&
               (trimmed.front() == ' ' || trimmed.front() == '\t' || trimmed.front() == '\n'))
            trimmed.remove_prefix(1);
        while (!trimmed.empty() &&
               (trimmed.back() == ' ' || trimmed.back() == '\t' || trimmed.back() == '\n'))
            trimmed.remove_suffix(1);
        std::vector<grammar::Token> tokens = grammar::tokenize(trimmed);
        if (auto amount = grammar::read_amount(trimmed, tokens, 0)) q = amount->quantity;
        if (!q.value && !q.gap) q.gap = find_gap(trimmed);
        q.text = std::string(trimmed);
        q.span = Span{};
    } catch (...) {
        q = Quantity{};
        q.text = std::string(cell);
    }
    return q;
}

}  // namespace planc
