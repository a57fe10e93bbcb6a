#include "parse/front_matter.hpp"

namespace planc {

namespace {

bool is_fence(std::string_view line, std::string_view fence) {
    line = trim(line);
    return line == fence;
}

}  // namespace

FrontMatter read_front_matter(std::string_view text, const LineIndex& lines, const std::string& path,
                              Diagnostics& diags) {
    FrontMatter fm;
    if (lines.line_count() == 0 || !is_fence(lines.line(1), "---")) return fm;
    fm.present = true;
    fm.first_line = 2;
    std::uint32_t close = 0;
    for (std::uint32_t l = 2; l <= lines.line_count(); ++l) {
        if (is_fence(lines.line(l), "---") || is_fence(lines.line(l), "...")) {
            close = l;
            break;
        }
    }
    if (close == 0) {
        diags.report(DiagCode::E001, "front matter is not closed: add a line `---` after the YAML",
                     {path, Span{1, 1, 1, 3}});
        fm.body_line = lines.line_count() + 1;
        fm.body_offset = text.size();
        return fm;
    }
    fm.body_line = close + 1;
    fm.body_offset = lines.line_start(close + 1);
    std::size_t yaml_begin = lines.line_start(2);
    std::size_t yaml_end = lines.line_start(close);
    std::string yaml(text.substr(yaml_begin, yaml_end - yaml_begin));
    // yaml-cpp knows LF and CRLF but not a lone CR (old Mac files), which the rest of
    // planc reads as a line end: make every line end one LF, so lines stay where they are.
    for (std::size_t i = 0; i < yaml.size(); ++i) {
        if (yaml[i] != '\r') continue;
        if (i + 1 < yaml.size() && yaml[i + 1] == '\n') yaml.erase(i, 1);
        else yaml[i] = '\n';
    }
    try {
        fm.root = YAML::Load(yaml);
    } catch (const YAML::Exception& e) {
        std::uint32_t line = static_cast<std::uint32_t>(e.mark.line < 0 ? 0 : e.mark.line) + fm.first_line;
        std::uint32_t col = static_cast<std::uint32_t>(e.mark.column < 0 ? 0 : e.mark.column) + 1;
        if (line >= close) line = close - 1 > 1 ? close - 1 : 1;
        diags.report(DiagCode::E001, "front matter is not valid YAML: " + e.msg, {path, Span{line, col, line, col}});
        return fm;
    }
    if (fm.root.IsNull()) {
        fm.root = YAML::Node(YAML::NodeType::Map);
    } else if (!fm.root.IsMap()) {
        diags.report(DiagCode::E001, "front matter must be a list of `key: value` lines",
                     {path, Span{fm.first_line, 1, fm.first_line, 1}});
        return fm;
    }
    fm.valid = true;
    return fm;
}

Span node_span(const YAML::Node& node, const FrontMatter& fm, const LineIndex& lines) {
    const YAML::Mark mark = node.Mark();
    if (mark.line < 0) return Span{fm.first_line, 1, fm.first_line, 1};
    auto line = static_cast<std::uint32_t>(mark.line) + fm.first_line;
    std::uint32_t col = lines.char_column(line, static_cast<std::uint32_t>(mark.column) + 1);
    std::uint32_t end = col;
    if (node.IsScalar()) {
        std::string_view rest = lines.line(line);
        std::size_t byte = static_cast<std::size_t>(mark.column);
        if (byte < rest.size()) {
            std::string_view value = trim(rest.substr(byte));
            if (!value.empty()) end = col + count_code_points(value) - 1;
        }
    }
    return Span{line, col, line, end};
}

std::optional<std::string> scalar_field(const FrontMatter& fm, const char* key, const LineIndex& lines,
                                        const std::string& path, Diagnostics& diags, FieldSpans& spans) {
    if (!fm.valid) return std::nullopt;
    YAML::Node node = fm.root[key];
    if (!node || node.IsNull()) return std::nullopt;
    Span span = node_span(node, fm, lines);
    spans[key] = span;
    if (!node.IsScalar()) {
        diags.report(DiagCode::E001, std::string("front matter field `") + key + "` must be a single value",
                     {path, span});
        return std::nullopt;
    }
    return node.Scalar();
}

}  // namespace planc
