#pragma once
/// The parse stage: turns one file's text into model data. Reads no files itself.

#include <string>
#include <string_view>

#include "planc/diagnostics.hpp"
#include "planc/model.hpp"

namespace planc {

/// Parses a plan or report ("content/melton/2009-10.md"). `path` is the project-relative
/// path used in spans and diagnostics; `partnership` and `slug` come from the path.
/// Never throws: problems become diagnostics (E001 front matter, E002 encoding, ...).
Document parse_document(const std::string& path, std::string text, Diagnostics& diags);

/// Parses a partnership's `_index.md`.
Partnership parse_partnership_index(const std::string& path, std::string text, Diagnostics& diags);

/// Parses `planc.yml` text into settings.
SiteSettings parse_site_settings(const std::string& path, std::string_view text, Diagnostics& diags);

/// The stable id of a heading: lower case ASCII letters and digits joined by single
/// hyphens ("Key Achievements" -> "key-achievements").
std::string slugify(std::string_view text);

}  // namespace planc
