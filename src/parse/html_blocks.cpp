#include "parse/html_blocks.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>

namespace planc {

namespace {

constexpr std::array<std::string_view, 14> kVoidElements = {"br",   "hr",    "img",  "input", "meta",   "wbr",  "link",
                                                            "base", "embed", "area", "col",   "source", "track", "param"};

/// Elements removed with everything in them (and a W120): they run script, load other
/// pages or resources, style or reshape the page, or ask residents for data.
constexpr std::array<std::string_view, 24> kDroppedElements = {
    "script", "style",    "iframe", "frame",  "frameset", "object", "embed",    "applet",
    "form",   "input",    "button", "select", "textarea", "option", "template", "svg",
    "math",   "base",     "meta",   "link",   "noembed",  "noframes", "xmp",    "plaintext"};

/// Attributes that hold a URL a browser follows or loads.
constexpr std::array<std::string_view, 12> kUrlAttributes = {"href",   "src",      "action",     "formaction",
                                                             "poster", "background", "xlink:href", "data",
                                                             "srcset", "dynsrc",   "lowsrc",     "codebase"};

bool is_url_attribute(std::string_view lower_name) {
    return std::find(kUrlAttributes.begin(), kUrlAttributes.end(), lower_name) != kUrlAttributes.end();
}

/// Decodes the character references an attribute may hide a scheme behind
/// ("&#106;avascript:", "java&#x73;cript:", "javascript&colon;").
std::string decode_references(std::string_view v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] != '&') {
            out.push_back(v[i]);
            continue;
        }
        std::size_t end = i + 1;
        while (end < v.size() && end - i < 12 && (std::isalnum(static_cast<unsigned char>(v[end])) || v[end] == '#')) ++end;
        std::string_view name = v.substr(i + 1, end - i - 1);
        std::size_t next = end < v.size() && v[end] == ';' ? end : end - 1;
        if (name == "colon") out.push_back(':');
        else if (name == "tab" || name == "newline") out.push_back(' ');
        else if (name.size() > 1 && name[0] == '#') {
            bool hex = name[1] == 'x' || name[1] == 'X';
            unsigned long code = 0;
            for (char c : name.substr(hex ? 2 : 1)) {
                if (!std::isxdigit(static_cast<unsigned char>(c)) || (!hex && !std::isdigit(static_cast<unsigned char>(c))))
                    break;
                code = code * (hex ? 16 : 10) + static_cast<unsigned long>(std::isdigit(static_cast<unsigned char>(c))
                                                                                ? c - '0'
                                                                                : (std::tolower(c) - 'a' + 10));
                if (code > 0x10FFFF) break;
            }
            out.push_back(code > 0 && code < 128 ? static_cast<char>(code) : '?');
        } else {
            out.push_back('&');
            continue;
        }
        i = next;
    }
    return out;
}

/// HTML is not XML: void elements are not closed and entities like &nbsp; are not
/// declared. This makes the text parseable by pugixml while remembering where each
/// inserted byte went, so offsets map back to the author's text.
struct XmlBuffer {
    std::string text;
    std::vector<std::size_t> inserted_at;  ///< buffer offsets of inserted bytes, ascending

    [[nodiscard]] std::size_t source_offset(std::size_t buffer_offset) const {
        auto before = std::lower_bound(inserted_at.begin(), inserted_at.end(), buffer_offset) - inserted_at.begin();
        return buffer_offset - static_cast<std::size_t>(before);
    }
};

XmlBuffer to_xml(std::string_view html) {
    XmlBuffer out;
    out.text.reserve(html.size() + 16);
    const std::string_view open = "<planc-root>";
    out.text += open;
    for (std::size_t i = 0; i < open.size(); ++i) out.inserted_at.push_back(i);
    for (std::size_t i = 0; i < html.size(); ++i) {
        char c = html[i];
        if (c == '&' && i + 1 < html.size() && html[i + 1] == '#') {
            // A numeric reference to no character (&#0;, a surrogate, past U+10FFFF)
            // would put a NUL or invalid UTF-8 in the text: it becomes U+FFFD, written so
            // the buffer only grows (offsets still map back to the source).
            std::size_t end = html.find(';', i);
            if (end != std::string_view::npos && end - i <= 32) {
                bool hex = end > i + 2 && (html[i + 2] == 'x' || html[i + 2] == 'X');
                std::string_view digits = html.substr(i + (hex ? 3 : 2), end - i - (hex ? 3 : 2));
                bool all = !digits.empty();
                unsigned long long code = 0;
                for (char d : digits) {
                    auto u = static_cast<unsigned char>(d);
                    if (hex ? !std::isxdigit(u) : !std::isdigit(u)) {
                        all = false;
                        break;
                    }
                    int v = std::isdigit(u) ? d - '0' : std::tolower(u) - 'a' + 10;
                    code = std::min<unsigned long long>(code * (hex ? 16 : 10) + static_cast<unsigned>(v), 0x7FFFFFFF);
                }
                bool no_character = code == 0 || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF ||
                                    (code < 0x20 && code != '\t' && code != '\n' && code != '\r');
                if (all && no_character) {
                    std::size_t length = end - i + 1;
                    constexpr std::string_view replacement = "65533;";
                    out.text += "&#";
                    if (length >= 8) out.text.append(length - 8, '0');
                    out.text += replacement;
                    for (std::size_t k = length; k < 8; ++k)
                        out.inserted_at.push_back(out.text.size() - (8 - k));
                    i = end;
                    continue;
                }
            }
        }
        out.text.push_back(c);
        if (c != '<') continue;
        std::size_t name_start = i + 1;
        std::size_t name_end = name_start;
        while (name_end < html.size() && std::isalnum(static_cast<unsigned char>(html[name_end]))) ++name_end;
        std::string name = ascii_lower(html.substr(name_start, name_end - name_start));
        if (std::find(kVoidElements.begin(), kVoidElements.end(), name) == kVoidElements.end()) continue;
        std::size_t close = html.find('>', name_end);
        if (close == std::string_view::npos) continue;
        out.text.append(html.substr(i + 1, close - i - 1));
        if (close > 0 && html[close - 1] != '/') {
            out.inserted_at.push_back(out.text.size());
            out.text.push_back('/');
        }
        out.text.push_back('>');
        i = close;
    }
    const std::string_view close = "</planc-root>";
    for (std::size_t i = 0; i < close.size(); ++i) out.inserted_at.push_back(out.text.size() + i);
    out.text += close;
    return out;
}

std::string replace_entities(std::string text) {
    static const std::array<std::pair<std::string_view, std::string_view>, 8> entities = {{
        {"&nbsp;", "\xC2\xA0"}, {"&ndash;", "\xE2\x80\x93"}, {"&mdash;", "\xE2\x80\x94"}, {"&pound;", "\xC2\xA3"},
        {"&lsquo;", "\xE2\x80\x98"}, {"&rsquo;", "\xE2\x80\x99"}, {"&ldquo;", "\xE2\x80\x9C"}, {"&rdquo;", "\xE2\x80\x9D"},
    }};
    for (const auto& [entity, value] : entities) {
        std::size_t at = 0;
        while ((at = text.find(entity, at)) != std::string::npos) {
            text.replace(at, entity.size(), value);
            at += value.size();
        }
    }
    return text;
}

bool is_safe_url(std::string_view url) {
    std::string lower = ascii_lower(trim(url));
    if (lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0 || lower.rfind("mailto:", 0) == 0 ||
        lower.rfind("tel:", 0) == 0)
        return true;
    if (!unsafe_url_scheme(url).empty()) return false;
    // Relative: no scheme before the first '/', '?' or '#'.
    std::size_t colon = lower.find(':');
    std::size_t stop = lower.find_first_of("/?#");
    return colon == std::string::npos || (stop != std::string::npos && stop < colon);
}

/// The next node of a depth-first walk of `root`'s subtree, without recursion;
/// `descend` false skips `n`'s children.
pugi::xml_node next_in_walk(pugi::xml_node n, const pugi::xml_node& root, bool descend) {
    if (descend && n.first_child()) return n.first_child();
    while (n && n != root && !n.next_sibling()) n = n.parent();
    if (!n || n == root) return {};
    return n.next_sibling();
}

/// The words of a subtree (dropped elements left out), spaces collapsed; no recursion,
/// so any depth is safe.
std::string subtree_text(const pugi::xml_node& root) {
    std::string text;
    for (pugi::xml_node n = root.first_child(); n;) {
        bool descend = true;
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
            text += n.value();
        } else if (n.type() == pugi::node_element) {
            text.push_back(' ');
            descend = !is_dropped_element(ascii_lower(n.name()));
        }
        n = next_in_walk(n, root, descend);
    }
    return collapse_spaces(replace_entities(text));
}

/// Counts nesting while a reader descends.
struct DepthGuard {
    explicit DepthGuard(int& depth) : depth_(depth) { ++depth_; }
    ~DepthGuard() { --depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
    int& depth_;
};

class HtmlReader {
public:
    HtmlReader(const XmlBuffer& buffer, std::size_t base, const LineIndex& lines)
        : buffer_(buffer), base_(base), lines_(lines) {}

    /// Reports (W120) everything in the tree that the reader will leave out because it
    /// is not safe: dropped elements (not looked into), event attributes, script or data
    /// URLs. Walks without recursion.
    void report_unsafe(const pugi::xml_node& root, const std::string& path, Diagnostics& diags) const {
        for (pugi::xml_node n = root.first_child(); n;) {
            bool descend = true;
            if (n.type() == pugi::node_element) {
                std::string name = ascii_lower(n.name());
                Location at{path, span_of(n)};
                if (is_dropped_element(name)) {
                    diags.report(DiagCode::W120, "raw HTML `<" + name + ">` element removed: it is not safe to publish", at);
                    descend = false;
                } else {
                    for (pugi::xml_attribute a : n.attributes()) {
                        std::string attr = ascii_lower(a.name());
                        if (attr.size() > 2 && attr.compare(0, 2, "on") == 0) {
                            diags.report(DiagCode::W120,
                                         "raw HTML `" + attr + "` attribute removed from `<" + name + ">`: it runs script", at);
                        } else if (is_url_attribute(attr)) {
                            std::string scheme = unsafe_url_scheme(a.value());
                            if (scheme.empty()) continue;
                            diags.report(DiagCode::W120,
                                         std::string(name == "a" ? "raw HTML link" : "raw HTML `<" + name + ">`") +
                                             " with a `" + scheme + ":` address removed" +
                                             (name == "a" ? "; its text is kept" : ""),
                                         at);
                        } else if (attr == "style") {
                            std::string style = ascii_lower(decode_references(a.value()));
                            if (style.find("expression(") != std::string::npos ||
                                style.find("javascript:") != std::string::npos)
                                diags.report(DiagCode::W120,
                                             "raw HTML `style` attribute with script removed from `<" + name + ">`", at);
                        }
                    }
                }
            }
            n = next_in_walk(n, root, descend);
        }
    }

    Span span_of(const pugi::xml_node& node) const {
        auto at = static_cast<std::size_t>(std::max<std::ptrdiff_t>(node.offset_debug(), 0));
        return lines_.position(base_ + buffer_.source_offset(at));
    }

    /// Block-level children of an element.
    void read_blocks(const pugi::xml_node& parent, std::vector<Block>& out) {
        if (depth_ >= kMaxNesting) {
            // Nested too deep to be a real document: keep the words as one paragraph.
            std::string text = subtree_text(parent);
            if (text.empty()) return;
            Block p;
            p.kind = BlockKind::Paragraph;
            p.span = span_of(parent);
            p.from_html = true;
            Inline t;
            t.text = std::move(text);
            t.span = p.span;
            p.inlines.push_back(std::move(t));
            out.push_back(std::move(p));
            return;
        }
        DepthGuard guard(depth_);
        InlineText pending;
        Span pending_span;
        auto flush = [&] {
            if (has_text(pending)) {
                Block p;
                p.kind = BlockKind::Paragraph;
                p.span = pending_span;
                p.inlines = std::move(pending);
                p.from_html = true;
                out.push_back(std::move(p));
            }
            pending.clear();
            pending_span = {};
        };
        for (pugi::xml_node n : parent.children()) {
            std::string name = ascii_lower(n.name());
            if (n.type() == pugi::node_element && is_block(name)) {
                flush();
                read_block_element(n, name, out);
            } else {
                if (pending.empty()) pending_span = span_of(n);
                read_inline(n, pending);
            }
        }
        flush();
    }

private:
    static bool is_block(const std::string& name) {
        static const std::array<std::string_view, 18> names = {"p",  "div", "ol", "ul", "li",    "table", "tr", "td", "th",
                                                              "h1", "h2",  "h3", "h4", "h5",    "h6",    "blockquote", "thead", "tbody"};
        return std::find(names.begin(), names.end(), name) != names.end();
    }

    static bool has_text(const InlineText& text) {
        return !trim(plain_text(text)).empty() ||
               std::any_of(text.begin(), text.end(), [](const Inline& i) { return i.kind == InlineKind::Image; });
    }

    void read_block_element(const pugi::xml_node& n, const std::string& name, std::vector<Block>& out) {
        Block b;
        b.span = span_of(n);
        b.from_html = true;
        if (name == "p" || name == "li" || name == "td" || name == "th") {
            b.kind = BlockKind::Paragraph;
            read_inline_children(n, b.inlines);
            trim_inlines(b.inlines);
            if (!b.inlines.empty()) out.push_back(std::move(b));
        } else if (name == "div" || name == "thead" || name == "tbody" || name == "tr") {
            read_blocks(n, out);
        } else if (name == "ol" || name == "ul") {
            b.kind = BlockKind::List;
            b.ordered = name == "ol";
            b.start = n.attribute("start").as_int(1);
            for (pugi::xml_node li : n.children()) {
                if (li.type() != pugi::node_element || is_dropped_element(ascii_lower(li.name()))) continue;
                ListItem item;
                item.span = span_of(li);
                if (ascii_lower(li.name()) == "li") {
                    read_list_item(li, item);
                } else {
                    read_blocks(li, item.blocks);
                }
                if (!item.blocks.empty()) b.items.make().push_back(std::move(item));
            }
            out.push_back(std::move(b));
        } else if (name == "table") {
            b.kind = BlockKind::Table;
            read_table(n, b.table.make());
            out.push_back(std::move(b));
        } else if (name.size() == 2 && name[0] == 'h') {
            b.kind = BlockKind::Heading;
            b.level = name[1] - '0';
            read_inline_children(n, b.inlines);
            trim_inlines(b.inlines);
            out.push_back(std::move(b));
        } else if (name == "blockquote") {
            b.kind = BlockKind::Quote;
            read_blocks(n, b.children.make());
            out.push_back(std::move(b));
        }
    }

    void read_list_item(const pugi::xml_node& li, ListItem& item) {
        read_blocks(li, item.blocks);
        if (item.blocks.empty() || item.blocks.front().kind != BlockKind::Paragraph) return;
        // "1. To reduce ..." typed inside <li>: the number is the list's, not the text's.
        InlineText& inlines = item.blocks.front().inlines;
        if (inlines.empty() || inlines.front().kind != InlineKind::Text) return;
        Inline& first = inlines.front();
        std::size_t cut = typed_number_length(first.text);
        if (cut > 0) {
            first.span.column += count_code_points(std::string_view(first.text).substr(0, cut));
            first.text.erase(0, cut);
        }
        item.span = first.span;
        item.blocks.front().span = first.span;
    }

    void read_table(const pugi::xml_node& table, Table& out) {
        bool have_header = false;
        // This table's rows: its own <tr>s and those of its <thead>/<tbody>/<tfoot>, not
        // the rows of tables nested in its cells (those are read as the cells' text;
        // a search of all descendants would read them again, quadratic in the nesting).
        std::vector<pugi::xml_node> rows;
        for (pugi::xml_node child : table.children()) {
            std::string name = ascii_lower(child.name());
            if (name == "tr") rows.push_back(child);
            else if (name == "thead" || name == "tbody" || name == "tfoot")
                for (pugi::xml_node tr : child.children())
                    if (ascii_lower(tr.name()) == "tr") rows.push_back(tr);
        }
        for (const pugi::xml_node& row_node : rows) {
            TableRow r;
            r.span = span_of(row_node);
            bool header_row = false;
            for (pugi::xml_node cell : row_node.children()) {
                std::string name = ascii_lower(cell.name());
                if (name != "td" && name != "th") continue;
                header_row = header_row || name == "th";
                TableCell c;
                read_inline_children(cell, c.content);
                trim_inlines(c.content);
                c.text = collapse_spaces(plain_text(c.content));
                c.span = c.content.empty() ? span_of(cell) : c.content.front().span;
                r.cells.push_back(std::move(c));
            }
            if (!have_header) {
                out.header = std::move(r);
                have_header = true;
            } else {
                out.rows.push_back(std::move(r));
            }
        }
        std::size_t columns = out.header.cells.size();
        for (const auto& r : out.rows) columns = std::max(columns, r.cells.size());
        out.align.assign(columns, CellAlign::None);
    }

    void read_inline_children(const pugi::xml_node& parent, InlineText& out) {
        for (pugi::xml_node n : parent.children()) read_inline(n, out);
    }

    void read_inline(const pugi::xml_node& n, InlineText& out) {
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
            std::string text = replace_entities(n.value());
            // HTML collapses white space; keep one space where there was any.
            std::string collapsed;
            bool space = false;
            std::size_t leading = 0;
            bool seen = false;
            for (char c : text) {
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    space = true;
                    if (!seen) ++leading;
                    continue;
                }
                if (space && (seen || !out.empty())) collapsed.push_back(' ');
                space = false;
                seen = true;
                collapsed.push_back(c);
            }
            if (space && seen) collapsed.push_back(' ');
            if (!seen && !out.empty() && !text.empty()) collapsed = " ";
            if (collapsed.empty()) return;
            Inline t;
            t.kind = InlineKind::Text;
            t.text = std::move(collapsed);
            Span at = span_of(n);
            if (seen) {
                at = lines_.position(base_ + buffer_.source_offset(static_cast<std::size_t>(n.offset_debug())) + leading);
                if (t.text.front() == ' ') at.column = at.column > 1 ? at.column - 1 : at.column;
            }
            t.span = at;
            out.push_back(std::move(t));
            return;
        }
        if (n.type() != pugi::node_element) return;
        std::string name = ascii_lower(n.name());
        Inline in;
        in.span = span_of(n);
        if (is_dropped_element(name)) return;  // never content (reported by report_unsafe)
        if (depth_ >= kMaxNesting) {
            in.text = subtree_text(n);
            if (!in.text.empty()) out.push_back(std::move(in));
            return;
        }
        DepthGuard guard(depth_);
        if (name == "br") {
            in.kind = InlineKind::LineBreak;
            out.push_back(std::move(in));
            return;
        }
        if (name == "img") {
            std::string src = n.attribute("src").value();
            if (!is_safe_url(src)) return;
            in.kind = InlineKind::Image;
            in.url = src;
            in.text = n.attribute("alt").value();
            out.push_back(std::move(in));
            return;
        }
        if (name == "b" || name == "strong") {
            in.kind = InlineKind::Strong;
        } else if (name == "i" || name == "em") {
            in.kind = InlineKind::Emphasis;
        } else if (name == "sup") {
            in.kind = InlineKind::Superscript;
        } else if (name == "sub") {
            in.kind = InlineKind::Subscript;
        } else if (name == "s" || name == "del" || name == "strike") {
            in.kind = InlineKind::Strikethrough;
        } else if (name == "a" && is_safe_url(n.attribute("href").value()) && *n.attribute("href").value()) {
            in.kind = InlineKind::Link;
            in.url = n.attribute("href").value();
        } else if (name == "code") {
            in.kind = InlineKind::Code;
            in.text = n.text().get();
            out.push_back(std::move(in));
            return;
        } else {
            // Unknown or unsafe element: keep its text only.
            read_inline_children(n, out);
            return;
        }
        read_inline_children(n, in.children.make());
        out.push_back(std::move(in));
    }

    static void trim_inlines(InlineText& text) {
        while (!text.empty() && text.front().kind == InlineKind::Text && trim(text.front().text).empty())
            text.erase(text.begin());
        while (!text.empty() && text.back().kind == InlineKind::Text && trim(text.back().text).empty()) text.pop_back();
        if (!text.empty() && text.front().kind == InlineKind::Text) {
            std::string& t = text.front().text;
            std::size_t n = t.find_first_not_of(' ');
            if (n != std::string::npos && n > 0) {
                t.erase(0, n);
                text.front().span.column += static_cast<std::uint32_t>(n);
            }
        }
        if (!text.empty() && text.back().kind == InlineKind::Text) {
            std::string& t = text.back().text;
            while (!t.empty() && t.back() == ' ') t.pop_back();
        }
    }

    const XmlBuffer& buffer_;
    std::size_t base_;
    const LineIndex& lines_;
    int depth_ = 0;
};

}  // namespace

bool is_dropped_element(std::string_view lower_name) {
    return std::find(kDroppedElements.begin(), kDroppedElements.end(), lower_name) != kDroppedElements.end();
}

std::string unsafe_url_scheme(std::string_view url) {
    // Browsers skip leading spaces and control characters and ignore tabs and newlines
    // anywhere in a URL: "java\tscript:" runs.
    std::string scheme;
    for (char c : url) {
        auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F) continue;
        if (c == ':') break;
        scheme.push_back(static_cast<char>(std::tolower(u)));
        if (scheme.size() > 16) return {};
    }
    if (scheme == "javascript" || scheme == "vbscript" || scheme == "data" || scheme == "livescript") return scheme;
    return {};
}

std::string unsafe_tag_reason(std::string_view tag) {
    if (tag.size() < 2 || tag[0] != '<' || tag[1] == '/' || tag[1] == '!' || tag[1] == '?') return {};
    std::size_t i = 1;
    std::size_t start = i;
    while (i < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[i])) || tag[i] == '-' || tag[i] == ':')) ++i;
    std::string name = ascii_lower(tag.substr(start, i - start));
    if (name.empty()) return {};
    if (is_dropped_element(name)) return "`<" + name + ">` element";
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/'; };
    while (i < tag.size() && tag[i] != '>') {
        if (space(tag[i])) {
            ++i;
            continue;
        }
        std::size_t a = i;
        while (i < tag.size() && !space(tag[i]) && tag[i] != '=' && tag[i] != '>') ++i;
        std::string attr = ascii_lower(tag.substr(a, i - a));
        std::string value;
        while (i < tag.size() && space(tag[i]) && tag[i] != '/') ++i;
        if (i < tag.size() && tag[i] == '=') {
            ++i;
            while (i < tag.size() && space(tag[i]) && tag[i] != '/') ++i;
            if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
                char q = tag[i++];
                std::size_t end = tag.find(q, i);
                if (end == std::string_view::npos) end = tag.size();
                value = std::string(tag.substr(i, end - i));
                i = end + 1;
            } else {
                std::size_t v = i;
                while (i < tag.size() && !space(tag[i]) && tag[i] != '>') ++i;
                value = std::string(tag.substr(v, i - v));
            }
        }
        if (attr.size() > 2 && attr.compare(0, 2, "on") == 0) return "`" + attr + "` attribute";
        if (is_url_attribute(attr)) {
            std::string scheme = unsafe_url_scheme(decode_references(value));
            if (!scheme.empty()) return "`" + scheme + ":` address";
        }
    }
    return {};
}

std::size_t typed_number_length(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size() && text[i] == ' ') ++i;
    std::size_t start = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == start) {
        while (i < text.size() && std::strchr("ivx", text[i]) && i - start < 4) ++i;
    }
    if (i == start || i >= text.size() || (text[i] != '.' && text[i] != ')')) return 0;
    ++i;
    if (i < text.size() && text[i] != ' ') return 0;
    while (i < text.size() && text[i] == ' ') ++i;
    return i;
}

InlineTag classify_inline_tag(std::string_view tag) {
    InlineTag out;
    std::size_t i = 1;
    if (tag.size() < 3 || tag[0] != '<') return out;
    if (tag[i] == '/') {
        out.closing = true;
        ++i;
    }
    std::size_t start = i;
    while (i < tag.size() && std::isalnum(static_cast<unsigned char>(tag[i]))) ++i;
    std::string name = ascii_lower(tag.substr(start, i - start));
    out.known = true;
    if (name == "br") {
        out.kind = InlineKind::LineBreak;
    } else if (name == "sup") {
        out.kind = InlineKind::Superscript;
        out.is_container = true;
    } else if (name == "sub") {
        out.kind = InlineKind::Subscript;
        out.is_container = true;
    } else if (name == "b" || name == "strong") {
        out.kind = InlineKind::Strong;
        out.is_container = true;
    } else if (name == "i" || name == "em") {
        out.kind = InlineKind::Emphasis;
        out.is_container = true;
    } else {
        out.known = false;
    }
    return out;
}

std::vector<std::string> read_allow_comment(std::string_view comment) {
    std::vector<std::string> codes;
    comment = trim(comment);
    if (comment.rfind("<!--", 0) != 0) return codes;
    comment.remove_prefix(4);
    std::size_t end = comment.find("-->");
    if (end == std::string_view::npos) return codes;
    std::string_view body = trim(comment.substr(0, end));
    constexpr std::string_view prefix = "planc:";
    if (body.rfind(prefix, 0) != 0) return codes;
    body = trim(body.substr(prefix.size()));
    if (body.rfind("allow", 0) != 0) return codes;
    body.remove_prefix(5);
    std::string word;
    for (char c : std::string(body) + " ") {
        if (c == ' ' || c == ',' || c == '\t') {
            if (!word.empty()) codes.push_back(word);
            word.clear();
        } else {
            word.push_back(c);
        }
    }
    return codes;
}

HtmlRead read_html_block(std::string_view literal, std::size_t offset, const LineIndex& lines, const std::string& path,
                         Diagnostics& diags) {
    HtmlRead out;
    std::string_view trimmed = trim(literal);
    if (trimmed.rfind("<!--", 0) == 0) {
        std::vector<std::string> codes = read_allow_comment(trimmed);
        std::size_t lead = literal.find("<!--");
        Span span = lines.span(offset + lead, offset + lead + trimmed.size());
        for (auto& code : codes) out.suppressions.push_back(Suppression{code, span, {}});
        // A comment holds no content either way.
        if (trimmed.find("-->") + 3 >= trimmed.size()) return out;
    }
    XmlBuffer buffer = to_xml(literal);
    pugi::xml_document doc;
    pugi::xml_parse_result result =
        doc.load_buffer(buffer.text.data(), buffer.text.size(), pugi::parse_default & ~pugi::parse_wconv_attribute,
                        pugi::encoding_utf8);
    HtmlReader reader(buffer, offset, lines);
    if (result) {
        reader.report_unsafe(doc.first_child(), path, diags);
        reader.read_blocks(doc.first_child(), out.blocks);
        return out;
    }
    // Not well-formed: keep the words, drop the markup, so nothing is lost or unsafe.
    // Unsafe tags are reported, and what is inside a script, style, ... is not kept.
    std::string text;
    for (std::size_t i = 0; i < literal.size(); ++i) {
        if (literal[i] != '<') {
            text.push_back(literal[i]);
            continue;
        }
        std::size_t close = literal.find('>', i);
        if (close == std::string_view::npos) break;  // an unclosed tag: nothing after it is text
        std::string_view tag = literal.substr(i, close - i + 1);
        if (std::string reason = unsafe_tag_reason(tag); !reason.empty())
            diags.report(DiagCode::W120, "raw HTML " + reason + " removed: it is not safe to publish",
                         {path, lines.position(offset + i)});
        std::size_t name_end = i + 1;
        while (name_end < literal.size() && std::isalnum(static_cast<unsigned char>(literal[name_end]))) ++name_end;
        std::string name = ascii_lower(literal.substr(i + 1, name_end - i - 1));
        i = close;
        text.push_back(' ');
        if (is_dropped_element(name) && tag[tag.size() - 2] != '/' &&
            std::find(kVoidElements.begin(), kVoidElements.end(), name) == kVoidElements.end()) {
            // Skip to the element's end tag (or the end of the block).
            std::string lower = ascii_lower(literal.substr(close + 1));
            std::size_t end = lower.find("</" + name);
            if (end == std::string::npos) break;
            std::size_t end_close = literal.find('>', close + 1 + end);
            if (end_close == std::string_view::npos) break;
            i = end_close;
        }
    }
    std::string collapsed = collapse_spaces(replace_entities(text));
    if (!collapsed.empty()) {
        Block p;
        p.kind = BlockKind::Paragraph;
        p.from_html = true;
        p.span = lines.position(offset);
        Inline t;
        t.text = collapsed;
        t.span = p.span;
        p.inlines.push_back(std::move(t));
        out.blocks.push_back(std::move(p));
    }
    return out;
}

}  // namespace planc
