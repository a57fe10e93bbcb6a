// The vocabulary of the target grammar.

#include "target_grammar_words.hpp"

#include <array>

namespace planc::grammar {

namespace {

struct VerbEntry {
    std::string_view lemma;
    Direction direction;
    bool lead_in = false;
};

// "hold" is Maintain here; "hold at least" is turned into Achieve by the grammar.
// "tackle" and "prevent" aim at less of something, so they read as Reduce.
constexpr VerbEntry kVerbs[] = {
    {"reduce", Direction::Reduce},      {"decrease", Direction::Reduce},   {"cut", Direction::Reduce},
    {"lower", Direction::Reduce},       {"minimise", Direction::Reduce},   {"minimize", Direction::Reduce},
    {"tackle", Direction::Reduce},      {"prevent", Direction::Reduce},    {"halve", Direction::Reduce},
    {"lessen", Direction::Reduce},      {"eliminate", Direction::Reduce},  {"eradicate", Direction::Reduce},
    {"stop", Direction::Reduce},        {"combat", Direction::Reduce},     {"curb", Direction::Reduce},
    {"increase", Direction::Increase},  {"raise", Direction::Increase},    {"enhance", Direction::Increase},
    {"improve", Direction::Increase},   {"grow", Direction::Increase},     {"boost", Direction::Increase},
    {"maximise", Direction::Increase},  {"maximize", Direction::Increase}, {"double", Direction::Increase},
    {"expand", Direction::Increase},    {"extend", Direction::Increase},   {"strengthen", Direction::Increase},
    {"widen", Direction::Increase},     {"maintain", Direction::Maintain}, {"hold", Direction::Maintain},
    {"sustain", Direction::Maintain},   {"keep", Direction::Maintain},     {"stay", Direction::Maintain},
    {"retain", Direction::Maintain},    {"achieve", Direction::Achieve},   {"deliver", Direction::Achieve},
    {"run", Direction::Achieve},        {"develop", Direction::Achieve},   {"establish", Direction::Achieve},
    {"ensure", Direction::Achieve},     {"complete", Direction::Achieve},  {"implement", Direction::Achieve},
    {"introduce", Direction::Achieve},  {"provide", Direction::Achieve},   {"support", Direction::Achieve},
    {"promote", Direction::Achieve},    {"secure", Direction::Achieve},    {"launch", Direction::Achieve},
    {"publish", Direction::Achieve},    {"produce", Direction::Achieve},   {"undertake", Direction::Achieve},
    {"assess", Direction::Achieve},     {"identify", Direction::Achieve},  {"educate", Direction::Achieve},
    {"engage", Direction::Achieve},     {"encourage", Direction::Achieve}, {"commission", Direction::Achieve},
    {"facilitate", Direction::Achieve}, {"build", Direction::Achieve},     {"create", Direction::Achieve},
    {"agree", Direction::Achieve},      {"monitor", Direction::Achieve},   {"review", Direction::Achieve},
    {"target", Direction::Achieve},     {"reassure", Direction::Achieve},  {"contribute", Direction::Achieve},
    {"arrange", Direction::Achieve},    {"adopt", Direction::Achieve},     {"attain", Direction::Achieve},
    {"meet", Direction::Achieve},       {"exceed", Direction::Achieve},    {"work", Direction::Achieve, true},
    {"continue", Direction::Maintain, true},                               {"aim", Direction::Achieve, true},
    {"seek", Direction::Achieve, true}, {"strive", Direction::Achieve, true},
    {"endeavour", Direction::Achieve, true},                               {"try", Direction::Achieve, true},
    {"help", Direction::Achieve, true}, {"look", Direction::Achieve, true}, {"focus", Direction::Achieve, true},
    {"commit", Direction::Achieve, true},
};

constexpr std::string_view kClauseWords[] = {
    "by",      "to",    "at",        "from",   "in",       "during", "based", "on",  "before",
    "until",   "against", "baseline", "within", "compared", "and",    "or",    "than"};

constexpr std::string_view kIndicatorPrefixes[] = {"NI",  "LAA", "LI",  "LPI", "BVPI", "PSA",
                                                                 "KPI", "PI",  "CSA", "SPI", "APACS"};

std::optional<Verb> exact_verb(std::string_view word) {
    for (const VerbEntry& e : kVerbs)
        if (e.lemma == word) return Verb{std::string(e.lemma), e.direction, e.lead_in};
    return std::nullopt;
}

/// The verb of an inflected form: "-ing" and "-ed" with or without a dropped "e" or a
/// doubled consonant ("reducing", "cutting", "improved"), and "-s".
std::optional<Verb> verb_of_inflection(std::string_view word, std::string_view ending) {
    if (word.size() <= ending.size() + 1 || word.substr(word.size() - ending.size()) != ending) return std::nullopt;
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
    constexpr std::array<std::string_view, 10> kRoman = {"I",   "II", "III", "IV", "V",
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
        if (k < tokens.size() && tokens[k].kind == TokenKind::Punct && text.substr(tokens[k].begin, 1) == "-" &&
            tokens[k].begin == tokens[k - 1].end)
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
        if (i + 2 < tokens.size() && tokens[i + 1].begin == t.end && text.substr(tokens[i + 1].begin, 1) == "." &&
            tokens[i + 2].kind == TokenKind::Number && tokens[i + 2].begin == tokens[i + 1].end)
            code += "." + std::string(text.substr(tokens[i + 2].begin, tokens[i + 2].end - tokens[i + 2].begin));
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

std::string find_indicator(std::string_view text, const std::vector<Token>& tokens) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].kind != TokenKind::Word) continue;
        std::string code = indicator_at(text, tokens, i);
        if (!code.empty()) return code;
    }
    return {};
}

}  // namespace planc::grammar
