// The live preview's site, rebuilt part by part (see site_state.hpp).

#include "serve/site_state.hpp"

#include <boost/filesystem.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <utility>

#include "planc/check.hpp"
#include "planc/load.hpp"
#include "planc/parse.hpp"
#include "render/site.hpp"

namespace fs = boost::filesystem;

namespace planc::serve {

namespace {

/// The loader's rule for folder and file names (they become URLs).
bool valid_name(const std::string& name) {
    if (name.empty() || name.front() == '-' || name.back() == '-') return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string document_key(const Document& d) { return "d/" + d.path; }
std::string partnership_key(const Partnership& p) { return "p/" + p.slug; }

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

}  // namespace

/// Keeps what a renderer writes, to be compared with what the part had before.
class SiteState::PartOutput final : public OutputSink {
public:
    void write(const std::string& path, std::string_view bytes) override { files.emplace_back(path, std::string(bytes)); }
    std::vector<std::pair<std::string, std::string>> files;
};

SiteState::SiteState(std::string root) : root_(std::move(root)) {}
SiteState::~SiteState() = default;

void SiteState::put_file(const std::string& path, std::string bytes) {
    auto it = files_.find(path);
    if (it != files_.end() && *it->second == bytes) return;
    links_->write(path, bytes);
    files_[path] = std::make_shared<const std::string>(std::move(bytes));
    unpublished_.insert(path);
}

void SiteState::remove_file(const std::string& path) {
    if (!files_.erase(path)) return;
    links_->remove(path);
    unpublished_.insert(path);
}

void SiteState::store(RenderedPart& slot, PartOutput& out, Rebuild& r) {
    std::set<std::string> fresh;
    for (auto& [path, bytes] : out.files) {
        if (path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0) ++r.pages_rendered;
        fresh.insert(path);
        put_file(path, std::move(bytes));
    }
    for (const std::string& old : slot.files)
        if (!fresh.count(old)) remove_file(old);
    slot.files = std::move(fresh);
}

void SiteState::store_origins(RenderedPart& slot, SitePart fresh) {
    for (const auto& [key, where] : slot.part.link_origins) origins_.erase(key);
    origins_.insert(fresh.link_origins.begin(), fresh.link_origins.end());
    slot.part = std::move(fresh);
}

void SiteState::render_partnership(const Partnership& p, Rebuild& r) {
    Diagnostics found;
    SiteContext site{project_, *theme_, found, {}, {}, {}, {}, {}, {}};
    PartOutput out;
    SitePart part = render_partnership_part(site, p, out);
    RenderedPart& slot = parts_[partnership_key(p)];
    store(slot, out, r);
    store_origins(slot, std::move(part));
    slot.findings = std::move(found);
}

void SiteState::render_document(const Partnership& p, const Document& d, Rebuild& r) {
    Diagnostics found;
    SiteContext site{project_, *theme_, found, {}, {}, {}, {}, {}, {}};
    PartOutput out;
    write_document_data(p, d, out);
    // No leaflet PDF in the preview: weasyprint takes about a second a plan.
    SitePart part = render_document_part(site, p, d, false, out);
    RenderedPart& slot = parts_[document_key(d)];
    store(slot, out, r);
    store_origins(slot, std::move(part));
    slot.findings = std::move(found);
}

void SiteState::render_index(Rebuild& r) {
    std::vector<const SitePart*> in_order;
    for (const Partnership& p : project_.partnerships) {
        in_order.push_back(&parts_[partnership_key(p)].part);
        for (const Document& d : p.documents) in_order.push_back(&parts_[document_key(d)].part);
    }
    Diagnostics found;
    SiteContext site{project_, *theme_, found, {}, {}, {}, {}, {}, {}};
    PartOutput out;
    render_index_pages(site, in_order, out);
    SitePart own;
    own.link_origins = std::move(site.link_origins);
    own.content_files = std::move(site.content_files);
    store(index_, out, r);
    store_origins(index_, std::move(own));
    index_.findings = std::move(found);
}

void SiteState::refresh_content_files(const std::set<std::string>& touched, Rebuild& r) {
    (void)r;
    std::map<std::string, std::string> wanted;
    for (const auto& [key, slot] : parts_) wanted.insert(slot.part.content_files.begin(), slot.part.content_files.end());
    wanted.insert(index_.part.content_files.begin(), index_.part.content_files.end());
    for (const auto& [site_path, source] : content_files_)
        if (!wanted.count(site_path)) remove_file(site_path);
    const std::string prefix = project_.root + "/";
    for (const auto& [site_path, source] : wanted) {
        auto before = content_files_.find(site_path);
        bool same = before != content_files_.end() && before->second == source;
        bool edited = source.rfind(prefix, 0) == 0 && touched.count(source.substr(prefix.size()));
        if (same && !edited) continue;
        std::ifstream in(source, std::ios::binary);
        if (!in) {
            remove_file(site_path);  // the link check reports the broken link
            continue;
        }
        std::ostringstream bytes;
        bytes << in.rdbuf();
        put_file(site_path, std::move(bytes).str());
    }
    content_files_ = std::move(wanted);
}

void SiteState::drop_part(const std::string& key) {
    auto it = parts_.find(key);
    if (it == parts_.end()) return;
    for (const std::string& path : it->second.files) remove_file(path);
    for (const auto& [origin, where] : it->second.part.link_origins) origins_.erase(origin);
    parts_.erase(it);
}

Rebuild SiteState::build_everything() {
    auto started = std::chrono::steady_clock::now();
    Rebuild r;
    r.what = "everything";
    Diagnostics loaded;
    project_ = load_project(root_, loaded);
    source_findings_.clear();
    for (const Diagnostic& d : loaded.items()) source_findings_[d.location.file].add(d);
    site_findings_ = Diagnostics();
    renderable_ = !site_name_clashes(project_, site_findings_);
    theme_ = std::make_unique<Theme>();
    if (renderable_) *theme_ = load_theme(project_.root, project_.settings.theme, site_findings_);
    if (site_findings_.has_errors()) renderable_ = false;

    parts_.clear();
    index_ = RenderedPart();
    theme_assets_ = RenderedPart();
    content_files_.clear();
    origins_.clear();
    files_.clear();
    links_ = std::make_unique<SiteLinkCheck>(project_.settings.base_url);
    unpublished_.clear();
    everything_unpublished_ = true;
    if (renderable_) {
        PartOutput assets;
        copy_theme_assets(*theme_, assets);
        store(theme_assets_, assets, r);
        for (const Partnership& p : project_.partnerships) {
            render_partnership(p, r);
            for (const Document& d : p.documents) render_document(p, d, r);
        }
        render_index(r);
        refresh_content_files({}, r);
    }
    finish(r, started);
    return r;
}

bool SiteState::reparse_document(Partnership& p, const std::string& slug) {
    std::string display = "content/" + p.slug + "/" + slug + ".md";
    fs::path file = fs::path(project_.root) / display;
    auto at = std::find_if(p.documents.begin(), p.documents.end(), [&](const Document& d) { return d.path == display; });
    boost::system::error_code ec;
    if (!fs::exists(fs::symlink_status(file, ec))) {
        if (at != p.documents.end()) {
            drop_part(document_key(*at));
            p.documents.erase(at);
        }
        source_findings_.erase(display);
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
    if (found.items().empty())
        source_findings_.erase(p.index_path);
    else
        source_findings_[p.index_path] = std::move(found);
    return true;
}

Rebuild SiteState::apply(const ChangeBatch& batch) {
    auto started = std::chrono::steady_clock::now();
    auto everything = [&] {
        Rebuild r = build_everything();
        r.took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
        return r;
    };
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
            if (fs::exists(fs::symlink_status(fs::path(project_.root) / "content" / segments[0], ec))) return everything();
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
    std::set<std::string> partnerships_to_render(indexes);
    for (const std::string& slug : indexes) reparse_index(*find_partnership(slug));
    for (const auto& [partnership, slug] : documents) {
        Partnership& p = *find_partnership(partnership);
        reparse_document(p, slug);
        partnerships_to_render.insert(partnership);
    }
    std::set<std::string> document_paths;
    for (const auto& [partnership, slug] : documents) document_paths.insert("content/" + partnership + "/" + slug + ".md");
    for (const std::string& slug : partnerships_to_render) {
        // A partnership's own page lists its documents; its name and glossary are on every
        // page of its documents.
        const Partnership& p = *find_partnership(slug);
        render_partnership(p, r);
        for (const Document& d : p.documents)
            if (indexes.count(slug) || document_paths.count(d.path)) render_document(p, d, r);
    }
    if (!documents.empty() || !indexes.empty()) render_index(r);
    refresh_content_files(touched, r);

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
    finish(r, started);
    return r;
}

void SiteState::finish(Rebuild& r, std::chrono::steady_clock::time_point started) {
    Diagnostics checked;
    check_project(project_, checked);
    links_->check(origins_);
    Diagnostics all;
    for (const auto& [file, found] : source_findings_) all.append(found);
    all.append(site_findings_);
    all.append(checked);
    all.append(theme_assets_.findings);
    for (const auto& [key, slot] : parts_) all.append(slot.findings);
    all.append(index_.findings);
    links_->report(all);
    all.sort();
    r.findings = std::move(all);
    if (!r.findings.has_errors() && renderable_) {
        published_ = std::make_shared<const SiteFiles>(files_);
        r.published = true;
        r.everything = everything_unpublished_;
        r.changed.assign(unpublished_.begin(), unpublished_.end());
        unpublished_.clear();
        everything_unpublished_ = false;
    }
    r.took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
}

}  // namespace planc::serve
