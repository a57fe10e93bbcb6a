#pragma once
/// The parse stage: turns one file's text into model data. Reads no files itself.

#include <cstdint>
#include <string>
#include <string_view>

#include "planc/diagnostics.hpp"
#include "planc/model.hpp"

namespace planc {

/// The largest source file planc reads, in bytes. A plan is a few hundred kilobytes;
/// a larger file is not a plan, and reading it would only cost time and memory.
inline constexpr std::size_t kMaxSourceBytes = 10u << 20;

/// The E002 message for a file of `bytes` over kMaxSourceBytes.
std::string too_large_message(std::uintmax_t bytes);

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
