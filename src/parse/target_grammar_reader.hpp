#pragma once
// Reads one target sentence into a Target, clause by clause:
//
//   target   := ["To"] verb measure [change] [deadline] [baseline] ["."] ["(TBC)"]
//   change   := "by" amount | "to" amount | "at" amount | "from" amount ["(" YEAR ")"] "to" amount
//   deadline := ("by" | "in" | "during" | "before" | "until" | "by the end of") YEAR
//   baseline := "based" ["on"] ["the"] YEAR ["baseline"] | ("against" | "on" | "from") YEAR "baseline"
//
// Clauses may come in any order after the measure; words the grammar does not know after
// the first clause ("*PSAI") are passed over. Internal to the target grammar.

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "parse/source_text.hpp"
#include "planc/model.hpp"
#include "target_grammar_lexer.hpp"
#include "target_grammar_quantity.hpp"

namespace planc::grammar {

/// Bytes [begin, end) of the sentence; turned into a Span only when a field keeps it.
struct ByteRange {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// One pass over one sentence. Construct, call `read()` once.
class SentenceReader {
public:
    /// `text` must outlive the reader; results go into `target`.
    SentenceReader(std::string_view text, Target& target);

    /// Fills verb, direction, measure, change, deadline, baseline, gaps and indicator.
    void read();

private:
    // The parts of the sentence, in reading order.
    std::size_t strip_trailer();
    bool find_target_verb();
    std::size_t skip_preamble(std::size_t k) const;
    bool find_verb_after_dash(std::size_t k);
    void read_clauses();
    void set_measure();

    // Clauses: each returns true and the token after it when one starts at `i`.
    bool read_clause(std::size_t i, std::size_t* next);
    bool read_by(std::size_t i, std::size_t* next);
    bool read_change(ChangeKind kind, std::size_t i, std::size_t* next);
    bool read_from_to(std::size_t i, std::size_t* next);
    bool read_deadline(std::size_t i, std::size_t* next);
    bool read_baseline(std::size_t i, std::size_t* next);
    bool read_bracketed_year(std::size_t i, std::size_t* next, bool after_from);

    // Pieces the clauses share.
    std::optional<AmountReading> amount_after_fillers(std::size_t i);
    std::optional<std::size_t> read_date_into(std::size_t i, std::optional<PlanDate>& date, ByteRange& range);
    bool claim_trailer(std::size_t i);
    void set_change(ChangeKind kind, const AmountReading& amount);
    void note_gap(TargetField field, std::size_t first_token);
    void note_unattributed_gaps();
    void mark_unreadable(std::string reason);
    bool gap_year_at(std::size_t i, std::size_t* end) const;
    bool adjacent(std::size_t k) const;
    bool word_is(std::size_t k, std::string_view lower) const;
    std::size_t token_at_or_after(std::size_t byte, std::size_t from) const;
    Span span_of(std::size_t begin, std::size_t end) const;
    Span span_of(ByteRange range) const;

    std::string_view text_;
    std::vector<Token> tokens_;
    LineIndex lines_;
    Target& target_;
    std::size_t end_ = 0;                       ///< tokens of the sentence before any "(TBC)"
    std::optional<std::size_t> whole_trailer_;  ///< "(TBC)" at the end, until a clause claims it
    std::size_t verb_index_ = 0;
    std::size_t measure_begin_ = 0;
    std::size_t measure_end_ = 0;
    std::optional<std::pair<std::size_t, std::size_t>> dash_measure_;  ///< "Theft of a vehicle – reduce ..."
    std::vector<bool> taken_;  ///< per token: part of a placeholder already given a field
    std::optional<std::size_t> first_gap_begin_;
};

}  // namespace planc::grammar
