// The list of checks, in the order they run. Findings are sorted by position afterwards,
// so the order only matters for reading this list.

#include "check/checks.hpp"

namespace planc {

const std::vector<DocumentCheck>& document_checks() {
    static const std::vector<DocumentCheck> checks = {
        {"target-fields", checks::check_target_fields},
        {"target-arithmetic", checks::check_target_arithmetic},
        {"periods", checks::check_periods},
        {"duplicate-targets", checks::check_duplicate_targets},
        {"priorities", checks::check_priorities},
        {"abbreviations", checks::check_abbreviations},
        {"action-plan", checks::check_action_plan},
        {"tables", checks::check_tables},
        {"placeholders", checks::check_placeholders},
        {"links", checks::check_links},
    };
    return checks;
}

const std::vector<PartnershipCheck>& partnership_checks() {
    static const std::vector<PartnershipCheck> checks = {
        {"indicators", checks::check_indicators},
    };
    return checks;
}

}  // namespace planc
