// dump_json: the one way planc writes a JSON tree (2-space indent, UTF-8 kept, final
// newline): byte for byte what nlohmann's `dump(2, ' ', false, error_handler_t::replace)`
// gives, through the same JsonWriter that writes plan.json straight from the model.

#include <cstdint>
#include <string>

#include "planc/data_output.hpp"
#include "render/json_writer.hpp"

namespace planc {

namespace {

using Json = nlohmann::ordered_json;

void write_value(JsonWriter& w, const Json& j) {
    switch (j.type()) {
        case Json::value_t::object:
            w.begin_object();
            for (auto it = j.begin(); it != j.end(); ++it) {
                w.key(it.key());
                write_value(w, it.value());
            }
            w.end_object();
            return;
        case Json::value_t::array:
            w.begin_array();
            for (const Json& item : j) write_value(w, item);
            w.end_array();
            return;
        case Json::value_t::string: w.string(j.get_ref<const std::string&>()); return;
        case Json::value_t::boolean: w.boolean(j.get<bool>()); return;
        case Json::value_t::null: w.null(); return;
        case Json::value_t::number_integer: w.integer(j.get<std::int64_t>()); return;
        case Json::value_t::number_unsigned: w.unsigned_integer(j.get<std::uint64_t>()); return;
        case Json::value_t::number_float: w.floating(j.get<double>()); return;
        default: w.null(); return;  // binary and discarded values: planc never makes them
    }
}

}  // namespace

std::string dump_json(const Json& j) {
    // Non-ASCII stays as UTF-8; invalid UTF-8 (which the loader should already have
    // reported) becomes U+FFFD rather than an exception.
    JsonWriter w(64 * 1024);
    write_value(w, j);
    w.raw("\n");
    return w.take();
}

}  // namespace planc
