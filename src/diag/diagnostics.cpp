// The code table and the list that stages report into.

#include "planc/diagnostics.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

namespace planc {

const std::vector<DiagInfo>& diagnostic_table() {
    static const std::vector<DiagInfo> table = {
#define PLANC_DIAG(id, code, name, severity, summary) \
    DiagInfo{DiagCode::id, code, name, Severity::severity, summary},
#include "planc/diagnostic_codes.def"
#undef PLANC_DIAG
    };
    return table;
}

const DiagInfo& info(DiagCode id) {
    // The enum is generated from the same table, so its value is the row index.
    return diagnostic_table()[static_cast<std::size_t>(id)];
}

namespace {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

}  // namespace

std::optional<DiagCode> find_code(std::string_view code_or_name) {
    for (const DiagInfo& row : diagnostic_table()) {
        if (equal_ignoring_case(row.code, code_or_name) || equal_ignoring_case(row.name, code_or_name)) {
            return row.id;
        }
    }
    return std::nullopt;
}

const char* to_string(Severity s) {
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

Diagnostic& Diagnostics::report(DiagCode code, std::string message, Location where) {
    Diagnostic d;
    d.code = code;
    d.severity = info(code).severity;
    d.message = std::move(message);
    d.location = std::move(where);
    items_.push_back(std::move(d));
    return items_.back();
}

std::size_t Diagnostics::count(Severity s) const {
    return static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

void Diagnostics::sort() {
    // Stable, and with the message as the last key, so that the order never depends on
    // the order in which checks happened to run.
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        const Span& sa = a.location.span;
        const Span& sb = b.location.span;
        return std::tie(a.location.file, sa.line, sa.column, info(a.code).code, a.message) <
               std::tie(b.location.file, sb.line, sb.column, info(b.code).code, b.message);
    });
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

}  // namespace planc
