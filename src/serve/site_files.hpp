#pragma once
// The files of the site as the live preview serves them: in memory, in pieces shared
// between the site being rebuilt and the snapshots the HTTP server reads.

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace planc::serve {

/// A file as served: its text, shared with the site state (publishing copies no bytes).
/// The site state puts each file as one piece; the server sends pieces as they are, so a
/// response can add its own (the reload script) without copying the rest.
struct SiteFile {
    std::vector<std::shared_ptr<const std::string>> pieces;
    std::size_t size = 0;
    /// The whole text (tests).
    [[nodiscard]] std::string text() const;
};

/// The files of a built site by site path.
using SiteFiles = std::map<std::string, std::shared_ptr<const SiteFile>>;

/// A published site: never changed once published. The files changed since the last whole
/// copy are kept apart (null: removed), so that publishing after an edit copies a few
/// entries, not the thousands of a large site.
struct PublishedSite {
    std::shared_ptr<const SiteFiles> base;
    SiteFiles changes;
    /// The file at a site path, or null.
    [[nodiscard]] const SiteFile* find(const std::string& path) const;
    /// Every file (tests).
    [[nodiscard]] SiteFiles all() const;
};

}  // namespace planc::serve
