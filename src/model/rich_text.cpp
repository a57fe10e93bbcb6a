// Plain text of rich text: what a screen reader would say, and what checks and data
// outputs compare. Markup disappears; hard breaks and list items become new lines.

#include "planc/rich_text.hpp"

namespace planc {

namespace {

void append_inlines(const InlineText& text, std::string& out) {
    for (const Inline& node : text) {
        switch (node.kind) {
            case InlineKind::Text:
            case InlineKind::Code:
                out += node.text;
                break;
            case InlineKind::LineBreak:
                out += '\n';
                break;
            case InlineKind::Image:
                // The alt text stands for the image; a hand-built node may carry it as children.
                if (!node.text.empty()) {
                    out += node.text;
                } else {
                    append_inlines(*node.children, out);
                }
                break;
            case InlineKind::Emphasis:
            case InlineKind::Strong:
            case InlineKind::Link:
            case InlineKind::Superscript:
            case InlineKind::Subscript:
            case InlineKind::Strikethrough:
                if (node.children->empty()) {
                    out += node.text;
                } else {
                    append_inlines(*node.children, out);
                }
                break;
        }
    }
}

/// A block sequence is either the blocks themselves or pointers to blocks kept elsewhere.
const Block& as_block(const Block& block) { return block; }
const Block& as_block(const Block* block) { return *block; }

template <class Blocks>
std::string join_blocks(const Blocks& blocks, const char* separator);

std::string block_text(const Block& block) {
    switch (block.kind) {
        case BlockKind::Paragraph:
        case BlockKind::Heading:
            return plain_text(block.inlines);
        case BlockKind::List: {
            std::string out;
            for (const ListItem& item : *block.items) {
                std::string line = join_blocks(item.blocks, "\n");
                if (line.empty()) continue;
                if (!out.empty()) out += '\n';
                out += line;
            }
            return out;
        }
        case BlockKind::Table: {
            std::string out;
            auto add_row = [&out](const TableRow& row) {
                if (row.cells.empty()) return;
                if (!out.empty()) out += '\n';
                for (std::size_t i = 0; i < row.cells.size(); ++i) {
                    if (i > 0) out += '\t';
                    const TableCell& cell = row.cells[i];
                    out += cell.text.empty() ? plain_text(cell.content) : cell.text;
                }
            };
            add_row(block.table->header);
            for (const TableRow& row : block.table->rows) add_row(row);
            return out;
        }
        case BlockKind::Quote:
            return plain_text(*block.children);
        case BlockKind::Code: {
            std::string out = *block.text;
            while (!out.empty() && out.back() == '\n') out.pop_back();
            return out;
        }
        case BlockKind::ThematicBreak:
            return {};
    }
    return {};
}

template <class Blocks>
std::string join_blocks(const Blocks& blocks, const char* separator) {
    std::string out;
    for (const auto& block : blocks) {
        std::string text = block_text(as_block(block));
        if (text.empty()) continue;  // a rule or an empty paragraph adds no blank line
        if (!out.empty()) out += separator;
        out += text;
    }
    return out;
}

}  // namespace

std::string plain_text(const InlineText& text) {
    std::string out;
    append_inlines(text, out);
    return out;
}

std::string plain_text(const std::vector<Block>& blocks) { return join_blocks(blocks, "\n\n"); }

std::string plain_text(const std::vector<const Block*>& blocks) { return join_blocks(blocks, "\n\n"); }

}  // namespace planc
