// Links and ids: E003 two documents at one URL, E004 broken links, E005 unsafe paths.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "check_test_support.hpp"

using namespace planc;
using namespace planc::testing;

namespace {

/// A project folder on disk with content/test/chart.png and content/other/, removed after.
struct ProjectFolder {
    std::filesystem::path root;
    ProjectFolder() {
        root = std::filesystem::temp_directory_path() /
               ("planc-check-links-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        std::filesystem::create_directories(root / "content" / "test");
        std::filesystem::create_directories(root / "content" / "other");
        std::ofstream(root / "content" / "test" / "chart.png") << "png";
        std::ofstream(root / "content" / "other" / "2010-11.md") << "---\ntitle: Other\n---\n";
    }
    ~ProjectFolder() {
        std::error_code ec;
        std::filesystem::remove_all(root, ec);
    }
};

const std::string kLinks =
    "## Introduction\n"  // line 5
    "\n"
    "See [the review](2008-09.md#partnership-review), [our priorities](#introduction),\n"
    "[last year](2008-09/), [the partnership](../test/), [Melton](../other/2010-11.md) and\n"
    "![a chart](chart.png), [the council](https://www.melton.gov.uk/) or [mail](mailto:a@b.uk).\n";

const std::string kPreviousYear = "## Partnership Review\n\nText.\n";

}  // namespace

TEST_CASE("E004 reports a link to a missing page, section or file, at the link", "[check]") {
    ProjectFolder folder;
    std::string body =
        "## Introduction\n"  // line 5
        "\n"
        "See [the review](2007-08.md), [a section](#no-such-section) and [that one](2008-09.md#nothing).\n"
        "\n"
        "![Hotspots](hotspots.png) and [elsewhere](../nowhere/).\n";
    auto result = check_documents({{"2009-10", plan_file(body)}, {"2008-09", plan_file(kPreviousYear)}}, {},
                                  folder.root.string());
    auto found = result.of(DiagCode::E004);
    REQUIRE(found.size() == 5);
    std::string file = plan_file(body);
    CHECK(found[0].message == "link `2007-08.md` names no document or file `2007-08.md` in test/");
    CHECK(found[0].location.span.line == 7);
    CHECK(found[0].location.span.column == position_of(file, "[the review]").column);
    CHECK(found[1].message == "link `#no-such-section` names no section of this document");
    CHECK(found[2].message == "link `2008-09.md#nothing` names no section `nothing` of test/2008-09");
    CHECK(found[3].message == "image `hotspots.png` names no document or file `hotspots.png` in test/");
    CHECK(found[3].location.span.line == 9);
    CHECK(found[4].message == "link `../nowhere/` names no partnership folder `nowhere`");
    CHECK(found[0].severity == Severity::Error);
}

TEST_CASE("E004 reports a leaflet id and a previous document that do not exist", "[check]") {
    auto bad = check_documents({{"2009-10",
                                 "---\ntitle: Test plan\nleaflet: [key-achievements]\nprevious: 2008-09\n---\n"
                                 "## Introduction\n\nText.\n"}});
    auto found = bad.of(DiagCode::E004);
    REQUIRE(found.size() == 2);
    CHECK(found[0].message == "`leaflet:` names the section `key-achievements`, which this document does not have");
    CHECK(found[0].location.span.line == 3);
    CHECK(found[1].message == "`previous:` names the document `2008-09`, which test/ does not have");
    CHECK(found[1].location.span.line == 4);
}

TEST_CASE("E004 stays quiet for pages, sections and files that exist, and for web links", "[check]") {
    ProjectFolder folder;
    auto result = check_documents(
        {{"2009-10", "---\ntitle: Test plan\nleaflet: [introduction]\nprevious: 2008-09\n---\n" + kLinks},
         {"2008-09", plan_file(kPreviousYear)}},
        {}, folder.root.string());
    for (const auto& d : result.of(DiagCode::E004)) INFO(d.message);
    CHECK(result.count(DiagCode::E004) == 0);
    CHECK(result.count(DiagCode::E005) == 0);
}

TEST_CASE("E005 reports links and images that leave the content folder", "[check]") {
    std::string body =
        "## Introduction\n"  // line 5
        "\n"
        "![Map](../../../Documents/maps/priority-areas.png) and [notes](file:///C:/plans/notes.doc)\n"
        "\n"
        "[the site](/melton/2009-10/) and [a share](C:\\plans\\x.doc)\n";
    auto result = check_plan(body);
    auto found = result.of(DiagCode::E005);
    REQUIRE(found.size() == 4);
    std::string file = plan_file(body);
    CHECK(found[0].message ==
          "image `../../../Documents/maps/priority-areas.png` leaves the content folder: link only to pages and files "
          "in it");
    CHECK(found[0].location.span.line == 7);
    CHECK(found[0].location.span.column == 1);
    CHECK(found[1].message ==
          "link `file:///C:/plans/notes.doc` points at a file on one computer: put the file beside the document and "
          "link to it by name");
    CHECK(found[2].message.find("is an absolute path") != std::string::npos);
    CHECK(found[3].location.span.line == 9);
    CHECK(result.count(DiagCode::E004) == 0);
}

TEST_CASE("E005 stays quiet for relative links inside the content folder", "[check]") {
    ProjectFolder folder;
    auto result = check_documents({{"2009-10", plan_file(kLinks)}, {"2008-09", plan_file(kPreviousYear)}}, {},
                                  folder.root.string());
    CHECK(result.count(DiagCode::E005) == 0);
}

namespace {

/// Adds a partnership `slug` holding one short plan read from `path` (several may share a
/// slug, as when `planc check` is given several folders).
void add_partnership_with_plan(CheckedProject& result, const std::string& slug, const std::string& path) {
    Partnership p;
    p.slug = slug;
    Document d = parse_document(path, plan_file("## Introduction\n\nText.\n"), result.parse);
    d.partnership = slug;
    p.documents.push_back(std::move(d));
    result.project.partnerships.push_back(std::move(p));
}

}  // namespace

TEST_CASE("E003 reports two documents that would be published at one URL", "[check]") {
    CheckedProject result;
    result.project.root = "/nonexistent";
    for (const char* path : {"content/test/2009-10.md", "other/content/test/2009-10.md"})
        add_partnership_with_plan(result, "test", path);
    check_project(result.project, result.checks);
    auto found = result.of(DiagCode::E003);
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.file == "other/content/test/2009-10.md");
    CHECK(found[0].location.span.line == 2);  // the title
    CHECK(found[0].message ==
          "this document would be published at /test/2009-10/, like content/test/2009-10.md: rename one");
}

TEST_CASE("E003 compares a document with the first at its URL, across partnerships listed far apart", "[check]") {
    CheckedProject result;
    result.project.root = "/nonexistent";
    const char* paths[][2] = {{"test", "content/test/2009-10.md"},
                              {"other", "content/other/2009-10.md"},
                              {"test", "b/content/test/2009-10.md"},
                              {"test", "c/content/test/2009-10.md"}};
    for (const auto& [slug, path] : paths) add_partnership_with_plan(result, slug, path);
    check_project(result.project, result.checks);
    auto found = result.of(DiagCode::E003);
    REQUIRE(found.size() == 2);
    CHECK(found[0].location.file == "b/content/test/2009-10.md");
    CHECK(found[1].location.file == "c/content/test/2009-10.md");
    for (const auto& d : found) {
        CHECK(d.message.find("like content/test/2009-10.md") != std::string::npos);  // the first, not b/
        REQUIRE(d.notes.size() == 1);
        CHECK(d.notes[0].location.file == "content/test/2009-10.md");
    }
}

TEST_CASE("E003 reports two sections with one id (from the parser)", "[check]") {
    auto result = check_plan("## Introduction\n\nText.\n\n## Introduction\n\nMore.\n");
    auto found = result.of(DiagCode::E003);
    REQUIRE(found.size() == 1);
    CHECK(found[0].location.span.line == 9);
}

TEST_CASE("E003 stays quiet for one document named twice and for distinct documents", "[check]") {
    auto distinct = check_documents({{"2009-10", plan_file("## Introduction\n\nText.\n")},
                                     {"2010-11", plan_file("## Introduction\n\nText.\n")}});
    CHECK(distinct.count(DiagCode::E003) == 0);
    CheckedProject twice;
    twice.project.root = "/nonexistent";
    for (int i = 0; i < 2; ++i) {
        Partnership p;
        p.slug = "test";
        p.documents.push_back(parse_document("content/test/2009-10.md", plan_file("## A\n\nText.\n"), twice.parse));
        twice.project.partnerships.push_back(std::move(p));
    }
    check_project(twice.project, twice.checks);
    CHECK(twice.count(DiagCode::E003) == 0);
}
