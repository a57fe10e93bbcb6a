#pragma once
// Targets in plain words: the cells of a targets table and the sentence a leaflet
// prints. A placeholder is never shown as a blank or a zero: it is "to be confirmed".

#include <string>

#include "planc/model.hpp"

namespace planc {

/// One value as a reader sees it; `to_be_confirmed` when the plan left a placeholder.
struct TargetCell {
    std::string text;
    bool to_be_confirmed = false;
};

/// 1509 -> "1,509"; 37.5 with 2 decimals -> "37.50".
std::string format_number(double value, int decimals);
/// `value` with exactly `decimals` digits after the point, as printf("%.*f") writes it,
/// cut to `at_most` characters.
std::string fixed_decimals(double value, int decimals, std::size_t at_most);
/// "705 offences", "5%", "12.5 per 1000 pop"; the text as written when not a number;
/// empty for a placeholder.
std::string format_quantity(const Quantity& q);

TargetCell baseline_cell(const Target& t);
TargetCell target_cell(const Target& t);
TargetCell deadline_cell(const Target& t);
/// What is measured: the sentence's measure, or the whole text when it was not read.
std::string measure_text(const Target& t);

/// True when any field of the target is a placeholder.
bool to_be_confirmed(const Target& t);

/// The target as one plain sentence for residents: "Reduce burglary by 3% by March
/// 2010." Gaps read "an amount to be confirmed", "a date to be confirmed".
std::string plain_target_sentence(const Target& t);

/// The "by when" of a leaflet sentence: "March 2011" for financial year 2010/11.
std::string deadline_words(const PlanDate& d);

/// The document's status in words: "Draft", "Approved", "Published", "Status not stated".
std::string status_words(PlanStatus s);

}  // namespace planc
