// The public summary leaflet: what it holds, at most three targets a priority in plain
// words, gaps said as "to be confirmed", and a deterministic PDF when weasyprint is here.

#include <catch2/catch.hpp>

#include "planc/load.hpp"
#include "render/target_words.hpp"
#include "render_test_support.hpp"

using namespace planc;
using namespace planc::render_test;

TEST_CASE("the leaflet holds the vision, members, priorities, named sections and contacts", "[render]") {
    Diagnostics diags;
    auto files = render(make_project({{"2009-10", kPlan}}), diags);
    const std::string& leaflet = files.at("testshire/2009-10/leaflet/index.html");
    CHECK(leaflet.find("A safer Testshire for everyone") != std::string::npos);
    CHECK(leaflet.find("<li>Testshire Police</li>") != std::string::npos);
    CHECK(leaflet.find("Priority 1: Tackling anti-social behaviour") != std::string::npos);
    CHECK(leaflet.find("<h2 id=\"achievements\">Achievements</h2>") != std::string::npos);  // leaflet: [achievements]
    CHECK(leaflet.find("<h2 id=\"introduction\">") == std::string::npos);                   // not named
    CHECK(leaflet.find("How to get involved") != std::string::npos);
    CHECK(leaflet.find("mailto:safety@testshire.example") != std::string::npos);
    CHECK(leaflet.find("href=\"tel:01234567890\"") != std::string::npos);
    CHECK(leaflet.find("https://plans.example.gov.uk/testshire/2009-10/") != std::string::npos);
    CHECK(leaflet.find("href=\"../../../assets/leaflet.css\"") != std::string::npos);
}

TEST_CASE("the leaflet holds at most three targets a priority, in plain words", "[render]") {
    Diagnostics diags;
    auto files = render(make_project({{"2009-10", kPlan}}), diags);
    const std::string& leaflet = files.at("testshire/2009-10/leaflet/index.html");
    std::string first = between(leaflet, "Priority 1: Tackling", "Priority 2:");
    CHECK(count(first, "class=\"leaflet-target\"") == 3);
    CHECK(first.find("And 2 more targets in the full plan.") != std::string::npos);
    CHECK(first.find("To reduce <abbr title=\"Anti-social behaviour\">ASB</abbr>") != std::string::npos);  // the aim
    CHECK(first.find("Reduce the levels of reported ASB by 5% by March 2011.") != std::string::npos);
    CHECK(first.find("Increase the levels of offenders brought to justice by an amount to be confirmed, by March "
                     "2011.") != std::string::npos);
    std::string second = between(leaflet, "Priority 2:", "</section>");
    CHECK(count(second, "class=\"leaflet-target\"") == 1);
}

TEST_CASE("a leaflet naming a section the plan does not have is an E004", "[render]") {
    std::string plan = kPlan;
    plan.replace(plan.find("leaflet: [achievements]"), 23, "leaflet: [achievments]");
    Diagnostics diags;
    render(make_project({{"2009-10", plan}}), diags);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].code == DiagCode::E004);
    CHECK(diags.items()[0].location.span.line == 9);
}

TEST_CASE("target sentences in plain words", "[render]") {
    Target t;
    t.verb = "reduce";
    t.direction = Direction::Reduce;
    t.measure = "burglary";
    t.change_kind = ChangeKind::By;
    t.change.value = 3;
    t.change.percent = true;
    t.change.text = "3%";
    t.deadline = PlanDate{DatePrecision::FinancialYear, 2009, 0, 0, "2009/10"};
    CHECK(plain_target_sentence(t) == "Reduce burglary by 3% by March 2010.");
    CHECK(deadline_cell(t).text == "2009 to 2010");
    CHECK(target_cell(t).text == "3% lower than the baseline");

    t.change = Quantity{};
    t.change.gap = true;
    t.change.text = "TBC";
    t.gaps = {TargetField::Amount};
    CHECK(plain_target_sentence(t) == "Reduce burglary by an amount to be confirmed, by March 2010.");
    CHECK(target_cell(t).to_be_confirmed);
    CHECK(target_cell(t).text == "To be confirmed");

    CHECK(format_number(1509, 0) == "1,509");
    CHECK(format_number(43702.5, 2) == "43,702.50");
    CHECK(format_number(999, 0) == "999");
}

TEST_CASE("leaflet.pdf: two sides of A4 at most, the same bytes every time", "[render][pdf]") {
    if (!weasyprint_available()) {
        WARN("weasyprint is not installed: no PDF to check");
        return;
    }
    Diagnostics a_diags, b_diags;
    auto a = render(make_project({{"2009-10", kPlan}}), a_diags, true);
    auto b = render(make_project({{"2009-10", kPlan}}), b_diags, true);
    CHECK_FALSE(a_diags.has_errors());
    REQUIRE(a.count("testshire/2009-10/leaflet/leaflet.pdf") == 1);
    const std::string& pdf = a.at("testshire/2009-10/leaflet/leaflet.pdf");
    CHECK(pdf.rfind("%PDF-", 0) == 0);
    CHECK(pdf == b.at("testshire/2009-10/leaflet/leaflet.pdf"));
    CHECK(count(pdf, "/Type /Page\n") == 1);  // one page for this small plan
    CHECK(pdf.find("planc-leaflet-") == std::string::npos);  // no temporary paths leak in
    CHECK(a.at("testshire/2009-10/leaflet/index.html").find("href=\"leaflet.pdf\"") != std::string::npos);
}

TEST_CASE("every seed plan's leaflet prints on at most two sides of A4", "[render][pdf]") {
    if (!weasyprint_available()) {
        WARN("weasyprint is not installed: no PDF to check");
        return;
    }
    Diagnostics load_diags;
    Project project = load_project(PLANC_SOURCE_DIR, load_diags);
    Diagnostics diags;
    auto files = render(project, diags, true);
    CHECK_FALSE(diags.has_errors());
    int leaflets = 0;
    for (const Partnership& p : project.partnerships) {
        for (const Document& d : p.documents) {
            if (d.kind != DocumentKind::Plan) continue;
            std::string path = p.slug + "/" + d.slug + "/leaflet/leaflet.pdf";
            INFO(path);
            REQUIRE(files.count(path) == 1);
            std::size_t pages = count(files.at(path), "/Type /Page\n");
            CHECK(pages >= 1);
            CHECK(pages <= 2);
            ++leaflets;
        }
    }
    CHECK(leaflets >= 4);
}

namespace {

/// The pages of the project's first document, with the part of the build they make.
SitePart render_first_document(const Project& project, bool with_pdf, MemoryOutput& out) {
    Diagnostics diags;
    Theme theme = load_theme(PLANC_SOURCE_DIR, "default", diags);
    SiteContext site{project, theme, diags};
    const Partnership& p = project.partnerships.front();
    return render_document_part(site, p, p.documents.front(), with_pdf, out);
}

/// The copy of the leaflet made for printing to PDF, rendered with the given base URL.
std::string print_copy(const std::string& base_url, std::string& web_copy) {
    std::string plan = kPlan;
    // A section the leaflet shows, with links of every kind in it.
    plan.replace(plan.find("- Opened a youth club; ASB fell."), 32,
                 "- Opened a [youth club](2009-10.md#priority-1-tackling-anti-social-behaviour); ASB fell.\n"
                 "- See [the council](https://testshire.example/safety?a=1&b=2), [above](#vision) and "
                 "[the report](files/report.pdf).");
    Project project = make_project({{"2009-10", plan}});
    project.settings.base_url = base_url;
    MemoryOutput out;
    SitePart part = render_first_document(project, true, out);
    web_copy = out.files.at("testshire/2009-10/leaflet/index.html");
    REQUIRE(part.print_pages.size() == 1);
    return part.print_pages.begin()->second;
}

}  // namespace

TEST_CASE("the leaflet's copy for printing has absolute links, or none where there is no base URL", "[render]") {
    std::string web;
    std::string print = print_copy("https://plans.example.gov.uk/", web);
    // On the site, links are relative to the page...
    CHECK(web.find("<a href=\"../index.html#priority-1-tackling-anti-social-behaviour\">youth club</a>") !=
          std::string::npos);
    CHECK(web.find("href=\"../../../assets/leaflet.css\"") != std::string::npos);
    // ...on paper they are whole addresses from the base URL (a page's folder for its index.html).
    CHECK(print.find("<a href=\"https://plans.example.gov.uk/testshire/2009-10/index.html#priority-1-tackling-"
                     "anti-social-behaviour\">youth club</a>") != std::string::npos);
    CHECK(print.find("<a href=\"https://plans.example.gov.uk/testshire/files/report.pdf\">the report</a>") !=
          std::string::npos);
    CHECK(print.find("<a href=\"https://testshire.example/safety?a=1&amp;b=2\">the council</a>") != std::string::npos);
    CHECK(print.find("<a href=\"#vision\">above</a>") != std::string::npos);
    CHECK(print.find("href=\"https://plans.example.gov.uk/testshire/2009-10/\" class=\"leaflet-url\"") !=
          std::string::npos);
    // Stylesheets are <link>, not <a>: the PDF maker loads them from the site's files.
    CHECK(print.find("href=\"../../../assets/leaflet.css\"") != std::string::npos);
    // Everything else is the same page.
    CHECK(print.size() > web.size());
    CHECK(count(print, "<a ") == count(web, "<a "));

    std::string relative_web;
    std::string no_base = print_copy("/plans/", relative_web);
    CHECK(no_base.find("<a>youth club</a>") != std::string::npos);
    CHECK(no_base.find("<a>the report</a>") != std::string::npos);
    CHECK(no_base.find("<a href=\"https://testshire.example/safety?a=1&amp;b=2\">the council</a>") !=
          std::string::npos);
    CHECK(no_base.find("<a href=\"#vision\">above</a>") != std::string::npos);
    CHECK(relative_web.find("<a href=\"../index.html#priority-1-tackling-anti-social-behaviour\">youth club</a>") !=
          std::string::npos);
}

TEST_CASE("no copy of the leaflet is kept for printing when no PDF will be made", "[render]") {
    // Without weasyprint (or with --no-pdf) the printed copy would be made and held to the
    // end of the build for nothing.
    Project project = make_project({{"2009-10", kPlan}});
    MemoryOutput out;
    SitePart part = render_first_document(project, false, out);
    CHECK(out.files.count("testshire/2009-10/leaflet/index.html") == 1);
    CHECK(part.print_pages.empty());
}
