#pragma once
/// The target grammar: reads a target sentence ("To reduce burglary by 6% by 2010/11
/// based on 2008/09 baseline") into the fields of a Target.
///
/// Works on plain text. Positions it finds (gap, deadline, baseline year, amounts) are
/// returned as spans *relative to the sentence*: line 1 is the sentence's first line,
/// columns count UTF-8 characters from 1. The parser maps them onto the source file.

#include <string_view>

#include "planc/model.hpp"

namespace planc {

/// Reads one target sentence. Never throws; a sentence it cannot read comes back with
/// `readable = false` and a reason, all text kept.
///
/// - The verb is the first word after bullets, a typed "1.", "To" and a subject ("We
///   will"); after "work", "continue", "aim" it is the verb after "to" ("work with the
///   Fire and Rescue Service to reduce ..."). "Measure – reduce by 27%" is read too.
///   `verb` is its lemma ("reducing" -> "reduce"); "hold at least" is Achieve.
/// - Unreadable (verb and direction left empty): no known verb starts the sentence, or
///   nothing follows the verb.
/// - For FromTo, `baseline` is the from-amount and `target_value` the to-amount (which
///   takes the from-amount's unit when it has none); for To and At, `target_value` is
///   the amount.
/// - `gaps`: Amount, Deadline, Baseline when that field is a placeholder ("based on
///   (TBC)" is a Baseline gap); Whole for a trailing "(TBC)" and for any placeholder no
///   clause took (a bare "TBC" as the whole target included).
Target read_target_sentence(std::string_view sentence);

/// Reads a quantity cell of a targets table ("705 offences", "12.5 (per 1000 pop)",
/// "-24.8%", "£11 billion" = 11e9 in "£", "TBC", "To develop a baseline figure").
/// `value` is empty when the cell does not start with a number (a year is not one);
/// `gap` is set when it holds a placeholder and no number. `span` is not set.
Quantity read_quantity(std::string_view cell);

/// Reads one targets-table row: objective (sentence grammar), baseline, timescale and
/// target cells (any may be empty). Non-empty baseline and target cells give `baseline`
/// and `target_value`; the timescale (kept as written) gives the deadline unless the
/// objective names one, the last year of a period ("2005/2008") included. Placeholders in
/// the cells add Deadline, Baseline and Amount gaps. Relative spans as for sentences, per
/// cell, are not set; the parser sets cell spans. An empty objective is unreadable.
Target read_target_row(std::string_view objective, std::string_view baseline,
                       std::string_view timescale, std::string_view target);

/// True when the text is (or contains as a word) a placeholder: TBC, TBA, "...." (three
/// or more dots), "…", XX, "to be confirmed". `where` receives the byte offset.
bool find_gap(std::string_view text, std::size_t* where = nullptr, std::size_t* length = nullptr);

}  // namespace planc
