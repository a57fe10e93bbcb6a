// planc check [PATH...]: the reviewer's report of what is missing or wrong.

#include <boost/filesystem.hpp>

#include <iostream>
#include <optional>

#include "cli/cli.hpp"
#include "planc/check.hpp"
#include "planc/load.hpp"

namespace planc::cli {

namespace {

namespace fs = boost::filesystem;

/// The folder holding content/ when `path` names a whole project: the project folder
/// itself or its content/ folder.
std::optional<fs::path> project_folder_named(const std::string& path) {
    fs::path p = fs::absolute(path).lexically_normal();
    if (p.filename() == ".") p = p.parent_path();
    if (!fs::is_directory(p)) return std::nullopt;
    if (fs::is_directory(p / "content")) return p;
    if (p.filename() == "content") return p.parent_path();
    return std::nullopt;
}

/// Loads one path: a project folder (holds content/), the content/ folder itself, a
/// partnership folder (only its documents are kept), or a single document.
Project load_path(const std::string& path, Diagnostics& diags) {
    if (auto project = project_folder_named(path)) return load_project(project->string(), diags);
    fs::path p = fs::absolute(path).lexically_normal();
    if (p.filename() == ".") p = p.parent_path();
    if (!fs::is_directory(p)) return load_single_document(path, diags);
    if (p.parent_path().filename() == "content") {
        Project project = load_project(p.parent_path().parent_path().string(), diags);
        std::string slug = p.filename().string();
        std::erase_if(project.partnerships, [&](const Partnership& x) { return x.slug != slug; });
        return project;
    }
    return load_project(p.string(), diags);
}

/// The project folder when the paths name one whole project (no path: the current
/// folder), which can be checked document by document as it loads.
std::optional<std::string> whole_project(const std::vector<std::string>& paths) {
    if (paths.empty()) return std::string(".");
    if (paths.size() != 1) return std::nullopt;
    if (auto project = project_folder_named(paths.front())) return project->string();
    return std::nullopt;
}

}  // namespace

/// Loads what the paths name, merged into one project.
Project load_paths(const std::vector<std::string>& paths, Diagnostics& diags) {
    if (paths.empty()) return load_project(".", diags);
    Project merged;
    for (const std::string& path : paths) {
        Project p = load_path(path, diags);
        if (merged.root.empty()) {
            merged.root = p.root;
            merged.settings = p.settings;
        }
        for (auto& partnership : p.partnerships) merged.partnerships.push_back(std::move(partnership));
    }
    return merged;
}

int run_check(const std::vector<std::string>& words) {
    std::string error;
    auto args = Args::parse(words, {"--strict"}, error);
    if (!args) {
        std::cerr << "planc check: " << error << "\n";
        return kExitUsage;
    }
    Printer printer = default_printer(true);
    if (auto format = args->value("--format")) {
        auto parsed = parse_output_format(*format);
        if (!parsed) {
            std::cerr << "planc check: unknown format `" << *format << "`: use human, gcc, json, sarif or github\n";
            return kExitUsage;
        }
        printer.format = *parsed;
    }
    for (const auto& [name, value] : args->options) {
        if (name != "--format" && name != "--strict") {
            std::cerr << "planc check: unknown option " << name << "\n";
            return kExitUsage;
        }
    }
    Diagnostics diags;
    Project* loaded = nullptr;
    if (auto root = whole_project(args->positional)) {
        // Each document is checked as it is parsed and only its outline is kept.
        loaded = &keep_until_exit(Project{});
        load_and_check_project(*root, *loaded, diags);
    } else {
        loaded = &keep_until_exit(load_paths(args->positional, diags));
        check_project(*loaded, diags);
    }
    const Project& project = *loaded;
    diags.sort();
    printer.print(diags, project, true);
    bool strict = args->has("--strict") || project.settings.strict;
    if (diags.has_errors() || (strict && diags.count(Severity::Warning) > 0)) return kExitFindings;
    return kExitOk;
}

}  // namespace planc::cli
