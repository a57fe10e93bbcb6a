// The parse stage: positions, structure, and bad input (never a crash).

#include <catch2/catch.hpp>

#include "parse/parse_internal.hpp"
#include "test_support.hpp"

using namespace planc;
using planc::testing::has_code;
using planc::testing::parse_plan;

TEST_CASE("a priority heading opens a priority with aim, lead and parts", "[parse]") {
    Diagnostics diags;
    Document doc = parse_plan(
        "## Priority 1: Tackling anti-social behaviour\n"  // line 5
        "\n"
        "> To reduce the incidents of serious and persistent anti-social behaviour\n"
        "\n"
        "Lead agency: Melton Borough Council; Leicestershire Police\n"
        "\n"
        "### Key aims\n"
        "1. To reduce the levels of reported incidents.\n"
        "\n"
        "### Targets\n"  // line 14
        "1. To reduce reported incidents of anti-social behaviour by 5% by 2010/11 based on\n"
        "   2009/10 baseline.\n"
        "2. To increase the levels of offenders brought to justice by TBC by 2010/11.\n"
        "\n"
        "### Links to indicators\n"
        "- NI 21 – Dealing with local concerns about anti-social behaviour\n",
        diags);
    REQUIRE(diags.items().empty());
    REQUIRE(doc.priorities.size() == 1);
    const Priority& p = doc.priorities[0];
    CHECK(p.number == 1);
    CHECK(p.label == "Priority");
    CHECK(p.title == "Tackling anti-social behaviour");
    CHECK(p.id == "priority-1-tackling-anti-social-behaviour");
    CHECK(p.aim == "To reduce the incidents of serious and persistent anti-social behaviour");
    REQUIRE(p.leads.size() == 2);
    CHECK(p.leads[0].name == "Melton Borough Council");
    CHECK(p.leads[1].name == "Leicestershire Police");
    CHECK(p.leads[1].span.line == 9);
    CHECK(p.leads[1].span.column == 38);
    REQUIRE(p.aims.size() == 1);
    REQUIRE(p.targets.size() == 2);
    CHECK(p.targets[0].direction == Direction::Reduce);
    CHECK(p.targets[0].complete());
    CHECK_FALSE(p.targets[1].complete());
    REQUIRE(p.indicators.size() == 1);
    CHECK(p.indicators[0].code == "NI 21");
    CHECK(p.indicators[0].description == "Dealing with local concerns about anti-social behaviour");
    // The subsections stay in the priority's section, each tagged with its role.
    const Section* section = priority_section(doc, p);
    REQUIRE(section != nullptr);
    CHECK(section == &doc.sections[static_cast<std::size_t>(p.section_index)]);
    REQUIRE(section->children.size() == 3);
    CHECK(section->children[1].role == "targets");
}

TEST_CASE("a target in a Markdown list reports where its text starts", "[parse][positions]") {
    Diagnostics diags;
    Document doc = parse_plan(
        "## Priority 1: Burglary\n"
        "\n"
        "### Targets\n"
        "\n"
        "1. To reduce all levels of burglary by.... by 2010/11 based on 2008/09 baseline.\n",  // line 9
        diags);
    REQUIRE(doc.priorities.size() == 1);
    REQUIRE(doc.priorities[0].targets.size() == 1);
    const Target& t = doc.priorities[0].targets[0];
    CHECK(t.span.line == 9);
    CHECK(t.span.column == 4);
    // "To reduce all levels of burglary by" fills columns 4-38; the gap "...." follows.
    CHECK(t.gap_span.line == 9);
    CHECK(t.gap_span.column == 39);
    CHECK(t.deadline_span.line == 9);
    CHECK(t.deadline_span.column == 47);
}

TEST_CASE("a target in a raw HTML list reports where its text starts, after the typed number", "[parse][positions]") {
    Diagnostics diags;
    Document doc = parse_plan(
        "## Priority 2: Tackling Domestic Abuse\n"
        "\n"
        "### Targets\n"
        "\n"
        "<ol style=\"list-style-type: none\"> <li>1. To reduce all reported domestic abuse assaults by 5% by "
        "2010/11 based on 2008/09 baseline.</li> <li>2. To increase the levels of offenders brought to justice "
        "by....by 2010/11 based on 2008/09 baseline. (TBC)</li> </ol>\n",  // line 9
        diags);
    REQUIRE(doc.priorities.size() == 1);
    const auto& targets = doc.priorities[0].targets;
    REQUIRE(targets.size() == 2);
    CHECK(targets[0].text.rfind("To reduce all reported", 0) == 0);
    CHECK(targets[0].span.line == 9);
    CHECK(targets[0].span.column == 43);  // after `<ol ...> <li>1. `
    CHECK(targets[1].span.line == 9);
    CHECK(targets[1].span.column == 146);
    CHECK_FALSE(targets[1].complete());
}

TEST_CASE("columns count characters, not bytes", "[parse][positions]") {
    Diagnostics diags;
    Document doc = parse_plan(
        "## Priority 1: Re-offending – adults\n"
        "\n"
        "### Targets\n"
        "\n"
        "- £ – To maintain PPO re-offending levels at 40% during 2009/10.\n",
        diags);
    REQUIRE(doc.priorities.size() == 1);
    REQUIRE(doc.priorities[0].targets.size() == 1);
    CHECK(doc.priorities[0].targets[0].span.column == 3);
    bool found = false;
    for (const auto& a : doc.abbreviations) {
        if (a.term == "PPO") {
            found = true;
            CHECK(a.span.line == 9);
            CHECK(a.span.column == 19);
        }
    }
    CHECK(found);
}

TEST_CASE("a targets table gives one target per row with cell positions", "[parse][positions]") {
    Diagnostics diags;
    Document doc = parse_plan(
        "## Strategic theme 1: To reduce violent crime\n"
        "\n"
        "### Key Measures of Performance\n"
        "\n"
        "| Objective | Baseline | Timescale | Target |\n"
        "|---|---|---|---|\n"
        "| To reduce common assault by 12% *PSAI | 705 offences | 2007/2008 | 620 offences |\n",  // line 11
        diags);
    REQUIRE(doc.priorities.size() == 1);
    CHECK(doc.priorities[0].label == "Strategic theme");
    CHECK(doc.priorities[0].number == 1);
    REQUIRE(doc.priorities[0].targets.size() == 1);
    const Target& t = doc.priorities[0].targets[0];
    CHECK(t.from_table);
    CHECK(t.span.line == 11);
    CHECK(t.span.column == 3);
    REQUIRE(t.baseline.value);
    CHECK(*t.baseline.value == 705);
    CHECK(t.baseline.unit == "offences");
    CHECK(t.baseline.span.column == 43);
    REQUIRE(t.target_value.value);
    CHECK(*t.target_value.value == 620);
    CHECK(t.target_value.span.column == 70);
    REQUIRE(t.deadline);
    CHECK(t.deadline->fy_end() == 2008);
}

TEST_CASE("level-2 headings name the document's special sections", "[parse]") {
    CHECK(classify_section("Glossary") == SectionKind::Glossary);
    CHECK(classify_section("Guide to Abbreviations") == SectionKind::Glossary);
    CHECK(classify_section("Useful contacts") == SectionKind::Contacts);
    CHECK(classify_section("Action plan 2009/10") == SectionKind::ActionPlan);
    CHECK(classify_section("The Approval Process") == SectionKind::Approval);
    CHECK(classify_section("Progress & Achievements") == SectionKind::Achievements);
    CHECK(classify_section("How you can help") == SectionKind::GetInvolved);
    CHECK(classify_section("Theme 2 - Burglary") == SectionKind::Priority);
    CHECK(classify_section("Priority: Domestic Violence") == SectionKind::Priority);
    CHECK(classify_section("Priorities for 2011-2014") == SectionKind::Prose);
    CHECK(classify_section("Introduction") == SectionKind::Prose);
}

TEST_CASE("ids are stable slugs of headings", "[parse]") {
    CHECK(slugify("Key Achievements") == "key-achievements");
    CHECK(slugify("2008-09 Partnership Review") == "2008-09-partnership-review");
    CHECK(slugify("Progress & Achievements") == "progress-achievements");
    CHECK(slugify("Women's Aid – Outreach") == "womens-aid-outreach");
    CHECK(slugify("Partner’s roles") == "partners-roles");
}

TEST_CASE("two sections with the same id are an error that points at both", "[parse]") {
    Diagnostics diags;
    parse_plan("## Background\n\ntext\n\n## Background\n\nmore\n", diags);
    REQUIRE(diags.items().size() == 1);
    const Diagnostic& d = diags.items()[0];
    CHECK(d.code == DiagCode::E003);
    CHECK(d.location.span.line == 9);
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].location.span.line == 5);
}

TEST_CASE("a suppression comment applies to the block after it", "[parse]") {
    Diagnostics diags;
    Document doc = parse_plan("## Priority 1: X\n\n### Targets\n\n<!-- planc: allow W104 W103 -->\n- To reduce crime by 5%.\n",
                              diags);
    REQUIRE(doc.suppressions.size() == 2);
    CHECK(doc.suppressions[0].code == "W104");
    CHECK(doc.suppressions[0].span.line == 9);
    CHECK(doc.suppressions[0].applies_to.line == 10);
}

TEST_CASE("bad input gives a clear error with a position, never a crash", "[parse][bad-input]") {
    SECTION("no front matter") {
        Diagnostics diags;
        Document doc = parse_document("content/x/plan.md", "## Priority 1: X\n", diags);
        REQUIRE(has_code(diags, DiagCode::E001));
        CHECK(diags.items()[0].location.span.line == 1);
        CHECK(doc.priorities.size() == 1);
    }
    SECTION("broken YAML points into the front matter") {
        Diagnostics diags;
        parse_document("content/x/plan.md", "---\ntitle: [unclosed\nyear: 2009/10\n---\nbody\n", diags);
        REQUIRE(has_code(diags, DiagCode::E001));
        CHECK(diags.items()[0].location.span.line >= 2);
        CHECK(diags.items()[0].location.span.line <= 4);
    }
    SECTION("unterminated front matter") {
        Diagnostics diags;
        parse_document("content/x/plan.md", "---\ntitle: x\n", diags);
        REQUIRE(has_code(diags, DiagCode::E001));
    }
    SECTION("front matter that is not a mapping") {
        Diagnostics diags;
        parse_document("content/x/plan.md", "---\n- a\n- b\n---\n", diags);
        REQUIRE(has_code(diags, DiagCode::E001));
    }
    SECTION("a field of the wrong kind") {
        Diagnostics diags;
        parse_document("content/x/plan.md", "---\ntitle: T\nstatus: finished\nyear: [1]\n---\n", diags);
        diags.sort();
        REQUIRE(diags.items().size() == 2);
        CHECK(diags.items()[0].location.span.line == 3);
        CHECK(diags.items()[0].location.span.column == 9);
    }
    SECTION("invalid UTF-8 names the first bad byte") {
        Diagnostics diags;
        parse_document("content/x/plan.md", "---\ntitle: T\n---\nabc \xFF\xFE def\n", diags);
        REQUIRE(has_code(diags, DiagCode::E002));
        CHECK(diags.items()[0].location.span.line == 4);
        CHECK(diags.items()[0].location.span.column == 5);
    }
    SECTION("an empty file") {
        Diagnostics diags;
        Document doc = parse_document("content/x/plan.md", "", diags);
        CHECK(has_code(diags, DiagCode::E001));
        CHECK(doc.priorities.empty());
    }
    SECTION("a file with no priorities is an empty model, not an error") {
        Diagnostics diags;
        Document doc = parse_plan("Just some prose.\n", diags);
        CHECK(diags.items().empty());
        CHECK(doc.priorities.empty());
        CHECK(doc.sections.size() == 1);
    }
    SECTION("a byte order mark and CRLF line ends keep positions") {
        Diagnostics diags;
        Document doc = parse_document(
            "content/x/plan.md",
            "\xEF\xBB\xBF---\r\ntitle: T\r\n---\r\n## Priority 1: X\r\n\r\n### Targets\r\n- To reduce crime by 5% by 2010/11.\r\n",
            diags);
        CHECK(diags.items().empty());
        REQUIRE(doc.priorities.size() == 1);
        REQUIRE(doc.priorities[0].targets.size() == 1);
        CHECK(doc.priorities[0].targets[0].span.line == 7);
        CHECK(doc.priorities[0].targets[0].span.column == 3);
    }
    SECTION("NUL bytes") {
        Diagnostics diags;
        parse_document("content/x/plan.md", std::string("---\ntitle: T\n---\na\0b\n", 20), diags);
        CHECK(has_code(diags, DiagCode::E002));
    }
    SECTION("HTML that is not well formed keeps its words") {
        Diagnostics diags;
        Document doc = parse_plan("<div><p>Unclosed <b>bold\n\n", diags);
        REQUIRE(doc.sections.size() == 1);
        CHECK(plain_text(doc.sections[0].blocks).find("Unclosed") != std::string::npos);
    }
}
