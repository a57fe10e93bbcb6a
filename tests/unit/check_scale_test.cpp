// The checks stay linear on hostile input: long runs of capitals, brackets without an
// end, thousands of priorities with one number, thousands of indicator wordings.

#include <catch2/catch.hpp>

#include <chrono>

#include "check_test_support.hpp"

using namespace planc;
using namespace planc::testing;

namespace {

std::string repeat(const std::string& s, int n) {
    std::string out;
    out.reserve(s.size() * static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

/// Seconds check_project takes over an already parsed plan.
double seconds_to_check(const std::string& body, std::size_t* findings = nullptr) {
    Diagnostics parse;
    Project project;
    project.root = "/nonexistent";
    Partnership p;
    p.slug = "test";
    p.documents.push_back(parse_document("content/test/2009-10.md", plan_file(body), parse));
    project.partnerships.push_back(std::move(p));
    Diagnostics diags;
    auto start = std::chrono::steady_clock::now();
    check_project(project, diags);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (findings) *findings = diags.items().size();
    return seconds;
}

// A linear pass over each input takes well under a second in a Debug build; a
// quadratic one takes minutes.
constexpr double kBound = 10.0;

}  // namespace

TEST_CASE("the checks read a 50,000-word paragraph of capitals in linear time", "[check][scale]") {
    std::size_t findings = 0;
    CHECK(seconds_to_check("## Notes\n\n" + repeat("ASB TBC MEETING NAME (ASB) ", 12500), &findings) < kBound);
    CHECK(findings >= 1);
}

TEST_CASE("the checks read 50,000 opening brackets before one closing bracket in linear time", "[check][scale]") {
    CHECK(seconds_to_check("## Notes\n\n" + repeat("Anti Social Behaviour (", 50000) + "ASB)\n") < kBound);
}

TEST_CASE("the checks read 5,000 priorities numbered 1 in linear time", "[check][scale]") {
    std::size_t findings = 0;
    CHECK(seconds_to_check(repeat("## Priority 1: Crime\n\nLead: Police\n\n### Targets\n\n1. To reduce crime by 5% by "
                                  "2010/11 based on 2008/09 baseline.\n\n",
                                  5000),
                           &findings) < kBound);
    CHECK(findings >= 4999 * 2);  // each repeat of the number, and each repeated target
}

TEST_CASE("the checks read 20,000 wordings of one indicator in linear time", "[check][scale]") {
    std::string body = "## Links\n\n";
    for (int i = 0; i < 20000; ++i) body += "- NI 20 – Assault number " + std::to_string(i) + " of many\n";
    std::size_t findings = 0;
    CHECK(seconds_to_check(body, &findings) < kBound);
    CHECK(findings >= 19999);
}

TEST_CASE("the checks point into 5,000 unfinished action plan rows in linear time", "[check][scale]") {
    std::string body =
        "## Action plan\n\n| Action | Responsible Officer | Milestones | Progress | Date |\n|---|---|---|---|---|\n";
    for (int i = 0; i < 5000; ++i) body += "| Action " + std::to_string(i) + " | Manager | TBC | TBC | May 2013 |\n";
    std::size_t findings = 0;
    CHECK(seconds_to_check(body, &findings) < kBound);
    CHECK(findings == 10000);  // W114 and W118 on each row
}
