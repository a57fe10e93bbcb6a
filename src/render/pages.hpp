#pragma once
// The site's HTML pages (internal to src/render): one function per page kind, each in
// its own file, called part by part by render_site (site_pages.cpp).

#include <algorithm>
#include <mutex>
#include <optional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "planc/diagnostics.hpp"
#include "planc/model.hpp"
#include "planc/output.hpp"
#include "render/search_words.hpp"
#include "render/site.hpp"

namespace planc {

struct RenderOptions {
    /// Make leaflet.pdf with weasyprint when it is installed.
    bool pdf = true;
};

/// Everything: open data, pages, then the link check (render_project uses it).
void render_site(const Project& project, OutputSink& out, Diagnostics& diags, const RenderOptions& options = {});

// --- The site in parts (render_site is made of these; the live preview re-renders one
// part at a time and then the pages that list every part) ---------------------------

/// One part's share of the search index: its entries, and the words they hold.
///
/// The index is in three kinds of file, so that a search loads the little it needs, not
/// the text of the whole site (150 MB at 5,000 plans):
///
///   search-index.js          the search page loads it (a script tag: it works from
///                            file://, where fetch() does not); it says how many entries
///                            each part has and which word files there are:
///       window.plancSearchIndex = {"version":4,"fold":"aaaaaaæc...","parts":[2,18,0,...],
///                                  "shards":["20","ab",...]};
///                            (fold: how a word's letters U+00C0-U+027F fold, search_fold.hpp)
///   search/words/KEY.js      the words starting with KEY (search_words.hpp), with the
///                            entries they are in, part by part (part number first):
///       plancSearchIndex.words("bu",[
///       [1,"bulk",[6],"burglary",[0,3]],
///       [4,"burglary",[1]]
///       ]);
///   search/entries/N.js      part N's entries, for the results shown:
///       plancSearchIndex.entries(1,[
///       {"title":"...","url":"melton/2009-10/index.html#foreword","context":"...","text":"..."},
///       {...}
///       ]);
///
/// Parts are numbered in site order (each partnership, then its documents; the site's own
/// pages last) and a part's entries from 0; an entry is found by its part and number. A
/// word's entries are numbered `entry * 2 + 1` when the word is in the entry's title.
/// Every file is compact JSON inside a call, with '<' written as \u003c so no text can
/// end a script. One part's files depend on that part alone (and its number), so the live
/// preview writes again only what an edit changes.
struct SearchPart {
    std::size_t entries = 0;
    std::string entries_json;  ///< the entries, each one line of compact JSON, joined by ",\n"
    search_words::PartWords words;

    /// The part of `entries` (its page and sections, in order).
    [[nodiscard]] static SearchPart of(const std::vector<SearchEntry>& entries);
    bool operator==(const SearchPart&) const = default;
};

/// The search files' names and text (see SearchPart).
namespace search_files {
/// "search/entries/N.js"
[[nodiscard]] std::string entries_path(std::size_t part);
/// "search/words/KEY.js"
[[nodiscard]] std::string words_path(std::uint32_t shard);
/// A part's entries file (its part has entries).
[[nodiscard]] std::string entries_file(std::size_t part, const SearchPart& p);
/// One part's piece of a word file: its number and its words (PartWords::piece).
struct WordPiece {
    std::size_t part;
    std::string_view text;
};
/// The word file of `shard` from the pieces of the parts that have words in it, in part
/// order.
[[nodiscard]] std::string word_file(std::uint32_t shard, const std::vector<WordPiece>& pieces);
/// search-index.js: how many entries each part has, and the shards that have words.
[[nodiscard]] std::string index_script(const std::vector<std::size_t>& entries_by_part,
                                       const std::vector<std::uint32_t>& shards);
/// Every search file of a site made of `parts`, in site order, the site's own pages' last
/// (path -> bytes): what SearchIndexWriter writes for them.
[[nodiscard]] std::map<std::string, std::string> all(const std::vector<const SearchPart*>& parts);
}  // namespace search_files

/// Appends `text` to `out` as a JSON string, quotes included: `"` and `\` escaped,
/// control characters as \n, \t, ... or \u00XX, '<' as \u003c (harmless inside a
/// script, "</script>" included), U+2028 and U+2029 as \u2028 and \u2029, and each
/// invalid UTF-8 sequence replaced by U+FFFD. With `squeeze_space`, runs of spaces, tabs
/// and line breaks become one space and none is kept at either end.
void append_json_string(std::string& out, std::string_view text, bool squeeze_space = false);

/// What render_index_pages leaves for writing the search files: the search page, and the
/// index entries of the pages that list everything.
struct SearchFrame {
    bool has_page = false;     ///< false when the page could not be laid out (reported)
    std::string page;          ///< search/index.html, which loads search-index.js
    /// Entries of the site's own pages (home, accessibility, 404): the last part of the
    /// index (the other parts' are written while the documents are rendered: SearchIndexWriter).
    SearchPart trailing;
};

/// What one part of the site (a partnership's own pages, or one document's pages) gives
/// the pages that list everything and the checks after rendering.
struct SitePart {
    std::vector<std::string> sitemap;             ///< its pages for sitemap.xml, in the order written
    SearchPart search;                            ///< its entries of the search index, in order
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
/// out and returned, with the entries of those pages for SearchIndexWriter::finish.
SearchFrame render_index_pages(SiteContext& site, const std::vector<const SitePart*>& parts, OutputSink& out);

/// The search files written while the site is rendered: each part's entries file as soon
/// as the part is finished, from whichever thread finished it; the word files and
/// search-index.js at the end, from every part's words. What it writes is what
/// search_files::all gives for the parts in order.
class SearchIndexWriter {
public:
    /// `parts`: how many parts the site has (partnerships and documents), the site's own
    /// pages not counted.
    SearchIndexWriter(OutputSink& out, std::size_t parts);
    ~SearchIndexWriter();
    SearchIndexWriter(const SearchIndexWriter&) = delete;
    SearchIndexWriter& operator=(const SearchIndexWriter&) = delete;

    /// Part `part`'s entries and words, once. Safe from several threads at once.
    void put(std::size_t part, SearchPart&& p);
    /// The site's own pages' part, after every other, and the files made of every part.
    /// Every part must have been put (std::logic_error otherwise).
    void finish(SearchPart&& trailing);

private:
    /// Keeps what the files made at the end need of part `part` (its words move out of `p`;
    /// with mutex_ held).
    void keep(std::size_t part, SearchPart&& p);
    /// Part `part`'s entries file, when it has entries.
    void write_entries(std::size_t part, const SearchPart& p);
    /// Writes one file, taking turns unless the output takes writes from several threads.
    void write(const std::string& path, std::string_view bytes);

    OutputSink& out_;
    std::mutex mutex_;
    std::mutex write_mutex_;
    std::vector<std::optional<std::size_t>> entries_;  ///< by part: its entries, once put
    std::vector<search_words::PartWords> words_;       ///< by part
};
/// Images and files from the content folders that pages link to (site path -> source).
/// Returns what was copied (site path -> bytes), for the leaflet PDFs to load.
std::map<std::string, std::string> copy_content_files(const std::map<std::string, std::string>& files,
                                                      OutputSink& out);

/// Reads the links and ids of a page planc wrote (a small tokenizer for its own HTML:
/// tags and attributes, with <script> and <style> skipped). Safe on any thread.
ScannedLinks scan_links(std::string_view html);

/// True for the paths the link check reads as pages ("....html").
bool is_html_path(std::string_view path);

/// The link check of a site kept up to date file by file (render_site uses it for a
/// whole site; the live preview for one part at a time). A page is scanned once when
/// written; `check` looks again only at pages written since the last check and at the
/// pages whose links reach a file added or removed, or a page whose ids changed.
class SiteLinkCheck {
public:
    /// `incremental`: pages will be written again after a check (the live preview), so
    /// who links where is kept to check again only what a change reaches. A build checks
    /// once, at the end, and keeps less.
    explicit SiteLinkCheck(std::string base_url, bool incremental = true);
    ~SiteLinkCheck();
    SiteLinkCheck(SiteLinkCheck&&) noexcept;
    SiteLinkCheck& operator=(SiteLinkCheck&&) noexcept;

    /// A file written (again); HTML pages are scanned for their links and ids.
    void write(const std::string& path, std::string_view bytes);
    /// A page written (again), already scanned (scan on worker threads, record here).
    void write_page(const std::string& path, ScannedLinks scanned);
    /// A file written that is not a page.
    void write_file(const std::string& path);
    /// A file no longer in the site.
    void remove(const std::string& path);
    /// Checks what changed since the last call (incremental), or every page (a build's one
    /// check, at its end). `origins` says where links came from in the sources (page path
    /// + '\n' + href), as SiteContext::link_origins.
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
/// Lays out the search page (frame.page).
void layout_search_page(SiteContext& site, SearchFrame& frame);
void write_not_found_page(SiteContext& site, OutputSink& out);
/// sitemap.xml with absolute URLs, when the base URL is absolute (sitemap_files).
void write_sitemap(SiteContext& site, OutputSink& out);
/// The most URLs one sitemap file may list (sitemaps.org: 50,000).
constexpr std::size_t kSitemapMostUrls = 50000;
/// The sitemap of `pages` (site paths, in order) under `base`: sitemap.xml listing them
/// all, or, past `most_per_file` pages, sitemap.xml as a <sitemapindex> of sitemap-1.xml,
/// sitemap-2.xml, ... of `most_per_file` pages each. None without an absolute base URL.
[[nodiscard]] std::map<std::string, std::string> sitemap_files(const std::string& base,
                                                               const std::vector<std::string>& pages,
                                                               std::size_t most_per_file);

/// Makes leaflet.pdf beside each page given (site path -> HTML for printing), with
/// weasyprint, which may load `resources` (site path -> bytes: the theme's assets and the
/// content files). Returns the PDFs made, by site path; failures are reported as
/// diagnostics.
std::map<std::string, std::string> make_leaflet_pdfs(const std::map<std::string, std::string>& print_pages,
                                                     const std::map<std::string, std::string>& resources,
                                                     Diagnostics& diags);
/// True when the weasyprint program can be found on PATH.
bool weasyprint_available();

/// The path part of the base URL, where the site's root is on its host
/// ("https://x.gov.uk/plans/" -> "/plans/"; "/" when there is none).
std::string site_root_path(const std::string& base_url);

/// The date the content was last changed, for the accessibility statement: the newest
/// approval date or document year in the project ("March 2020"); empty if none.
std::string content_date_words(const Project& project);

}  // namespace planc
