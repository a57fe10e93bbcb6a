#pragma once
/// The load stage: finds the project's files and hands their text to the parser.

#include <string>

#include "planc/diagnostics.hpp"
#include "planc/model.hpp"

namespace planc {

/// Loads `root/planc.yml` (optional) and every partnership folder under
/// `root/content/`: `_index.md` and each document. Names are validated (lowercase ASCII,
/// digits, hyphens). Deterministic order: partnerships and documents sorted by slug.
Project load_project(const std::string& root, Diagnostics& diags);

/// Loads one document file (for `planc dump FILE`), with its partnership if the folder
/// has an `_index.md`. `project_root` is used to make paths relative.
Project load_single_document(const std::string& file, Diagnostics& diags);

/// Reads a whole file. Returns false and reports E002 when it cannot be read.
bool read_text_file(const std::string& path, const std::string& display_path, std::string& out,
                    Diagnostics& diags);

}  // namespace planc
