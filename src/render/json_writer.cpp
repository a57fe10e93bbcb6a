// JsonWriter (see json_writer.hpp). Strings are copied in runs of plain characters;
// anything unusual (invalid UTF-8, floating point numbers) is handed to nlohmann, so the
// rare cases are written exactly as nlohmann writes them.

#include "render/json_writer.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cmath>

#include "parse/byte_words.hpp"
#include "render/utf8.hpp"

namespace planc {

namespace {

/// Bytes that are copied as they are: printable ASCII but the quote and the backslash.
constexpr std::array<bool, 256> kPlain = [] {
    std::array<bool, 256> table{};
    for (int c = 0x20; c < 0x80; ++c) table[c] = c != '"' && c != '\\';
    return table;
}();

/// True when all 8 bytes of `word` are plain (see kPlain): printable ASCII, no quote, no
/// backslash. The text of a plan is mostly that, and is passed over eight bytes at a time.
bool all_plain(std::uint64_t word) {
    using namespace byte_words;
    return !has_non_ascii(word) && !has_below(word, 0x20) && !has_byte(word, '"') && !has_byte(word, '\\');
}

/// Appends `s` as a quoted JSON string. False (nothing appended) when it is not valid
/// UTF-8: the caller lets nlohmann replace the bad bytes its own way.
bool append_valid_string(ByteBuffer& out, std::string_view s) {
    std::size_t mark = out.size();
    out += '"';
    std::size_t from = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (i + 8 <= s.size()) {
            if (all_plain(byte_words::load(s.data() + i))) {
                i += 8;
                continue;
            }
        }
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (kPlain[c]) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            int n = utf8_sequence(reinterpret_cast<const unsigned char*>(s.data()) + i, s.size() - i);
            if (n <= 0) {
                out.truncate(mark);
                return false;
            }
            i += static_cast<std::size_t>(n);
            continue;
        }
        out.append(s.substr(from, i - from));
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: {
                static constexpr char kHex[] = "0123456789abcdef";
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 0xF];
            }
        }
        from = ++i;
    }
    out.append(s.substr(from));
    out += '"';
    return true;
}

}  // namespace

void append_json_quoted(ByteBuffer& out, std::string_view s) {
    if (append_valid_string(out, s)) return;
    out += nlohmann::ordered_json(std::string(s)).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void JsonWriter::new_line(bool comma, std::size_t depth) {
    if (!indented_) {
        if (comma) out_ += ',';
        return;
    }
    // ",\n" and the indent in one piece, cut from a line of spaces (deeper levels than it
    // holds, never seen in planc's files, take more than one piece).
    static constexpr std::string_view kLine =
        ",\n                                                                "
        "                                                                ";
    std::size_t spaces = 2 * depth;
    std::size_t first = std::min(spaces, kLine.size() - 2);
    out_.append(kLine.substr(comma ? 0 : 1, (comma ? 2 : 1) + first));
    for (spaces -= first; spaces > 0;) {
        std::size_t n = std::min(spaces, kLine.size() - 2);
        out_.append(kLine.substr(2, n));
        spaces -= n;
    }
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (levels_.empty()) return;  // the top level
    Level& level = levels_.back();
    new_line(level.items++ != 0, levels_.size());
}

void JsonWriter::key(std::string_view name) {
    Level& level = levels_.back();
    new_line(level.items++ != 0, levels_.size());
    append_json_quoted(out_, name);
    out_ += indented_ ? ": " : ":";
    after_key_ = true;
}

void JsonWriter::open(char bracket) {
    before_value();
    out_ += bracket;
    levels_.push_back(Level{0, bracket == '{'});
}

void JsonWriter::close(char bracket) {
    std::size_t items = levels_.back().items;
    levels_.pop_back();
    if (items > 0) new_line(false, levels_.size());
    out_ += bracket;
}

void JsonWriter::string(std::string_view text) {
    before_value();
    append_json_quoted(out_, text);
}

void JsonWriter::boolean(bool value) {
    before_value();
    out_ += value ? "true" : "false";
}

void JsonWriter::null() {
    before_value();
    out_ += "null";
}

void JsonWriter::integer(std::int64_t value) {
    before_value();
    out_ += std::to_string(value);
}

void JsonWriter::unsigned_integer(std::uint64_t value) {
    before_value();
    out_ += std::to_string(value);
}

void JsonWriter::number(double value) {
    if (!std::isfinite(value)) return null();
    constexpr double kExactIntegers = 9007199254740992.0;  // 2^53
    if (value == std::trunc(value) && std::fabs(value) < kExactIntegers)
        return integer(static_cast<std::int64_t>(value));  // also turns -0.0 into 0
    floating(value);
}

void JsonWriter::floating(double value) {
    before_value();
    // The shortest form that reads back the same, as nlohmann writes it.
    out_ += nlohmann::ordered_json(value).dump();
}

}  // namespace planc
