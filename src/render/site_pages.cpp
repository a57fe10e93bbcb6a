// The site as ordered steps: theme, assets, pages, search, sitemap, leaflet PDFs, and
// the link check over everything written.

#include <boost/filesystem.hpp>

#include <fstream>
#include <sstream>

#include "planc/data_output.hpp"
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
    part.search.append(site.search);
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

void copy_content_files(const std::map<std::string, std::string>& files, OutputSink& out) {
    for (const auto& [site_path, source] : files) {
        std::ifstream in(source, std::ios::binary);
        if (!in) continue;  // the link check reports the broken link
        std::ostringstream bytes;
        bytes << in.rdbuf();
        out.write(site_path, bytes.str());
    }
}

void write_document_data(const Partnership& p, const Document& d, OutputSink& out) {
    std::string base = paths::document_dir(p, d);
    out.write(base + "plan.json", dump_json(document_to_json(d, p)));
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
    // The sitemap and the search index list pages in the order a whole build writes
    // them: home, every part, then the site's own pages.
    SearchFrame frame;
    site.search.clear();
    site.sitemap.clear();
    write_home_page(site, out);
    frame.leading.append(site.search);
    site.search.clear();
    for (const SitePart* part : parts) site.sitemap.insert(site.sitemap.end(), part->sitemap.begin(), part->sitemap.end());
    write_accessibility_page(site, out);
    write_not_found_page(site, out);
    frame.trailing.append(site.search);
    site.search.clear();
    layout_search_page(site, frame);
    write_sitemap(site, out);
    return frame;
}

void RecordingOutput::write(const std::string& path, std::string_view bytes) {
    inner_.write(path, bytes);
    paths_.insert(path);
    files_[path] = std::string(bytes);
}

void render_pages(const Project& project, RecordingOutput& out, Diagnostics& diags, const RenderOptions& options) {
    if (site_name_clashes(project, diags)) return;
    Theme theme = load_theme(project.root, project.settings.theme, diags);
    if (diags.has_errors()) return;
    SiteContext site{project, theme, diags, {}, {}, {}, {}, {}, {}};
    copy_theme_assets(theme, out);

    bool pdf = options.pdf && weasyprint_available();
    std::vector<SitePart> parts;
    for (const Partnership& p : project.partnerships) {
        parts.push_back(render_partnership_part(site, p, out));
        for (const Document& d : p.documents) parts.push_back(render_document_part(site, p, d, pdf, out));
    }
    std::vector<const SitePart*> in_order;
    std::map<std::string, std::string> content_files;
    std::map<std::string, std::string> print_pages;
    for (const SitePart& part : parts) {
        in_order.push_back(&part);
        content_files.insert(part.content_files.begin(), part.content_files.end());
        print_pages.insert(part.print_pages.begin(), part.print_pages.end());
        out.link_origins.insert(part.link_origins.begin(), part.link_origins.end());
    }
    SearchFrame search = render_index_pages(site, in_order, out);
    std::vector<const SearchIndexText*> entries;
    for (const SitePart& part : parts) entries.push_back(&part.search);
    write_search_files(search, entries, out);
    content_files.insert(site.content_files.begin(), site.content_files.end());
    out.link_origins.insert(site.link_origins.begin(), site.link_origins.end());
    copy_content_files(content_files, out);

    if (pdf) {
        for (const auto& [path, bytes] : make_leaflet_pdfs(print_pages, out, diags)) out.write(path, bytes);
    }
}

void render_site(const Project& project, OutputSink& out, Diagnostics& diags, const RenderOptions& options) {
    RecordingOutput recorder(out);
    for (const Partnership& partnership : project.partnerships)
        for (const Document& doc : partnership.documents) write_document_data(partnership, doc, recorder);
    Diagnostics page_diags;
    render_pages(project, recorder, page_diags, options);
    bool failed = page_diags.has_errors();
    diags.append(page_diags);
    if (!failed) check_site_links(recorder, project, diags);
}

}  // namespace planc
