// The site's URL layout (see site_paths.hpp).

#include "render/site_paths.hpp"

#include <algorithm>

namespace planc::paths {

std::string partnership(const Partnership& p) { return p.slug + "/index.html"; }
std::string glossary(const Partnership& p) { return p.slug + "/glossary/index.html"; }
std::string document_dir(const Partnership& p, const Document& d) { return p.slug + "/" + d.slug + "/"; }
std::string document(const Partnership& p, const Document& d) { return document_dir(p, d) + "index.html"; }
std::string priority(const Partnership& p, const Document& d, const Priority& pr) {
    return document_dir(p, d) + pr.id + "/index.html";
}
std::string targets(const Partnership& p, const Document& d) { return document_dir(p, d) + "targets/index.html"; }
std::string leaflet(const Partnership& p, const Document& d) { return document_dir(p, d) + "leaflet/index.html"; }
std::string leaflet_pdf(const Partnership& p, const Document& d) {
    return document_dir(p, d) + "leaflet/leaflet.pdf";
}

std::string root_prefix(const std::string& page) {
    std::string out;
    for (char c : page)
        if (c == '/') out += "../";
    return out;
}

std::string link(const std::string& page, const std::string& target) {
    // Climb only as far as the folder both paths share.
    std::string from = folder_of(page);
    std::size_t common = 0;
    for (std::size_t i = 0; i < from.size() && i < target.size() && from[i] == target[i]; ++i)
        if (from[i] == '/') common = i + 1;
    std::string out = root_prefix(from.substr(common));
    out += target.substr(common);
    return out.empty() ? std::string("index.html") : out;
}

std::string folder_of(const std::string& page) {
    std::size_t slash = page.rfind('/');
    return slash == std::string::npos ? std::string() : page.substr(0, slash + 1);
}

bool collapse_dots(std::string_view path, std::string& out) {
    // Every link of every page comes through here: the path is collapsed in place,
    // without splitting it into parts.
    out.clear();
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) slash = path.size();
        std::string_view part = path.substr(start, slash - start);
        if (part == "..") {
            if (out.empty()) return false;
            std::size_t cut = out.rfind('/');
            out.resize(cut == std::string::npos ? 0 : cut);
        } else if (!part.empty() && part != ".") {
            if (!out.empty()) out += '/';
            out += part;
        }
        start = slash + 1;
    }
    return true;
}

}  // namespace planc::paths
