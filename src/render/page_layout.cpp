// Puts a page's content into the theme's layout and writes it (see site.hpp).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/html.hpp"
#include "render/site.hpp"
#include "render/site_paths.hpp"
#include "render/template_engine.hpp"

namespace planc {

std::string Page::link(const std::string& target) const { return paths::link(path, target); }

std::string partnership_name(const Partnership& p) { return p.name.empty() ? p.slug : p.name; }

namespace {

/// "a/b/../c/index.html" -> "a/c/"; the address a reader types. A link that climbs out of
/// the site (the link check reports it) is the site's root.
std::string resolve(const std::string& folder, const std::string& href) {
    std::string out;
    if (!paths::collapse_dots(folder + href, out) || out == "index.html") return {};
    if (out.ends_with("/index.html")) out.resize(out.size() - std::string_view("index.html").size());
    return out;
}

/// A printed page cannot follow a relative link: make each link (<a href>) absolute from
/// the base URL, or plain text when the base URL is not absolute.
///
/// `page` is HTML as planc writes it: every attribute is name="value", with `"` in a
/// value written &quot;, and a '<' outside a tag only in <script> and <style> (skipped).
std::string make_links_printable(const std::string& page, const std::string& page_path, const std::string& base_url) {
    bool absolute = base_url.rfind("https://", 0) == 0 || base_url.rfind("http://", 0) == 0;
    std::string folder = paths::folder_of(page_path);
    std::string out;
    out.reserve(page.size() + 4096);
    std::size_t copied = 0;
    auto name_end = [&](std::size_t at) {
        while (at < page.size() && page[at] != ' ' && page[at] != '>' && page[at] != '/' && page[at] != '=') ++at;
        return at;
    };
    for (std::size_t at = page.find('<'); at != std::string::npos; at = page.find('<', at)) {
        std::size_t name_from = at + 1;
        std::size_t name_to = name_end(name_from);
        std::string_view tag(page.data() + name_from, name_to - name_from);
        at = name_to;
        if (tag == "script" || tag == "style") {
            std::size_t end = page.find("</" + std::string(tag), at);
            at = end == std::string::npos ? page.size() : end + 2;
            continue;
        }
        // Attributes: ` name="value"` up to the end of the tag.
        while (at < page.size() && page[at] == ' ') {
            std::size_t attr_from = at;
            std::size_t key_to = name_end(at + 1);
            std::string_view key(page.data() + at + 1, key_to - at - 1);
            at = key_to;
            if (page.compare(at, 2, "=\"") != 0) continue;
            std::size_t value_from = at + 2;
            std::size_t value_to = page.find('"', value_from);
            if (value_to == std::string::npos) return page;  // not planc's HTML: leave it
            at = value_to + 1;
            if (tag != "a" || key != "href") continue;
            std::string href = html::decode_entities(std::string_view(page).substr(value_from, value_to - value_from));
            if (!is_relative_url(href)) continue;
            if (absolute) {
                out.append(page, copied, value_from - copied);
                out += html::escape_attribute(base_url + resolve(folder, href));
                copied = value_to;
            } else {
                out.append(page, copied, attr_from - copied);
                copied = at;
            }
        }
    }
    out.append(page, copied, std::string::npos);
    return out;
}

void build_breadcrumbs(const Page& page, html::Stream& slot) {
    if (page.crumbs.empty()) return;
    slot.open("ol", {{"class", "breadcrumbs__list"}});
    for (const Crumb& c : page.crumbs) {
        slot.open("li", {{"class", "breadcrumbs__item"}});
        slot.element_text("a", c.label, {{"href", paths::link(page.path, c.path)}});
        slot.close();
    }
    slot.close();
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
    page.slots_.try_emplace("content");  // every page has a content slot, if empty
    for (auto& [name, stream] : page.slots_) {
        b.slots[name] = stream.take();
        b.slot_links[name] = stream.take_links();
    }
    page.slots_.clear();

    std::set<std::string> unknown;
    std::string root = page.root.empty() ? paths::root_prefix(page.path) : page.root;
    ScannedLinks links;
    std::string written = apply_template(*tmpl, b, root, unknown, &links, site.theme.find_static_parts(page.layout));
    for (const std::string& name : unknown) {
        if (!site.reported_unknown.insert(page.layout + ":" + name).second) continue;
        std::string kind = name.substr(0, name.find(':'));
        site.diags.report(DiagCode::E002,
                          "the template uses the " + kind + " `" + name.substr(kind.size() + 1) +
                              "`, which planc does not provide",
                          {"themes/" + site.theme.name + "/templates/" + page.layout + ".html", Span{}});
    }
    if (page.printable) site.print_pages[page.path] = make_links_printable(written, page.path, s.base_url);
    out.write_page(page.path, written, std::move(links));
    if (page.in_sitemap) site.sitemap.push_back(page.path);
}

}  // namespace planc
