// Target arithmetic a reviewer would do by hand.
//
// W106 direction: "reduce" with a target above the baseline, "increase" with one below.
// W105 arithmetic: baseline x (1 - or + percent), or baseline - or + an amount in the
// same unit, against the stated target, at the precision the target is written in
// (half a unit of its last digit either way: 620.4 and 620.5 both agree with 620).
// A target with the wrong direction gets W106 only.

#include <cmath>

#include "check/check_support.hpp"

namespace planc::checks {

namespace {

/// Up to two decimals, trailing zeros removed: 620.4, 1166.54, 268.
std::string plain_number(double v) {
    std::string s = format_number(v, 2);
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    return s;
}

std::string stated(const Quantity& q) {
    return format_number(*q.value, q.decimals) + (q.percent ? "%" : "");
}

Span value_span(const Target& t) { return t.target_value.span.known() ? t.target_value.span : t.span; }

/// W106; true when reported.
bool check_direction(const CheckContext& ctx, const Target& t, const std::string& priority) {
    const Quantity& base = t.baseline;
    const Quantity& goal = t.target_value;
    if (!base.value || !goal.value || base.percent != goal.percent) return false;
    if (t.direction == Direction::Reduce && *goal.value > *base.value) {
        report(ctx, DiagCode::W106,
               "target says \"" + t.verb + "\" but its target " + stated(goal) + " is above the baseline " +
                   stated(base),
               value_span(t), priority);
        return true;
    }
    if (t.direction == Direction::Increase && *goal.value < *base.value) {
        report(ctx, DiagCode::W106,
               "target says \"" + t.verb + "\" but its target " + stated(goal) + " is below the baseline " +
                   stated(base),
               value_span(t), priority);
        return true;
    }
    return false;
}

void check_arithmetic(const CheckContext& ctx, const Target& t, const std::string& priority) {
    if (t.change_kind != ChangeKind::By || !t.change.value) return;
    const Quantity& base = t.baseline;
    const Quantity& goal = t.target_value;
    if (!base.value || !goal.value || base.percent || goal.percent) return;
    double sign = 0;
    if (t.direction == Direction::Reduce) sign = -1;
    if (t.direction == Direction::Increase) sign = 1;
    if (sign == 0) return;
    double expected = 0;
    std::string how;
    if (t.change.percent) {
        expected = *base.value * (1 + sign * *t.change.value / 100.0);
        how = plain_number(*base.value) + (sign < 0 ? " reduced" : " increased") + " by " +
              plain_number(*t.change.value) + "%";
    } else {
        // An amount in another unit ("by 120 incidents" against a rate) cannot be compared.
        if (!t.change.unit.empty() && !base.unit.empty() && t.change.unit != base.unit) return;
        expected = *base.value + sign * *t.change.value;
        how = plain_number(*base.value) + (sign < 0 ? " minus " : " plus ") + plain_number(*t.change.value);
    }
    double unit = std::pow(10.0, -goal.decimals);
    if (std::fabs(expected - *goal.value) <= unit / 2 + 1e-9) return;
    std::string rounded = format_number(expected, goal.decimals);
    std::string exact = plain_number(expected);
    std::string message = how + " is " + exact;
    if (rounded != exact) message += " (" + rounded + " rounded)";
    message += ", but the target says " + stated(goal);
    report(ctx, DiagCode::W105, message, value_span(t), priority);
}

}  // namespace

void check_target_arithmetic(const CheckContext& ctx) {
    for (const Priority& p : ctx.doc.priorities)
        for (const Target& t : p.targets) {
            if (!t.readable) continue;
            if (!check_direction(ctx, t, p.id)) check_arithmetic(ctx, t, p.id);
        }
}

}  // namespace planc::checks
