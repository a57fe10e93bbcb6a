#pragma once
/// The review report: one self-contained HTML page for the reviewer who approves a plan.

#include <string>

#include "planc/diagnostics.hpp"
#include "planc/model.hpp"

namespace planc {

/// Renders the report: per document a completeness summary (targets complete, with
/// gaps, unreadable; priorities without targets or leads), then every finding grouped
/// by priority, most severe first, each with its source excerpt and a link to the
/// line in the document's source, which is included at the end of the page. No
/// external assets: it opens offline and prints. `diags` must be sorted.
std::string render_review_report(const Project& project, const Diagnostics& diags);

}  // namespace planc
