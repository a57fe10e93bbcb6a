// The live preview's site, rebuilt part by part (see site_state.hpp).

#include "serve/site_state.hpp"

#include <boost/filesystem.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <time.h>
#include <utility>

#include "planc/check.hpp"
#include "planc/load.hpp"
#include "planc/parse.hpp"
#include "render/site.hpp"
#include "render/site_paths.hpp"

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

/// The partnership of a project-relative file ("content/melton/2009-10.md" -> "melton").
std::string partnership_of(const std::string& file) {
    const std::string content = "content/";
    if (file.rfind(content, 0) != 0) return "";
    std::size_t slash = file.find('/', content.size());
    return slash == std::string::npos ? "" : file.substr(content.size(), slash - content.size());
}

/// Sections as a link sees them: ids and titles, no content.
std::vector<Section> section_outline(const std::vector<Section>& sections) {
    std::vector<Section> out;
    out.reserve(sections.size());
    for (const Section& s : sections) {
        Section o;
        o.kind = s.kind;
        o.id = s.id;
        o.title = s.title;
        o.level = s.level;
        o.span = s.span;
        o.children = section_outline(s.children);
        out.push_back(std::move(o));
    }
    return out;
}

/// A partnership as links from other partnerships see it.
Partnership link_target(const Partnership& p) {
    Partnership t;
    t.slug = p.slug;
    t.index_path = p.index_path;
    t.name = p.name;
    t.sections = section_outline(p.sections);
    for (const Document& d : p.documents) {
        Document o;
        o.path = d.path;
        o.slug = d.slug;
        o.partnership = d.partnership;
        o.kind = d.kind;
        o.title = d.title;
        o.sections = section_outline(d.sections);
        t.documents.push_back(std::move(o));
    }
    return t;
}

/// The folder names after each "../" in a text: where its relative links may lead. More
/// than the links (any "../x" counts), never fewer.
std::set<std::string> folders_after_parent_steps(const std::string& text) {
    std::set<std::string> out;
    for (std::size_t at = text.find("../"); at != std::string::npos; at = text.find("../", at + 3)) {
        std::size_t end = at + 3;
        while (end < text.size() && ((text[end] >= 'a' && text[end] <= 'z') || (text[end] >= '0' && text[end] <= '9') ||
                                     text[end] == '-'))
            ++end;
        if (end > at + 3) out.insert(text.substr(at + 3, end - at - 3));
    }
    return out;
}

std::chrono::microseconds cpu_time(clockid_t clock) {
    timespec t{};
    ::clock_gettime(clock, &t);
    return std::chrono::seconds(t.tv_sec) + std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::nanoseconds(t.tv_nsec));
}

}  // namespace

/// Keeps what a renderer writes, to be compared with what the part had before.
class SiteState::PartOutput final : public OutputSink {
public:
    void write(const std::string& path, std::string_view bytes) override { files.emplace_back(path, std::string(bytes)); }
    std::vector<std::pair<std::string, std::string>> files;
};

std::string SiteFile::text() const {
    std::string out;
    out.reserve(size);
    for (const auto& piece : pieces) out += *piece;
    return out;
}

const SiteFile* PublishedSite::find(const std::string& path) const {
    if (auto it = changes.find(path); it != changes.end()) return it->second.get();
    if (!base) return nullptr;
    auto it = base->find(path);
    return it == base->end() ? nullptr : it->second.get();
}

SiteFiles PublishedSite::all() const {
    SiteFiles out = base ? *base : SiteFiles();
    for (const auto& [path, file] : changes) {
        if (file)
            out[path] = file;
        else
            out.erase(path);
    }
    return out;
}

SiteState::SiteState(std::string root) : root_(std::move(root)) {}
SiteState::~SiteState() = default;

void SiteState::step(Rebuild& r, const char* name) {
    auto now = std::chrono::steady_clock::now();
    auto cpu = cpu_time(CLOCK_THREAD_CPUTIME_ID);
    r.steps.push_back({name, std::chrono::duration_cast<std::chrono::microseconds>(now - lap_), cpu - lap_cpu_});
    lap_ = now;
    lap_cpu_ = cpu;
}

void SiteState::put_file(const std::string& path, std::string bytes) {
    auto it = files_.find(path);
    if (it != files_.end() && it->second->pieces.size() == 1 && *it->second->pieces.front() == bytes) return;
    links_->write(path, bytes);
    auto file = std::make_shared<SiteFile>();
    file->size = bytes.size();
    file->pieces.push_back(std::make_shared<const std::string>(std::move(bytes)));
    files_[path] = std::move(file);
    unpublished_.insert(path);
}

void SiteState::put_search_files(const SearchFrame& frame) {
    using Text = std::shared_ptr<const std::string>;
    auto fixed = [](std::string_view text) { return std::make_shared<const std::string>(text); };
    static const Text json_before = fixed(SearchIndexText::kJsonBefore);
    static const Text json_between = fixed(SearchIndexText::kJsonBetween);
    static const Text json_after = fixed(SearchIndexText::kJsonAfter);
    static const Text json_empty = fixed(SearchIndexText::kJsonEmpty);
    static const Text embedded_between = fixed(SearchIndexText::kEmbeddedBetween);

    bool page_changed = frame.has_page != search_frame_.has_page || frame.page_before != search_frame_.page_before ||
                        frame.page_after != search_frame_.page_after;
    SitePart leading, trailing;
    leading.search = frame.leading;
    trailing.search = frame.trailing;
    keep_part(search_leading_, std::move(leading));
    keep_part(search_trailing_, std::move(trailing));
    if (!page_changed && !search_changed_ && files_.count(paths::kSearchIndex)) return;

    // Every part's entries in site order, as render_index_pages lists the parts.
    std::vector<const RenderedPart*> in_order = {&search_leading_};
    for (const Partnership& p : project_.partnerships) {
        in_order.push_back(&parts_[partnership_key(p)]);
        for (const Document& d : p.documents) in_order.push_back(&parts_[document_key(d)]);
    }
    in_order.push_back(&search_trailing_);
    auto json = std::make_shared<SiteFile>();
    auto page = std::make_shared<SiteFile>();
    page->pieces.push_back(fixed(frame.page_before + std::string(SearchIndexText::kEmbeddedBefore)));
    bool first = true;
    for (const RenderedPart* part : in_order) {
        if (part->search_entries == 0) continue;
        json->pieces.push_back(first ? json_before : json_between);
        json->pieces.push_back(part->search_pretty);
        if (!first) page->pieces.push_back(embedded_between);
        page->pieces.push_back(part->search_compact);
        first = false;
    }
    json->pieces.push_back(first ? json_empty : json_after);
    page->pieces.push_back(fixed(std::string(SearchIndexText::kEmbeddedAfter) + frame.page_after));
    for (const Text& piece : json->pieces) json->size += piece->size();
    for (const Text& piece : page->pieces) page->size += piece->size();

    if (!files_.count(paths::kSearchIndex)) links_->write(paths::kSearchIndex, {});
    files_[paths::kSearchIndex] = std::move(json);
    unpublished_.insert(paths::kSearchIndex);
    if (frame.has_page) {
        // The embedded index holds no tags: the link check needs the page around it only.
        if (page_changed || !files_.count(paths::kSearch)) links_->write(paths::kSearch, frame.page_before + frame.page_after);
        files_[paths::kSearch] = std::move(page);
        unpublished_.insert(paths::kSearch);
    } else {
        remove_file(paths::kSearch);
    }
    search_frame_.has_page = frame.has_page;
    search_frame_.page_before = frame.page_before;
    search_frame_.page_after = frame.page_after;
    search_changed_ = false;
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

void SiteState::keep_part(RenderedPart& slot, SitePart fresh) {
    for (const auto& [key, where] : slot.part.link_origins) origins_.erase(key);
    origins_.insert(fresh.link_origins.begin(), fresh.link_origins.end());
    SearchIndexText search = std::move(fresh.search);
    fresh.search = SearchIndexText();
    if (!slot.search_pretty || *slot.search_pretty != search.pretty || slot.search_entries != search.entries) {
        slot.search_pretty = std::make_shared<const std::string>(std::move(search.pretty));
        slot.search_compact = std::make_shared<const std::string>(std::move(search.compact));
        slot.search_entries = search.entries;
        search_changed_ = true;
    }
    slot.part = std::move(fresh);
}

void SiteState::render_partnership(const Partnership& p, Rebuild& r) {
    Diagnostics found;
    SiteContext site{project_, *theme_, found, {}, {}, {}, {}, {}, {}};
    PartOutput out;
    SitePart part = render_partnership_part(site, p, out);
    RenderedPart& slot = parts_[partnership_key(p)];
    store(slot, out, r);
    keep_part(slot, std::move(part));
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
    keep_part(slot, std::move(part));
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
    SearchFrame frame = render_index_pages(site, in_order, out);
    step(r, "index pages");
    SitePart own;
    own.link_origins = std::move(site.link_origins);
    own.content_files = std::move(site.content_files);
    store(index_, out, r);
    keep_part(index_, std::move(own));
    put_search_files(frame);
    index_.findings = std::move(found);
    step(r, "index files");
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
    if (it->second.search_entries) search_changed_ = true;
    parts_.erase(it);
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
    link_targets_ = Project();
    link_targets_.root = project_.root;
    link_targets_.settings = project_.settings;
    references_.clear();
    for (const Partnership& p : project_.partnerships) {
        link_targets_.partnerships.push_back(link_target(p));
        note_references(p.index_path, p.source);
        for (const Document& d : p.documents) note_references(d.path, d.source);
    }
    step(r, "load");
    std::future<Diagnostics> checks = start_checks(std::nullopt);
    site_findings_ = Diagnostics();
    renderable_ = !site_name_clashes(project_, site_findings_);
    theme_ = std::make_unique<Theme>();
    if (renderable_) *theme_ = load_theme(project_.root, project_.settings.theme, site_findings_);
    if (site_findings_.has_errors()) renderable_ = false;

    parts_.clear();
    index_ = RenderedPart();
    search_frame_ = SearchFrame();
    search_leading_ = RenderedPart();
    search_trailing_ = RenderedPart();
    search_changed_ = true;
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
        step(r, "render");
        render_index(r);
        refresh_content_files({}, r);
        step(r, "content files");
    }
    finish(r, std::move(checks), std::nullopt);
    return r;
}

void SiteState::note_references(const std::string& file, const std::string& text) {
    std::set<std::string> folders = folders_after_parent_steps(text);
    if (folders.empty())
        references_.erase(file);
    else
        references_[file] = std::move(folders);
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
    for (std::size_t i = 0; i < project_.partnerships.size(); ++i)
        if (partnerships_to_render.count(project_.partnerships[i].slug))
            link_targets_.partnerships[i] = link_target(project_.partnerships[i]);
    // The checks of the partnerships changed, and of those whose documents link into them
    // (their links may now reach a section or document that came or went); a changed
    // image may be named by any document: then all of them.
    std::optional<std::set<std::string>> to_check;
    if (!touches_content) {
        to_check = partnerships_to_render;
        for (const auto& [file, folders] : references_)
            for (const std::string& slug : partnerships_to_render)
                if (folders.count(slug)) to_check->insert(partnership_of(file));
        to_check->erase("");
    }
    step(r, "parse");
    std::future<Diagnostics> checks = start_checks(to_check);
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
    step(r, "render");
    if (!documents.empty() || !indexes.empty()) render_index(r);
    refresh_content_files(touched, r);
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
    finish(r, std::move(checks), to_check);
    return r;
}

std::future<Diagnostics> SiteState::start_checks(std::optional<std::set<std::string>> partnerships) {
    if (!partnerships) {
        return std::async(std::launch::async, [this] {
            Diagnostics found;
            check_project(project_, found);
            return found;
        });
    }
    // A project of the partnerships checked (copies: the model is being rendered at the
    // same time) and of the partnerships their documents link into, as link targets
    // (moved in for the check and back after it; only this thread touches them meanwhile).
    std::set<std::string> targets;
    for (const auto& [file, folders] : references_)
        if (partnerships->count(partnership_of(file))) targets.insert(folders.begin(), folders.end());
    std::vector<std::size_t> checked, linked;
    for (std::size_t i = 0; i < project_.partnerships.size(); ++i) {
        if (partnerships->count(project_.partnerships[i].slug))
            checked.push_back(i);
        else if (targets.count(project_.partnerships[i].slug))
            linked.push_back(i);
    }
    return std::async(std::launch::async, [this, checked = std::move(checked), linked = std::move(linked)] {
        Project view;
        view.root = project_.root;
        view.settings = project_.settings;
        std::vector<std::pair<std::size_t, std::size_t>> borrowed;  // link target, place in the view
        for (std::size_t i = 0; i < project_.partnerships.size(); ++i) {
            if (std::binary_search(checked.begin(), checked.end(), i)) {
                view.partnerships.push_back(project_.partnerships[i]);
            } else if (std::binary_search(linked.begin(), linked.end(), i)) {
                borrowed.emplace_back(i, view.partnerships.size());
                view.partnerships.push_back(std::move(link_targets_.partnerships[i]));
            }
        }
        struct GiveBack {
            Project& targets;
            Project& view;
            const std::vector<std::pair<std::size_t, std::size_t>>& borrowed;
            ~GiveBack() {
                for (const auto& [i, at] : borrowed) targets.partnerships[i] = std::move(view.partnerships[at]);
            }
        } give_back{link_targets_, view, borrowed};
        Diagnostics found;
        check_project(view, found);
        return found;
    });
}

void SiteState::finish(Rebuild& r, std::future<Diagnostics> checks,
                       const std::optional<std::set<std::string>>& checked) {
    links_->check(origins_);
    step(r, "link check");
    Diagnostics found = checks.get();
    if (checked) {
        for (const std::string& slug : *checked) check_findings_.erase(slug);
        r.partnerships_checked = checked->size();
    } else {
        check_findings_.clear();
        r.partnerships_checked = project_.partnerships.size();
    }
    for (Diagnostic& d : found.items()) {
        std::string slug = partnership_of(d.location.file);
        if (checked && !checked->count(slug)) continue;  // about a link target: not a real finding
        check_findings_[slug].add(std::move(d));
    }
    step(r, "checks (waited)");
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
    r.took = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started_);
    r.cpu = cpu_time(CLOCK_PROCESS_CPUTIME_ID) - started_cpu_;
}

}  // namespace planc::serve
