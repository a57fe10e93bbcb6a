#pragma once
// What the checks share: reporting a finding with its plan and priority filled in,
// reading the source text under a span, and comparing texts. Internal to src/check.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "check/checks.hpp"
#include "parse/parse_internal.hpp"

namespace planc::checks {

/// "melton/2009-10": the plan a finding belongs to.
std::string plan_name(const Document& doc);

/// Reports a finding in the document being checked, with `plan` set and `priority` set to
/// the priority whose section holds the span (or to `priority_id` when given).
Diagnostic& report(const CheckContext& ctx, DiagCode code, std::string message, const Span& span,
                   const std::string& priority_id = "");

/// A note pointing at another place of the same document.
DiagNote note_at(const Document& doc, std::string message, const Span& span);

/// The source text a span covers (its lines joined by "\n"), "" when unknown.
std::string span_text(const CheckContext& ctx, const Span& span);

/// Where `needle` first occurs in the source at or after the start of `from`, on the
/// lines `from` covers (a cell, a row); `from` itself when it is not found there.
Span locate(const CheckContext& ctx, const Span& from, std::string_view needle);

/// The priority whose level-2 section holds `line`, or nullptr.
const Priority* priority_at(const Document& doc, std::uint32_t line);

/// How a finding names a priority: "priority 1", or "priority \"Domestic Violence\"".
std::string priority_name(const Priority& p);

/// Lower case, every run of characters other than ASCII letters and digits replaced by
/// one space, trimmed: "To reduce ASB." and "to reduce  ASB" compare equal.
std::string normalise_words(std::string_view text);

/// One text of the document as a reader sees it, with where each byte came from.
struct TextPiece {
    AnchoredText text;                    ///< plain text, markup removed, breaks as spaces
    const InlineText* inlines = nullptr;  ///< the rich text it was made from
    Span block;                           ///< the block (or cell) it is in, for a fallback position
    bool in_table = false;
    bool table_header = false;
    bool heading = false;
    bool in_list = false;
    const Section* top_section = nullptr;  ///< the level-2 section
    const Section* section = nullptr;      ///< the innermost section
    const Table* table = nullptr;          ///< the table of a cell
};

/// Visits every text of the document: headings, paragraphs, list items, table cells
/// (header cells included), block quotes.
void for_each_text(const Document& doc, const std::function<void(const TextPiece&)>& visit);

/// The same walk over the document being checked; the texts are made once per document
/// and kept in the context, so the checks that read prose do not each rebuild them.
void for_each_text(const CheckContext& ctx, const std::function<void(const TextPiece&)>& visit);

/// The source span of bytes [begin, end) of a piece, or its block when the text has no
/// known position.
Span piece_span(const TextPiece& piece, std::size_t begin, std::size_t end);

/// The first placeholder in a text (see check_placeholders.cpp for the list: "To follow",
/// TBC, XX, "insert ... here", ...): byte offset and length; false when there is none.
bool find_placeholder_text(const std::string& s, std::size_t* where, std::size_t* length);

/// "705", "12.5", "0.6": a number as a reviewer would write it, with `decimals` digits.
std::string format_number(double value, int decimals);

/// "a, b and c".
std::string join_words(const std::vector<std::string>& words);

}  // namespace planc::checks
