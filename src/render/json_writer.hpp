#pragma once
// JsonWriter: JSON text written as it is produced, UTF-8 kept, in nlohmann's bytes: `dump()`
// when compact, `dump(2)` when indented (JsonLayout). plan.json is written this way
// straight from the model, without building a JSON tree first (building and freeing the
// tree was a twentieth of a build); dump_json walks a tree into the same writer.
//
// The writer keeps the text in a ByteBuffer (render/byte_buffer.hpp): a file is thousands of
// keys, indents and short values, each copied inline.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "planc/data_output.hpp"
#include "render/byte_buffer.hpp"

namespace planc {

class JsonWriter {
public:
    /// `expected`: the size the text is likely to reach, to make room for it at once.
    explicit JsonWriter(std::size_t expected = 0, JsonLayout layout = JsonLayout::Indented)
        : indented_(layout == JsonLayout::Indented) {
        out_.reserve_more(expected);
    }

    /// The text written; the writer is empty after.
    [[nodiscard]] std::string take() { return out_.take(); }
    /// Bytes added as they are (the line break that ends a file).
    void raw(std::string_view bytes) { out_.append(bytes); }

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    /// The key of the next value, inside an object.
    void key(std::string_view name);

    void string(std::string_view text);
    void boolean(bool value);
    void null();
    void integer(std::int64_t value);
    void unsigned_integer(std::uint64_t value);
    /// A number: a whole number as an integer (705, not 705.0; -0 as 0), anything else
    /// in the shortest form that reads back the same; null when not finite.
    void number(double value);
    /// A floating point value exactly as nlohmann writes one (never as an integer).
    void floating(double value);

    // key() and a value in one call, for the many plain fields.
    void field(std::string_view name, std::string_view text) { key(name), string(text); }
    void field(std::string_view name, const char* text) { key(name), string(text); }
    void field(std::string_view name, const std::string& text) { key(name), string(text); }
    void field(std::string_view name, bool value) { key(name), boolean(value); }
    void field(std::string_view name, int value) { key(name), integer(value); }
    void field(std::string_view name, std::uint32_t value) { key(name), unsigned_integer(value); }
    void null_field(std::string_view name) { key(name), null(); }

private:
    struct Level {
        std::size_t items = 0;
        bool object = false;
    };

    /// What comes before a value: nothing after a key; in an array the separator and
    /// the indent.
    void before_value();
    void open(char bracket);
    void close(char bracket);
    /// A line break and the indent of `depth`, after a comma when `comma`; compact, only
    /// the comma.
    void new_line(bool comma, std::size_t depth);

    ByteBuffer out_;
    bool indented_;
    std::vector<Level> levels_;
    bool after_key_ = false;
};

/// Appends `s` as a quoted JSON string; bytes that are not valid UTF-8 become U+FFFD, as
/// nlohmann's error_handler_t::replace does.
void append_json_quoted(ByteBuffer& out, std::string_view s);

}  // namespace planc
