// Open data, JSON form: the document model as plan.json (also `planc dump`), written
// straight from the model with a JsonWriter (no JSON tree in between).
//
// The layout is described, property by property, in docs/schema/plan.schema.json; keep the
// two in step. Keys are written in a fixed order so the same model always gives the same
// bytes. Rules that hold throughout:
//   - text fields are strings; an empty string means the source did not give one;
//   - numbers, dates and quantities are null when unknown (a gap is null, never 0);
//   - a whole number is written as an integer (705, not 705.0);
//   - an element's position is its 1-based source `line` (null when unknown), targets and
//     suppressions carry a `source` span {line, column[, end_line, end_column]}.

#include <string>

#include "planc/data_output.hpp"
#include "render/json_writer.hpp"

namespace planc {

using Json = nlohmann::ordered_json;

namespace {

// ---------------------------------------------------------------------------------
// Scalars

void write_line(JsonWriter& w, const char* key, const Span& span) {
    w.key(key);
    if (span.known()) w.unsigned_integer(span.line);
    else w.null();
}

/// A source span; the end is given only when the parser recorded it.
void write_span(JsonWriter& w, const char* key, const Span& span) {
    w.key(key);
    if (!span.known()) return w.null();
    w.begin_object();
    w.field("line", span.line);
    w.field("column", span.column);
    if (span.end_line != 0) {
        w.field("end_line", span.end_line);
        w.field("end_column", span.end_column);
    }
    w.end_object();
}

void write_date(JsonWriter& w, const char* key, const std::optional<PlanDate>& date) {
    w.key(key);
    if (!date) return w.null();
    w.begin_object();
    w.field("text", date->text);
    w.field("iso", date->iso());
    w.field("fy_end", date->fy_end());
    w.end_object();
}

void write_period(JsonWriter& w, const char* key, const std::optional<PlanPeriod>& period) {
    w.key(key);
    if (!period) return w.null();
    w.begin_object();
    w.field("text", period->text);
    write_date(w, "first", period->first);
    write_date(w, "last", period->last);
    w.end_object();
}

/// A quantity, or null when the source has nothing there at all.
void write_quantity(JsonWriter& w, const char* key, const Quantity& q) {
    w.key(key);
    if (q.text.empty() && !q.value && !q.gap) return w.null();
    w.begin_object();
    w.field("text", q.text);
    w.key("value");
    if (q.value && !q.gap) w.number(*q.value);
    else w.null();
    w.field("percent", q.percent);
    w.field("unit", q.unit);
    w.field("decimals", q.decimals);
    w.field("gap", q.gap);
    w.end_object();
}

void write_strings(JsonWriter& w, const char* key, const std::vector<std::string>& items) {
    w.key(key);
    w.begin_array();
    for (const std::string& item : items) w.string(item);
    w.end_array();
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

/// `key`: an array with an object for each row of a table the plan has, which opens with
/// the row's source line and then has `fields(row)`.
template <class Row, class Fields>
void write_rows(JsonWriter& w, const char* key, const std::vector<Row>& rows, Fields&& fields) {
    w.key(key);
    w.begin_array();
    for (const Row& row : rows) {
        w.begin_object();
        write_line(w, "line", row.span);
        fields(row);
        w.end_object();
    }
    w.end_array();
}

void write_inline_content(JsonWriter& w, const InlineText& text);

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
void write_inline_text(JsonWriter& w, const InlineText& text) {
    if (is_plain(text)) {
        w.field("text", joined_text(text));
    } else {
        w.key("content");
        write_inline_content(w, text);
    }
}

void write_inline_node(JsonWriter& w, const Inline& node) {
    w.begin_object();
    w.field("type", inline_type(node.kind));
    switch (node.kind) {
        case InlineKind::Text:
        case InlineKind::Code:
            w.field("text", node.text);
            break;
        case InlineKind::LineBreak:
            break;
        case InlineKind::Image:
            w.field("url", *node.url);
            w.field("alt", node.text.empty() ? plain_text(*node.children) : node.text);
            break;
        case InlineKind::Link:
            w.field("url", *node.url);
            [[fallthrough]];
        case InlineKind::Emphasis:
        case InlineKind::Strong:
        case InlineKind::Superscript:
        case InlineKind::Subscript:
        case InlineKind::Strikethrough:
            if (node.children->empty()) {
                w.field("text", node.text);
            } else {
                write_inline_text(w, *node.children);
            }
            break;
    }
    w.end_object();
}

void write_inline_content(JsonWriter& w, const InlineText& text) {
    w.begin_array();
    std::string run;  // adjacent text nodes become one string
    for (const Inline& node : text) {
        if (node.kind == InlineKind::Text) {
            run += node.text;
            continue;
        }
        if (!run.empty()) w.string(run);
        run.clear();
        write_inline_node(w, node);
    }
    if (!run.empty()) w.string(run);
    w.end_array();
}

void write_cell(JsonWriter& w, const TableCell& cell) {
    if (!is_plain(cell.content)) return write_inline_content(w, cell.content);
    if (cell.text.empty()) w.string(joined_text(cell.content));
    else w.string(cell.text);
}

void write_row(JsonWriter& w, const TableRow& row) {
    w.begin_array();
    for (const TableCell& cell : row.cells) write_cell(w, cell);
    w.end_array();
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

void write_blocks(JsonWriter& w, const std::vector<Block>& blocks);

void write_block(JsonWriter& w, const Block& block) {
    w.begin_object();
    switch (block.kind) {
        case BlockKind::Paragraph:
            w.field("type", "paragraph");
            write_inline_text(w, block.inlines);
            break;
        case BlockKind::Heading:
            w.field("type", "heading");
            w.field("level", block.level);
            write_inline_text(w, block.inlines);
            break;
        case BlockKind::List: {
            w.field("type", "list");
            w.field("ordered", block.ordered);
            if (block.ordered) w.field("start", block.start);
            w.key("items");
            w.begin_array();
            for (const ListItem& item : *block.items) write_blocks(w, item.blocks);
            w.end_array();
            break;
        }
        case BlockKind::Table: {
            w.field("type", "table");
            bool aligned = false;
            for (CellAlign a : block.table->align) aligned = aligned || a != CellAlign::None;
            if (aligned) {
                w.key("align");
                w.begin_array();
                for (CellAlign a : block.table->align) w.string(align_name(a));
                w.end_array();
            }
            w.key("header");
            write_row(w, block.table->header);
            w.key("rows");
            w.begin_array();
            for (const TableRow& row : block.table->rows) write_row(w, row);
            w.end_array();
            break;
        }
        case BlockKind::Quote:
            w.field("type", "quote");
            w.key("blocks");
            write_blocks(w, *block.children);
            break;
        case BlockKind::Code:
            w.field("type", "code-block");
            w.field("text", *block.text);
            break;
        case BlockKind::ThematicBreak:
            w.field("type", "thematic-break");
            break;
    }
    w.end_object();
}

void write_blocks(JsonWriter& w, const std::vector<Block>& blocks) {
    w.begin_array();
    for (const Block& block : blocks) write_block(w, block);
    w.end_array();
}

void write_blocks(JsonWriter& w, const std::vector<const Block*>& blocks) {
    w.begin_array();
    for (const Block* block : blocks) write_block(w, *block);
    w.end_array();
}

// ---------------------------------------------------------------------------------
// Model elements

void write_entry(JsonWriter& w, const Entry& entry) {
    w.begin_object();
    w.field("text", entry.text);
    if (!is_plain(entry.content)) {
        w.key("content");
        write_inline_content(w, entry.content);
    }
    write_line(w, "line", entry.span);
    w.end_object();
}

void write_entries(JsonWriter& w, const char* key, const std::vector<Entry>& entries) {
    w.key(key);
    w.begin_array();
    for (const Entry& entry : entries) write_entry(w, entry);
    w.end_array();
}

void write_indicators(JsonWriter& w, const char* key, const std::vector<IndicatorRef>& indicators) {
    w.key(key);
    w.begin_array();
    for (const IndicatorRef& ref : indicators) {
        w.begin_object();
        w.field("code", ref.code);
        w.field("description", ref.description);
        write_line(w, "line", ref.span);
        w.end_object();
    }
    w.end_array();
}

void write_sections(JsonWriter& w, const std::vector<Section>& sections, const std::vector<Priority>* priorities);

void write_section(JsonWriter& w, const Section& section, const std::vector<Priority>* priorities) {
    w.begin_object();
    w.field("id", section.id);
    w.field("title", section.title);
    if (!is_plain(section.heading)) {
        w.key("heading");
        write_inline_content(w, section.heading);
    }
    w.field("kind", to_string(section.kind));
    w.field("level", section.level);
    write_line(w, "line", section.span);
    if (section.kind == SectionKind::Priority) {
        // The priority itself is written once, under "priorities"; here only a reference.
        const bool known = priorities != nullptr && section.priority_index >= 0 &&
                           static_cast<std::size_t>(section.priority_index) < priorities->size();
        if (known) w.field("priority", (*priorities)[static_cast<std::size_t>(section.priority_index)].id);
        else w.null_field("priority");
        w.end_object();
        return;
    }
    w.key("blocks");
    write_blocks(w, section.blocks);
    w.key("children");
    write_sections(w, section.children, priorities);
    w.end_object();
}

void write_sections(JsonWriter& w, const std::vector<Section>& sections, const std::vector<Priority>* priorities) {
    w.begin_array();
    for (const Section& section : sections) write_section(w, section, priorities);
    w.end_array();
}

void write_sections(JsonWriter& w, const std::vector<const Section*>& sections, const std::vector<Priority>* priorities) {
    w.begin_array();
    for (const Section* section : sections) write_section(w, *section, priorities);
    w.end_array();
}

void write_target(JsonWriter& w, const Target& t) {
    w.begin_object();
    w.field("text", t.text);
    w.field("verb", t.verb);
    w.field("direction", to_string(t.direction));
    w.field("measure", t.measure);
    w.field("change_kind", to_string(t.change_kind));
    write_quantity(w, "change", t.change);
    write_quantity(w, "from", t.from);
    write_date(w, "deadline", t.deadline);
    write_date(w, "baseline_year", t.baseline_year);
    write_quantity(w, "baseline", t.baseline);
    write_quantity(w, "target_value", t.target_value);
    w.key("gaps");
    w.begin_array();
    for (TargetField field : t.gaps) w.string(to_string(field));
    w.end_array();
    w.field("complete", t.complete());
    w.field("readable", t.readable);
    w.field("unread_reason", t.unread_reason);
    w.field("from_table", t.from_table);
    w.field("timescale", t.timescale);
    w.field("indicator", t.indicator);
    write_span(w, "source", t.span);
    w.end_object();
}

void write_priority(JsonWriter& w, const Document& doc, const Priority& p) {
    w.begin_object();
    w.field("id", p.id);
    w.field("label", p.label);
    if (p.number) w.field("number", *p.number);
    else w.null_field("number");
    w.field("title", p.title);
    write_line(w, "line", p.span);
    w.field("aim", p.aim);
    w.key("leads");
    w.begin_array();
    for (const Lead& lead : p.leads) w.string(lead.name);
    w.end_array();
    w.key("intro");
    write_blocks(w, priority_intro(doc, p));
    w.key("background");
    write_blocks(w, priority_background(doc, p));
    write_entries(w, "aims", p.aims);
    write_entries(w, "objectives", p.objectives);
    w.field("actions_heading", p.actions_heading);
    write_entries(w, "actions", p.actions);
    w.key("targets");
    w.begin_array();
    for (const Target& t : p.targets) write_target(w, t);
    w.end_array();
    write_indicators(w, "indicators", p.indicators);
    w.key("other");
    write_sections(w, priority_other(doc, p), nullptr);
    w.end_object();
}

void write_action_plan(JsonWriter& w, const std::vector<ActionPlanRow>& rows) {
    write_rows(w, "action_plan", rows, [&](const ActionPlanRow& row) {
        w.field("recommendation", row.recommendation.text);
        w.field("activity", row.activity.text);
        w.field("owner", row.owner.text);
        w.field("milestones", row.milestones.text);
        w.field("progress", row.progress.text);
        w.field("due", row.due.text);
        write_date(w, "due_date", row.due_date);
    });
}

void write_approval(JsonWriter& w, const std::vector<ApprovalStep>& steps) {
    write_rows(w, "approval", steps, [&](const ApprovalStep& step) {
        w.field("meeting", step.meeting.text);
        w.field("when", step.when.text);
        w.field("actions", step.actions.text);
        w.field("lead", step.lead.text);
        write_date(w, "date", step.date);
    });
}

void write_indicator_statuses(JsonWriter& w, const std::vector<IndicatorStatus>& statuses) {
    write_rows(w, "indicator_statuses", statuses, [&](const IndicatorStatus& status) {
        w.field("indicator", status.indicator.text);
        w.field("description", status.description.text);
        w.field("status", status.status.text);
    });
}

void write_performance(JsonWriter& w, const std::vector<PerformanceTable>& tables) {
    w.key("performance");
    w.begin_array();
    for (const PerformanceTable& table : tables) {
        w.begin_object();
        w.field("section", table.section_id);
        write_line(w, "line", table.span);
        write_rows(w, "rows", table.rows, [&](const PerformanceRow& row) {
            w.field("indicator", row.indicator.text);
            write_quantity(w, "value", row.value);
            write_quantity(w, "milestone", row.milestone);
            write_quantity(w, "performance", row.performance);
            write_quantity(w, "difference", row.difference);
            write_quantity(w, "previous", row.previous);
            w.field("trend", row.trend.text);
        });
        w.end_object();
    }
    w.end_array();
}

void write_surveys(JsonWriter& w, const std::vector<SurveyTable>& tables) {
    w.key("surveys");
    w.begin_array();
    for (const SurveyTable& table : tables) {
        w.begin_object();
        w.field("section", table.section_id);
        write_line(w, "line", table.span);
        write_rows(w, "rows", table.rows, [&](const SurveyRow& row) {
            w.field("answer", row.answer.text);
            write_quantity(w, "percent", row.percent);
            write_quantity(w, "count", row.count);
        });
        w.end_object();
    }
    w.end_array();
}

void write_suppressions(JsonWriter& w, const std::vector<Suppression>& suppressions) {
    w.key("suppressions");
    w.begin_array();
    for (const Suppression& s : suppressions) {
        w.begin_object();
        w.field("code", s.code);
        write_span(w, "source", s.span);
        write_span(w, "applies_to", s.applies_to);
        w.end_object();
    }
    w.end_array();
}

/// A document as listed in its partnership: metadata only, no body.
void write_document_summary(JsonWriter& w, const Document& doc) {
    w.begin_object();
    w.field("slug", doc.slug);
    w.field("path", doc.path);
    w.field("kind", to_string(doc.kind));
    w.field("title", doc.title);
    write_date(w, "year", doc.year);
    write_period(w, "period", doc.period);
    w.field("status", to_string(doc.status));
    w.end_object();
}

}  // namespace

// ---------------------------------------------------------------------------------

std::string document_json_text(const Document& doc, const Partnership& partnership, JsonLayout layout) {
    // plan.json runs to about three times the plan's Markdown when indented (twice,
    // compact): room for that up front, not a copy at every doubling.
    JsonWriter w(std::max<std::size_t>(64 * 1024, 3 * doc.source.size() + 16 * 1024), layout);
    w.begin_object();
    w.field("schema_version", 1);
    w.field("path", doc.path);
    w.field("partnership", doc.partnership.empty() ? partnership.slug : doc.partnership);
    w.field("partnership_name", partnership.name);
    w.field("slug", doc.slug);
    w.field("kind", to_string(doc.kind));
    w.field("title", doc.title);
    write_date(w, "year", doc.year);
    write_period(w, "period", doc.period);
    w.field("status", to_string(doc.status));
    write_date(w, "approved", doc.approved);
    w.field("vision", doc.vision);
    write_strings(w, "leaflet", doc.leaflet);
    w.field("previous", doc.previous);
    w.key("sections");
    write_sections(w, doc.sections, &doc.priorities);
    w.key("priorities");
    w.begin_array();
    for (const Priority& p : doc.priorities) write_priority(w, doc, p);
    w.end_array();
    write_action_plan(w, doc.action_plan);
    write_approval(w, doc.approval);
    write_indicator_statuses(w, doc.indicator_statuses);
    write_performance(w, doc.performance);
    write_surveys(w, doc.surveys);
    write_entries(w, "achievements", doc.achievements);
    write_indicators(w, "indicators", doc.indicators);
    write_suppressions(w, doc.suppressions);
    w.end_object();
    w.raw("\n");
    return w.take();
}

std::string partnership_json_text(const Partnership& partnership) {
    JsonWriter w;
    w.begin_object();
    w.field("schema_version", 1);
    w.field("slug", partnership.slug);
    w.field("path", partnership.index_path);
    w.field("name", partnership.name);
    w.field("short_name", partnership.short_name);
    w.field("area", partnership.area);
    w.field("website", partnership.website);
    w.field("email", partnership.email);
    w.field("phone", partnership.phone);
    w.field("address", partnership.address);
    write_entries(w, "members", partnership.members);
    w.key("contacts");
    w.begin_array();
    for (const Contact& c : partnership.contacts) {
        w.begin_object();
        w.field("name", c.name);
        w.field("role", c.role);
        w.field("phone", c.phone);
        w.field("email", c.email);
        w.field("address", c.address);
        w.field("website", c.website);
        write_line(w, "line", c.span);
        w.end_object();
    }
    w.end_array();
    w.key("glossary");
    w.begin_array();
    for (const GlossaryEntry& g : partnership.glossary) {
        w.begin_object();
        w.field("term", g.term);
        w.field("meaning", g.meaning);
        write_line(w, "line", g.span);
        w.end_object();
    }
    w.end_array();
    w.key("sections");
    write_sections(w, partnership.sections, nullptr);
    w.key("documents");
    w.begin_array();
    for (const Document& doc : partnership.documents) write_document_summary(w, doc);
    w.end_array();
    w.end_object();
    w.raw("\n");
    return w.take();
}

// The trees are read back from the text: one way of writing the model, whichever form is
// asked for (the text round-trips exactly: dump_json of the tree gives it back).
Json document_to_json(const Document& doc, const Partnership& partnership) {
    return Json::parse(document_json_text(doc, partnership));
}

Json partnership_to_json(const Partnership& partnership) { return Json::parse(partnership_json_text(partnership)); }

}  // namespace planc
