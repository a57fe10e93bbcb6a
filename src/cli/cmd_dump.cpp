// planc dump FILE: one document's model as JSON.

#include <iostream>

#include "cli/cli.hpp"
#include "planc/data_output.hpp"
#include "planc/load.hpp"

namespace planc::cli {

int run_dump(const std::vector<std::string>& words) {
    std::string error;
    auto args = Args::parse(words, {}, error);
    if (!args || args->positional.size() != 1) {
        std::cerr << "planc dump: " << (error.empty() ? "name one document, e.g. planc dump content/melton/2009-10.md" : error)
                  << "\n";
        return kExitUsage;
    }
    Diagnostics diags;
    Project project = load_single_document(args->positional.front(), diags);
    diags.sort();
    if (!diags.items().empty()) default_printer(false).print(diags, project, false);
    const Partnership& partnership = project.partnerships.front();
    if (partnership.documents.empty() || diags.has_errors()) return kExitFindings;
    std::cout << document_json_text(partnership.documents.front(), partnership, JsonLayout::Indented);
    return kExitOk;
}

}  // namespace planc::cli
