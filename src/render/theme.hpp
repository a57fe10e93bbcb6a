#pragma once
// A theme: the folder `themes/<name>/` with page templates and assets.
//
//   templates/page.html     the layout of every site page (well-formed XHTML)
//   templates/leaflet.html  the layout of the printable leaflet
//   assets/**               copied as they are to `assets/` in the site
//
// Loading reads the files and reports problems (a missing folder or template, a
// template that is not well-formed) as diagnostics; it writes nothing.

#include <pugixml.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "planc/diagnostics.hpp"
#include "render/template_engine.hpp"

namespace planc {

/// A file of the theme copied to the site.
struct ThemeAsset {
    std::string path;   ///< relative to the theme's `assets/`, with '/' separators
    std::string bytes;
};

/// A parsed template, with its parts that bind nothing (written once per page depth).
struct ThemeTemplate {
    std::unique_ptr<pugi::xml_document> doc;
    std::unique_ptr<TemplateStaticParts> static_parts;
};

struct Theme {
    std::string name;
    std::string folder;  ///< absolute path of the theme folder
    /// Parsed templates by name ("page", "leaflet").
    std::map<std::string, ThemeTemplate> templates;
    std::vector<ThemeAsset> assets;  ///< sorted by path

    [[nodiscard]] const pugi::xml_document* find_template(const std::string& name) const;
    [[nodiscard]] const TemplateStaticParts* find_static_parts(const std::string& name) const;
};

/// The template names every theme must provide.
const std::vector<std::string>& required_templates();

/// Loads `<project_root>/themes/<name>/`, or when the project has none, the theme of
/// that name that comes with planc (beside the program or under share/planc/themes).
/// Problems become E002 diagnostics; the theme returned then lacks what could not be read.
Theme load_theme(const std::string& project_root, const std::string& name, Diagnostics& diags);

}  // namespace planc
