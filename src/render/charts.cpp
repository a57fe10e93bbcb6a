// Bar charts as inline SVG (see charts.hpp).

#include "render/charts.hpp"

#include <algorithm>
#include <cmath>

#include "render/html.hpp"
#include "render/target_words.hpp"

namespace planc {

namespace {

// Chart geometry in SVG user units; the SVG scales to the width of its container.
constexpr double kWidth = 360;
constexpr double kLabelHeight = 20;
constexpr double kBarHeight = 22;
constexpr double kRowGap = 12;
constexpr double kCharWidth = 8.4;  ///< a generous width of one character of a value

std::string number(double v) {
    std::string s = fixed_decimals(v, 1, 31);
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

bool has_gap(const Target& t) { return !t.gaps.empty() || t.change.gap || t.baseline.gap || t.target_value.gap; }

/// The target's value in the baseline's terms, if the plan gives it.
std::optional<Quantity> target_amount(const Target& t) {
    if (t.target_value.value) return t.target_value;
    if ((t.change_kind == ChangeKind::To || t.change_kind == ChangeKind::FromTo || t.change_kind == ChangeKind::At) &&
        t.change.value)
        return t.change;
    return std::nullopt;
}

}  // namespace

void append_bar_chart(html::Stream& out, const BarChart& chart) {
    double max = 0;
    for (const ChartBar& b : chart.bars) max = std::max(max, b.value);
    if (max <= 0) max = 1;
    double height = static_cast<double>(chart.bars.size()) * (kLabelHeight + kBarHeight + kRowGap);
    out.open("div", {{"class", "chart"}});
    out.open("svg", {{"class", "chart__svg"},
                     {"viewBox", "0 0 " + number(kWidth) + " " + number(height)},
                     {"role", "img"},
                     {"aria-labelledby", chart.id + "-title"},
                     {"aria-describedby", chart.id + "-desc"},
                     {"focusable", "false"}});
    out.element_text("title", chart.title, {{"id", chart.id + "-title"}});
    out.element_text("desc", chart.description, {{"id", chart.id + "-desc"}});
    double y = 0;
    // Leave room right of the longest bar for the longest value.
    std::size_t longest = 0;
    for (const ChartBar& b : chart.bars) longest = std::max(longest, b.value_text.size());
    double room = std::max(kWidth * 0.4, kWidth - 10 - kCharWidth * static_cast<double>(longest));
    for (const ChartBar& b : chart.bars) {
        out.element_text("text", b.label, {{"class", "chart__label"}, {"x", "0"}, {"y", number(y + kLabelHeight - 5)}});
        double w = std::max(2.0, room * std::max(0.0, b.value) / max);
        out.element("rect", {{"class", "chart__bar chart__bar--" + (b.kind.empty() ? std::string("plain") : b.kind)},
                             {"x", "0"},
                             {"y", number(y + kLabelHeight)},
                             {"width", number(w)},
                             {"height", number(kBarHeight)}});
        out.element_text("text", b.value_text,
                         {{"class", "chart__value"}, {"x", number(w + 6)}, {"y", number(y + kLabelHeight + 16)}});
        y += kLabelHeight + kBarHeight + kRowGap;
    }
    out.close();
    out.close();
}

std::optional<BarChart> target_chart(const Target& t, const std::string& id) {
    if (has_gap(t) || !t.readable) return std::nullopt;
    std::string measure = measure_text(t);
    std::string base_label = "Starting level";
    if (t.baseline_year) base_label += " (" + t.baseline_year->readable() + ")";
    std::string target_label = "Target";
    if (t.deadline) target_label += " for " + t.deadline->readable();
    BarChart c;
    c.id = id;
    c.title = measure + ": starting level and target";
    auto target = target_amount(t);
    if (t.baseline.value && target && target->percent == t.baseline.percent) {
        std::string b = format_quantity(t.baseline), v = format_quantity(*target);
        c.bars = {{base_label, *t.baseline.value, b, "baseline"}, {target_label, *target->value, v, "target"}};
        c.description = base_label + ": " + b + ". " + target_label + ": " + v + ".";
        return c;
    }
    if (t.change_kind == ChangeKind::By && t.change.percent && t.change.value &&
        (t.direction == Direction::Reduce || t.direction == Direction::Increase)) {
        double change = *t.change.value;
        double goal = t.direction == Direction::Reduce ? 100 - change : 100 + change;
        if (goal < 0) return std::nullopt;
        std::string change_words = format_quantity(t.change) + (t.direction == Direction::Reduce ? " lower" : " higher");
        std::string goal_text = number(goal) + "%";
        c.bars = {{base_label, 100, "100%", "baseline"},
                  {target_label + ": " + change_words, goal, goal_text, "target"}};
        c.description = base_label + " counted as 100%. " + target_label + ": " + goal_text +
                        " of the starting level, " + change_words + ".";
        return c;
    }
    return std::nullopt;
}

BarChart survey_chart(const SurveyTable& s, const std::string& title, const std::string& id) {
    BarChart c;
    c.id = id;
    c.title = title;
    std::string words;
    for (const SurveyRow& r : s.rows) {
        if (!r.percent.value) continue;
        std::string v = format_quantity(r.percent);
        if (r.count.value) v += " (" + format_number(*r.count.value, 0) + ")";
        c.bars.push_back({r.answer.text, *r.percent.value, v, "answer"});
        words += (words.empty() ? "" : "; ") + r.answer.text + ": " + v;
    }
    c.description = "Share of responses, with the number of people in brackets. " + words + ".";
    return c;
}

}  // namespace planc
