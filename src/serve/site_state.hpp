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
#include <future>
#include <map>
#include <optional>
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

/// A file as served: its text in pieces shared with the site state. Most files are one
/// piece; the search index and the search page are their fixed text and every part's
/// entries (tens of megabytes for a thousand plans, never joined in the preview).
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

/// What one rebuild did.
struct Rebuild {
    std::string what;                  ///< "melton/2009-10", "melton", "3 documents", "everything"
    bool nothing = false;              ///< the change touches nothing the site is made from
    bool published = false;            ///< a new site is served; false when errors keep the last good one
    bool everything = false;           ///< every page may have changed (a whole rebuild)
    std::size_t pages_rendered = 0;    ///< HTML pages rendered again
    std::vector<std::string> changed;  ///< when published: site paths added, changed or removed
    Diagnostics errors;                ///< the errors of the project as it is now, sorted
    std::size_t warnings = 0;          ///< and how many warnings it has
    std::chrono::microseconds took{0};
    /// How long each step took ("parse", "render", "checks", ...), in order: wall-clock
    /// time, and the CPU time of the rebuilding thread (what the wall time would be on an
    /// idle machine). `cpu` is the whole process's, the checks' thread included.
    struct Step {
        std::string name;
        std::chrono::microseconds wall{0};
        std::chrono::microseconds cpu{0};
    };
    std::vector<Step> steps;
    std::chrono::microseconds cpu{0};
    std::size_t partnerships_checked = 0;  ///< partnerships whose checks ran again
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
    [[nodiscard]] std::shared_ptr<const PublishedSite> published() const { return published_; }
    /// The latest rendered files, published or not (for tests).
    [[nodiscard]] const SiteFiles& rendered() const { return files_; }
    [[nodiscard]] const Project& project() const { return project_; }

private:
    /// One part of the site: a partnership's pages, one document's pages, the index pages.
    struct RenderedPart {
        SitePart part;  ///< without its search entries: they are below, shared with the files served
        std::set<std::string> files;
        Diagnostics findings;
        std::shared_ptr<const std::string> search_pretty;
        std::shared_ptr<const std::string> search_compact;
        std::size_t search_entries = 0;
    };
    class PartOutput;

    /// Notes the time since the last step.
    void step(Rebuild& r, const char* name);
    void render_partnership(const Partnership& p, Rebuild& r);
    void render_document(const Partnership& p, const Document& d, Rebuild& r);
    void render_index(Rebuild& r);
    void refresh_content_files(const std::set<std::string>& touched, Rebuild& r);
    void drop_part(const std::string& key);
    /// Replaces the files of a part with what was just written into `out`.
    void store(RenderedPart& slot, PartOutput& out, Rebuild& r);
    /// Keeps what a part gave the site: link origins, search entries, content files.
    void keep_part(RenderedPart& slot, SitePart fresh);
    /// search-index.json and the search page, as pieces: the frame and every part's entries.
    void put_search_files(const SearchFrame& frame);
    void put_file(const std::string& path, std::string bytes);
    void remove_file(const std::string& path);
    bool reparse_document(Partnership& p, const std::string& slug);
    bool reparse_index(Partnership& p);
    /// Starts the checks of the partnerships named (all when null) on another thread, while
    /// this one renders: the checks read the model and write nothing the rendering uses.
    /// The partnerships their documents link into take part as link targets.
    std::future<Diagnostics> start_checks(std::optional<std::set<std::string>> partnerships);
    /// Waits for the checks, link check, findings; publishes when there is no error.
    void finish(Rebuild& r, std::future<Diagnostics> checks, const std::optional<std::set<std::string>>& checked);
    /// Notes which partnership folders a file's text links into ("../<slug>...").
    void note_references(const std::string& file, const std::string& text);

    std::string root_;
    Project project_;
    std::map<std::string, Diagnostics> source_findings_;  ///< load and parse findings, by file
    /// The project as the checks of one partnership see the others: each partnership and
    /// document reduced to what a link can name (slugs, section ids). Checking partnership
    /// P swaps P's real model in for the time of the check: the checks of a thousand plans
    /// take about a second, those of one partnership a few milliseconds.
    Project link_targets_;
    /// For each source file, the partnership folders its links may lead into.
    std::map<std::string, std::set<std::string>> references_;
    std::map<std::string, Diagnostics> check_findings_;   ///< by partnership slug ("" for other files)
    Diagnostics site_findings_;                           ///< theme, names the site uses
    std::unique_ptr<Theme> theme_;
    bool renderable_ = false;
    std::map<std::string, RenderedPart> parts_;           ///< by part key ("p/melton", "d/melton/2009-10")
    RenderedPart index_;
    SearchFrame search_frame_;    ///< as last laid out (entries of its own moved to the part below)
    RenderedPart search_leading_, search_trailing_;
    bool search_changed_ = false;  ///< some part's search entries changed since the files were put together
    RenderedPart theme_assets_;
    std::map<std::string, std::string> content_files_;    ///< site path -> source, as copied
    SiteFiles files_;
    std::unique_ptr<SiteLinkCheck> links_;
    std::map<std::string, Location> origins_;
    std::set<std::string> unpublished_;                   ///< paths changed since the last publish
    std::chrono::steady_clock::time_point started_;       ///< of the rebuild under way
    std::chrono::steady_clock::time_point lap_;           ///< end of its last step
    std::chrono::microseconds started_cpu_{0}, lap_cpu_{0};
    bool everything_unpublished_ = false;
    std::shared_ptr<const PublishedSite> published_;
};

}  // namespace planc::serve
