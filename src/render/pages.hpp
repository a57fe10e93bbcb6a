#pragma once
// The site's HTML pages (internal to src/render).

#include "planc/diagnostics.hpp"
#include "planc/model.hpp"
#include "planc/output.hpp"

namespace planc {

/// Writes every HTML page of the site (and its assets) into `out`.
void render_pages(const Project& project, OutputSink& out, Diagnostics& diags);

}  // namespace planc
