// Tables with meaning: targets, action plan, approval, indicator status, performance,
// survey. Columns are found by their header words, so column order does not matter.

#include <optional>

#include "parse/parse_internal.hpp"
#include "planc/target_grammar.hpp"

namespace planc {

namespace {

/// True when `word` stands in `text` as the start of a word ("responsible" in
/// "responsible officer", "milestone" in "milestones", but not "rag" in "average").
bool contains_word(std::string_view text, std::string_view word) {
    auto is_alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    for (std::size_t at = text.find(word); at != std::string_view::npos; at = text.find(word, at + 1)) {
        bool starts_word = at == 0 || !is_alnum(text[at - 1]) || !is_alnum(word.front());
        if (starts_word) return true;
    }
    return false;
}

/// Column positions found in a header row, by the words they contain.
class Columns {
public:
    explicit Columns(const TableRow& header) {
        for (const auto& cell : header.cells) names_.push_back(ascii_lower(cell.text));
    }

    /// First column whose header contains any of `words` (and none of `except`).
    [[nodiscard]] std::optional<std::size_t> find(std::initializer_list<std::string_view> words,
                                                  std::initializer_list<std::string_view> except = {}) const {
        for (std::size_t i = 0; i < names_.size(); ++i) {
            bool excluded = false;
            for (auto e : except) excluded = excluded || contains_word(names_[i], e);
            if (excluded) continue;
            for (auto w : words)
                if (contains_word(names_[i], w)) return i;
        }
        return std::nullopt;
    }
    [[nodiscard]] std::size_t size() const { return names_.size(); }

private:
    std::vector<std::string> names_;
};

Cell cell_at(const TableRow& row, std::optional<std::size_t> column) {
    if (!column || *column >= row.cells.size()) return Cell{"", row.span};
    const TableCell& c = row.cells[*column];
    return Cell{c.text, c.span};
}

Quantity quantity_at(const TableRow& row, std::optional<std::size_t> column) {
    Cell c = cell_at(row, column);
    Quantity q = read_quantity(c.text);
    q.span = c.span;
    return q;
}

bool is_targets_table(const Columns& cols) {
    return cols.find({"baseline"}) && cols.find({"target"}, {"baseline"});
}

void read_action_plan(const Table& t, const Columns& cols, Document& doc) {
    auto recommendation = cols.find({"recommendation", "action", "objective"}, {"key activity"});
    auto activity = cols.find({"activity", "task"});
    auto owner = cols.find({"responsible", "owner", "lead", "who"});
    auto milestones = cols.find({"milestone"});
    auto progress = cols.find({"progress"});
    auto due = cols.find({"date", "due", "deadline", "completion", "by when"});
    for (const TableRow& row : t.rows) {
        ActionPlanRow r;
        r.span = row.span;
        r.recommendation = cell_at(row, recommendation ? recommendation : std::optional<std::size_t>(0));
        r.activity = cell_at(row, activity);
        r.owner = cell_at(row, owner);
        r.milestones = cell_at(row, milestones);
        r.progress = cell_at(row, progress);
        r.due = cell_at(row, due);
        r.due_date = parse_plan_date(r.due.text);
        doc.action_plan.push_back(std::move(r));
    }
}

void read_approval(const Table& t, const Columns& cols, Document& doc) {
    auto meeting = cols.find({"meeting"});
    auto when = cols.find({"date", "when", "time"});
    auto actions = cols.find({"action"});
    auto lead = cols.find({"lead", "owner", "officer"});
    for (const TableRow& row : t.rows) {
        ApprovalStep s;
        s.span = row.span;
        s.meeting = cell_at(row, meeting ? meeting : std::optional<std::size_t>(0));
        s.when = cell_at(row, when);
        s.actions = cell_at(row, actions);
        s.lead = cell_at(row, lead);
        // The date is the first part of "11.11.08, Whitwick Business Centre".
        std::string_view text = s.when.text;
        s.date = parse_plan_date(trim(text.substr(0, text.find(','))));
        doc.approval.push_back(std::move(s));
    }
}

void read_indicator_status(const Table& t, const Columns& cols, Document& doc) {
    auto status = cols.find({"status", "rag"});
    auto indicator = cols.find({"indicator", "ni", "code", "measure"}, {"status", "description"});
    auto description = cols.find({"description", "title", "name", "measure"}, {"status"});
    if (!indicator) indicator = 0;
    if (description == indicator) description = indicator && *indicator + 1 < cols.size() && *indicator + 1 != *status
                                                    ? std::optional<std::size_t>(*indicator + 1)
                                                    : std::nullopt;
    for (const TableRow& row : t.rows) {
        IndicatorStatus s;
        s.span = row.span;
        s.indicator = cell_at(row, indicator);
        s.description = cell_at(row, description);
        s.status = cell_at(row, status);
        doc.indicator_statuses.push_back(std::move(s));
    }
}

void read_performance(const Table& t, const Columns& cols, const std::string& section_id, Document& doc) {
    auto milestone = cols.find({"milestone", "target"}, {"difference", "from"});
    auto value = cols.find({"value", "actual", "outturn"});
    if (!value && milestone && *milestone > 0) value = *milestone - 1;  // "Area | NI 16 | Milestone"
    auto performance = cols.find({"performance", "%"}, {"difference"});
    auto difference = cols.find({"difference"});
    auto previous = cols.find({"previous"});
    auto trend = cols.find({"change", "trend", "direction", "up/down"});
    PerformanceTable table;
    table.section_id = section_id;
    table.span = t.header.span;
    for (const TableRow& row : t.rows) {
        PerformanceRow r;
        r.span = row.span;
        r.indicator = cell_at(row, 0);
        r.value = quantity_at(row, value);
        r.milestone = quantity_at(row, milestone);
        r.performance = quantity_at(row, performance);
        r.difference = quantity_at(row, difference);
        r.previous = quantity_at(row, previous);
        r.trend = cell_at(row, trend);
        table.rows.push_back(std::move(r));
    }
    doc.performance.push_back(std::move(table));
}

void read_survey(const Table& t, const Columns& cols, const std::string& section_id, Document& doc) {
    auto percent = cols.find({"%", "percent"});
    auto count = cols.find({"count", "number", "responses"}, {"%", "percent"});
    SurveyTable table;
    table.section_id = section_id;
    table.span = t.header.span;
    for (const TableRow& row : t.rows) {
        SurveyRow r;
        r.span = row.span;
        r.answer = cell_at(row, 0);
        r.percent = quantity_at(row, percent);
        r.count = quantity_at(row, count);
        table.rows.push_back(std::move(r));
    }
    doc.surveys.push_back(std::move(table));
}

/// Reads one table in a section of kind `kind`.
void read_table(const Table& t, SectionKind kind, const std::string& section_id, Document& doc) {
    Columns cols(t.header);
    if (is_targets_table(cols)) return;  // read with its priority
    if (kind == SectionKind::ActionPlan ||
        (cols.find({"milestone"}) && cols.find({"responsible", "owner"}) && !cols.find({"previous"}))) {
        read_action_plan(t, cols, doc);
        return;
    }
    if (kind == SectionKind::Approval || cols.find({"meeting"})) {
        read_approval(t, cols, doc);
        return;
    }
    if (cols.find({"milestone"}) && (cols.find({"difference"}) || cols.find({"previous"}))) {
        read_performance(t, cols, section_id, doc);
        return;
    }
    if (cols.find({"status", "rag"})) {
        read_indicator_status(t, cols, doc);
        return;
    }
    if (cols.find({"%", "percent"}) && cols.find({"count", "number", "responses"}, {"%", "percent"})) {
        read_survey(t, cols, section_id, doc);
    }
}

void read_tables_in(const Section& section, SectionKind kind, Document& doc) {
    for (const Block& b : section.blocks)
        if (b.kind == BlockKind::Table) read_table(*b.table, kind, section.id, doc);
    for (const Section& child : section.children) read_tables_in(child, kind, doc);
}

}  // namespace

bool read_targets_table(const Table& table, std::vector<Target>& out) {
    Columns cols(table.header);
    if (!is_targets_table(cols)) return false;
    auto baseline = cols.find({"baseline"});
    auto target = cols.find({"target"}, {"baseline"});
    auto objective = cols.find({"objective", "measure", "indicator"});
    if (!objective) objective = 0;
    auto timescale = cols.find({"timescale", "by", "deadline", "date", "when"});
    for (const TableRow& row : table.rows) {
        if (row.cells.empty()) continue;
        const TableCell* obj = *objective < row.cells.size() ? &row.cells[*objective] : nullptr;
        Cell base = cell_at(row, baseline);
        Cell goal = cell_at(row, target);
        Cell when = cell_at(row, timescale);
        Target t = read_target_row(obj ? obj->text : "", base.text, when.text, goal.text);
        if (obj) {
            AnchoredText text = anchored_text(obj->content);
            t.span = text.anchors.empty() ? obj->span : text.span(0, text.text.size());
            t.gap_span = text.map(t.gap_span);
            t.change.span = text.map(t.change.span);
            t.from.span = text.map(t.from.span);
            // A deadline in the sentence keeps its place; one from the Timescale cell
            // points at the cell.
            t.deadline_span = t.deadline_span.known() && !when.text.empty() ? when.span : text.map(t.deadline_span);
            t.baseline_year_span = text.map(t.baseline_year_span);
        } else {
            t.span = row.span;
        }
        if (!t.deadline_span.known() && !when.text.empty()) t.deadline_span = when.span;
        t.baseline.span = base.span;
        t.target_value.span = goal.span;
        if (t.gaps.size() && !t.gap_span.known()) {
            for (const Cell* c : {&base, &when, &goal})
                if (find_gap(c->text)) {
                    t.gap_span = c->span;
                    break;
                }
        }
        t.from_table = true;
        out.push_back(std::move(t));
    }
    return true;
}

void read_document_tables(const Section& section, Document& doc, const ParseContext& ctx) {
    (void)ctx;
    read_tables_in(section, section.kind, doc);
}

}  // namespace planc
