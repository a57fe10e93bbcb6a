// Site files and published snapshots (see site_files.hpp).

#include "serve/site_files.hpp"

namespace planc::serve {

std::string SiteFile::text() const {
    std::string out;
    out.reserve(size);
    for (const auto& piece : pieces) out += *piece;
    return out;
}

const SiteFile* PublishedSite::find(const std::string& path) const {
    if (auto it = changes.find(path); it != changes.end()) return it->second.get();
    if (!base) return nullptr;
    auto it = base->find(path);
    return it == base->end() ? nullptr : it->second.get();
}

SiteFiles PublishedSite::all() const {
    SiteFiles out = base ? *base : SiteFiles();
    for (const auto& [path, file] : changes) {
        if (file)
            out[path] = file;
        else
            out.erase(path);
    }
    return out;
}

}  // namespace planc::serve
