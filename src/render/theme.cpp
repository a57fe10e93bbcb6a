// Loads a theme folder: templates parsed with pugixml, assets read as bytes.

#include "render/theme.hpp"

#include <boost/filesystem.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace fs = boost::filesystem;

namespace planc {

namespace {

bool read_file(const fs::path& path, std::string& out) {
    std::ifstream in(path.string(), std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    out = std::move(buffer).str();
    return !in.bad();
}

/// Line and column (1-based) of a byte offset.
Span span_at(const std::string& text, std::ptrdiff_t offset) {
    std::uint32_t line = 1, column = 1;
    for (std::ptrdiff_t i = 0; i < offset && i < static_cast<std::ptrdiff_t>(text.size()); ++i) {
        if (text[static_cast<std::size_t>(i)] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[static_cast<std::size_t>(i)]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return Span{line, column, line, column};
}

void load_assets(const fs::path& folder, const std::string& display, Theme& theme, Diagnostics& diags) {
    boost::system::error_code ec;
    if (!fs::is_directory(folder, ec)) return;
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        if (fs::is_regular_file(it->path())) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        std::string rel = fs::relative(file, folder).generic_string();
        if (rel.empty() || rel.front() == '.' || rel.find("/.") != std::string::npos) continue;  // hidden files
        ThemeAsset asset;
        asset.path = rel;
        if (!read_file(file, asset.bytes)) {
            diags.report(DiagCode::E002, "cannot read this theme file", {display + "/assets/" + rel, Span{}});
            continue;
        }
        theme.assets.push_back(std::move(asset));
    }
}

/// Where a theme can be: the project's own themes/ first, then the themes that come
/// with planc (beside the program, or installed under share/planc).
std::vector<fs::path> theme_folders(const std::string& project_root, const std::string& name) {
    std::vector<fs::path> out = {fs::path(project_root.empty() ? "." : project_root) / "themes" / name};
    boost::system::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && !exe.empty()) {
        fs::path dir = exe.parent_path();
        out.push_back(dir / ".." / "share" / "planc" / "themes" / name);
        out.push_back(dir / "themes" / name);
        out.push_back(dir / ".." / "themes" / name);
    }
    return out;
}

}  // namespace

const pugi::xml_document* Theme::find_template(const std::string& template_name) const {
    auto it = templates.find(template_name);
    return it == templates.end() ? nullptr : it->second.doc.get();
}

const TemplateStaticParts* Theme::find_static_parts(const std::string& template_name) const {
    auto it = templates.find(template_name);
    return it == templates.end() ? nullptr : it->second.static_parts.get();
}

const std::vector<std::string>& required_templates() {
    static const std::vector<std::string> names = {"leaflet", "page"};
    return names;
}

Theme load_theme(const std::string& project_root, const std::string& name, Diagnostics& diags) {
    Theme theme;
    theme.name = name;
    std::string display = "themes/" + name;
    boost::system::error_code ec;
    bool safe_name = !name.empty() && name.find('/') == std::string::npos && name.find("..") == std::string::npos;
    fs::path folder;
    if (safe_name) {
        for (const fs::path& candidate : theme_folders(project_root, name)) {
            if (fs::is_directory(candidate / "templates", ec)) {
                folder = candidate;
                break;
            }
        }
    }
    theme.folder = folder.empty() ? std::string() : fs::absolute(folder).lexically_normal().string();
    if (folder.empty()) {
        diags.report(DiagCode::E002,
                     "theme `" + name + "` not found: add the folder " + display +
                         "/ (copy themes/default/) or set `theme:` in planc.yml",
                     {"planc.yml", Span{}});
        return theme;
    }
    for (const std::string& template_name : required_templates()) {
        std::string file_display = display + "/templates/" + template_name + ".html";
        std::string text;
        if (!read_file(folder / "templates" / (template_name + ".html"), text)) {
            diags.report(DiagCode::E002, "the theme has no template `" + template_name + ".html`",
                         {file_display, Span{}});
            continue;
        }
        auto doc = std::make_unique<pugi::xml_document>();
        pugi::xml_parse_result result = doc->load_buffer(text.data(), text.size(), pugi::parse_default,
                                                         pugi::encoding_utf8);
        if (!result) {
            diags.report(DiagCode::E002,
                         std::string("this template is not well-formed XHTML: ") + result.description(),
                         {file_display, span_at(text, result.offset)});
            continue;
        }
        if (!doc->document_element() || std::string(doc->document_element().name()) != "html") {
            diags.report(DiagCode::E002, "a template must have <html> as its outermost element",
                         {file_display, Span{1, 1, 1, 1}});
            continue;
        }
        auto static_parts = std::make_unique<TemplateStaticParts>(*doc);
        theme.templates[template_name] = ThemeTemplate{std::move(doc), std::move(static_parts)};
    }
    load_assets(folder / "assets", display, theme, diags);
    return theme;
}

}  // namespace planc
