#pragma once
// Front matter: the YAML between `---` lines at the top of a file.

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>

#include "parse/source_text.hpp"
#include "planc/diagnostics.hpp"
#include "planc/model.hpp"

namespace planc {

/// The front matter of one file, split from its body.
struct FrontMatter {
    bool present = false;
    bool valid = false;         ///< parsed as a YAML mapping
    YAML::Node root;
    std::uint32_t first_line = 0;  ///< line of the first YAML line (after `---`)
    std::uint32_t body_line = 1;   ///< first line after the closing `---`
    std::size_t body_offset = 0;   ///< byte offset of the body
};

/// Finds and parses the front matter. Reports E001 for an unterminated block or YAML
/// that does not parse or is not a mapping, at the YAML's own position.
FrontMatter read_front_matter(std::string_view text, const LineIndex& lines, const std::string& path,
                              Diagnostics& diags);

/// The source span of a YAML node's value (line/column from yaml-cpp's mark).
Span node_span(const YAML::Node& node, const FrontMatter& fm, const LineIndex& lines);

/// A scalar field as a string; reports E001 when present but not a scalar.
std::optional<std::string> scalar_field(const FrontMatter& fm, const char* key, const LineIndex& lines,
                                        const std::string& path, Diagnostics& diags, FieldSpans& spans);

}  // namespace planc
