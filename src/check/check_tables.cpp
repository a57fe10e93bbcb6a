// Tables whose columns can be cross-checked (W115) and status columns (W116).
//
// Performance tables: difference = value - milestone; performance % = difference /
// milestone x 100; UP when the value is above the previous period's, DOWN when below.
// Each is compared at the precision the cell is written in (half a unit of its last
// digit). One finding per row, at its first disagreeing cell, naming every column that
// disagrees.
// Survey tables: every percentage must be its count over one common total. The total is
// the one most rows agree with (at least two rows must); rows that disagree with it are
// reported at their percentage.
// Status tables: a status must be R, A, G or NA (N/A is read as NA); an empty status is
// reported too.

#include <algorithm>
#include <cmath>
#include <map>

#include "check/check_support.hpp"

namespace planc::checks {

namespace {

bool agrees(double expected, const Quantity& stated) {
    double unit = std::pow(10.0, -stated.decimals);
    return std::fabs(expected - *stated.value) <= unit / 2 + 1e-9;
}

std::string shown(const Quantity& q) { return q.text.empty() ? format_number(*q.value, q.decimals) : q.text; }

std::string upper(std::string_view s) {
    std::string out(trim(s));
    for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

void check_performance_row(const CheckContext& ctx, const PerformanceRow& row) {
    if (!row.value.value) return;
    const double value = *row.value.value;
    std::vector<std::string> problems;
    Span at;
    auto problem = [&](std::string text, const Span& span) {
        problems.push_back(std::move(text));
        if (!at.known()) at = span.known() ? span : row.span;
    };
    if (row.milestone.value) {
        const double milestone = *row.milestone.value;
        const double difference = value - milestone;
        if (row.difference.value && !agrees(difference, row.difference)) {
            problem("difference " + shown(row.value) + " - " + shown(row.milestone) + " is " +
                        format_number(difference, row.difference.decimals) + ", not " + shown(row.difference),
                    row.difference.span);
        }
        if (row.performance.value && milestone != 0) {
            double percent = difference / milestone * 100.0;
            if (!agrees(percent, row.performance))
                problem("performance is " + format_number(percent, row.performance.decimals) + "% of the milestone, not " +
                            shown(row.performance),
                        row.performance.span);
        }
    }
    if (row.previous.value) {
        std::string trend = upper(row.trend.text);
        bool up = trend == "UP" || trend == "INCREASE" || trend == "\xE2\x86\x91";
        bool down = trend == "DOWN" || trend == "DECREASE" || trend == "\xE2\x86\x93";
        double previous = *row.previous.value;
        if (up && value < previous)
            problem("change is DOWN (" + shown(row.value) + " is below " + shown(row.previous) + "), not " +
                        std::string(trim(row.trend.text)),
                    row.trend.span);
        if (down && value > previous)
            problem("change is UP (" + shown(row.value) + " is above " + shown(row.previous) + "), not " +
                        std::string(trim(row.trend.text)),
                    row.trend.span);
    }
    if (problems.empty()) return;
    std::string name(trim(row.indicator.text));
    std::string message = (name.empty() ? std::string("row") : "row " + name) + ": " + join_words(problems);
    report(ctx, DiagCode::W115, message, at);
}

/// The total most rows agree with, and how many do; 0 when none.
std::pair<long, std::size_t> common_total(const SurveyTable& table) {
    std::map<long, std::size_t> support;
    for (const SurveyRow& row : table.rows) {
        if (!row.percent.value || !row.count.value || *row.percent.value <= 0 || *row.count.value <= 0) continue;
        double half = std::pow(10.0, -row.percent.decimals) / 2;
        double p = *row.percent.value;
        double c = *row.count.value;
        auto low = static_cast<long>(std::ceil(c * 100.0 / (p + half) - 1e-9));
        auto high = static_cast<long>(std::floor(c * 100.0 / std::max(p - half, 1e-9) + 1e-9));
        if (high - low > 100000) continue;  // a tiny percentage says nothing about the total
        for (long n = std::max(low, 1L); n <= high; ++n) ++support[n];
    }
    std::pair<long, std::size_t> best{0, 0};
    for (const auto& [n, count] : support)
        if (count > best.second) best = {n, count};
    return best;
}

void check_survey(const CheckContext& ctx, const SurveyTable& table) {
    auto [total, support] = common_total(table);
    if (total <= 0 || support < 2) return;
    for (const SurveyRow& row : table.rows) {
        if (!row.percent.value || !row.count.value) continue;
        double percent = *row.count.value / static_cast<double>(total) * 100.0;
        if (agrees(percent, row.percent)) continue;
        std::string name(trim(row.answer.text));
        report(ctx, DiagCode::W115,
               (name.empty() ? std::string("row") : "row " + name) + ": " + shown(row.count) + " of " +
                   std::to_string(total) + " is " + format_number(percent, row.percent.decimals) + "%, not " +
                   shown(row.percent) + " (" + std::to_string(support) + " rows agree on a total of " +
                   std::to_string(total) + ")",
               row.percent.span.known() ? row.percent.span : row.span);
    }
}

void check_status(const CheckContext& ctx, const IndicatorStatus& s) {
    std::string status = upper(s.status.text);
    if (status == "R" || status == "A" || status == "G" || status == "NA" || status == "N/A") return;
    std::string name(trim(s.indicator.text));
    if (status.empty()) {
        report(ctx, DiagCode::W116, (name.empty() ? std::string("indicator") : name) + " has no status: write R, A, G or NA",
               s.status.span.known() ? s.status.span : s.span);
        return;
    }
    std::string message = "status \"" + std::string(trim(s.status.text)) + "\" is not R, A, G or NA";
    if (status == "RED" || status == "AMBER" || status == "GREEN") message += ": write " + status.substr(0, 1);
    report(ctx, DiagCode::W116, message, s.status.span.known() ? s.status.span : s.span);
}

}  // namespace

void check_tables(const CheckContext& ctx) {
    for (const PerformanceTable& table : ctx.doc.performance)
        for (const PerformanceRow& row : table.rows) check_performance_row(ctx, row);
    for (const SurveyTable& table : ctx.doc.surveys) check_survey(ctx, table);
    for (const IndicatorStatus& s : ctx.doc.indicator_statuses) check_status(ctx, s);
}

}  // namespace planc::checks
