// The site as ordered steps: theme, assets, every partnership's and document's pages (on
// every core), then the pages that list them all, search, sitemap, leaflet PDFs, and the
// link check over everything written.

#include <boost/filesystem.hpp>

#include <exception>
#include <fstream>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <sstream>
#include <utility>

#include "planc/build.hpp"
#include "planc/data_output.hpp"
#include "planc/parallel.hpp"
#include "render/pages.hpp"
#include "render/site_paths.hpp"
#include "render/theme.hpp"

namespace fs = boost::filesystem;

namespace planc {

namespace {

/// Names the site itself uses at the top level and inside a partnership folder.
const std::set<std::string> kReservedTopLevel = {"accessibility", "assets", "search"};
const std::set<std::string> kReservedInPartnership = {"glossary"};

/// Moves what the pages just written collected out of the context, into a part.
SitePart take_part(SiteContext& site) {
    SitePart part;
    part.sitemap = std::move(site.sitemap);
    part.search = SearchPart::of(site.search);
    part.link_origins = std::move(site.link_origins);
    part.content_files = std::move(site.content_files);
    part.print_pages = std::move(site.print_pages);
    site.sitemap.clear();
    site.search.clear();
    site.link_origins.clear();
    site.content_files.clear();
    site.print_pages.clear();
    return part;
}

}  // namespace

bool site_name_clashes(const Project& project, Diagnostics& diags) {
    bool clash = false;
    for (const Partnership& p : project.partnerships) {
        if (kReservedTopLevel.count(p.slug)) {
            diags.report(DiagCode::E003,
                         "the folder name `" + p.slug + "` is used by the site itself: rename the partnership folder",
                         {p.index_path, Span{}});
            clash = true;
        }
        for (const Document& d : p.documents) {
            if (!kReservedInPartnership.count(d.slug)) continue;
            diags.report(DiagCode::E003,
                         "the file name `" + d.slug + ".md` would replace the partnership's " + d.slug +
                             " page: rename the file",
                         {d.path, Span{1, 1, 1, 1}});
            clash = true;
        }
    }
    return clash;
}

void copy_theme_assets(const Theme& theme, OutputSink& out) {
    for (const ThemeAsset& a : theme.assets) out.write(paths::kAssets + a.path, a.bytes);
}

std::map<std::string, std::string> copy_content_files(const std::map<std::string, std::string>& files,
                                                      OutputSink& out) {
    std::map<std::string, std::string> copied;
    for (const auto& [site_path, source] : files) {
        std::ifstream in(source, std::ios::binary);
        if (!in) continue;  // the link check reports the broken link
        std::ostringstream bytes;
        bytes << in.rdbuf();
        out.write(site_path, bytes.str());
        copied.emplace(site_path, bytes.str());
    }
    return copied;
}

void write_document_data(const Partnership& p, const Document& d, OutputSink& out) {
    std::string base = paths::document_dir(p, d);
    out.write(base + "plan.json", document_json_text(d, p));
    out.write(base + "targets.csv", targets_csv(d, p));
    out.write(base + "targets.csv-metadata.json", targets_csv_metadata(d, p));
}

SitePart render_partnership_part(SiteContext& site, const Partnership& p, OutputSink& out) {
    take_part(site);
    write_partnership_page(site, p, out);
    if (!p.glossary.empty()) write_glossary_page(site, p, out);
    return take_part(site);
}

SitePart render_document_part(SiteContext& site, const Partnership& p, const Document& d, bool with_pdf,
                              OutputSink& out) {
    take_part(site);
    write_document_page(site, p, d, out);
    if (d.kind == DocumentKind::Plan) {
        write_priority_pages(site, p, d, out);
        write_targets_page(site, p, d, out);
        write_leaflet_page(site, p, d, with_pdf, out);
    }
    return take_part(site);
}

SearchFrame render_index_pages(SiteContext& site, const std::vector<const SitePart*>& parts, OutputSink& out) {
    // The sitemap lists pages in the order a whole build writes them: home, every part,
    // then the site's own pages. The search index has every part's entries, then those of
    // the site's own pages (home among them: it holds none today).
    SearchFrame frame;
    site.search.clear();
    site.sitemap.clear();
    write_home_page(site, out);
    for (const SitePart* part : parts) site.sitemap.insert(site.sitemap.end(), part->sitemap.begin(), part->sitemap.end());
    write_accessibility_page(site, out);
    write_not_found_page(site, out);
    frame.trailing = SearchPart::of(site.search);
    site.search.clear();
    layout_search_page(site, frame);
    write_sitemap(site, out);
    return frame;
}

namespace {

/// Where the parts of the site are written from, several threads at once: passes each
/// file on to the real output and keeps what the link check needs of it (a page's links
/// and ids, read on the writing thread), never the bytes, so memory stays small.
class SiteWriter final : public OutputSink {
public:
    SiteWriter(OutputSink& out, SiteLinkCheck& links) : out_(out), links_(links) {}

    void write(const std::string& path, std::string_view bytes) override {
        std::optional<ScannedLinks> scanned;
        if (is_html_path(path)) scanned = scan_links(bytes);
        write_through([&] { out_.write(path, bytes); });
        std::lock_guard<std::mutex> lock(links_mutex_);
        if (scanned)
            links_.write_page(path, std::move(*scanned));
        else
            links_.write_file(path);
    }
    void write_page(const std::string& path, std::string_view bytes, ScannedLinks&& links) override {
        if (!is_html_path(path)) {  // a page named otherwise is checked as any file
            write(path, bytes);
            return;
        }
        write_through([&] { out_.write(path, bytes); });
        std::lock_guard<std::mutex> lock(links_mutex_);
        links_.write_page(path, std::move(links));
    }
    void write_parts(const std::string& path, const std::vector<std::string_view>& parts) override {
        if (is_html_path(path)) {  // pages are scanned whole
            OutputSink::write_parts(path, parts);
            return;
        }
        write_through([&] { out_.write_parts(path, parts); });
        std::lock_guard<std::mutex> lock(links_mutex_);
        links_.write_file(path);
    }
    [[nodiscard]] bool concurrent_writes() const override { return true; }

private:
    /// Passes one write on to the output, taking turns unless it takes writes from
    /// several threads. Once one write has failed (a full disk), every later write fails
    /// with the same error without touching the output: the build stops as soon as it
    /// can, whichever thread is writing, and says why once.
    template <class Write>
    void write_through(Write&& write) {
        {
            std::lock_guard<std::mutex> lock(error_mutex_);
            if (first_error_) std::rethrow_exception(first_error_);
        }
        try {
            if (out_.concurrent_writes()) {
                write();
            } else {
                std::lock_guard<std::mutex> lock(out_mutex_);
                write();
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(error_mutex_);
            if (!first_error_) first_error_ = std::current_exception();
            std::rethrow_exception(first_error_);
        }
    }

    OutputSink& out_;
    SiteLinkCheck& links_;
    std::mutex out_mutex_;
    std::mutex links_mutex_;
    std::mutex error_mutex_;
    std::exception_ptr first_error_;
};

/// Adds findings made on several threads in part order, once each: every part reports a
/// theme fault (an unknown template value) it meets, and the author needs it only once.
void append_once(Diagnostics& into, const Diagnostics& from, std::set<std::string>& seen) {
    for (const Diagnostic& d : from.items()) {
        const Span& s = d.location.span;
        std::string key = std::string(info(d.code).code) + '\n' + d.location.file + '\n' + std::to_string(s.line) +
                          ':' + std::to_string(s.column) + '\n' + d.message;
        if (seen.insert(key).second) into.add(d);
    }
}

/// The bytes of the files the leaflet PDFs may load: the theme's assets and the content
/// files already copied into the site.
std::map<std::string, std::string> print_resources(const Theme& theme, std::map<std::string, std::string> content) {
    for (const ThemeAsset& a : theme.assets) content.emplace(paths::kAssets + a.path, a.bytes);
    return content;
}

}  // namespace

struct SiteRender::State {
    State(const Project& p, OutputSink& out, Diagnostics& d, bool with_pdf, std::size_t documents)
        : project(p), diags(d), links(p.settings.base_url, false), writer(out, links), document_parts(documents),
          document_diags(documents), partnership_parts(p.partnerships.size()),
          partnership_diags(p.partnerships.size()), partnership_rendered(p.partnerships.size(), 0) {
        // Findings already made (a load that failed) mean no site, as in render_site.
        bool failed_before = diags.has_errors();
        theme = load_theme(project.root, project.settings.theme, theme_diags);
        rendering = !failed_before && !theme_diags.has_errors();
        if (!rendering) return;
        copy_theme_assets(theme, writer);
        pdf = with_pdf && weasyprint_available();
        search_index = std::make_unique<SearchIndexWriter>(writer, documents + p.partnerships.size());
    }

    const Project& project;
    Diagnostics& diags;
    Theme theme;
    Diagnostics theme_diags;   ///< reported by finish, after the name clashes
    bool rendering = false;    ///< false: the theme failed to load, nothing is rendered
    bool pdf = false;
    SiteLinkCheck links;
    SiteWriter writer;
    std::vector<SitePart> document_parts;       ///< by document, in project order
    std::vector<Diagnostics> document_diags;
    std::vector<SitePart> partnership_parts;    ///< by partnership, in project order
    std::vector<Diagnostics> partnership_diags;
    std::vector<char> partnership_rendered;     ///< each written only by its partnership's thread
    std::unique_ptr<SearchIndexWriter> search_index;

    /// A part's place in site order (each partnership, then its documents), for the
    /// search index. Documents are numbered in project order; partnership `k` comes just
    /// before its first document.
    [[nodiscard]] std::size_t partnership_slot(std::size_t k) const {
        std::size_t documents_before = 0;
        for (std::size_t j = 0; j < k; ++j) documents_before += project.partnerships[j].documents.size();
        return documents_before + k;
    }
    [[nodiscard]] std::size_t document_slot(std::size_t index, const Partnership& partnership) const {
        return index + static_cast<std::size_t>(&partnership - project.partnerships.data()) + 1;
    }

    void render_partnership(std::size_t index) {
        SiteContext site{project, theme, partnership_diags[index], {}, {}, {}, {}, {}, {}};
        partnership_parts[index] = render_partnership_part(site, project.partnerships[index], writer);
        partnership_rendered[index] = 1;
        search_index->put(partnership_slot(index), std::exchange(partnership_parts[index].search, {}));
    }
};

SiteRender::SiteRender(const Project& project, OutputSink& out, Diagnostics& diags, const BuildOptions& options,
                       std::size_t documents)
    : state_(std::make_unique<State>(project, out, diags, options.leaflet_pdf, documents)) {}

SiteRender::~SiteRender() = default;

void SiteRender::render_document(std::size_t index, const Partnership& partnership, const Document& doc) {
    State& s = *state_;
    if (index >= s.document_parts.size()) throw std::logic_error("SiteRender: document index out of range");
    if (doc.outline_only) throw std::logic_error("SiteRender: " + doc.path + " is only an outline");
    if (!s.rendering) return;
    SiteContext site{s.project, s.theme, s.document_diags[index], {}, {}, {}, {}, {}, {}};
    write_document_data(partnership, doc, s.writer);
    s.document_parts[index] = render_document_part(site, partnership, doc, s.pdf, s.writer);
    s.search_index->put(s.document_slot(index, partnership), std::exchange(s.document_parts[index].search, {}));
}

void SiteRender::render_partnership(std::size_t index) {
    State& s = *state_;
    if (index >= s.partnership_parts.size()) throw std::logic_error("SiteRender: partnership index out of range");
    if (!s.rendering) return;
    s.render_partnership(index);
}

void SiteRender::finish() {
    State& s = *state_;
    const Project& project = s.project;
    Diagnostics& diags = s.diags;
    if (site_name_clashes(project, diags)) return;
    diags.append(s.theme_diags);
    if (!s.rendering) return;

    // The partnerships' own pages not written during the pass over the documents (they
    // list their documents, which may be outlines by now: only their front matter is
    // read), one job each.
    const std::size_t partnerships = project.partnerships.size();
    if (s.partnership_parts.size() != partnerships)
        throw std::logic_error("SiteRender: the project has more partnerships than announced");
    std::vector<std::size_t> to_render;
    for (std::size_t i = 0; i < partnerships; ++i)
        if (!s.partnership_rendered[i]) to_render.push_back(i);
    parallel_for(to_render.size(), [&](std::size_t i) { s.render_partnership(to_render[i]); });
    std::vector<SitePart>& partnership_parts = s.partnership_parts;
    std::vector<Diagnostics>& partnership_diags = s.partnership_diags;

    // Parts and findings in site order, the same whichever thread made them: each
    // partnership, then its documents.
    std::vector<SitePart*> parts;
    std::vector<Diagnostics*> part_diags;
    std::size_t next_document = 0;
    for (std::size_t i = 0; i < partnerships; ++i) {
        parts.push_back(&partnership_parts[i]);
        part_diags.push_back(&partnership_diags[i]);
        for (std::size_t d = 0; d < project.partnerships[i].documents.size(); ++d, ++next_document) {
            if (next_document >= s.document_parts.size())
                throw std::logic_error("SiteRender: the project has more documents than announced");
            parts.push_back(&s.document_parts[next_document]);
            part_diags.push_back(&s.document_diags[next_document]);
        }
    }

    Diagnostics page_diags;
    std::set<std::string> seen;
    std::vector<const SitePart*> in_order;
    std::map<std::string, std::string> content_files;
    std::map<std::string, std::string> print_pages;
    std::map<std::string, Location> link_origins;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        SitePart& part = *parts[i];
        append_once(page_diags, *part_diags[i], seen);
        in_order.push_back(&part);
        // Moved, not copied (the first of equal keys wins, as with insert): a leaflet's
        // print copy or a page's link origins are kept once.
        content_files.merge(part.content_files);
        print_pages.merge(part.print_pages);
        link_origins.merge(part.link_origins);
        part.content_files.clear();
        part.print_pages.clear();
        part.link_origins.clear();
    }

    Diagnostics index_diags;
    SiteContext site{project, s.theme, index_diags, {}, {}, {}, {}, {}, {}};
    SearchFrame search = render_index_pages(site, in_order, s.writer);
    // Every part's entries file is written by now: the site's own pages are the last
    // part, then come the word files and search-index.js.
    s.search_index->finish(std::move(search.trailing));
    if (search.has_page) s.writer.write(paths::kSearch, search.page);
    append_once(page_diags, index_diags, seen);
    content_files.insert(site.content_files.begin(), site.content_files.end());
    link_origins.insert(site.link_origins.begin(), site.link_origins.end());
    std::map<std::string, std::string> copied = copy_content_files(content_files, s.writer);

    if (s.pdf) {
        std::map<std::string, std::string> pdfs =
            make_leaflet_pdfs(print_pages, print_resources(s.theme, std::move(copied)), page_diags);
        for (const auto& [path, bytes] : pdfs) s.writer.write(path, bytes);
    }
    bool failed = page_diags.has_errors();
    diags.append(page_diags);
    if (failed) return;
    s.links.check(link_origins);
    s.links.report(diags);
}

void render_site(const Project& project, OutputSink& out, Diagnostics& diags, const RenderOptions& options) {
    if (site_name_clashes(project, diags)) return;
    std::vector<DocumentRef> docs = documents_in_order(project);
    BuildOptions build;
    build.leaflet_pdf = options.pdf;
    SiteRender site(project, out, diags, build, docs.size());
    // Every document's pages on every core; each has its own findings, merged by finish
    // in site order: the same site and findings as one thread gives.
    parallel_for(docs.size(), [&](std::size_t i) { site.render_document(i, *docs[i].partnership, *docs[i].document); });
    site.finish();
}

}  // namespace planc
