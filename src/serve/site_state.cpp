// The live preview's site: loading, what a change touches, and publishing (see
// site_state.hpp; rendering in site_output.cpp, checks in site_checks.cpp).

#include "serve/site_state.hpp"

#include <time.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <utility>

#include "planc/load.hpp"
#include "planc/parse.hpp"

namespace fs = boost::filesystem;

namespace planc::serve {

namespace {

/// The loader's rule for folder and file names (they become URLs).
bool valid_name(const std::string& name) {
    if (name.empty() || name.front() == '-' || name.back() == '-') return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string file_name(const std::string& path) {
    std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

/// Splits "content/melton/2009-10.md" into {"melton", "2009-10.md"}.
std::vector<std::string> content_segments(const std::string& path) {
    std::vector<std::string> out;
    std::size_t start = std::string("content/").size();
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        out.push_back(path.substr(start, slash - start));
        start = slash + 1;
    }
    return out;
}

std::chrono::microseconds cpu_time(clockid_t clock) {
    timespec t{};
    ::clock_gettime(clock, &t);
    return std::chrono::seconds(t.tv_sec) +
           std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::nanoseconds(t.tv_nsec));
}

}  // namespace

SiteState::SiteState(std::string root) : root_(std::move(root)) {}
SiteState::~SiteState() = default;

void SiteState::step(Rebuild& r, const char* name) {
    auto now = std::chrono::steady_clock::now();
    auto cpu = cpu_time(CLOCK_THREAD_CPUTIME_ID);
    r.steps.push_back(
        {name, std::chrono::duration_cast<std::chrono::microseconds>(now - lap_), cpu - lap_cpu_});
    lap_ = now;
    lap_cpu_ = cpu;
}

Rebuild SiteState::build_everything() {
    started_ = lap_ = std::chrono::steady_clock::now();
    lap_cpu_ = cpu_time(CLOCK_THREAD_CPUTIME_ID);
    started_cpu_ = cpu_time(CLOCK_PROCESS_CPUTIME_ID);
    Rebuild r;
    r.what = "everything";
    Diagnostics loaded;
    project_ = load_project(root_, loaded);
    source_findings_.clear();
    for (const Diagnostic& d : loaded.items()) source_findings_[d.location.file].add(d);
    reset_link_targets();
    step(r, "load");
    std::unique_ptr<CheckRun> checks = start_checks(std::nullopt);
    site_findings_ = Diagnostics();
    renderable_ = !site_name_clashes(project_, site_findings_);
    theme_ = std::make_unique<Theme>();
    if (renderable_) *theme_ = load_theme(project_.root, project_.settings.theme, site_findings_);
    if (site_findings_.has_errors()) renderable_ = false;

    parts_.clear();
    index_ = RenderedPart();
    search_trailing_ = RenderedPart();
    search_changed_ = true;
    search_numbering_.clear();
    search_dirty_shards_.clear();
    search_shards_.clear();
    theme_assets_ = RenderedPart();
    content_files_.clear();
    content_files_changed_ = true;
    origins_.clear();
    files_.clear();
    links_ = std::make_unique<SiteLinkCheck>(project_.settings.base_url);
    unpublished_.clear();
    everything_unpublished_ = true;
    if (renderable_) {
        render_theme_assets(r);
        render_all_parts(r);
        step(r, "render");
        render_index(r);
        refresh_content_files({});
        step(r, "content files");
    }
    Diagnostics checked = finish_checks(*checks);
    step(r, "checks (waited)");
    finish(r, std::move(checked), std::nullopt);
    return r;
}

bool SiteState::reparse_document(Partnership& p, const std::string& slug) {
    std::string display = "content/" + p.slug + "/" + slug + ".md";
    fs::path file = fs::path(project_.root) / display;
    auto at = std::find_if(p.documents.begin(), p.documents.end(),
                           [&](const Document& d) { return d.path == display; });
    boost::system::error_code ec;
    if (!fs::exists(fs::symlink_status(file, ec))) {
        if (at != p.documents.end()) {
            drop_part(key_of(*at));
            p.documents.erase(at);
        }
        source_findings_.erase(display);
        references_.erase(display);
        return false;
    }
    Diagnostics found;
    std::string text;
    Document doc;
    if (read_text_file(file.string(), display, text, found))
        doc = parse_document(display, std::move(text), found);
    else
        doc.path = display;
    if (found.items().empty())
        source_findings_.erase(display);
    else
        source_findings_[display] = std::move(found);
    note_references(display, doc.source);
    if (at != p.documents.end()) {
        *at = std::move(doc);
        return true;
    }
    // The loader's order: by file name.
    std::string name = file_name(display);
    auto before = std::find_if(p.documents.begin(), p.documents.end(),
                               [&](const Document& d) { return file_name(d.path) > name; });
    p.documents.insert(before, std::move(doc));
    return true;
}

bool SiteState::reparse_index(Partnership& p) {
    fs::path file = fs::path(project_.root) / p.index_path;
    boost::system::error_code ec;
    fs::file_status status = fs::symlink_status(file, ec);
    if (!fs::is_regular_file(status)) return false;  // gone, or a link: the loader's rules apply
    Diagnostics found;
    std::string text;
    Partnership fresh;
    if (read_text_file(file.string(), p.index_path, text, found))
        fresh = parse_partnership_index(p.index_path, std::move(text), found);
    fresh.slug = p.slug;
    fresh.index_path = p.index_path;
    fresh.documents = std::move(p.documents);
    p = std::move(fresh);
    note_references(p.index_path, p.source);
    if (found.items().empty())
        source_findings_.erase(p.index_path);
    else
        source_findings_[p.index_path] = std::move(found);
    return true;
}

Rebuild SiteState::apply(const ChangeBatch& batch) {
    auto everything = [&] { return build_everything(); };
    if (batch.overflow || !renderable_) return everything();
    auto find_partnership = [&](const std::string& slug) -> Partnership* {
        for (Partnership& p : project_.partnerships)
            if (p.slug == slug) return &p;
        return nullptr;
    };
    std::set<std::pair<std::string, std::string>> documents;  // partnership, document slug
    std::set<std::string> indexes;
    std::set<std::string> touched;
    for (const std::string& path : batch.paths) {
        if (path == "planc.yml" || path == "themes" || path.rfind("themes/", 0) == 0 || path == "content")
            return everything();
        if (path.rfind("content/", 0) != 0) continue;
        std::vector<std::string> segments = content_segments(path);
        boost::system::error_code ec;
        fs::file_status status = fs::symlink_status(fs::path(project_.root) / path, ec);
        Partnership* p = find_partnership(segments[0]);
        if (segments.size() == 1) {
            // A partnership folder came, went or was renamed.
            if (p || fs::is_directory(status) || fs::is_symlink(status)) return everything();
            continue;
        }
        if (!p) {
            if (fs::exists(fs::symlink_status(fs::path(project_.root) / "content" / segments[0], ec)))
                return everything();
            continue;
        }
        const std::string& name = segments[1];
        if (segments.size() > 2 || name.size() < 4 || name.compare(name.size() - 3, 3, ".md") != 0) {
            touched.insert(path);  // an image or download the pages may link to
            continue;
        }
        bool gone = !fs::exists(status);
        bool odd = !gone && (fs::is_symlink(status) || !fs::is_regular_file(status));
        if (name == "_index.md") {
            if (gone || odd) return everything();
            indexes.insert(p->slug);
            continue;
        }
        std::string slug = name.substr(0, name.size() - 3);
        if (!valid_name(slug) || odd) return everything();  // the loader reports or skips these
        documents.emplace(p->slug, slug);
    }

    Rebuild r;
    bool touches_content = false;
    for (const std::string& path : touched) {
        for (const auto& [site_path, source] : content_files_)
            if (source == project_.root + "/" + path) touches_content = true;
    }
    if (documents.empty() && indexes.empty() && !touches_content) {
        r.nothing = true;
        return r;
    }
    started_ = lap_ = std::chrono::steady_clock::now();
    lap_cpu_ = cpu_time(CLOCK_THREAD_CPUTIME_ID);
    started_cpu_ = cpu_time(CLOCK_PROCESS_CPUTIME_ID);
    std::set<std::string> partnerships_to_render(indexes);
    for (const std::string& slug : indexes) reparse_index(*find_partnership(slug));
    for (const auto& [partnership, slug] : documents) {
        Partnership& p = *find_partnership(partnership);
        reparse_document(p, slug);
        partnerships_to_render.insert(partnership);
    }
    std::set<std::string> document_paths;
    for (const auto& [partnership, slug] : documents)
        document_paths.insert("content/" + partnership + "/" + slug + ".md");
    refresh_link_targets(document_paths, indexes);
    // A changed image may be named by any document: then every partnership is checked.
    std::optional<std::set<std::string>> to_check;
    if (!touches_content) to_check = partnerships_to_check(partnerships_to_render);
    step(r, "parse");
    std::unique_ptr<CheckRun> checks = start_checks(to_check);
    for (const std::string& slug : partnerships_to_render) {
        // A partnership's own page lists its documents; its name and glossary are on every
        // page of its documents. (It is being checked meanwhile: rendered from the check's
        // project, which holds it until finish_checks.)
        const Partnership* lent = checks->find(slug);
        const Partnership& p = lent ? *lent : *find_partnership(slug);
        render_partnership(p, r);
        for (const Document& d : p.documents)
            if (indexes.count(slug) || document_paths.count(d.path)) render_document(p, d, r);
    }
    step(r, "render");
    Diagnostics checked = finish_checks(*checks);
    step(r, "checks (waited)");
    if (!documents.empty() || !indexes.empty()) render_index(r);
    refresh_content_files(touched);
    step(r, "content files");

    if (documents.size() == 1 && indexes.empty())
        r.what = documents.begin()->first + "/" + documents.begin()->second;
    else if (documents.empty() && indexes.size() == 1)
        r.what = *indexes.begin();
    else if (documents.empty() && indexes.empty())
        r.what = "content files";
    else if (indexes.empty())
        r.what = std::to_string(documents.size()) + " documents";
    else
        r.what = std::to_string(documents.size() + indexes.size()) + " files";
    finish(r, std::move(checked), to_check);
    return r;
}

void SiteState::finish(Rebuild& r, Diagnostics checks, const std::optional<std::set<std::string>>& checked) {
    keep_check_findings(std::move(checks), checked, r);
    links_->check(origins_);
    step(r, "link check");
    Diagnostics link_findings;
    links_->report(link_findings);
    auto collect = [&r](const Diagnostics& found) {
        for (const Diagnostic& d : found.items()) {
            if (d.severity == Severity::Error)
                r.errors.add(d);
            else if (d.severity == Severity::Warning)
                ++r.warnings;
        }
    };
    for (const auto& [file, found] : source_findings_) collect(found);
    collect(site_findings_);
    for (const auto& [slug, found] : check_findings_) collect(found);
    collect(theme_assets_.findings);
    for (const auto& [key, slot] : parts_) collect(slot.findings);
    collect(index_.findings);
    collect(link_findings);
    r.errors.sort();
    step(r, "findings");
    if (r.errors.items().empty() && renderable_) {
        // A whole copy after a whole build, or when the changes kept apart grow large;
        // otherwise the last site and what changed since.
        auto site = std::make_shared<PublishedSite>();
        if (everything_unpublished_ || !published_ || !published_->base ||
            published_->changes.size() + unpublished_.size() > files_.size() / 8 + 64) {
            site->base = std::make_shared<const SiteFiles>(files_);
        } else {
            site->base = published_->base;
            site->changes = published_->changes;
            for (const std::string& path : unpublished_) {
                auto it = files_.find(path);
                site->changes[path] = it == files_.end() ? nullptr : it->second;
            }
        }
        published_ = std::move(site);
        r.published = true;
        r.everything = everything_unpublished_;
        r.changed.assign(unpublished_.begin(), unpublished_.end());
        unpublished_.clear();
        everything_unpublished_ = false;
    }
    step(r, "publish");
    r.took =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started_);
    r.cpu = cpu_time(CLOCK_PROCESS_CPUTIME_ID) - started_cpu_;
}

}  // namespace planc::serve
