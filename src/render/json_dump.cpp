// dump_json: the one way planc writes JSON (2-space indent, UTF-8 kept, final newline).
//
// Byte for byte what nlohmann's `dump(2, ' ', false, error_handler_t::replace)` gives,
// only faster: nlohmann escapes strings one byte at a time through a UTF-8 state machine,
// which was a tenth of a large build (every plan.json holds the whole plan's text). Here
// runs of plain characters are copied whole. Anything unusual (invalid UTF-8, floating
// point numbers, binary values) is handed back to nlohmann, so the rare cases stay exactly
// as they were. A unit test compares the two on the seeds and on hostile strings.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "planc/data_output.hpp"

namespace planc {

namespace {

using Json = nlohmann::ordered_json;

/// Length of the well-formed UTF-8 sequence starting at `s[i]` (a byte >= 0x80), or 0 if
/// it is not one: the same rules as nlohmann's decoder (no overlong forms, no surrogates,
/// nothing above U+10FFFF).
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    auto byte = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
    auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
        unsigned b = byte(k);
        return k < s.size() && b >= lo && b <= hi;
    };
    unsigned b0 = byte(i);
    if (b0 >= 0xC2 && b0 <= 0xDF) return cont(i + 1) ? 2 : 0;
    if (b0 == 0xE0) return cont(i + 1, 0xA0, 0xBF) && cont(i + 2) ? 3 : 0;
    if ((b0 >= 0xE1 && b0 <= 0xEC) || b0 == 0xEE || b0 == 0xEF) return cont(i + 1) && cont(i + 2) ? 3 : 0;
    if (b0 == 0xED) return cont(i + 1, 0x80, 0x9F) && cont(i + 2) ? 3 : 0;
    if (b0 == 0xF0) return cont(i + 1, 0x90, 0xBF) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (b0 >= 0xF1 && b0 <= 0xF3) return cont(i + 1) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    if (b0 == 0xF4) return cont(i + 1, 0x80, 0x8F) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    return 0;
}

/// Bytes that are copied as they are: printable ASCII but the quote and the backslash.
constexpr std::array<bool, 256> kPlain = [] {
    std::array<bool, 256> table{};
    for (int c = 0x20; c < 0x80; ++c) table[c] = c != '"' && c != '\\';
    return table;
}();

/// Appends `s` as a quoted JSON string. False (nothing appended) when it is not valid
/// UTF-8: the caller lets nlohmann replace the bad bytes its own way.
bool append_string(std::string& out, std::string_view s) {
    std::size_t mark = out.size();
    out += '"';
    std::size_t from = 0;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (kPlain[c]) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            std::size_t n = utf8_sequence(s, i);
            if (n == 0) {
                out.resize(mark);
                return false;
            }
            i += n;
            continue;
        }
        out.append(s, from, i - from);
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
    out.append(s, from);
    out += '"';
    return true;
}

void append_string_or_replace(std::string& out, const std::string& s) {
    if (!append_string(out, s)) out += Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
}

void write_value(std::string& out, const Json& j, std::size_t depth) {
    switch (j.type()) {
        case Json::value_t::object: {
            if (j.empty()) {
                out += "{}";
                return;
            }
            out += "{\n";
            bool first = true;
            for (auto it = j.begin(); it != j.end(); ++it) {
                if (!first) out += ",\n";
                first = false;
                out.append(2 * (depth + 1), ' ');
                append_string_or_replace(out, it.key());
                out += ": ";
                write_value(out, it.value(), depth + 1);
            }
            out += '\n';
            out.append(2 * depth, ' ');
            out += '}';
            return;
        }
        case Json::value_t::array: {
            if (j.empty()) {
                out += "[]";
                return;
            }
            out += "[\n";
            bool first = true;
            for (const Json& item : j) {
                if (!first) out += ",\n";
                first = false;
                out.append(2 * (depth + 1), ' ');
                write_value(out, item, depth + 1);
            }
            out += '\n';
            out.append(2 * depth, ' ');
            out += ']';
            return;
        }
        case Json::value_t::string: append_string_or_replace(out, j.get_ref<const std::string&>()); return;
        case Json::value_t::boolean: out += j.get<bool>() ? "true" : "false"; return;
        case Json::value_t::null: out += "null"; return;
        case Json::value_t::number_integer: out += std::to_string(j.get<std::int64_t>()); return;
        case Json::value_t::number_unsigned: out += std::to_string(j.get<std::uint64_t>()); return;
        default:  // floating point (shortest round-trip form) and the rest: as nlohmann writes them
            out += j.dump(2, ' ', false, Json::error_handler_t::replace);
            return;
    }
}

}  // namespace

std::string dump_json(const Json& j) {
    // Non-ASCII stays as UTF-8; invalid UTF-8 (which the loader should already have
    // reported) becomes U+FFFD rather than an exception.
    std::string out;
    out.reserve(64 * 1024);
    write_value(out, j, 0);
    out += '\n';
    return out;
}

}  // namespace planc
