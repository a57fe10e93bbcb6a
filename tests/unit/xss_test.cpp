// Safe HTML: what an author writes is published as text, never as markup that runs.
//
// Every payload of tests/xss/payloads.txt is put in every place an author can write text
// (plain text, headings, priority titles and aims, leads, table cells, target sentences,
// list items, image alt text, emphasis, front matter title and vision, the partnership's
// name, members and glossary, raw HTML blocks and inline HTML); every address of
// tests/xss/link-targets.txt is used as a Markdown link, image, reference definition,
// autolink and raw HTML <a>/<img>. The whole site is rendered into memory and every page
// is scanned (tests/fuzz/html_safety.hpp, the fuzzer's check): no script but the
// theme's, no event attribute, no javascript:/vbscript:/data: address, and none of the
// payload's own tags verbatim.

#include <catch2/catch.hpp>

#include <regex>
#include <string>
#include <vector>

#include "../fuzz/html_safety.hpp"
#include "render_test_support.hpp"
#include "test_support.hpp"

using namespace planc;

namespace {

std::vector<std::string> read_lines(const std::string& file) {
    std::vector<std::string> out;
    std::string text = testing::read_file(testing::source_dir() + "/tests/xss/" + file);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        start = end + 1;
        if (line.empty() || line.rfind("# ", 0) == 0) continue;
        out.push_back(line);
    }
    return out;
}

std::string replace_all(std::string text, const std::string& marker, const std::string& with) {
    for (std::size_t at = 0; (at = text.find(marker, at)) != std::string::npos; at += with.size())
        text.replace(at, marker.size(), with);
    return text;
}

/// A YAML single-quoted scalar.
std::string yaml_quote(const std::string& s) { return "'" + replace_all(s, "'", "''") + "'"; }

const char* kIndexTemplate = R"(---
name: @YAML@
short: TCSP
area: @YAML@
---

## Members

- @P@
- Testshire Police

## Glossary

| Term | Meaning |
|---|---|
| ASB | @P@ |
| @P@ | Anti-social behaviour |
)";

const char* kPlanTemplate = R"(---
kind: plan
title: @YAML@
year: 2009/10
period: 2008/09-2010/11
status: approved
vision: @YAML@
---

## Introduction

Some text @P@ more text, *@P@* and **@P@**.

@P@

## @P@

| Name | Value |
|---|---|
| @P@ | 5 |
| Burglary | @P@ |

## Priority 1: @P@

> @P@

Lead: @P@

### Targets

1. To reduce @P@ by 5% by 2010/11 based on 2008/09 baseline.
2. @P@

### Actions

- ![@P@](https://example.org/chart.png) and [@P@](https://example.org)
- @P@

<div>
@P@
</div>

<ul><li>@P@</li></ul>

<table><tr><th>Term</th></tr><tr><td>@P@</td></tr></table>
)";

const char* kLinkTemplate = R"(---
title: Links
year: 2009/10
---

## Links

A [link](@U@) and an ![image](@U@) and a [reference][r] and <@U@>.

[r]: @U@

<p><a href="@U@">raw link</a> <img src="@U@" alt="raw image"/></p>

Inline <a href="@U@">raw link</a> here.
)";

/// Tags of the payload that carry attributes or are never allowed: none may appear in
/// the output as written.
std::vector<std::string> payload_tags(const std::string& payload) {
    std::vector<std::string> tags;
    static const std::regex tag("<[a-zA-Z][^<>]*>");
    for (auto it = std::sregex_iterator(payload.begin(), payload.end(), tag); it != std::sregex_iterator(); ++it) {
        std::string t = it->str();
        std::string lower = safety::lower(t);
        // (The theme writes a plain <style> itself, on standalone pages.)
        bool plain = std::regex_match(lower, std::regex("<(p|b|i|em|strong|sup|sub|ul|ol|li|table|tr|td|th|div|span|br|br/|style)>"));
        if (!plain) tags.push_back(t);
    }
    return tags;
}

struct Rendered {
    std::map<std::string, std::string> files;
    Diagnostics diags;
};

Rendered render_with(const std::string& index, const std::string& plan) {
    Rendered r;
    Project project = render_test::make_project({{"2009-10", plan}}, index.c_str());
    r.files = render_test::render(project, r.diags);
    return r;
}

/// Checks every page; returns how many pages were checked.
std::size_t check_pages(const Rendered& r, const std::string& payload) {
    std::size_t pages = 0;
    std::vector<std::string> tags = payload_tags(payload);
    for (const auto& [path, bytes] : r.files) {
        if (path == "search-index.js" || (path.rfind("search/", 0) == 0 && path != "search/index.html")) {
            // The search index scripts: author text in JSON strings, no '<' at all, so
            // they cannot end a script or open markup wherever they are put.
            INFO("payload: " << payload);
            CHECK(bytes.find('<') == std::string::npos);
        }
        if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html") != 0) continue;
        ++pages;
        INFO("payload: " << payload);
        INFO("page: " << path);
        CHECK(safety::find_unsafe_markup(bytes) == "");
        for (const std::string& t : tags) {
            INFO("tag: " << t);
            CHECK(bytes.find(t) == std::string::npos);
        }
    }
    return pages;
}

}  // namespace

TEST_CASE("the safety scanner finds what it must find", "[xss]") {
    using safety::find_unsafe_markup;
    CHECK(find_unsafe_markup("<p>a &lt;script&gt; b</p>") == "");
    CHECK(find_unsafe_markup("<script src=\"../assets/site.js\" defer=\"defer\"></script>") == "");
    CHECK(find_unsafe_markup("<script src=\"../search-index.js\" defer=\"defer\"></script>") == "");
    CHECK(find_unsafe_markup("<script src=\"https://evil.example/search-index.js\"></script>") != "");
    CHECK(find_unsafe_markup("<script src=\"../evil/search-index.js\"></script>") != "");
    CHECK(find_unsafe_markup("<script>alert(1)</script>") != "");
    CHECK(find_unsafe_markup("<script src=\"https://evil.example/assets/site.js\"></script>") != "");
    CHECK(find_unsafe_markup("<img src=\"x\" onerror=\"alert(1)\">") != "");
    CHECK(find_unsafe_markup("<a href=\" java&#x09;script:alert(1)\">") != "");
    CHECK(find_unsafe_markup("<a href=\"data:text/html,x\">") != "");
    CHECK(find_unsafe_markup("<iframe src=\"https://example.org\"></iframe>") != "");
    CHECK(find_unsafe_markup("<div style=\"width:expression(alert(1))\">") != "");
    CHECK(find_unsafe_markup("<a href=\"https://example.org/javascript:x\">") == "");
}

TEST_CASE("no XSS payload reaches a page as markup, wherever the author writes it", "[xss]") {
    std::vector<std::string> payloads = read_lines("payloads.txt");
    REQUIRE(payloads.size() >= 50);
    std::size_t pages = 0;
    for (const std::string& payload : payloads) {
        std::string index = replace_all(replace_all(kIndexTemplate, "@YAML@", yaml_quote(payload)), "@P@", payload);
        std::string plan = replace_all(replace_all(kPlanTemplate, "@YAML@", yaml_quote(payload)), "@P@", payload);
        Rendered r = render_with(index, plan);
        INFO("payload: " << payload);
        REQUIRE(r.files.count("testshire/2009-10/index.html") == 1);
        // The payload's words are still published (as text): nothing is silently lost
        // unless it was markup.
        pages += check_pages(r, payload);
    }
    CHECK(pages > payloads.size() * 8);
}

TEST_CASE("no script, vbscript or data address survives as a link or image", "[xss]") {
    std::vector<std::string> targets = read_lines("link-targets.txt");
    REQUIRE(targets.size() >= 15);
    for (const std::string& url : targets) {
        std::string plan = replace_all(kLinkTemplate, "@U@", url);
        Rendered r = render_with(render_test::kIndex, plan);
        INFO("address: " << url);
        REQUIRE(r.files.count("testshire/2009-10/index.html") == 1);
        check_pages(r, url);
        // The words of the links are kept.
        const std::string& page = r.files.at("testshire/2009-10/index.html");
        CHECK(page.find("raw link") != std::string::npos);
    }
}

TEST_CASE("escaped text stays text: the payload's words show, its markup does not", "[xss]") {
    std::string payload = "<script>alert(1)</script>";
    std::string plan = replace_all(replace_all(kPlanTemplate, "@YAML@", yaml_quote(payload)), "@P@", payload);
    Rendered r = render_with(render_test::kIndex, plan);
    const std::string& page = r.files.at("testshire/2009-10/index.html");
    // In the title and vision (front matter is text, not HTML) the tag is shown escaped.
    CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    CHECK(safety::find_unsafe_markup(page) == "");
}

TEST_CASE("unsafe raw HTML is removed with a W120 naming the place", "[xss]") {
    Diagnostics diags;
    Document doc = testing::parse_plan(
        "## Intro\n"                                                     // line 5
        "\n"
        "<p onclick=\"steal()\">Report <a href=\"javascript:go()\">here</a></p>\n"  // line 7
        "\n"
        "<script src=\"https://stats.example/t.js\"></script>\n"  // line 9
        "\n"
        "<div>\n"                                                       // line 11
        "<iframe src=\"https://example.org\"></iframe>\n"             // line 12
        "<img src=\"data:image/png;base64,AAAA\" alt=\"map\"/>\n"     // line 13
        "</div>\n",
        diags);
    std::vector<std::pair<std::uint32_t, std::string>> found;
    for (const auto& d : diags.items())
        if (d.code == DiagCode::W120) found.emplace_back(d.location.span.line, d.message);
    REQUIRE(found.size() == 5);
    CHECK(found[0].first == 7);
    CHECK(found[0].second == "raw HTML `onclick` attribute removed from `<p>`: it runs script");
    CHECK(found[1].first == 7);
    CHECK(found[1].second == "raw HTML link with a `javascript:` address removed; its text is kept");
    CHECK(found[2].first == 9);
    CHECK(found[2].second == "raw HTML `<script>` element removed: it is not safe to publish");
    CHECK(found[3].first == 12);
    CHECK(found[3].second == "raw HTML `<iframe>` element removed: it is not safe to publish");
    CHECK(found[4].first == 13);
    CHECK(found[4].second == "raw HTML `<img>` with a `data:` address removed");
    for (const auto& d : diags.items()) CHECK(d.location.file == "content/test/2009-10.md");
    // The words stay.
    REQUIRE_FALSE(doc.sections.empty());
    std::string words;
    for (const Block& b : doc.sections[0].blocks) words += plain_text(b.inlines) + "|";
    CHECK(words.find("Report here") != std::string::npos);
    CHECK(words.find("stats.example") == std::string::npos);
}

TEST_CASE("a Markdown link or image to a script address loses the address and keeps its text, with a W120",
          "[xss]") {
    Diagnostics diags;
    Document doc = testing::parse_plan(
        "## Intro\n"                                                      // line 5
        "\n"
        "Read [the summary](javascript:alert(1)) now.\n"                 // line 7
        "\n"
        "See ![the map](data:image/png;base64,AAAA) and [more](VBScript:x).\n"  // line 9
        "\n"
        "Inline <img src=x onerror=alert(1)> and <script>alert(2)</script> end.\n",  // line 11
        diags);
    std::vector<std::pair<Span, std::string>> found;
    for (const auto& d : diags.items())
        if (d.code == DiagCode::W120) found.emplace_back(d.location.span, d.message);
    REQUIRE(found.size() == 5);
    CHECK(found[0].first.line == 7);
    CHECK(found[0].first.column == 6);
    CHECK(found[0].second == "link to a `javascript:` address removed; its text is kept");
    CHECK(found[1].first.line == 9);
    CHECK(found[1].first.column == 5);
    CHECK(found[1].second == "image with a `data:` address removed; its description is kept");
    CHECK(found[2].first.line == 9);
    CHECK(found[2].second == "link to a `vbscript:` address removed; its text is kept");
    CHECK(found[3].first.line == 11);
    CHECK(found[3].first.column == 8);
    CHECK(found[3].second == "raw HTML `onerror` attribute removed: it is not safe to publish");
    CHECK(found[4].first.line == 11);
    CHECK(found[4].second == "raw HTML `<script>` element removed: it is not safe to publish");
    REQUIRE_FALSE(doc.sections.empty());
    REQUIRE(doc.sections[0].blocks.size() == 3);
    const InlineText& first = doc.sections[0].blocks[0].inlines;
    CHECK(plain_text(first) == "Read the summary now.");
    for (const Inline& in : first) CHECK(in.kind == InlineKind::Text);
    CHECK(plain_text(doc.sections[0].blocks[1].inlines) == "See the map and more.");
    // The script's text is not kept; the text around it is.
    CHECK(plain_text(doc.sections[0].blocks[2].inlines) == "Inline  and  end.");
    // No E005 for an address that was removed: W120 says it all.
    CHECK_FALSE(testing::has_code(diags, DiagCode::E005));
}

TEST_CASE("safe raw HTML and links are kept without a warning", "[xss]") {
    Diagnostics diags;
    Document doc = testing::parse_plan(
        "## Intro\n\n"
        "<ul><li><a href=\"https://example.org\">web</a></li><li><a href=\"mailto:a@b.example\">mail</a></li>"
        "<li><a href=\"2008-09.md\">last year</a> <b>bold</b><sup>2</sup><br/></li></ul>\n\n"
        "[web](https://example.org) [mail](mailto:a@b.example) [phone](tel:01234567890)\n",
        diags);
    CHECK_FALSE(testing::has_code(diags, DiagCode::W120));
    REQUIRE_FALSE(doc.sections.empty());
    REQUIRE(doc.sections[0].blocks.size() == 2);
    const Block& list = doc.sections[0].blocks[0];
    REQUIRE(list.items->size() == 3);
    CHECK((*list.items)[0].blocks[0].inlines[0].kind == InlineKind::Link);
    CHECK(*(*list.items)[0].blocks[0].inlines[0].url == "https://example.org");
}
