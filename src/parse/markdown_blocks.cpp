#include "parse/markdown_blocks.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cctype>
#include <memory>
#include <mutex>

#include "parse/html_blocks.hpp"

namespace planc {

namespace {

// RAII owners for cmark's C objects.
struct ParserDeleter {
    void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
    void operator()(cmark_node* n) const { cmark_node_free(n); }
};
using ParserPtr = std::unique_ptr<cmark_parser, ParserDeleter>;
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

/// The words of a cmark subtree, soft and hard breaks as spaces; walks with cmark's
/// iterator, so any depth is safe.
std::string subtree_text(cmark_node* root) {
    std::string text;
    cmark_iter* iter = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(iter);
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_TEXT:
            case CMARK_NODE_CODE:
            case CMARK_NODE_CODE_BLOCK:
                if (const char* lit = cmark_node_get_literal(n)) text += lit;
                break;
            case CMARK_NODE_SOFTBREAK:
            case CMARK_NODE_LINEBREAK:
            case CMARK_NODE_PARAGRAPH:
            case CMARK_NODE_HEADING:
                text.push_back(' ');
                break;
            default:
                break;
        }
    }
    cmark_iter_free(iter);
    return collapse_spaces(text);
}

void register_extensions_once() {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
}

class BlockReader {
public:
    BlockReader(const LineIndex& lines, const std::string& path, Diagnostics& diags)
        : lines_(lines), path_(path), diags_(diags) {}

    BodyBlocks read(cmark_node* document) {
        BodyBlocks out;
        read_children(document, out.blocks, &out.suppressions);
        return out;
    }

private:
    Span node_span(cmark_node* n) const {
        auto line = static_cast<std::uint32_t>(cmark_node_get_start_line(n));
        auto col = static_cast<std::uint32_t>(cmark_node_get_start_column(n));
        auto end_line = static_cast<std::uint32_t>(cmark_node_get_end_line(n));
        auto end_col = static_cast<std::uint32_t>(cmark_node_get_end_column(n));
        if (line == 0) return {};
        Span s{line, lines_.char_column(line, col), end_line, 0};
        if (end_line >= line && end_col > 0) {
            s.end_column = lines_.char_column(end_line, end_col);
        } else {
            s.end_line = line;
            s.end_column = s.column;
        }
        return s;
    }

    /// The position of the first text inside a node (list item, table cell).
    Span first_text_span(cmark_node* n) const {
        for (cmark_node* c = cmark_node_first_child(n); c; c = cmark_node_first_child(c)) {
            if (cmark_node_get_type(c) == CMARK_NODE_TEXT || cmark_node_get_type(c) == CMARK_NODE_CODE)
                return node_span(c);
            if (!cmark_node_first_child(c)) break;
        }
        return node_span(n);
    }

    void read_children(cmark_node* parent, std::vector<Block>& out, std::vector<Suppression>* suppressions) {
        if (block_depth_ >= kMaxNesting) {
            // Lists or quotes nested deeper than any plan does: keep the words as one
            // paragraph, so nothing later recurses without bound.
            Block p;
            p.kind = BlockKind::Paragraph;
            p.span = first_text_span(parent);
            Inline t;
            t.text = subtree_text(parent);
            t.span = p.span;
            if (t.text.empty()) return;
            p.inlines.push_back(std::move(t));
            out.push_back(std::move(p));
            return;
        }
        ++block_depth_;
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) read_block(n, out, suppressions);
        --block_depth_;
    }

    void report_unsafe(cmark_node* n, const std::string& what) {
        diags_.report(DiagCode::W120, what, {path_, node_span(n)});
    }

    void read_block(cmark_node* n, std::vector<Block>& out, std::vector<Suppression>* suppressions) {
        Block b;
        b.span = node_span(n);
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_PARAGRAPH:
                b.kind = BlockKind::Paragraph;
                b.inlines = read_inlines(n);
                break;
            case CMARK_NODE_HEADING:
                b.kind = BlockKind::Heading;
                b.level = cmark_node_get_heading_level(n);
                b.inlines = read_inlines(n);
                break;
            case CMARK_NODE_LIST:
                b.kind = BlockKind::List;
                b.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
                b.start = b.ordered ? cmark_node_get_list_start(n) : 1;
                for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
                    ListItem li;
                    li.span = first_text_span(item);
                    read_children(item, li.blocks, suppressions);
                    b.items.make().push_back(std::move(li));
                }
                break;
            case CMARK_NODE_BLOCK_QUOTE:
                b.kind = BlockKind::Quote;
                read_children(n, b.children.make(), suppressions);
                break;
            case CMARK_NODE_CODE_BLOCK:
                b.kind = BlockKind::Code;
                b.text = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
                break;
            case CMARK_NODE_THEMATIC_BREAK:
                b.kind = BlockKind::ThematicBreak;
                break;
            case CMARK_NODE_HTML_BLOCK: {
                const char* literal = cmark_node_get_literal(n);
                read_html(literal ? literal : "", n, out, suppressions);
                return;
            }
            default:
                if (std::string_view(cmark_node_get_type_string(n)) == "table") {
                    b.kind = BlockKind::Table;
                    b.table = read_table(n);
                    break;
                }
                return;  // footnotes and other extensions are not enabled
        }
        out.push_back(std::move(b));
    }

    void read_html(std::string_view literal, cmark_node* n, std::vector<Block>& out,
                   std::vector<Suppression>* suppressions) {
        auto line = static_cast<std::uint32_t>(cmark_node_get_start_line(n));
        auto col = static_cast<std::uint32_t>(cmark_node_get_start_column(n));
        std::size_t offset = lines_.offset(line, col);
        HtmlRead html = read_html_block(literal, offset, lines_, path_, diags_);
        if (suppressions) {
            for (auto& s : html.suppressions) suppressions->push_back(std::move(s));
        }
        for (auto& b : html.blocks) out.push_back(std::move(b));
    }

    Table read_table(cmark_node* n) {
        Table t;
        uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
        uint8_t* align = cmark_gfm_extensions_get_table_alignments(n);
        for (uint16_t i = 0; i < columns; ++i) {
            switch (align ? align[i] : 0) {
                case 'l': t.align.push_back(CellAlign::Left); break;
                case 'c': t.align.push_back(CellAlign::Center); break;
                case 'r': t.align.push_back(CellAlign::Right); break;
                default: t.align.push_back(CellAlign::None);
            }
        }
        bool first = true;
        for (cmark_node* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
            TableRow r;
            r.span = node_span(row);
            r.cells.reserve(columns);
            for (cmark_node* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell)) {
                TableCell c;
                c.content = read_inlines(cell);
                c.text = collapse_spaces(plain_text(c.content));
                c.span = c.content.empty() ? node_span(cell) : first_text_span(cell);
                if (!c.text.empty()) {
                    c.span.end_line = c.span.line;
                    c.span.end_column = c.span.column + count_code_points(c.text) - 1;
                }
                r.cells.push_back(std::move(c));
            }
            if (first) {
                t.header = std::move(r);
                first = false;
            } else {
                t.rows.push_back(std::move(r));
            }
        }
        return t;
    }

    InlineText read_inlines(cmark_node* parent) {
        InlineText out;
        if (inline_depth_ >= kMaxNesting) {
            // Emphasis nested deeper than any plan does ("*****...x...*****"): plain text.
            Inline t;
            t.text = subtree_text(parent);
            t.span = node_span(parent);
            if (!t.text.empty()) out.push_back(std::move(t));
            return out;
        }
        ++inline_depth_;
        std::vector<InlineText*> stack{&out};
        std::vector<InlineKind> open;
        std::size_t ignored_opens = 0;   // container tags past the nesting limit
        std::string skip_until;          // inside an inline <script> or <style>: its end tag
        for (cmark_node* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            InlineText& target = *stack.back();
            const char* lit = cmark_node_get_literal(n);
            std::string literal = lit ? lit : "";
            if (!skip_until.empty()) {
                if (cmark_node_get_type(n) == CMARK_NODE_HTML_INLINE &&
                    ascii_lower(literal).rfind("</" + skip_until, 0) == 0)
                    skip_until.clear();
                continue;
            }
            Inline in;
            switch (cmark_node_get_type(n)) {
                case CMARK_NODE_TEXT:
                    in.kind = InlineKind::Text;
                    in.text = std::move(literal);
                    in.span = node_span(n);
                    break;
                case CMARK_NODE_SOFTBREAK:
                    in.kind = InlineKind::Text;
                    in.text = " ";
                    break;
                case CMARK_NODE_LINEBREAK:
                    in.kind = InlineKind::LineBreak;
                    break;
                case CMARK_NODE_CODE:
                    in.kind = InlineKind::Code;
                    in.text = std::move(literal);
                    in.span = node_span(n);
                    break;
                case CMARK_NODE_EMPH:
                    in.kind = InlineKind::Emphasis;
                    in.children = read_inlines(n);
                    break;
                case CMARK_NODE_STRONG:
                    in.kind = InlineKind::Strong;
                    in.children = read_inlines(n);
                    break;
                case CMARK_NODE_LINK: {
                    in.kind = InlineKind::Link;
                    in.url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
                    in.children = read_inlines(n);
                    in.span = node_span(n);
                    if (std::string scheme = unsafe_url_scheme(*in.url); !scheme.empty()) {
                        // The address would run script or carry data: drop it, keep the words.
                        report_unsafe(n, "link to a `" + scheme + ":` address removed; its text is kept");
                        for (Inline& child : in.children.make()) target.push_back(std::move(child));
                        continue;
                    }
                    break;
                }
                case CMARK_NODE_IMAGE: {
                    in.kind = InlineKind::Image;
                    in.url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
                    in.text = plain_text(read_inlines(n));
                    in.span = node_span(n);
                    if (std::string scheme = unsafe_url_scheme(*in.url); !scheme.empty()) {
                        report_unsafe(n, "image with a `" + scheme + ":` address removed; its description is kept");
                        if (in.text.empty()) continue;
                        in.kind = InlineKind::Text;
                        in.url.reset();
                    }
                    break;
                }
                case CMARK_NODE_HTML_INLINE: {
                    // Inline HTML is reduced to the few tags the model knows; any other
                    // tag is dropped and its text kept. Unsafe tags are reported, and the
                    // text inside an inline <script> or <style> is not kept.
                    if (std::string reason = unsafe_tag_reason(literal); !reason.empty()) {
                        report_unsafe(n, "raw HTML " + reason + " removed: it is not safe to publish");
                        std::string lower = ascii_lower(literal);
                        for (const char* raw : {"script", "style", "textarea", "xmp", "noembed", "noframes", "iframe",
                                                "template", "title"}) {
                            std::string open_tag = std::string("<") + raw;
                            if (lower.rfind(open_tag, 0) == 0 && lower.size() > open_tag.size() &&
                                !std::isalnum(static_cast<unsigned char>(lower[open_tag.size()])) &&
                                lower.find("/>") == std::string::npos)
                                skip_until = raw;
                        }
                        continue;
                    }
                    InlineTag tag = classify_inline_tag(literal);
                    if (tag.kind == InlineKind::LineBreak) {
                        in.kind = InlineKind::LineBreak;
                        break;
                    }
                    if (tag.is_container && !tag.closing) {
                        if (inline_depth_ + open.size() >= static_cast<std::size_t>(kMaxNesting)) {
                            ++ignored_opens;  // "<b><b><b>..." past the limit: text stays where it is
                            continue;
                        }
                        Inline container;
                        container.kind = tag.kind;
                        target.push_back(std::move(container));
                        stack.push_back(&target.back().children.make());
                        open.push_back(tag.kind);
                    } else if (tag.is_container && tag.closing && ignored_opens > 0) {
                        --ignored_opens;
                    } else if (tag.is_container && tag.closing && !open.empty() && open.back() == tag.kind) {
                        stack.pop_back();
                        open.pop_back();
                    }
                    continue;
                }
                default:
                    if (cmark_node_first_child(n)) {
                        in.kind = InlineKind::Strikethrough;
                        in.children = read_inlines(n);
                        break;
                    }
                    continue;
            }
            target.push_back(std::move(in));
        }
        --inline_depth_;
        return out;
    }

    const LineIndex& lines_;
    const std::string& path_;
    Diagnostics& diags_;
    int block_depth_ = 0;
    int inline_depth_ = 0;
};

}  // namespace

BodyBlocks parse_markdown_blocks(std::string_view source, const LineIndex& lines, const std::string& path,
                                 Diagnostics& diags) {
    register_extensions_once();
    ParserPtr parser(cmark_parser_new(CMARK_OPT_SOURCEPOS));
    if (cmark_syntax_extension* table = cmark_find_syntax_extension("table"))
        cmark_parser_attach_syntax_extension(parser.get(), table);
    if (cmark_syntax_extension* strike = cmark_find_syntax_extension("strikethrough"))
        cmark_parser_attach_syntax_extension(parser.get(), strike);
    cmark_parser_feed(parser.get(), source.data(), source.size());
    NodePtr document(cmark_parser_finish(parser.get()));
    BlockReader reader(lines, path, diags);
    return reader.read(document.get());
}

}  // namespace planc
