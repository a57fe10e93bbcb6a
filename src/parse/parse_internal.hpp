#pragma once
// Shared pieces of the parse stage (internal to src/parse).

#include <string>
#include <string_view>
#include <vector>

#include "parse/source_text.hpp"
#include "planc/diagnostics.hpp"
#include "planc/model.hpp"

namespace planc {

/// Everything a builder needs to know about the file it is reading.
struct ParseContext {
    const std::string& path;
    const LineIndex& lines;
    Diagnostics& diags;
};

/// Splits top-level blocks into sections by heading (level 1 treated as 2, except a
/// leading title heading which is skipped). Ids are unique in the document; two
/// level-2 sections with the same id are E003.
std::vector<Section> build_sections(std::vector<Block> blocks, const ParseContext& ctx);

/// What a level-2 heading names (priority, glossary, contacts, ...).
SectionKind classify_section(std::string_view title);

/// Reads a priority section into a Priority (aim, leads, parts, targets), and tags each
/// of its subsections with its `role`. The prose stays in the section; the priority
/// refers to it (its `section_index` is for the caller to set).
Priority build_priority(Section& section, const ParseContext& ctx);

/// Text of an inline sequence together with where each piece came from, so that a
/// byte offset in the text maps back to the source.
struct AnchoredText {
    std::string text;
    struct Anchor {
        std::size_t offset;
        Span span;
    };
    std::vector<Anchor> anchors;

    /// The source span of bytes [begin, end) of `text`.
    [[nodiscard]] Span span(std::size_t begin, std::size_t end) const;
    /// Maps a span relative to `text` (line 1, code point columns) to the source.
    [[nodiscard]] Span map(const Span& relative) const;

    /// The last position counted (anchor offset, byte offset, code points between), so
    /// spans asked for in reading order along one long text stay linear in all.
    mutable std::size_t counted_from = std::string::npos;
    mutable std::size_t counted_to = 0;
    mutable std::uint32_t counted_columns = 0;
};

/// Concatenates the text of inlines (soft breaks as spaces), trimmed, with anchors.
AnchoredText anchored_text(const InlineText& inlines);

/// Reads a list item or table objective as a target, mapping its spans to the source.
Target read_target_item(const AnchoredText& text);

/// Reads the tables of a document that have a meaning (action plan, approval, indicator
/// status, performance, survey) into the document's typed rows.
void read_document_tables(const Section& section, Document& doc, const ParseContext& ctx);

/// Reads a targets table (has Baseline and Target columns); false if it is not one.
bool read_targets_table(const Table& table, std::vector<Target>& out);

/// Finds indicator codes ("NI 20", "LAA 3.1") and abbreviation-like words in every text
/// of the document.
void scan_document_text(Document& doc);

/// Reads "NI 21 – Dealing with ..." into an indicator reference; false if the text does
/// not start with an indicator code.
bool read_indicator_entry(const AnchoredText& text, IndicatorRef& out);

/// Plain text entries of every list in a block sequence (nested lists flattened).
std::vector<Entry> list_entries(const std::vector<Block>& blocks);
std::vector<Entry> list_entries(const std::vector<const Block*>& blocks);

/// Gives back the spare room of the document's vectors (those built by push_back keep
/// up to twice what they need), since the model is kept for the whole run. Moves
/// elements: call it last, when nothing points into the document.
void release_spare_capacity(Document& doc);

/// Every block of a section and its subsections, in order (headings included).
std::vector<const Block*> all_blocks(const Section& section);

}  // namespace planc

namespace planc {
/// Removes a byte order mark and checks the text is UTF-8 without NUL bytes;
/// reports E002 and returns false otherwise.
bool prepare_text(std::string& text, const std::string& path, Diagnostics& diags);
}  // namespace planc
