// Table checks: W114 action plan gaps, W115 table arithmetic, W116 statuses, W118 dates
// outside the plan's period.

#include <catch2/catch.hpp>

#include "check_test_support.hpp"

using namespace planc;
using namespace planc::testing;

namespace {

const std::string kActionHeader =
    "## Action plan 09/10\n"  // line 5
    "\n"
    "| Recommendation | Key activity | Responsible Officer | Milestones | Progress | Date of completion |\n"
    "|---|---|---|---|---|---|\n";

const std::string kPerformanceHeader =
    "## Performance\n"  // line 5
    "\n"
    "| Area | NI 16 | Milestone | Performance | Difference From Milestone | Previous 12 months | Change |\n"
    "|---|---|---|---|---|---|---|\n";

}  // namespace

TEST_CASE("W114 reports an action plan row with TBC milestones and progress, at the first TBC cell", "[check]") {
    std::string body = kActionHeader +
                       "| 1 Determine levels of crime | Carry out analysis | Safer Communities Manager | TBC | TBC | Dec "
                       "2009 |\n";  // line 9
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W114);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "action has no milestones or progress (TBC)");
    CHECK(found[0].location.span.line == 9);
    CHECK(found[0].location.span.column == position_of(plan_file(body), "TBC").column);
    CHECK(result.count(DiagCode::W117) == 0);
}

TEST_CASE("W114 reports a missing owner and a To follow date", "[check]") {
    std::string body = kActionHeader +
                       "| 1 Analysis | Carry out analysis | Safer Communities Manager | Report | Started | Dec 2009 |\n"
                       "| 2 Scheme | Develop scheme |  | Scheme agreed | Draft | To follow |\n";  // line 10
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W114);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "action has no owner or completion date (To follow)");
    CHECK(found[0].location.span.line == 10);
}

TEST_CASE("W114 stays quiet for complete rows and for columns the plan does not use", "[check]") {
    auto result = check_plan(
        kActionHeader +
        "| 1 Analysis | Carry out analysis | Safer Communities Manager | Mar 2009 – report | Document being "
        "finalised |  |\n"
        "| 2 Refresh | Refresh document | Safer Communities Manager | Apr 2009 – produce leaflet | Done |  |\n");
    CHECK(result.count(DiagCode::W114) == 0);
}

TEST_CASE("W115 reports a performance row whose difference, percentage or trend disagrees", "[check]") {
    std::string body = kPerformanceHeader +
                       "| Admin | 6423 | 8536 | -24.8% | -2113 | 7678 | DOWN |\n"
                       "| AV | 1105 | 1419 | -22.1% | -300 | 1007 | UP |\n"  // line 10
                       "| BD | 760 | 1124 | -30.0% | -364 | 961 | DOWN |\n"
                       "| CB | 1046 | 1208 | -13.4% | -162 | 1340 | UP |\n";
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W115);
    REQUIRE(found.size() == 3);
    std::string file = plan_file(body);
    CHECK(found[0].message == "row AV: difference 1105 - 1419 is -314, not -300");
    CHECK(found[0].location.span.line == 10);
    CHECK(found[0].location.span.column == position_of(file, "-300").column);
    CHECK(found[1].message == "row BD: performance is -32.4% of the milestone, not -30.0%");
    CHECK(found[2].message == "row CB: change is DOWN (1046 is below 1340), not UP");
}

TEST_CASE("W115 reports a survey percentage that disagrees with its count over the common total", "[check]") {
    std::string body =
        "## Consultation\n"
        "\n"
        "| Answer choices | Responses (%) | Responses (count) |\n"
        "|---|---|---|\n"
        "| Drug taking or dealing | 37.50% | 54 |\n"
        "| Dog fouling | 28.47% | 41 |\n"
        "| Burglary | 30.08% | 39 |\n";  // line 11
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W115);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "row Burglary: 39 of 144 is 27.08%, not 30.08% (2 rows agree on a total of 144)");
    CHECK(found[0].location.span.line == 11);
    CHECK(found[0].location.span.column == position_of(plan_file(body), "30.08%").column);
}

TEST_CASE("W115 stays quiet for South Derbyshire's and Melton's consistent tables", "[check]") {
    auto result = check_plan(kPerformanceHeader +
                             "| Admin | 4854 | 5280 | -8.1% | -426 | 5462 | DOWN |\n"
                             "| AV | 750 | 813 | -7.7% | -63 | 881 | DOWN |\n"
                             "| BD | 512 | 610 | -16.1% | -98 | 511 | UP |\n"
                             "| SD | 509 | 388 | 31.2% | 121 | 498 | UP |\n"
                             "\n"
                             "## Consultation\n"
                             "\n"
                             "| Answer choices | Responses (%) | Responses (count) |\n"
                             "|---|---|---|\n"
                             "| Drug taking or dealing | 37.50% | 54 |\n"
                             "| Dog fouling | 28.47% | 41 |\n"
                             "| Burglary | 27.08% | 39 |\n"
                             "| Inconsiderate parking | 21.53% | 31 |\n"
                             "| Vehicle Crime | 20.14% | 29 |\n"
                             "| Speeding | 20.14% | 29 |\n");
    CHECK(result.count(DiagCode::W115) == 0);
}

TEST_CASE("W116 reports a status that is not R, A, G or NA, and an empty one", "[check]") {
    std::string body =
        "## County Performance\n"
        "\n"
        "| Indicator | Description | Status |\n"
        "|---|---|---|\n"
        "| NI 16 | Serious acquisitive crime rate | On track |\n"  // line 9
        "| NI 21 | Dealing with local concerns | Amber |\n"
        "| NI 32 | Repeat incidents of domestic violence |  |\n";
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W116);
    REQUIRE(found.size() == 3);
    CHECK(found[0].message == "status \"On track\" is not R, A, G or NA");
    CHECK(found[0].location.span.line == 9);
    CHECK(found[0].location.span.column == position_of(plan_file(body), "On track").column);
    CHECK(found[1].message == "status \"Amber\" is not R, A, G or NA: write A");
    CHECK(found[2].message == "NI 32 has no status: write R, A, G or NA");
}

TEST_CASE("W116 stays quiet for R, A, G and NA", "[check]") {
    auto result = check_plan(
        "## County Performance\n"
        "\n"
        "| Indicator | Description | Status |\n"
        "|---|---|---|\n"
        "| NI 1 | Cohesion | A |\n"
        "| NI 16 | Serious acquisitive crime rate | G |\n"
        "| NI 18 | Adult re-offending | R |\n"
        "| NI 47 | People killed or seriously injured | NA |\n");
    CHECK(result.count(DiagCode::W116) == 0);
}

TEST_CASE("W118 reports action dates and milestones outside the plan's period, at the date", "[check]") {
    std::string body = kActionHeader +
                       "| 1 Analysis | Carry out analysis | Safer Communities Manager | Report | Started | March 2012 |\n"
                       "| 2 Leaflet | Produce leaflet | Safer Communities Manager | Apr 2009 - draft<br>May 2007 - "
                       "print | Started | Dec 2009 |\n"
                       "\n"
                       "## Approval\n"
                       "\n"
                       "| Meeting | Date/ time/ venue | Actions | Lead officer |\n"
                       "|---|---|---|---|\n"
                       "| Cabinet | 17.03.12, 16:00, Council Chamber | Strategy approved | Anne Smith |\n";
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W118);
    REQUIRE(found.size() == 3);
    std::string file = plan_file(body);
    CHECK(found[0].message == "action is due March 2012, outside the plan's period (2008/09 to 2010/11)");
    CHECK(found[0].location.span.column == position_of(file, "March 2012").column);
    CHECK(found[1].message == "milestone May 2007 is outside the plan's period (2008/09 to 2010/11)");
    CHECK(found[1].location.span.column == position_of(file, "May 2007").column);
    CHECK(found[2].message == "approval step is dated 17.03.12, outside the plan's period (2008/09 to 2010/11)");
    CHECK(found[2].location.span.column == position_of(file, "17.03.12").column);
}

TEST_CASE("W118 stays quiet for dates inside the period and approval in the year before it", "[check]") {
    auto result = check_plan(kActionHeader +
                             "| 1 Analysis | Carry out analysis | Safer Communities Manager | Mar 2009 – report | "
                             "Started | Sept 2009 |\n"
                             "\n"
                             "## Approval\n"
                             "\n"
                             "| Meeting | Date/ time/ venue | Actions | Lead officer |\n"
                             "|---|---|---|---|\n"
                             "| EIA Workshop | 11.11.07, Whitwick Business Centre | Workshop | Anne Smith |\n"
                             "| Cabinet | 17.03.09, 16:00, Council Chamber | Strategy approved | Anne Smith |\n");
    CHECK(result.count(DiagCode::W118) == 0);
}
