#pragma once
// Source text helpers shared by the parse stage: line index, byte <-> code point
// columns, UTF-8 validation. Internal to src/.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "planc/span.hpp"

namespace planc {

/// Index of line starts of a source text, to turn byte positions into the
/// (line, code point column) positions every diagnostic uses. Remembers its last answer
/// (so one index is not for sharing between threads).
class LineIndex {
public:
    explicit LineIndex(std::string_view text);

    /// Number of lines (a final line without newline counts).
    [[nodiscard]] std::uint32_t line_count() const { return static_cast<std::uint32_t>(starts_.size()); }
    /// The text of a 1-based line without its line ending; empty past the end.
    [[nodiscard]] std::string_view line(std::uint32_t line) const;
    /// Byte offset of the start of a 1-based line.
    [[nodiscard]] std::size_t line_start(std::uint32_t line) const;
    /// Converts a 1-based byte column on a line to a 1-based code point column.
    [[nodiscard]] std::uint32_t char_column(std::uint32_t line, std::uint32_t byte_column) const;
    /// Converts a byte offset in the whole text to a (line, code point column) position.
    [[nodiscard]] Span position(std::size_t offset) const;
    /// Span of [begin, end) byte offsets (end exclusive; the span's end is inclusive).
    [[nodiscard]] Span span(std::size_t begin, std::size_t end) const;
    /// Byte offset of (line, byte column).
    [[nodiscard]] std::size_t offset(std::uint32_t line, std::uint32_t byte_column) const;

private:
    /// Code points in the first `bytes` bytes of a line (within the text).
    std::uint32_t code_points_before(std::uint32_t line, std::size_t bytes) const;

    std::string_view text_;
    std::vector<std::size_t> starts_;
    /// Per line, how many bytes it starts with that are ASCII (one code point each), found
    /// the first time the line is asked about; kUnknownRun before. Most columns asked for
    /// lie in that stretch, and need no count.
    static constexpr std::uint32_t kUnknownRun = 0xFFFFFFFF;
    mutable std::vector<std::uint32_t> ascii_run_;
    mutable std::uint32_t cache_line_ = 0;
    mutable std::size_t cache_bytes_ = 0;
    mutable std::uint32_t cache_count_ = 0;
};

/// True when `text` is valid UTF-8; `bad_offset` receives the first bad byte.
bool valid_utf8(std::string_view text, std::size_t* bad_offset = nullptr);

/// Number of code points in a valid UTF-8 string (invalid bytes count one each).
std::uint32_t count_code_points(std::string_view text);

/// Byte length of the first `n` code points of `text`.
std::size_t bytes_for_code_points(std::string_view text, std::uint32_t n);

/// Trims ASCII whitespace (and non-breaking spaces) from both ends.
std::string_view trim(std::string_view text);

/// Lower-cases ASCII letters.
std::string ascii_lower(std::string_view text);

/// Collapses runs of whitespace into single spaces and trims.
std::string collapse_spaces(std::string_view text);

/// Where the first ASCII capital letter at or after `from` is, or npos. Abbreviations
/// and codes start with one; the text before it is passed over eight bytes at a time.
std::size_t find_ascii_capital(std::string_view text, std::size_t from);

}  // namespace planc
