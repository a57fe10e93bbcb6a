// load_and_check_project: every document checked as soon as it is parsed, then reduced to
// its outline, so a national site's model never has to fit in memory whole.

#include "planc/check.hpp"
#include "planc/load.hpp"

namespace planc {

void load_and_check_project(const std::string& root, Project& project, Diagnostics& diags,
                            const std::function<void(const Project&, std::size_t documents)>& before_parsing,
                            const CheckedDocumentHook& also, const CheckedPartnershipHook& partnership_checked) {
    Diagnostics load_diags;
    ProjectLoad load(root, project, load_diags);
    if (before_parsing) before_parsing(project, load.document_count());
    std::vector<DocumentFindings> findings(load.document_count());
    // A partnership's own checks run as soon as its last document is an outline, on the
    // thread that made it one: not in a tail after every document, when the other core
    // would have less to do.
    std::vector<Diagnostics> partnership_found(project.partnerships.size());
    load.parse_documents(
        [&](std::size_t i, const Partnership& partnership, Document& doc, const Diagnostics& parsed) {
            findings[i] = check_document(project, partnership, doc);
            if (also) also(i, partnership, doc, parsed.has_errors() || findings[i].found.has_errors());
            keep_outline(doc);
        },
        [&](std::size_t i, const Partnership& partnership) {
            partnership_found[i] = check_partnership(project, partnership);
            if (partnership_checked) partnership_checked(i, partnership);
        });
    // As load_project then check_project: the loader's findings first, then the checks'.
    diags.append(load_diags);
    finish_checks(project, findings, partnership_found, diags);
}

}  // namespace planc
