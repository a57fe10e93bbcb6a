// Open data, JSON form: the document model as plan.json (also `planc dump`).
//
// The layout is described, property by property, in docs/schema/plan.schema.json; keep the
// two in step. Keys are written in a fixed order so the same model always gives the same
// bytes. Rules that hold throughout:
//   - text fields are strings; an empty string means the source did not give one;
//   - numbers, dates and quantities are null when unknown (a gap is null, never 0);
//   - a whole number is written as an integer (705, not 705.0);
//   - an element's position is its 1-based source `line` (null when unknown), targets and
//     suppressions carry a `source` span {line, column[, end_line, end_column]}.

#include <cmath>
#include <cstdint>
#include <string>

#include "planc/data_output.hpp"

namespace planc {

using Json = nlohmann::ordered_json;

namespace {

/// Adds `key` to the object `j` (made an object if it is still null). Every key is new:
/// each is written once, so this appends instead of looking the key up first as
/// `j[key] = value` does (an ordered_json object is searched key by key, which made
/// building plan.json quadratic in the number of fields).
template <class Value>
void put(Json& j, const char* key, Value&& value) {
    if (j.is_null()) j = Json::object();
    auto& fields = static_cast<Json::object_t::Container&>(j.get_ref<Json::object_t&>());
    fields.emplace_back(key, std::forward<Value>(value));
}

// ---------------------------------------------------------------------------------
// Scalars

/// A number as JSON: integral values as integers, so 705 is never dumped as 705.0.
Json number(double value) {
    if (!std::isfinite(value)) return nullptr;
    constexpr double kExactIntegers = 9007199254740992.0;  // 2^53
    if (value == std::trunc(value) && std::fabs(value) < kExactIntegers) {
        return static_cast<std::int64_t>(value);  // also turns -0.0 into 0
    }
    return value;
}

Json line_of(const Span& span) {
    if (!span.known()) return nullptr;
    return span.line;
}

/// A source span; the end is given only when the parser recorded it.
Json span_json(const Span& span) {
    if (!span.known()) return nullptr;
    Json j;
    put(j, "line", span.line);
    put(j, "column", span.column);
    if (span.end_line != 0) {
        put(j, "end_line", span.end_line);
        put(j, "end_column", span.end_column);
    }
    return j;
}

Json date_json(const std::optional<PlanDate>& date) {
    if (!date) return nullptr;
    Json j;
    put(j, "text", date->text);
    put(j, "iso", date->iso());
    put(j, "fy_end", date->fy_end());
    return j;
}

Json period_json(const std::optional<PlanPeriod>& period) {
    if (!period) return nullptr;
    Json j;
    put(j, "text", period->text);
    put(j, "first", date_json(period->first));
    put(j, "last", date_json(period->last));
    return j;
}

/// A quantity, or null when the source has nothing there at all.
Json quantity_json(const Quantity& q) {
    if (q.text.empty() && !q.value && !q.gap) return nullptr;
    Json j;
    put(j, "text", q.text);
    put(j, "value", q.value && !q.gap ? number(*q.value) : Json(nullptr));
    put(j, "percent", q.percent);
    put(j, "unit", q.unit);
    put(j, "decimals", q.decimals);
    put(j, "gap", q.gap);
    return j;
}

Json strings_json(const std::vector<std::string>& items) {
    Json j = Json::array();
    for (const std::string& item : items) j.push_back(item);
    return j;
}

// ---------------------------------------------------------------------------------
// Rich text
//
// A run of inline text is written either as `"text": "..."` (no markup at all) or as
// `"content": [...]`, an array of plain strings and markup nodes. Table cells follow the
// same rule without the key: a string, or a content array.

bool is_plain(const InlineText& text) {
    for (const Inline& node : text) {
        if (node.kind != InlineKind::Text) return false;
    }
    return true;
}

std::string joined_text(const InlineText& text) {
    std::string out;
    for (const Inline& node : text) out += node.text;
    return out;
}

Json inline_content(const InlineText& text);

const char* inline_type(InlineKind kind) {
    switch (kind) {
        case InlineKind::Text:
            return "text";
        case InlineKind::Emphasis:
            return "emphasis";
        case InlineKind::Strong:
            return "strong";
        case InlineKind::Code:
            return "code";
        case InlineKind::Link:
            return "link";
        case InlineKind::Image:
            return "image";
        case InlineKind::LineBreak:
            return "line-break";
        case InlineKind::Superscript:
            return "superscript";
        case InlineKind::Subscript:
            return "subscript";
        case InlineKind::Strikethrough:
            return "strikethrough";
    }
    return "text";
}

/// Adds `text` or `content` to a node that holds inline text.
void put_inline_text(Json& j, const InlineText& text) {
    if (is_plain(text)) {
        put(j, "text", joined_text(text));
    } else {
        put(j, "content", inline_content(text));
    }
}

Json inline_node(const Inline& node) {
    Json j;
    put(j, "type", inline_type(node.kind));
    switch (node.kind) {
        case InlineKind::Text:
        case InlineKind::Code:
            put(j, "text", node.text);
            break;
        case InlineKind::LineBreak:
            break;
        case InlineKind::Image:
            put(j, "url", *node.url);
            put(j, "alt", node.text.empty() ? plain_text(*node.children) : node.text);
            break;
        case InlineKind::Link:
            put(j, "url", *node.url);
            [[fallthrough]];
        case InlineKind::Emphasis:
        case InlineKind::Strong:
        case InlineKind::Superscript:
        case InlineKind::Subscript:
        case InlineKind::Strikethrough:
            if (node.children->empty()) {
                put(j, "text", node.text);
            } else {
                put_inline_text(j, *node.children);
            }
            break;
    }
    return j;
}

Json inline_content(const InlineText& text) {
    Json out = Json::array();
    std::string run;  // adjacent text nodes become one string
    for (const Inline& node : text) {
        if (node.kind == InlineKind::Text) {
            run += node.text;
            continue;
        }
        if (!run.empty()) out.push_back(std::move(run));
        run.clear();
        out.push_back(inline_node(node));
    }
    if (!run.empty()) out.push_back(std::move(run));
    return out;
}

Json cell_json(const TableCell& cell) {
    if (is_plain(cell.content)) return cell.text.empty() ? joined_text(cell.content) : cell.text;
    return inline_content(cell.content);
}

Json row_json(const TableRow& row) {
    Json j = Json::array();
    for (const TableCell& cell : row.cells) j.push_back(cell_json(cell));
    return j;
}

const char* align_name(CellAlign align) {
    switch (align) {
        case CellAlign::None:
            return "none";
        case CellAlign::Left:
            return "left";
        case CellAlign::Center:
            return "center";
        case CellAlign::Right:
            return "right";
    }
    return "none";
}

Json blocks_json(const std::vector<Block>& blocks);

Json block_json(const Block& block) {
    Json j;
    switch (block.kind) {
        case BlockKind::Paragraph:
            put(j, "type", "paragraph");
            put_inline_text(j, block.inlines);
            break;
        case BlockKind::Heading:
            put(j, "type", "heading");
            put(j, "level", block.level);
            put_inline_text(j, block.inlines);
            break;
        case BlockKind::List: {
            put(j, "type", "list");
            put(j, "ordered", block.ordered);
            if (block.ordered) put(j, "start", block.start);
            Json items = Json::array();
            for (const ListItem& item : *block.items) items.push_back(blocks_json(item.blocks));
            put(j, "items", std::move(items));
            break;
        }
        case BlockKind::Table: {
            put(j, "type", "table");
            bool aligned = false;
            for (CellAlign a : block.table->align) aligned = aligned || a != CellAlign::None;
            if (aligned) {
                Json align = Json::array();
                for (CellAlign a : block.table->align) align.push_back(align_name(a));
                put(j, "align", std::move(align));
            }
            put(j, "header", row_json(block.table->header));
            Json rows = Json::array();
            for (const TableRow& row : block.table->rows) rows.push_back(row_json(row));
            put(j, "rows", std::move(rows));
            break;
        }
        case BlockKind::Quote:
            put(j, "type", "quote");
            put(j, "blocks", blocks_json(*block.children));
            break;
        case BlockKind::Code:
            put(j, "type", "code-block");
            put(j, "text", *block.text);
            break;
        case BlockKind::ThematicBreak:
            put(j, "type", "thematic-break");
            break;
    }
    return j;
}

Json blocks_json(const std::vector<Block>& blocks) {
    Json j = Json::array();
    for (const Block& block : blocks) j.push_back(block_json(block));
    return j;
}

Json blocks_json(const std::vector<const Block*>& blocks) {
    Json j = Json::array();
    for (const Block* block : blocks) j.push_back(block_json(*block));
    return j;
}

// ---------------------------------------------------------------------------------
// Model elements

Json entry_json(const Entry& entry) {
    Json j;
    put(j, "text", entry.text);
    if (!is_plain(entry.content)) put(j, "content", inline_content(entry.content));
    put(j, "line", line_of(entry.span));
    return j;
}

Json entries_json(const std::vector<Entry>& entries) {
    Json j = Json::array();
    for (const Entry& entry : entries) j.push_back(entry_json(entry));
    return j;
}

Json indicators_json(const std::vector<IndicatorRef>& indicators) {
    Json j = Json::array();
    for (const IndicatorRef& ref : indicators) {
        Json i;
        put(i, "code", ref.code);
        put(i, "description", ref.description);
        put(i, "line", line_of(ref.span));
        j.push_back(std::move(i));
    }
    return j;
}

Json sections_json(const std::vector<Section>& sections, const std::vector<Priority>* priorities);

Json section_json(const Section& section, const std::vector<Priority>* priorities) {
    Json j;
    put(j, "id", section.id);
    put(j, "title", section.title);
    if (!is_plain(section.heading)) put(j, "heading", inline_content(section.heading));
    put(j, "kind", to_string(section.kind));
    put(j, "level", section.level);
    put(j, "line", line_of(section.span));
    if (section.kind == SectionKind::Priority) {
        // The priority itself is written once, under "priorities"; here only a reference.
        const bool known = priorities != nullptr && section.priority_index >= 0 &&
                           static_cast<std::size_t>(section.priority_index) < priorities->size();
        put(j, "priority", known ? Json((*priorities)[section.priority_index].id) : Json(nullptr));
        return j;
    }
    put(j, "blocks", blocks_json(section.blocks));
    put(j, "children", sections_json(section.children, priorities));
    return j;
}

Json sections_json(const std::vector<Section>& sections, const std::vector<Priority>* priorities) {
    Json j = Json::array();
    for (const Section& section : sections) j.push_back(section_json(section, priorities));
    return j;
}

Json sections_json(const std::vector<const Section*>& sections, const std::vector<Priority>* priorities) {
    Json j = Json::array();
    for (const Section* section : sections) j.push_back(section_json(*section, priorities));
    return j;
}

Json target_json(const Target& t) {
    Json j;
    put(j, "text", t.text);
    put(j, "verb", t.verb);
    put(j, "direction", to_string(t.direction));
    put(j, "measure", t.measure);
    put(j, "change_kind", to_string(t.change_kind));
    put(j, "change", quantity_json(t.change));
    put(j, "from", quantity_json(t.from));
    put(j, "deadline", date_json(t.deadline));
    put(j, "baseline_year", date_json(t.baseline_year));
    put(j, "baseline", quantity_json(t.baseline));
    put(j, "target_value", quantity_json(t.target_value));
    Json gaps = Json::array();
    for (TargetField field : t.gaps) gaps.push_back(to_string(field));
    put(j, "gaps", std::move(gaps));
    put(j, "complete", t.complete());
    put(j, "readable", t.readable);
    put(j, "unread_reason", t.unread_reason);
    put(j, "from_table", t.from_table);
    put(j, "timescale", t.timescale);
    put(j, "indicator", t.indicator);
    put(j, "source", span_json(t.span));
    return j;
}

Json priority_json(const Document& doc, const Priority& p) {
    Json j;
    put(j, "id", p.id);
    put(j, "label", p.label);
    put(j, "number", p.number ? Json(*p.number) : Json(nullptr));
    put(j, "title", p.title);
    put(j, "line", line_of(p.span));
    put(j, "aim", p.aim);
    Json leads = Json::array();
    for (const Lead& lead : p.leads) leads.push_back(lead.name);
    put(j, "leads", std::move(leads));
    put(j, "intro", blocks_json(priority_intro(doc, p)));
    put(j, "background", blocks_json(priority_background(doc, p)));
    put(j, "aims", entries_json(p.aims));
    put(j, "objectives", entries_json(p.objectives));
    put(j, "actions_heading", p.actions_heading);
    put(j, "actions", entries_json(p.actions));
    Json targets = Json::array();
    for (const Target& t : p.targets) targets.push_back(target_json(t));
    put(j, "targets", std::move(targets));
    put(j, "indicators", indicators_json(p.indicators));
    put(j, "other", sections_json(priority_other(doc, p), nullptr));
    return j;
}

Json action_plan_json(const std::vector<ActionPlanRow>& rows) {
    Json j = Json::array();
    for (const ActionPlanRow& row : rows) {
        Json r;
        put(r, "line", line_of(row.span));
        put(r, "recommendation", row.recommendation.text);
        put(r, "activity", row.activity.text);
        put(r, "owner", row.owner.text);
        put(r, "milestones", row.milestones.text);
        put(r, "progress", row.progress.text);
        put(r, "due", row.due.text);
        put(r, "due_date", date_json(row.due_date));
        j.push_back(std::move(r));
    }
    return j;
}

Json approval_json(const std::vector<ApprovalStep>& steps) {
    Json j = Json::array();
    for (const ApprovalStep& step : steps) {
        Json s;
        put(s, "line", line_of(step.span));
        put(s, "meeting", step.meeting.text);
        put(s, "when", step.when.text);
        put(s, "actions", step.actions.text);
        put(s, "lead", step.lead.text);
        put(s, "date", date_json(step.date));
        j.push_back(std::move(s));
    }
    return j;
}

Json indicator_statuses_json(const std::vector<IndicatorStatus>& statuses) {
    Json j = Json::array();
    for (const IndicatorStatus& status : statuses) {
        Json s;
        put(s, "line", line_of(status.span));
        put(s, "indicator", status.indicator.text);
        put(s, "description", status.description.text);
        put(s, "status", status.status.text);
        j.push_back(std::move(s));
    }
    return j;
}

Json performance_json(const std::vector<PerformanceTable>& tables) {
    Json j = Json::array();
    for (const PerformanceTable& table : tables) {
        Json t;
        put(t, "section", table.section_id);
        put(t, "line", line_of(table.span));
        Json rows = Json::array();
        for (const PerformanceRow& row : table.rows) {
            Json r;
            put(r, "line", line_of(row.span));
            put(r, "indicator", row.indicator.text);
            put(r, "value", quantity_json(row.value));
            put(r, "milestone", quantity_json(row.milestone));
            put(r, "performance", quantity_json(row.performance));
            put(r, "difference", quantity_json(row.difference));
            put(r, "previous", quantity_json(row.previous));
            put(r, "trend", row.trend.text);
            rows.push_back(std::move(r));
        }
        put(t, "rows", std::move(rows));
        j.push_back(std::move(t));
    }
    return j;
}

Json surveys_json(const std::vector<SurveyTable>& tables) {
    Json j = Json::array();
    for (const SurveyTable& table : tables) {
        Json t;
        put(t, "section", table.section_id);
        put(t, "line", line_of(table.span));
        Json rows = Json::array();
        for (const SurveyRow& row : table.rows) {
            Json r;
            put(r, "line", line_of(row.span));
            put(r, "answer", row.answer.text);
            put(r, "percent", quantity_json(row.percent));
            put(r, "count", quantity_json(row.count));
            rows.push_back(std::move(r));
        }
        put(t, "rows", std::move(rows));
        j.push_back(std::move(t));
    }
    return j;
}

Json suppressions_json(const std::vector<Suppression>& suppressions) {
    Json j = Json::array();
    for (const Suppression& s : suppressions) {
        Json o;
        put(o, "code", s.code);
        put(o, "source", span_json(s.span));
        put(o, "applies_to", span_json(s.applies_to));
        j.push_back(std::move(o));
    }
    return j;
}

/// A document as listed in its partnership: metadata only, no body.
Json document_summary_json(const Document& doc) {
    Json j;
    put(j, "slug", doc.slug);
    put(j, "path", doc.path);
    put(j, "kind", to_string(doc.kind));
    put(j, "title", doc.title);
    put(j, "year", date_json(doc.year));
    put(j, "period", period_json(doc.period));
    put(j, "status", to_string(doc.status));
    return j;
}

}  // namespace

// ---------------------------------------------------------------------------------

Json document_to_json(const Document& doc, const Partnership& partnership) {
    Json j;
    put(j, "schema_version", 1);
    put(j, "path", doc.path);
    put(j, "partnership", doc.partnership.empty() ? partnership.slug : doc.partnership);
    put(j, "partnership_name", partnership.name);
    put(j, "slug", doc.slug);
    put(j, "kind", to_string(doc.kind));
    put(j, "title", doc.title);
    put(j, "year", date_json(doc.year));
    put(j, "period", period_json(doc.period));
    put(j, "status", to_string(doc.status));
    put(j, "approved", date_json(doc.approved));
    put(j, "vision", doc.vision);
    put(j, "leaflet", strings_json(doc.leaflet));
    put(j, "previous", doc.previous);
    put(j, "sections", sections_json(doc.sections, &doc.priorities));
    Json priorities = Json::array();
    for (const Priority& p : doc.priorities) priorities.push_back(priority_json(doc, p));
    put(j, "priorities", std::move(priorities));
    put(j, "action_plan", action_plan_json(doc.action_plan));
    put(j, "approval", approval_json(doc.approval));
    put(j, "indicator_statuses", indicator_statuses_json(doc.indicator_statuses));
    put(j, "performance", performance_json(doc.performance));
    put(j, "surveys", surveys_json(doc.surveys));
    put(j, "achievements", entries_json(doc.achievements));
    put(j, "indicators", indicators_json(doc.indicators));
    put(j, "suppressions", suppressions_json(doc.suppressions));
    return j;
}

Json partnership_to_json(const Partnership& partnership) {
    Json j;
    put(j, "schema_version", 1);
    put(j, "slug", partnership.slug);
    put(j, "path", partnership.index_path);
    put(j, "name", partnership.name);
    put(j, "short_name", partnership.short_name);
    put(j, "area", partnership.area);
    put(j, "website", partnership.website);
    put(j, "email", partnership.email);
    put(j, "phone", partnership.phone);
    put(j, "address", partnership.address);
    put(j, "members", entries_json(partnership.members));
    Json contacts = Json::array();
    for (const Contact& c : partnership.contacts) {
        Json o;
        put(o, "name", c.name);
        put(o, "role", c.role);
        put(o, "phone", c.phone);
        put(o, "email", c.email);
        put(o, "address", c.address);
        put(o, "website", c.website);
        put(o, "line", line_of(c.span));
        contacts.push_back(std::move(o));
    }
    put(j, "contacts", std::move(contacts));
    Json glossary = Json::array();
    for (const GlossaryEntry& g : partnership.glossary) {
        Json o;
        put(o, "term", g.term);
        put(o, "meaning", g.meaning);
        put(o, "line", line_of(g.span));
        glossary.push_back(std::move(o));
    }
    put(j, "glossary", std::move(glossary));
    put(j, "sections", sections_json(partnership.sections, nullptr));
    Json documents = Json::array();
    for (const Document& doc : partnership.documents) documents.push_back(document_summary_json(doc));
    put(j, "documents", std::move(documents));
    return j;
}

}  // namespace planc
