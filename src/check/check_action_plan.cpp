// W114: an action plan row with a placeholder (TBC, ...., XX, "To follow") or nothing where its owner,
// milestones, progress or completion date should be. An empty cell counts only when
// other rows fill that column (so a plan without a progress column is not reported).
// One finding per row, at its first unfinished cell, naming every unfinished field.

#include "check/check_support.hpp"
#include "planc/target_grammar.hpp"

namespace planc::checks {

namespace {

struct Field {
    const char* name;
    const Cell ActionPlanRow::*cell;
};

constexpr Field kFields[] = {
    {"owner", &ActionPlanRow::owner},
    {"milestones", &ActionPlanRow::milestones},
    {"progress", &ActionPlanRow::progress},
    {"completion date", &ActionPlanRow::due},
};

}  // namespace

void check_action_plan(const CheckContext& ctx) {
    const auto& rows = ctx.doc.action_plan;
    bool column_used[std::size(kFields)] = {};
    for (const ActionPlanRow& row : rows)
        for (std::size_t f = 0; f < std::size(kFields); ++f)
            if (!std::string_view(trim((row.*kFields[f].cell).text)).empty()) column_used[f] = true;

    for (const ActionPlanRow& row : rows) {
        std::vector<std::string> missing;
        std::string placeholder;
        Span at;
        for (std::size_t f = 0; f < std::size(kFields); ++f) {
            const Cell& cell = row.*kFields[f].cell;
            std::string_view text = trim(cell.text);
            std::size_t where = 0;
            std::size_t length = 0;
            if (!text.empty() && (find_gap(text, &where, &length) ||
                                  find_placeholder_text(std::string(text), &where, &length))) {
                missing.push_back(kFields[f].name);
                std::string gap(text.substr(where, length));
                if (placeholder.empty()) placeholder = gap;
                if (!at.known()) at = locate(ctx, cell.span.known() ? cell.span : row.span, gap);
            } else if (text.empty() && column_used[f]) {
                missing.push_back(kFields[f].name);
                if (!at.known()) at = cell.span.known() ? cell.span : row.span;
            }
        }
        if (missing.empty()) continue;
        std::string message = "action has no ";
        for (std::size_t i = 0; i < missing.size(); ++i) {
            if (i > 0) message += i + 1 == missing.size() ? " or " : ", ";
            message += missing[i];
        }
        if (!placeholder.empty()) message += " (" + placeholder + ")";
        report(ctx, DiagCode::W114, message, at);
    }
}

}  // namespace planc::checks
