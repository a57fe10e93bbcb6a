// Puts a page's content into the theme's layout and writes it (see site.hpp).

#include <string>

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
    b.values["page.head_title"] = page.title == s.title ? s.title : page.title + " \u2013 " + s.title;
    for (const auto& [key, value] : page.values) b.values[key] = value;
    build_breadcrumbs(page, page.slot("breadcrumbs"));
    b.slots["content"] = page.content_;
    for (const auto& [name, node] : page.slots_) b.slots[name] = node;

    pugi::xml_document doc;
    std::set<std::string> unknown;
    apply_template(*tmpl, b, paths::root_prefix(page.path), doc, unknown);
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
}

}  // namespace planc
