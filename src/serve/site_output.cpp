// The live preview's rendered files: each part of the site re-rendered alone, compared
// with what it gave before, and the search files put together from every part's entries
// and words (see site_state.hpp).

#include <algorithm>
#include <fstream>
#include <sstream>

#include "planc/parallel.hpp"
#include "render/site.hpp"
#include "render/site_paths.hpp"
#include "serve/site_state.hpp"

namespace planc::serve {

/// Keeps what a renderer writes, to be compared with what the part had before.
class SiteState::PartOutput final : public OutputSink {
public:
    void write(const std::string& path, std::string_view bytes) override {
        files.emplace_back(path, std::string(bytes));
    }
    std::vector<std::pair<std::string, std::string>> files;
};

void SiteState::render_theme_assets(Rebuild& r) {
    PartOutput out;
    copy_theme_assets(*theme_, out);
    store(theme_assets_, out, r);
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
    SitePart trailing;
    trailing.search = frame.trailing;
    keep_part(search_trailing_, std::move(trailing));
    if (frame.has_page)
        put_file(paths::kSearch, frame.page);
    else
        remove_file(paths::kSearch);
    if (!search_changed_ && files_.count(paths::kSearchIndex)) return;

    // Every part in site order, as render_index_pages lists them, then the site's own pages.
    std::vector<std::string> numbering;
    std::vector<RenderedPart*> in_order;
    for (const Partnership& p : project_.partnerships) {
        numbering.push_back(key_of(p));
        for (const Document& d : p.documents) numbering.push_back(key_of(d));
    }
    for (const std::string& key : numbering) in_order.push_back(&parts_[key]);
    numbering.emplace_back();
    in_order.push_back(&search_trailing_);
    // A part added or removed numbers the parts after it again: every file is put again
    // (put_file keeps a file whose bytes are the same).
    const bool renumbered = numbering != search_numbering_;

    std::vector<std::size_t> counts;
    for (std::size_t i = 0; i < in_order.size(); ++i) {
        RenderedPart& part = *in_order[i];
        counts.push_back(part.search.entries);
        if (!renumbered && !part.search_changed) continue;
        const std::string path = search_files::entries_path(i);
        if (part.search.entries > 0)
            put_file(path, search_files::entries_file(i, part.search));
        else
            remove_file(path);
    }
    for (std::size_t i = in_order.size(); i < search_numbering_.size(); ++i)
        remove_file(search_files::entries_path(i));

    std::set<std::uint32_t> shards = search_dirty_shards_;
    if (renumbered) {
        shards.insert(search_shards_.begin(), search_shards_.end());
        for (const RenderedPart* part : in_order)
            for (const search_words::PartWords::Shard& s : part->search.words.shards) shards.insert(s.id);
    }
    for (std::uint32_t id : shards) {
        std::vector<search_files::WordPiece> pieces;
        for (std::size_t i = 0; i < in_order.size(); ++i) {
            const search_words::PartWords& words = in_order[i]->search.words;
            auto it = std::lower_bound(words.shards.begin(), words.shards.end(), id,
                                       [](const search_words::PartWords::Shard& s, std::uint32_t v) { return s.id < v; });
            if (it != words.shards.end() && it->id == id) pieces.push_back({i, words.piece(*it)});
        }
        if (pieces.empty()) {
            remove_file(search_files::words_path(id));
            search_shards_.erase(id);
            continue;
        }
        put_file(search_files::words_path(id), search_files::word_file(id, pieces));
        search_shards_.insert(id);
    }
    put_file(paths::kSearchIndex,
             search_files::index_script(counts, std::vector<std::uint32_t>(search_shards_.begin(), search_shards_.end())));

    for (RenderedPart* part : in_order) part->search_changed = false;
    search_numbering_ = std::move(numbering);
    search_dirty_shards_.clear();
    search_changed_ = false;
}

void SiteState::note_changed_shards(const search_words::PartWords& before, const search_words::PartWords& after) {
    // Both lists are in shard order: a shard whose piece differs, or is in one alone.
    auto b = before.shards.begin(), a = after.shards.begin();
    while (b != before.shards.end() || a != after.shards.end()) {
        if (a == after.shards.end() || (b != before.shards.end() && b->id < a->id)) {
            search_dirty_shards_.insert((b++)->id);
        } else if (b == before.shards.end() || a->id < b->id) {
            search_dirty_shards_.insert((a++)->id);
        } else {
            if (before.piece(*b) != after.piece(*a)) search_dirty_shards_.insert(a->id);
            ++a;
            ++b;
        }
    }
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
    SearchPart search = std::move(fresh.search);
    fresh.search = SearchPart();
    if (search != slot.search) {
        note_changed_shards(slot.search.words, search.words);
        slot.search = std::move(search);
        slot.search_changed = true;
        search_changed_ = true;
    }
    if (fresh.content_files != slot.part.content_files) content_files_changed_ = true;
    slot.part = std::move(fresh);
}

/// One part rendered apart from the site's state, so that parts can be rendered on every
/// core and then kept in site order (keep_rendered).
struct SiteState::RenderedJob {
    const Partnership* partnership = nullptr;
    const Document* document = nullptr;  ///< null: the partnership's own pages
    PartOutput out;
    SitePart part;
    Diagnostics found;
};

void SiteState::render_job(RenderedJob& job) const {
    SiteContext site{project_, *theme_, job.found, {}, {}, {}, {}, {}, {}};
    if (!job.document) {
        job.part = render_partnership_part(site, *job.partnership, job.out);
        return;
    }
    write_document_data(*job.partnership, *job.document, job.out);
    // No leaflet PDF in the preview: weasyprint takes about a second a plan.
    job.part = render_document_part(site, *job.partnership, *job.document, false, job.out);
}

void SiteState::keep_rendered(RenderedJob& job, Rebuild& r) {
    RenderedPart& slot = parts_[job.document ? key_of(*job.document) : key_of(*job.partnership)];
    store(slot, job.out, r);
    keep_part(slot, std::move(job.part));
    slot.findings = std::move(job.found);
}

void SiteState::render_partnership(const Partnership& p, Rebuild& r) {
    RenderedJob job;
    job.partnership = &p;
    render_job(job);
    keep_rendered(job, r);
}

void SiteState::render_document(const Partnership& p, const Document& d, Rebuild& r) {
    RenderedJob job;
    job.partnership = &p;
    job.document = &d;
    render_job(job);
    keep_rendered(job, r);
}

void SiteState::render_all_parts(Rebuild& r) {
    // Every part on every core (the first build of a national site renders thousands of
    // plans), then kept one by one in site order, as a loop over them would.
    std::vector<RenderedJob> jobs;
    for (const Partnership& p : project_.partnerships) {
        jobs.emplace_back().partnership = &p;
        for (const Document& d : p.documents) {
            RenderedJob& job = jobs.emplace_back();
            job.partnership = &p;
            job.document = &d;
        }
    }
    parallel_for(jobs.size(), [&](std::size_t i) { render_job(jobs[i]); });
    for (RenderedJob& job : jobs) keep_rendered(job, r);
}

void SiteState::render_index(Rebuild& r) {
    std::vector<const SitePart*> in_order;
    for (const Partnership& p : project_.partnerships) {
        in_order.push_back(&parts_[key_of(p)].part);
        for (const Document& d : p.documents) in_order.push_back(&parts_[key_of(d)].part);
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
    if (frame.has_page) ++r.pages_rendered;  // the search page
    index_.findings = std::move(found);
    step(r, "index files");
}

void SiteState::refresh_content_files(const std::set<std::string>& touched) {
    if (!content_files_changed_ && touched.empty()) return;
    content_files_changed_ = false;
    std::map<std::string, std::string> wanted;
    for (const auto& [key, slot] : parts_)
        wanted.insert(slot.part.content_files.begin(), slot.part.content_files.end());
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
    if (it->second.search.entries) search_changed_ = true;
    note_changed_shards(it->second.search.words, {});
    if (!it->second.part.content_files.empty()) content_files_changed_ = true;
    parts_.erase(it);
}

}  // namespace planc::serve
