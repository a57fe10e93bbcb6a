// 404.html: served by the web server for any missing address, so its links cannot be
// relative to where it is; they start from the base URL of planc.yml.

#include "render/html.hpp"
#include "render/pages.hpp"
#include "render/site_paths.hpp"

namespace planc {

void write_not_found_page(SiteContext& site, OutputSink& out) {
    Page page;
    page.path = paths::kNotFound;
    page.title = "Page not found";
    page.in_sitemap = false;
    page.values["page.base"] = site.project.settings.base_url;
    const std::string& base = site.project.settings.base_url;
    pugi::xml_node c = page.content();
    html::element_text(c, "p", "If you typed the web address, check it is correct.");
    html::element_text(c, "p", "If you pasted the web address, check you copied the entire address.");
    pugi::xml_node p = html::element(c, "p");
    html::text(p, "You can find every plan from the ");
    html::element_text(p, "a", "list of partnerships and their plans", {{"href", base + paths::kHome}});
    html::text(p, " or ");
    html::element_text(p, "a", "search the plans", {{"href", base + paths::kSearch}});
    html::text(p, ".");
    write_page(site, page, out);
}

}  // namespace planc
