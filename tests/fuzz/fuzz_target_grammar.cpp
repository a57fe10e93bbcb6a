// libFuzzer target: the target grammar and the date readers on any text.
//
// read_target_sentence, read_quantity, read_target_row (input split at '|'), find_gap,
// parse_plan_date, parse_plan_period and read_plan_date_at must never crash, and what
// they return must hold together: months and days in range, periods in order, lengths
// inside the text. Built and run by tests/fuzz/run.sh.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "planc/dates.hpp"
#include "planc/target_grammar.hpp"

namespace {

[[noreturn]] void fail(const char* what, std::string_view input) {
    std::fprintf(stderr, "invariant broken: %s for input of %zu bytes\n", what, input.size());
    std::abort();
}

void check_date(const planc::PlanDate& d, std::string_view input) {
    using planc::DatePrecision;
    if ((d.precision == DatePrecision::Month || d.precision == DatePrecision::Day) && (d.month < 1 || d.month > 12))
        fail("month out of range", input);
    if (d.precision == DatePrecision::Day && (d.day < 1 || d.day > 31)) fail("day out of range", input);
    (void)d.fy_end();
    if (d.iso().empty()) fail("empty iso()", input);
    if (d.readable().empty()) fail("empty readable()", input);
}

void check_target(const planc::Target& t, std::string_view input) {
    if (t.deadline) check_date(*t.deadline, input);
    if (t.baseline_year) check_date(*t.baseline_year, input);
    (void)t.complete();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 64 * 1024) return -1;
    std::string_view input(reinterpret_cast<const char*>(data), size);

    check_target(planc::read_target_sentence(input), input);
    (void)planc::read_quantity(input);

    if (auto date = planc::parse_plan_date(input)) check_date(*date, input);
    if (auto period = planc::parse_plan_period(input)) {
        check_date(period->first, input);
        check_date(period->last, input);
        if (period->last.fy_end() < period->first.fy_end()) fail("period ends before it starts", input);
    }

    std::size_t at = 0, length = 0;
    if (planc::find_gap(input, &at, &length) && (at > input.size() || length > input.size() - at))
        fail("gap outside the text", input);

    // A date read at every word start (bounded, so long inputs stay fast).
    for (std::size_t i = 0, tried = 0; i < input.size() && tried < 64; ++i) {
        if (i > 0 && input[i - 1] != ' ') continue;
        ++tried;
        std::size_t len = 0;
        if (auto date = planc::read_plan_date_at(input, i, &len)) {
            if (len == 0 || len > input.size() - i) fail("date length outside the text", input);
            check_date(*date, input);
        }
    }

    // The same bytes as a targets-table row: objective | baseline | timescale | target.
    std::vector<std::string_view> cells;
    std::size_t start = 0;
    while (cells.size() < 3) {
        std::size_t bar = input.find('|', start);
        if (bar == std::string_view::npos) break;
        cells.push_back(input.substr(start, bar - start));
        start = bar + 1;
    }
    cells.push_back(input.substr(std::min(start, input.size())));
    while (cells.size() < 4) cells.emplace_back();
    check_target(planc::read_target_row(cells[0], cells[1], cells[2], cells[3]), input);
    return 0;
}
