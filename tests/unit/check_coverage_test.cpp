// Every code in the table has a test that finds it and one that must not; the codes the
// parser reports (E001, E002, W120) are tested here too, on the same terms, and
// `planc: allow` suppressions are applied by check_project.

#include <catch2/catch.hpp>

#include <set>

#include "check_test_support.hpp"

using namespace planc;
using namespace planc::testing;

TEST_CASE("E001 reports a document without front matter", "[check]") {
    auto result = check_documents({{"2009-10", "## Introduction\n\nText.\n"}});
    auto found = result.of(DiagCode::E001);
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.span.line == 1);
}

TEST_CASE("E001 stays quiet for a document with a title", "[check]") {
    CHECK(check_plan("## Introduction\n\nText.\n").count(DiagCode::E001) == 0);
}

TEST_CASE("E002 reports a document that is not UTF-8, at the first bad byte", "[check]") {
    auto result = check_documents({{"2009-10", plan_file("## Introduction\n\nCaf\xE9 culture.\n")}});
    auto found = result.of(DiagCode::E002);
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.span.line == 7);
}

TEST_CASE("E002 stays quiet for UTF-8 text with a byte order mark", "[check]") {
    CHECK(check_documents({{"2009-10", "\xEF\xBB\xBF" + plan_file("## Introduction\n\nCaf\xC3\xA9.\n")}})
              .count(DiagCode::E002) == 0);
}

TEST_CASE("W120 reports a script in raw HTML", "[check]") {
    auto result = check_plan("## Introduction\n\n<div><script>alert(1)</script><p>Text</p></div>\n");
    CHECK(result.count(DiagCode::W120) >= 1);
}

TEST_CASE("W120 stays quiet for the HTML lists pasted from Word", "[check]") {
    auto result = check_plan("## Introduction\n\n<ol style=\"list-style-type: none\"><li>1. Text.</li></ol>\n");
    CHECK(result.count(DiagCode::W120) == 0);
}

TEST_CASE("a `planc: allow` comment silences its code in the block after it, and is reported when stale",
          "[check]") {
    std::string targets =
        "## Priority 1: Burglary\n"
        "\n"
        "Lead: Police\n"
        "\n"
        "### Targets\n"
        "\n";
    auto allowed = check_plan(targets +
                              "<!-- planc: allow W104 -->\n"
                              "1. To reduce serious acquisitive crime by 7% by 2010/11.\n");
    CHECK(allowed.count(DiagCode::W104) == 0);
    auto stale = check_plan(targets +
                            "<!-- planc: allow W104 -->\n"
                            "1. To reduce serious acquisitive crime by 7% by 2010/11 based on 2008/09 baseline.\n");
    auto found = stale.of(DiagCode::W104);
    REQUIRE(found.size() == 1);
    CHECK(found[0].message == "`planc: allow W104` silences nothing here: remove it");
}

TEST_CASE("every diagnostic code has a test that reports it and one that stays quiet", "[check]") {
    std::set<std::string> names;
    for (const auto& test : Catch::getRegistryHub().getTestCaseRegistry().getAllTests()) names.insert(test.name);
    auto has_prefix = [&](const std::string& prefix) {
        auto it = names.lower_bound(prefix);
        return it != names.end() && it->compare(0, prefix.size(), prefix) == 0;
    };
    for (const DiagInfo& row : diagnostic_table()) {
        std::string code(row.code);
        INFO(code);
        CHECK(has_prefix(code + " reports "));
        CHECK(has_prefix(code + " stays quiet "));
    }
}

TEST_CASE("every finding of the checks has a position, a plan and a message without a final period", "[check]") {
    auto result = check_plan(
        "## Priority 1: Burglary\n\n### Targets\n\n"
        "1. To reduce burglary by TBC by 2012/13.\n"
        "2. To improve partnership working.\n"
        "3. Reduction in ASB next year.\n\n"
        "## Police Update\n\nTo follow from Police\n");
    REQUIRE(result.checks.items().size() >= 5);
    for (const Diagnostic& d : result.checks.items()) {
        INFO(d.message);
        CHECK(d.location.span.known());
        CHECK(d.location.file == "content/test/2009-10.md");
        CHECK(d.plan == "test/2009-10");
        CHECK_FALSE(d.message.empty());
        CHECK(d.message.back() != '.');
    }
}
