// The check of every link planc writes (E004): a build checks once at the end and keeps
// little; the live preview checks again after each change. Both must find the same.

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "planc/load.hpp"
#include "render/pages.hpp"
#include "render_test_support.hpp"
#include "render/site.hpp"
#include "render/theme.hpp"

using namespace planc;

namespace {

std::vector<std::string> findings_of(const SiteLinkCheck& links) {
    Diagnostics diags;
    links.report(diags);
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.items()) out.push_back(d.location.file + ": " + d.message);
    return out;
}

/// A small site with every kind of link, good and broken.
void write_site(SiteLinkCheck& links) {
    links.write("index.html",
                "<!DOCTYPE html><html><body id=\"top\"><a href=\"melton/\">Melton</a>"
                "<a href=\"melton/2009-10/#priority-1\">P1</a><a href=\"melton/2009-10/#nowhere\">?</a>"
                "<a href=\"missing/\">gone</a><a href=\"https://example.org/\">out</a>"
                "<a href=\"../outside.html\">up</a><a href=\"\">empty</a>"
                "<link href=\"assets/site.css\"><a href=\"#top\">top</a></body></html>");
    links.write("melton/index.html",
                "<html><body><a href=\"../index.html#top\">home</a><a href=\"2009-10/\">plan</a></body></html>");
    links.write("melton/2009-10/index.html",
                "<html><head><base href=\"../\"></head><body><h2 id=\"priority-1\">P1</h2>"
                "<a href=\"index.html\">Melton</a><a href=\"2009-10/#priority-1\">self</a>"
                "<a href=\"2009-10/#priority-2\">no</a></body></html>");
    links.write("assets/site.css", "body{}");
}

}  // namespace

TEST_CASE("the link check finds the same whether it keeps what it needs to check again or not", "[render][links]") {
    SiteLinkCheck once("/", false);
    SiteLinkCheck again("/", true);
    write_site(once);
    write_site(again);
    once.check({});
    again.check({});
    std::vector<std::string> found = findings_of(once);
    CHECK(found == findings_of(again));
    CHECK(once.pages_checked() == 3);  // every page, whether or not a list of what changed is kept
    CHECK(again.pages_checked() == 3);
    CHECK(found == std::vector<std::string>{
                       "index.html: the link `melton/2009-10/#nowhere` names `#nowhere`, which is not on "
                       "melton/2009-10/index.html",
                       "index.html: the link `missing/` goes to `missing/index.html`, which was not written",
                       "index.html: the link `../outside.html` leaves the site",
                       "index.html: the link `` is empty",
                       "melton/2009-10/index.html: the link `2009-10/#priority-2` names `#priority-2`, which is "
                       "not on melton/2009-10/index.html",
                   });
}

TEST_CASE("the live preview's link check looks again at the pages a change reaches", "[render][links]") {
    SiteLinkCheck links("/", true);
    write_site(links);
    links.check({});
    std::size_t before = findings_of(links).size();
    // The plan page loses the id the home page links to: it and the two pages that link
    // to it are checked again, and no other.
    links.write("melton/2009-10/index.html", "<html><body><a href=\"../index.html\">Melton</a></body></html>");
    links.check({});
    CHECK(links.pages_checked() == 3);
    std::vector<std::string> found = findings_of(links);
    CHECK(found.size() == before);  // one finding gone from the plan page, one added to the home page
    CHECK(std::find(found.begin(), found.end(),
                    "index.html: the link `melton/2009-10/#priority-1` names `#priority-1`, which is not on "
                    "melton/2009-10/index.html") != found.end());
    // The same page again: nothing to look at.
    links.write("melton/2009-10/index.html", "<html><body><a href=\"../index.html\">Melton</a></body></html>");
    links.check({});
    CHECK(links.pages_checked() == 0);
}

TEST_CASE("a page's links are read each once in page order, decoded, outside comments and scripts", "[render][links]") {
    ScannedLinks page = scan_links(
        "<html><head><base href=\"../\"><link href=\"assets/site.css\"></head><body id=\"top\">"
        "<a href=\"b.html?x=1&amp;y=2\">1</a><a href='a.html'>2</a><!-- <a href=\"commented.html\"> -->"
        "<a href=\"b.html?x=1&amp;y=2\">again</a><a href=\"it&#39;s.html\">two spellings</a>"
        "<img src=a.png alt=x><script>var s = '<a href=\"scripted.html\">';</script>"
        "<form action=\"search/\"><p id=\"b&amp;c\"></p><p id=\"a\"></p></form>"
        "<a href=\"it's.html\">of one link</a><A HREF=\"upper.html\">4</A></body></html>");
    CHECK(page.base == "../");
    CHECK(page.links == std::vector<std::string>{"assets/site.css", "b.html?x=1&y=2", "a.html", "it's.html", "a.png",
                                                 "search/", "upper.html"});
    CHECK(page.ids == std::vector<std::string>{"a", "b&c", "top"});
}

namespace {

/// Takes every page with the links recorded as it was written, and compares them with
/// what reading the page back finds.
class RecordComparingOutput final : public OutputSink {
public:
    void write(const std::string& path, std::string_view bytes) override { files[path] = std::string(bytes); }
    void write_page(const std::string& path, std::string_view bytes, ScannedLinks&& links) override {
        INFO(path);
        CHECK(links == scan_links(bytes));
        links_seen += links.links.size();
        ids_seen += links.ids.size();
        ++pages;
        write(path, bytes);
    }
    std::map<std::string, std::string> files;
    std::size_t pages = 0, links_seen = 0, ids_seen = 0;
};

}  // namespace

TEST_CASE("every page of the seed site records the links and ids that reading it back finds", "[render][links]") {
    // A build takes each page's links from the stream that wrote it, not from the page:
    // on every page of the real plans (raw HTML lists, tables, links between plans, the
    // templates' own links) the two must be the same.
    Diagnostics diags;
    Project project = load_project(PLANC_SOURCE_DIR, diags);
    Theme theme = load_theme(PLANC_SOURCE_DIR, project.settings.theme, diags);
    SiteContext site{project, theme, diags};
    RecordComparingOutput out;
    std::vector<SitePart> parts = render_test::render_parts_in_order(site, out);
    render_index_pages(site, render_test::pointers_to(parts), out);
    CHECK(out.pages >= 40);
    CHECK(out.links_seen > 500);
    CHECK(out.ids_seen > 400);
}
