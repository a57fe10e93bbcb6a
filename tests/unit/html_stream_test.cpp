// html::Stream, the writer every page goes through: content written into a template's
// slot must give the bytes the same elements give written in the template itself (the
// template engine walks a tree into a stream; a page is both), every text and attribute
// value is escaped, and an element that turned out empty can be taken back.

#include <catch2/catch.hpp>

#include <pugixml.hpp>

#include <random>
#include <string>
#include <vector>

#include "html_tree_support.hpp"
#include "render/html.hpp"
#include "render/pages.hpp"
#include "render/template_engine.hpp"

using namespace planc;

namespace {

/// A page made of a template whose <main> is a slot, holding `content`.
std::string page_with_slot(const std::string& content) {
    pugi::xml_document tmpl;
    REQUIRE(tmpl.load_string("<html><head><title>T</title></head><body><main data-slot=\"content\"/></body></html>"));
    Bindings b;
    b.slots["content"] = content;
    std::set<std::string> unknown;
    std::string page = apply_template(tmpl, b, "", unknown);
    REQUIRE(unknown.empty());
    return page;
}

/// The same page with the content in the template itself, as a tree.
struct TreePage {
    pugi::xml_document doc;
    pugi::xml_node main;
    TreePage() {
        pugi::xml_node root = doc.append_child("html");
        html_tree::element_text(html_tree::element(root, "head"), "title", "T");
        main = html_tree::element(html_tree::element(root, "body"), "main");
    }
    std::string page() const {
        std::set<std::string> unknown;
        return apply_template(doc, Bindings{}, "", unknown);
    }
};

/// Random content written both ways at once: into a tree, and into a stream.
class TwoWays {
public:
    explicit TwoWays(unsigned seed) : rng_(seed) {}

    void fill(pugi::xml_node parent, html::Stream& out, int depth, bool in_svg) {
        int children = pick(0, depth > 3 ? 1 : 4);
        for (int i = 0; i < children; ++i) {
            int what = pick(0, 9);
            if (what <= 2) {
                std::string t = text();
                html_tree::text(parent, t);
                out.text(t);
            } else if (in_svg) {
                const char* name = pick_of({"text", "rect", "title", "g"});
                std::string v = text();
                pugi::xml_node n = html_tree::element(parent, name, {{"x", v}});
                out.open(name, {{"x", v}});
                if (pick(0, 1)) fill(n, out, depth + 1, true);
                out.close();
            } else if (what == 3) {
                const char* name = pick_of({"br", "hr", "img", "input"});
                std::string v = text();
                const char* key = std::string_view(name) == "img" ? "src" : "alt";
                html_tree::element(parent, name, {{key, v}});
                out.element(name, {{key, v}});
            } else if (what == 4) {
                std::string code = text() + "</script><b>" + text();
                pugi::xml_node s = html_tree::element(parent, "script", {{"type", "application/ld+json"}});
                s.append_child(pugi::node_pcdata).set_value(code.c_str());
                out.element_text("script", code, {{"type", "application/ld+json"}});
            } else if (what == 5) {
                pugi::xml_node n = html_tree::element(parent, "svg", {{"viewBox", "0 0 1 1"}});
                out.open("svg", {{"viewBox", "0 0 1 1"}});
                fill(n, out, depth + 1, true);
                out.close();
            } else {
                const char* name =
                    pick_of({"p", "div", "span", "em", "pre", "code", "ul", "li", "table", "td", "a", "form", "a"});
                std::string cls = text();
                std::string id = pick(0, 1) ? "x" : text();
                // Links: an <a>'s href, a form's action (the same link often twice).
                const char* link = std::string_view(name) == "a" ? "href" : std::string_view(name) == "form" ? "action" : "class";
                if (std::string_view(link) != "class" && pick(0, 1)) cls = pick(0, 1) ? "same.html" : "same.html#x";
                pugi::xml_node n = pick(0, 1) ? html_tree::element(parent, name, {{link, cls}, {"id", id}})
                                              : html_tree::element(parent, name);
                if (n.first_attribute())
                    out.open(name, {{link, cls}, {"id", id}});
                else
                    out.open(name);
                fill(n, out, depth + 1, false);
                out.close();
            }
        }
    }

private:
    int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
    const char* pick_of(std::initializer_list<const char*> names) {
        return names.begin()[pick(0, static_cast<int>(names.size()) - 1)];
    }
    std::string text() {
        static const std::vector<std::string> pieces = {"plain", " ", "\n", "&", "<", ">", "\"", "'", "a&b<c>d\"e",
                                                        "\u00a3 5", "\u2013", "longer text with words", ""};
        std::string s;
        for (int i = pick(0, 3); i > 0; --i) s += pieces[static_cast<std::size_t>(pick(0, 12))];
        return s;
    }
    std::mt19937 rng_;
};

}  // namespace

TEST_CASE("content written into a slot is the bytes it would be written in the template", "[render][html]") {
    for (unsigned seed = 1; seed <= 400; ++seed) {
        TreePage tree;
        html::Stream out;
        TwoWays(seed).fill(tree.main, out, 0, false);
        INFO("seed " << seed);
        REQUIRE(page_with_slot(out.take()) == tree.page());
    }
}

TEST_CASE("a stream escapes text and attribute values, and writes void and SVG elements as HTML does",
          "[render][html]") {
    html::Stream out;
    out.open("p", {{"title", "a \"quoted\" <b> & more"}});
    out.text("1 < 2 & \"3\" > 0");
    out.element("br");
    out.close();
    out.open("svg");
    out.element("rect", {{"width", "2"}});
    out.element_text("text", "x<y");
    out.element_text("title", "");
    out.close();
    out.element_text("script", "let s = \"</script><b>\";");
    CHECK(out.take() ==
          "\n<p title=\"a &quot;quoted&quot; &lt;b&gt; &amp; more\">1 &lt; 2 &amp; \"3\" &gt; 0<br></p>"
          "\n<svg><rect width=\"2\"/><text>x&lt;y</text>\n<title/></svg>"  // <title> is a block name, in SVG too
          "\n<script>let s = \"<\\/script><b>\";</script>");
}

TEST_CASE("script text cannot end its element, in any case of its name", "[render][html]") {
    html::Stream out;
    out.element_text("script", "a</SCRIPT>b</Script c</scrip d</ e</style>");
    CHECK(out.take() == "\n<script>a<\\/SCRIPT>b<\\/Script c</scrip d</ e</style></script>");
    out.element_text("style", "p{}</STYLE><script>");
    CHECK(out.take() == "<style>p{}<\\/STYLE><script></style>");
}

TEST_CASE("a stream takes back an element that turned out empty", "[render][html]") {
    html::Stream out;
    out.open("section");
    html::Stream::Mark before = out.mark();
    out.open("div", {{"class", "chart-grid"}});
    html::Stream::Mark inside = out.mark();
    CHECK(out.nothing_since(inside));
    out.rollback(before);
    out.element_text("p", "after");
    out.close();
    CHECK(out.written() == "\n<section>\n<p>after</p></section>");
    // Inside SVG, an element's start tag waits for its content: taking back a child leaves
    // it as it was, closed with "/>" if nothing else comes.
    html::Stream svg;
    svg.open("svg");
    html::Stream::Mark empty = svg.mark();
    svg.element("rect");
    svg.rollback(empty);
    svg.close();
    CHECK(svg.take() == "\n<svg/>");
}

TEST_CASE("a slot used twice in a template holds its content both times", "[render][html]") {
    pugi::xml_document tmpl;
    REQUIRE(tmpl.load_string("<html><body><nav data-slot=\"crumbs\"/><main data-if=\"crumbs\">x</main>"
                             "<footer data-slot=\"crumbs\"/></body></html>"));
    Bindings b;
    b.slots["crumbs"] = "<a href=\"../\">Home</a>";
    std::set<std::string> unknown;
    std::string page = apply_template(tmpl, b, "", unknown);
    CHECK(page.find("<nav><a href=\"../\">Home</a></nav>") != std::string::npos);
    CHECK(page.find("<footer><a href=\"../\">Home</a></footer>") != std::string::npos);
    CHECK(page.find("<main>x</main>") != std::string::npos);
    // An empty slot fails data-if.
    b.slots["crumbs"].clear();
    CHECK(apply_template(tmpl, b, "", unknown).find("<main") == std::string::npos);
}

TEST_CASE("a stream records the links and ids that reading its HTML back finds", "[render][html][links]") {
    // scan_links reads a written page; the build takes the stream's record instead, so
    // the two must agree on every page: each link once in page order (entities decoded,
    // two spellings of one link one link), ids sorted and once, <base href>.
    for (unsigned seed = 1; seed <= 400; ++seed) {
        TreePage tree;
        html::Stream out;
        TwoWays(seed).fill(tree.main, out, 0, false);
        INFO("seed " << seed);
        CHECK(out.take_links() == scan_links(out.written()));

        // The same content in a template's slot, between the template's own links.
        pugi::xml_document tmpl;
        REQUIRE(tmpl.load_string("<html><head><base href=\"b/\"/></head><body id=\"top\">"
                                 "<a href=\"same.html\">s</a><main data-slot=\"content\"/>"
                                 "<FORM ACTION=\"search/\"><A HREF=\"index.html#top\">t</A></FORM></body></html>"));
        html::Stream again;
        TwoWays(seed).fill(tree.main, again, 0, false);
        Bindings b;
        b.slot_links["content"] = again.take_links();
        b.slots["content"] = again.take();
        std::set<std::string> unknown;
        ScannedLinks recorded;
        std::string page = apply_template(tmpl, b, "", unknown, &recorded);
        CHECK(recorded == scan_links(page));
        CHECK(recorded.base == "b/");
    }
}

TEST_CASE("links written and taken back are not recorded", "[render][html][links]") {
    html::Stream out;
    out.open("div", {{"id", "kept"}});
    out.element_text("a", "kept", {{"href", "kept.html"}});
    html::Stream::Mark before = out.mark();
    out.open("div", {{"id", "gone"}});
    out.element_text("a", "gone", {{"href", "gone.html"}});
    out.element("img", {{"src", "gone.png"}});
    out.close();
    out.rollback(before);
    out.close();
    ScannedLinks links = out.take_links();
    CHECK(links.links == std::vector<std::string>{"kept.html"});
    CHECK(links.ids == std::vector<std::string>{"kept"});
    CHECK(links == scan_links(out.written()));
}
