// Human output, modelled on rustc: a header, an arrow to the place, the source line with
// carets under the span, the notes, and one summary line at the end.

#include <algorithm>
#include <cstdint>

#include "planc/diagnostic_output.hpp"

namespace planc {

namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kBoldRed = "\x1b[1;31m";
constexpr std::string_view kBoldYellow = "\x1b[1;33m";
constexpr std::string_view kBoldCyan = "\x1b[1;36m";
constexpr std::string_view kBoldBlue = "\x1b[1;34m";

/// A tab is shown as this many spaces, wherever it stands, so carets line up with it.
constexpr std::size_t kTabWidth = 4;
constexpr std::string_view kEllipsis = "...";
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";

/// Wraps text in an ANSI style when colour is on.
class Painter {
public:
    explicit Painter(bool colour) : colour_(colour) {}
    [[nodiscard]] std::string paint(std::string_view style, std::string_view text) const {
        if (!colour_) return std::string(text);
        std::string out;
        out.append(style).append(text).append(kReset);
        return out;
    }

private:
    bool colour_;
};

std::string_view severity_style(Severity s) {
    switch (s) {
        case Severity::Error:
            return kBoldRed;
        case Severity::Warning:
            return kBoldYellow;
        case Severity::Note:
            return kBoldCyan;
    }
    return kBold;
}

/// Line `number` (1-based) of a text, without its line ending.
std::optional<std::string_view> line_of(std::string_view text, std::uint32_t number) {
    std::size_t start = 0;
    for (std::uint32_t current = 1; current < number; ++current) {
        const std::size_t newline = text.find('\n', start);
        if (newline == std::string_view::npos) return std::nullopt;
        start = newline + 1;
    }
    std::string_view line = text.substr(start, text.find('\n', start) - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

/// The number of bytes of the UTF-8 sequence a lead byte announces; 0 when it cannot lead.
std::size_t utf8_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return 2;
    if (lead >= 0xE0 && lead <= 0xEF) return 3;
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    return 0;
}

/// A source line as it is shown: tabs expanded, control characters and broken UTF-8
/// made visible, and where each code point starts on screen and in the shown text.
struct ShownLine {
    std::string text;
    std::vector<std::size_t> cell;  ///< first screen cell of code point i; back() is the width
    std::vector<std::size_t> byte;  ///< offset in `text` of code point i; back() is its size

    [[nodiscard]] std::size_t code_points() const { return cell.size() - 1; }
    /// The screen cell of code point i, counting on past the end of the line.
    [[nodiscard]] std::size_t cell_at(std::size_t i) const {
        return i <= code_points() ? cell[i] : cell.back() + (i - code_points());
    }
};

ShownLine show_line(std::string_view raw) {
    ShownLine shown;
    std::size_t width = 0;
    for (std::size_t i = 0; i < raw.size();) {
        const auto lead = static_cast<unsigned char>(raw[i]);
        const std::size_t expected = utf8_length(lead);
        std::size_t end = i + 1;
        while (end < raw.size() && end - i < 4 && (static_cast<unsigned char>(raw[end]) & 0xC0) == 0x80)
            ++end;
        if (expected != 0 && end - i > expected) end = i + expected;

        shown.cell.push_back(width);
        shown.byte.push_back(shown.text.size());
        if (lead == '\t') {
            shown.text.append(kTabWidth, ' ');
            width += kTabWidth;
        } else if (lead < 0x20 || lead == 0x7F || expected != end - i) {
            // Never pass a control character to the terminal, nor a broken sequence.
            shown.text.append(kReplacementCharacter);
            width += 1;
        } else {
            shown.text.append(raw.substr(i, end - i));
            width += 1;
        }
        i = end;
    }
    shown.cell.push_back(width);
    shown.byte.push_back(shown.text.size());
    return shown;
}

/// A source line ready to print, with where the carets go under it.
struct Snippet {
    std::uint32_t line_number = 0;
    std::string source;
    std::size_t caret_offset = 0;  ///< screen cells before the first caret
    std::size_t caret_count = 1;
};

/// The code points [first, last) a span covers on its first line, at least one.
std::pair<std::size_t, std::size_t> covered_code_points(const Span& span, std::size_t line_length) {
    const std::size_t first = std::min<std::size_t>(span.column == 0 ? 0 : span.column - 1, line_length);
    std::size_t last = first + 1;
    if (span.end_line == span.line && span.end_column >= span.column) {
        last = std::min<std::size_t>(span.end_column, line_length);
    } else if (span.end_line > span.line) {
        last = line_length;  // a span over several lines is marked to the end of its first
    }
    return {first, std::max(last, first + 1)};
}

Snippet cut_snippet(const ShownLine& shown, std::size_t first, std::size_t last, std::size_t max_width) {
    const std::size_t caret_start = shown.cell_at(first);
    const std::size_t caret_end = shown.cell_at(last);
    Snippet snippet;
    if (max_width == 0 || shown.cell.back() <= max_width) {
        snippet.source = shown.text;
        snippet.caret_offset = caret_start;
        snippet.caret_count = std::max<std::size_t>(1, caret_end - caret_start);
        return snippet;
    }
    // Keep a quarter of the window as context before the span, cut at code points.
    const std::size_t wanted_left = caret_start > max_width / 4 ? caret_start - max_width / 4 : 0;
    std::size_t left = 0;
    while (shown.cell[left] < wanted_left) ++left;
    std::size_t right = left;
    while (right < shown.code_points() && shown.cell[right + 1] <= shown.cell[left] + max_width) ++right;

    const bool cut_left = left > 0;
    const bool cut_right = right < shown.code_points();
    if (cut_left) snippet.source.append(kEllipsis);
    snippet.source.append(shown.text, shown.byte[left], shown.byte[right] - shown.byte[left]);
    if (cut_right) snippet.source.append(kEllipsis);

    const std::size_t visible_end = cut_right ? shown.cell[right] : caret_end;
    snippet.caret_offset = caret_start - shown.cell[left] + (cut_left ? kEllipsis.size() : 0);
    snippet.caret_count =
        std::max<std::size_t>(1, std::min(caret_end, visible_end) - std::min(caret_start, visible_end));
    return snippet;
}

std::optional<Snippet> snippet_for(const Location& where, const SourceLookup& sources,
                                   std::size_t max_width) {
    if (!where.span.known() || !sources) return std::nullopt;
    const std::optional<std::string_view> text = sources(where.file);
    if (!text) return std::nullopt;
    const std::optional<std::string_view> raw = line_of(*text, where.span.line);
    if (!raw) return std::nullopt;
    const ShownLine shown = show_line(*raw);
    const auto [first, last] = covered_code_points(where.span, shown.code_points());
    Snippet snippet = cut_snippet(shown, first, last, max_width);
    snippet.line_number = where.span.line;
    return snippet;
}

/// "content/melton/2009-10.md:88:54", as far as the location is known.
std::string describe(const Location& where) {
    std::string out = where.file;
    if (where.span.known()) {
        out += ':' + std::to_string(where.span.line);
        if (where.span.column != 0) out += ':' + std::to_string(where.span.column);
    }
    return out;
}

/// Prints one diagnostic with its notes; the gutter is as wide as its largest line number.
class DiagnosticPrinter {
public:
    DiagnosticPrinter(const Painter& painter, const SourceLookup& sources, std::size_t max_width)
        : painter_(painter), sources_(sources), max_width_(max_width) {}

    std::string print(const Diagnostic& d) {
        const std::optional<Snippet> primary = snippet_for(d.location, sources_, max_width_);
        std::vector<std::optional<Snippet>> note_snippets;
        std::uint32_t largest_line = primary ? primary->line_number : 0;
        for (const DiagNote& note : d.notes) {
            note_snippets.push_back(snippet_for(note.location, sources_, max_width_));
            if (note_snippets.back())
                largest_line = std::max(largest_line, note_snippets.back()->line_number);
        }
        gutter_width_ = std::max<std::size_t>(1, std::to_string(largest_line).size());

        out_.clear();
        const std::string label =
            std::string(to_string(d.severity)) + '[' + std::string(info(d.code).code) + ']';
        out_ += painter_.paint(severity_style(d.severity), label) + painter_.paint(kBold, ": " + d.message) +
                '\n';
        place(d.location, primary, severity_style(d.severity));
        if (!d.notes.empty()) empty_gutter();
        for (std::size_t i = 0; i < d.notes.size(); ++i) note(d.notes[i], note_snippets[i]);
        return out_;
    }

private:
    [[nodiscard]] std::string pad(std::size_t n) const { return std::string(n, ' '); }

    void empty_gutter() { out_ += painter_.paint(kBoldBlue, pad(gutter_width_) + " |") + '\n'; }

    void place(const Location& where, const std::optional<Snippet>& snippet, std::string_view caret_style) {
        if (where.file.empty() && !where.span.known()) return;
        out_ += pad(gutter_width_) + painter_.paint(kBoldCyan, "-->") + ' ' + describe(where) + '\n';
        if (!snippet) return;
        empty_gutter();
        std::string number = std::to_string(snippet->line_number);
        number += pad(gutter_width_ - number.size());
        out_ += painter_.paint(kBoldBlue, number + " |");
        if (!snippet->source.empty()) out_ += ' ' + snippet->source;
        out_ += '\n';
        out_ += painter_.paint(kBoldBlue, pad(gutter_width_) + " |") + ' ' + pad(snippet->caret_offset) +
                painter_.paint(caret_style, std::string(snippet->caret_count, '^')) + '\n';
    }

    void note(const DiagNote& note, const std::optional<Snippet>& snippet) {
        if (note.location.file.empty() && !note.location.span.known()) {
            out_ += pad(gutter_width_ + 1) + painter_.paint(kBoldBlue, "=") + ' ' +
                    painter_.paint(kBoldCyan, "note") + ": " + note.message + '\n';
            return;
        }
        out_ += painter_.paint(kBoldCyan, "note") + ": " + note.message + '\n';
        place(note.location, snippet, kBoldCyan);
    }

    const Painter& painter_;
    const SourceLookup& sources_;
    std::size_t max_width_;
    std::size_t gutter_width_ = 1;
    std::string out_;
};

std::string counted(std::size_t n, std::string_view noun) {
    return std::to_string(n) + ' ' + std::string(noun) + (n == 1 ? "" : "s");
}

}  // namespace

std::string summary_line(const DiagnosticSummary& summary, bool colour) {
    const Painter painter(colour);
    if (summary.errors > 0) {
        std::string text = ": aborting due to " + counted(summary.errors, "error");
        if (summary.warnings > 0) text += "; " + counted(summary.warnings, "warning") + " emitted";
        return painter.paint(kBoldRed, "error") + painter.paint(kBold, text);
    }
    if (summary.warnings > 0) {
        return painter.paint(kBoldYellow, "warning") +
               painter.paint(kBold, ": " + counted(summary.warnings, "warning") + " emitted");
    }
    if (summary.notes > 0) {
        return painter.paint(kBoldCyan, "note") +
               painter.paint(kBold, ": " + counted(summary.notes, "note") + " emitted");
    }
    return {};
}

std::string format_human(const std::vector<Diagnostic>& diagnostics, const SourceLookup& sources,
                         const OutputOptions& options) {
    const Painter painter(options.colour);
    DiagnosticPrinter printer(painter, sources, options.max_source_width);
    std::string out;
    for (const Diagnostic& d : diagnostics) out += printer.print(d) + '\n';
    if (options.summary) {
        const std::string closing = summary_line(summarise(diagnostics), options.colour);
        if (!closing.empty()) out += closing + '\n';
    }
    return out;
}

}  // namespace planc
