// Plain text of inlines that remembers where each byte came from.

#include <algorithm>

#include "parse/parse_internal.hpp"

namespace planc {

namespace {

void append_inlines(const InlineText& inlines, AnchoredText& out) {
    for (const Inline& in : inlines) {
        switch (in.kind) {
            case InlineKind::Text:
            case InlineKind::Code:
                if (in.span.known()) out.anchors.push_back({out.text.size(), in.span});
                out.text += in.text;
                break;
            case InlineKind::LineBreak:
                out.text += ' ';
                break;
            case InlineKind::Image:
                out.text += in.text;
                break;
            default:
                append_inlines(*in.children, out);
        }
    }
}

}  // namespace

AnchoredText anchored_text(const InlineText& inlines) {
    AnchoredText out;
    append_inlines(inlines, out);
    // Trim in place, moving anchors with the text.
    std::string& text = out.text;
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
    std::size_t lead = 0;
    while (lead < text.size() && blank(text[lead])) ++lead;
    std::size_t end = text.size();
    while (end > lead && blank(text[end - 1])) --end;
    text.resize(end);
    text.erase(0, lead);
    for (auto& a : out.anchors) {
        if (a.offset < lead) {
            // The anchor's text starts inside the trimmed spaces: move it forward.
            a.span.column += static_cast<std::uint32_t>(lead - a.offset);
            a.offset = 0;
        } else {
            a.offset -= lead;
        }
    }
    std::erase_if(out.anchors, [&](const AnchoredText::Anchor& a) { return a.offset > text.size(); });
    return out;
}

Span AnchoredText::span(std::size_t begin, std::size_t end) const {
    auto position = [&](std::size_t offset) -> Span {
        if (anchors.empty()) return {};
        auto it = std::upper_bound(anchors.begin(), anchors.end(), offset,
                                   [](std::size_t o, const Anchor& a) { return o < a.offset; });
        const Anchor& a = it == anchors.begin() ? anchors.front() : *std::prev(it);
        std::size_t from = std::min(a.offset, offset);
        std::size_t start = from;
        std::uint32_t cols = 0;
        if (counted_from == from && counted_to <= offset) {
            start = counted_to;
            cols = counted_columns;
        }
        cols += count_code_points(std::string_view(text).substr(start, offset - start));
        counted_from = from;
        counted_to = offset;
        counted_columns = cols;
        return Span{a.span.line, a.span.column + cols, a.span.line, a.span.column + cols};
    };
    begin = std::min(begin, text.size());
    end = std::clamp(end, begin, text.size());
    Span s = position(begin);
    if (end > begin) {
        // Last character: step back to the start of the final code point.
        std::size_t last = end - 1;
        while (last > begin && (static_cast<unsigned char>(text[last]) & 0xC0) == 0x80) --last;
        Span e = position(last);
        s.end_line = e.line;
        s.end_column = e.column;
    }
    return s;
}

Span AnchoredText::map(const Span& relative) const {
    if (!relative.known()) return {};
    // The text is one line (soft breaks became spaces), so relative columns are code
    // point offsets into it.
    std::size_t begin = bytes_for_code_points(text, relative.column - 1);
    std::size_t end = relative.end_column >= relative.column ? bytes_for_code_points(text, relative.end_column) : begin + 1;
    return span(begin, end);
}

}  // namespace planc
