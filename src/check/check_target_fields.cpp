// Target fields: W101 placeholder, W102 no amount, W103 no deadline, W104 no baseline,
// W119 a sentence the grammar could not read.
//
// One finding per target line, so a reviewer sees each problem once:
// - an unreadable target gets W119 only (its fields are unknown);
// - a target with a placeholder gets W101, whose message also says when the deadline
//   is missing (the author already knows the target is unfinished);
// - a target with no amount gets W102, whose message also says when the deadline is
//   missing;
// - otherwise W103 when no deadline, and W104 when a relative change ("by 5%") has no
//   baseline year or value. Absolute targets ("to 4100", "at 40%", "from 24% to 18%")
//   measure themselves and need no baseline.

#include <cctype>

#include "check/check_support.hpp"

namespace planc::checks {

namespace {

const char* field_name(TargetField f) {
    switch (f) {
        case TargetField::Amount: return "amount";
        case TargetField::Deadline: return "deadline";
        case TargetField::Baseline: return "baseline";
        case TargetField::Whole: return "";
    }
    return "";
}

bool has_gap(const Target& t, TargetField f) {
    for (TargetField g : t.gaps)
        if (g == f) return true;
    return false;
}

/// A deadline in the sentence, or a timescale cell that names a year or a span of years.
bool has_deadline(const Target& t) {
    if (t.deadline) return true;
    if (t.timescale.empty()) return false;
    return parse_plan_date(t.timescale) || parse_plan_period(t.timescale);
}

/// True when a text holds a number that is not a year: "To hold at least 6 seminars".
bool holds_count(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == '.' || text[j] == ','))
            ++j;
        std::string_view number = text.substr(i, j - i);
        bool year = number.size() == 4 && (number.rfind("19", 0) == 0 || number.rfind("20", 0) == 0);
        bool followed_by_year_part = j < text.size() && (text[j] == '/' || text[j] == '-');
        if (!year && !followed_by_year_part) return true;
        i = j + 1;
    }
    return false;
}

/// Something to measure the target by: a change amount, or a target value.
bool measurable(const Target& t) {
    if (t.change_kind != ChangeKind::None) return true;
    if (t.target_value.value || t.target_value.gap) return true;
    return holds_count(t.target_value.text);
}

/// A relative change needs something to be relative to.
bool needs_baseline(const Target& t) { return t.change_kind == ChangeKind::By; }

bool has_baseline(const Target& t) {
    return t.baseline_year || t.baseline.value || t.from.value || !t.baseline.text.empty();
}

void check_gaps(const CheckContext& ctx, const Target& t, const std::string& priority) {
    std::vector<std::string> fields;
    for (TargetField f : t.gaps)
        if (f != TargetField::Whole) fields.push_back(field_name(f));
    std::string placeholder = span_text(ctx, t.gap_span);
    std::string message;
    if (fields.empty()) {
        message = "target is marked as not confirmed";
    } else {
        message = "target has no ";
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i > 0) message += i + 1 == fields.size() ? " or " : ", ";
            message += fields[i];
        }
    }
    if (!placeholder.empty()) message += " (" + placeholder + ")";
    if (!has_gap(t, TargetField::Deadline) && !has_deadline(t)) message += ", and no deadline";
    Span at = t.gap_span.known() ? t.gap_span : t.span;
    report(ctx, DiagCode::W101, message, at, priority);
}

void check_target(const CheckContext& ctx, const Target& t, const std::string& priority) {
    if (!t.readable) {
        std::string why = t.unread_reason.empty() ? "the grammar does not know its form" : t.unread_reason;
        report(ctx, DiagCode::W119, "target could not be read: " + why, t.span, priority);
        return;
    }
    if (!t.gaps.empty()) {
        check_gaps(ctx, t, priority);
        return;
    }
    bool deadline = has_deadline(t);
    if (!measurable(t)) {
        std::string message = "target has no number to measure it by";
        if (!deadline) message += ", and no deadline";
        report(ctx, DiagCode::W102, message, t.span, priority);
        return;
    }
    if (!deadline) {
        report(ctx, DiagCode::W103, "target has no deadline: add a year such as \"by 2010/11\"", t.span, priority);
    }
    if (needs_baseline(t) && !has_baseline(t)) {
        std::string change = t.change.text.empty() ? "its change" : "\"by " + t.change.text + "\"";
        report(ctx, DiagCode::W104,
               "target has no baseline for " + change + ": add a year such as \"based on 2008/09 baseline\"", t.span,
               priority);
    }
}

}  // namespace

void check_target_fields(const CheckContext& ctx) {
    for (const Priority& p : ctx.doc.priorities)
        for (const Target& t : p.targets) check_target(ctx, t, p.id);
}

}  // namespace planc::checks
