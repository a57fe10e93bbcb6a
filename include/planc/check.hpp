#pragma once
/// The check stage: reads the model and reports findings. Never prints, never exits.

#include <functional>
#include <string>
#include <vector>

#include "planc/diagnostics.hpp"
#include "planc/load.hpp"
#include "planc/model.hpp"

namespace planc {

/// Runs every check over the whole project (partnership glossaries, all plans), then
/// applies `<!-- planc: allow CODE -->` suppressions and reports unused ones. The same
/// as check_document for every document, then finish_checks.
void check_project(const Project& project, Diagnostics& diags);

// --- Checking one document at a time (planc build and check do this as each document
// is parsed, then drop its body: see keep_outline) ---------------------------------

/// A link from one document to another document of the project ("2008-09.md",
/// "../melton/2009-10.md#priority-3-burglary"): the other document may not be parsed yet
/// when the first is checked, so the link is resolved by finish_checks, from outlines.
struct CrossDocumentLink {
    std::string folder;    ///< the partnership folder the path names
    std::string name;      ///< the file name as written ("2009-10.md", "2009-10")
    std::string fragment;  ///< after '#', may be empty
    std::string url;       ///< as written, for the message
    bool image = false;
    Span where;
};

/// What one document's own checks found.
struct DocumentFindings {
    Diagnostics found;
    std::vector<CrossDocumentLink> links;  ///< left for finish_checks
};

/// Every check that reads one document (and its partnership's `_index.md` and the
/// settings), never another document: safe on any thread while other documents are
/// being parsed.
DocumentFindings check_document(const Project& project, const Partnership& partnership, const Document& doc);

/// What is left once every document has been checked: the links between documents, the
/// partnership-wide checks, then suppressions. `documents` holds one entry per document
/// in project order (each partnership, then its documents); the documents may be
/// outlines by now. The findings go into `diags`, sorted.
void finish_checks(const Project& project, std::vector<DocumentFindings>& documents, Diagnostics& diags);

/// The partnership-wide checks of one partnership, once all its documents are parsed
/// (outlines will do). They read only that partnership: safe on any thread while other
/// partnerships' documents are being parsed.
Diagnostics check_partnership(const Project& project, const Partnership& partnership);

/// finish_checks with the partnership-wide checks already run: `partnerships` holds
/// check_partnership's findings for each partnership, in project order.
void finish_checks(const Project& project, std::vector<DocumentFindings>& documents,
                   std::vector<Diagnostics>& partnerships, Diagnostics& diags);

/// load_project and check_project in one pass over the documents, for a whole project
/// folder: each document is checked on the thread that parsed it, then `also` runs on it
/// (planc build renders its pages there), then it is reduced to its outline
/// (keep_outline). The project never holds more than a few whole documents at once; the
/// findings are those of load_project followed by check_project, in the same order.
/// `before_parsing` runs once the settings and partnerships are loaded and before any
/// document is parsed, with the number of documents (planc build loads the theme there).
/// `also` learns whether the document's parse or checks found an error (a build that will
/// fail need not render what follows). `partnership_checked` runs once for each
/// partnership, as soon as all its documents have been through `also` and its
/// partnership-wide checks have run, on that thread, while other documents are still
/// being parsed (planc build writes the partnership's own pages there).
using CheckedDocumentHook =
    std::function<void(std::size_t index, const Partnership& partnership, const Document& doc, bool has_errors)>;
using CheckedPartnershipHook = std::function<void(std::size_t index, const Partnership& partnership)>;
void load_and_check_project(const std::string& root, Project& project, Diagnostics& diags,
                            const std::function<void(const Project&, std::size_t documents)>& before_parsing = {},
                            const CheckedDocumentHook& also = {},
                            const CheckedPartnershipHook& partnership_checked = {});

/// Counts for the build summary ("17 targets, 12 complete, 5 with gaps").
struct TargetSummary {
    std::size_t targets = 0;
    std::size_t complete = 0;
    std::size_t with_gaps = 0;
    std::size_t unreadable = 0;
};
TargetSummary summarise_targets(const Project& project);
/// The same for one document (a whole document, not an outline).
TargetSummary summarise_targets(const Document& doc);
TargetSummary& operator+=(TargetSummary& into, const TargetSummary& more);

}  // namespace planc
