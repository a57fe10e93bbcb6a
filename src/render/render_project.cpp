// Every output of a project: open data per document, the pages and leaflets, then the
// check of every link in what was written (see render/pages.hpp, render_site).

#include "planc/build.hpp"
#include "render/pages.hpp"

namespace planc {

bool leaflet_printing_available() { return weasyprint_available(); }

void render_project(const Project& project, OutputSink& out, Diagnostics& diags, const BuildOptions& options) {
    RenderOptions render;
    render.pdf = options.leaflet_pdf;
    render_site(project, out, diags, render);
}

}  // namespace planc
