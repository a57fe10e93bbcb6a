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
Target read_target_sentence(std::string_view sentence);

/// Reads a quantity cell of a targets table ("705 offences", "12.5 (per 1000 pop)",
/// "TBC", "To develop a baseline figure"). `value` is empty when it is not a number.
Quantity read_quantity(std::string_view cell);

/// Reads one targets-table row: objective (sentence grammar), baseline, timescale and
/// target cells (any may be empty). Relative spans as for sentences, per cell, are not
/// set; the parser sets cell spans.
Target read_target_row(std::string_view objective, std::string_view baseline,
                       std::string_view timescale, std::string_view target);

/// True when the text is (or contains as a word) a placeholder: TBC, TBA, "...." (three
/// or more dots), "…", XX, "to be confirmed". `where` receives the byte offset.
bool find_gap(std::string_view text, std::size_t* where = nullptr, std::size_t* length = nullptr);

}  // namespace planc
