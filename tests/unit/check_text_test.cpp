// Checks over the prose: W112 abbreviations, W113 indicator descriptions, W117
// placeholder text.

#include <catch2/catch.hpp>

#include "check_test_support.hpp"

using namespace planc;
using namespace planc::testing;

TEST_CASE("W112 reports an undefined abbreviation once, at its first use, with the count of others", "[check]") {
    std::string body =
        "## Introduction\n"  // line 5
        "\n"
        "The partnership continued to tackle ASB and to support the ICSB.\n"
        "\n"
        "Numerous projects focused on ASB during peak times for ASB.\n";
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W112);
    REQUIRE(found.size() == 2);
    CHECK(found[0].message == "ASB is not defined in the glossary (used 2 more times in this document)");
    CHECK(found[0].location.span.line == 7);
    CHECK(found[0].location.span.column == position_of(plan_file(body), "ASB").column);
    CHECK(found[0].location.span.end_column == found[0].location.span.column + 2);
    CHECK(found[1].message == "ICSB is not defined in the glossary");
}

TEST_CASE("W112 reports officer initials and district codes, which a resident cannot read", "[check]") {
    auto result = check_plan(
        "## The Approval Process\n\n"
        "| Meeting | Date | Lead |\n|---|---|---|\n| Strategy Group | 22.01.09 | AF/ JT |\n");
    CHECK(result.count(DiagCode::W112) == 2);
}

TEST_CASE("W112 stays quiet for defined, common, shouting and spelled-out words", "[check]") {
    auto result = check_plan(
        "## APPENDIX I – NATIONAL AND LOCAL PRIORITIES\n"
        "\n"
        "The MAPPOM scheme, the CCTV cameras and the UK and NHS are known; MARACs too.\n"
        "\n"
        "The Domestic Violence Enforcement Campaign (DVEC) ran. Later the DVEC ran again.\n"
        "\n"
        "Multi Agency Teams (M.A.T.'s) started; the MAT teams work with PCSOs (Police Community Support "
        "Officers).\n"
        "\n"
        "| MEETING NAME | DATE/ TIME/ VENUE | KEY ACTIONS TO TAKE PLACE | LEAD OFFICER |\n"
        "|---|---|---|---|\n"
        "| Planning Day | 23.01.09, Salvation Army, LE18 4UZ | Trend is DOWN, not UP, via the A50 | Sam |\n"
        "\n"
        "This was a RESPECT programme. See section II. Targets are TBC. PSA1 and PSA 2 apply. PPO's too.\n",
        {{"MAPPOM", "Multi-Agency Prolific and Priority Offender Management"},
         {"MARACs", "Multi-Agency Risk Assessment Conferences"},
         {"PSA", "Public Service Agreement"},
         {"PPO'S", "Prolific and Priority Offenders"}});
    for (const auto& d : result.of(DiagCode::W112)) INFO(d.message);
    CHECK(result.count(DiagCode::W112) == 0);
}

TEST_CASE("W112 stays quiet for a multi-word glossary term and the partnership's short name", "[check]") {
    std::string text = plan_file("## Introduction\n\nThe NWL PISC and the PISC board, and the MASCP.\n");
    CheckedProject result;
    result.project.root = "/nonexistent";
    Partnership p;
    p.slug = "test";
    p.short_name = "MASCP";
    p.glossary.push_back({"NWL PISC", "North West Leicestershire Partnership In Safer Communities", Span{1, 1, 1, 1}});
    p.documents.push_back(parse_document("content/test/2009-10.md", text, result.parse));
    result.project.partnerships.push_back(p);
    check_project(result.project, result.checks);
    CHECK(result.count(DiagCode::W112) == 0);
}

TEST_CASE("W113 reports one indicator code described two ways, with a note at the first", "[check]") {
    std::string body =
        "## County Performance\n"  // line 5
        "\n"
        "| Indicator | Description | Status |\n"
        "|---|---|---|\n"
        "| NI 20 | Assault with injury crime rate | G |\n"  // line 9
        "\n"
        "## Priority 1: Violent Crime\n"
        "\n"
        "Lead: Police\n"
        "\n"
        "### Links to Indicators\n"
        "\n"
        "- NI20 – Assault With Less Serious Injury\n"  // line 17
        "\n"
        "### Targets\n"
        "\n"
        "1. To reduce assault by 5% by 2010/11 based on 2008/09 baseline.\n";
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W113);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message ==
          "NI 20 is described as \"Assault With Less Serious Injury\" here but as \"Assault with injury crime rate\" "
          "before");
    CHECK(found[0].location.span.line == 17);
    CHECK(found[0].location.span.column == 3);
    REQUIRE(found[0].notes.size() == 1);
    CHECK(found[0].notes[0].location.span.line == 9);
}

TEST_CASE("W113 reports a different description in another document of the partnership", "[check]") {
    auto result = check_documents({
        {"2009-10", plan_file("## Links\n\n- NI 21 – Dealing with local concerns about anti-social behaviour\n")},
        {"2010-11", plan_file("## Links\n\n- NI 21 – Perceptions of drunk or rowdy behaviour as a problem\n")},
    });
    auto found = result.of(DiagCode::W113);
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.file == "content/test/2010-11.md");
    CHECK(found[0].notes[0].location.file == "content/test/2009-10.md");
}

TEST_CASE("W113 stays quiet for case, punctuation, shortened names and prose mentions", "[check]") {
    auto result = check_plan(
        "## Links\n"
        "\n"
        "- NI 16 – Serious acquisitive crime rate\n"
        "- NI 18 – Adult re-offending rates for those under Probation Supervision\n"
        "\n"
        "## More\n"
        "\n"
        "- NI16 – Serious Acquisitive Crime\n"
        "- NI 18: adult re-offending rates, for those under probation supervision.\n"
        "\n"
        "NI 16 - Serious Acquisitive Crime the county was set a 3-year target reduction of 3%.\n");
    CHECK(result.count(DiagCode::W113) == 0);
}

TEST_CASE("W117 reports placeholder prose at the placeholder, once per text", "[check]") {
    std::string body =
        "## Police Update\n"  // line 5
        "\n"
        "To follow from Police\n"
        "\n"
        "## Crime stats\n"
        "\n"
        "- To follow from Police\n"
        "\n"
        "## Background\n"
        "\n"
        "Figures for 2009 are TBC and TBC again. Insert map of hotspot areas here.\n"
        "\n"
        "The meeting is on XX/XX/2010.\n";
    auto result = check_plan(body);
    auto found = result.of(DiagCode::W117);
    REQUIRE(found.size() == 4);
    std::string file = plan_file(body);
    CHECK(found[0].message == "placeholder \"To follow from Police\" left in section \"Police Update\"");
    CHECK(found[0].location.span.line == 7);
    CHECK(found[0].location.span.column == 1);
    CHECK(found[1].location.span.line == 11);
    CHECK(found[1].location.span.column == 3);
    CHECK(found[2].message == "placeholder \"TBC\" left in section \"Background\"");
    CHECK(found[2].location.span.column == position_of(file, "TBC").column);
    CHECK(found[3].message == "placeholder \"XX\" left in section \"Background\"");
}

TEST_CASE("W117 stays quiet for ordinary prose and for targets and action plans (W101, W114)", "[check]") {
    auto result = check_plan(
        "## Complaints\n"
        "\n"
        "We will treat it as a request for service because there are set procedures to follow.\n"
        "\n"
        "To follow up the review, the partnership will insert a new clause. Boxes of XXL shirts.\n"
        "\n"
        "## Priority 1: Burglary\n"
        "\n"
        "Lead: Police\n"
        "\n"
        "### Targets\n"
        "\n"
        "1. To reduce burglary by TBC by 2010/11 based on 2008/09 baseline.\n"
        "\n"
        "## Action plan\n"
        "\n"
        "| Action | Responsible Officer | Milestones | Progress | Date |\n"
        "|---|---|---|---|---|\n"
        "| Determine levels of crime | Safer Communities Manager | TBC | TBC | Dec 2009 |\n");
    CHECK(result.count(DiagCode::W117) == 0);
    CHECK(result.count(DiagCode::W101) == 1);
    CHECK(result.count(DiagCode::W114) == 1);
}
