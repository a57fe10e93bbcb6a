#pragma once
// The registry of checks: each check is a small function in its own file that reads
// the model and reports findings. Internal to src/check.

#include <memory>
#include <string_view>
#include <vector>

#include "planc/check.hpp"
#include "planc/diagnostics.hpp"
#include "planc/model.hpp"

namespace planc {

/// What a check sees: the whole project (glossaries, other plans), the partnership and
/// the document being checked, and where to report.
class LineIndex;
namespace checks {
struct TextPiece;
}

struct CheckContext {
    const Project& project;
    const Partnership& partnership;
    const Document& doc;
    Diagnostics& diags;
    /// The document's line index, built on first use (see check_support.hpp).
    mutable std::shared_ptr<const LineIndex> lines = nullptr;
    /// Every text of the document with its anchors, built on first use and shared by the
    /// checks that read prose (see for_each_text in check_support.hpp).
    mutable std::shared_ptr<const std::vector<checks::TextPiece>> texts = nullptr;
    /// Where links to other documents go, for finish_checks (see CrossDocumentLink);
    /// null: they are checked at once (finish_checks itself).
    std::vector<CrossDocumentLink>* cross_links = nullptr;
};

struct DocumentCheck {
    std::string_view name;
    void (*run)(const CheckContext&);
};

/// What a partnership-wide check sees: every document of one partnership at once.
struct PartnershipContext {
    const Project& project;
    const Partnership& partnership;
    Diagnostics& diags;
};

struct PartnershipCheck {
    std::string_view name;
    void (*run)(const PartnershipContext&);
};

/// Every document check, in a fixed order.
const std::vector<DocumentCheck>& document_checks();
/// Every partnership-wide check that reads only its partnership (run once per partnership,
/// after the document checks; check_document_ids runs after them all).
const std::vector<PartnershipCheck>& partnership_checks();

namespace checks {

// One function per check file (see registry.cpp for the order they run in).
void check_target_fields(const CheckContext& ctx);      ///< W101 W102 W103 W104 W119
void check_target_arithmetic(const CheckContext& ctx);  ///< W105 W106
void check_periods(const CheckContext& ctx);            ///< W107 W118
void check_duplicate_targets(const CheckContext& ctx);  ///< W108
void check_priorities(const CheckContext& ctx);         ///< W109 W110 W111
void check_abbreviations(const CheckContext& ctx);      ///< W112
void check_action_plan(const CheckContext& ctx);        ///< W114
void check_tables(const CheckContext& ctx);             ///< W115 W116
void check_placeholders(const CheckContext& ctx);       ///< W117
void check_links(const CheckContext& ctx);              ///< E004 E005
void check_indicators(const PartnershipContext& ctx);   ///< W113
/// E003: documents published at one address. Across the project (a partnership listed
/// twice by `planc check PATH...` meets an earlier one), so run once, after every
/// partnership's own checks; each finding goes to `by_partnership` of its document.
void check_document_ids(const Project& project, std::vector<Diagnostics>& by_partnership);
/// The links check_links left for later, now that every document is at least an outline;
/// and `previous:` (E004).
void check_cross_document_links(const CheckContext& ctx, const std::vector<CrossDocumentLink>& links);

}  // namespace checks

}  // namespace planc
