#pragma once
// cmark-gfm's tree -> rich text blocks with source positions. The only translation
// unit (with markdown_blocks.cpp) that includes cmark-gfm.

#include <string>
#include <string_view>
#include <vector>

#include "parse/source_text.hpp"
#include "planc/diagnostics.hpp"
#include "planc/model.hpp"

namespace planc {

/// What the block parser found in a document body.
struct BodyBlocks {
    std::vector<Block> blocks;               ///< top-level blocks, headings included
    std::vector<Suppression> suppressions;   ///< `<!-- planc: allow CODE -->` comments
};

/// Parses `source` (the whole file, front matter blanked out so lines stay the same)
/// as CommonMark + GitHub tables. Raw HTML blocks go through the HTML reader into the
/// same blocks.
BodyBlocks parse_markdown_blocks(std::string_view source, const LineIndex& lines, const std::string& path,
                                 Diagnostics& diags);

}  // namespace planc
