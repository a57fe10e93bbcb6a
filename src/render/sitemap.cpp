// sitemap.xml: every page with its absolute URL from planc.yml's base_url; past 50,000
// pages, an index of sitemap-1.xml, sitemap-2.xml, ... as the sitemap protocol asks.

#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>
#include <vector>

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

std::map<std::string, std::string> sitemap_files(const std::string& base, const std::vector<std::string>& pages,
                                                 std::size_t most_per_file) {
    std::map<std::string, std::string> files;
    // A sitemap needs absolute URLs: without a full base URL there is nothing to write.
    if (!is_absolute_url(base) || most_per_file == 0) return files;
    auto save = [](const pugi::xml_document& doc) {
        std::ostringstream s;
        doc.save(s, "  ", pugi::format_default, pugi::encoding_utf8);
        return s.str();
    };
    auto start = [](pugi::xml_document& doc, const char* root) {
        pugi::xml_node decl = doc.append_child(pugi::node_declaration);
        decl.append_attribute("version") = "1.0";
        decl.append_attribute("encoding") = "UTF-8";
        pugi::xml_node top = doc.append_child(root);
        top.append_attribute("xmlns") = "http://www.sitemaps.org/schemas/sitemap/0.9";
        return top;
    };
    auto urlset = [&](std::size_t from, std::size_t to) {
        pugi::xml_document doc;
        pugi::xml_node set = start(doc, "urlset");
        for (std::size_t i = from; i < to; ++i)
            set.append_child("url").append_child("loc").text() = (base + clean_path(pages[i])).c_str();
        return save(doc);
    };
    if (pages.size() <= most_per_file) {
        files.emplace(paths::kSitemap, urlset(0, pages.size()));
        return files;
    }
    // More pages than one sitemap may list (the protocol allows 50,000 URLs a file):
    // sitemap.xml becomes an index of sitemap-1.xml, sitemap-2.xml, ...
    pugi::xml_document index;
    pugi::xml_node list = start(index, "sitemapindex");
    for (std::size_t from = 0, k = 1; from < pages.size(); from += most_per_file, ++k) {
        std::string name = "sitemap-" + std::to_string(k) + ".xml";
        files.emplace(name, urlset(from, std::min(pages.size(), from + most_per_file)));
        list.append_child("sitemap").append_child("loc").text() = (base + name).c_str();
    }
    files.emplace(paths::kSitemap, save(index));
    return files;
}

void write_sitemap(SiteContext& site, OutputSink& out) {
    for (const auto& [path, bytes] : sitemap_files(site.project.settings.base_url, site.sitemap, kSitemapMostUrls))
        out.write(path, bytes);
}

}  // namespace planc
