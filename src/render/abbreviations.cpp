// <abbr> markup for glossary terms, first use per section (see abbreviations.hpp).

#include "render/abbreviations.hpp"

#include <algorithm>

#include "parse/source_text.hpp"
#include "render/html.hpp"

namespace planc {

namespace {

/// ASCII letters and digits (what isalnum says in the "C" locale planc runs in, without a
/// locale lookup per character: this runs on every character of every page).
bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

int uppercase_letters(std::string_view s) {
    return static_cast<int>(std::count_if(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
}

}  // namespace

AbbreviationMarker::AbbreviationMarker(const std::vector<GlossaryEntry>& glossary) {
    for (const GlossaryEntry& g : glossary) {
        if (g.term.empty() || g.meaning.empty()) continue;
        terms_.push_back({g.term, g.meaning});
    }
    std::stable_sort(terms_.begin(), terms_.end(),
                     [](const Term& a, const Term& b) { return a.text.size() > b.text.size(); });
    // A term is only looked for at a capital letter it starts with.
    for (std::size_t i = 0; i < terms_.size(); ++i) {
        char first = terms_[i].text.front();
        if (first >= 'A' && first <= 'Z') by_initial_[static_cast<std::size_t>(first - 'A')].push_back(i);
    }
}

const AbbreviationMarker::Term* AbbreviationMarker::match(std::string_view text, std::size_t at) const {
    if (at > 0 && is_word_char(text[at - 1])) return nullptr;
    if (text[at] < 'A' || text[at] > 'Z') return nullptr;
    // Both ways of matching need the same first character: only the terms that start with
    // it, longest first.
    for (std::size_t index : by_initial_[static_cast<std::size_t>(text[at] - 'A')]) {
        const Term& t = terms_[index];
        if (at + t.text.size() > text.size()) continue;
        std::string_view candidate = text.substr(at, t.text.size());
        // Exactly as the glossary writes it, or differing only in case when the text still
        // reads as an abbreviation ("PPO's" for the glossary's "PPO'S").
        bool same = candidate == t.text || (same_ignoring_case(candidate, t.text) && uppercase_letters(candidate) >= 2 &&
                                            candidate.front() == t.text.front());
        if (!same) continue;
        std::size_t end = at + t.text.size();
        if (end < text.size() && is_word_char(text[end])) continue;
        return &t;
    }
    return nullptr;
}

void AbbreviationMarker::append(html::Stream& out, std::string_view text) {
    if (!enabled_ || terms_.empty()) {
        out.text(text);
        return;
    }
    std::size_t plain_from = 0;
    for (std::size_t i = 0; i < text.size();) {
        // Terms start with a capital: the text up to the next one is passed over whole
        // (a capital inside a word is passed over below, as match() rejects it).
        i = find_ascii_capital(text, i);
        if (i == std::string_view::npos) break;
        const Term* t = match(text, i);
        if (!t || used_.count(t->text)) {
            // Skip the rest of a word (or a matched but already explained term).
            std::size_t step = t ? t->text.size() : 1;
            if (!t && is_word_char(text[i]))
                while (i + step < text.size() && is_word_char(text[i + step])) ++step;
            i += step;
            continue;
        }
        out.text(text.substr(plain_from, i - plain_from));
        out.element_text("abbr", text.substr(i, t->text.size()), {{"title", t->meaning}});
        used_.insert(t->text);
        i += t->text.size();
        plain_from = i;
    }
    out.text(text.substr(plain_from));
}

}  // namespace planc
