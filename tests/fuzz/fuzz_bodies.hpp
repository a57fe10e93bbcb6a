#pragma once
// The bodies of the fuzz targets, shared with tests/unit/fuzz_regressions_test.cpp so a
// saved crashing input is replayed through exactly what the fuzzer ran. Each returns ""
// when every property held, or what broke; a crash is a crash in both.
//
// document:       bytes -> parse_document (front matter, Markdown, raw HTML) -> a Project
//                 with one partnership -> check_project -> render_site (render_project's
//                 work, the leaflet PDF off: it runs an external program) into a
//                 MemoryOutput. Every diagnostic has a message; the renderer does not
//                 throw; every text file written is UTF-8; every page is safe
//                 (html_safety.hpp: no script but the theme's, no javascript:/data:/
//                 vbscript: URL, no event attribute).
// target grammar: read_target_sentence, read_quantity, read_target_row (input split at
//                 '|'), find_gap, parse_plan_date, parse_plan_period, read_plan_date_at;
//                 months and days in range, periods in order, lengths inside the text.

#include <algorithm>
#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include "html_safety.hpp"
#include "parse/source_text.hpp"
#include "planc/check.hpp"
#include "planc/dates.hpp"
#include "planc/diagnostics.hpp"
#include "planc/model.hpp"
#include "planc/output.hpp"
#include "planc/parse.hpp"
#include "planc/target_grammar.hpp"
#include "render/pages.hpp"

namespace planc::fuzz {

inline constexpr const char* kFuzzIndex = R"(---
name: "Fuzzshire Community Safety Partnership"
short: FCSP
area: "Fuzzshire"
---

## Glossary

| Term | Meaning |
|---|---|
| ASB | Anti-social behaviour |
)";

inline const Partnership& base_partnership() {
    static const Partnership p = [] {
        Diagnostics d;
        Partnership out = parse_partnership_index("content/fuzzshire/_index.md", kFuzzIndex, d);
        out.slug = "fuzzshire";
        out.index_path = "content/fuzzshire/_index.md";
        return out;
    }();
    return p;
}

inline bool ends_with(const std::string& s, std::string_view end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

/// The whole pipeline on one document; `source_dir` holds themes/default.
inline std::string check_document(std::string_view bytes, const std::string& source_dir) {
    Diagnostics diags;
    Project project;
    project.root = source_dir;
    project.settings.base_url = "https://plans.example.gov.uk/";
    Partnership partnership = base_partnership();
    partnership.documents.push_back(parse_document("content/fuzzshire/2009-10.md", std::string(bytes), diags));
    project.partnerships.push_back(std::move(partnership));

    check_project(project, diags);
    diags.sort();
    for (const auto& d : diags.items())
        if (d.message.empty()) return "diagnostic " + std::string(info(d.code).code) + " without a message";

    MemoryOutput out;
    RenderOptions options;
    options.pdf = false;
    try {
        render_site(project, out, diags, options);
    } catch (const std::exception& e) {
        // A MemoryOutput never fails to write: an exception here is a renderer bug.
        return std::string("render threw: ") + e.what();
    }
    for (const auto& [path, text] : out.files) {
        bool html = ends_with(path, ".html");
        bool textual = html || ends_with(path, ".json") || ends_with(path, ".csv") || ends_with(path, ".xml");
        // Input that reached the renderer was valid UTF-8; so must every file be.
        if (std::size_t bad = 0; textual && !valid_utf8(text, &bad))
            return "invalid UTF-8 in " + path + " at byte " + std::to_string(bad);
        if (!html) continue;
        if (std::string problem = safety::find_unsafe_markup(text); !problem.empty())
            return "unsafe markup in " + path + ": " + problem;
    }
    return {};
}

inline std::string check_date(const PlanDate& d) {
    if ((d.precision == DatePrecision::Month || d.precision == DatePrecision::Day) && (d.month < 1 || d.month > 12))
        return "month out of range";
    if (d.precision == DatePrecision::Day && (d.day < 1 || d.day > 31)) return "day out of range";
    (void)d.fy_end();
    if (d.iso().empty()) return "empty iso()";
    if (d.readable().empty()) return "empty readable()";
    return {};
}

inline std::string check_target(const Target& t) {
    if (t.deadline)
        if (auto p = check_date(*t.deadline); !p.empty()) return "deadline: " + p;
    if (t.baseline_year)
        if (auto p = check_date(*t.baseline_year); !p.empty()) return "baseline year: " + p;
    (void)t.complete();
    return {};
}

/// The target grammar and the date readers on any text.
inline std::string check_target_grammar(std::string_view input) {
    if (auto p = check_target(read_target_sentence(input)); !p.empty()) return "sentence " + p;
    (void)read_quantity(input);
    if (auto date = parse_plan_date(input))
        if (auto p = check_date(*date); !p.empty()) return "parse_plan_date: " + p;
    if (auto period = parse_plan_period(input)) {
        if (auto p = check_date(period->first); !p.empty()) return "period start: " + p;
        if (auto p = check_date(period->last); !p.empty()) return "period end: " + p;
        if (period->last.fy_end() < period->first.fy_end()) return "period ends before it starts";
    }
    std::size_t at = 0, length = 0;
    if (find_gap(input, &at, &length) && (at > input.size() || length > input.size() - at))
        return "gap outside the text";
    // A date read at every word start (bounded, so long inputs stay fast).
    for (std::size_t i = 0, tried = 0; i < input.size() && tried < 64; ++i) {
        if (i > 0 && input[i - 1] != ' ') continue;
        ++tried;
        std::size_t len = 0;
        if (auto date = read_plan_date_at(input, i, &len)) {
            if (len == 0 || len > input.size() - i) return "date length outside the text";
            if (auto p = check_date(*date); !p.empty()) return "read_plan_date_at: " + p;
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
    if (auto p = check_target(read_target_row(cells[0], cells[1], cells[2], cells[3])); !p.empty()) return "row " + p;
    return {};
}

}  // namespace planc::fuzz
