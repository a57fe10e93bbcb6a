// What the checks share: reporting, source text under a span, text comparison, and a
// walk over every text of a document.

#include "check/check_support.hpp"

#include <cmath>
#include <algorithm>
#include <cctype>
#include <cstdio>

#include "parse/source_text.hpp"

namespace planc::checks {

std::string plan_name(const Document& doc) { return doc.partnership + "/" + doc.slug; }

Diagnostic& report(const CheckContext& ctx, DiagCode code, std::string message, const Span& span,
                   const std::string& priority_id) {
    Diagnostic& d = ctx.diags.report(code, std::move(message), {ctx.doc.path, span});
    d.plan = plan_name(ctx.doc);
    if (!priority_id.empty()) {
        d.priority = priority_id;
    } else if (const Priority* p = priority_at(ctx.doc, span.line)) {
        d.priority = p->id;
    }
    return d;
}

DiagNote note_at(const Document& doc, std::string message, const Span& span) {
    return DiagNote{std::move(message), {doc.path, span}};
}

namespace {

/// The line index of the document being checked, built once per document.
const LineIndex& source_lines(const CheckContext& ctx) {
    if (!ctx.lines) ctx.lines = std::make_shared<const LineIndex>(ctx.doc.source);
    return *ctx.lines;
}

}  // namespace

std::string span_text(const CheckContext& ctx, const Span& span) {
    if (!span.known() || ctx.doc.source.empty()) return "";
    const LineIndex& lines = source_lines(ctx);
    if (span.line > lines.line_count()) return "";
    std::uint32_t end_line = span.end_line >= span.line ? span.end_line : span.line;
    std::string out;
    for (std::uint32_t l = span.line; l <= end_line && l <= lines.line_count(); ++l) {
        std::string_view text = lines.line(l);
        std::size_t from = l == span.line ? bytes_for_code_points(text, span.column - 1) : 0;
        std::size_t to = text.size();
        if (l == end_line && span.end_column >= 1) to = bytes_for_code_points(text, span.end_column);
        if (from > text.size()) from = text.size();
        if (to < from) to = from;
        if (!out.empty()) out += '\n';
        out += text.substr(from, to - from);
    }
    return out;
}

Span locate(const CheckContext& ctx, const Span& from, std::string_view needle) {
    if (!from.known() || needle.empty() || ctx.doc.source.empty()) return from;
    const LineIndex& lines = source_lines(ctx);
    std::uint32_t last = std::max(from.line, from.end_line);
    for (std::uint32_t l = from.line; l <= last && l <= lines.line_count(); ++l) {
        std::string_view text = lines.line(l);
        std::size_t start = l == from.line ? bytes_for_code_points(text, from.column - 1) : 0;
        if (start > text.size()) continue;
        std::size_t at = text.find(needle, start);
        if (at == std::string_view::npos) continue;
        auto col = static_cast<std::uint32_t>(count_code_points(text.substr(0, at)) + 1);
        auto len = static_cast<std::uint32_t>(count_code_points(needle));
        return Span{l, col, l, col + len - 1};
    }
    return from;
}

const Priority* priority_at(const Document& doc, std::uint32_t line) {
    if (line == 0) return nullptr;
    // Level-2 sections are in source order: the one holding the line is the last that
    // starts at or before it.
    const auto& sections = doc.sections;
    auto it = std::upper_bound(sections.begin(), sections.end(), line,
                               [](std::uint32_t l, const Section& s) { return l < s.span.line; });
    if (it == sections.begin()) return nullptr;
    const Section& s = *std::prev(it);
    if (s.kind != SectionKind::Priority || s.priority_index < 0 ||
        static_cast<std::size_t>(s.priority_index) >= doc.priorities.size())
        return nullptr;
    return &doc.priorities[static_cast<std::size_t>(s.priority_index)];
}

std::string priority_name(const Priority& p) {
    std::string label = p.label.empty() ? "priority" : ascii_lower(p.label);
    if (p.number) return label + " " + std::to_string(*p.number);
    return label + " \"" + (p.title.empty() ? p.id : p.title) + "\"";
}

std::string normalise_words(std::string_view text) {
    // ASCII classes by hand: the <cctype> calls (the "C" locale's) cost a call a byte,
    // and every indicator description of every plan comes through here.
    std::string out;
    out.reserve(text.size());
    bool space = false;
    for (char c : text) {
        auto u = static_cast<unsigned char>(c);
        bool lower = u >= 'a' && u <= 'z';
        bool upper = u >= 'A' && u <= 'Z';
        bool digit = u >= '0' && u <= '9';
        if (lower || upper || digit) {
            if (space && !out.empty()) out.push_back(' ');
            space = false;
            out.push_back(upper ? static_cast<char>(u - 'A' + 'a') : static_cast<char>(u));
        } else if (u >= 0x80) {
            // Non-ASCII letters are kept as they are; punctuation such as dashes and curly
            // quotes (all multi-byte) are separators.
            space = true;
        } else {
            space = true;
        }
    }
    return out;
}

namespace {

/// Makes a TextPiece of every text and hands it over (by rvalue, so it can be kept).
template <class Visit>
struct Walker {
    Visit& visit;
    const Section* top = nullptr;
    const Section* section = nullptr;

    void inlines(const InlineText& in, const Span& block, TextPiece base) {
        base.text = anchored_text(in);
        base.inlines = &in;
        base.block = block;
        base.top_section = top;
        base.section = section;
        visit(std::move(base));
    }

    void blocks(const std::vector<Block>& list, bool in_list) {
        for (const Block& b : list) block(b, in_list);
    }

    void block(const Block& b, bool in_list) {
        TextPiece base;
        base.in_list = in_list;
        switch (b.kind) {
            case BlockKind::Paragraph:
                inlines(b.inlines, b.span, base);
                break;
            case BlockKind::Heading:
                base.heading = true;
                inlines(b.inlines, b.span, base);
                break;
            case BlockKind::List:
                for (const ListItem& item : *b.items) blocks(item.blocks, true);
                break;
            case BlockKind::Quote:
                blocks(*b.children, in_list);
                break;
            case BlockKind::Table: {
                base.in_table = true;
                base.table = &*b.table;
                TextPiece header = base;
                header.table_header = true;
                for (const TableCell& c : b.table->header.cells) inlines(c.content, c.span, header);
                for (const TableRow& row : b.table->rows)
                    for (const TableCell& c : row.cells) inlines(c.content, c.span, base);
                break;
            }
            default:
                break;
        }
    }

    void walk(const Section& s) {
        const Section* saved = section;
        section = &s;
        if (s.level <= 2) top = &s;
        TextPiece heading;
        heading.heading = true;
        if (!s.heading.empty()) inlines(s.heading, s.span, heading);
        blocks(s.blocks, false);
        for (const Section& child : s.children) walk(child);
        section = saved;
    }
};

}  // namespace

void for_each_text(const Document& doc, const std::function<void(const TextPiece&)>& visit) {
    auto pass_on = [&](TextPiece&& piece) { visit(piece); };
    Walker<decltype(pass_on)> w{pass_on};
    for (const Section& s : doc.sections) w.walk(s);
}

void for_each_text(const CheckContext& ctx, const std::function<void(const TextPiece&)>& visit) {
    if (!ctx.texts) {
        auto texts = std::make_shared<std::vector<TextPiece>>();
        auto keep = [&](TextPiece&& piece) { texts->push_back(std::move(piece)); };
        Walker<decltype(keep)> w{keep};
        for (const Section& s : ctx.doc.sections) w.walk(s);
        ctx.texts = std::move(texts);
    }
    for (const TextPiece& piece : *ctx.texts) visit(piece);
}

Span piece_span(const TextPiece& piece, std::size_t begin, std::size_t end) {
    Span s = piece.text.span(begin, end);
    return s.known() ? s : piece.block;
}

std::string format_number(double value, int decimals) {
    if (decimals < 0) decimals = 0;
    if (decimals > 6) decimals = 6;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string out = buffer;
    if (out == "-0" || out.rfind("-0.", 0) == 0) {
        bool zero = out.find_first_not_of("-0.") == std::string::npos;
        if (zero) out.erase(0, 1);
    }
    return out;
}

std::string join_words(const std::vector<std::string>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
        out += words[i];
    }
    return out;
}

}  // namespace planc::checks
