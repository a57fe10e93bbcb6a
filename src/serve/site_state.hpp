#pragma once
// The live preview's site: the model of the project, the site rendered from it in
// memory, and what each part of the site was made from, so that a change to one
// document re-parses that document alone, re-runs the checks and re-renders the pages of
// that document and the pages that list it (partnership, home, search, sitemap).
//
// The rendered files are kept as the latest model gives them; they are published (handed
// to the HTTP server as an immutable snapshot) only when the project has no errors, so a
// broken save keeps the last good site served.

#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "planc/diagnostics.hpp"
#include "planc/model.hpp"
#include "render/pages.hpp"
#include "render/theme.hpp"
#include "serve/watcher.hpp"

namespace planc::serve {

/// The files of a built site by site path. Published snapshots are never changed.
using SiteFiles = std::map<std::string, std::shared_ptr<const std::string>>;

/// What one rebuild did.
struct Rebuild {
    std::string what;                  ///< "melton/2009-10", "melton", "3 documents", "everything"
    bool nothing = false;              ///< the change touches nothing the site is made from
    bool published = false;            ///< a new site is served; false when errors keep the last good one
    bool everything = false;           ///< every page may have changed (a whole rebuild)
    std::size_t pages_rendered = 0;    ///< HTML pages rendered again
    std::vector<std::string> changed;  ///< when published: site paths added, changed or removed
    Diagnostics findings;              ///< every finding of the project as it is now, sorted
    std::chrono::microseconds took{0};
};

class SiteState {
public:
    /// A project folder; nothing is read until build_everything().
    explicit SiteState(std::string root);
    ~SiteState();

    /// Loads the whole project, checks it and renders every page.
    Rebuild build_everything();
    /// Rebuilds what the changed files touch (everything for planc.yml, themes/ or a
    /// change in the folders' layout).
    Rebuild apply(const ChangeBatch& batch);

    /// The last site published (null before the first build without errors).
    [[nodiscard]] std::shared_ptr<const SiteFiles> published() const { return published_; }
    /// The latest rendered files, published or not (for tests).
    [[nodiscard]] const SiteFiles& rendered() const { return files_; }
    [[nodiscard]] const Project& project() const { return project_; }

private:
    /// One part of the site: a partnership's pages, one document's pages, the index pages.
    struct RenderedPart {
        SitePart part;
        std::set<std::string> files;
        Diagnostics findings;
    };
    class PartOutput;

    void render_partnership(const Partnership& p, Rebuild& r);
    void render_document(const Partnership& p, const Document& d, Rebuild& r);
    void render_index(Rebuild& r);
    void refresh_content_files(const std::set<std::string>& touched, Rebuild& r);
    void drop_part(const std::string& key);
    /// Replaces the files of a part with what was just written into `out`.
    void store(RenderedPart& slot, PartOutput& out, Rebuild& r);
    void store_origins(RenderedPart& slot, SitePart fresh);
    void put_file(const std::string& path, std::string bytes);
    void remove_file(const std::string& path);
    bool reparse_document(Partnership& p, const std::string& slug);
    bool reparse_index(Partnership& p);
    void finish(Rebuild& r, std::chrono::steady_clock::time_point started);

    std::string root_;
    Project project_;
    std::map<std::string, Diagnostics> source_findings_;  ///< load and parse findings, by file
    Diagnostics site_findings_;                           ///< theme, names the site uses
    std::unique_ptr<Theme> theme_;
    bool renderable_ = false;
    std::map<std::string, RenderedPart> parts_;           ///< by part key ("p/melton", "d/melton/2009-10")
    RenderedPart index_;
    RenderedPart theme_assets_;
    std::map<std::string, std::string> content_files_;    ///< site path -> source, as copied
    SiteFiles files_;
    std::unique_ptr<SiteLinkCheck> links_;
    std::map<std::string, Location> origins_;
    std::set<std::string> unpublished_;                   ///< paths changed since the last publish
    bool everything_unpublished_ = false;
    std::shared_ptr<const SiteFiles> published_;
};

}  // namespace planc::serve
