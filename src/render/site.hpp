#pragma once
// What every page renderer shares: the project, the theme, where findings go, and what
// the build collects on the way (search entries, sitemap, link origins).

#include "render/html.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

#include "planc/diagnostics.hpp"
#include "planc/model.hpp"
#include "planc/output.hpp"
#include "render/theme.hpp"

namespace planc {

/// One entry of the search index: a page or a section of one.
struct SearchEntry {
    std::string title;
    std::string url;       ///< relative to the site root, may end in "#id"
    std::string context;   ///< partnership and document it belongs to
    std::string text;      ///< plain text to match
};

/// One step of the breadcrumbs.
struct Crumb {
    std::string label;
    std::string path;  ///< relative to the site root
};

struct SiteContext {
    const Project& project;
    const Theme& theme;
    Diagnostics& diags;
    /// Template names used but not defined, reported once each.
    std::set<std::string> reported_unknown;
    /// Where a link written into a page came from in the sources: key is
    /// page path + '\n' + href, so the link checker can point at the source.
    std::map<std::string, Location> link_origins;
    /// Files from the content folders (images, downloads) the pages link to:
    /// site path -> source path.
    std::map<std::string, std::string> content_files;
    std::vector<SearchEntry> search;
    std::vector<std::string> sitemap;  ///< pages, in the order written
    /// Pages to print as PDF (the leaflets): site path -> HTML in which links to other
    /// pages are absolute (from the base URL) or plain text, as a printed copy needs.
    std::map<std::string, std::string> print_pages;
};

/// A page being built: its place, titles and the HTML of its content and other slots.
struct Page {
    std::string path;         ///< output path relative to the site root
    std::string title;        ///< the <h1>
    std::string caption;      ///< a line above the <h1> (partnership, plan), may be empty
    std::string description;  ///< <meta name="description">, may be empty
    std::string layout = "page";
    std::vector<Crumb> crumbs;  ///< from home down to the parent page
    bool in_sitemap = true;
    /// How links in the template reach the site root; empty: relative to `path`.
    std::string root;
    /// Also keep a copy for printing to PDF (SiteContext::print_pages).
    bool printable = false;
    /// Extra values for the template (e.g. "leaflet.pdf").
    std::map<std::string, std::string> values;

    /// Where the page's content is written.
    [[nodiscard]] html::Stream& content() { return slots_["content"]; }
    /// Another slot of the template.
    html::Stream& slot(const std::string& name) { return slots_[name]; }
    /// A link from this page to `target` (relative to the site root).
    [[nodiscard]] std::string link(const std::string& target) const;

private:
    std::map<std::string, html::Stream> slots_;
    friend void write_page(SiteContext&, Page&, OutputSink&);
};

/// Binds the page into its template and writes it. This uses the page up: its content is
/// moved into the written page, and content() and slot() must not be used after.
void write_page(SiteContext& site, Page& page, OutputSink& out);

/// The partnership's display name.
std::string partnership_name(const Partnership& p);

}  // namespace planc
