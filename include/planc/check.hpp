#pragma once
/// The check stage: reads the model and reports findings. Never prints, never exits.

#include "planc/diagnostics.hpp"
#include "planc/model.hpp"

namespace planc {

/// Runs every check over the whole project (partnership glossaries, all plans), then
/// applies `<!-- planc: allow CODE -->` suppressions and reports unused ones.
void check_project(const Project& project, Diagnostics& diags);

/// Counts for the build summary ("17 targets, 12 complete, 5 with gaps").
struct TargetSummary {
    std::size_t targets = 0;
    std::size_t complete = 0;
    std::size_t with_gaps = 0;
    std::size_t unreadable = 0;
};
TargetSummary summarise_targets(const Project& project);

}  // namespace planc
