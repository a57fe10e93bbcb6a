#pragma once
// The command-line tool: thin commands over the library. Each command returns the
// process exit status: 0 success, 1 findings that fail the run, 2 misuse or failure.

#include <optional>
#include <string>
#include <vector>

#include "planc/diagnostic_output.hpp"
#include "planc/diagnostics.hpp"
#include "planc/model.hpp"

namespace planc::cli {

constexpr int kExitOk = 0;
constexpr int kExitFindings = 1;
constexpr int kExitUsage = 2;

/// Arguments after the command name, split into options and positional words.
struct Args {
    std::vector<std::string> positional;
    std::vector<std::pair<std::string, std::string>> options;  ///< "--out", "site"

    /// Reads `--name value` and `--name=value`; flags listed in `flags` take no value.
    static std::optional<Args> parse(const std::vector<std::string>& words, const std::vector<std::string>& flags,
                                     std::string& error);
    [[nodiscard]] bool has(const std::string& name) const;
    [[nodiscard]] std::optional<std::string> value(const std::string& name) const;
};

/// How diagnostics are printed on this run (format, colour from the terminal and NO_COLOR).
struct Printer {
    OutputFormat format = OutputFormat::Human;
    bool colour = false;
    /// Prints to stderr for human/gcc during builds, stdout for `check`.
    void print(const Diagnostics& diags, const Project& project, bool to_stdout, bool summary = true) const;
};

/// The default printer: human with colour when stderr/stdout is a terminal and NO_COLOR unset.
Printer default_printer(bool for_stdout);

int run_build(const std::vector<std::string>& args);
int run_check(const std::vector<std::string>& args);
int run_dump(const std::vector<std::string>& args);
int run_explain(const std::vector<std::string>& args);
int run_review(const std::vector<std::string>& args);
int run_serve(const std::vector<std::string>& args);

/// Moves a loaded project into memory that is never freed, for a command that ends the
/// process soon after: taking a 1,000-plan model apart node by node (millions of small
/// allocations, on one thread) cost up to a tenth of `planc check`; the operating system
/// takes the whole process back at once.
Project& keep_until_exit(Project&& project);

/// Loads what `check` and `review` are given: project folders, content/, partnership
/// folders or single documents, merged into one project.
Project load_paths(const std::vector<std::string>& paths, Diagnostics& diags);

}  // namespace planc::cli
