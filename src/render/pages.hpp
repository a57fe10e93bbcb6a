#pragma once
// The site's HTML pages (internal to src/render): one function per page kind, each in
// its own file, called in order by render_pages (site_pages.cpp).

#include <map>
#include <set>
#include <string>
#include <string_view>

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
/// The search page and search-index.json, from the entries the other pages collected.
void write_search_page(SiteContext& site, OutputSink& out);
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
