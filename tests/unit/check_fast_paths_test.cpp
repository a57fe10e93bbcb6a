// The faster scans of `planc check` must find exactly what the simple ones found: each
// is compared here with the straightforward version it replaced, on hand-picked texts
// and on many generated ones.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "check/check_support.hpp"
#include "parse/source_text.hpp"
#include "render/target_words.hpp"
#include "test_support.hpp"

using namespace planc;

namespace {

// --- Reference: the placeholder search as first written (one std::string::find per form).

bool ref_word_boundary(std::string_view s, std::size_t at) {
    return at >= s.size() || !std::isalnum(static_cast<unsigned char>(s[at]));
}

bool ref_word_at(const std::string& lower, std::size_t i, std::string_view word) {
    return lower.compare(i, word.size(), word) == 0 && (i == 0 || ref_word_boundary(lower, i - 1)) &&
           ref_word_boundary(lower, i + word.size());
}

bool ref_find_placeholder(const std::string& s, std::size_t* where, std::size_t* length) {
    std::string lower = ascii_lower(s);
    std::size_t start = 0;
    while (start < lower.size() && !std::isalpha(static_cast<unsigned char>(lower[start]))) ++start;
    if (ref_word_at(lower, start, "to follow")) {
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
            if (ref_word_at(lower, at, phrase)) {
                consider(at, phrase.size());
                break;
            }
        }
    }
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
        if (!ref_word_at(lower, at, "insert")) continue;
        std::size_t here = lower.find(" here", at);
        if (here != std::string::npos && here - at < 60 && ref_word_boundary(lower, here + 5)) {
            consider(at, here + 5 - at);
            break;
        }
    }
    if (best == std::string::npos) return false;
    *where = best;
    *length = best_length;
    return true;
}

// --- Reference: line starts as first written (one byte at a time).

std::vector<std::size_t> ref_line_starts(std::string_view text) {
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') {
            starts.push_back(i + 1);
        } else if (text[i] == '\r') {
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
            starts.push_back(i + 1);
        }
    }
    if (starts.size() > 1 && starts.back() == text.size()) starts.pop_back();
    return starts;
}

// --- Reference: UTF-8 validation as first written (one byte at a time).

bool ref_valid_utf8(std::string_view s, std::size_t* bad_offset) {
    auto continuation = [](unsigned char c) { return (c & 0xC0) == 0x80; };
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            *bad_offset = i;
            return false;
        }
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size() || !continuation(static_cast<unsigned char>(s[i + k]))) {
                *bad_offset = i;
                return false;
            }
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        }
        bool overlong = (n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000);
        if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            *bad_offset = i;
            return false;
        }
        i += n + 1;
    }
    return true;
}

/// Texts glued from pieces that are, or nearly are, placeholders and word boundaries.
std::string random_text(std::mt19937& rng, const std::vector<std::string>& pieces, int count) {
    std::string out;
    std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
    for (int i = 0; i < count; ++i) out += pieces[pick(rng)];
    return out;
}

void same_placeholder(const std::string& text) {
    std::size_t where = 99, length = 99, ref_where = 99, ref_length = 99;
    bool found = checks::find_placeholder_text(text, &where, &length);
    bool ref_found = ref_find_placeholder(text, &ref_where, &ref_length);
    INFO("text: \"" << text << "\"");
    REQUIRE(found == ref_found);
    if (found) {
        CHECK(where == ref_where);
        CHECK(length == ref_length);
    }
}

}  // namespace

TEST_CASE("find_placeholder_text finds what the one-search-per-form version found", "[check][placeholder]") {
    for (const std::string& text : std::vector<std::string>{
             "", "x", "XX", "xX", "Xx", "xxx", "XXXa", "aXX", "5XX", "£XX", "XX/XX/XXXX", "Total: £xx.", "TBC", "tbc.",
          "(TBC)", "atbc", "tbcs", "To follow", "To follow from Police", "To follow soon.", "To follower",
          "Figures (to follow) later", "(To Follow)", "to be confirmed", "to be advised", "To be confirmedly",
          "Lorem ipsum dolor", "lorem ipsums", "[insert name]", "<insert date>", "[insert", "[Insertion here]",
          "insert the name here", "Insert text here.", "insert here", "inserted here", "insert it hereby",
          "insert " + std::string(70, 'a') + " here", "[insert x] and TBC", "TBC and [insert x]", "XX TBC",
          "the tab, the tube, to beat, TBA", "\xE2\x80\x93XX\xE2\x80\x93", "caf\xC3\xA9XX", "XX\xC3\xA9",
          "intbc", "tb", "t", "i", "l", "<", "["}) {
        same_placeholder(text);
    }
    std::mt19937 rng(20240601);
    const std::vector<std::string> pieces = {
        "a", "t", "b", "c", "x", "X", "i", "l", " ", ".", "(", ")", "[", "]", "<", ">", "/", "5", "£", "'", "é",
        "\xE2\x80\x99", "tbc", "TBA", "tbd", "to be confirmed", "to be advised", "to follow", "(to follow)", "To Follow",
        "from", "later", "xx", "XX", "xX", "insert", "Insert", " here", "here", "lorem ipsum", "Lorem Ipsum", "the ",
        "crime ", "ASB "};
    for (int n = 0; n < 20000; ++n) same_placeholder(random_text(rng, pieces, 1 + n % 12));
    // A placeholder at every place of the sixteen-byte steps, after and among words
    // that start with the same letters but are not placeholders.
    const std::vector<std::string> plain = {"a", " ", "the ", "Tab ", "lane ", "Xmas ", "in ", "it", ".", "\xC3\xA9",
                                            "crime", "(", "[", "ASB "};
    for (int n = 0; n < 20000; ++n) {
        std::string text = random_text(rng, plain, n % 24);
        if (n % 3 != 0) text += random_text(rng, pieces, 1 + n % 5);
        same_placeholder(text + random_text(rng, plain, n % 7));
    }
}

TEST_CASE("LineIndex finds the same line starts with and without carriage returns", "[parse][lines]") {
    std::mt19937 rng(7);
    const std::vector<std::string> pieces = {"a", "é", "\n", "\r", "\r\n", "\n\n", "line", " "};
    for (int n = 0; n < 5000; ++n) {
        std::string text = random_text(rng, pieces, n % 20);
        std::vector<std::size_t> starts = ref_line_starts(text);
        LineIndex lines(text);
        INFO("text of " << text.size() << " bytes");
        REQUIRE(lines.line_count() == starts.size());
        for (std::uint32_t l = 1; l <= lines.line_count(); ++l) CHECK(lines.line_start(l) == starts[l - 1]);
    }
}

TEST_CASE("LineIndex counts columns in characters, asked in any order, on lines ASCII at first or throughout",
          "[parse][lines]") {
    std::mt19937 rng(12);
    const std::vector<std::string> pieces = {"abcdefghij", "a", " ", "\xC3\xA9", "\xE2\x80\x99", "\n", "\r\n",
                                             "0123456789abcdef", "\xF0\x9F\x98\x80"};
    for (int n = 0; n < 3000; ++n) {
        std::string text = random_text(rng, pieces, n % 40);
        LineIndex lines(text);
        // The column of each byte, counted the slow way: one per byte that does not
        // continue a UTF-8 sequence, from the start of its line.
        auto expected = [&](std::uint32_t line, std::uint32_t byte_column) {
            std::string_view l = lines.line(line);
            std::uint32_t chars = 0;
            std::size_t bytes = std::min<std::size_t>(byte_column - 1, l.size());
            for (std::size_t i = 0; i < bytes; ++i)
                if ((static_cast<unsigned char>(l[i]) & 0xC0) != 0x80) ++chars;
            return chars + 1 + static_cast<std::uint32_t>(byte_column - 1 - bytes);
        };
        for (int q = 0; q < 30 && lines.line_count() > 0; ++q) {
            auto line = static_cast<std::uint32_t>(1 + rng() % lines.line_count());
            auto byte_column = static_cast<std::uint32_t>(1 + rng() % (lines.line(line).size() + 3));
            INFO("line " << line << " byte column " << byte_column << " of a text of " << text.size() << " bytes");
            CHECK(lines.char_column(line, byte_column) == expected(line, byte_column));
        }
    }
}

TEST_CASE("valid_utf8 skipping ASCII by words finds the same first bad byte", "[parse][utf8]") {
    std::mt19937 rng(11);
    const std::vector<std::string> pieces = {"abcdefgh", "a", " ", "\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80",
                                             "\xC3", "\x80", "\xFF", "\xED\xA0\x80", "\xC0\xAF", "0123456789abcdef"};
    for (int n = 0; n < 20000; ++n) {
        std::string text = random_text(rng, pieces, n % 30);
        std::size_t bad = 12345, ref_bad = 12345;
        bool ok = valid_utf8(text, &bad);
        bool ref_ok = ref_valid_utf8(text, &ref_bad);
        INFO("text of " << text.size() << " bytes");
        REQUIRE(ok == ref_ok);
        if (!ok) CHECK(bad == ref_bad);
    }
}

TEST_CASE("count_code_points eight bytes at a time counts what a byte loop counts", "[parse][utf8]") {
    auto by_bytes = [](std::string_view s) {
        std::uint32_t n = 0;
        for (char c : s)
            if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
        return n;
    };
    std::mt19937 rng(2026);
    // Every length around the 8-byte steps, every start, bytes of every kind (ASCII,
    // lead bytes, continuation bytes, and 0x7F/0xFF at the class edges).
    const std::vector<std::string> pieces = {"a", " ", "\x7F", "\xC3\xA9", "\xE2\x80\x99", "\xF0\x9F\x98\x80",
                                             "\x80", "\xBF", "\xC0", "\xFF", "\t"};
    for (int n = 0; n < 5000; ++n) {
        std::string text = random_text(rng, pieces, n % 40);
        for (std::size_t start = 0; start < std::min<std::size_t>(text.size(), 9); ++start) {
            std::string_view s = std::string_view(text).substr(start);
            INFO("length " << s.size() << ", start " << start);
            REQUIRE(count_code_points(s) == by_bytes(s));
        }
    }
}

TEST_CASE("collapse_spaces returns texts with nothing to collapse as they are, and collapses the rest",
          "[parse][text]") {
    CHECK(collapse_spaces("") == "");
    CHECK(collapse_spaces("   ") == "");
    CHECK(collapse_spaces("Reduce burglary") == "Reduce burglary");
    CHECK(collapse_spaces("  Reduce burglary ") == "Reduce burglary");
    CHECK(collapse_spaces("Reduce  burglary") == "Reduce burglary");
    CHECK(collapse_spaces("Reduce\tburglary") == "Reduce burglary");
    CHECK(collapse_spaces("Reduce \n burglary\r\n") == "Reduce burglary");
    CHECK(collapse_spaces("a\xC2\xA0 b") == "a\xC2\xA0 b");  // a no-break space is kept inside
    CHECK(collapse_spaces("a\fb") == "a\fb");
}

TEST_CASE("abbreviations and indicator codes are found wherever they fall in the text", "[parse][text]") {
    // The scan passes over text without capitals eight bytes at a time: a term must be
    // found at every offset from the start of a block, and after any kind of byte.
    for (std::size_t offset = 0; offset < 20; ++offset) {
        for (const std::string& filler : {std::string("x"), std::string(" "), std::string("\xC3\xA9"), std::string("@")}) {
            std::string lead = "w";  // never four spaces first: that would be a code block
            while (lead.size() < offset + 1) lead += filler;
            std::string body = "## Intro\n\n" + lead + " ASB and NI 20 then zz" + std::string(offset, 'q') + " MARAC.\n";
            Diagnostics diags;
            Document doc = testing::parse_plan(body, diags);
            INFO("offset " << offset << ", filler \"" << filler << "\"");
            std::vector<std::string> terms;
            for (const AbbreviationUse& use : doc.abbreviations) terms.push_back(use.term);
            CHECK(terms == std::vector<std::string>{"ASB", "MARAC"});
            REQUIRE(doc.indicators.size() == 1);
            CHECK(doc.indicators[0].code == "NI 20");
        }
    }
}

TEST_CASE("find_ascii_capital finds what a byte loop finds, from any place", "[parse][text]") {
    std::mt19937 rng(1914);
    const std::vector<std::string> pieces = {"a", "z", " ", "@", "[", "A", "Z", "\xC3\x89", "\xC3\xA9", "0",
                                             "plain words ", "\xE2\x80\x99", "\x7F", "\xDA"};
    for (int n = 0; n < 5000; ++n) {
        std::string text = random_text(rng, pieces, n % 50);
        for (std::size_t from = 0; from <= text.size(); from += 1 + rng() % 7) {
            std::size_t expected = std::string_view::npos;
            for (std::size_t i = from; i < text.size(); ++i)
                if (text[i] >= 'A' && text[i] <= 'Z') {
                    expected = i;
                    break;
                }
            INFO("from " << from << " of \"" << text << "\"");
            REQUIRE(find_ascii_capital(text, from) == expected);
        }
    }
}

TEST_CASE("fixed_decimals writes what printf(\"%.*f\") writes", "[render][numbers]") {
    auto by_printf = [](double v, int decimals, std::size_t at_most) {
        char buffer[512];
        std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
        return std::string(buffer).substr(0, at_most);
    };
    std::vector<double> values = {0.0, -0.0, 0.5, 1.5, 2.5, 0.125, 0.375, 1e-7, 12.345, 705, -705.25, 99.95,
                                  1234567.891, 1e15, 1e300, -1e300, 5e-324, 0.1, 0.2, 0.3, 2.675, 1.005};
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> any(-1e6, 1e6);
    for (int i = 0; i < 3000; ++i) values.push_back(std::round(any(rng) * 1000) / 1000);
    for (double v : values)
        for (int decimals = 0; decimals <= 6; ++decimals) {
            INFO(v << " to " << decimals << " decimals");
            CHECK(fixed_decimals(v, decimals, 63) == by_printf(v, decimals, 63));
            CHECK(fixed_decimals(v, decimals, 31) == by_printf(v, decimals, 31));
        }
}
