// gcc-style output, one line per diagnostic and per note, for editors' error parsers.

#include "planc/diagnostic_output.hpp"

namespace planc {

namespace {

/// "file:line:col" as far as known; "planc" when nothing is, as gcc names itself.
std::string place(const Location& where) {
    if (where.file.empty() && !where.span.known()) return "planc";
    std::string out = where.file;
    if (where.span.known()) {
        out += ':' + std::to_string(where.span.line);
        if (where.span.column != 0) out += ':' + std::to_string(where.span.column);
    }
    return out;
}

}  // namespace

std::string format_gcc(const std::vector<Diagnostic>& diagnostics) {
    std::string out;
    for (const Diagnostic& d : diagnostics) {
        out += place(d.location) + ": " + to_string(d.severity) + ": " + d.message + " [" +
               std::string(info(d.code).code) + "]\n";
        for (const DiagNote& note : d.notes) out += place(note.location) + ": note: " + note.message + '\n';
    }
    return out;
}

}  // namespace planc
