// W117: placeholder prose left in a document.
//
// A text (paragraph, list item, table cell, heading) is reported once, at its first
// placeholder:
// - "To follow" opening the text, alone or with "from ..."/"shortly"/"later" ("To follow
//   from Police"), or "(to follow)" anywhere;
// - TBC, TBA, TBD, "to be confirmed", "to be advised" as words;
// - XX, XXX (any run of two or more X's, as a word or in "XX/XX/XXXX", "£XX");
// - "[insert ...]", "insert ... here", "lorem ipsum".
// Targets (list items and table rows) and action plan rows have their own codes (W101,
// W114) and are not read here.

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <cstdint>
#include <set>

#include "check/check_support.hpp"
#include "parse/byte_words.hpp"

namespace planc::checks {

namespace {

using Position = std::pair<std::uint32_t, std::uint32_t>;

void add(std::set<Position>& set, const Span& s) {
    if (s.known()) set.insert({s.line, s.column});
}

/// Start positions of the texts other checks read: targets and action plan cells.
std::set<Position> covered_elsewhere(const Document& doc) {
    std::set<Position> out;
    for (const Priority& p : doc.priorities)
        for (const Target& t : p.targets) {
            add(out, t.span);
            add(out, t.baseline.span);
            add(out, t.target_value.span);
            if (t.from_table) add(out, t.deadline_span);
        }
    for (const ActionPlanRow& row : doc.action_plan)
        for (const Cell* c : {&row.recommendation, &row.activity, &row.owner, &row.milestones, &row.progress, &row.due})
            add(out, c->span);
    return out;
}

// ASCII classes (the "C" locale's, without a call per character).
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || (c >= '0' && c <= '9'); }
char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Every text of every document is searched, so the text is read as written, in one
// pass, and compared without regard to case where a form may start; no lower-case copy.

/// True when `s` holds `lower` (in lower case) at `at`, ignoring ASCII case.
bool holds_at(std::string_view s, std::size_t at, std::string_view lower) {
    if (at > s.size() || s.size() - at < lower.size()) return false;
    for (std::size_t k = 0; k < lower.size(); ++k)
        if (lower_ascii(s[at + k]) != lower[k]) return false;
    return true;
}

/// Where `lower` next occurs in `s` at or after `from`, ignoring ASCII case.
std::size_t find_from(std::string_view s, std::string_view lower, std::size_t from) {
    for (std::size_t at = from; at + lower.size() <= s.size(); ++at)
        if (holds_at(s, at, lower)) return at;
    return std::string_view::npos;
}

bool word_boundary(std::string_view s, std::size_t at) { return at >= s.size() || !is_alnum(s[at]); }

/// `word` (two letters or more, lower case) as a whole word at `i`. The cheap tests come
/// first: this runs at every "t" and "i" of every text.
bool word_at(std::string_view s, std::size_t i, std::string_view word) {
    if (i > s.size() || s.size() - i < word.size() || lower_ascii(s[i + 1]) != word[1]) return false;
    return (i == 0 || word_boundary(s, i - 1)) && holds_at(s, i, word) && word_boundary(s, i + word.size());
}

/// "To follow" opening the text, alone or with a word saying when or from whom.
bool find_opening_to_follow(std::string_view s, std::size_t* where, std::size_t* length) {
    std::size_t start = 0;
    while (start < s.size() && !is_alpha(s[start])) ++start;
    if (!word_at(s, start, "to follow")) return false;
    std::size_t next = start + 9;
    while (next < s.size() && s[next] == ' ') ++next;
    std::size_t next_end = next;
    while (next_end < s.size() && is_alpha(s[next_end])) ++next_end;
    std::string next_word;
    for (std::size_t k = next; k < next_end; ++k) next_word.push_back(lower_ascii(s[k]));
    if (!(next_word.empty() || next_word == "from" || next_word == "shortly" || next_word == "later" ||
          next_word == "soon" || next_word == "when" || next_word == "after"))
        return false;
    *where = start;
    *length = s.size() - start;
    while (*length > 0 && (s[start + *length - 1] == '.' || s[start + *length - 1] == ' ')) --*length;
    return true;
}

/// Where a placeholder was found.
struct Found {
    std::size_t where = 0;
    std::size_t length = 0;  ///< 0: none
};

/// A placeholder at the run of letters that starts at `i` (or at the bracket just
/// before it: "[insert ...]"). Every form begins a run of letters, and no two forms can
/// begin at the same place.
Found placeholder_at(std::string_view s, std::size_t i) {
    switch (lower_ascii(s[i])) {
        case 't':
            // "(to follow)" anywhere: the words inside the brackets.
            if (i > 0 && s[i - 1] == '(' && holds_at(s, i - 1, "(to follow)")) return {i, 9};
            for (std::string_view phrase : {"tbc", "tba", "tbd", "to be confirmed", "to be advised"})
                if (word_at(s, i, phrase)) return {i, phrase.size()};
            return {};
        case 'l':
            return word_at(s, i, "lorem ipsum") ? Found{i, 11} : Found{};
        case 'x': {
            // XX, XXX, xx as a word or beside "/" and "£" ("XX/XX/XXXX"), in one case
            // throughout.
            std::size_t j = i;
            while (j < s.size() && s[j] == s[i]) ++j;
            return j - i >= 2 && (j >= s.size() || !is_alpha(s[j])) ? Found{i, j - i} : Found{};
        }
        case 'i': {
            // "[insert ...]", "<insert ...>": up to the closing bracket if there is one.
            if (i > 0 && (s[i - 1] == '[' || s[i - 1] == '<') && holds_at(s, i, "insert")) {
                std::size_t close = s.find_first_of("]>", i);
                return {i - 1, close == std::string_view::npos ? 7 : close - i + 2};
            }
            // "insert ... here", within a few words.
            if (!word_at(s, i, "insert")) return {};
            std::size_t here = find_from(s, " here", i);
            if (here != std::string_view::npos && here - i < 60 && word_boundary(s, here + 5))
                return {i, here + 5 - i};
            return {};
        }
        default:
            return {};
    }
}

/// Where a form may start among the 16 bytes at `p` (p[-1] and p[16] must be readable):
/// bit k is set when byte k starts a run of letters (p[k - 1] is no letter) with the first
/// two letters of a form, in either case: "tb" (TBC), "to" (to be, to follow), "in"
/// (insert), "lo" (lorem ipsum), "xx". Most words are ruled out here, "the" and "is" too.
std::uint32_t placeholder_word_starts(const char* p) {
    using byte_words::Bytes16;
    // Setting bit 5 makes A-Z a-z and maps no other byte onto a letter.
    Bytes16 lower = byte_words::load16(p) | 0x20;
    Bytes16 second = byte_words::load16(p + 1) | 0x20;
    auto letter = (lower - 'a') < 26;
    auto letter_before = ((byte_words::load16(p - 1) | 0x20) - 'a') < 26;
    auto opening = ((lower == 't') & ((second == 'b') | (second == 'o'))) | ((lower == 'i') & (second == 'n')) |
                   ((lower == 'l') & (second == 'o')) | ((lower == 'x') & (second == 'x'));
    return byte_words::mask(opening & letter & ~letter_before);
}

}  // namespace

bool find_placeholder_text(const std::string& text, std::size_t* where, std::size_t* length) {
    std::string_view s = text;
    if (find_opening_to_follow(s, where, length)) return true;
    // Every form begins a run of letters with two letters of its own, so only those places
    // need a look, in reading order: the first placeholder found is the earliest. They are
    // found sixteen bytes at a time.
    const char* d = s.data();
    const std::size_t n = s.size();
    auto found_at = [&](std::size_t i) {
        Found f = placeholder_at(s, i);
        if (f.length == 0) return false;
        *where = f.where;
        *length = f.length;
        return true;
    };
    for (std::size_t i = 0; i < n; i += 16) {
        std::uint32_t bits = 0;
        if (i > 0 && i + 17 <= n) {
            bits = placeholder_word_starts(d + i);
        } else {
            // The first sixteen bytes (no byte before them) and the last few: a copy
            // padded with zero bytes, which are not letters. Most texts are short.
            char padded[18] = {};
            padded[0] = i > 0 ? d[i - 1] : '\0';
            std::memcpy(padded + 1, d + i, std::min<std::size_t>(17, n - i));
            bits = placeholder_word_starts(padded + 1);
        }
        for (; bits != 0; bits &= bits - 1)
            if (found_at(i + static_cast<std::size_t>(std::countr_zero(bits)))) return true;
    }
    return false;
}

void check_placeholders(const CheckContext& ctx) {
    std::set<Position> skip = covered_elsewhere(ctx.doc);
    for_each_text(ctx, [&](const TextPiece& piece) {
        const std::string& text = piece.text.text;
        if (text.empty()) return;
        std::size_t where = 0;
        std::size_t length = 0;
        // The search first: it rarely finds anything, and the start position (a column
        // count through the line) is needed only when it does.
        if (!find_placeholder_text(text, &where, &length)) return;
        Span start = piece_span(piece, 0, 1);
        if (skip.count({start.line, start.column})) return;
        std::string found = text.substr(where, length);
        std::string message = "placeholder \"" + found + "\" left in the text";
        if (piece.top_section && !piece.top_section->title.empty() && !piece.heading)
            message = "placeholder \"" + found + "\" left in section \"" + piece.top_section->title + "\"";
        report(ctx, DiagCode::W117, message, piece_span(piece, where, where + length));
    });
}

}  // namespace planc::checks
