// libFuzzer target: the whole pipeline on one document.
//
// bytes -> parse_document (front matter, Markdown, raw HTML) -> a Project with one
// partnership -> check_project -> render (site pages, open data, link check) into a
// MemoryOutput -> every .html page must be safe (tests/fuzz/html_safety.hpp): no script
// but the theme's, no javascript:/data:/vbscript: URL, no event attribute; every file
// written must be valid UTF-8; the renderer must not throw.
//
// The render is render_project's (render_site) with the leaflet PDF turned off: the PDF
// runs an external program, which is neither fuzzable nor fast.
// Built and run by tests/fuzz/run.sh.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "html_safety.hpp"
#include "parse/source_text.hpp"
#include "planc/check.hpp"
#include "planc/diagnostics.hpp"
#include "planc/model.hpp"
#include "planc/output.hpp"
#include "planc/parse.hpp"
#include "render/pages.hpp"

namespace {

constexpr const char* kIndex = R"(---
name: "Fuzzshire Community Safety Partnership"
short: FCSP
area: "Fuzzshire"
---

## Glossary

| Term | Meaning |
|---|---|
| ASB | Anti-social behaviour |
)";

const planc::Partnership& base_partnership() {
    static const planc::Partnership p = [] {
        planc::Diagnostics d;
        planc::Partnership out = planc::parse_partnership_index("content/fuzzshire/_index.md", kIndex, d);
        out.slug = "fuzzshire";
        out.index_path = "content/fuzzshire/_index.md";
        return out;
    }();
    return p;
}

bool ends_with(const std::string& s, std::string_view end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}
bool is_html(const std::string& path) { return ends_with(path, ".html"); }
bool is_text(const std::string& path) {
    return is_html(path) || ends_with(path, ".json") || ends_with(path, ".csv") || ends_with(path, ".xml");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 256 * 1024) return -1;  // large inputs have their own tests (tests/unit/bad_input_test.cpp)
    std::string text(reinterpret_cast<const char*>(data), size);

    planc::Diagnostics diags;
    planc::Project project;
    project.root = PLANC_SOURCE_DIR;  // the repository: themes/default is read from here
    project.settings.base_url = "https://plans.example.gov.uk/";
    planc::Partnership partnership = base_partnership();
    partnership.documents.push_back(planc::parse_document("content/fuzzshire/2009-10.md", text, diags));
    project.partnerships.push_back(std::move(partnership));

    planc::check_project(project, diags);
    diags.sort();
    // Every diagnostic must point into a file with a sane position.
    for (const auto& d : diags.items()) {
        if (d.message.empty()) {
            std::fprintf(stderr, "diagnostic %s without a message\n", std::string(planc::info(d.code).code).c_str());
            std::abort();
        }
    }

    planc::MemoryOutput out;
    planc::RenderOptions options;
    options.pdf = false;
    try {
        planc::render_site(project, out, diags, options);
    } catch (const std::exception& e) {
        // A MemoryOutput never fails to write: an exception here is a renderer bug.
        std::fprintf(stderr, "render threw: %s\n", e.what());
        std::abort();
    }
    for (const auto& [path, bytes] : out.files) {
        // Input that reached the renderer was valid UTF-8; so must every file be.
        if (std::size_t bad = 0; is_text(path) && !planc::valid_utf8(bytes, &bad)) {
            std::fprintf(stderr, "invalid UTF-8 in %s at byte %zu\n", path.c_str(), bad);
            std::abort();
        }
        if (!is_html(path)) continue;
        std::string problem = planc::safety::find_unsafe_markup(bytes);
        if (!problem.empty()) {
            std::fprintf(stderr, "unsafe markup in %s: %s\n", path.c_str(), problem.c_str());
            std::abort();
        }
    }
    return 0;
}
