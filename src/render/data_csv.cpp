// Open data, CSV form: one row per target (targets.csv), and the CSV on the Web metadata
// that describes its columns (targets.csv-metadata.json).
//
// The column list below is the one place the columns are named: the header row and the
// CSVW metadata are both generated from it. Values are data, written exactly: no
// apostrophe is added in front of a cell that starts with "=", "+", "-" or "@" (that would
// corrupt the data for every program that is not a spreadsheet).
//
// What the value columns hold:
//   - baseline, target: the number as the source wrote it (decimals kept, no unit, no
//     thousands separator), from the targets table cell or from the sentence's from/to
//     amount. `target` is always an absolute level; a relative change ("by 5%") goes in
//     `change`/`change_unit` and is unsigned, the `direction` column says which way.
//   - unit: "%" for percentages, else the unit word ("offences"), for baseline and target.
//   - baseline_year, deadline: normalised years ("2009/10" for financial years, "2014-03",
//     "2010").
//   - anything unknown, including a placeholder (TBC, ...), is an empty cell, never 0.

#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "planc/data_output.hpp"
#include "render/json_writer.hpp"

namespace planc {

namespace {

struct Column {
    const char* name;
    const char* datatype;   ///< CSVW base datatype
    const char* format;     ///< CSVW format (a regular expression for strings), or nullptr
    const char* separator;  ///< list separator within a cell, or nullptr
    const char* description;
};

constexpr std::array<Column, 19> kColumns = {{
    {"partnership", "string", nullptr, nullptr, "The partnership's folder name (slug), e.g. \"melton\"."},
    {"plan", "string", nullptr, nullptr, "The document's slug within the partnership, e.g. \"2009-10\"."},
    {"priority", "string", nullptr, nullptr,
     "The id of the priority the target belongs to (as in plan.json)."},
    {"priority_title", "string", nullptr, nullptr, "The priority's title."},
    {"text", "string", nullptr, nullptr, "The target as written: the sentence, or a table's objective cell."},
    {"direction", "string", "reduce|increase|maintain|achieve", nullptr,
     "Which way the target wants the number to move; empty when the compiler could not tell."},
    {"measure", "string", nullptr, nullptr, "What is measured, as written in the target."},
    {"unit", "string", nullptr, nullptr,
     "Unit of the baseline and target values: \"%\" for percentages, else the unit as written."},
    {"baseline", "decimal", nullptr, nullptr,
     "Baseline value as written (decimals kept, without unit); empty when unknown or a placeholder."},
    {"baseline_year", "string", nullptr, nullptr,
     "The baseline period, normalised: \"2008/09\" for a financial year, else \"2010\", \"2014-03\"."},
    {"target", "decimal", nullptr, nullptr,
     "Target level as written (decimals kept, without unit); empty when the target only states a "
     "change (see change) or the value is unknown or a placeholder."},
    {"deadline", "string", nullptr, nullptr,
     "When the target is due, normalised like baseline_year; empty when not stated."},
    {"status", "string", "complete|incomplete", nullptr,
     "\"complete\" when every field was stated and read; \"incomplete\" when a field is a placeholder "
     "(TBC, ...) or the sentence could not be read."},
    {"gaps", "string", "amount|deadline|baseline|whole", ";",
     "The fields left as placeholders, separated by \";\"."},
    {"source_line", "integer", nullptr, nullptr, "Line in the source Markdown file where the target starts."},
    {"change", "decimal", nullptr, nullptr,
     "For a target stated as a change (\"by 5%\"): the size of the change as written, unsigned; "
     "direction gives its sign."},
    {"change_unit", "string", nullptr, nullptr, "Unit of change: \"%\" or the unit as written."},
    {"indicator", "string", nullptr, nullptr, "Indicator code the target names, e.g. \"NI 20\"."},
    {"lead", "string", nullptr, ";", "The priority's lead agencies or officers, separated by \";\"."},
}};

bool present(const Quantity& q) { return !q.text.empty() || q.value.has_value() || q.gap; }

/// The number of a quantity as written: decimals kept, unit and separators dropped.
std::string number_text(const Quantity& q) {
    if (q.gap || !q.value || !std::isfinite(*q.value)) return {};
    const double value = *q.value;
    char buffer[64];
    std::to_chars_result result;
    if (q.decimals > 0 || value == std::trunc(value)) {
        result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed,
                               q.decimals > 0 ? q.decimals : 0);
    } else {
        result = std::to_chars(buffer, buffer + sizeof buffer, value);
    }
    if (result.ec != std::errc()) return {};
    std::string out(buffer, result.ptr);
    if (out.size() > 1 && out[0] == '-' && out.find_first_not_of("-0.") == std::string::npos) {
        out.erase(0, 1);  // "-0" is 0
    }
    return out;
}

std::string unit_text(const Quantity& q) { return q.percent ? "%" : q.unit; }

std::string year_text(const std::optional<PlanDate>& date) { return date ? date->iso() : std::string(); }

/// RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes inside.
void append_field(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void append_row(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        append_field(out, fields[i]);
    }
    out += '\n';
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty()) out += separator;
        out += item;
    }
    return out;
}

std::vector<std::string> target_row(const Document& doc, const Partnership& partnership,
                                    const Priority& priority, const Target& t) {
    // The parser fills baseline/target_value from tables and from-to sentences; fall back
    // on the sentence amounts in case only those are set.
    const bool to_level = t.change_kind == ChangeKind::To || t.change_kind == ChangeKind::At ||
                          t.change_kind == ChangeKind::FromTo;
    const Quantity none;
    const Quantity& baseline =
        present(t.baseline) ? t.baseline : (t.change_kind == ChangeKind::FromTo ? t.from : none);
    const Quantity& target = present(t.target_value) ? t.target_value : (to_level ? t.change : none);
    std::string unit = present(target) ? unit_text(target) : std::string();
    if (unit.empty() && present(baseline)) unit = unit_text(baseline);
    const bool by = t.change_kind == ChangeKind::By;

    std::vector<std::string> gaps;
    for (TargetField field : t.gaps) gaps.emplace_back(to_string(field));
    std::vector<std::string> leads;
    for (const Lead& lead : priority.leads) leads.push_back(lead.name);

    return {
        doc.partnership.empty() ? partnership.slug : doc.partnership,
        doc.slug,
        priority.id,
        priority.title,
        t.text,
        t.direction == Direction::Unknown ? std::string() : std::string(to_string(t.direction)),
        t.measure,
        unit,
        number_text(baseline),
        year_text(t.baseline_year),
        number_text(target),
        year_text(t.deadline),
        t.complete() ? "complete" : "incomplete",
        joined(gaps, ";"),
        t.span.known() ? std::to_string(t.span.line) : std::string(),
        by ? number_text(t.change) : std::string(),
        by && !t.change.gap ? unit_text(t.change) : std::string(),
        t.indicator,
        joined(leads, ";"),
    };
}

}  // namespace

std::string targets_csv(const Document& doc, const Partnership& partnership) {
    std::string out;
    std::vector<std::string> header;
    for (const Column& column : kColumns) header.emplace_back(column.name);
    append_row(out, header);
    for (const Priority& priority : doc.priorities) {
        for (const Target& target : priority.targets) {
            append_row(out, target_row(doc, partnership, priority, target));
        }
    }
    return out;
}

std::string targets_csv_metadata(const Document& doc, const Partnership& partnership) {
    // Written straight out (the same bytes as an nlohmann tree dumped compact, which this
    // was: building the tree for every plan cost more than the rest of the file).
    JsonWriter w(6 * 1024, JsonLayout::Compact);
    w.begin_object();
    w.key("@context");
    w.begin_array();
    w.string("http://www.w3.org/ns/csvw");
    w.begin_object();
    w.field("@language", "en");
    w.end_object();
    w.end_array();
    w.field("url", "targets.csv");
    w.field("dc:title", "Targets: " + (doc.title.empty() ? doc.slug : doc.title));
    w.field("dc:publisher", partnership.name.empty() ? partnership.slug : partnership.name);
    w.field("dc:source", doc.path);
    w.field("dc:description",
            "One row per target of the plan's priorities. Empty cells are unknown values (a "
            "placeholder such as TBC is never written as 0). The full model, including each "
            "target's wording and source position, is in plan.json (docs/schema/plan.schema.json).");
    w.key("dialect");
    w.begin_object();
    w.field("header", true);
    w.field("encoding", "utf-8");
    w.key("lineTerminators");
    w.begin_array();
    w.string("\n");
    w.end_array();
    w.end_object();
    w.key("tableSchema");
    w.begin_object();
    w.key("columns");
    w.begin_array();
    for (const Column& column : kColumns) {
        w.begin_object();
        w.field("name", column.name);
        w.field("titles", column.name);
        w.field("dc:description", column.description);
        if (column.format != nullptr) {
            w.key("datatype");
            w.begin_object();
            w.field("base", column.datatype);
            w.field("format", column.format);
            w.end_object();
        } else {
            w.field("datatype", column.datatype);
        }
        if (column.separator != nullptr) w.field("separator", column.separator);
        const std::string_view name = column.name;
        if (name == "partnership" || name == "plan" || name == "status") w.field("required", true);
        w.end_object();
    }
    w.end_array();
    w.end_object();
    w.end_object();
    w.raw("\n");
    return w.take();
}

}  // namespace planc
