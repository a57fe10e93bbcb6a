// Dates against the plan's period.
//
// W107: a target's deadline before its baseline year, or outside the `period` of the
// front matter (compared by financial year: "March 2016" is in 2015/16).
// W118: an action plan row whose completion date or milestone dates fall outside the
// period, or an approval step dated after the period ends or more than a year before
// it starts (a plan is normally approved in the year before its first year).
// Documents without a `period` (reports) have nothing to compare with.

#include <cctype>
#include <optional>

#include "check/check_support.hpp"

namespace planc::checks {

namespace {

std::string period_text(const PlanPeriod& period) {
    return period.first.iso() + " to " + period.last.iso();
}

void add_period_note(const CheckContext& ctx, Diagnostic& d) {
    auto it = ctx.doc.fields.find("period");
    if (it != ctx.doc.fields.end() && it->second.known())
        d.notes.push_back(note_at(ctx.doc, "the plan's period is set here", it->second));
}

void check_deadline(const CheckContext& ctx, const Target& t, const std::string& priority) {
    if (!t.deadline) return;
    const PlanDate& deadline = *t.deadline;
    Span at = t.deadline_span.known() ? t.deadline_span : t.span;
    std::string as_written = deadline.text.empty() ? deadline.readable() : deadline.text;
    if (t.baseline_year && deadline.fy_end() < t.baseline_year->fy_end()) {
        std::string base = t.baseline_year->text.empty() ? t.baseline_year->readable() : t.baseline_year->text;
        Diagnostic& d = report(ctx, DiagCode::W107,
                               "deadline " + as_written + " is before the baseline year " + base, at, priority);
        if (t.baseline_year_span.known())
            d.notes.push_back(note_at(ctx.doc, "the baseline year is stated here", t.baseline_year_span));
        return;
    }
    const auto& period = ctx.doc.period;
    if (period && !period->contains_fy(deadline.fy_end())) {
        Diagnostic& d = report(ctx, DiagCode::W107,
                               "deadline " + as_written + " is outside the plan's period (" + period_text(*period) + ")",
                               at, priority);
        add_period_note(ctx, d);
    }
}

/// The first year or date written in a text, and where it starts; nullopt when none.
std::optional<PlanDate> first_date_outside(std::string_view text, const PlanPeriod& period, std::string* written) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        bool word_start = i == 0 || !std::isalnum(static_cast<unsigned char>(text[i - 1]));
        if (!word_start || !std::isalnum(static_cast<unsigned char>(text[i]))) continue;
        std::size_t length = 0;
        auto date = read_plan_date_at(text, i, &length);
        if (!date || length == 0) continue;
        if (!period.contains_fy(date->fy_end())) {
            *written = std::string(text.substr(i, length));
            return date;
        }
        i += length - 1;
    }
    return std::nullopt;
}

void check_action_rows(const CheckContext& ctx, const PlanPeriod& period) {
    for (const ActionPlanRow& row : ctx.doc.action_plan) {
        if (row.due_date && !period.contains_fy(row.due_date->fy_end())) {
            Diagnostic& d = report(ctx, DiagCode::W118,
                                   "action is due " + row.due.text + ", outside the plan's period (" +
                                       period_text(period) + ")",
                                   row.due.span.known() ? row.due.span : row.span);
            add_period_note(ctx, d);
            continue;
        }
        std::string written;
        if (first_date_outside(row.milestones.text, period, &written)) {
            Span cell = row.milestones.span.known() ? row.milestones.span : row.span;
            Diagnostic& d = report(ctx, DiagCode::W118,
                                   "milestone " + written + " is outside the plan's period (" + period_text(period) + ")",
                                   locate(ctx, cell, written));
            add_period_note(ctx, d);
        }
    }
}

void check_approval(const CheckContext& ctx, const PlanPeriod& period) {
    int first = period.first.fy_end();
    int last = period.last.fy_end();
    for (const ApprovalStep& step : ctx.doc.approval) {
        if (!step.date) continue;
        int fy = step.date->fy_end();
        if (fy >= first - 1 && fy <= last) continue;
        std::string when = step.date->text.empty() ? step.date->readable() : step.date->text;
        Span at = step.when.span.known() ? locate(ctx, step.when.span, when) : step.span;
        Diagnostic& d = report(ctx, DiagCode::W118,
                               "approval step is dated " + when + ", outside the plan's period (" +
                                   period_text(period) + ")",
                               at);
        add_period_note(ctx, d);
    }
}

}  // namespace

void check_periods(const CheckContext& ctx) {
    for (const Priority& p : ctx.doc.priorities)
        for (const Target& t : p.targets)
            if (t.readable) check_deadline(ctx, t, p.id);
    if (!ctx.doc.period) return;
    check_action_rows(ctx, *ctx.doc.period);
    check_approval(ctx, *ctx.doc.period);
}

}  // namespace planc::checks
