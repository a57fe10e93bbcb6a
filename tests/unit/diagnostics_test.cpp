// The code table, the explanations, and the list stages report into.

#include "planc/diagnostics.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using namespace planc;

namespace {

Location at(std::string file, std::uint32_t line, std::uint32_t column) {
    return Location{std::move(file), Span{line, column, line, column}};
}

}  // namespace

TEST_CASE("the code table has one row per code, in enum order, with unique codes and names", "[diag]") {
    const auto& table = diagnostic_table();
    REQUIRE(table.size() == 25);
    std::set<std::string_view> codes;
    std::set<std::string_view> names;
    for (std::size_t i = 0; i < table.size(); ++i) {
        const DiagInfo& row = table[i];
        CHECK(static_cast<std::size_t>(row.id) == i);
        CHECK(&info(row.id) == &row);
        CHECK(codes.insert(row.code).second);
        CHECK(names.insert(row.name).second);
        CHECK_FALSE(row.summary.empty());
        // Errors are E-codes and warnings W-codes, so the letter tells the reader the severity.
        CHECK(row.code.front() == (row.severity == Severity::Error ? 'E' : 'W'));
    }
    CHECK(info(DiagCode::W101).code == "W101");
    CHECK(info(DiagCode::W101).name == "target-gap");
    CHECK(info(DiagCode::E004).severity == Severity::Error);
}

TEST_CASE("find_code looks codes up by code or by name, ignoring case", "[diag]") {
    CHECK(find_code("W101") == DiagCode::W101);
    CHECK(find_code("target-gap") == DiagCode::W101);
    CHECK(find_code("w101") == DiagCode::W101);
    CHECK(find_code("E005") == DiagCode::E005);
    CHECK(find_code("unsafe-path") == DiagCode::E005);
    CHECK_FALSE(find_code("W999").has_value());
    CHECK_FALSE(find_code("").has_value());
    CHECK_FALSE(find_code("W10").has_value());
}

TEST_CASE("severities print as rustc and gcc spell them", "[diag]") {
    CHECK(std::string(to_string(Severity::Error)) == "error");
    CHECK(std::string(to_string(Severity::Warning)) == "warning");
    CHECK(std::string(to_string(Severity::Note)) == "note");
}

TEST_CASE("every code has an explanation with its code, an example and a fix", "[diag]") {
    for (const DiagInfo& row : diagnostic_table()) {
        INFO(row.code);
        const std::string_view text = explanation(row.id);
        REQUIRE_FALSE(text.empty());
        CHECK(text.find(row.code) != std::string_view::npos);
        CHECK(text.find(row.name) != std::string_view::npos);
        CHECK(text.find("## Why it matters") != std::string_view::npos);
        CHECK(text.find("## Example") != std::string_view::npos);
        CHECK(text.find("```markdown") != std::string_view::npos);
        CHECK(text.find("## How to fix it") != std::string_view::npos);
    }
}

TEST_CASE("report takes the severity from the table and counts by severity", "[diag]") {
    Diagnostics diags;
    Diagnostic& gap = diags.report(DiagCode::W101, "target has no amount (TBC)", at("a.md", 3, 4));
    CHECK(gap.severity == Severity::Warning);
    CHECK(gap.message == "target has no amount (TBC)");
    CHECK(gap.location == at("a.md", 3, 4));
    gap.plan = "melton/2009-10";

    CHECK_FALSE(diags.has_errors());
    diags.report(DiagCode::E004, "link to a page that does not exist", at("a.md", 1, 1));
    CHECK(diags.has_errors());
    CHECK(diags.count(Severity::Error) == 1);
    CHECK(diags.count(Severity::Warning) == 1);
    CHECK(diags.count(Severity::Note) == 0);
    CHECK(diags.items()[0].plan == "melton/2009-10");
}

TEST_CASE("sort orders by file, line, column, code and message, keeping equal items in order", "[diag]") {
    Diagnostics diags;
    diags.report(DiagCode::W104, "b", at("content/melton/2009-10.md", 10, 5));
    diags.report(DiagCode::W101, "z", at("content/melton/2009-10.md", 10, 5));
    diags.report(DiagCode::W101, "a", at("content/melton/2009-10.md", 10, 5));
    diags.report(DiagCode::W117, "c", at("content/melton/2009-10.md", 2, 30));
    diags.report(DiagCode::W117, "d", at("content/melton/2009-10.md", 10, 1));
    diags.report(DiagCode::E001, "e", at("content/melton/_index.md", 1, 1));
    diags.report(DiagCode::W112, "f", at("content/charnwood/2010-11.md", 99, 1));
    Diagnostic twin = diags.items()[1];
    twin.notes.push_back(DiagNote{"second twin", {}});
    diags.add(twin);

    diags.sort();
    std::vector<std::string> order;
    for (const Diagnostic& d : diags.items()) order.push_back(d.message + (d.notes.empty() ? "" : "+"));
    CHECK(order == std::vector<std::string>{"f", "c", "d", "a", "z", "z+", "b", "e"});
}

TEST_CASE("append adds another stage's findings after the existing ones", "[diag]") {
    Diagnostics first;
    first.report(DiagCode::W110, "priority 2 has no lead", at("a.md", 5, 1));
    Diagnostics second;
    second.report(DiagCode::E002, "file is not UTF-8", at("b.md", 1, 1));
    second.report(DiagCode::W103, "target has no deadline", at("b.md", 9, 4));
    first.append(second);
    REQUIRE(first.items().size() == 3);
    CHECK(first.items()[1].code == DiagCode::E002);
    CHECK(first.items()[2].code == DiagCode::W103);
    CHECK(second.items().size() == 2);
}
