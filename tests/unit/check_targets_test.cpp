// Target checks: W101-W108 and W119, on small inline plans.

#include <catch2/catch.hpp>

#include "check_test_support.hpp"

using namespace planc;
using namespace planc::testing;

namespace {

/// A priority with a lead and the given targets subsection body; the body starts on line 11.
std::string priority_with_targets(const std::string& targets, int number = 1, const std::string& title = "Burglary") {
    return "## Priority " + std::to_string(number) + ": " + title +
           "\n"
           "\n"
           "Lead: Leicestershire Police\n"
           "\n"
           "### Targets\n"
           "\n" +
           targets;
}

void check_at(const Diagnostic& d, const std::string& file, const std::string& needle, int nth = 0) {
    Span expected = position_of(file, needle, nth);
    INFO("expected at " << expected.line << ":" << expected.column << ", found at " << d.location.span.line << ":"
                        << d.location.span.column);
    CHECK(d.location.file == "content/test/2009-10.md");
    CHECK(d.location.span.line == expected.line);
    CHECK(d.location.span.column == expected.column);
}

}  // namespace

TEST_CASE("W101 reports a placeholder amount in a Markdown list at the placeholder", "[check]") {
    std::string body = priority_with_targets("1. To reduce burglary by TBC by 2010/11 based on 2008/09 baseline.\n");
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W101);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "target has no amount (TBC)");
    CHECK(found[0].plan == "test/2009-10");
    CHECK(found[0].priority == "priority-1-burglary");
    check_at(found[0], plan_file(body), "TBC");
    // One finding per problem: the gap is not also "no number".
    CHECK(result.count(DiagCode::W102) == 0);
    CHECK(result.count(DiagCode::W104) == 0);
}

TEST_CASE("W101 reports a placeholder in a raw HTML list at the placeholder, after the typed number", "[check]") {
    std::string body = priority_with_targets(
        "<ol><li>1. To reduce burglary by TBC by 2010/11 based on 2008/09 baseline.</li></ol>\n");
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W101);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "target has no amount (TBC)");
    check_at(found[0], plan_file(body), "TBC");
}

TEST_CASE("W101 reports a placeholder target cell of a targets table at the cell", "[check]") {
    std::string body = priority_with_targets(
        "| Objective | Baseline | Timescale | Target |\n"
        "|---|---|---|---|\n"
        "| To reduce theft by 10% | 200 offences | 2010/11 | TBC |\n");
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W101);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "target has no amount (TBC)");
    check_at(found[0], plan_file(body), "TBC");
}

TEST_CASE("W101 reports dots and a (TBC) trailer, and says when the deadline is missing too", "[check]") {
    std::string body = priority_with_targets(
        "1. To increase the levels of offenders brought to justice by....by 2010/11 based on 2008/09 baseline. (TBC)\n"
        "2. To reduce the rate of proven re-offending by young offenders by... based on (TBC)\n");
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W101);
    REQUIRE(found.size() == 2);
    CHECK(found[0].message == "target has no amount (....)");
    check_at(found[0], plan_file(body), "....");
    CHECK(found[1].message == "target has no amount or baseline (...), and no deadline");
    CHECK(result.count(DiagCode::W103) == 0);
}

TEST_CASE("W101 stays quiet for complete targets", "[check]") {
    auto result = check_plan(priority_with_targets(
        "1. To reduce burglary by 5% by 2010/11 based on 2008/09 baseline.\n"
        "2. To maintain PPO re-offending levels at 40% during 2009/10.\n"));
    CHECK(result.count(DiagCode::W101) == 0);
}

TEST_CASE("W102 reports a target with no number to measure it by", "[check]") {
    std::string body = priority_with_targets("1. To improve partnership working with local businesses by 2010/11.\n");
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W102);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "target has no number to measure it by");
    check_at(found[0], plan_file(body), "To improve");
    CHECK(result.count(DiagCode::W103) == 0);
    CHECK(result.count(DiagCode::W104) == 0);
}

TEST_CASE("W102 stays quiet when a table row's target cell holds a count", "[check]") {
    auto result = check_plan(priority_with_targets(
        "| Objective | Baseline | Timescale | Target |\n"
        "|---|---|---|---|\n"
        "| To run effective awareness seminars across the Borough. | The launch of the campaign | 2009/10 | To hold at "
        "least 6 seminars |\n"
        "| To reduce burglary by 5% | 200 offences | 2010/11 | 190 offences |\n"));
    CHECK(result.count(DiagCode::W102) == 0);
}

TEST_CASE("W103 reports a target with no deadline", "[check]") {
    std::string body = priority_with_targets("1. To reduce criminal damage by 5% based on 2008/09 baseline.\n");
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W103);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "target has no deadline: add a year such as \"by 2010/11\"");
    check_at(found[0], plan_file(body), "To reduce");
}

TEST_CASE("W103 stays quiet for a deadline in the sentence or in the Timescale cell", "[check]") {
    auto result = check_plan(priority_with_targets(
        "1. To reduce criminal damage by 5% by March 2011 based on 2008/09 baseline.\n"
        "\n"
        "| Objective | Baseline | Timescale | Target |\n"
        "|---|---|---|---|\n"
        "| To reduce theft by 10% | 200 offences | 2010/11 | 180 offences |\n"));
    CHECK(result.count(DiagCode::W103) == 0);
}

TEST_CASE("W104 reports a relative change with no baseline", "[check]") {
    std::string body = priority_with_targets("1. To reduce serious acquisitive crime by 7% by 2010/11.\n");
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W104);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "target has no baseline for \"by 7%\": add a year such as \"based on 2008/09 baseline\"");
    check_at(found[0], plan_file(body), "To reduce");
}

TEST_CASE("W104 stays quiet for absolute targets and for a baseline year or value", "[check]") {
    auto result = check_plan(priority_with_targets(
        "1. To reduce serious acquisitive crime by 7% by 2010/11 based on 2008/09 baseline.\n"
        "2. To reduce the number of calls for service to 4100 by March 2010.\n"
        "3. To maintain PPO re-offending levels at 40% during 2009/10.\n"
        "4. To reduce the fear of crime from 24% (2008) to 18% by March 2011.\n"
        "\n"
        "| Objective | Baseline | Timescale | Target |\n"
        "|---|---|---|---|\n"
        "| To reduce theft by 10% | 200 offences | 2010/11 | 180 offences |\n"));
    CHECK(result.count(DiagCode::W104) == 0);
}

TEST_CASE("W105 reports a target value that the baseline and percentage do not give", "[check]") {
    std::string body = priority_with_targets(
        "| Objective | Baseline | Timescale | Target |\n"
        "|---|---|---|---|\n"
        "| To reduce common assault by 12% | 705 offences | 2010/11 | 650 offences |\n"
        "| To reduce vehicle crime by 120 offences | 900 offences | 2010/11 | 800 offences |\n");
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W105);
    REQUIRE(found.size() == 2);
    CHECK(found[0].message == "705 reduced by 12% is 620.4 (620 rounded), but the target says 650");
    check_at(found[0], plan_file(body), "650 offences");
    CHECK(found[1].message == "900 minus 120 is 780, but the target says 800");
}

TEST_CASE("W105 stays quiet for Charnwood's rounded targets", "[check]") {
    auto result = check_plan(priority_with_targets(
        "| Objective | Baseline | Timescale | Target |\n"
        "|---|---|---|---|\n"
        "| To reduce common assault by 12% *PSAI | 705 offences | 2007/2008 | 620 offences |\n"
        "| To reduce theft from vehicles by 27% *PSAI | 1598 offences | 2007/2008 | 1167 offences |\n"
        "| To increase the reporting of domestic violence to the police by 10%. | 1509 recorded incidents | 2007/2008 "
        "| 1660 recorded incidents |\n"
        "| To reduce criminal damage by 20% *PSA1 | 2709 offences | 2007/2008 | 2167 offences |\n"
        "| To reduce the incidents of deliberate fires by 15% | 485 incidents | 2007/2008 | 412 incidents |\n"));
    CHECK(result.count(DiagCode::W105) == 0);
    CHECK(result.count(DiagCode::W106) == 0);
}

TEST_CASE("W106 reports reduce with a target above the baseline, and increase below it", "[check]") {
    std::string body = priority_with_targets(
        "1. To reduce repeat incidents of domestic abuse from 24% (2008) to 28% by 2010/11.\n"
        "\n"
        "| Objective | Baseline | Timescale | Target |\n"
        "|---|---|---|---|\n"
        "| To increase reporting by 10% | 1509 recorded incidents | 2010/11 | 1400 recorded incidents |\n");
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W106);
    REQUIRE(found.size() == 2);
    CHECK(found[0].message == "target says \"reduce\" but its target 28% is above the baseline 24%");
    check_at(found[0], plan_file(body), "28%");
    CHECK(found[1].message == "target says \"increase\" but its target 1400 is below the baseline 1509");
    check_at(found[1], plan_file(body), "1400 recorded");
    // The wrong direction is the problem; the arithmetic is not reported on top.
    CHECK(result.count(DiagCode::W105) == 0);
}

TEST_CASE("W106 stays quiet when the numbers move the way the verb says", "[check]") {
    auto result = check_plan(priority_with_targets(
        "1. To reduce repeat incidents of domestic abuse from 24% (2008) to 18% by 2010/11.\n"
        "2. To increase the reporting of hate crime from 131 (2008) to 144 by 2010/11.\n"));
    CHECK(result.count(DiagCode::W106) == 0);
}

TEST_CASE("W107 reports a deadline outside the period and one before its baseline", "[check]") {
    std::string body = priority_with_targets(
        "1. To reduce the levels of ASB by 5% by 2012/13 based on 2009/10 baseline.\n"
        "2. To reduce the levels of ASB by 5% by 2009/10 based on 2010/11 baseline.\n"
        "\n"
        "| Objective | Baseline | Timescale | Target |\n"
        "|---|---|---|---|\n"
        "| To reduce theft by 10% | 200 offences | March 2012 | 180 offences |\n");
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W107);
    REQUIRE(found.size() == 3);
    std::string file = plan_file(body);
    CHECK(found[0].message == "deadline 2012/13 is outside the plan's period (2008/09 to 2010/11)");
    check_at(found[0], file, "2012/13");
    REQUIRE(found[0].notes.size() == 1);
    CHECK(found[0].notes[0].location.span.line == 3);  // the `period` field
    CHECK(found[1].message == "deadline 2009/10 is before the baseline year 2010/11");
    check_at(found[1], file, "2009/10 based on 2010/11");
    REQUIRE(found[1].notes.size() == 1);
    CHECK(found[1].notes[0].location.span.column == position_of(file, "2010/11 baseline.").column);
    CHECK(found[2].message == "deadline March 2012 is outside the plan's period (2008/09 to 2010/11)");
    check_at(found[2], file, "March 2012");
}

TEST_CASE("W107 stays quiet for deadlines inside the period, and without a period", "[check]") {
    std::string targets = priority_with_targets(
        "1. To reduce the levels of ASB by 5% by 2010/11 based on 2009/10 baseline.\n"
        "2. To reduce assault by 3% in 2009/10 based on 2008/09 baseline.\n"
        "3. To reduce damage by 2% by March 2011 based on 2008/09 baseline.\n");
    CHECK(check_plan(targets).count(DiagCode::W107) == 0);
    auto no_period = check_documents({{"2009-10", "---\ntitle: Report\nkind: report\n---\n" + targets}});
    CHECK(no_period.count(DiagCode::W107) == 0);
}

TEST_CASE("W108 reports the same target in two priorities, with a note at the first", "[check]") {
    std::string body =
        priority_with_targets(
            "1. To increase the level of satisfaction that ASB is being dealt with effectively by 15% by 2010/11 based "
            "on 2008/09 baseline.\n") +
        "\n" +
        priority_with_targets(
            "1. To reduce serious violent crime by 3% in 2009/10 based on 2008/09 baseline.\n"
            "2. To increase the level of satisfaction that ASB is being dealt with effectively by 15% by 2010/11 "
            "based on 2008/09 baseline\n",
            4, "Substance Misuse");
    auto result = check_plan(body, {{"ASB", "Anti-social behaviour"}});
    auto found = result.of(DiagCode::W108);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "target is the same as one in priority 1");
    CHECK(found[0].priority == "priority-4-substance-misuse");
    std::string file = plan_file(body);
    check_at(found[0], file, "To increase the level", 1);
    REQUIRE(found[0].notes.size() == 1);
    CHECK(found[0].notes[0].message == "first stated here");
    CHECK(found[0].notes[0].location.span.line == position_of(file, "To increase the level").line);
}

TEST_CASE("W108 stays quiet for different targets and for table rows with different figures", "[check]") {
    auto result = check_plan(priority_with_targets(
        "1. To reduce all levels of burglary by 3% during 2009/10 based on 2008/09 baseline.\n"
        "2. To reduce all levels of burglary by 6% by 2010/11 based on 2008/09 baseline.\n"
        "\n"
        "| Objective | Baseline | Timescale | Target |\n"
        "|---|---|---|---|\n"
        "| To reduce theft by 10% | 200 offences | 2009/10 | 180 offences |\n"
        "| To reduce theft by 10% | 180 offences | 2010/11 | 162 offences |\n"));
    CHECK(result.count(DiagCode::W108) == 0);
}

TEST_CASE("W119 reports a target sentence the grammar cannot read, at the sentence", "[check]") {
    std::string body = priority_with_targets("1. Reduction in burglary – 5% fewer incidents next year.\n");
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W119);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message.rfind("target could not be read: ", 0) == 0);
    check_at(found[0], plan_file(body), "Reduction");
    // Its fields are unknown, so nothing else is said about it (the priority as a whole
    // has no measurable target: W109 at its heading).
    for (const auto& d : result.checks.items()) {
        if (d.code != DiagCode::W119) CHECK(d.code == DiagCode::W109);
    }
}

TEST_CASE("W119 stays quiet for the target forms the grammar reads", "[check]") {
    auto result = check_plan(priority_with_targets(
        "1. To reduce burglary by 5% by 2010/11 based on 2008/09 baseline.\n"
        "2. To reduce the number of calls for service to 4100 by March 2010.\n"
        "3. To maintain PPO re-offending levels at 40% during 2009/10.\n"
        "4. To reduce the fear of crime from 24% (2008) to 18% by March 2011.\n"));
    CHECK(result.count(DiagCode::W119) == 0);
}
