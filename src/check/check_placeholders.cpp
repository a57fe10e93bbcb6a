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

#include <set>

#include "check/check_support.hpp"

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

bool word_boundary(std::string_view s, std::size_t at) {
    return at >= s.size() || !std::isalnum(static_cast<unsigned char>(s[at]));
}

bool word_at(const std::string& lower, std::size_t i, std::string_view word) {
    return lower.compare(i, word.size(), word) == 0 && (i == 0 || word_boundary(lower, i - 1)) &&
           word_boundary(lower, i + word.size());
}

}  // namespace

bool find_placeholder_text(const std::string& s, std::size_t* where, std::size_t* length) {
    std::string lower = ascii_lower(s);
    // "To follow" opening the text.
    std::size_t start = 0;
    while (start < lower.size() && !std::isalpha(static_cast<unsigned char>(lower[start]))) ++start;
    if (word_at(lower, start, "to follow")) {
        std::size_t next = start + 9;
        while (next < lower.size() && lower[next] == ' ') ++next;
        std::size_t next_end = next;
        while (next_end < lower.size() && std::isalpha(static_cast<unsigned char>(lower[next_end]))) ++next_end;
        std::string next_word = lower.substr(next, next_end - next);
        if (next_word.empty() || next_word == "from" || next_word == "shortly" || next_word == "later" ||
            next_word == "soon" || next_word == "when" || next_word == "after") {
            *where = start;
            *length = s.size() - start;
            while (*length > 0 && (s[start + *length - 1] == '.' || s[start + *length - 1] == ' ')) --*length;
            return true;
        }
    }
    // The earliest of the other forms; each is looked for with one search over the text.
    std::size_t best = std::string::npos;
    std::size_t best_length = 0;
    auto consider = [&](std::size_t at, std::size_t len) {
        if (at < best) {
            best = at;
            best_length = len;
        }
    };
    if (std::size_t at = lower.find("(to follow)"); at != std::string::npos) consider(at + 1, 9);
    for (std::string_view phrase : {"tbc", "tba", "tbd", "to be confirmed", "to be advised", "lorem ipsum"}) {
        for (std::size_t at = lower.find(phrase); at != std::string::npos && at < best; at = lower.find(phrase, at + 1)) {
            if (word_at(lower, at, phrase)) {
                consider(at, phrase.size());
                break;
            }
        }
    }
    // XX, XXX, xx as a word or beside "/" and "£" ("XX/XX/XXXX"): never inside a word.
    for (std::size_t at = lower.find("xx"); at != std::string::npos && at < best; at = lower.find("xx", at + 1)) {
        if (at > 0 && std::isalpha(static_cast<unsigned char>(s[at - 1]))) continue;
        std::size_t j = at;
        while (j < s.size() && s[j] == s[at]) ++j;
        if (j - at >= 2 && (j >= s.size() || !std::isalpha(static_cast<unsigned char>(s[j])))) {
            consider(at, j - at);
            break;
        }
        at = j - 1;
    }
    for (std::string_view open : {"[insert", "<insert"}) {
        if (std::size_t at = lower.find(open); at != std::string::npos) {
            std::size_t close = lower.find_first_of("]>", at);
            consider(at, close == std::string::npos ? open.size() : close - at + 1);
        }
    }
    for (std::size_t at = lower.find("insert"); at != std::string::npos && at < best; at = lower.find("insert", at + 1)) {
        if (!word_at(lower, at, "insert")) continue;
        std::size_t here = lower.find(" here", at);
        if (here != std::string::npos && here - at < 60 && word_boundary(lower, here + 5)) {
            consider(at, here + 5 - at);
            break;
        }
    }
    if (best == std::string::npos) return false;
    *where = best;
    *length = best_length;
    return true;
}

void check_placeholders(const CheckContext& ctx) {
    std::set<Position> skip = covered_elsewhere(ctx.doc);
    for_each_text(ctx.doc, [&](const TextPiece& piece) {
        const std::string& text = piece.text.text;
        if (text.empty()) return;
        Span start = piece_span(piece, 0, 1);
        if (skip.count({start.line, start.column})) return;
        std::size_t where = 0;
        std::size_t length = 0;
        if (!find_placeholder_text(text, &where, &length)) return;
        std::string found = text.substr(where, length);
        std::string message = "placeholder \"" + found + "\" left in the text";
        if (piece.top_section && !piece.top_section->title.empty() && !piece.heading)
            message = "placeholder \"" + found + "\" left in section \"" + piece.top_section->title + "\"";
        report(ctx, DiagCode::W117, message, piece_span(piece, where, where + length));
    });
}

}  // namespace planc::checks
