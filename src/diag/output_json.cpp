// JSON output: one document with every diagnostic and the counts, for scripts.

#include <nlohmann/json.hpp>

#include "planc/diagnostic_output.hpp"

namespace planc {

namespace {

using nlohmann::ordered_json;

/// A string field, or null when it is empty, so consumers can test for absence.
ordered_json text_or_null(const std::string& text) {
    return text.empty() ? ordered_json() : ordered_json(text);
}

/// A 1-based position field, or null when it is unknown (0).
ordered_json position_or_null(std::uint32_t n) { return n == 0 ? ordered_json() : ordered_json(n); }

void put_location(ordered_json& object, const Location& where) {
    const Span& span = where.span;
    const bool known = span.known();
    object["file"] = text_or_null(where.file);
    object["line"] = position_or_null(span.line);
    object["column"] = known ? position_or_null(span.column) : ordered_json();
    object["end_line"] = known ? position_or_null(span.end_line) : ordered_json();
    object["end_column"] = known ? position_or_null(span.end_column) : ordered_json();
}

ordered_json note_json(const DiagNote& note) {
    ordered_json object;
    object["message"] = note.message;
    put_location(object, note.location);
    return object;
}

ordered_json diagnostic_json(const Diagnostic& d) {
    const DiagInfo& row = info(d.code);
    ordered_json object;
    object["code"] = row.code;
    object["name"] = row.name;
    object["severity"] = to_string(d.severity);
    object["message"] = d.message;
    put_location(object, d.location);
    object["plan"] = text_or_null(d.plan);
    object["priority"] = text_or_null(d.priority);
    object["notes"] = ordered_json::array();
    for (const DiagNote& note : d.notes) object["notes"].push_back(note_json(note));
    return object;
}

ordered_json summary_json(const DiagnosticSummary& summary) {
    ordered_json object;
    object["errors"] = summary.errors;
    object["warnings"] = summary.warnings;
    object["notes"] = summary.notes;
    object["by_code"] = ordered_json::object();
    for (const auto& [code, count] : summary.by_code) object["by_code"][code] = count;
    return object;
}

}  // namespace

std::string format_json(const std::vector<Diagnostic>& diagnostics) {
    ordered_json document;
    document["version"] = 1;
    document["diagnostics"] = ordered_json::array();
    for (const Diagnostic& d : diagnostics) document["diagnostics"].push_back(diagnostic_json(d));
    document["summary"] = summary_json(summarise(diagnostics));
    // Replace rather than throw on a stray byte: a diagnostic about an unreadable file
    // may quote it.
    return document.dump(2, ' ', false, ordered_json::error_handler_t::replace) + '\n';
}

}  // namespace planc
