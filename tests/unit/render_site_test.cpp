// The published site, as a resident and the communications officer rely on it: every
// page written, gaps said in words, abbreviations explained, text escaped, links that
// work, the accessibility statement linked everywhere, and the same bytes every time.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>

#include "planc/load.hpp"
#include "render/site_paths.hpp"
#include "render/search_words.hpp"
#include "render_test_support.hpp"
#include "search_files_reader.hpp"

using namespace planc;
using namespace planc::render_test;

namespace {

bool is_page(const std::string& path) { return path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0; }

}  // namespace

TEST_CASE("every page of a plan is written where the URL layout says", "[render]") {
    Diagnostics diags;
    auto files = render(make_project({{"2009-10", kPlan}}), diags);
    INFO(diags.items().size());
    CHECK_FALSE(diags.has_errors());
    for (const char* path :
         {"index.html", "testshire/index.html", "testshire/glossary/index.html", "testshire/2009-10/index.html",
          "testshire/2009-10/priority-1-tackling-anti-social-behaviour/index.html",
          "testshire/2009-10/priority-2-safer-roads/index.html", "testshire/2009-10/targets/index.html",
          "testshire/2009-10/leaflet/index.html", "testshire/2009-10/plan.json", "testshire/2009-10/targets.csv",
          "accessibility/index.html", "search/index.html", "search-index.js", "404.html", "sitemap.xml",
          "assets/site.css", "assets/site.js", "assets/leaflet.css"}) {
        INFO(path);
        CHECK(files.count(path) == 1);
    }
}

TEST_CASE("a target with a gap shows a To be confirmed tag, never a blank or a zero", "[render]") {
    Diagnostics diags;
    auto files = render(make_project({{"2009-10", kPlan}}), diags);
    const std::string& page = files.at("testshire/2009-10/priority-1-tackling-anti-social-behaviour/index.html");
    std::string row = between(page, "offenders brought to justice</th>", "</tr>");
    REQUIRE_FALSE(row.empty());
    CHECK(row.find("<strong class=\"tag tag--tbc\">To be confirmed</strong>") != std::string::npos);
    CHECK(row.find(">0<") == std::string::npos);
    CHECK(row.find("<td></td>") == std::string::npos);

    const std::string& all = files.at("testshire/2009-10/targets/index.html");
    CHECK(count(all, "tag--tbc\">To be confirmed") >= 2);  // the target cell and the status cell
    // The overview counts what is still to be confirmed.
    const std::string& plan = files.at("testshire/2009-10/index.html");
    CHECK(plan.find("1 to be confirmed") != std::string::npos);
}

TEST_CASE("targets become a table with captions, header scopes and a chart with a text alternative", "[render]") {
    Diagnostics diags;
    auto files = render(make_project({{"2009-10", kPlan}}), diags);
    const std::string& page = files.at("testshire/2009-10/priority-2-safer-roads/index.html");
    CHECK(page.find("<caption class=\"table__caption\">Targets for Priority 2: Safer roads</caption>") !=
          std::string::npos);
    CHECK(page.find("<th scope=\"col\">Measure</th>") != std::string::npos);
    CHECK(page.find("<th scope=\"row\">Road injuries</th>") != std::string::npos);
    CHECK(page.find("<td class=\"num\" data-sort-value=\"200\">200 injuries</td>") != std::string::npos);
    // One chart, labelled by its title and described in words.
    CHECK(count(page, "role=\"img\"") == 1);
    CHECK(page.find("aria-labelledby=\"target-1-chart-title\"") != std::string::npos);
    CHECK(page.find("<title id=\"target-1-chart-title\">") != std::string::npos);
    CHECK(page.find("<desc id=\"target-1-chart-desc\">Starting level: 200 injuries. Target for 2010 to 2011: "
                    "180 injuries.</desc>") != std::string::npos);
    // No chart for the target with a gap.
    const std::string& first = files.at("testshire/2009-10/priority-1-tackling-anti-social-behaviour/index.html");
    CHECK(count(first, "role=\"img\"") == 4);
}

TEST_CASE("a glossary abbreviation gets <abbr title> on its first use in each section only", "[render]") {
    Diagnostics diags;
    auto files = render(make_project({{"2009-10", kPlan}}), diags);
    const std::string& plan = files.at("testshire/2009-10/index.html");
    std::string intro = between(plan, "<h2 id=\"introduction\">", "</section>");
    CHECK(count(intro, "<abbr title=\"Anti-social behaviour\">ASB</abbr>") == 1);
    CHECK(count(intro, "ASB") == 2);
    // A new section explains it again.
    std::string achievements = between(plan, "<h2 id=\"achievements\">", "</section>");
    CHECK(count(achievements, "<abbr title=\"Anti-social behaviour\">ASB</abbr>") == 1);
    // Headings stay plain.
    CHECK(plan.find("<h2 id=\"introduction\">Introduction</h2>") != std::string::npos);
}

TEST_CASE("every page links to the accessibility statement from its footer", "[render]") {
    Diagnostics diags;
    auto files = render(make_project({{"2009-10", kPlan}}), diags);
    int pages = 0;
    for (const auto& [path, bytes] : files) {
        if (!is_page(path) || path == "404.html") continue;
        ++pages;
        std::string footer = between(bytes, "<footer", "</footer>");
        INFO(path);
        CHECK(footer.find("href=\"" + paths::root_prefix(path) + paths::kAccessibility +
                          "\">Accessibility statement</a>") != std::string::npos);
    }
    CHECK(pages >= 10);
    // 404.html is served at any address: its links start from the site root and its
    // styles are in the page.
    const std::string& missing = files.at("404.html");
    CHECK(missing.find("href=\"/accessibility/index.html\">Accessibility statement</a>") != std::string::npos);
    CHECK(missing.find("<style>") != std::string::npos);
    CHECK(missing.find("<link rel=\"stylesheet\"") == std::string::npos);
}

TEST_CASE("every page has one h1, a skip link, landmarks and the site language", "[render]") {
    Diagnostics diags;
    auto files = render(make_project({{"2009-10", kPlan}}), diags);
    for (const auto& [path, bytes] : files) {
        if (!is_page(path)) continue;
        INFO(path);
        CHECK(count(bytes, "<h1") == 1);
        CHECK(bytes.rfind("<!DOCTYPE html>\n<html lang=\"en-GB\">", 0) == 0);
        CHECK(bytes.find("<a class=\"skip-link\" href=\"#main-content\">") != std::string::npos);
        CHECK(bytes.find("<main ") != std::string::npos);
        CHECK(bytes.find("id=\"main-content\"") != std::string::npos);
        CHECK(bytes.find("data-slot") == std::string::npos);  // template attributes never leak
        CHECK(bytes.find("data-text") == std::string::npos);
    }
}

TEST_CASE("text from the content is escaped: a title with <script> appears as text", "[render]") {
    std::string plan = kPlan;
    plan.replace(plan.find("\"Community Safety Plan 2009/10\""), 31, "\"Plan <script>alert(1)</script> & co\"");
    plan.replace(plan.find("ASB is our main concern."), 24, "Read <b onclick=\"x()\">this</b> & \"that\".");
    Diagnostics diags;
    auto files = render(make_project({{"2009-10", plan}}), diags);
    for (const auto& [path, bytes] : files) {
        if (!is_page(path)) continue;
        INFO(path);
        CHECK(bytes.find("<script>alert") == std::string::npos);
        CHECK(bytes.find("onclick") == std::string::npos);
    }
    const std::string& page = files.at("testshire/2009-10/index.html");
    CHECK(page.find("<h1 class=\"heading-xl\">Plan &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</h1>") !=
          std::string::npos);
    CHECK(page.find("<title>Plan &lt;script&gt;alert(1)&lt;/script&gt; &amp; co \xE2\x80\x93") != std::string::npos);
}

TEST_CASE("dates are written as people read them", "[render]") {
    Diagnostics diags;
    auto files = render(make_project({{"2009-10", kPlan}}), diags);
    const std::string& page = files.at("testshire/2009-10/index.html");
    CHECK(page.find("<dd class=\"summary-list__value\">25 March 2009</dd>") != std::string::npos);
    CHECK(page.find("<dd class=\"summary-list__value\">2009 to 2010</dd>") != std::string::npos);
    CHECK(page.find("<dd class=\"summary-list__value\">April 2008 to March 2011</dd>") != std::string::npos);
    CHECK(page.find("<strong class=\"tag tag--approved\">Approved</strong>") != std::string::npos);
}

TEST_CASE("every internal link and asset of the written site resolves", "[render]") {
    Diagnostics diags;
    auto files = render(make_project({{"2009-10", kPlan}}), diags);
    for (const auto& d : diags.items()) CHECK(info(d.code).code != "E004");
    // Links are relative and name index.html, so the site works from file://.
    const std::string& plan = files.at("testshire/2009-10/index.html");
    CHECK(plan.find("href=\"../../assets/site.css\"") != std::string::npos);
    CHECK(plan.find("href=\"leaflet/index.html\"") != std::string::npos);
    CHECK(plan.find("href=\"targets.csv\"") != std::string::npos);
    std::regex absolute_internal("(href|src)=\"/[^/]");
    for (const auto& [path, bytes] : files)
        if (is_page(path) && path != "404.html") CHECK_FALSE(std::regex_search(bytes, absolute_internal));
}

TEST_CASE("a broken link in the content is an E004 at its place in the source", "[render]") {
    std::string plan = kPlan;
    plan.replace(plan.find("ASB is our main concern."), 24, "See [the old plan](2008-09.md) and [this](#nowhere).");
    Diagnostics diags;
    render(make_project({{"2009-10", plan}}), diags);
    std::vector<const Diagnostic*> broken;
    for (const auto& d : diags.items())
        if (d.code == DiagCode::E004) broken.push_back(&d);
    REQUIRE(broken.size() == 2);
    for (const Diagnostic* d : broken) {
        CHECK(d->location.file == "content/testshire/2009-10.md");
        CHECK(d->location.span.line == 14);
    }
    CHECK(diags.has_errors());
}

TEST_CASE("two renders give byte-identical sites", "[render]") {
    Diagnostics a_diags, b_diags;
    auto a = render(make_project({{"2009-10", kPlan}}), a_diags);
    auto b = render(make_project({{"2009-10", kPlan}}), b_diags);
    REQUIRE(a.size() == b.size());
    for (const auto& [path, bytes] : a) {
        INFO(path);
        CHECK(b.at(path) == bytes);
    }
}

TEST_CASE("the home page lists documents newest first and searches with a GET form", "[render]") {
    std::string older = kPlan;
    older.replace(older.find("year: 2009/10"), 13, "year: 2007/08");
    older.replace(older.find("\"Community Safety Plan 2009/10\""), 31, "\"Older plan\"");
    Diagnostics diags;
    auto files = render(make_project({{"2007-08", older}, {"2009-10", kPlan}}), diags);
    const std::string& home = files.at("index.html");
    CHECK(home.find("Community Safety Plan 2009/10") < home.find("Older plan"));
    CHECK(home.find("<form class=\"search-form\" action=\"search/index.html\" method=\"get\" role=\"search\">") !=
          std::string::npos);
    CHECK(home.find("name=\"q\"") != std::string::npos);
}

TEST_CASE("search: small index files written at build time and a page that works without scripts", "[render]") {
    Diagnostics diags;
    auto files = render(make_project({{"2009-10", kPlan}}), diags);
    CHECK(files.count("search-index.json") == 0);
    search_test::ReadIndex index = search_test::read_search_files(files);
    // Parts in site order: the partnership's pages, the plan's, the site's own pages.
    REQUIRE(index.parts.size() == 3);
    CHECK(index.parts[0] >= 1);  // the partnership page (and its glossary)
    REQUIRE(index.entries.size() > 5);
    bool found_priority = false;
    std::size_t priority = 0;
    for (std::size_t id = 0; id < index.entries.size(); ++id) {
        const nlohmann::json& page = index.entries[id];
        CHECK(page.size() == 4);
        std::string text = page["text"];
        CHECK(text.find("  ") == std::string::npos);  // white space squeezed
        CHECK(text.find('\n') == std::string::npos);
        if (page["url"] == "testshire/2009-10/priority-1-tackling-anti-social-behaviour/index.html") {
            found_priority = true;
            priority = id;
            CHECK(page["title"] == "Priority 1: Tackling anti-social behaviour");
            CHECK(page["context"] == "Testshire Community Safety Partnership: Community Safety Plan 2009/10");
        }
    }
    REQUIRE(found_priority);
    // Its words lead to it, marked when in its title; lower-cased, cut at hyphens.
    CHECK(index.words.at("tackling").at(priority) == 1);
    CHECK(index.words.at("anti").at(priority) == 1);
    CHECK(index.words.at("testshire").at(priority) == 0);  // in its context only
    CHECK(index.words.count("Tackling") == 0);
    CHECK(index.words.count("anti-social") == 0);
    // Each entry file holds one entry a line, so a change to one page changes few lines.
    const std::string& plan_entries = files.at("search/entries/1.js");
    CHECK(static_cast<std::size_t>(count(plan_entries, "\n")) == index.parts[1] + 2);
    CHECK(plan_entries.find("\"url\":\"testshire/2009-10/priority-1-tackling-anti-social-behaviour/index.html\"") !=
          std::string::npos);

    // The page is small: it loads the index (before the theme's script, both deferred) and
    // holds none of it.
    const std::string& page = files.at("search/index.html");
    CHECK(page.find("search-data") == std::string::npos);
    CHECK(page.find("Tackling anti-social behaviour") == std::string::npos);
    std::size_t index_tag = page.find("<script src=\"../search-index.js\" defer=\"defer\"></script>");
    std::size_t site_tag = page.find("<script src=\"../assets/site.js\" defer=\"defer\"></script>");
    CHECK(index_tag != std::string::npos);
    CHECK(index_tag < site_tag);
    CHECK(site_tag < page.find("</head>"));
    CHECK(page.find("Search needs JavaScript") != std::string::npos);
    CHECK(page.find("href=\"../index.html#partnerships\"") != std::string::npos);
    CHECK(page.find("<form class=\"search-form\" action=\"index.html\" method=\"get\" role=\"search\">") !=
          std::string::npos);
    // No other page loads the index.
    for (const auto& [path, bytes] : files) {
        if (path == "search/index.html" || !is_page(path)) continue;
        INFO(path);
        CHECK(bytes.find("search-index.js") == std::string::npos);
    }
}

TEST_CASE("search: every word of every entry leads to it, and no word leads elsewhere", "[render]") {
    Diagnostics diags;
    auto files = render(make_project({{"2009-10", kPlan}, {"2010-11", kPlan}}), diags);
    search_test::ReadIndex index = search_test::read_search_files(files);
    std::map<std::string, std::map<std::size_t, int>> expected;
    std::string scratch;
    for (std::size_t id = 0; id < index.entries.size(); ++id) {
        const nlohmann::json& e = index.entries[id];
        for (const char* field : {"title", "context", "text"}) {
            int in_title = std::string_view(field) == "title" ? 1 : 0;
            search_words::for_each_word(e[field].get<std::string>(), scratch, [&](std::string_view w) {
                int& flag = expected[std::string(w)].try_emplace(id, 0).first->second;
                flag |= in_title;
            });
        }
    }
    CHECK(index.words == expected);
    // Each word is in the file of its first two letters, and the index lists every file.
    std::set<std::string> keys;
    for (const auto& [word, entries] : expected) keys.insert(search_words::shard_key(search_words::shard_id(word)));
    CHECK(std::set<std::string>(index.shards.begin(), index.shards.end()) == keys);
    CHECK(std::is_sorted(index.shards.begin(), index.shards.end()));
}

TEST_CASE("search: a site without entries still has an index script that sets the index", "[render]") {
    SearchPart nothing = SearchPart::of({});
    auto files = search_files::all({&nothing, &nothing});
    CHECK(files.size() == 1);
    search_test::ReadIndex index = search_test::read_search_files(files);
    CHECK(index.parts == std::vector<std::size_t>{0, 0});
    CHECK(index.shards.empty());
}

TEST_CASE("search: each part's files hold its entries, numbered from its own first", "[render]") {
    SearchPart a = SearchPart::of({{"A", "a/index.html", "ctx", "one"}});
    SearchPart b = SearchPart::of({});
    SearchPart c = SearchPart::of({{"C", "c/index.html", "ctx", "three ONE"}, {"D", "d/index.html#x", "", ""}});
    auto files = search_files::all({&a, &b, &c});
    search_test::ReadIndex index = search_test::read_search_files(files);
    CHECK(index.parts == std::vector<std::size_t>{1, 0, 2});
    REQUIRE(index.entries.size() == 3);
    CHECK(index.entries[2] == nlohmann::json{{"title", "D"}, {"url", "d/index.html#x"}, {"context", ""}, {"text", ""}});
    CHECK(index.words.at("one") == std::map<std::size_t, int>{{0, 0}, {1, 0}});
    CHECK(index.words.at("c") == std::map<std::size_t, int>{{1, 1}});
    CHECK(files.at("search/words/on.js") == "plancSearchIndex.words(\"on\",[\n[0,\"one\",[0]],\n[2,\"one\",[0]]\n]);\n");
    CHECK(files.at("search/entries/2.js").rfind("plancSearchIndex.entries(2,[\n{\"title\":\"C\",", 0) == 0);
    CHECK(files.count("search/entries/1.js") == 0);  // a part without entries has no file
}

TEST_CASE("search: the index's JSON strings are escaped by hand, correctly", "[render]") {
    auto escaped = [](std::string_view text, bool squeeze = false) {
        std::string out;
        append_json_string(out, text, squeeze);
        return out;
    };
    CHECK(escaped("") == "\"\"");
    CHECK(escaped("plain text, 5% & more") == "\"plain text, 5% & more\"");
    CHECK(escaped("say \"hi\"") == R"("say \"hi\"")");
    CHECK(escaped("C:\\dir\\") == R"("C:\\dir\\")");
    CHECK(escaped("a\nb\tc\rd\be\ff") == R"("a\nb\tc\rd\be\ff")");
    CHECK(escaped(std::string_view("\x00\x01\x1f\x7f", 4)) == "\"\\u0000\\u0001\\u001f\x7f\"");
    // A stray end tag or comment cannot end the script or the page around it.
    CHECK(escaped("</script><script>alert(1)</script>") ==
          R"("\u003c/script>\u003cscript>alert(1)\u003c/script>")");
    CHECK(escaped("<!-- x") == R"("\u003c!-- x")");
    // Valid UTF-8 is kept as it is; U+2028 and U+2029 are escaped for older JavaScript.
    CHECK(escaped("£5 – café ☂ 𝄞") == "\"£5 – café ☂ 𝄞\"");
    CHECK(escaped("a\u2028b\u2029c") == R"("a\u2028b\u2029c")");
    // Each invalid UTF-8 sequence becomes one U+FFFD, and the bytes after it are read again.
    CHECK(escaped("a\xff" "b") == "\"a\xEF\xBF\xBD" "b\"");
    CHECK(escaped("\xC3(") == "\"\xEF\xBF\xBD(\"");                          // truncated, then ASCII
    CHECK(escaped("\xE2\x82") == "\"\xEF\xBF\xBD\"");                       // truncated at the end
    CHECK(escaped("\xE0\x80\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // overlong
    CHECK(escaped("\xED\xA0\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // a surrogate
    CHECK(escaped("\xF4\x90\x80\x80") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // > U+10FFFF
    CHECK(escaped("\xC0\xAF\"") == "\"\xEF\xBF\xBD\xEF\xBF\xBD\\\"\"");
    // Squeezing: runs of white space are one space, none at either end; other controls stay.
    CHECK(escaped("  Burglary \n\n fell\t\r by\f 5%  \n", true) == R"("Burglary fell by\f 5%")");
    CHECK(escaped(" \n\t ", true) == "\"\"");
    CHECK(escaped("\xC3 \n x", true) == "\"\xEF\xBF\xBD x\"");
    CHECK(escaped("a \"b\"  <c>", true) == R"("a \"b\" \u003cc>")");

    // Whatever the bytes, the result is JSON that reads back as nlohmann's replacement of
    // invalid UTF-8 gives (as the index was written before), less the squeezed spaces.
    std::uint32_t seed = 12345;
    auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 24;
    };
    const unsigned char interesting[] = {'"', '\\', '<', '/', ' ', ' ', ' ', '\n', '\t', '\r', 'a', 'b', 0x00, 0x1f, 0x7f,
                                         0x80, 0xbf, 0xc2, 0xc3, 0xdf, 0xe0, 0xe2, 0xed, 0xef,
                                         0xf0, 0xf4, 0xf5, 0xff, 0x90, 0xa0, 0xa8};
    for (int round = 0; round < 10000; ++round) {
        std::string bytes;
        // Short texts, and longer ones the escaper passes over sixteen bytes at a time.
        std::size_t length = round % 2 ? next() % 12 : next() % 64;
        for (std::size_t i = 0; i < length; ++i)
            bytes += static_cast<char>(next() % 2 ? interesting[next() % sizeof interesting] : next());
        std::string hex;
        for (char ch : bytes) hex += "0123456789abcdef"[(ch >> 4) & 0xF], hex += "0123456789abcdef"[ch & 0xF], hex += ' ';
        INFO(hex);
        std::string expected = nlohmann::json::parse(
            nlohmann::json(bytes).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)).get<std::string>();
        std::string out;
        append_json_string(out, bytes);
        CHECK(out.find('<') == std::string::npos);
        CHECK(out.find('\n') == std::string::npos);
        CHECK(nlohmann::json::parse(out).get<std::string>() == expected);
        // Squeezed: as the white space squeezing of the text before (runs of ' ', '\n',
        // '\t', '\r' to one space, none at either end), then the same replacement.
        std::string squeezed;
        bool space = false;
        for (char ch : bytes) {
            if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r') {
                space = !squeezed.empty();
                continue;
            }
            if (space) squeezed += ' ';
            space = false;
            squeezed += ch;
        }
        expected = nlohmann::json::parse(
            nlohmann::json(squeezed).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)).get<std::string>();
        out.clear();
        append_json_string(out, bytes, true);
        CHECK(nlohmann::json::parse(out).get<std::string>() == expected);
    }
    std::string out;
    append_json_string(out, "x</script>y");
    CHECK(nlohmann::json::parse(out).get<std::string>() == "x</script>y");
}

TEST_CASE("the sitemap lists pages with absolute URLs from base_url", "[render]") {
    Diagnostics diags;
    auto files = render(make_project({{"2009-10", kPlan}}), diags);
    const std::string& sitemap = files.at("sitemap.xml");
    CHECK(sitemap.find("<loc>https://plans.example.gov.uk/</loc>") != std::string::npos);
    CHECK(sitemap.find("<loc>https://plans.example.gov.uk/testshire/2009-10/</loc>") != std::string::npos);
    CHECK(sitemap.find("404") == std::string::npos);

    Project relative = make_project({{"2009-10", kPlan}});
    relative.settings.base_url = "/";
    Diagnostics d2;
    CHECK(render(relative, d2).count("sitemap.xml") == 0);  // no absolute URL to give
}

TEST_CASE("past the most URLs one sitemap may list, sitemap.xml is an index of several", "[render]") {
    const std::string base = "https://plans.example.gov.uk/";
    std::vector<std::string> pages;
    for (int i = 0; i < 7; ++i) pages.push_back("p" + std::to_string(i) + "/index.html");
    // Up to the limit: one sitemap, unchanged.
    auto one = sitemap_files(base, pages, 7);
    REQUIRE(one.size() == 1);
    CHECK(one.at("sitemap.xml").find("<urlset") != std::string::npos);
    CHECK(static_cast<std::size_t>(count(one.at("sitemap.xml"), "<loc>")) == 7);
    // Past it: an index of files of at most the limit each, every page once, in order.
    auto split = sitemap_files(base, pages, 3);
    REQUIRE(split.size() == 4);
    const std::string& index = split.at("sitemap.xml");
    CHECK(index.find("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">") != std::string::npos);
    CHECK(index.find("<urlset") == std::string::npos);
    std::string listed;
    for (int k = 1; k <= 3; ++k) {
        std::string name = "sitemap-" + std::to_string(k) + ".xml";
        INFO(name);
        CHECK(index.find("<loc>" + base + name + "</loc>") != std::string::npos);
        const std::string& part = split.at(name);
        CHECK(part.find("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">") != std::string::npos);
        CHECK(static_cast<std::size_t>(count(part, "<loc>")) == (k < 3 ? 3u : 1u));
        listed += part;
    }
    std::size_t at = 0;
    for (int i = 0; i < 7; ++i) {
        std::size_t found = listed.find("<loc>" + base + "p" + std::to_string(i) + "/</loc>");
        CHECK(found != std::string::npos);
        CHECK(found >= at);
        at = found;
    }
    CHECK(sitemap_files("/", pages, 3).empty());  // no absolute URL to give
    CHECK(kSitemapMostUrls == 50000);
}

TEST_CASE("the accessibility statement has what the regulations ask for", "[render]") {
    Diagnostics diags;
    auto files = render(make_project({{"2009-10", kPlan}}), diags);
    const std::string& page = files.at("accessibility/index.html");
    CHECK(page.find("partially compliant with the Web Content Accessibility Guidelines version 2.2 AA") !=
          std::string::npos);
    CHECK(page.find("Non-accessible content") != std::string::npos);
    CHECK(page.find("mailto:safety@testshire.example") != std::string::npos);
    CHECK(page.find("Equality and Human Rights Commission") != std::string::npos);
    CHECK(page.find("https://www.equalityadvisoryservice.com/") != std::string::npos);
    // Prepared: a date from the content (the plan's year ends March 2010), not the clock.
    CHECK(page.find("This statement was prepared in March 2010") != std::string::npos);

    Project with_contact = make_project({{"2009-10", kPlan}});
    with_contact.settings.accessibility_contact = "access@example.gov.uk";
    Diagnostics d2;
    CHECK(render(with_contact, d2).at("accessibility/index.html").find("mailto:access@example.gov.uk") !=
          std::string::npos);
}

TEST_CASE("a report renders as a document, with a chart for its survey table", "[render]") {
    const char* report = R"(---
kind: report
title: "Consultation report"
year: 2019/20
status: published
---

## Top concerns

| Answer choices | Responses (%) | Responses (count) |
|---|---|---|
| Drug taking or dealing | 37.50% | 54 |
| Dog fouling | 28.47% | 41 |
)";
    Diagnostics diags;
    auto files = render(make_project({{"2020-03-report", report}}), diags);
    CHECK_FALSE(diags.has_errors());
    const std::string& page = files.at("testshire/2020-03-report/index.html");
    CHECK(page.find("role=\"img\"") != std::string::npos);
    CHECK(page.find("Drug taking or dealing: 37.50% (54)") != std::string::npos);
    CHECK(page.find("<td class=\"num\">37.50%</td>") != std::string::npos);
    CHECK(files.count("testshire/2020-03-report/leaflet/index.html") == 0);  // reports have no leaflet
}

TEST_CASE("the repository's own content renders with no findings and no broken links", "[render]") {
    Diagnostics load_diags;
    Project project = load_project(PLANC_SOURCE_DIR, load_diags);
    REQUIRE_FALSE(project.partnerships.empty());
    Diagnostics diags;
    auto files = render(project, diags);
    for (const auto& d : diags.items()) {
        INFO(d.location.file << ":" << d.location.span.line << ": " << d.message);
        CHECK(d.severity != Severity::Error);
    }
    CHECK(files.count("melton/2009-10/leaflet/index.html") == 1);
    CHECK(files.count("melton/2020-03-scrutiny/index.html") == 1);
}

TEST_CASE("an image the content names but does not have is an E004 at its place", "[render]") {
    std::string plan = kPlan;
    plan.replace(plan.find("ASB is our main concern."), 24, "![Map of hotspots](hotspots.png)");
    Diagnostics diags;
    auto files = render(make_project({{"2009-10", plan}}), diags);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].code == DiagCode::E004);
    CHECK(diags.items()[0].location.file == "content/testshire/2009-10.md");
    CHECK(diags.items()[0].message.find("testshire/hotspots.png") != std::string::npos);
    CHECK(files.at("testshire/2009-10/index.html").find("<img src=\"../hotspots.png\" alt=\"Map of hotspots\">") !=
          std::string::npos);
}
