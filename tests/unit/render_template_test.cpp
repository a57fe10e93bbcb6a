// The template mechanism and the HTML writer: values bound as text and attributes,
// slots filled with generated nodes, links made relative to each page, and nothing a
// value holds ever becoming markup.

#include <catch2/catch.hpp>

#include <set>

#include "html_tree_support.hpp"
#include "render/html.hpp"
#include "render/pages.hpp"
#include "render/site_paths.hpp"
#include "render/template_engine.hpp"
#include "render/theme.hpp"

using namespace planc;

namespace {

pugi::xml_document parse(const char* text) {
    pugi::xml_document doc;
    REQUIRE(doc.load_string(text));
    return doc;
}

}  // namespace

TEST_CASE("a template binds values as text and attributes, and fills slots", "[render]") {
    auto tmpl = parse(R"(<html lang="x" data-attr-lang="site.language"><head><title data-text="page.title">T</title>
<link rel="stylesheet" href="assets/site.css"/></head>
<body><p data-if="page.caption" data-text="page.caption">C</p><a href="index.html">Home</a>
<a href="https://example.org/">Out</a><a href="#main">Skip</a><div data-slot="content">placeholder</div></body></html>)");
    html::Stream content;
    content.element_text("p", "Generated");
    Bindings b;
    b.values = {{"site.language", "en-GB"}, {"page.title", "A <b>bold</b> & \"quoted\" title"}, {"page.caption", ""}};
    b.slots["content"] = content.take();
    std::set<std::string> unknown;
    std::string page = apply_template(tmpl, b, "../../", unknown);
    CHECK(unknown.empty());
    CHECK(page.find("<html lang=\"en-GB\">") != std::string::npos);
    CHECK(page.find("<title>A &lt;b&gt;bold&lt;/b&gt; &amp; \"quoted\" title</title>") != std::string::npos);
    CHECK(page.find("href=\"../../assets/site.css\"") != std::string::npos);
    CHECK(page.find("<a href=\"../../index.html\">Home</a>") != std::string::npos);
    CHECK(page.find("<a href=\"https://example.org/\">Out</a>") != std::string::npos);
    CHECK(page.find("<a href=\"#main\">Skip</a>") != std::string::npos);
    CHECK(page.find("<p>Generated</p>") != std::string::npos);
    CHECK(page.find("placeholder") == std::string::npos);
    CHECK(page.find("data-if") == std::string::npos);
    CHECK(page.find(">C<") == std::string::npos);  // removed: the caption is empty
}

TEST_CASE("a template naming a value planc does not provide is reported", "[render]") {
    auto tmpl = parse(R"(<html><body><p data-text="page.nonsense">x</p><div data-slot="sidebar"/></body></html>)");
    Bindings b;
    std::set<std::string> unknown;
    apply_template(tmpl, b, "", unknown);
    CHECK(unknown == std::set<std::string>{"slot:sidebar", "value:page.nonsense"});
}

TEST_CASE("the default theme loads: both templates and the assets", "[render]") {
    Diagnostics diags;
    Theme theme = load_theme(PLANC_SOURCE_DIR, "default", diags);
    CHECK(diags.items().empty());
    CHECK(theme.find_template("page") != nullptr);
    CHECK(theme.find_template("leaflet") != nullptr);
    std::set<std::string> assets;
    for (const auto& a : theme.assets) assets.insert(a.path);
    CHECK(assets.count("site.css") == 1);
    CHECK(assets.count("site.js") == 1);
    CHECK(assets.count("leaflet.css") == 1);
    // The CSS loads nothing from another host.
    for (const auto& a : theme.assets) CHECK(a.bytes.find("@import") == std::string::npos);
}

TEST_CASE("a missing theme is an error that says what to do", "[render]") {
    Diagnostics diags;
    load_theme(PLANC_SOURCE_DIR, "no-such-theme", diags);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].code == DiagCode::E002);
    CHECK(diags.items()[0].message.find("theme `no-such-theme` not found") != std::string::npos);
}

TEST_CASE("a template's own elements are HTML5: void elements, escaping, raw text that cannot close its element",
          "[render]") {
    pugi::xml_document doc;
    pugi::xml_node html_node = doc.append_child("html");
    pugi::xml_node body = html_node.append_child("body");
    html_tree::element(body, "br");
    html_tree::element_text(body, "p", "1 < 2 & \"3\" > 0", {{"title", "a \"quoted\" <value> & more"}});
    html_tree::element(body, "script", {{"src", "x.js"}});
    pugi::xml_node inline_script = html_tree::element(body, "script", {{"type", "application/json"}});
    inline_script.append_child(pugi::node_pcdata).set_value("{\"a\": \"</script><b>\"}");
    pugi::xml_node svg = html_tree::element(body, "svg", {{"viewBox", "0 0 1 1"}});
    html_tree::element(svg, "rect", {{"width", "1"}});
    std::set<std::string> unknown;
    std::string out = apply_template(doc, Bindings{}, "", unknown);
    CHECK(out.rfind("<!DOCTYPE html>\n", 0) == 0);
    CHECK(out.find("<br>") != std::string::npos);
    CHECK(out.find("</br>") == std::string::npos);
    CHECK(out.find("<p title=\"a &quot;quoted&quot; &lt;value&gt; &amp; more\">1 &lt; 2 &amp; \"3\" &gt; 0</p>") !=
          std::string::npos);
    CHECK(out.find("<script src=\"x.js\"></script>") != std::string::npos);
    CHECK(out.find("</script><b>") == std::string::npos);
    CHECK(out.find("<\\/script><b>") != std::string::npos);
    CHECK(out.find("<rect width=\"1\"/>") != std::string::npos);
}

TEST_CASE("a template's bound attributes replace its own where they are, or come after them", "[render]") {
    auto tmpl = parse(R"(<html xmlns="http://www.w3.org/1999/xhtml" lang="x" data-attr-lang="site.language">
<!-- a comment is never written --><body>
<a class="home" href="index.html" data-attr-href="page.url" title="t">1</a>
<a data-attr-href="page.url" class="c" data-attr-data-x="page.x">2</a>
<a href="x.html" class="gone" data-attr-class="page.none">3</a>
<img src="assets/a.png" alt="" data-if="page.url"/><img src="b.png" data-unless="page.url"/>
<form action="search/index.html"><p data-text="page.title" title="kept">replaced</p></form>
<?pi never written?></body></html>)");
    Bindings b;
    b.values = {{"site.language", "en-GB"}, {"page.url", "https://example.org/?a=1&b=2"}, {"page.x", "y"},
                {"page.none", ""}, {"page.title", "<T>"}};
    std::set<std::string> unknown;
    std::string page = apply_template(tmpl, b, "../", unknown);
    CHECK(unknown.empty());
    CHECK(page.rfind("<!DOCTYPE html>\n<html lang=\"en-GB\">", 0) == 0);  // xmlns gone, lang where it was
    CHECK(page.find("comment") == std::string::npos);
    CHECK(page.find("never written") == std::string::npos);
    CHECK(page.find("<a class=\"home\" href=\"https://example.org/?a=1&amp;b=2\" title=\"t\">1</a>") !=
          std::string::npos);
    CHECK(page.find("<a class=\"c\" href=\"https://example.org/?a=1&amp;b=2\" data-x=\"y\">2</a>") !=
          std::string::npos);
    CHECK(page.find("<a href=\"../x.html\">3</a>") != std::string::npos);  // an empty value removes the attribute
    CHECK(page.find("<img src=\"../assets/a.png\" alt=\"\">") != std::string::npos);
    CHECK(page.find("b.png") == std::string::npos);
    CHECK(page.find("<form action=\"../search/index.html\">") != std::string::npos);
    CHECK(page.find("<p title=\"kept\">&lt;T&gt;</p>") != std::string::npos);
}

TEST_CASE("links between pages climb only as far as needed", "[render]") {
    CHECK(paths::link("melton/2009-10/index.html", "melton/2009-10/targets/index.html") == "targets/index.html");
    CHECK(paths::link("melton/2009-10/targets/index.html", "melton/2009-10/index.html") == "../index.html");
    CHECK(paths::link("melton/2009-10/index.html", "accessibility/index.html") == "../../accessibility/index.html");
    CHECK(paths::link("index.html", "melton/index.html") == "melton/index.html");
    CHECK(paths::root_prefix("a/b/c.html") == "../../");
}

namespace {

/// The page and its links, walked whole and with the parts that bind nothing pasted.
void check_pasted_parts_change_nothing(const pugi::xml_document& tmpl, const Bindings& b, std::size_t expect_parts) {
    TemplateStaticParts parts(tmpl);
    std::size_t found = 0;
    for (pugi::xpath_node x : tmpl.select_nodes("//*")) found += parts.is_static(x.node()) ? 1 : 0;
    CHECK(found == expect_parts);
    for (const std::string prefix : {"", "../", "../../../"}) {
        // Twice with the parts: written the first time, pasted the second.
        for (int round = 0; round < 2; ++round) {
            std::set<std::string> unknown_walked, unknown_pasted;
            ScannedLinks walked_links, pasted_links;
            std::string walked = apply_template(tmpl, b, prefix, unknown_walked, &walked_links);
            std::string pasted = apply_template(tmpl, b, prefix, unknown_pasted, &pasted_links, &parts);
            CHECK(pasted == walked);
            CHECK(pasted_links == walked_links);
            CHECK(pasted_links == scan_links(pasted));
            CHECK(unknown_pasted == unknown_walked);
        }
    }
}

}  // namespace

TEST_CASE("the parts of a template that bind nothing are pasted as they would be written", "[render]") {
    // (pugixml drops the white space between elements, so a part follows a tag or, as the
    // <p> here, text that may end a line.)
    // Parts at the start of a line and after text, block and inline, with links to make
    // relative, ids, a <pre> and an SVG (walked: a stream writes differently there), and
    // inside elements kept or dropped by data-if.
    auto tmpl = parse(R"(<html lang="en" data-attr-lang="site.language"><head><meta charset="utf-8"/>
<title data-text="page.title">T</title><link rel="stylesheet" href="assets/site.css"/></head>
<body><a class="skip" href="#main">Skip</a>
<nav id="site-nav"><ul><li><a href="index.html">Home</a></li><li><a href="search/index.html">Search</a></li></ul></nav>text ending a line
<p>after text <a href="index.html#top">top</a></p>
<div data-if="page.caption"><p class="cap">Static inside a kept element</p><span data-text="page.caption">c</span></div>
<div data-if="page.missing"><p>Static inside a dropped element</p><i data-text="page.title">t</i></div>
<pre data-if="page.title"><b>bold</b>
<p>in pre</p></pre>
<svg viewBox="0 0 10 10" data-if="page.title"><rect x="0" y="0" width="1" height="1"/><g><rect x="1"/></g></svg>
<main id="main"><h1 data-text="page.title">T</h1><div data-slot="content"/></main>
<footer><p>Plain <a href="accessibility/index.html">accessibility</a> and <a href="https://example.org/">out</a></p><form action="search/index.html"><input name="q"/></form></footer></body></html>)");
    html::Stream content;
    content.open("p");
    content.element_text("a", "in the slot", {{"href", "index.html"}, {"id", "slot-link"}});
    content.close();
    Bindings b;
    b.values = {{"site.language", "en-GB"}, {"page.title", "A & B"}, {"page.caption", "Caption"}, {"page.missing", ""}};
    b.slot_links["content"] = content.take_links();
    b.slots["content"] = content.take();
    // meta, link, skip link, nav, the <p> after text, two <p> in the conditional divs,
    // the <b> and <p> in pre and the <rect> and <g> in the SVG (found, but walked), footer.
    check_pasted_parts_change_nothing(tmpl, b, 12);
}

TEST_CASE("the default theme's pages are the same with their static parts pasted", "[render]") {
    Diagnostics diags;
    Theme theme = load_theme(PLANC_SOURCE_DIR, "default", diags);
    for (const std::string name : {"page", "leaflet"}) {
        const pugi::xml_document* tmpl = theme.find_template(name);
        REQUIRE(tmpl);
        REQUIRE(theme.find_static_parts(name));
        html::Stream content;
        content.element_text("p", "Content");
        Bindings b;
        for (const char* key : {"site.title", "site.language", "site.base_url", "page.title", "page.caption",
                                "page.description", "page.head_title", "leaflet.plan_url", "leaflet.pdf_url"})
            b.values[key] = std::string(key) + " value";
        b.values["page.standalone"] = "";
        b.values["page.inline_css"] = "";
        b.slots["content"] = content.take();
        b.slots["breadcrumbs"] = "";
        TemplateStaticParts parts(*tmpl);
        std::set<std::string> u1, u2;
        ScannedLinks l1, l2;
        for (const std::string prefix : {"", "../../"}) {
            CHECK(apply_template(*tmpl, b, prefix, u1, &l1, &parts) == apply_template(*tmpl, b, prefix, u2, &l2));
            CHECK(l1 == l2);
        }
    }
}
