// W112: an abbreviation a resident cannot look up.
//
// Candidates are the abbreviation-like words the parser found (2 to 8 capitals, digits
// after the first letter). A word is *not* treated as an abbreviation when it is
// - an ordinary English word written in capitals ("DOWN", "KEY", "RESPECT"),
// - part of a run of capitalised words that is shouting rather than naming: a table
//   header or heading like "MEETING NAME" or "APPENDIX I - NATIONAL AND LOCAL
//   PRIORITIES" (a run of 3 or more capitalised words, or of 2 where one is an ordinary
//   word),
// - a roman numeral made of I, V and X ("II", "XIV"), a road or postcode part ("A50",
//   "LE18": one or two letters then digits), or a placeholder ("TBC", "XX": W117/W101).
// A term counts as defined when
// - it is in the built-in list of abbreviations every resident knows (kCommon below) or
//   in `common_abbreviations` of planc.yml,
// - the partnership glossary defines it (with or without a plural "s" or "'s"; each
//   capitalised word of a glossary term of several words, like "NWL PISC", counts),
// - it is the partnership's `short` name written in capitals ("MASCP"),
// - a Glossary section of the document itself defines it, or
// - the document spells it out anywhere as "Full Name (ABBR)" or "ABBR (Full Name)",
//   the initials of the full name giving the letters of the abbreviation in order.
// "PSA1" is defined when "PSA" is. Each undefined term is reported once per document, at
// its first use, with the number of other uses.

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>

#include "check/check_support.hpp"
#include "parse/source_text.hpp"

namespace planc::checks {

namespace {

/// Abbreviations a resident needs no explanation for.
constexpr std::array<std::string_view, 44> kCommon = {
    "UK",  "GB",   "EU",  "UN",  "USA", "BBC", "ITV", "NHS",  "GP",   "MP",  "MEP", "PC",  "CCTV", "TV",  "DVD",
    "CD",  "PDF",  "ID",  "OK",  "AM",  "PM",  "IT",  "ICT",  "DNA",  "HIV", "VAT", "MOT", "SMS",  "ATM", "HGV",
    "RSPCA", "NSPCC", "YMCA", "RAF", "FAQ", "URL", "WWW", "PIN", "ASAP", "N", "NE", "NW", "SE", "SW"};

/// Placeholders and status letters: other checks deal with them.
constexpr std::array<std::string_view, 8> kNotTerms = {"TBC", "TBA", "TBD", "XX", "XXX", "XXXX", "NA", "RAG"};

/// Ordinary English words that documents write in capitals (headings, table headers,
/// programme names). Compared in upper case.
constexpr std::array<std::string_view, 190> kOrdinary = {
    "A", "ABOUT", "ABUSE", "ACTION", "ACTIONS", "ACTIVITY", "ADULTS", "AGENDA", "AIM", "AIMS", "ALCOHOL", "ALL",
    "AMBER", "AN", "AND", "ANNUAL", "ANTI", "APPENDIX", "ARE", "AREA", "AREAS", "AS", "AT", "BACKGROUND", "BASELINE",
    "BE", "BEHAVIOUR", "BOARD", "BOROUGH", "BURGLARY", "BY", "CAN", "CASE", "CHANGE", "CHILDREN", "CLOSED", "COMMENTS",
    "COMMUNITY", "COMPLETE", "CONTACT", "CONTACTS", "CONTENTS", "COUNCIL", "COUNTY", "CRIME", "DAMAGE", "DATE", "DAY",
    "DESCRIPTION", "DISTRICT", "DO", "DOMESTIC", "DOWN", "DRAFT", "DRUGS", "DUE", "EMAIL", "END", "FINAL", "FIRE",
    "FIRST", "FOR", "FOREWORD", "FREE", "FROM", "GLOSSARY", "GOOD", "GREEN", "GROUP", "HELP", "HIGH", "HOME", "HOW",
    "IMPACT", "IN", "INDICATOR", "INDICATORS", "INFORMATION", "INTRODUCTION", "IS", "ISSUES", "ITEM", "KEY", "LEAD",
    "LEVEL", "LOCAL", "LOW", "MANAGEMENT", "MAY", "ME", "MEASURE", "MEASURES", "MEETING", "MEMBERS", "MILESTONE",
    "MILESTONES", "MINUTES", "MY", "NAME", "NATIONAL", "NEW", "NEXT", "NO", "NOT", "NOTE", "NOTES", "NOW", "OF",
    "OFFICER", "OFFICERS", "ON", "ONE", "ONGOING", "OPEN", "OR", "OUR", "OUTCOME", "OUTCOMES", "OWNER", "PAGE",
    "PARTNER", "PARTNERS", "PARTNERSHIP", "PARTNERSHIPS", "PEOPLE", "PERFORMANCE", "PLACE", "PLAN", "PLANS",
    "POLICE", "PREVENTION", "PRIORITIES", "PRIORITY", "PROGRESS", "PROJECT", "PUBLIC", "RED", "REDUCTION", "REPORT",
    "RESPECT", "RESPONSIBLE", "RESULTS", "REVIEW", "ROAD", "SAFE", "SAFER", "SAFETY", "SCHEME", "SECTION",
    "SERVICE", "SERVICES", "SIMILAR", "SOCIAL", "STATUS", "STOP", "STRATEGY", "SUMMARY", "SUPPORT", "TAKE", "TARGET",
    "TARGETS", "TEAM", "THE", "THEFT", "THEME", "TIME", "TIMESCALE", "TO", "TOTAL", "UP", "UPDATE", "US", "VEHICLE",
    "VENUE", "VERSION", "VIOLENCE", "WARD", "WE", "WHAT", "WHEN", "WHERE", "WHO", "WHY", "WILL", "WITH", "YEAR",
    "YES", "YOU", "YOUNG", "YOUR"};

static_assert(std::is_sorted(kOrdinary.begin(), kOrdinary.end()), "kOrdinary is searched by halves: keep it sorted");

bool is_ordinary(std::string_view upper) { return std::binary_search(kOrdinary.begin(), kOrdinary.end(), upper); }

/// Words skipped when matching initials: "Crime and Disorder Reduction Partnership".
bool is_minor_word(std::string_view lower) {
    return lower == "and" || lower == "of" || lower == "the" || lower == "for" || lower == "to" || lower == "in" ||
           lower == "on" || lower == "&" || lower == "with" || lower == "a" || lower == "an" || lower == "at" ||
           lower == "by" || lower == "out";
}

bool contains(const auto& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return is_upper(c) || (c >= 'a' && c <= 'z'); }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

/// True when the text holds two capitals in a row: the only texts worth splitting.
bool has_capital_pair(std::string_view s) {
    for (std::size_t i = find_ascii_capital(s, 0); i != std::string_view::npos; i = find_ascii_capital(s, i + 1))
        if (i + 1 < s.size() && is_upper(s[i + 1])) return true;
    return false;
}

/// "MARACs" -> "MARAC", "PPO'S" -> "PPO", "CSP’s" -> "CSP".
std::string base_term(std::string_view term) {
    std::string t(trim(term));
    for (std::string_view suffix : {"\xE2\x80\x99s", "\xE2\x80\x99S", "'s", "'S", "s"}) {
        if (t.size() > suffix.size() + 1 && t.compare(t.size() - suffix.size(), suffix.size(), suffix) == 0) {
            t.erase(t.size() - suffix.size());
            break;
        }
    }
    return t;
}

/// "PSA1" -> "PSA"; "A50" and "LE18" -> "" (not a term).
std::string letters_part(std::string_view term) {
    std::size_t letters = 0;
    while (letters < term.size() && is_upper(term[letters])) ++letters;
    if (letters == term.size()) return std::string(term);
    bool digits_only = std::all_of(term.begin() + static_cast<std::ptrdiff_t>(letters), term.end(), is_digit);
    if (!digits_only) return std::string(term);  // "NI3A": keep as written
    if (letters <= 2) return "";
    return std::string(term.substr(0, letters));
}

bool is_roman(std::string_view w) {
    if (w.empty()) return false;
    for (char c : w)
        if (c != 'I' && c != 'V' && c != 'X') return false;
    static const std::array<std::string_view, 20> numerals = {"I",   "II",  "III", "IV", "V",   "VI",  "VII",
                                                               "VIII", "IX", "X",   "XI", "XII", "XIII", "XIV",
                                                               "XV",  "XVI", "XVII", "XVIII", "XIX", "XX"};
    return contains(numerals, w) && w != "XX";
}

/// A word of the text: where it is and what it is.
struct Word {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string_view text;  ///< into the text that was split
    bool caps = false;      ///< all capitals (digits allowed after the first), 1+ letters
};

/// "ASB", "MARACs", "PPO's", "NI20": capitals (digits after the first), then an optional
/// plural or possessive.
bool is_caps_word(std::string_view w) {
    // Most words start in lower case: rule them out before looking at suffixes (removing
    // a suffix never changes the first letter).
    if (w.empty() || !is_upper(w[0])) return false;
    for (std::string_view suffix : {"\xE2\x80\x99s", "\xE2\x80\x99S", "'s", "'S", "s"}) {
        if (w.size() > suffix.size() + 1 && w.substr(w.size() - suffix.size()) == suffix) {
            w.remove_suffix(suffix.size());
            break;
        }
    }
    if (w.empty() || !is_upper(w[0])) return false;
    return std::all_of(w.begin(), w.end(), [](char ch) { return is_upper(ch) || is_digit(ch); });
}

/// The word of `s` that starts at or after `i`; false at the end of the text. `i` moves
/// past the word.
bool next_word(std::string_view s, std::size_t& i, Word& w) {
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        if (!(is_alnum(s[i]) || c >= 0x80)) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < s.size()) {
            auto d = static_cast<unsigned char>(s[j]);
            if (is_alnum(s[j])) {
                ++j;
            } else if (d == '\'' && j + 1 < s.size() && is_alpha(s[j + 1])) {
                ++j;
            } else if (s.compare(j, 3, "\xE2\x80\x99") == 0 && j + 3 < s.size() && is_alpha(s[j + 3])) {
                j += 3;
            } else if (d >= 0x80 && s.compare(j, 3, "\xE2\x80\x93") != 0 && s.compare(j, 3, "\xE2\x80\x94") != 0 &&
                       s.compare(j, 3, "\xE2\x80\x99") != 0) {
                ++j;
            } else {
                break;
            }
        }
        if (j == i) {  // an en or em dash or a closing quote (3 bytes each): not a word
            i += 3;
            continue;
        }
        w.begin = i;
        w.end = j;
        w.text = s.substr(i, j - i);
        w.caps = is_caps_word(w.text);
        i = j;
        return true;
    }
    return false;
}

std::vector<Word> split_words(std::string_view s) {
    std::vector<Word> out;
    std::size_t i = 0;
    for (Word w; next_word(s, i, w);) out.push_back(w);
    return out;
}

/// True when the initials of words [from, to) spell `letters` in order.
bool initials_spell(const std::vector<std::string>& words, std::size_t from, std::size_t to, std::string_view letters) {
    // Words [from, to) must hold the letters in order as initials, allowing minor words
    // anywhere and at most two other words that give no letter.
    std::size_t k = 0;
    int skipped = 0;
    for (std::size_t i = from; i < to && k < letters.size(); ++i) {
        std::string_view text = words[i];
        std::string lower = ascii_lower(text);
        auto initial = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
        if (initial == letters[k]) {
            ++k;
        } else if (!is_minor_word(lower) && ++skipped > 2) {
            return false;
        }
    }
    return k == letters.size();
}

/// The capital letters of an abbreviation, plural and possessive removed.
std::string spelled_letters(std::string_view term) {
    std::string out;
    for (char c : base_term(term))
        if (is_upper(c)) out.push_back(c);
    return out;
}

/// Words split also at hyphens and slashes, for initials ("Multi-Agency" -> 2 words).
std::vector<std::string> initial_words(std::string_view s) {
    std::string spaced(s);
    for (char& c : spaced)
        if (c == '-' || c == '/') c = ' ';
    std::vector<std::string> out;
    for (const Word& w : split_words(spaced)) out.emplace_back(w.text);
    return out;
}

constexpr std::size_t kMaxBracket = 160;

/// Terms the document spells out: "Anti-Social Behaviour (ASB)", "ASB (Anti-Social Behaviour)".
void collect_definitions(std::string_view s, std::set<std::string>& defined) {
    std::size_t close = 0;
    for (std::size_t open = s.find('('); open != std::string_view::npos; open = s.find('(', open + 1)) {
        // One search per closing bracket, not per opening one: "((((...)" stays linear.
        if (close <= open) close = s.find(')', open);
        if (close == std::string_view::npos) break;
        // A spelled-out name or an abbreviation is short; a longer bracket defines nothing.
        if (close - open > kMaxBracket) continue;
        std::string inside(trim(s.substr(open + 1, close - open - 1)));
        // "(M.A.T.'s)" spells "MAT's".
        if (inside.size() >= 4 && is_upper(inside[0]) && inside[1] == '.') {
            std::string undotted;
            for (char c : inside)
                if (c != '.') undotted.push_back(c);
            inside = undotted;
        }
        // Most brackets hold neither form ("(2008/09)", "(see below)"): one word in
        // capitals inside, or two or more words after one.
        auto inside_words = split_words(inside);
        bool abbreviation_inside = inside_words.size() == 1 && inside_words[0].caps;
        if (!abbreviation_inside && inside_words.size() < 2) continue;
        // The full name stands just before the bracket: a few words are enough.
        std::size_t from = open > 160 ? open - 160 : 0;
        while (from > 0 && (static_cast<unsigned char>(s[from]) & 0xC0) == 0x80) --from;
        std::string_view lead_in = s.substr(from, open - from);
        // "Full Name (ABBR)"
        if (abbreviation_inside) {
            std::vector<std::string> before = initial_words(lead_in);
            std::string letters = spelled_letters(inside_words[0].text);
            if (letters.size() >= 2) {
                std::size_t n = before.size();
                std::size_t reach = std::min(n, letters.size() * 2 + 3);
                for (std::size_t first = n - reach; first < n; ++first) {
                    auto initial = static_cast<char>(std::toupper(static_cast<unsigned char>(before[first][0])));
                    if (initial == letters[0] && initials_spell(before, first, n, letters)) {
                        defined.insert(base_term(inside_words[0].text));
                        break;
                    }
                }
            }
        }
        // "ABBR (Full Name)"
        auto words_before = split_words(lead_in);
        if (!words_before.empty() && words_before.back().caps && inside_words.size() >= 2) {
            std::string letters = spelled_letters(words_before.back().text);
            auto full = initial_words(inside);
            if (letters.size() >= 2 && !full.empty() &&
                std::toupper(static_cast<unsigned char>(full[0][0])) == letters[0] &&
                initials_spell(full, 0, full.size(), letters))
                defined.insert(base_term(words_before.back().text));
        }
    }
}

bool is_number(const Word& w) { return std::all_of(w.text.begin(), w.text.end(), is_digit); }

/// Capitalised words in shouting runs: positions (line, column) to pass over. A run is a
/// capitalised word and the capitalised words and numbers that follow it; the words are
/// read one at a time, and only a run is kept.
void collect_shouting(const TextPiece& piece, std::set<std::pair<std::uint32_t, std::uint32_t>>& out) {
    const std::string& s = piece.text.text;
    if (!has_capital_pair(s)) return;
    auto ordinary = [](const Word& w) { return is_ordinary(base_term(w.text)) || is_roman(w.text); };
    std::vector<Word> run;
    auto end_run = [&] {
        std::size_t real = 0;  // words of 2+ letters or roman numerals in the run
        bool has_ordinary = false;
        for (const Word& w : run) {
            if (!w.caps) continue;
            ++real;
            has_ordinary = has_ordinary || ordinary(w);
        }
        if (real >= 3 || (real == 2 && has_ordinary)) {
            for (const Word& w : run) {
                Span at = piece.text.span(w.begin, w.end);
                if (at.known()) out.insert({at.line, at.column});
            }
        }
        run.clear();
    };
    std::size_t i = 0;
    for (Word w;;) {
        if (run.empty()) {
            // Only a word in capitals starts a run: go to the next capital letter, back
            // to the space before its word. A space always ends a word, so the words read
            // from there are the words a reading from the start would give; those passed
            // over hold no capital and could not start a run.
            std::size_t capital = find_ascii_capital(s, i);
            if (capital == std::string::npos) break;
            std::size_t from = capital;
            while (from > i && s[from - 1] != ' ') --from;
            i = from;
        }
        if (!next_word(s, i, w)) break;
        if (w.caps || (!run.empty() && is_number(w))) {
            run.push_back(w);
        } else if (!run.empty()) {
            end_run();
        }
    }
    if (!run.empty()) end_run();
}

/// Terms a glossary table or list in the document defines.
void collect_document_glossary(const Section& s, std::set<std::string>& defined) {
    if (s.kind == SectionKind::Glossary) {
        for (const Block* b : all_blocks(s)) {
            if (b->kind == BlockKind::Table) {
                for (const TableRow& row : b->table->rows)
                    if (!row.cells.empty()) defined.insert(base_term(row.cells.front().text));
            } else if (b->kind == BlockKind::List) {
                for (const Entry& e : list_entries({*b})) {
                    auto words = split_words(e.text);
                    if (!words.empty() && words.front().caps) defined.insert(base_term(words.front().text));
                }
            }
        }
    }
    for (const Section& child : s.children) collect_document_glossary(child, defined);
}

void add_term(std::set<std::string>& defined, std::string_view term) {
    std::string base = base_term(term);
    defined.insert(base);
    // Every capitalised word of a term of several words: "NWL PISC".
    for (const Word& w : split_words(base))
        if (w.caps) defined.insert(base_term(w.text));
}

}  // namespace

void check_abbreviations(const CheckContext& ctx) {
    const Document& doc = ctx.doc;
    if (doc.abbreviations.empty()) return;
    std::set<std::string> defined;
    for (auto term : kCommon) defined.insert(std::string(term));
    for (const std::string& term : ctx.project.settings.common_abbreviations) add_term(defined, term);
    for (const GlossaryEntry& g : ctx.partnership.glossary) add_term(defined, g.term);
    {
        auto words = split_words(ctx.partnership.short_name);
        if (!words.empty() && std::all_of(words.begin(), words.end(), [](const Word& w) { return w.caps; }))
            add_term(defined, ctx.partnership.short_name);
    }
    for (const Section& s : doc.sections) collect_document_glossary(s, defined);

    // A term is reported only when none of the above defines it. Where the glossary covers
    // every term used (a kept-up plan), nothing can be reported, and the texts need not be
    // read for spelled-out names and shouting runs, which only ever pass more terms.
    auto may_report = [&](const std::string& term) {
        return term.size() >= 2 && !defined.count(term) && !contains(kNotTerms, term) && !is_ordinary(term) &&
               !is_roman(term);
    };
    if (std::none_of(doc.abbreviations.begin(), doc.abbreviations.end(),
                     [&](const AbbreviationUse& use) { return may_report(letters_part(base_term(use.term))); }))
        return;

    std::set<std::pair<std::uint32_t, std::uint32_t>> shouting;
    for_each_text(ctx, [&](const TextPiece& piece) {
        collect_definitions(piece.text.text, defined);
        collect_shouting(piece, shouting);
    });

    struct Use {
        Span first;
        std::size_t count = 0;
    };
    std::map<std::string, Use> undefined;
    for (const AbbreviationUse& use : doc.abbreviations) {
        std::string term = letters_part(base_term(use.term));
        if (!may_report(term)) continue;
        if (shouting.count({use.span.line, use.span.column})) continue;
        Use& u = undefined[term];
        ++u.count;
        if (!u.first.known() || std::tie(use.span.line, use.span.column) < std::tie(u.first.line, u.first.column))
            u.first = use.span;
    }
    for (const auto& [term, use] : undefined) {
        if (!use.first.known()) continue;
        std::string message = term + " is not defined in the glossary";
        if (use.count > 1)
            message += " (used " + std::to_string(use.count - 1) + " more time" + (use.count > 2 ? "s" : "") +
                       " in this document)";
        report(ctx, DiagCode::W112, message, use.first);
    }
}

}  // namespace planc::checks
