// sitemap.xml: every page with its absolute URL from planc.yml's base_url.

#include <pugixml.hpp>

#include <sstream>

#include "render/pages.hpp"
#include "render/site_paths.hpp"

namespace planc {

namespace {

bool is_absolute_url(const std::string& url) {
    return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

/// "melton/index.html" -> "melton/": the address people share.
std::string clean_path(const std::string& path) {
    const std::string index = "index.html";
    if (path.size() >= index.size() && path.compare(path.size() - index.size(), index.size(), index) == 0 &&
        (path.size() == index.size() || path[path.size() - index.size() - 1] == '/'))
        return path.substr(0, path.size() - index.size());
    return path;
}

}  // namespace

void write_sitemap(SiteContext& site, OutputSink& out) {
    const std::string& base = site.project.settings.base_url;
    // A sitemap needs absolute URLs: without a full base URL there is nothing to write.
    if (!is_absolute_url(base)) return;
    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    pugi::xml_node urlset = doc.append_child("urlset");
    urlset.append_attribute("xmlns") = "http://www.sitemaps.org/schemas/sitemap/0.9";
    for (const std::string& path : site.sitemap) {
        urlset.append_child("url").append_child("loc").text() = (base + clean_path(path)).c_str();
    }
    std::ostringstream s;
    doc.save(s, "  ", pugi::format_default, pugi::encoding_utf8);
    out.write(paths::kSitemap, s.str());
}

}  // namespace planc
