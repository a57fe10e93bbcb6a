// The five seed documents: counts checked against the sources by hand, and the golden
// JSON models in tests/golden/models/ (reviewed by eye; PLANC_UPDATE_GOLDEN=1 rewrites).

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "planc/data_output.hpp"
#include "planc/load.hpp"
#include "test_support.hpp"

using namespace planc;
using planc::testing::read_file;
using planc::testing::source_dir;

namespace {

Project load_seed(const std::string& relative, Diagnostics& diags) {
    return load_single_document(source_dir() + "/" + relative, diags);
}

std::size_t gaps(const Priority& p) {
    std::size_t n = 0;
    for (const auto& t : p.targets) n += t.complete() ? 0 : 1;
    return n;
}

}  // namespace

TEST_CASE("Melton 2009/10 has 6 priorities with 3, 4, 2, 4, 2, 2 targets and 5 gaps", "[seeds]") {
    Diagnostics diags;
    Project project = load_seed("content/melton/2009-10.md", diags);
    CHECK_FALSE(diags.has_errors());
    const Document& doc = project.partnerships.at(0).documents.at(0);
    REQUIRE(doc.priorities.size() == 6);
    std::vector<std::size_t> counts;
    std::size_t gap_total = 0;
    for (const auto& p : doc.priorities) {
        counts.push_back(p.targets.size());
        gap_total += gaps(p);
        CHECK_FALSE(p.leads.empty());
        CHECK_FALSE(p.aim.empty());
    }
    CHECK(counts == std::vector<std::size_t>{3, 4, 2, 4, 2, 2});
    CHECK(gap_total == 5);
    CHECK(doc.year->fy_end() == 2010);
    CHECK(doc.period->contains_fy(2011));
}

TEST_CASE("Charnwood 2005-08 has 4 themes and 18 table rows, 12 with numeric baseline and target", "[seeds]") {
    Diagnostics diags;
    Project project = load_seed("content/charnwood/2005-08.md", diags);
    CHECK_FALSE(diags.has_errors());
    const Document& doc = project.partnerships.at(0).documents.at(0);
    REQUIRE(doc.priorities.size() == 4);
    std::size_t rows = 0, numeric = 0;
    for (const auto& p : doc.priorities) {
        for (const auto& t : p.targets) {
            CHECK(t.from_table);
            ++rows;
            if (t.baseline.value && t.target_value.value) ++numeric;
        }
    }
    CHECK(rows == 18);
    CHECK(numeric == 12);
    CHECK(project.partnerships[0].glossary.size() == 19);
}

TEST_CASE("North West Leicestershire 2009/10: 5 priorities, no targets, a 6-row action plan", "[seeds]") {
    Diagnostics diags;
    Project project = load_seed("content/north-west-leicestershire/2009-10.md", diags);
    CHECK_FALSE(diags.has_errors());
    const Document& doc = project.partnerships.at(0).documents.at(0);
    REQUIRE(doc.priorities.size() == 5);
    for (const auto& p : doc.priorities) {
        CHECK(p.targets.empty());
        CHECK_FALSE(p.indicators.empty());
        CHECK_FALSE(p.leads.empty());
    }
    CHECK(doc.action_plan.size() == 6);
    CHECK(doc.approval.size() == 17);
}

TEST_CASE("South Derbyshire 2011-14: targets, performance and status tables", "[seeds]") {
    Diagnostics diags;
    Project project = load_seed("content/south-derbyshire/2011-14.md", diags);
    CHECK_FALSE(diags.has_errors());
    const Document& doc = project.partnerships.at(0).documents.at(0);
    REQUIRE(doc.priorities.size() == 5);
    std::size_t targets = 0;
    for (const auto& p : doc.priorities) targets += p.targets.size();
    CHECK(targets == 6);
    CHECK(doc.indicator_statuses.size() == 11);
    REQUIRE(doc.performance.size() == 2);
    CHECK(doc.performance[0].rows.size() == 9);
    CHECK(doc.performance[1].rows.size() == 9);
}

TEST_CASE("Melton 2020 scrutiny report: a report with a 6-row survey", "[seeds]") {
    Diagnostics diags;
    Project project = load_seed("content/melton/2020-03-scrutiny.md", diags);
    CHECK_FALSE(diags.has_errors());
    const Document& doc = project.partnerships.at(0).documents.at(0);
    CHECK(doc.kind == DocumentKind::Report);
    CHECK(doc.priorities.empty());
    REQUIRE(doc.surveys.size() == 1);
    CHECK(doc.surveys[0].rows.size() == 6);
}

TEST_CASE("golden models of the seeds", "[seeds][golden]") {
    const char* update = std::getenv("PLANC_UPDATE_GOLDEN");
    for (const std::string name : {"melton/2009-10", "melton/2020-03-scrutiny", "north-west-leicestershire/2009-10",
                                   "charnwood/2005-08", "south-derbyshire/2011-14"}) {
        Diagnostics diags;
        Project project = load_seed("content/" + name + ".md", diags);
        const Partnership& p = project.partnerships.at(0);
        std::string actual = dump_json(document_to_json(p.documents.at(0), p));
        std::string golden_name = name;
        golden_name.replace(golden_name.find('/'), 1, "--");
        std::string golden_path = source_dir() + "/tests/golden/models/" + golden_name + ".json";
        if (update && std::string(update) == "1") {
            std::ofstream(golden_path, std::ios::binary) << actual;
        }
        INFO("golden file " << golden_path << " (set PLANC_UPDATE_GOLDEN=1 to rewrite, then review the diff)");
        CHECK(read_file(golden_path) == actual);
    }
}
