#pragma once
/// Diagnostics are data: a code from the one table, a severity, a position, one plain
/// sentence, and notes pointing at other places. Stages collect them; only the CLI
/// decides how to print them and whether they fail the run.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planc/span.hpp"

namespace planc {

enum class Severity { Error, Warning, Note };

enum class DiagCode {
#define PLANC_DIAG(id, code, name, severity, summary) id,
#include "planc/diagnostic_codes.def"
#undef PLANC_DIAG
};

/// One row of the code table.
struct DiagInfo {
    DiagCode id;
    std::string_view code;     ///< "W101"
    std::string_view name;     ///< "target-gap"
    Severity severity;
    std::string_view summary;  ///< what the code finds, one line
};

/// Every code, in table order.
const std::vector<DiagInfo>& diagnostic_table();
const DiagInfo& info(DiagCode id);
/// Looks a code up by "W101" or by name "target-gap".
std::optional<DiagCode> find_code(std::string_view code_or_name);
/// Long explanation with an example and the fix (for `planc explain`), never empty.
std::string_view explanation(DiagCode id);
const char* to_string(Severity s);

struct DiagNote {
    std::string message;
    Location location;   ///< where the note points; may be unknown for a plain note
};

struct Diagnostic {
    DiagCode code;
    Severity severity = Severity::Warning;  ///< normally the table's severity
    std::string message;                    ///< one plain sentence, no trailing period
    Location location;
    std::string plan;        ///< document path slug "melton/2009-10", if any
    std::string priority;    ///< priority id, if any
    std::vector<DiagNote> notes;
};

/// A list of diagnostics being collected by a stage.
class Diagnostics {
public:
    /// Adds a finding with the severity from the code table.
    Diagnostic& report(DiagCode code, std::string message, Location where);
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
    std::vector<Diagnostic>& items() { return items_; }
    [[nodiscard]] std::size_t count(Severity s) const;
    [[nodiscard]] bool has_errors() const { return count(Severity::Error) > 0; }
    /// Sorts by file, line, column, code: the order every output uses.
    void sort();
    void append(const Diagnostics& other);

private:
    std::vector<Diagnostic> items_;
};

}  // namespace planc
