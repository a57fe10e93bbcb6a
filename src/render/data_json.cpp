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
    j["line"] = span.line;
    j["column"] = span.column;
    if (span.end_line != 0) {
        j["end_line"] = span.end_line;
        j["end_column"] = span.end_column;
    }
    return j;
}

Json date_json(const std::optional<PlanDate>& date) {
    if (!date) return nullptr;
    Json j;
    j["text"] = date->text;
    j["iso"] = date->iso();
    j["fy_end"] = date->fy_end();
    return j;
}

Json period_json(const std::optional<PlanPeriod>& period) {
    if (!period) return nullptr;
    Json j;
    j["text"] = period->text;
    j["first"] = date_json(period->first);
    j["last"] = date_json(period->last);
    return j;
}

/// A quantity, or null when the source has nothing there at all.
Json quantity_json(const Quantity& q) {
    if (q.text.empty() && !q.value && !q.gap) return nullptr;
    Json j;
    j["text"] = q.text;
    j["value"] = q.value && !q.gap ? number(*q.value) : Json(nullptr);
    j["percent"] = q.percent;
    j["unit"] = q.unit;
    j["decimals"] = q.decimals;
    j["gap"] = q.gap;
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
        j["text"] = joined_text(text);
    } else {
        j["content"] = inline_content(text);
    }
}

Json inline_node(const Inline& node) {
    Json j;
    j["type"] = inline_type(node.kind);
    switch (node.kind) {
        case InlineKind::Text:
        case InlineKind::Code:
            j["text"] = node.text;
            break;
        case InlineKind::LineBreak:
            break;
        case InlineKind::Image:
            j["url"] = node.url;
            j["alt"] = node.text.empty() ? plain_text(node.children) : node.text;
            break;
        case InlineKind::Link:
            j["url"] = node.url;
            [[fallthrough]];
        case InlineKind::Emphasis:
        case InlineKind::Strong:
        case InlineKind::Superscript:
        case InlineKind::Subscript:
        case InlineKind::Strikethrough:
            if (node.children.empty()) {
                j["text"] = node.text;
            } else {
                put_inline_text(j, node.children);
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
            j["type"] = "paragraph";
            put_inline_text(j, block.inlines);
            break;
        case BlockKind::Heading:
            j["type"] = "heading";
            j["level"] = block.level;
            put_inline_text(j, block.inlines);
            break;
        case BlockKind::List: {
            j["type"] = "list";
            j["ordered"] = block.ordered;
            if (block.ordered) j["start"] = block.start;
            Json items = Json::array();
            for (const ListItem& item : block.items) items.push_back(blocks_json(item.blocks));
            j["items"] = std::move(items);
            break;
        }
        case BlockKind::Table: {
            j["type"] = "table";
            bool aligned = false;
            for (CellAlign a : block.table.align) aligned = aligned || a != CellAlign::None;
            if (aligned) {
                Json align = Json::array();
                for (CellAlign a : block.table.align) align.push_back(align_name(a));
                j["align"] = std::move(align);
            }
            j["header"] = row_json(block.table.header);
            Json rows = Json::array();
            for (const TableRow& row : block.table.rows) rows.push_back(row_json(row));
            j["rows"] = std::move(rows);
            break;
        }
        case BlockKind::Quote:
            j["type"] = "quote";
            j["blocks"] = blocks_json(block.children);
            break;
        case BlockKind::Code:
            j["type"] = "code-block";
            j["text"] = block.text;
            break;
        case BlockKind::ThematicBreak:
            j["type"] = "thematic-break";
            break;
    }
    return j;
}

Json blocks_json(const std::vector<Block>& blocks) {
    Json j = Json::array();
    for (const Block& block : blocks) j.push_back(block_json(block));
    return j;
}

// ---------------------------------------------------------------------------------
// Model elements

Json entry_json(const Entry& entry) {
    Json j;
    j["text"] = entry.text;
    if (!is_plain(entry.content)) j["content"] = inline_content(entry.content);
    j["line"] = line_of(entry.span);
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
        i["code"] = ref.code;
        i["description"] = ref.description;
        i["line"] = line_of(ref.span);
        j.push_back(std::move(i));
    }
    return j;
}

Json sections_json(const std::vector<Section>& sections, const std::vector<Priority>* priorities);

Json section_json(const Section& section, const std::vector<Priority>* priorities) {
    Json j;
    j["id"] = section.id;
    j["title"] = section.title;
    if (!is_plain(section.heading)) j["heading"] = inline_content(section.heading);
    j["kind"] = to_string(section.kind);
    j["level"] = section.level;
    j["line"] = line_of(section.span);
    if (section.kind == SectionKind::Priority) {
        // The priority itself is written once, under "priorities"; here only a reference.
        const bool known = priorities != nullptr && section.priority_index >= 0 &&
                           static_cast<std::size_t>(section.priority_index) < priorities->size();
        j["priority"] = known ? Json((*priorities)[section.priority_index].id) : Json(nullptr);
        return j;
    }
    j["blocks"] = blocks_json(section.blocks);
    j["children"] = sections_json(section.children, priorities);
    return j;
}

Json sections_json(const std::vector<Section>& sections, const std::vector<Priority>* priorities) {
    Json j = Json::array();
    for (const Section& section : sections) j.push_back(section_json(section, priorities));
    return j;
}

Json target_json(const Target& t) {
    Json j;
    j["text"] = t.text;
    j["verb"] = t.verb;
    j["direction"] = to_string(t.direction);
    j["measure"] = t.measure;
    j["change_kind"] = to_string(t.change_kind);
    j["change"] = quantity_json(t.change);
    j["from"] = quantity_json(t.from);
    j["deadline"] = date_json(t.deadline);
    j["baseline_year"] = date_json(t.baseline_year);
    j["baseline"] = quantity_json(t.baseline);
    j["target_value"] = quantity_json(t.target_value);
    Json gaps = Json::array();
    for (TargetField field : t.gaps) gaps.push_back(to_string(field));
    j["gaps"] = std::move(gaps);
    j["complete"] = t.complete();
    j["readable"] = t.readable;
    j["unread_reason"] = t.unread_reason;
    j["from_table"] = t.from_table;
    j["timescale"] = t.timescale;
    j["indicator"] = t.indicator;
    j["source"] = span_json(t.span);
    return j;
}

Json priority_json(const Priority& p) {
    Json j;
    j["id"] = p.id;
    j["label"] = p.label;
    j["number"] = p.number ? Json(*p.number) : Json(nullptr);
    j["title"] = p.title;
    j["line"] = line_of(p.span);
    j["aim"] = p.aim;
    Json leads = Json::array();
    for (const Lead& lead : p.leads) leads.push_back(lead.name);
    j["leads"] = std::move(leads);
    j["intro"] = blocks_json(p.intro);
    j["background"] = blocks_json(p.background);
    j["aims"] = entries_json(p.aims);
    j["objectives"] = entries_json(p.objectives);
    j["actions_heading"] = p.actions_heading;
    j["actions"] = entries_json(p.actions);
    Json targets = Json::array();
    for (const Target& t : p.targets) targets.push_back(target_json(t));
    j["targets"] = std::move(targets);
    j["indicators"] = indicators_json(p.indicators);
    j["other"] = sections_json(p.other, nullptr);
    return j;
}

Json action_plan_json(const std::vector<ActionPlanRow>& rows) {
    Json j = Json::array();
    for (const ActionPlanRow& row : rows) {
        Json r;
        r["line"] = line_of(row.span);
        r["recommendation"] = row.recommendation.text;
        r["activity"] = row.activity.text;
        r["owner"] = row.owner.text;
        r["milestones"] = row.milestones.text;
        r["progress"] = row.progress.text;
        r["due"] = row.due.text;
        r["due_date"] = date_json(row.due_date);
        j.push_back(std::move(r));
    }
    return j;
}

Json approval_json(const std::vector<ApprovalStep>& steps) {
    Json j = Json::array();
    for (const ApprovalStep& step : steps) {
        Json s;
        s["line"] = line_of(step.span);
        s["meeting"] = step.meeting.text;
        s["when"] = step.when.text;
        s["actions"] = step.actions.text;
        s["lead"] = step.lead.text;
        s["date"] = date_json(step.date);
        j.push_back(std::move(s));
    }
    return j;
}

Json indicator_statuses_json(const std::vector<IndicatorStatus>& statuses) {
    Json j = Json::array();
    for (const IndicatorStatus& status : statuses) {
        Json s;
        s["line"] = line_of(status.span);
        s["indicator"] = status.indicator.text;
        s["description"] = status.description.text;
        s["status"] = status.status.text;
        j.push_back(std::move(s));
    }
    return j;
}

Json performance_json(const std::vector<PerformanceTable>& tables) {
    Json j = Json::array();
    for (const PerformanceTable& table : tables) {
        Json t;
        t["section"] = table.section_id;
        t["line"] = line_of(table.span);
        Json rows = Json::array();
        for (const PerformanceRow& row : table.rows) {
            Json r;
            r["line"] = line_of(row.span);
            r["indicator"] = row.indicator.text;
            r["value"] = quantity_json(row.value);
            r["milestone"] = quantity_json(row.milestone);
            r["performance"] = quantity_json(row.performance);
            r["difference"] = quantity_json(row.difference);
            r["previous"] = quantity_json(row.previous);
            r["trend"] = row.trend.text;
            rows.push_back(std::move(r));
        }
        t["rows"] = std::move(rows);
        j.push_back(std::move(t));
    }
    return j;
}

Json surveys_json(const std::vector<SurveyTable>& tables) {
    Json j = Json::array();
    for (const SurveyTable& table : tables) {
        Json t;
        t["section"] = table.section_id;
        t["line"] = line_of(table.span);
        Json rows = Json::array();
        for (const SurveyRow& row : table.rows) {
            Json r;
            r["line"] = line_of(row.span);
            r["answer"] = row.answer.text;
            r["percent"] = quantity_json(row.percent);
            r["count"] = quantity_json(row.count);
            rows.push_back(std::move(r));
        }
        t["rows"] = std::move(rows);
        j.push_back(std::move(t));
    }
    return j;
}

Json suppressions_json(const std::vector<Suppression>& suppressions) {
    Json j = Json::array();
    for (const Suppression& s : suppressions) {
        Json o;
        o["code"] = s.code;
        o["source"] = span_json(s.span);
        o["applies_to"] = span_json(s.applies_to);
        j.push_back(std::move(o));
    }
    return j;
}

/// A document as listed in its partnership: metadata only, no body.
Json document_summary_json(const Document& doc) {
    Json j;
    j["slug"] = doc.slug;
    j["path"] = doc.path;
    j["kind"] = to_string(doc.kind);
    j["title"] = doc.title;
    j["year"] = date_json(doc.year);
    j["period"] = period_json(doc.period);
    j["status"] = to_string(doc.status);
    return j;
}

}  // namespace

// ---------------------------------------------------------------------------------

Json document_to_json(const Document& doc, const Partnership& partnership) {
    Json j;
    j["schema_version"] = 1;
    j["path"] = doc.path;
    j["partnership"] = doc.partnership.empty() ? partnership.slug : doc.partnership;
    j["partnership_name"] = partnership.name;
    j["slug"] = doc.slug;
    j["kind"] = to_string(doc.kind);
    j["title"] = doc.title;
    j["year"] = date_json(doc.year);
    j["period"] = period_json(doc.period);
    j["status"] = to_string(doc.status);
    j["approved"] = date_json(doc.approved);
    j["vision"] = doc.vision;
    j["leaflet"] = strings_json(doc.leaflet);
    j["previous"] = doc.previous;
    j["sections"] = sections_json(doc.sections, &doc.priorities);
    Json priorities = Json::array();
    for (const Priority& p : doc.priorities) priorities.push_back(priority_json(p));
    j["priorities"] = std::move(priorities);
    j["action_plan"] = action_plan_json(doc.action_plan);
    j["approval"] = approval_json(doc.approval);
    j["indicator_statuses"] = indicator_statuses_json(doc.indicator_statuses);
    j["performance"] = performance_json(doc.performance);
    j["surveys"] = surveys_json(doc.surveys);
    j["achievements"] = entries_json(doc.achievements);
    j["indicators"] = indicators_json(doc.indicators);
    j["suppressions"] = suppressions_json(doc.suppressions);
    return j;
}

Json partnership_to_json(const Partnership& partnership) {
    Json j;
    j["schema_version"] = 1;
    j["slug"] = partnership.slug;
    j["path"] = partnership.index_path;
    j["name"] = partnership.name;
    j["short_name"] = partnership.short_name;
    j["area"] = partnership.area;
    j["website"] = partnership.website;
    j["email"] = partnership.email;
    j["phone"] = partnership.phone;
    j["address"] = partnership.address;
    j["members"] = entries_json(partnership.members);
    Json contacts = Json::array();
    for (const Contact& c : partnership.contacts) {
        Json o;
        o["name"] = c.name;
        o["role"] = c.role;
        o["phone"] = c.phone;
        o["email"] = c.email;
        o["address"] = c.address;
        o["website"] = c.website;
        o["line"] = line_of(c.span);
        contacts.push_back(std::move(o));
    }
    j["contacts"] = std::move(contacts);
    Json glossary = Json::array();
    for (const GlossaryEntry& g : partnership.glossary) {
        Json o;
        o["term"] = g.term;
        o["meaning"] = g.meaning;
        o["line"] = line_of(g.span);
        glossary.push_back(std::move(o));
    }
    j["glossary"] = std::move(glossary);
    j["sections"] = sections_json(partnership.sections, nullptr);
    Json documents = Json::array();
    for (const Document& doc : partnership.documents) documents.push_back(document_summary_json(doc));
    j["documents"] = std::move(documents);
    return j;
}

std::string dump_json(const Json& j) {
    // Non-ASCII stays as UTF-8; invalid UTF-8 (which the loader should already have
    // reported) becomes U+FFFD rather than an exception.
    std::string out = j.dump(2, ' ', false, Json::error_handler_t::replace);
    out += '\n';
    return out;
}

}  // namespace planc
