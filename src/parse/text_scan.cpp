// Words with meaning inside prose: indicator codes ("NI 20") and abbreviations ("ASB").

#include <array>

#include "parse/parse_internal.hpp"
#include "parse/source_text.hpp"

namespace planc {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || is_upper(c); }
/// Letters and digits (ASCII, as the "C" locale has them) and any byte of a non-ASCII
/// character.
bool is_word_char(char c) { return is_alpha(c) || is_digit(c) || static_cast<unsigned char>(c) >= 0x80; }

/// Indicator families the spec names, plus their common relatives.
constexpr std::array<std::string_view, 9> kIndicatorPrefixes = {"NI", "LAA", "LI", "LPI", "BVPI", "PSA", "KPI", "APACS", "HO"};

/// Reads an indicator code at `at` ("NI 20", "NI20", "LAA 3.1"); returns its length
/// and the normalised code, or 0.
std::size_t indicator_code_at(std::string_view text, std::size_t at, std::string& code) {
    if (at >= text.size() || (at > 0 && is_word_char(text[at - 1]))) return 0;
    for (auto prefix : kIndicatorPrefixes) {
        // The first letter rules out most prefixes without a string compare.
        if (text[at] != prefix[0] || text.substr(at, prefix.size()) != prefix) continue;
        std::size_t i = at + prefix.size();
        if (i < text.size() && text[i] == ' ') ++i;
        std::size_t digits = i;
        while (i < text.size() && is_digit(text[i])) ++i;
        if (i == digits || i - digits > 4) continue;
        // "LAA 3.1", "NI 3.2a": keep a sub-number.
        if (i + 1 < text.size() && text[i] == '.' && is_digit(text[i + 1])) {
            ++i;
            while (i < text.size() && is_digit(text[i])) ++i;
        }
        if (i < text.size() && is_alpha(text[i]) &&
            !(i + 1 < text.size() && is_word_char(text[i + 1])))
            ++i;  // "NI 3a"
        if (i < text.size() && is_word_char(text[i])) continue;
        code = std::string(prefix) + " " + std::string(text.substr(digits, i - digits));
        return i - at;
    }
    return 0;
}

void scan_text(const AnchoredText& text, Document& doc, bool describe_first) {
    const std::string& s = text.text;
    for (std::size_t i = 0; i < s.size();) {
        // Only capitals start a code or an abbreviation: text without one (most of it)
        // is passed over eight bytes at a time.
        i = find_ascii_capital(s, i);
        if (i == std::string::npos) break;
        if (i > 0 && is_word_char(s[i - 1])) {  // a capital inside a word
            ++i;
            continue;
        }
        std::string code;
        if (std::size_t len = indicator_code_at(s, i, code)) {
            IndicatorRef ref;
            ref.code = code;
            ref.span = text.span(i, i + len);
            if (describe_first && i == 0) {
                IndicatorRef described;
                if (read_indicator_entry(text, described)) ref.description = described.description;
            }
            doc.indicators.push_back(std::move(ref));
            i += len;
            continue;
        }
        // An abbreviation: 2 to 8 capitals, digits after the first letter, optional
        // plural "s" or possessive "'s".
        std::size_t end = i + 1;
        while (end < s.size() && (is_upper(s[end]) || is_digit(s[end]))) ++end;
        std::size_t letters = end - i;
        std::size_t word_end = end;
        if (word_end < s.size() && s[word_end] == 's' && !(word_end + 1 < s.size() && is_word_char(s[word_end + 1])))
            ++word_end;
        bool boundary = word_end >= s.size() || !is_word_char(s[word_end]) || s.compare(word_end, 3, "\xE2\x80\x99") == 0;
        if (letters >= 2 && letters <= 8 && boundary) {
            doc.abbreviations.push_back(AbbreviationUse{s.substr(i, end - i), text.span(i, end)});
        }
        i = word_end;
        while (i < s.size() && is_word_char(s[i])) ++i;
    }
}

void scan_inlines(const InlineText& inlines, Document& doc, bool describe_first) {
    scan_text(anchored_text(inlines), doc, describe_first);
}

void scan_blocks(const std::vector<Block>& blocks, Document& doc, bool in_list = false);

void scan_block(const Block& b, Document& doc, bool in_list) {
    switch (b.kind) {
        case BlockKind::Paragraph:
        case BlockKind::Heading:
            scan_inlines(b.inlines, doc, in_list);
            break;
        case BlockKind::List:
            for (const ListItem& item : *b.items) scan_blocks(item.blocks, doc, true);
            break;
        case BlockKind::Quote:
            scan_blocks(*b.children, doc);
            break;
        case BlockKind::Table:
            for (const auto& cell : b.table->header.cells) scan_inlines(cell.content, doc, false);
            for (const auto& row : b.table->rows)
                for (const auto& cell : row.cells) scan_inlines(cell.content, doc, true);
            break;
        default:
            break;
    }
}

void scan_blocks(const std::vector<Block>& blocks, Document& doc, bool in_list) {
    for (const Block& b : blocks) scan_block(b, doc, in_list);
}

void scan_section(const Section& s, Document& doc) {
    scan_inlines(s.heading, doc, false);
    scan_blocks(s.blocks, doc);
    for (const Section& child : s.children) scan_section(child, doc);
}

}  // namespace

bool read_indicator_entry(const AnchoredText& text, IndicatorRef& out) {
    std::string code;
    std::size_t len = indicator_code_at(text.text, 0, code);
    if (len == 0) return false;
    out.code = code;
    out.span = text.span(0, len);
    std::string_view rest = std::string_view(text.text).substr(len);
    rest = trim(rest);
    // Separator between code and description: a dash, colon or nothing.
    for (std::string_view sep : {"\xE2\x80\x93", "\xE2\x80\x94", "-", ":"}) {
        if (rest.substr(0, sep.size()) == sep) {
            rest = trim(rest.substr(sep.size()));
            break;
        }
    }
    out.description = std::string(rest);
    return true;
}

void scan_document_text(Document& doc) {
    for (const Section& s : doc.sections) scan_section(s, doc);
}

}  // namespace planc
