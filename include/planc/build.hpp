#pragma once
/// `planc build`: load, check, render, publish — each a named step.

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

/// Renders every output of the project (site pages, leaflets, open data) into `out`.
/// Throws std::runtime_error when a file cannot be written.
void render_project(const Project& project, OutputSink& out, Diagnostics& diags, const BuildOptions& options = {});

}  // namespace planc
