#pragma once
// The site's HTML pages (internal to src/render): one function per page kind, each in
// its own file, called in order by render_pages (site_pages.cpp).

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "planc/diagnostics.hpp"
#include "planc/model.hpp"
#include "planc/output.hpp"
#include "render/site.hpp"

namespace planc {

/// Passes writes on to another sink and remembers what was written, so the site can be
/// checked after rendering (links, assets) and the leaflet PDF made from it.
class RecordingOutput final : public OutputSink {
public:
    explicit RecordingOutput(OutputSink& inner) : inner_(inner) {}
    void write(const std::string& path, std::string_view bytes) override;
    /// Every path written, sorted.
    [[nodiscard]] const std::set<std::string>& paths() const { return paths_; }
    /// The bytes of each file written, by path.
    [[nodiscard]] const std::map<std::string, std::string>& files() const { return files_; }
    /// Where links written into pages came from in the sources (see SiteContext).
    std::map<std::string, Location> link_origins;

private:
    OutputSink& inner_;
    std::set<std::string> paths_;
    std::map<std::string, std::string> files_;
};

struct RenderOptions {
    /// Make leaflet.pdf with weasyprint when it is installed.
    bool pdf = true;
};

/// Writes every HTML page of the site, its assets, search index, sitemap and leaflets.
void render_pages(const Project& project, RecordingOutput& out, Diagnostics& diags, const RenderOptions& options = {});

/// Checks every href and src in the HTML written: each must name a file that was
/// written (and an id on that page, for "#id"). A broken one is an E004.
void check_site_links(const RecordingOutput& out, const Project& project, Diagnostics& diags);

/// Everything: open data, pages, then the link check (render_project uses it).
void render_site(const Project& project, OutputSink& out, Diagnostics& diags, const RenderOptions& options = {});

// --- The site in parts (render_pages is made of these; the live preview re-renders one
// part at a time and then the pages that list every part) ---------------------------

/// The search index as text, built entry by entry so that the index of a whole site is
/// the concatenation of its parts' pieces (no need to serialise it all again when one
/// part changes). Byte for byte what serialising the whole index at once gives.
struct SearchIndexText {
    std::string pretty;    ///< entries as in search-index.json (2-space indent, at depth 2), joined by ",\n"
    std::string compact;   ///< entries compact, '<' escaped, joined by "," (the copy embedded in the page)
    std::size_t entries = 0;

    void append(const std::vector<SearchEntry>& more);
    void append(const SearchIndexText& more);
    /// search-index.json.
    [[nodiscard]] std::string json_file() const;
    /// The index embedded in the search page (never run: no '<' in it).
    [[nodiscard]] std::string embedded() const;

    // The fixed text of the two around and between the entries: json_file() is kJsonBefore,
    // the entries joined by kJsonBetween, kJsonAfter (kJsonEmpty without entries);
    // embedded() likewise. The live preview serves the files as these pieces and each
    // part's entries, without joining them.
    static constexpr std::string_view kJsonBefore = "{\n  \"version\": 1,\n  \"pages\": [\n";
    static constexpr std::string_view kJsonBetween = ",\n";
    static constexpr std::string_view kJsonAfter = "\n  ]\n}\n";
    static constexpr std::string_view kJsonEmpty = "{\n  \"version\": 1,\n  \"pages\": []\n}\n";
    static constexpr std::string_view kEmbeddedBefore = "{\"version\":1,\"pages\":[";
    static constexpr std::string_view kEmbeddedBetween = ",";
    static constexpr std::string_view kEmbeddedAfter = "]}";
};

/// What render_index_pages leaves for writing the search files: the search page laid out
/// without its index, and the index entries of the pages that list everything.
struct SearchFrame {
    bool has_page = false;     ///< false when the page could not be laid out (reported)
    std::string page_before;   ///< the search page's text up to where the index goes
    std::string page_after;    ///< and after it
    SearchIndexText leading;   ///< entries of the pages written before every part (home)
    SearchIndexText trailing;  ///< entries of the site's own pages, after every part's
};

/// What one part of the site (a partnership's own pages, or one document's pages) gives
/// the pages that list everything and the checks after rendering.
struct SitePart {
    std::vector<std::string> sitemap;             ///< its pages for sitemap.xml, in the order written
    SearchIndexText search;                       ///< its entries of the search index, in order
    std::map<std::string, Location> link_origins; ///< see SiteContext::link_origins
    std::map<std::string, std::string> content_files;  ///< see SiteContext::content_files
    std::map<std::string, std::string> print_pages;    ///< see SiteContext::print_pages
};

/// E003 for partnership and document names the site itself uses; true when there is one.
bool site_name_clashes(const Project& project, Diagnostics& diags);
/// The theme's assets, under assets/.
void copy_theme_assets(const Theme& theme, OutputSink& out);
/// Open data of one document: plan.json, targets.csv and targets.csv-metadata.json.
void write_document_data(const Partnership& p, const Document& d, OutputSink& out);
/// The partnership's own pages: its page and its glossary.
SitePart render_partnership_part(SiteContext& site, const Partnership& p, OutputSink& out);
/// One document's pages: the document, and for a plan its priorities, targets and
/// leaflet (linking to leaflet.pdf when `with_pdf`).
SitePart render_document_part(SiteContext& site, const Partnership& p, const Document& d, bool with_pdf,
                              OutputSink& out);
/// The pages that list every part, from the parts in site order (each partnership, then
/// its documents): home, accessibility statement, 404 and sitemap; the search page is laid
/// out and returned without its index, for write_search_files.
SearchFrame render_index_pages(SiteContext& site, const std::vector<const SitePart*>& parts, OutputSink& out);
/// search-index.json and the search page, from the frame and each part's entries in site order.
void write_search_files(const SearchFrame& frame, const std::vector<const SearchIndexText*>& parts, OutputSink& out);
/// Images and files from the content folders that pages link to (site path -> source).
void copy_content_files(const std::map<std::string, std::string>& files, OutputSink& out);

/// The link check of a site kept up to date file by file (check_site_links uses it for a
/// whole site; the live preview for one part at a time). A page is scanned once when
/// written; `check` looks again only at pages written since the last check and at the
/// pages whose links reach a file added or removed, or a page whose ids changed.
class SiteLinkCheck {
public:
    explicit SiteLinkCheck(std::string base_url);
    ~SiteLinkCheck();
    SiteLinkCheck(SiteLinkCheck&&) noexcept;
    SiteLinkCheck& operator=(SiteLinkCheck&&) noexcept;

    /// A file written (again); HTML pages are scanned for their links and ids.
    void write(const std::string& path, std::string_view bytes);
    /// A file no longer in the site.
    void remove(const std::string& path);
    /// Checks what changed since the last call. `origins` says where links came from in the
    /// sources (page path + '\n' + href), as SiteContext::link_origins.
    void check(const std::map<std::string, Location>& origins);
    /// Every finding of the last check, page by page in path order (E004).
    void report(Diagnostics& diags) const;
    /// How many pages the last check looked at (for tests and timing).
    [[nodiscard]] std::size_t pages_checked() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// --- The pages, one file each ------------------------------------------------------

void write_home_page(SiteContext& site, OutputSink& out);
void write_partnership_page(SiteContext& site, const Partnership& p, OutputSink& out);
void write_glossary_page(SiteContext& site, const Partnership& p, OutputSink& out);
void write_document_page(SiteContext& site, const Partnership& p, const Document& d, OutputSink& out);
void write_priority_pages(SiteContext& site, const Partnership& p, const Document& d, OutputSink& out);
void write_targets_page(SiteContext& site, const Partnership& p, const Document& d, OutputSink& out);
/// The leaflet page; links to leaflet.pdf when `with_pdf`.
void write_leaflet_page(SiteContext& site, const Partnership& p, const Document& d, bool with_pdf, OutputSink& out);
void write_accessibility_page(SiteContext& site, OutputSink& out);
/// Lays out the search page without its index (frame.page_before and page_after).
void layout_search_page(SiteContext& site, SearchFrame& frame);
void write_not_found_page(SiteContext& site, OutputSink& out);
/// sitemap.xml with absolute URLs, when the base URL is absolute.
void write_sitemap(SiteContext& site, OutputSink& out);

/// Makes leaflet.pdf beside each page given (site path -> HTML for printing), with
/// weasyprint, loading the assets already written. Returns the PDFs made, by site
/// path; failures are reported as diagnostics.
std::map<std::string, std::string> make_leaflet_pdfs(const std::map<std::string, std::string>& print_pages,
                                                     const RecordingOutput& written, Diagnostics& diags);
/// True when the weasyprint program can be found on PATH.
bool weasyprint_available();

/// The path part of the base URL, where the site's root is on its host
/// ("https://x.gov.uk/plans/" -> "/plans/"; "/" when there is none).
std::string site_root_path(const std::string& base_url);

/// The date the content was last changed, for the accessibility statement: the newest
/// approval date or document year in the project ("March 2020"); empty if none.
std::string content_date_words(const Project& project);

}  // namespace planc
