// The vocabulary of the target grammar.

#include "target_grammar_words.hpp"

#include <array>
#include <initializer_list>

namespace planc::grammar {

namespace {

/// Verbs by the direction they give a target.
struct VerbGroup {
    Direction direction;
    bool lead_in;
    std::initializer_list<std::string_view> lemmas;
};

// "hold" is Maintain here; "hold at least" is turned into Achieve by the grammar.
// "tackle" and "prevent" aim at less of something, so they read as Reduce.
const VerbGroup kVerbGroups[] = {
    {Direction::Reduce,
     false,
     {"reduce", "decrease", "cut", "lower", "minimise", "minimize", "tackle", "prevent", "halve", "lessen",
      "eliminate", "eradicate", "stop", "combat", "curb"}},
    {Direction::Increase,
     false,
     {"increase", "raise", "enhance", "improve", "grow", "boost", "maximise", "maximize", "double", "expand",
      "extend", "strengthen", "widen"}},
    {Direction::Maintain, false, {"maintain", "hold", "sustain", "keep", "stay", "retain"}},
    {Direction::Achieve,
     false,
     {"achieve",   "deliver", "run",      "develop", "establish", "ensure",    "complete",   "implement",
      "introduce", "provide", "support",  "promote", "secure",    "launch",    "publish",    "produce",
      "undertake", "assess",  "identify", "educate", "engage",    "encourage", "commission", "facilitate",
      "build",     "create",  "agree",    "monitor", "review",    "target",    "reassure",   "contribute",
      "arrange",   "adopt",   "attain",   "meet",    "exceed"}},
    // Lead-ins: the verb that counts usually follows ("work with ... to reduce").
    {Direction::Maintain, true, {"continue"}},
    {Direction::Achieve,
     true,
     {"work", "aim", "seek", "strive", "endeavour", "try", "help", "look", "focus", "commit"}},
};

constexpr std::string_view kClauseWords[] = {"by",     "to",       "at",     "from",  "in",      "during",
                                             "based",  "on",       "before", "until", "against", "baseline",
                                             "within", "compared", "and",    "or",    "than"};

constexpr std::string_view kIndicatorPrefixes[] = {"NI",  "LAA", "LI",  "LPI", "BVPI", "PSA",
                                                   "KPI", "PI",  "CSA", "SPI", "APACS"};

std::optional<Verb> exact_verb(std::string_view word) {
    for (const VerbGroup& group : kVerbGroups)
        for (std::string_view lemma : group.lemmas)
            if (lemma == word) return Verb{std::string(lemma), group.direction, group.lead_in};
    return std::nullopt;
}

/// The verb of an inflected form: "-ing" and "-ed" with or without a dropped "e" or a
/// doubled consonant ("reducing", "cutting", "improved"), and "-s".
std::optional<Verb> verb_of_inflection(std::string_view word, std::string_view ending) {
    if (word.size() <= ending.size() + 1 || word.substr(word.size() - ending.size()) != ending)
        return std::nullopt;
    std::string stem(word.substr(0, word.size() - ending.size()));
    if (auto v = exact_verb(stem)) return v;
    if (auto v = exact_verb(stem + "e")) return v;
    if (stem.size() > 2 && stem[stem.size() - 1] == stem[stem.size() - 2])
        if (auto v = exact_verb(stem.substr(0, stem.size() - 1))) return v;
    return std::nullopt;
}

bool is_upper_ascii(std::string_view s) {
    for (char c : s)
        if (c < 'A' || c > 'Z') return false;
    return !s.empty();
}

bool is_known_prefix(std::string_view s) {
    for (std::string_view p : kIndicatorPrefixes)
        if (p == s) return true;
    return false;
}

/// "I" -> 1, "II" -> 2, "IV" -> 4; 0 when not a small Roman numeral.
int roman_value(std::string_view s) {
    constexpr std::array<std::string_view, 10> kRoman = {"I",  "II",  "III",  "IV", "V",
                                                         "VI", "VII", "VIII", "IX", "X"};
    for (std::size_t i = 0; i < kRoman.size(); ++i)
        if (kRoman[i] == s) return static_cast<int>(i) + 1;
    return 0;
}

/// An indicator code starting at `tokens[i]`, or "".
std::string indicator_at(std::string_view text, const std::vector<Token>& tokens, std::size_t i) {
    const Token& t = tokens[i];
    std::string_view word = text.substr(t.begin, t.end - t.begin);
    std::size_t letters = 0;
    while (letters < word.size() && word[letters] >= 'A' && word[letters] <= 'Z') ++letters;
    std::string_view prefix = word.substr(0, letters);
    std::string_view rest = word.substr(letters);
    auto number_after = [&](std::size_t k) -> std::string {
        if (k < tokens.size() && tokens[k].kind == TokenKind::Punct &&
            text.substr(tokens[k].begin, 1) == "-" && tokens[k].begin == tokens[k - 1].end)
            ++k;
        if (k < tokens.size() && tokens[k].kind == TokenKind::Number)
            return std::string(text.substr(tokens[k].begin, tokens[k].end - tokens[k].begin));
        return {};
    };
    if (rest.empty() && is_known_prefix(prefix)) {
        std::string number = number_after(i + 1);
        return number.empty() ? std::string() : std::string(prefix) + " " + number;
    }
    // "NI20", "LAA3.1" (the ".1" is its own token, written without a space)
    bool digits = !rest.empty() && rest.find_first_not_of("0123456789") == std::string_view::npos;
    if (digits && is_known_prefix(prefix)) {
        std::string code = std::string(prefix) + " " + std::string(rest);
        if (i + 2 < tokens.size() && tokens[i + 1].begin == t.end &&
            text.substr(tokens[i + 1].begin, 1) == "." && tokens[i + 2].kind == TokenKind::Number &&
            tokens[i + 2].begin == tokens[i + 1].end)
            code +=
                "." + std::string(text.substr(tokens[i + 2].begin, tokens[i + 2].end - tokens[i + 2].begin));
        return code;
    }
    // Charnwood writes PSA 1 as "*PSAI": a Roman numeral run on to the code.
    if (is_upper_ascii(word) && word.size() > 3 && word.substr(0, 3) == "PSA") {
        int n = roman_value(word.substr(3));
        if (n > 0) return "PSA " + std::to_string(n);
    }
    return {};
}

}  // namespace

std::optional<Verb> find_verb(std::string_view lower_word) {
    if (auto v = exact_verb(lower_word)) return v;
    for (std::string_view ending : {"ing", "ed", "es", "s"})
        if (auto v = verb_of_inflection(lower_word, ending)) return v;
    return std::nullopt;
}

bool is_clause_word(std::string_view lower_word) {
    for (std::string_view w : kClauseWords)
        if (w == lower_word) return true;
    return false;
}

bool is_baseline_noun(std::string_view w) {
    return w == "baseline" || w == "baselines" || w == "levels" || w == "level" || w == "figures" ||
           w == "figure" || w == "data" || w == "year";
}

std::string find_indicator(std::string_view text, const std::vector<Token>& tokens) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != TokenKind::Word) continue;
        std::string code = indicator_at(text, tokens, i);
        if (!code.empty()) return code;
    }
    return {};
}

}  // namespace planc::grammar
