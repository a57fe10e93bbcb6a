#pragma once
/// The load stage: finds the project's files and hands their text to the parser.

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "planc/diagnostics.hpp"
#include "planc/model.hpp"

namespace planc {

/// Loads `root/planc.yml` (optional) and every partnership folder under
/// `root/content/`: `_index.md` and each document. Names are validated (lowercase ASCII,
/// digits, hyphens). Deterministic order: partnerships and documents sorted by slug.
Project load_project(const std::string& root, Diagnostics& diags);

/// Called on the thread that parsed a document, as soon as it is parsed. `index` is the
/// document's place in project order (each partnership, then its documents). It may read
/// the project's settings and partnerships (their `_index.md`) and change this document,
/// but must not read another document: those are being parsed on other threads.
/// `found` holds what parsing it found.
using ParsedDocumentHook =
    std::function<void(std::size_t index, const Partnership& partnership, Document& doc, const Diagnostics& found)>;

/// Called once for each partnership (`index` in project order) when every one of its
/// documents has been parsed and through the ParsedDocumentHook: on the thread that
/// finished the last of them, while other partnerships' documents are still being parsed
/// (for a partnership without documents, before any document is parsed). It may read
/// that partnership and its documents, not another partnership's.
using PartnershipParsedHook = std::function<void(std::size_t index, const Partnership& partnership)>;

/// load_project in two steps, for commands that work on each document as it is parsed
/// (`planc build` renders it and keeps only its outline):
///
///     Project project;
///     ProjectLoad load(root, project, diags);  // planc.yml, partnerships, the file list
///     ... prepare, reading the project ...
///     load.parse_documents(hook);            // every document, on every core
class ProjectLoad {
public:
    /// Loads into `project` (which must outlive the load) from the folder `root`.
    ProjectLoad(const std::string& root, Project& project, Diagnostics& diags);
    ~ProjectLoad();
    ProjectLoad(const ProjectLoad&) = delete;
    ProjectLoad& operator=(const ProjectLoad&) = delete;

    /// How many documents parse_documents will parse.
    [[nodiscard]] std::size_t document_count() const;
    /// Parses every document into the project; their findings go into the load's
    /// Diagnostics in file order, after the hooks have run for every document.
    void parse_documents(const ParsedDocumentHook& after_parse = {},
                         const PartnershipParsedHook& partnership_parsed = {});

private:
    struct Pending;
    Project& project_;
    Diagnostics& diags_;
    std::unique_ptr<Pending> pending_;
};

/// Loads one document file (for `planc dump FILE`), with its partnership if the folder
/// has an `_index.md`. `project_root` is used to make paths relative.
Project load_single_document(const std::string& file, Diagnostics& diags);

/// The text of a document for excerpts in diagnostics: its own copy, or for an outline
/// (whose text keep_outline let go) the file read again from the project folder, when
/// it still holds what was parsed. Nothing when it was edited, moved or cannot be read.
std::optional<std::string> read_source_again(const Project& project, const Document& doc);

/// Reads a whole file. Returns false and reports E002 when it cannot be read.
bool read_text_file(const std::string& path, const std::string& display_path, std::string& out,
                    Diagnostics& diags);

}  // namespace planc
