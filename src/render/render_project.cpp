// Every output of a project: open data per document, the pages and leaflets, then the
// check of every link in what was written (see render/pages.hpp, render_site).

#include "planc/build.hpp"
#include "render/pages.hpp"

namespace planc {

void render_project(const Project& project, OutputSink& out, Diagnostics& diags) {
    render_site(project, out, diags);
}

}  // namespace planc
