#pragma once
/// Printing diagnostics. Each format is one function over the sorted list; none of them
/// reads files, looks at the terminal or the environment: the CLI passes in the source
/// text and decides on colour, so the output is a pure function of its inputs.

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "planc/diagnostics.hpp"

namespace planc {

/// The `--format=` values of `planc check`.
enum class OutputFormat { Human, Gcc, Json, Sarif, Github };

/// Reads "human", "gcc", "json", "sarif" or "github"; nothing for any other name.
std::optional<OutputFormat> parse_output_format(std::string_view name);
/// The `--format=` name of a format.
const char* to_string(OutputFormat format);

/// Gives the text of a source file by its display path ("content/melton/2009-10.md"),
/// for the source lines of human output; nothing when the text is not at hand. The view
/// is read before the next lookup and never kept (a lookup may reuse its storage).
using SourceLookup = std::function<std::optional<std::string_view>(const std::string& file)>;

struct OutputOptions {
    bool colour = false;                 ///< ANSI colour in human output; the CLI decides (isatty, NO_COLOR)
    std::string tool_version;            ///< planc's version, for SARIF's tool.driver.version
    bool summary = true;                 ///< end human output with "warning: 17 warnings emitted"
    std::size_t max_source_width = 120;  ///< longer source lines are cut around the span; 0 never cuts
};

/// How many diagnostics of each severity and of each code a list holds.
struct DiagnosticSummary {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::size_t notes = 0;
    std::map<std::string, std::size_t> by_code;  ///< "W101" -> count, in code order

    [[nodiscard]] std::size_t total() const { return errors + warnings + notes; }
};

/// Counts a list by severity and by code (attached notes are not counted).
DiagnosticSummary summarise(const std::vector<Diagnostic>& diagnostics);

/// The closing line of human output, modelled on rustc: "warning: 17 warnings emitted",
/// "error: aborting due to 2 errors; 17 warnings emitted"; empty when there is nothing.
/// No final newline.
std::string summary_line(const DiagnosticSummary& summary, bool colour);

/// Prints diagnostics, in the order given, in one format. `sources` may be empty.
std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics, OutputFormat format,
                               const SourceLookup& sources, const OutputOptions& options);

/// rustc-style: header, ` --> file:line:col`, the source line with carets, notes, and a
/// summary line.
std::string format_human(const std::vector<Diagnostic>& diagnostics, const SourceLookup& sources,
                         const OutputOptions& options);
/// `file:line:col: warning: message [W101]`, one line per diagnostic and per note.
std::string format_gcc(const std::vector<Diagnostic>& diagnostics);
/// `{"version":1,"diagnostics":[...],"summary":{...}}`, 2-space indent, final newline.
std::string format_json(const std::vector<Diagnostic>& diagnostics);
/// SARIF 2.1.0: one run, a rule for every code of the table, a result per diagnostic.
std::string format_sarif(const std::vector<Diagnostic>& diagnostics, const OutputOptions& options);
/// GitHub Actions workflow commands: `::warning file=...,line=...,col=...,title=...::message`.
std::string format_github(const std::vector<Diagnostic>& diagnostics);

}  // namespace planc
