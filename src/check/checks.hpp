#pragma once
// The registry of checks: each check is a small function in its own file that reads
// the model and reports findings. Internal to src/check.

#include <string_view>
#include <vector>

#include "planc/diagnostics.hpp"
#include "planc/model.hpp"

namespace planc {

/// What a check sees: the whole project (glossaries, other plans), the partnership and
/// the document being checked, and where to report.
struct CheckContext {
    const Project& project;
    const Partnership& partnership;
    const Document& doc;
    Diagnostics& diags;
};

struct DocumentCheck {
    std::string_view name;
    void (*run)(const CheckContext&);
};

/// Every document check, in a fixed order.
const std::vector<DocumentCheck>& document_checks();

}  // namespace planc
