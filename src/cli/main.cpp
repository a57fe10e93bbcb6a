// planc: a compiler for community safety plans.

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"

namespace {

constexpr const char* kUsage = R"(planc - compiles community safety plans written in Markdown

Usage:
  planc build [PROJECT] [--out DIR] [--strict] [--no-pdf]
                                                 check the plans and write the site into DIR (default site/);
                                                 --no-pdf skips printing leaflets to PDF
  planc check [PATH...] [--format FORMAT] [--strict]
                                                 report what is missing or wrong, with exact positions
                                                 FORMAT: human (default), gcc, json, sarif, github
  planc review [PATH...] --out FILE.html         write the reviewer's report: completeness and every finding
  planc serve [PROJECT] [--port N] [--bind ADDR] preview the site at http://127.0.0.1:1313/, rebuilt and
                                                 reloaded as the plans are saved (loopback only by default)
  planc dump FILE                                print one document's model as JSON
  planc explain CODE                             explain a diagnostic code (e.g. W101), with an example and the fix
  planc --help | --version

Exit status: 0 success (warnings allowed unless --strict), 1 errors (or warnings with --strict),
2 the command was used wrongly or could not run.
)";

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty()) {
        std::cerr << kUsage;
        return planc::cli::kExitUsage;
    }
    std::string command = words.front();
    std::vector<std::string> rest(words.begin() + 1, words.end());
    try {
        if (command == "--help" || command == "-h" || command == "help") {
            std::cout << kUsage;
            return planc::cli::kExitOk;
        }
        if (command == "--version" || command == "-V") {
            std::cout << "planc " << PLANC_VERSION << "\n";
            return planc::cli::kExitOk;
        }
        if (command == "build") return planc::cli::run_build(rest);
        if (command == "check") return planc::cli::run_check(rest);
        if (command == "dump") return planc::cli::run_dump(rest);
        if (command == "explain") return planc::cli::run_explain(rest);
        if (command == "review") return planc::cli::run_review(rest);
        if (command == "serve") return planc::cli::run_serve(rest);
        std::cerr << "planc: unknown command `" << command << "`\n\n" << kUsage;
        return planc::cli::kExitUsage;
    } catch (const std::exception& e) {
        std::cerr << "planc: error: " << e.what() << "\n";
        return planc::cli::kExitUsage;
    }
}
