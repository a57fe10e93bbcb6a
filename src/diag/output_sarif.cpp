// SARIF 2.1.0 output, for code-scanning tools: the code table as rules, a result per
// diagnostic, notes as related locations.

#include <algorithm>
#include <nlohmann/json.hpp>

#include "planc/diagnostic_output.hpp"

namespace planc {

namespace {

using nlohmann::ordered_json;

constexpr const char* kSchema = "https://json.schemastore.org/sarif-2.1.0.json";

const char* level_for(Severity s) {
    switch (s) {
        case Severity::Error:
            return "error";
        case Severity::Warning:
            return "warning";
        case Severity::Note:
            return "note";
    }
    return "warning";
}

/// A relative path as a URI reference: bytes other than unreserved ones and '/' are
/// percent-encoded.
std::string uri_for(std::string_view path) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : path) {
        const auto byte = static_cast<unsigned char>(c);
        const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                                (byte >= '0' && byte <= '9') || c == '-' || c == '.' || c == '_' ||
                                c == '~' || c == '/';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0x0F];
        }
    }
    return out;
}

ordered_json region_for(const Span& span) {
    ordered_json region;
    region["startLine"] = span.line;
    if (span.column != 0) region["startColumn"] = span.column;
    if (span.end_line != 0) {
        region["endLine"] = span.end_line;
        // SARIF's endColumn is the column after the region; ours is its last character.
        if (span.end_column != 0) region["endColumn"] = span.end_column + 1;
    }
    return region;
}

/// A physicalLocation, or nothing when not even the file is known.
std::optional<ordered_json> physical_location(const Location& where) {
    if (where.file.empty()) return std::nullopt;
    ordered_json physical;
    physical["artifactLocation"]["uri"] = uri_for(where.file);
    if (where.span.known()) physical["region"] = region_for(where.span);
    return physical;
}

/// The explanation's opening paragraph, on one line: what the code finds. GitHub shows
/// it beside each alert and cuts it at 1024 characters, so the whole text goes to help.
std::string first_paragraph(std::string_view explained) {
    std::size_t start = explained.find("\n\n");
    start = start == std::string_view::npos ? 0 : start + 2;
    const std::string_view paragraph = explained.substr(start, explained.find("\n\n", start) - start);
    std::string out(paragraph);
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
}

ordered_json rule_json(const DiagInfo& row) {
    const std::string_view explained = explanation(row.id);
    ordered_json rule;
    rule["id"] = row.code;
    rule["name"] = row.name;
    rule["shortDescription"]["text"] = row.summary;
    rule["fullDescription"]["text"] = first_paragraph(explained);
    rule["help"]["text"] = explained;
    rule["help"]["markdown"] = explained;
    rule["defaultConfiguration"]["level"] = level_for(row.severity);
    return rule;
}

/// Escapes the characters that SARIF gives meaning in a message with embedded links.
std::string escape_message(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '[' || c == ']' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

ordered_json result_json(const Diagnostic& d) {
    ordered_json result;
    result["ruleId"] = info(d.code).code;
    result["ruleIndex"] = static_cast<std::size_t>(d.code);
    result["level"] = level_for(d.severity);
    // Notes join the message; a located note becomes a related location that the message
    // links to as "[text](id)", which is how viewers show it.
    std::string message = escape_message(d.message);
    ordered_json related = ordered_json::array();
    for (const DiagNote& note : d.notes) {
        if (auto physical = physical_location(note.location)) {
            const std::size_t id = related.size() + 1;
            ordered_json location;
            location["id"] = id;
            location["physicalLocation"] = *physical;
            location["message"]["text"] = note.message;
            related.push_back(location);
            message += "\nnote: [" + escape_message(note.message) + "](" + std::to_string(id) + ')';
        } else {
            message += "\nnote: " + escape_message(note.message);
        }
    }
    result["message"]["text"] = message;
    if (auto physical = physical_location(d.location)) {
        ordered_json location;
        location["physicalLocation"] = *physical;
        result["locations"] = ordered_json::array();
        result["locations"].push_back(location);
    }
    if (!related.empty()) result["relatedLocations"] = related;
    if (!d.plan.empty()) result["properties"]["plan"] = d.plan;
    if (!d.priority.empty()) result["properties"]["priority"] = d.priority;
    return result;
}

}  // namespace

std::string format_sarif(const std::vector<Diagnostic>& diagnostics, const OutputOptions& options) {
    ordered_json driver;
    driver["name"] = "planc";
    if (!options.tool_version.empty()) driver["version"] = options.tool_version;
    driver["rules"] = ordered_json::array();
    for (const DiagInfo& row : diagnostic_table()) driver["rules"].push_back(rule_json(row));

    ordered_json run;
    run["tool"]["driver"] = driver;
    // Our columns count code points; SARIF's default would be UTF-16 code units.
    run["columnKind"] = "unicodeCodePoints";
    run["results"] = ordered_json::array();
    for (const Diagnostic& d : diagnostics) run["results"].push_back(result_json(d));

    ordered_json log;
    log["$schema"] = kSchema;
    log["version"] = "2.1.0";
    log["runs"] = ordered_json::array();
    log["runs"].push_back(run);
    return log.dump(2, ' ', false, ordered_json::error_handler_t::replace) + '\n';
}

}  // namespace planc
