#pragma once
// Helpers for the check tests: a small project built in memory from inline documents,
// checked, and its findings picked by code.
//
// Test names follow one pattern so that a test can prove every code is covered:
// "W101 reports ..." for a case that must find the problem, "W101 stays quiet ..." for one
// that must not (see check_coverage_test.cpp).

#include <string>
#include <vector>

#include "planc/check.hpp"
#include "planc/diagnostics.hpp"
#include "planc/model.hpp"
#include "planc/parse.hpp"

namespace planc::testing {

/// A project of one partnership ("test") with the given documents, checked.
struct CheckedProject {
    Project project;
    Diagnostics parse;   ///< what the parser reported
    Diagnostics checks;  ///< what check_project reported

    /// Findings of one code (parse and check together).
    [[nodiscard]] std::vector<Diagnostic> of(DiagCode code) const {
        std::vector<Diagnostic> out;
        for (const Diagnostics* list : {&parse, &checks})
            for (const Diagnostic& d : list->items())
                if (d.code == code) out.push_back(d);
        return out;
    }
    [[nodiscard]] std::size_t count(DiagCode code) const { return of(code).size(); }
};

struct TestDocument {
    std::string slug;  ///< "2009-10"
    std::string text;  ///< the whole file, front matter included
};

/// Front matter of a plan for 2008/09-2010/11 followed by `body`; the body starts on
/// line 5.
inline std::string plan_file(const std::string& body, const std::string& period = "2008/09-2010/11") {
    return "---\ntitle: Test plan\nperiod: " + period + "\n---\n" + body;
}

/// Parses the documents into partnership "test" (with `glossary` rows) and checks them.
inline CheckedProject check_documents(const std::vector<TestDocument>& docs,
                                      const std::vector<std::pair<std::string, std::string>>& glossary = {},
                                      const std::string& root = "/nonexistent-planc-test-root") {
    CheckedProject out;
    out.project.root = root;
    Partnership p;
    p.slug = "test";
    p.name = "Test Community Safety Partnership";
    p.index_path = "content/test/_index.md";
    for (const auto& [term, meaning] : glossary) p.glossary.push_back(GlossaryEntry{term, meaning, Span{1, 1, 1, 1}});
    for (const TestDocument& d : docs)
        p.documents.push_back(parse_document("content/test/" + d.slug + ".md", d.text, out.parse));
    out.project.partnerships.push_back(std::move(p));
    check_project(out.project, out.checks);
    return out;
}

/// One plan (content/test/2009-10.md) with `body` after the standard front matter.
inline CheckedProject check_plan(const std::string& body,
                                 const std::vector<std::pair<std::string, std::string>>& glossary = {}) {
    return check_documents({{"2009-10", plan_file(body)}}, glossary);
}

/// Where `needle` occurs (the `nth` time, from 0) in an ASCII `file`: 1-based line and column.
inline Span position_of(const std::string& file, const std::string& needle, int nth = 0) {
    std::size_t at = file.find(needle);
    for (int i = 0; i < nth && at != std::string::npos; ++i) at = file.find(needle, at + 1);
    if (at == std::string::npos) return {};
    std::uint32_t line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < at; ++i)
        if (file[i] == '\n') {
            ++line;
            line_start = i + 1;
        }
    auto column = static_cast<std::uint32_t>(at - line_start + 1);
    return Span{line, column, line, column + static_cast<std::uint32_t>(needle.size()) - 1};
}

}  // namespace planc::testing
