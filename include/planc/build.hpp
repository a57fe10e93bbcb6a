#pragma once
/// `planc build`: load, check, render, publish — each a named step.

#include <cstddef>
#include <memory>
#include <string>

#include "planc/diagnostics.hpp"
#include "planc/model.hpp"
#include "planc/output.hpp"

namespace planc {

struct BuildOptions {
    std::string out_dir = "site";
    bool strict = false;
    /// Print each leaflet to leaflet.pdf with weasyprint, when it is installed. A
    /// separate process per leaflet: by far the slowest step, so it can be turned off.
    bool leaflet_pdf = true;
};

/// True when leaflet PDFs can be printed here (weasyprint is installed).
bool leaflet_printing_available();

/// Renders every output of the project (site pages, leaflets, open data) into `out`.
/// Throws std::runtime_error when a file cannot be written.
void render_project(const Project& project, OutputSink& out, Diagnostics& diags, const BuildOptions& options = {});

/// The same render one document at a time, for a build that renders each document as
/// soon as it is parsed and checked, and then keeps only its outline:
///
///     SiteRender site(project, out, diags, options, documents);  // partnerships loaded
///     site.render_document(i, partnership, doc);  // each document, any thread, any order
///     site.finish();                              // documents may be outlines by now
///
/// The files written and the findings are those of render_project.
class SiteRender {
public:
    /// Loads the theme of `project` (whose settings and partnerships are loaded) and
    /// writes its assets. `documents` is how many documents the project will have.
    SiteRender(const Project& project, OutputSink& out, Diagnostics& diags, const BuildOptions& options,
               std::size_t documents);
    ~SiteRender();
    SiteRender(const SiteRender&) = delete;
    SiteRender& operator=(const SiteRender&) = delete;

    /// Renders document `index` (its place in project order: each partnership, then its
    /// documents): its pages, leaflet and open data. Safe from several threads at once.
    void render_document(std::size_t index, const Partnership& partnership, const Document& doc);
    /// Renders partnership `index`'s own pages (its page and glossary), which list its
    /// documents: call it once all of them are parsed (outlines will do). Safe from
    /// several threads at once, each with its own partnership.
    void render_partnership(std::size_t index);
    /// The partnerships' pages not rendered yet, the pages that list everything, search,
    /// content files, leaflet PDFs and the link check of everything written. Findings go
    /// to `diags`.
    void finish();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace planc
