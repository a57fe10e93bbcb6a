// 404.html: served by the web server for any missing address, so nothing on it may be
// relative to where it is: links start from the site root (the path of planc.yml's
// base_url) and the stylesheet is written into the page, so it loads nothing.

#include "render/html.hpp"
#include "render/pages.hpp"
#include "render/site_paths.hpp"

namespace planc {

std::string site_root_path(const std::string& base_url) {
    std::size_t scheme = base_url.find("://");
    if (scheme == std::string::npos) return !base_url.empty() && base_url.front() == '/' ? base_url : "/";
    std::size_t slash = base_url.find('/', scheme + 3);
    return slash == std::string::npos ? "/" : base_url.substr(slash);
}

void write_not_found_page(SiteContext& site, OutputSink& out) {
    Page page;
    page.path = paths::kNotFound;
    page.title = "Page not found";
    page.in_sitemap = false;
    const std::string& base_url = site.project.settings.base_url;
    std::string base = site_root_path(base_url);
    page.root = base;
    page.values["page.standalone"] = "true";
    for (const ThemeAsset& a : site.theme.assets)
        if (a.path == "site.css") page.values["page.inline_css"] = a.bytes;
    html::Stream& c = page.content();
    c.element_text("p", "If you typed the web address, check it is correct.");
    c.element_text("p", "If you pasted the web address, check you copied the entire address.");
    c.open("p");
    c.text("You can find every plan from the ");
    c.element_text("a", "list of partnerships and their plans", {{"href", base + paths::kHome}});
    c.text(" or ");
    c.element_text("a", "search the plans", {{"href", base + paths::kSearch}});
    c.text(".");
    c.close();
    write_page(site, page, out);
}

}  // namespace planc
