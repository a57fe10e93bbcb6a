// Priorities: W109 no targets, W110 no lead, W111 numbering.
//
// W109 is reported when a priority has no measurable target (the spec's wording): no
// target at all, or targets none of which has a number or a placeholder for one. The
// second case is a finding about the priority as a whole; each such target also gets its
// own W102, which says what that line lacks.
// W111: numbered priorities must run 1, 2, 3 ... in order; each skip, repeat or step
// back is reported at the number. When some priorities are numbered and others are not,
// each unnumbered one is reported at its heading (a reader cannot tell where it falls);
// a plan whose priorities are all unnumbered is fine.

#include <algorithm>
#include <map>

#include "check/check_support.hpp"

namespace planc::checks {

namespace {

/// A target that states, or leaves a placeholder for, a number to measure it by.
bool measurable(const Target& t) {
    return t.change.value || t.change.gap || t.target_value.value || t.target_value.gap || t.baseline.value ||
           t.from.value;
}

void check_targets_present(const CheckContext& ctx, const Priority& p) {
    if (std::any_of(p.targets.begin(), p.targets.end(), measurable)) return;
    if (!p.targets.empty()) {
        report(ctx, DiagCode::W109,
               priority_name(p) + " has no measurable target: none of its " + std::to_string(p.targets.size()) +
                   (p.targets.size() == 1 ? " target has" : " targets has") + " a number to measure it by",
               p.span, p.id);
        return;
    }
    std::string message = priority_name(p) + " has no targets";
    if (!p.indicators.empty()) {
        std::vector<std::string> codes;
        for (const IndicatorRef& ref : p.indicators) {
            if (codes.size() == 4) {
                codes.push_back("others");
                break;
            }
            codes.push_back(ref.code);
        }
        message += ": it links to " + join_words(codes) + " but sets no measurable target";
    } else {
        message += ": add a targets list with an amount and a year for each";
    }
    report(ctx, DiagCode::W109, message, p.span, p.id);
}

void check_lead(const CheckContext& ctx, const Priority& p) {
    if (!p.leads.empty()) return;
    report(ctx, DiagCode::W110, priority_name(p) + " has no lead: add a line \"Lead: ...\" under the heading", p.span,
           p.id);
}

void check_numbering(const CheckContext& ctx) {
    const auto& priorities = ctx.doc.priorities;
    std::size_t numbered = 0;
    for (const Priority& p : priorities)
        if (p.number) ++numbered;
    if (numbered == 0) return;
    if (numbered < priorities.size()) {
        for (const Priority& p : priorities) {
            if (p.number) continue;
            report(ctx, DiagCode::W111,
                   priority_name(p) + " has no number, unlike the other " + std::to_string(numbered) +
                       (numbered == 1 ? " priority" : " priorities"),
                   p.span, p.id);
        }
    }
    const Priority* previous = nullptr;
    std::map<int, const Priority*> by_number;  // the first priority with each number
    for (const Priority& p : priorities) {
        if (!p.number) continue;
        int n = *p.number;
        Span at = p.number_span.known() ? p.number_span : p.span;
        auto found = by_number.find(n);
        const Priority* same = found == by_number.end() ? nullptr : found->second;
        if (same) {
            Diagnostic& d = report(ctx, DiagCode::W111, "priority number " + std::to_string(n) + " is used twice", at, p.id);
            d.notes.push_back(note_at(ctx.doc, "first used here", same->number_span.known() ? same->number_span : same->span));
        } else if (!previous && n != 1) {
            report(ctx, DiagCode::W111, "priority numbers start at " + std::to_string(n) + ", not 1", at, p.id);
        } else if (previous && n < *previous->number) {
            Diagnostic& d = report(ctx, DiagCode::W111,
                                   "priority " + std::to_string(n) + " comes after priority " +
                                       std::to_string(*previous->number),
                                   at, p.id);
            d.notes.push_back(note_at(ctx.doc, "the previous priority is here", previous->span));
        } else if (previous && n > *previous->number + 1) {
            std::string missing = n == *previous->number + 2
                                      ? "priority " + std::to_string(*previous->number + 1)
                                      : "priorities " + std::to_string(*previous->number + 1) + " to " +
                                            std::to_string(n - 1);
            std::string verb = n == *previous->number + 2 ? " is missing" : " are missing";
            report(ctx, DiagCode::W111,
                   "priority " + std::to_string(n) + " follows priority " + std::to_string(*previous->number) + ": " +
                       missing + verb,
                   at, p.id);
        }
        by_number.emplace(n, &p);
        if (!same) previous = &p;
    }
}

}  // namespace

void check_priorities(const CheckContext& ctx) {
    for (const Priority& p : ctx.doc.priorities) {
        check_targets_present(ctx, p);
        check_lead(ctx, p);
    }
    check_numbering(ctx);
}

}  // namespace planc::checks
