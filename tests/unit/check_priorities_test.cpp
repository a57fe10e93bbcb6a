// Priority checks: W109 no targets, W110 no lead, W111 numbering.

#include <catch2/catch.hpp>

#include "check_test_support.hpp"

using namespace planc;
using namespace planc::testing;

namespace {

std::string priority(const std::string& heading, bool lead = true, bool targets = true) {
    std::string out = "## " + heading + "\n\n";
    if (lead) out += "Lead officer: Anne Smith\n\n";
    if (targets) out += "### Targets\n\n1. To reduce burglary by 5% by 2010/11 based on 2008/09 baseline.\n\n";
    return out;
}

}  // namespace

TEST_CASE("W109 reports a priority with no targets at its heading, naming its indicators", "[check]") {
    std::string body =
        "## Priority 1: To reduce crime and the fear of crime\n"  // line 5
        "\n"
        "Lead officer: Inspector Chris Brown\n"
        "\n"
        "### Links to Safer Communities objectives and LAA targets\n"
        "\n"
        "- NI 18 – Adult re-offending rates for those under probation supervision\n"
        "- NI 19 – Rate of proven re-offending by young offenders\n"
        "\n"
        "### Key objectives and activities for 2009/10\n"
        "\n"
        "1. Reduce levels of burglaries in identified hotspots locations\n";
    auto result = check_plan(body, {{"LAA", "Local Area Agreement"}});
    auto found = result.of(DiagCode::W109);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "priority 1 has no targets: it links to NI 18 and NI 19 but sets no measurable target");
    CHECK(found[0].location.span.line == 5);
    CHECK(found[0].location.span.column == 1);
    CHECK(found[0].priority == "priority-1-to-reduce-crime-and-the-fear-of-crime");
}

TEST_CASE("W109 reports a priority whose targets have no number to measure them by", "[check]") {
    auto result = check_plan(priority("Priority 1: Burglary") +
                             "## Priority 2: Violent Crime\n\nLead: Police\n\n### Local Performance Indicators\n\n"
                             "- Reduce the number of assaults with less serious injury\n");
    auto found = result.of(DiagCode::W109);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "priority 2 has no measurable target: none of its 1 target has a number to measure it by");
    CHECK(result.count(DiagCode::W102) == 1);
}

TEST_CASE("W109 stays quiet when one target of the priority is measurable", "[check]") {
    auto result = check_plan(priority("Priority 1: Burglary") +
                             "## Priority 2: Violent Crime\n\nLead: Police\n\n### Targets\n\n"
                             "- Reduce the number of assaults with less serious injury\n"
                             "- To reduce assaults by 5% by 2010/11 based on 2008/09 baseline.\n");
    CHECK(result.count(DiagCode::W109) == 0);
    CHECK(result.count(DiagCode::W102) == 1);
}

TEST_CASE("W110 reports a priority with no lead at its heading", "[check]") {
    auto result = check_plan(priority("Strategic theme 1: To reduce violent crime", false));
    auto found = result.of(DiagCode::W110);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "strategic theme 1 has no lead: add a line \"Lead: ...\" under the heading");
    CHECK(found[0].location.span.line == 5);
}

TEST_CASE("W110 stays quiet for a lead paragraph or a lead subsection", "[check]") {
    auto result = check_plan(priority("Priority 1: Burglary") +
                             "## Priority 2: Domestic Abuse\n\n### Lead agency\n\nMelton Borough Council\n\n"
                             "### Targets\n\n1. To reduce repeat incidents by 8% by 2010/11 based on 2008/09 baseline.\n");
    CHECK(result.count(DiagCode::W110) == 0);
}

TEST_CASE("W111 reports a skipped, repeated and backward priority number at the number", "[check]") {
    std::string body = priority("Priority 1: Burglary") + priority("Priority 3: Road Safety") +
                       priority("Priority 3: Drugs") + priority("Priority 2: Violence");
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W111);
    REQUIRE(found.size() == 3);
    std::string file = plan_file(body);
    CHECK(found[0].message == "priority 3 follows priority 1: priority 2 is missing");
    CHECK(found[0].location.span.line == position_of(file, "Priority 3: Road").line);
    CHECK(found[0].location.span.column == 13);  // "## Priority 3": the number
    CHECK(found[1].message == "priority number 3 is used twice");
    REQUIRE(found[1].notes.size() == 1);
    CHECK(found[1].notes[0].location.span.line == position_of(file, "Priority 3: Road").line);
    CHECK(found[2].message == "priority 2 comes after priority 3");
}

TEST_CASE("W111 reports an unnumbered priority among numbered ones, and numbers that do not start at 1", "[check]") {
    auto mixed = check_plan(priority("Priority 1: Violent Crime") + priority("Priority: Domestic Violence") +
                            priority("Priority 2: Criminal Damage"));
    auto found = mixed.of(DiagCode::W111);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "priority \"Domestic Violence\" has no number, unlike the other 2 priorities");
    auto late = check_plan(priority("Priority 2: Burglary") + priority("Priority 3: Drugs"));
    REQUIRE(late.count(DiagCode::W111) == 1);
    CHECK(late.of(DiagCode::W111)[0].message == "priority numbers start at 2, not 1");
}

TEST_CASE("W111 stays quiet for 1, 2, 3 and for priorities that are all unnumbered", "[check]") {
    CHECK(check_plan(priority("Priority 1: A") + priority("Priority 2: B") + priority("Priority 3: C"))
              .count(DiagCode::W111) == 0);
    CHECK(check_plan(priority("Theme: Burglary") + priority("Theme: Drugs")).count(DiagCode::W111) == 0);
}
