// Every output format, asserted as exact text where a person or an editor reads it, and
// parsed back where a program does.

#include "planc/diagnostic_output.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

using namespace planc;

namespace {

const std::string kPlanPath = "content/melton/2009-10.md";
const std::string kTarget = "2. To increase offenders brought to justice by TBC by 2010/11.";

/// A plan in memory, with lines chosen for the caret tests:
/// 5 and 12 a target, 6 multi-byte characters, 7 tabs.
const std::map<std::string, std::string>& plan_files() {
    static const std::map<std::string, std::string> files = {
        {kPlanPath, "---\ntitle: Melton\n---\n### Targets\n" + kTarget +
                        "\nFunding – £43,702 from the LAA\n\tLead:\tMelton Borough Council\n\n\n\n\n" +
                        kTarget + "\r\n"},
    };
    return files;
}

const SourceLookup kSources = [](const std::string& file) -> std::optional<std::string_view> {
    const auto found = plan_files().find(file);
    if (found == plan_files().end()) return std::nullopt;
    return std::string_view(found->second);
};

Location span(const std::string& file, std::uint32_t line, std::uint32_t column, std::uint32_t end_line,
              std::uint32_t end_column) {
    return Location{file, Span{line, column, end_line, end_column}};
}

Diagnostic finding(DiagCode code, std::string message, Location where) {
    Diagnostic d;
    d.code = code;
    d.severity = info(code).severity;
    d.message = std::move(message);
    d.location = std::move(where);
    return d;
}

Diagnostic target_gap() {
    Diagnostic d = finding(DiagCode::W101, "target has no amount (TBC)", span(kPlanPath, 5, 48, 5, 50));
    d.plan = "melton/2009-10";
    d.priority = "priority-2";
    return d;
}

Diagnostic duplicate_target() {
    Diagnostic d = finding(DiagCode::W108, "target stated twice in one plan", span(kPlanPath, 12, 1, 12, 62));
    d.notes.push_back(DiagNote{"first stated here", span(kPlanPath, 5, 1, 5, 62)});
    d.notes.push_back(DiagNote{"targets are compared after years are normalised", {}});
    return d;
}

Diagnostic unreadable_file() {
    return finding(DiagCode::E002, "file is not UTF-8 text", Location{"content/melton/bad.md", {}});
}

std::string human(const std::vector<Diagnostic>& diagnostics, OutputOptions options = {}) {
    return format_human(diagnostics, kSources, options);
}

/// The caret line of human output for one diagnostic at `where` on a one-digit line.
std::string caret_line_for(const Location& where, std::size_t max_width = 120) {
    OutputOptions options;
    options.summary = false;
    options.max_source_width = max_width;
    const std::string out = human({finding(DiagCode::W117, "placeholder", where)}, options);
    const std::size_t last_line = out.rfind('\n', out.size() - 3);
    return out.substr(last_line + 1, out.size() - last_line - 3);
}

/// The source line of human output for one diagnostic at `where`.
std::string source_line_for(const Location& where, std::size_t max_width = 120) {
    OutputOptions options;
    options.summary = false;
    options.max_source_width = max_width;
    const std::string out = human({finding(DiagCode::W117, "placeholder", where)}, options);
    const std::size_t caret = out.rfind('\n', out.size() - 3);
    const std::size_t source = out.rfind('\n', caret - 1);
    return out.substr(source + 1, caret - source - 1);
}

}  // namespace

TEST_CASE("output formats are chosen by their --format name", "[diag]") {
    for (const OutputFormat format : {OutputFormat::Human, OutputFormat::Gcc, OutputFormat::Json,
                                      OutputFormat::Sarif, OutputFormat::Github}) {
        CHECK(parse_output_format(to_string(format)) == format);
    }
    CHECK(parse_output_format("gcc") == OutputFormat::Gcc);
    CHECK_FALSE(parse_output_format("xml").has_value());
    CHECK_FALSE(parse_output_format("JSON").has_value());
    CHECK_FALSE(parse_output_format("").has_value());
}

TEST_CASE("the summary counts by severity and by code, and reads like rustc's", "[diag]") {
    const DiagnosticSummary summary =
        summarise({target_gap(), duplicate_target(), target_gap(), unreadable_file()});
    CHECK(summary.errors == 1);
    CHECK(summary.warnings == 3);
    CHECK(summary.notes == 0);
    CHECK(summary.total() == 4);
    CHECK(summary.by_code == std::map<std::string, std::size_t>{{"E002", 1}, {"W101", 2}, {"W108", 1}});

    CHECK(summary_line(summary, false) == "error: aborting due to 1 error; 3 warnings emitted");
    CHECK(summary_line(summarise({unreadable_file(), unreadable_file()}), false) ==
          "error: aborting due to 2 errors");
    CHECK(summary_line(summarise({target_gap()}), false) == "warning: 1 warning emitted");
    CHECK(summary_line(summarise({target_gap(), target_gap()}), false) == "warning: 2 warnings emitted");
    CHECK(summary_line(summarise({}), false).empty());
    CHECK(summary_line(summarise({target_gap()}), true) ==
          "\x1b[1;33mwarning\x1b[0m\x1b[1m: 1 warning emitted\x1b[0m");
}

TEST_CASE("human output shows the source line with carets under the span", "[diag]") {
    CHECK(human({target_gap()}) ==
          "warning[W101]: target has no amount (TBC)\n"
          " --> content/melton/2009-10.md:5:48\n"
          "  |\n"
          "5 | 2. To increase offenders brought to justice by TBC by 2010/11.\n"
          "  |                                                ^^^\n"
          "\n"
          "warning: 1 warning emitted\n");
}

TEST_CASE("human output shows notes, widens the gutter, and ends with the summary", "[diag]") {
    CHECK(human({duplicate_target(), unreadable_file()}) ==
          "warning[W108]: target stated twice in one plan\n"
          "  --> content/melton/2009-10.md:12:1\n"
          "   |\n"
          "12 | 2. To increase offenders brought to justice by TBC by 2010/11.\n"
          "   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
          "   |\n"
          "note: first stated here\n"
          "  --> content/melton/2009-10.md:5:1\n"
          "   |\n"
          "5  | 2. To increase offenders brought to justice by TBC by 2010/11.\n"
          "   | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n"
          "   = note: targets are compared after years are normalised\n"
          "\n"
          "error[E002]: file is not UTF-8 text\n"
          " --> content/melton/bad.md\n"
          "\n"
          "error: aborting due to 1 error; 1 warning emitted\n");
}

TEST_CASE("human output in colour uses rustc's ANSI styles", "[diag]") {
    OutputOptions options;
    options.colour = true;
    Diagnostic d = target_gap();
    d.notes.push_back(DiagNote{"the amount was left to be agreed", {}});
    CHECK(human({d}, options) ==
          "\x1b[1;33mwarning[W101]\x1b[0m\x1b[1m: target has no amount (TBC)\x1b[0m\n"
          " \x1b[1;36m-->\x1b[0m content/melton/2009-10.md:5:48\n"
          "\x1b[1;34m  |\x1b[0m\n"
          "\x1b[1;34m5 |\x1b[0m 2. To increase offenders brought to justice by TBC by 2010/11.\n"
          "\x1b[1;34m  |\x1b[0m                                                \x1b[1;33m^^^\x1b[0m\n"
          "\x1b[1;34m  |\x1b[0m\n"
          "  \x1b[1;34m=\x1b[0m \x1b[1;36mnote\x1b[0m: the amount was left to be agreed\n"
          "\n"
          "\x1b[1;33mwarning\x1b[0m\x1b[1m: 1 warning emitted\x1b[0m\n");
    CHECK(human({d}).find('\x1b') == std::string::npos);
}

TEST_CASE("carets count columns in code points, after multi-byte characters", "[diag]") {
    // "Funding – £43,702 from the LAA": the dash is 3 bytes and the pound sign 2, but
    // each is one column, so "LAA" is columns 28-30.
    CHECK(source_line_for(span(kPlanPath, 6, 28, 6, 30)) == "6 | Funding – £43,702 from the LAA");
    CHECK(caret_line_for(span(kPlanPath, 6, 28, 6, 30)) == "  | " + std::string(27, ' ') + "^^^");
    CHECK(caret_line_for(span(kPlanPath, 6, 11, 6, 17)) == "  | " + std::string(10, ' ') + "^^^^^^^");
}

TEST_CASE("carets line up after tabs, which are shown as four spaces", "[diag]") {
    CHECK(source_line_for(span(kPlanPath, 7, 8, 7, 13)) == "7 |     Lead:    Melton Borough Council");
    CHECK(caret_line_for(span(kPlanPath, 7, 8, 7, 13)) == "  | " + std::string(13, ' ') + "^^^^^^");
    CHECK(caret_line_for(span(kPlanPath, 7, 1, 7, 1)) == "  | ^^^^");
}

TEST_CASE("carets always show at least one mark, and a long span stops at its line's end", "[diag]") {
    SECTION("a span over two lines is marked to the end of its first line") {
        CHECK(caret_line_for(span(kPlanPath, 6, 11, 7, 3)) ==
              "  | " + std::string(10, ' ') + std::string(20, '^'));
    }
    SECTION("a span with no end marks one character") {
        CHECK(caret_line_for(span(kPlanPath, 5, 48, 0, 0)) == "  | " + std::string(47, ' ') + "^");
    }
    SECTION("a span just past the end of the line marks the place after it") {
        CHECK(caret_line_for(span(kPlanPath, 6, 31, 6, 31)) == "  | " + std::string(30, ' ') + "^");
    }
    SECTION("an empty line shows a bare gutter and one caret") {
        CHECK(source_line_for(span(kPlanPath, 8, 1, 8, 1)) == "8 |");
        CHECK(caret_line_for(span(kPlanPath, 8, 1, 8, 1)) == "  | ^");
    }
    SECTION("a carriage return before the newline is not shown") {
        CHECK(source_line_for(span(kPlanPath, 12, 1, 12, 1)) == "12 | " + kTarget);
    }
}

TEST_CASE("a long source line is cut around the span", "[diag]") {
    const std::string line = std::string(180, 'x') + "TBC" + std::string(50, 'y');
    const std::string file = "content/long.md";
    const SourceLookup sources = [&](const std::string&) -> std::optional<std::string_view> { return line; };
    OutputOptions options;
    options.summary = false;
    options.max_source_width = 40;
    const std::string out =
        format_human({finding(DiagCode::W101, "target has no amount (TBC)", span(file, 1, 181, 1, 183))},
                     sources, options);
    CHECK(out ==
          "warning[W101]: target has no amount (TBC)\n"
          " --> content/long.md:1:181\n"
          "  |\n"
          "1 | ...xxxxxxxxxxTBCyyyyyyyyyyyyyyyyyyyyyyyyyyy...\n"
          "  |              ^^^\n"
          "\n");
}

TEST_CASE("control characters in a source line are shown as replacement characters", "[diag]") {
    const std::string line = "To reduce\x1b[31m crime";
    const SourceLookup sources = [&](const std::string&) -> std::optional<std::string_view> { return line; };
    OutputOptions options;
    options.summary = false;
    const std::string out = format_human(
        {finding(DiagCode::W119, "target not read", span("a.md", 1, 16, 1, 20))}, sources, options);
    CHECK(out.find("1 | To reduce\xEF\xBF\xBD[31m crime\n") != std::string::npos);
    CHECK(out.find("  |                ^^^^^\n") != std::string::npos);
}

TEST_CASE("without the source text, human output gives the place but no source line", "[diag]") {
    OutputOptions options;
    options.summary = false;
    const std::string expected =
        "warning[W101]: target has no amount (TBC)\n"
        " --> content/melton/2009-10.md:5:48\n"
        "\n";
    CHECK(format_human({target_gap()}, SourceLookup{}, options) == expected);
    Diagnostic elsewhere = target_gap();
    elsewhere.location.file = "content/charnwood/2010-11.md";
    CHECK(format_human({elsewhere}, kSources, options) ==
          "warning[W101]: target has no amount (TBC)\n"
          " --> content/charnwood/2010-11.md:5:48\n"
          "\n");
    CHECK(human({}).empty());
}

TEST_CASE("gcc output is one line per diagnostic and per note", "[diag]") {
    CHECK(format_gcc({target_gap(), duplicate_target(), unreadable_file()}) ==
          "content/melton/2009-10.md:5:48: warning: target has no amount (TBC) [W101]\n"
          "content/melton/2009-10.md:12:1: warning: target stated twice in one plan [W108]\n"
          "content/melton/2009-10.md:5:1: note: first stated here\n"
          "planc: note: targets are compared after years are normalised\n"
          "content/melton/bad.md: error: file is not UTF-8 text [E002]\n");
}

TEST_CASE("github output is workflow commands, escaped as the runner expects", "[diag]") {
    CHECK(format_github({target_gap(), duplicate_target(), unreadable_file()}) ==
          "::warning file=content/melton/2009-10.md,line=5,col=48,endLine=5,endColumn=50,"
          "title=W101 target-gap::target has no amount (TBC)\n"
          "::warning file=content/melton/2009-10.md,line=12,col=1,endLine=12,endColumn=62,"
          "title=W108 target-duplicate::target stated twice in one plan"
          "%0Anote: first stated here (content/melton/2009-10.md:5:1)"
          "%0Anote: targets are compared after years are normalised\n"
          "::error file=content/melton/bad.md,title=E002 unreadable::file is not UTF-8 text\n");

    Diagnostic odd = finding(DiagCode::W115, "difference is 15%, should be 20%\r\nsee row 3",
                             span("content/a,b:c.md", 2, 3, 2, 4));
    odd.severity = Severity::Note;
    CHECK(format_github({odd}) ==
          "::notice file=content/a%2Cb%3Ac.md,line=2,col=3,endLine=2,endColumn=4,"
          "title=W115 table-arithmetic::difference is 15%25, should be 20%25%0D%0Asee row 3\n");
}

TEST_CASE("json output parses back with every field of the contract", "[diag]") {
    const std::string text = format_json({target_gap(), duplicate_target(), unreadable_file()});
    REQUIRE(text.back() == '\n');
    CHECK(text.rfind("{\n  \"version\": 1,\n  \"diagnostics\": [\n", 0) == 0);
    const auto doc = nlohmann::json::parse(text);
    CHECK(doc["version"] == 1);
    REQUIRE(doc["diagnostics"].size() == 3);

    const auto& gap = doc["diagnostics"][0];
    CHECK(gap["code"] == "W101");
    CHECK(gap["name"] == "target-gap");
    CHECK(gap["severity"] == "warning");
    CHECK(gap["message"] == "target has no amount (TBC)");
    CHECK(gap["file"] == kPlanPath);
    CHECK(gap["line"] == 5);
    CHECK(gap["column"] == 48);
    CHECK(gap["end_line"] == 5);
    CHECK(gap["end_column"] == 50);
    CHECK(gap["plan"] == "melton/2009-10");
    CHECK(gap["priority"] == "priority-2");
    CHECK(gap["notes"] == nlohmann::json::array());

    const auto& twice = doc["diagnostics"][1];
    CHECK(twice["plan"].is_null());
    REQUIRE(twice["notes"].size() == 2);
    CHECK(twice["notes"][0]["message"] == "first stated here");
    CHECK(twice["notes"][0]["file"] == kPlanPath);
    CHECK(twice["notes"][0]["line"] == 5);
    CHECK(twice["notes"][0]["column"] == 1);
    CHECK(twice["notes"][0]["end_column"] == 62);
    CHECK(twice["notes"][1]["file"].is_null());
    CHECK(twice["notes"][1]["line"].is_null());

    const auto& unreadable = doc["diagnostics"][2];
    CHECK(unreadable["severity"] == "error");
    CHECK(unreadable["file"] == "content/melton/bad.md");
    CHECK(unreadable["line"].is_null());

    const auto& summary = doc["summary"];
    CHECK(summary["errors"] == 1);
    CHECK(summary["warnings"] == 2);
    CHECK(summary["notes"] == 0);
    CHECK(summary["by_code"] == nlohmann::json({{"E002", 1}, {"W101", 1}, {"W108", 1}}));
    CHECK(summary["by_code"].dump() == R"({"E002":1,"W101":1,"W108":1})");

    CHECK(nlohmann::json::parse(format_json({}))["diagnostics"] == nlohmann::json::array());
}

TEST_CASE("json output never throws on text that is not UTF-8", "[diag]") {
    const std::string text =
        format_json({finding(DiagCode::E002, "bad byte \xA3 here", Location{"a.md", {}})});
    CHECK(nlohmann::json::parse(text)["diagnostics"][0]["message"] == "bad byte \xEF\xBF\xBD here");
}

TEST_CASE("sarif output has the structure code-scanning tools require", "[diag]") {
    OutputOptions options;
    options.tool_version = "0.1.0";
    const std::vector<Diagnostic> diagnostics = {target_gap(), duplicate_target(), unreadable_file()};
    const auto log = nlohmann::json::parse(format_sarif(diagnostics, options));

    CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
    CHECK(log["version"] == "2.1.0");
    REQUIRE(log["runs"].size() == 1);
    const auto& run = log["runs"][0];
    CHECK(run["columnKind"] == "unicodeCodePoints");
    CHECK(run["tool"]["driver"]["name"] == "planc");
    CHECK(run["tool"]["driver"]["version"] == "0.1.0");

    const auto& rules = run["tool"]["driver"]["rules"];
    REQUIRE(rules.size() == diagnostic_table().size());
    std::set<std::string> rule_ids;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const DiagInfo& row = diagnostic_table()[i];
        const auto& rule = rules[i];
        CHECK(rule["id"] == row.code);
        CHECK(rule["name"] == row.name);
        CHECK(rule["shortDescription"]["text"] == row.summary);
        const std::string full = rule["fullDescription"]["text"];
        CHECK_FALSE(full.empty());
        CHECK(full.size() <= 1024);
        CHECK(full.find('\n') == std::string::npos);
        CHECK(rule["help"]["text"] == explanation(row.id));
        CHECK(rule["defaultConfiguration"]["level"] ==
              (row.severity == Severity::Error ? "error" : "warning"));
        CHECK(rule_ids.insert(rule["id"]).second);
    }

    const auto& results = run["results"];
    REQUIRE(results.size() == 3);
    const std::set<std::string> levels = {"error", "warning", "note", "none"};
    for (const auto& result : results) {
        const std::size_t index = result["ruleIndex"];
        REQUIRE(index < rules.size());
        CHECK(rules[index]["id"] == result["ruleId"]);
        CHECK(levels.count(result["level"]) == 1);
        CHECK_FALSE(result["message"]["text"].get<std::string>().empty());
        REQUIRE(result["locations"].size() == 1);
        const auto& physical = result["locations"][0]["physicalLocation"];
        CHECK_FALSE(physical["artifactLocation"]["uri"].get<std::string>().empty());
        if (physical.contains("region")) {
            CHECK(physical["region"]["startLine"] >= 1);
            CHECK(physical["region"]["startColumn"] >= 1);
            CHECK(physical["region"]["endColumn"] > physical["region"]["startColumn"]);
        }
    }

    const auto& gap = results[0];
    CHECK(gap["ruleId"] == "W101");
    CHECK(gap["level"] == "warning");
    CHECK(gap["message"]["text"] == "target has no amount (TBC)");
    const auto& region = gap["locations"][0]["physicalLocation"]["region"];
    CHECK(gap["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == kPlanPath);
    CHECK(region ==
          nlohmann::json({{"startLine", 5}, {"startColumn", 48}, {"endLine", 5}, {"endColumn", 51}}));
    CHECK(gap["properties"]["plan"] == "melton/2009-10");

    const auto& twice = results[1];
    CHECK(twice["message"]["text"] ==
          "target stated twice in one plan\nnote: [first stated here](1)\n"
          "note: targets are compared after years are normalised");
    REQUIRE(twice["relatedLocations"].size() == 1);
    CHECK(twice["relatedLocations"][0]["id"] == 1);
    CHECK(twice["relatedLocations"][0]["message"]["text"] == "first stated here");
    CHECK(twice["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 5);

    CHECK(results[2]["level"] == "error");
    CHECK_FALSE(results[2]["locations"][0]["physicalLocation"].contains("region"));
}

TEST_CASE("sarif paths are URI references and brackets in messages are escaped", "[diag]") {
    const auto log = nlohmann::json::parse(format_sarif(
        {finding(DiagCode::E004, "link to [missing] page", span("content/my plan/£.md", 1, 1, 1, 1))}, {}));
    const auto& result = log["runs"][0]["results"][0];
    CHECK(result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] ==
          "content/my%20plan/%C2%A3.md");
    CHECK(result["message"]["text"] == "link to \\[missing\\] page");
    CHECK_FALSE(log["runs"][0]["tool"]["driver"].contains("version"));
}

TEST_CASE("format_diagnostics picks the format by its enum", "[diag]") {
    const std::vector<Diagnostic> diagnostics = {target_gap()};
    const OutputOptions options;
    CHECK(format_diagnostics(diagnostics, OutputFormat::Human, kSources, options) ==
          format_human(diagnostics, kSources, options));
    CHECK(format_diagnostics(diagnostics, OutputFormat::Gcc, kSources, options) == format_gcc(diagnostics));
    CHECK(format_diagnostics(diagnostics, OutputFormat::Json, kSources, options) == format_json(diagnostics));
    CHECK(format_diagnostics(diagnostics, OutputFormat::Sarif, kSources, options) ==
          format_sarif(diagnostics, options));
    CHECK(format_diagnostics(diagnostics, OutputFormat::Github, kSources, options) ==
          format_github(diagnostics));
}
