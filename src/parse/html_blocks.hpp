#pragma once
// Raw HTML blocks (as pasted from Word) -> the same rich text blocks as Markdown, through
// an allow-list. The only translation unit (with html_blocks.cpp) that reads HTML.

#include <string>
#include <string_view>
#include <vector>

#include "parse/source_text.hpp"
#include "planc/diagnostics.hpp"
#include "planc/model.hpp"

namespace planc {

struct HtmlRead {
    std::vector<Block> blocks;
    std::vector<Suppression> suppressions;
};

/// Reads one raw HTML block whose text starts at byte `offset` of the source. Lists,
/// paragraphs, tables, emphasis, sup/sub, br and safe links are kept; a leading number
/// typed inside a list item ("1. ") is dropped; anything else is reduced to its text.
/// What is not safe to publish (script, style, iframe, object, embed, forms, svg, on*
/// attributes, javascript:/vbscript:/data: URLs) is removed with a W120 naming the place.
/// Elements nested deeper than kMaxNesting are reduced to their text.
HtmlRead read_html_block(std::string_view literal, std::size_t offset, const LineIndex& lines,
                         const std::string& path, Diagnostics& diags);

/// How deep blocks (lists, quotes) and inlines (emphasis, links) may nest in the model;
/// deeper content is kept as plain text, so nothing downstream recurses without bound.
inline constexpr int kMaxNesting = 24;

/// "javascript", "vbscript" or "data" when a URL would run script or carry data in a
/// page (browsers ignore spaces and control characters in the scheme, so does this);
/// "" for any other URL.
std::string unsafe_url_scheme(std::string_view url);

/// Why one inline HTML tag as written ("<img src=x onerror=alert(1)>") is not safe to
/// publish: "a <script> element", "the `onerror` attribute", ...; "" when it is safe.
std::string unsafe_tag_reason(std::string_view tag);

/// True for elements whose content is never shown (script, style, iframe, ...).
bool is_dropped_element(std::string_view lower_name);

/// How an inline HTML tag is kept.
struct InlineTag {
    InlineKind kind = InlineKind::Text;
    bool is_container = false;   ///< has children: <b>, <i>, <sup> ...
    bool closing = false;        ///< </b>
    bool known = false;
};

/// Classifies an inline tag such as "<br>", "<sup>", "</sup>".
InlineTag classify_inline_tag(std::string_view tag);

/// Reads `<!-- planc: allow W101 W104 -->`; returns the codes, empty if not one.
std::vector<std::string> read_allow_comment(std::string_view comment);

/// Removes a number typed at the start of a list item ("1. ", "2) ", "iv. ");
/// returns how many bytes were removed.
std::size_t typed_number_length(std::string_view text);

}  // namespace planc
