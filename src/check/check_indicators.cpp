// W113: one indicator code described two different ways in one partnership.
//
// A description is the text after the code in a list item or table cell that starts with
// the code ("NI 20 – Assault with injury crime rate"), or the description column of an
// indicator status table. Codes mentioned in running prose carry no description and are
// not compared. Descriptions compare by their words, ignoring case and punctuation; a
// shortened name (all its words at the start of the other, "Serious acquisitive crime"
// for "Serious acquisitive crime rate") is the same description. Each different wording
// is reported once, where it first appears, with a note at the first description.

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "check/check_support.hpp"

namespace planc::checks {

namespace {

constexpr std::size_t kMaxWordings = 32;

struct Description {
    const Document* doc = nullptr;
    std::string code;
    std::string text;  ///< as written
    std::string key;   ///< normalised words
    Span span;         ///< the code
};

/// "NI20" -> "NI 20", "laa 3.1" -> "LAA 3.1".
std::string normalise_code(std::string_view text) {
    std::string_view t = trim(text);
    std::size_t letters = 0;
    while (letters < t.size() && std::isalpha(static_cast<unsigned char>(t[letters]))) ++letters;
    std::size_t rest = letters;
    while (rest < t.size() && t[rest] == ' ') ++rest;
    if (letters == 0 || rest >= t.size() || !std::isdigit(static_cast<unsigned char>(t[rest]))) return "";
    std::string code;
    for (std::size_t i = 0; i < letters; ++i) code.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(t[i]))));
    return code + " " + std::string(t.substr(rest));
}

/// True when the shorter description's words start the longer one.
bool same_description(const std::string& a, const std::string& b) {
    if (a == b) return true;
    const std::string& shorter = a.size() < b.size() ? a : b;
    const std::string& longer = a.size() < b.size() ? b : a;
    return longer.compare(0, shorter.size(), shorter) == 0 && longer[shorter.size()] == ' ';
}

std::vector<Description> descriptions_of(const Document& doc) {
    std::vector<Description> out;
    std::set<std::pair<std::uint32_t, std::uint32_t>> places;
    auto add = [&](std::string code, const std::string& text, const Span& span) {
        if (code.empty() || !span.known()) return;
        std::string key = normalise_words(text);
        if (key.empty()) return;
        // The same place seen twice (priority list and document scan) counts once.
        if (!places.insert({span.line, span.column}).second) return;
        out.push_back(Description{&doc, std::move(code), std::string(trim(text)), std::move(key), span});
    };
    for (const IndicatorRef& ref : doc.indicators) add(ref.code, ref.description, ref.span);
    for (const Priority& p : doc.priorities)
        for (const IndicatorRef& ref : p.indicators) add(ref.code, ref.description, ref.span);
    for (const IndicatorStatus& s : doc.indicator_statuses)
        add(normalise_code(s.indicator.text), s.description.text, s.indicator.span);
    std::sort(out.begin(), out.end(), [](const Description& a, const Description& b) {
        return std::tie(a.span.line, a.span.column) < std::tie(b.span.line, b.span.column);
    });
    return out;
}

}  // namespace

void check_indicators(const PartnershipContext& ctx) {
    // Per code, the distinct descriptions seen so far (documents in slug order).
    std::map<std::string, std::vector<Description>> seen;
    std::map<std::string, std::set<std::string>> exact;  // every wording seen, per code
    for (const Document& doc : ctx.partnership.documents) {
        CheckContext doc_ctx{ctx.project, ctx.partnership, doc, ctx.diags};
        for (Description& d : descriptions_of(doc)) {
            auto& known = seen[d.code];
            auto& keys = exact[d.code];
            if (keys.count(d.key)) continue;
            bool matches = false;
            // Shortened names are looked for among the first few wordings only, so that a
            // hostile file with thousands of wordings stays linear.
            for (std::size_t k = 0; k < known.size() && k < kMaxWordings && !matches; ++k)
                matches = same_description(known[k].key, d.key);
            keys.insert(d.key);
            if (matches) continue;
            if (!known.empty()) {
                const Description& first = known.front();
                Diagnostic& diag = report(doc_ctx, DiagCode::W113,
                                          d.code + " is described as \"" + d.text + "\" here but as \"" + first.text +
                                              "\" before",
                                          d.span);
                std::string where = first.doc == &doc ? "" : " (in " + plan_name(*first.doc) + ")";
                diag.notes.push_back(DiagNote{"first described here" + where, {first.doc->path, first.span}});
            }
            known.push_back(std::move(d));
        }
    }
}

}  // namespace planc::checks
