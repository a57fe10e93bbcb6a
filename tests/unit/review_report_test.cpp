// `planc review`: the reviewer's page holds every finding, grouped by priority, with
// links that resolve inside the page, and nothing from another host.

#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <set>

#include "planc/check.hpp"
#include "planc/review.hpp"
#include "test_support.hpp"

using namespace planc;

namespace {

Project one_plan(const std::string& body, Diagnostics& diags) {
    Project project;
    Partnership p;
    p.slug = "test";
    p.name = "Test Partnership";
    p.index_path = "content/test/_index.md";
    p.documents.push_back(planc::testing::parse_plan(body, diags));
    project.partnerships.push_back(std::move(p));
    return project;
}

}  // namespace

TEST_CASE("the review report lists findings by priority with working line links", "[review]") {
    Diagnostics diags;
    Project project = one_plan(
        "## Priority 1: Burglary\n"
        "\n"
        "Lead: Police\n"
        "\n"
        "### Targets\n"
        "1. To reduce burglary by TBC by 2010/11 based on 2008/09 baseline.\n"
        "\n"
        "## Priority 2: Roads\n"
        "\n"
        "### Targets\n"
        "1. To reduce road deaths by 5% by 2010/11 based on 2008/09 baseline.\n",
        diags);
    check_project(project, diags);
    diags.sort();
    REQUIRE(diags.count(Severity::Warning) >= 2);
    std::string html = render_review_report(project, diags);
    pugi::xml_document doc;
    REQUIRE(doc.load_string(html.substr(html.find('\n') + 1).c_str()));

    // Every finding's message is on the page.
    for (const Diagnostic& d : diags.items()) CHECK(html.find(d.message) != std::string::npos);
    // Grouped: the gap finding sits under priority 1, the missing lead under priority 2.
    std::size_t p1 = html.find("Priority 1: Burglary");
    std::size_t p2 = html.find("Priority 2: Roads");
    REQUIRE(p1 != std::string::npos);
    REQUIRE(p2 != std::string::npos);
    std::size_t gap = html.find("W101");
    std::size_t lead = html.find("W110");
    CHECK((p1 < gap && gap < p2));
    CHECK(lead > p2);

    // Links point at line anchors that exist; nothing is loaded from elsewhere.
    std::set<std::string> ids;
    for (auto n : doc.select_nodes("//*[@id]")) ids.insert(n.node().attribute("id").value());
    std::size_t links = 0;
    for (auto n : doc.select_nodes("//a[@href]")) {
        std::string href = n.node().attribute("href").value();
        REQUIRE(href.rfind("#", 0) == 0);
        CHECK(ids.count(href.substr(1)) == 1);
        ++links;
    }
    CHECK(links >= 2);
    CHECK(doc.select_nodes("//*[@src]").empty());
    CHECK(doc.select_nodes("//link").empty());
    // The completeness summary counts one target with a gap.
    CHECK(html.find("Targets with gaps") != std::string::npos);
}
