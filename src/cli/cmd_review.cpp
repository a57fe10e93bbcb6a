// planc review [PATH...] --out FILE.html: the reviewer's report as one HTML page.

#include <fstream>
#include <iostream>

#include "cli/cli.hpp"
#include "planc/check.hpp"
#include "planc/review.hpp"

namespace planc::cli {

int run_review(const std::vector<std::string>& words) {
    std::string error;
    auto args = Args::parse(words, {}, error);
    if (!args) {
        std::cerr << "planc review: " << error << "\n";
        return kExitUsage;
    }
    auto out = args->value("--out");
    for (const auto& [name, value] : args->options) {
        if (name != "--out") {
            std::cerr << "planc review: unknown option " << name << "\n";
            return kExitUsage;
        }
    }
    if (!out || out->empty()) {
        std::cerr << "planc review: name the report file with --out, e.g. --out review.html\n";
        return kExitUsage;
    }
    Diagnostics diags;
    Project project = load_paths(args->positional, diags);
    check_project(project, diags);
    diags.sort();
    std::string html = render_review_report(project, diags);
    std::string temp = *out + ".planc-tmp";
    {
        std::ofstream file(temp, std::ios::binary | std::ios::trunc);
        file << html;
        if (!file) {
            std::cerr << "planc review: cannot write " << *out << "\n";
            return kExitUsage;
        }
    }
    if (std::rename(temp.c_str(), out->c_str()) != 0) {
        std::remove(temp.c_str());
        std::cerr << "planc review: cannot write " << *out << "\n";
        return kExitUsage;
    }
    std::cerr << "wrote " << *out << ": " << diags.count(Severity::Error) << " errors, "
              << diags.count(Severity::Warning) << " warnings\n";
    return kExitOk;
}

}  // namespace planc::cli
