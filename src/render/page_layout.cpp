// Puts a page's content into the theme's layout and writes it (see site.hpp).

#include <string>
#include <vector>

#include "render/html.hpp"
#include "render/site.hpp"
#include "render/site_paths.hpp"
#include "render/template_engine.hpp"

namespace planc {

Page::Page() { content_ = fragment.append_child("slot"); }

pugi::xml_node Page::slot(const std::string& name) {
    auto it = slots_.find(name);
    if (it != slots_.end()) return it->second;
    pugi::xml_node n = fragment.append_child("slot");
    slots_[name] = n;
    return n;
}

std::string Page::link(const std::string& target) const { return paths::link(path, target); }

std::string partnership_name(const Partnership& p) { return p.name.empty() ? p.slug : p.name; }

namespace {

/// "a/b/../c/index.html" -> "a/c/"; the address a reader types.
std::string resolve(const std::string& folder, const std::string& href) {
    std::vector<std::string> parts;
    std::string path = folder + href;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        std::string part = path.substr(start, slash - start);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = slash + 1;
    }
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i + 1 == parts.size() && parts[i] == "index.html") break;
        out += parts[i] + (i + 1 == parts.size() ? "" : "/");
    }
    return out;
}

/// A printed page cannot follow a relative link: make each one absolute from the base
/// URL, or plain text when the base URL is not absolute.
void make_links_printable(pugi::xml_document& doc, const std::string& page_path, const std::string& base_url) {
    bool absolute = base_url.rfind("https://", 0) == 0 || base_url.rfind("http://", 0) == 0;
    std::string folder = paths::folder_of(page_path);
    for (pugi::xpath_node found : doc.select_nodes("//a[@href]")) {
        pugi::xml_node a = found.node();
        std::string href = a.attribute("href").value();
        if (!is_relative_url(href)) continue;
        if (absolute)
            a.attribute("href").set_value((base_url + resolve(folder, href)).c_str());
        else
            a.remove_attribute("href");
    }
}

void build_breadcrumbs(const Page& page, pugi::xml_node slot) {
    if (page.crumbs.empty()) return;
    pugi::xml_node list = html::element(slot, "ol", {{"class", "breadcrumbs__list"}});
    for (const Crumb& c : page.crumbs) {
        pugi::xml_node item = html::element(list, "li", {{"class", "breadcrumbs__item"}});
        html::element_text(item, "a", c.label, {{"href", paths::link(page.path, c.path)}});
    }
}

}  // namespace

void write_page(SiteContext& site, Page& page, OutputSink& out) {
    const pugi::xml_document* tmpl = site.theme.find_template(page.layout);
    if (!tmpl) return;  // load_theme has reported it
    Bindings b;
    const SiteSettings& s = site.project.settings;
    b.values["site.title"] = s.title;
    b.values["site.language"] = s.language;
    b.values["site.base_url"] = s.base_url;
    b.values["page.title"] = page.title;
    b.values["page.caption"] = page.caption;
    b.values["page.description"] = page.description;
    b.values["page.standalone"] = "";  // 404.html: styles inline, links from the site root
    b.values["page.inline_css"] = "";
    b.values["page.head_title"] = page.title == s.title ? s.title : page.title + " \u2013 " + s.title;
    for (const auto& [key, value] : page.values) b.values[key] = value;
    build_breadcrumbs(page, page.slot("breadcrumbs"));
    b.slots["content"] = page.content_;
    for (const auto& [name, node] : page.slots_) b.slots[name] = node;

    // The page is built in the document that holds its content: moved, not copied.
    pugi::xml_document& doc = page.fragment;
    std::set<std::string> unknown;
    std::string root = page.root.empty() ? paths::root_prefix(page.path) : page.root;
    apply_template(*tmpl, b, root, doc, unknown);
    page.content_ = {};
    page.slots_.clear();
    for (const std::string& name : unknown) {
        if (!site.reported_unknown.insert(page.layout + ":" + name).second) continue;
        std::string kind = name.substr(0, name.find(':'));
        site.diags.report(DiagCode::E002,
                          "the template uses the " + kind + " `" + name.substr(kind.size() + 1) +
                              "`, which planc does not provide",
                          {"themes/" + site.theme.name + "/templates/" + page.layout + ".html", Span{}});
    }
    out.write(page.path, html::serialize_document(doc));
    if (page.in_sitemap) site.sitemap.push_back(page.path);
    if (page.printable) {
        make_links_printable(doc, page.path, s.base_url);
        site.print_pages[page.path] = html::serialize_document(doc);
    }
}

}  // namespace planc
