#pragma once
// Amounts in targets: "5%", "705 offences", "12.5 (per 1000 pop)", "£11 billion", and the
// placeholders left where an amount should be ("....", "TBC"). Internal to the grammar.

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "planc/model.hpp"
#include "target_grammar_lexer.hpp"

namespace planc::grammar {

/// An amount read from tokens, and the token after it.
struct AmountReading {
    Quantity quantity;      ///< `text` as written; `span` not set
    std::size_t first = 0;  ///< index of its first token
    std::size_t begin = 0;  ///< byte offset of the amount's first character
    std::size_t end = 0;    ///< byte offset after the amount's last character
    std::size_t next = 0;   ///< index of the token after the amount
};

/// Reads an amount at `tokens[i]`: [sign] [currency] NUMBER ["%" | "per cent"] [million]
/// [unit], or a placeholder (then `gap` is set, `value` empty). A year or date is not an
/// amount ("2010/11", "March 2014"; a bare "2010" only with "%" or a unit after it).
/// nullopt when no amount starts there.
std::optional<AmountReading> read_amount(std::string_view text, const std::vector<Token>& tokens,
                                         std::size_t i);

/// True when `tokens[i]` starts a year or date (as the grammar reads deadlines): anything
/// `read_plan_date_at` reads, except a bare four-digit number that `read_amount` takes.
bool date_starts_at(std::string_view text, const std::vector<Token>& tokens, std::size_t i);

}  // namespace planc::grammar
