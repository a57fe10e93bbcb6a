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
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "planc/diagnostics.hpp"
#include "planc/model.hpp"
#include "render/pages.hpp"
#include "render/theme.hpp"
#include "serve/site_files.hpp"
#include "serve/watcher.hpp"

namespace planc::serve {

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
        SitePart part;  ///< without its search entries: they are below
        std::set<std::string> files;
        Diagnostics findings;
        SearchPart search;            ///< its entries and words of the search index
        bool search_changed = false;  ///< since the search files were last put together
    };
    class PartOutput;
    struct RenderedJob;

    /// The key of a part in parts_: "p/melton", "d/content/melton/2009-10.md".
    static std::string key_of(const Partnership& p) { return "p/" + p.slug; }
    static std::string key_of(const Document& d) { return "d/" + d.path; }

    /// Notes the time since the last step.
    void step(Rebuild& r, const char* name);

    // Rendering (site_output.cpp).
    /// Renders one part into `job` without touching the site's state (any thread).
    void render_job(RenderedJob& job) const;
    /// Keeps a rendered part: its files, link origins, search entries and findings.
    void keep_rendered(RenderedJob& job, Rebuild& r);
    /// Every partnership's and document's pages, rendered on every core.
    void render_all_parts(Rebuild& r);
    void render_theme_assets(Rebuild& r);
    void render_partnership(const Partnership& p, Rebuild& r);
    void render_document(const Partnership& p, const Document& d, Rebuild& r);
    void render_index(Rebuild& r);
    /// Copies the content files the pages link to: new ones, and those in `touched` (edited).
    void refresh_content_files(const std::set<std::string>& touched);
    void drop_part(const std::string& key);
    /// Replaces the files of a part with what was just written into `out`.
    void store(RenderedPart& slot, PartOutput& out, Rebuild& r);
    /// Keeps what a part gave the site: link origins, search entries, content files.
    void keep_part(RenderedPart& slot, SitePart fresh);
    /// The search page, and the search files that changed: the entries files of the parts
    /// that changed (or were numbered again), the word files their words are in, and
    /// search-index.js.
    void put_search_files(const SearchFrame& frame);
    void put_file(const std::string& path, std::string bytes);
    /// Notes the word files in which a part's words changed from `before` to `after`.
    void note_changed_shards(const search_words::PartWords& before, const search_words::PartWords& after);
    void remove_file(const std::string& path);
    /// Reads a document again (gone: removed from the model); false when it is gone.
    bool reparse_document(Partnership& p, const std::string& slug);
    /// Reads a partnership's _index.md again; false when it is not a plain file any more.
    bool reparse_index(Partnership& p);

    // Checks (site_checks.cpp).
    /// Link targets and link references of every partnership, after a whole load.
    void reset_link_targets();
    /// The link targets after the documents (paths) and partnership indexes (slugs) named
    /// were read again.
    void refresh_link_targets(const std::set<std::string>& documents, const std::set<std::string>& indexes);
    /// The partnerships whose checks must run again when `changed` changed.
    [[nodiscard]] std::set<std::string> partnerships_to_check(const std::set<std::string>& changed) const;
    /// Keeps the findings of the checks (of the partnerships in `checked`; all when none).
    void keep_check_findings(Diagnostics found, const std::optional<std::set<std::string>>& checked,
                             Rebuild& r);
    /// Checks running on another thread while this one renders.
    struct CheckRun {
        Project view;                        ///< the partnerships checked and their link targets
        std::vector<Partnership*> borrowed;  ///< where each partnership of the view came from
        std::future<Diagnostics> result;
        /// A partnership being checked (to render it meanwhile: both only read it).
        [[nodiscard]] const Partnership* find(const std::string& slug) const;
        ~CheckRun();
    };
    /// Starts the checks of the partnerships named (all when none) on another thread. The
    /// partnerships checked and those their documents link into (as link targets) are
    /// moved into the check's own project until finish_checks; meanwhile render them from
    /// CheckRun::find. With every partnership, the check reads the model in place.
    std::unique_ptr<CheckRun> start_checks(std::optional<std::set<std::string>> partnerships);
    /// Waits for the checks and puts the partnerships back.
    Diagnostics finish_checks(CheckRun& run);
    /// Link check, findings; publishes when there is no error.
    void finish(Rebuild& r, Diagnostics checks, const std::optional<std::set<std::string>>& checked);
    /// Notes which partnership folders a file's text links into ("../<slug>...").
    void note_references(const std::string& file, const std::string& text);

    std::string root_;
    Project project_;
    std::map<std::string, Diagnostics> source_findings_;  ///< load and parse findings, by file
    /// Each partnership and document reduced to what a link can name (slugs, section ids):
    /// how the checks of one partnership see the others it links into. The checks of a
    /// thousand plans take about half a second of CPU, those of one partnership ~10 ms.
    Project link_targets_;
    /// For each source file, the partnership folders its links may lead into.
    std::map<std::string, std::set<std::string>> references_;
    std::map<std::string, Diagnostics> check_findings_;  ///< by partnership slug ("" for other files)
    Diagnostics site_findings_;                          ///< theme, names the site uses
    std::unique_ptr<Theme> theme_;
    bool renderable_ = false;
    std::map<std::string, RenderedPart> parts_;  ///< by key_of()
    RenderedPart index_;
    RenderedPart search_trailing_;  ///< the index pages' own search entries, after every part's
    bool search_changed_ = false;  ///< some part's search entries changed since the files were put together
    std::vector<std::string> search_numbering_;  ///< the parts' keys in site order when last put together
    std::set<std::uint32_t> search_dirty_shards_;  ///< word files some part's words changed in since
    std::set<std::uint32_t> search_shards_;        ///< the word files there are
    RenderedPart theme_assets_;
    std::map<std::string, std::string> content_files_;  ///< site path -> source, as copied
    bool content_files_changed_ = false;  ///< some part links to other content files than before
    SiteFiles files_;
    std::unique_ptr<SiteLinkCheck> links_;
    std::map<std::string, Location> origins_;
    std::set<std::string> unpublished_;              ///< paths changed since the last publish
    std::chrono::steady_clock::time_point started_;  ///< of the rebuild under way
    std::chrono::steady_clock::time_point lap_;      ///< end of its last step
    std::chrono::microseconds started_cpu_{0}, lap_cpu_{0};
    bool everything_unpublished_ = false;
    std::shared_ptr<const PublishedSite> published_;
};

}  // namespace planc::serve
