#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <unistd.h>

#include <memory>
#include <utility>

#include "cli/cli.hpp"
#include "planc/load.hpp"

namespace planc::cli {

std::optional<Args> Args::parse(const std::vector<std::string>& words, const std::vector<std::string>& flags,
                                std::string& error) {
    Args args;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w.size() > 2 && w.compare(0, 2, "--") == 0) {
            std::size_t eq = w.find('=');
            std::string name = w.substr(0, eq);
            if (std::find(flags.begin(), flags.end(), name) != flags.end()) {
                if (eq != std::string::npos) {
                    error = "option " + name + " takes no value";
                    return std::nullopt;
                }
                args.options.emplace_back(name, "");
            } else if (eq != std::string::npos) {
                args.options.emplace_back(name, w.substr(eq + 1));
            } else if (i + 1 < words.size()) {
                args.options.emplace_back(name, words[++i]);
            } else {
                error = "option " + name + " needs a value";
                return std::nullopt;
            }
        } else if (w.size() > 1 && w[0] == '-' && w != "-") {
            error = "unknown option " + w;
            return std::nullopt;
        } else {
            args.positional.push_back(w);
        }
    }
    return args;
}

bool Args::has(const std::string& name) const {
    return std::any_of(options.begin(), options.end(), [&](const auto& o) { return o.first == name; });
}

std::optional<std::string> Args::value(const std::string& name) const {
    std::optional<std::string> out;
    for (const auto& [n, v] : options)
        if (n == name) out = v;
    return out;
}

Printer default_printer(bool for_stdout) {
    Printer p;
    const char* no_colour = std::getenv("NO_COLOR");
    bool terminal = ::isatty(for_stdout ? STDOUT_FILENO : STDERR_FILENO) != 0;
    p.colour = terminal && !(no_colour && *no_colour);
    // The spec: human is the default on a terminal; in logs and pipes one line per
    // finding (`file:line:col: warning: message [W101]`) is what tools and people grep.
    p.format = terminal ? OutputFormat::Human : OutputFormat::Gcc;
    return p;
}

void Printer::print(const Diagnostics& diags, const Project& project, bool to_stdout, bool summary) const {
    // An outline's text is read again when an excerpt needs it. Findings come sorted by
    // file, so one file is kept at a time; each view is used before the next lookup.
    auto reread = std::make_shared<std::pair<std::string, std::optional<std::string>>>();
    SourceLookup lookup = [&project, reread](const std::string& file) -> std::optional<std::string_view> {
        for (const auto& p : project.partnerships) {
            if (p.index_path == file) return std::string_view(p.source);
            for (const auto& d : p.documents) {
                if (d.path != file) continue;
                if (!d.outline_only) return std::string_view(d.source);
                if (reread->first != file) *reread = {file, read_source_again(project, d)};
                if (!reread->second) return std::nullopt;
                return std::string_view(*reread->second);
            }
        }
        return std::nullopt;
    };
    OutputOptions options;
    options.colour = colour;
    options.tool_version = PLANC_VERSION;
    options.summary = summary;
    std::string text = format_diagnostics(diags.items(), format, lookup, options);
    std::ostream& out = to_stdout ? std::cout : std::cerr;
    out << text;
    out.flush();
}

}  // namespace planc::cli
