// Choosing an output format by name, and the counts every format can report.

#include <array>
#include <utility>

#include "planc/diagnostic_output.hpp"

namespace planc {

namespace {

constexpr std::array<std::pair<OutputFormat, const char*>, 5> kFormatNames = {{
    {OutputFormat::Human, "human"},
    {OutputFormat::Gcc, "gcc"},
    {OutputFormat::Json, "json"},
    {OutputFormat::Sarif, "sarif"},
    {OutputFormat::Github, "github"},
}};

}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view name) {
    for (const auto& [format, format_name] : kFormatNames) {
        if (name == format_name) return format;
    }
    return std::nullopt;
}

const char* to_string(OutputFormat format) {
    for (const auto& [known, format_name] : kFormatNames) {
        if (known == format) return format_name;
    }
    return "human";
}

DiagnosticSummary summarise(const std::vector<Diagnostic>& diagnostics) {
    DiagnosticSummary summary;
    for (const Diagnostic& d : diagnostics) {
        switch (d.severity) {
            case Severity::Error:
                ++summary.errors;
                break;
            case Severity::Warning:
                ++summary.warnings;
                break;
            case Severity::Note:
                ++summary.notes;
                break;
        }
        ++summary.by_code[std::string(info(d.code).code)];
    }
    return summary;
}

std::string format_diagnostics(const std::vector<Diagnostic>& diagnostics, OutputFormat format,
                               const SourceLookup& sources, const OutputOptions& options) {
    switch (format) {
        case OutputFormat::Human:
            return format_human(diagnostics, sources, options);
        case OutputFormat::Gcc:
            return format_gcc(diagnostics);
        case OutputFormat::Json:
            return format_json(diagnostics);
        case OutputFormat::Sarif:
            return format_sarif(diagnostics, options);
        case OutputFormat::Github:
            return format_github(diagnostics);
    }
    return format_human(diagnostics, sources, options);
}

}  // namespace planc
