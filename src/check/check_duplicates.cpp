// W108: the same target stated twice in one plan (in two priorities, or twice in one).
// Targets compare by their words: case, punctuation, a typed "1." and spacing do not
// matter. The later one is reported, with a note at the first.

#include <cctype>
#include <map>

#include "check/check_support.hpp"

namespace planc::checks {

namespace {

/// The words of a target without a typed list number in front ("1. To reduce").
std::string target_key(const Target& t) {
    std::string key = normalise_words(t.text);
    std::size_t i = 0;
    while (i < key.size() && std::isdigit(static_cast<unsigned char>(key[i]))) ++i;
    if (i > 0 && i < key.size() && key[i] == ' ') key.erase(0, i + 1);
    // A table row is the same target only with the same baseline and target too.
    if (t.from_table) key += " | " + normalise_words(t.baseline.text) + " | " + normalise_words(t.target_value.text);
    return key;
}

}  // namespace

void check_duplicate_targets(const CheckContext& ctx) {
    struct First {
        const Priority* priority;
        const Target* target;
    };
    std::map<std::string, First> seen;
    for (const Priority& p : ctx.doc.priorities) {
        for (const Target& t : p.targets) {
            std::string key = target_key(t);
            if (key.empty()) continue;
            auto [it, fresh] = seen.emplace(key, First{&p, &t});
            if (fresh) continue;
            const First& first = it->second;
            std::string where = first.priority == &p ? "earlier in this priority" : "in " + priority_name(*first.priority);
            Diagnostic& d = report(ctx, DiagCode::W108, "target is the same as one " + where, t.span, p.id);
            d.notes.push_back(note_at(ctx.doc, "first stated here", first.target->span));
        }
    }
}

}  // namespace planc::checks
