// Targets in plain words (see target_words.hpp).

#include "render/target_words.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace planc {

namespace {

constexpr const char* kToBeConfirmed = "To be confirmed";

bool has_gap(const Target& t, TargetField f) { return std::find(t.gaps.begin(), t.gaps.end(), f) != t.gaps.end(); }

std::string capitalise(std::string s) {
    if (!s.empty() && s.front() >= 'a' && s.front() <= 'z') s.front() = static_cast<char>(s.front() - 'a' + 'A');
    return s;
}

std::string trim_end_punctuation(std::string s) {
    while (!s.empty() && (s.back() == '.' || s.back() == ' ' || s.back() == ';' || s.back() == ',')) s.pop_back();
    return s;
}

std::string amount(const Quantity& q) {
    std::string s = format_quantity(q);
    return s.empty() ? "an amount to be confirmed" : s;
}

}  // namespace

std::string fixed_decimals(double value, int decimals, std::size_t at_most) {
    // std::to_chars writes what printf("%.*f") writes, without printf's cost per call
    // (every number of every page comes through here); at_most keeps the cut a fixed
    // buffer made for numbers too large for any plan.
    char buffer[400];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals);
    if (error != std::errc()) return {};
    return std::string(buffer, std::min<std::size_t>(static_cast<std::size_t>(end - buffer), at_most));
}

std::string format_number(double value, int decimals) {
    decimals = std::clamp(decimals, 0, 6);
    std::string digits = fixed_decimals(std::fabs(value), decimals, 63);
    std::size_t point = digits.find('.');
    std::string whole = digits.substr(0, point);
    std::string rest = point == std::string::npos ? std::string() : digits.substr(point);
    std::string grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) grouped += ',';
        grouped += whole[i];
    }
    return (value < 0 ? "-" : "") + grouped + rest;
}

std::string format_quantity(const Quantity& q) {
    if (q.gap) return {};
    if (!q.value) return q.text;
    std::string s = format_number(*q.value, q.decimals);
    if (q.percent) s += "%";
    if (!q.unit.empty()) s += " " + q.unit;
    return s;
}

bool to_be_confirmed(const Target& t) { return !t.gaps.empty(); }

std::string measure_text(const Target& t) {
    if (!t.readable || t.measure.empty()) return trim_end_punctuation(t.text);
    return capitalise(t.measure);
}

TargetCell baseline_cell(const Target& t) {
    if (t.baseline.gap || has_gap(t, TargetField::Baseline)) return {kToBeConfirmed, true};
    std::string year = t.baseline_year ? t.baseline_year->readable() : std::string();
    if (t.baseline.value) return {format_quantity(t.baseline) + (year.empty() ? "" : " (" + year + ")"), false};
    if (!t.baseline.text.empty()) return {t.baseline.text, false};
    if (!year.empty()) return {"The " + year + " level", false};
    return {"Not stated", false};
}

TargetCell target_cell(const Target& t) {
    if (t.target_value.gap || t.change.gap || has_gap(t, TargetField::Amount) || has_gap(t, TargetField::Whole))
        return {kToBeConfirmed, true};
    if (t.target_value.value) return {format_quantity(t.target_value), false};
    switch (t.change_kind) {
        case ChangeKind::By: {
            std::string by = format_quantity(t.change);
            if (t.direction == Direction::Reduce) return {by + " lower than the baseline", false};
            if (t.direction == Direction::Increase) return {by + " higher than the baseline", false};
            return {"Change by " + by, false};
        }
        case ChangeKind::To:
        case ChangeKind::FromTo: return {format_quantity(t.change), false};
        case ChangeKind::At: return {"Stay at " + format_quantity(t.change), false};
        case ChangeKind::None: break;
    }
    if (!t.target_value.text.empty()) return {t.target_value.text, false};
    return {"No number given", false};
}

TargetCell deadline_cell(const Target& t) {
    if (has_gap(t, TargetField::Deadline)) return {kToBeConfirmed, true};
    if (t.deadline) return {t.deadline->readable(), false};
    if (!t.timescale.empty()) return {t.timescale, false};
    return {"Not stated", false};
}

std::string deadline_words(const PlanDate& d) {
    switch (d.precision) {
        case DatePrecision::FinancialYear: return "March " + std::to_string(d.year + 1);
        default: return d.readable();
    }
}

std::string plain_target_sentence(const Target& t) {
    bool whole_gap = has_gap(t, TargetField::Whole);
    if (!t.readable || t.verb.empty() || t.measure.empty()) {
        std::string s = trim_end_punctuation(t.text);
        // "(TBC)" written at the end says the same as our words: drop it.
        for (const char* tail : {"(TBC)", "(TBA)"}) {
            std::string tl(tail);
            if (s.size() > tl.size() && s.compare(s.size() - tl.size(), tl.size(), tl) == 0)
                s = trim_end_punctuation(s.substr(0, s.size() - tl.size()));
        }
        if (s.rfind("To ", 0) == 0 || s.rfind("to ", 0) == 0) s = capitalise(s.substr(3));
        return s + (to_be_confirmed(t) ? " (to be confirmed)." : ".");
    }
    std::string s = capitalise(t.verb) + " " + trim_end_punctuation(t.measure);
    switch (t.change_kind) {
        case ChangeKind::By: s += " by " + amount(t.change); break;
        case ChangeKind::To: s += " to " + amount(t.change); break;
        case ChangeKind::At: s += " at " + amount(t.change); break;
        case ChangeKind::FromTo: s += " from " + amount(t.from) + " to " + amount(t.change); break;
        case ChangeKind::None: break;
    }
    bool said = s.find("to be confirmed") != std::string::npos;
    if (has_gap(t, TargetField::Deadline))
        s += ", by a date to be confirmed";
    else if (t.deadline)
        s += (said ? ", by " : " by ") + deadline_words(*t.deadline);
    if (has_gap(t, TargetField::Baseline)) s += ", against a starting level to be confirmed";
    said = s.find("to be confirmed") != std::string::npos;
    s += whole_gap && !said ? " (to be confirmed)." : ".";
    return s;
}

std::string status_words(PlanStatus s) {
    switch (s) {
        case PlanStatus::Draft: return "Draft";
        case PlanStatus::Approved: return "Approved";
        case PlanStatus::Published: return "Published";
        case PlanStatus::Unknown: break;
    }
    return "Status not stated";
}

}  // namespace planc
