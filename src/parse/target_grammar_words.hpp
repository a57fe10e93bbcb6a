#pragma once
// The vocabulary of the target grammar: the verbs a target starts with, the words that
// open its clauses, and indicator codes. Internal to the target grammar.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planc/model.hpp"
#include "target_grammar_lexer.hpp"

namespace planc::grammar {

/// A verb a target can start with, and which way it wants the number to move.
struct Verb {
    std::string lemma;  ///< "reduce" for "reduce", "reduces", "reducing", "reduced"
    Direction direction = Direction::Unknown;
    bool lead_in = false;  ///< "work", "continue", "aim": the real verb follows ("work to reduce")
};

/// Looks a lower-case word up in any of its forms; nullopt when it is not a target verb.
///
/// Reduce: reduce, decrease, cut, lower, minimise, tackle, prevent, halve, ...
/// Increase: increase, raise, enhance, improve, grow, boost, maximise, double, ...
/// Maintain: maintain, hold, sustain, keep, stay, retain.
/// Achieve: achieve, deliver, run, develop, establish, ensure, provide, support, promote,
/// monitor, ... (verbs that name an output rather than a direction).
std::optional<Verb> find_verb(std::string_view lower_word);

/// True for words that open a clause after the measure ("by", "to", "at", "from", "in",
/// "during", "based", ...) and so end a unit such as "offences".
bool is_clause_word(std::string_view lower_word);

/// True for the noun after a baseline year: "2008/09 baseline", "2008 levels".
bool is_baseline_noun(std::string_view lower_word);

/// The first indicator code the sentence names, normalised ("NI20" -> "NI 20",
/// "LAA 3.2", "*PSAI" -> "PSA 1"), or "" when it names none.
std::string find_indicator(std::string_view text, const std::vector<Token>& tokens);

}  // namespace planc::grammar
