#pragma once
/// Rich text: the small, safe subset of Markdown/HTML that the model keeps for prose.
///
/// Markdown (via cmark-gfm) and raw HTML (via pugixml, through an allow-list) are both
/// turned into this tree, so renderers never see source markup and every text is
/// escaped by construction when it is written out.

#include <string>
#include <vector>

#include "planc/boxed.hpp"
#include "planc/span.hpp"

namespace planc {

enum class InlineKind {
    Text,       ///< `text`
    Emphasis,   ///< children
    Strong,     ///< children
    Code,       ///< `text`
    Link,       ///< `url`, children
    Image,      ///< `url`, `text` is the alt text
    LineBreak,  ///< hard break
    Superscript,
    Subscript,
    Strikethrough,
};

/// One inline node. Plans hold hundreds of thousands of them for the whole run, so what
/// only a few have (children: emphasis, links...; an address: links and images) is boxed.
struct Inline {
    InlineKind kind = InlineKind::Text;
    Span span;  ///< where the text starts in the source (Text and Code nodes)
    std::string text;
    Boxed<std::vector<Inline>> children;  ///< read `*in.children`; write `in.children.make()`
    Boxed<std::string> url;               ///< Link and Image only: read `*in.url`
};

using InlineText = std::vector<Inline>;

/// The plain text of an inline sequence (what a screen reader would say).
std::string plain_text(const InlineText& text);

enum class BlockKind {
    Paragraph,      ///< `inlines`
    Heading,        ///< `inlines`, `level` (3-6 inside a section)
    List,           ///< `ordered`, `start`, `items`
    Table,          ///< `table`
    Quote,          ///< `children`
    Code,           ///< `text`
    ThematicBreak,
};

struct Block;

/// One cell of a table, with its own position (for diagnostics on table cells).
struct TableCell {
    InlineText content;
    std::string text;  ///< plain text of `content`
    Span span;
};

struct TableRow {
    std::vector<TableCell> cells;
    Span span;
};

enum class CellAlign { None, Left, Center, Right };

struct Table {
    TableRow header;
    std::vector<TableRow> rows;
    std::vector<CellAlign> align;
};

/// A list item: its blocks, and the text span where the item's text starts.
struct ListItem {
    std::vector<Block> blocks;
    Span span;
};

/// One block of prose. The model keeps every block of every plan for the whole run, so
/// the members are ordered to pack, and what only one kind of block has (a list's
/// items, a quote's blocks, a table, a code block's text) is boxed: 88 bytes a block.
struct Block {
    BlockKind kind = BlockKind::Paragraph;
    bool ordered = false;
    bool from_html = false;  ///< came from a raw HTML block in the source
    int level = 0;
    int start = 1;
    Span span;
    InlineText inlines;
    Boxed<std::vector<ListItem>> items;  ///< List only: read `*block.items`; write `block.items.make()`
    Boxed<std::vector<Block>> children;  ///< Quote only: read `*block.children`
    Boxed<Table> table;                  ///< Table only: read `block.table->rows`; write `block.table.make()`
    Boxed<std::string> text;             ///< Code only: read `*block.text`
};

/// The plain text of a block sequence, paragraphs separated by blank lines.
std::string plain_text(const std::vector<Block>& blocks);
std::string plain_text(const std::vector<const Block*>& blocks);

}  // namespace planc
