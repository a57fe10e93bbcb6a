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

bool name_clashes(const Project& project, Diagnostics& diags) {
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

/// Images and files from the content folders that the pages link to.
void copy_content_files(const SiteContext& site, OutputSink& out) {
    for (const auto& [site_path, source] : site.content_files) {
        std::ifstream in(source, std::ios::binary);
        if (!in) continue;  // the link check reports the broken link
        std::ostringstream bytes;
        bytes << in.rdbuf();
        out.write(site_path, bytes.str());
    }
}

}  // namespace

void RecordingOutput::write(const std::string& path, std::string_view bytes) {
    inner_.write(path, bytes);
    paths_.insert(path);
    files_[path] = std::string(bytes);
}

void render_pages(const Project& project, RecordingOutput& out, Diagnostics& diags, const RenderOptions& options) {
    if (name_clashes(project, diags)) return;
    Theme theme = load_theme(project.root, project.settings.theme, diags);
    if (diags.has_errors()) return;
    SiteContext site{project, theme, diags, {}, {}, {}, {}, {}, {}};
    copy_theme_assets(theme, out);

    bool pdf = options.pdf && weasyprint_available();
    write_home_page(site, out);
    for (const Partnership& p : project.partnerships) {
        write_partnership_page(site, p, out);
        if (!p.glossary.empty()) write_glossary_page(site, p, out);
        for (const Document& d : p.documents) {
            write_document_page(site, p, d, out);
            if (d.kind != DocumentKind::Plan) continue;
            write_priority_pages(site, p, d, out);
            write_targets_page(site, p, d, out);
            write_leaflet_page(site, p, d, pdf, out);
        }
    }
    write_accessibility_page(site, out);
    write_not_found_page(site, out);
    write_search_page(site, out);
    write_sitemap(site, out);
    copy_content_files(site, out);
    out.link_origins.insert(site.link_origins.begin(), site.link_origins.end());

    if (pdf) {
        for (const auto& [path, bytes] : make_leaflet_pdfs(site.print_pages, out, diags)) out.write(path, bytes);
    }
}

void render_site(const Project& project, OutputSink& out, Diagnostics& diags, const RenderOptions& options) {
    RecordingOutput recorder(out);
    for (const Partnership& partnership : project.partnerships) {
        for (const Document& doc : partnership.documents) {
            std::string base = paths::document_dir(partnership, doc);
            recorder.write(base + "plan.json", dump_json(document_to_json(doc, partnership)));
            recorder.write(base + "targets.csv", targets_csv(doc, partnership));
            recorder.write(base + "targets.csv-metadata.json", targets_csv_metadata(doc, partnership));
        }
    }
    Diagnostics page_diags;
    render_pages(project, recorder, page_diags, options);
    bool failed = page_diags.has_errors();
    diags.append(page_diags);
    if (!failed) check_site_links(recorder, project, diags);
}

}  // namespace planc
