// GitHub Actions workflow commands, so that findings show as annotations on a pull request.

#include "planc/diagnostic_output.hpp"

namespace planc {

namespace {

/// Escapes a command's message as the runner expects.
std::string escape_data(std::string_view text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
            case '%':
                out += "%25";
                break;
            case '\r':
                out += "%0D";
                break;
            case '\n':
                out += "%0A";
                break;
            default:
                out += c;
        }
    }
    return out;
}

/// Escapes a property value, where ':' and ',' also have meaning.
std::string escape_property(std::string_view text) {
    std::string out;
    for (const char c : escape_data(text)) {
        if (c == ':') {
            out += "%3A";
        } else if (c == ',') {
            out += "%2C";
        } else {
            out += c;
        }
    }
    return out;
}

const char* command_for(Severity s) {
    switch (s) {
        case Severity::Error:
            return "error";
        case Severity::Warning:
            return "warning";
        case Severity::Note:
            return "notice";
    }
    return "warning";
}

std::string properties(const Location& where, const DiagInfo& row) {
    std::string out;
    if (!where.file.empty()) out += "file=" + escape_property(where.file) + ',';
    const Span& span = where.span;
    if (span.known()) {
        out += "line=" + std::to_string(span.line) + ',';
        if (span.column != 0) out += "col=" + std::to_string(span.column) + ',';
        if (span.end_line != 0) out += "endLine=" + std::to_string(span.end_line) + ',';
        if (span.end_line != 0 && span.end_column != 0)
            out += "endColumn=" + std::to_string(span.end_column) + ',';
    }
    out += "title=" + escape_property(std::string(row.code) + ' ' + std::string(row.name));
    return out;
}

/// Notes go into the annotation's own text: each extra command would be a separate
/// annotation, and the runner shows only a few per step.
std::string message_with_notes(const Diagnostic& d) {
    std::string text = d.message;
    for (const DiagNote& note : d.notes) {
        text += "\nnote: " + note.message;
        const Span& span = note.location.span;
        if (span.known()) {
            text += " (" + note.location.file + ':' + std::to_string(span.line);
            if (span.column != 0) text += ':' + std::to_string(span.column);
            text += ')';
        } else if (!note.location.file.empty()) {
            text += " (" + note.location.file + ')';
        }
    }
    return text;
}

}  // namespace

std::string format_github(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) {
        out += std::string("::") + command_for(d.severity) + ' ' + properties(d.location, info(d.code)) +
               "::" + escape_data(message_with_notes(d)) + '\n';
    }
    return out;
}

}  // namespace planc
