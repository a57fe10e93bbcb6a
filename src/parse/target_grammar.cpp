// The target grammar's public face: sentences, table rows and placeholders. The work is
// done by the lexer, the vocabulary, the amount reader and the sentence reader beside it.

#include "planc/target_grammar.hpp"

#include <algorithm>

#include "target_grammar_lexer.hpp"
#include "target_grammar_reader.hpp"

namespace planc {

namespace {

std::string_view trim_cell(std::string_view s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && space(s.front())) s.remove_prefix(1);
    while (!s.empty() && space(s.back())) s.remove_suffix(1);
    return s;
}

void add_gap(Target& t, TargetField field) {
    if (std::find(t.gaps.begin(), t.gaps.end(), field) == t.gaps.end()) t.gaps.push_back(field);
}

/// A timescale cell as the deadline: "2007/2008", or the end of "2005/2008".
std::optional<PlanDate> deadline_of_timescale(std::string_view timescale) {
    if (auto date = parse_plan_date(timescale)) return date;
    if (auto period = parse_plan_period(timescale)) return period->last;
    return std::nullopt;
}

/// Table cells carry their own spans (set by the parser); spans relative to the objective
/// cell would be mistaken for them.
void clear_spans(Target& t) {
    t.span = Span{};
    t.deadline_span = Span{};
    t.baseline_year_span = Span{};
    t.gap_span = Span{};
    t.change.span = Span{};
    t.from.span = Span{};
    t.baseline.span = Span{};
    t.target_value.span = Span{};
}

}  // namespace

Target read_target_sentence(std::string_view sentence) {
    Target target;
    try {
        grammar::SentenceReader(sentence, target).read();
    } catch (...) {
        // Only allocation can fail here; the text is kept so nothing is lost silently.
        target = Target{};
        target.text = std::string(sentence);
        target.readable = false;
        target.unread_reason = "the sentence could not be read";
    }
    return target;
}

Target read_target_row(std::string_view objective, std::string_view baseline, std::string_view timescale,
                       std::string_view target_cell) {
    Target t;
    try {
        std::string_view objective_text = trim_cell(objective);
        if (objective_text.empty()) {
            t.readable = false;
            t.unread_reason = "the row has no objective";
        } else {
            t = read_target_sentence(objective_text);
        }
        t.from_table = true;
        if (!trim_cell(baseline).empty()) t.baseline = read_quantity(baseline);
        if (!trim_cell(target_cell).empty()) t.target_value = read_quantity(target_cell);
        t.timescale = std::string(trim_cell(timescale));
        if (!t.timescale.empty() && !t.deadline) {
            t.deadline = deadline_of_timescale(t.timescale);
            if (!t.deadline && find_gap(t.timescale)) add_gap(t, TargetField::Deadline);
        }
        if (t.baseline.gap) add_gap(t, TargetField::Baseline);
        if (t.target_value.gap) add_gap(t, TargetField::Amount);
        clear_spans(t);
    } catch (...) {
        t = Target{};
        t.text = std::string(objective);
        t.from_table = true;
        t.readable = false;
        t.unread_reason = "the row could not be read";
    }
    return t;
}

bool find_gap(std::string_view text, std::size_t* where, std::size_t* length) {
    try {
        std::vector<grammar::Token> tokens = grammar::tokenize(text);
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            std::size_t gap_end = 0;
            if (tokens[i].kind == grammar::TokenKind::Open || !grammar::gap_at(tokens, i, &gap_end)) continue;
            if (where) *where = tokens[i].begin;
            if (length) *length = tokens[gap_end - 1].end - tokens[i].begin;
            return true;
        }
    } catch (...) {
        // Out of memory on a huge cell: report no placeholder rather than throw.
    }
    return false;
}

}  // namespace planc
