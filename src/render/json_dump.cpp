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
#include "render/utf8.hpp"

namespace planc {

namespace {

using Json = nlohmann::ordered_json;

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
            int n = utf8_sequence(reinterpret_cast<const unsigned char*>(s.data()) + i, s.size() - i);
            if (n <= 0) {
                out.resize(mark);
                return false;
            }
            i += static_cast<std::size_t>(n);
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
