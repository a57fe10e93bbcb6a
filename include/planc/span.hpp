#pragma once
/// Source positions. Every model element carries one; a diagnostic without one is a bug.

#include <cstdint>
#include <string>

namespace planc {

/// A range in one source file: 1-based lines, 1-based columns counted in UTF-8
/// characters (code points), as the author sees them in an editor. `end_*` is the
/// position of the last character of the range (inclusive). Line 0 means "unknown".
struct Span {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::uint32_t end_line = 0;
    std::uint32_t end_column = 0;

    [[nodiscard]] bool known() const { return line != 0; }
    friend bool operator==(const Span&, const Span&) = default;
};

/// A span together with the file it is in (path relative to the project root,
/// e.g. "content/melton/2009-10.md"), for diagnostics and notes.
struct Location {
    std::string file;
    Span span;
    friend bool operator==(const Location&, const Location&) = default;
};

}  // namespace planc
