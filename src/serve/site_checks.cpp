// The checks in the live preview: those of the partnerships a change touches, with the
// partnerships they link into reduced to link targets (see site_state.hpp).

#include <algorithm>
#include <future>

#include "planc/check.hpp"
#include "serve/site_state.hpp"

namespace planc::serve {

namespace {

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

/// A document as links from elsewhere see it.
Document document_target(const Document& d) {
    Document o;
    o.path = d.path;
    o.slug = d.slug;
    o.partnership = d.partnership;
    o.kind = d.kind;
    o.title = d.title;
    o.sections = section_outline(d.sections);
    return o;
}

/// A partnership as links from other partnerships see it.
Partnership link_target(const Partnership& p) {
    Partnership t;
    t.slug = p.slug;
    t.index_path = p.index_path;
    t.name = p.name;
    t.sections = section_outline(p.sections);
    for (const Document& d : p.documents) t.documents.push_back(document_target(d));
    return t;
}

/// The folder names after each "../" in a text: where its relative links may lead. More
/// than the links (any "../x" counts), never fewer.
std::set<std::string> folders_after_parent_steps(const std::string& text) {
    std::set<std::string> out;
    for (std::size_t at = text.find("../"); at != std::string::npos; at = text.find("../", at + 3)) {
        std::size_t end = at + 3;
        while (end < text.size() && ((text[end] >= 'a' && text[end] <= 'z') ||
                                     (text[end] >= '0' && text[end] <= '9') || text[end] == '-'))
            ++end;
        if (end > at + 3) out.insert(text.substr(at + 3, end - at - 3));
    }
    return out;
}

}  // namespace

void SiteState::reset_link_targets() {
    link_targets_ = Project();
    link_targets_.root = project_.root;
    link_targets_.settings = project_.settings;
    references_.clear();
    for (const Partnership& p : project_.partnerships) {
        link_targets_.partnerships.push_back(link_target(p));
        note_references(p.index_path, p.source);
        for (const Document& d : p.documents) note_references(d.path, d.source);
    }
}

void SiteState::refresh_link_targets(const std::set<std::string>& documents,
                                     const std::set<std::string>& indexes) {
    for (std::size_t i = 0; i < project_.partnerships.size(); ++i) {
        const Partnership& p = project_.partnerships[i];
        Partnership& target = link_targets_.partnerships[i];
        bool same_documents =
            target.documents.size() == p.documents.size() &&
            std::equal(p.documents.begin(), p.documents.end(), target.documents.begin(),
                       [](const Document& a, const Document& b) { return a.path == b.path; });
        if (indexes.count(p.slug) || !same_documents) {
            target = link_target(p);
            continue;
        }
        for (std::size_t j = 0; j < p.documents.size(); ++j)
            if (documents.count(p.documents[j].path)) target.documents[j] = document_target(p.documents[j]);
    }
}

std::set<std::string> SiteState::partnerships_to_check(const std::set<std::string>& changed) const {
    // The partnerships changed, and those whose documents link into them: their links may
    // now reach a section or document that came or went.
    std::set<std::string> out = changed;
    for (const auto& [file, folders] : references_)
        for (const std::string& slug : changed)
            if (folders.count(slug)) out.insert(partnership_of(file));
    out.erase("");
    return out;
}

void SiteState::note_references(const std::string& file, const std::string& text) {
    std::set<std::string> folders = folders_after_parent_steps(text);
    if (folders.empty())
        references_.erase(file);
    else
        references_[file] = std::move(folders);
}

const Partnership* SiteState::CheckRun::find(const std::string& slug) const {
    for (const Partnership& p : view.partnerships)
        if (p.slug == slug) return &p;
    return nullptr;
}

std::unique_ptr<SiteState::CheckRun> SiteState::start_checks(
    std::optional<std::set<std::string>> partnerships) {
    auto run = std::make_unique<CheckRun>();
    if (!partnerships) {
        // Every partnership, read in place: rendering only reads the model too.
        run->result = std::async(std::launch::async, [this] {
            Diagnostics found;
            check_project(project_, found);
            return found;
        });
        return run;
    }
    // A project of the partnerships checked and of those their documents link into, as
    // link targets: all moved in (no copy) and moved back by finish_checks.
    std::set<std::string> targets;
    for (const auto& [file, folders] : references_)
        if (partnerships->count(partnership_of(file))) targets.insert(folders.begin(), folders.end());
    run->view.root = project_.root;
    run->view.settings = project_.settings;
    for (std::size_t i = 0; i < project_.partnerships.size(); ++i) {
        Partnership* from = partnerships->count(project_.partnerships[i].slug) ? &project_.partnerships[i]
                            : targets.count(project_.partnerships[i].slug) ? &link_targets_.partnerships[i]
                                                                           : nullptr;
        if (!from) continue;
        run->borrowed.push_back(from);
        run->view.partnerships.push_back(std::move(*from));
    }
    run->result = std::async(std::launch::async, [view = &run->view] {
        Diagnostics found;
        check_project(*view, found);
        return found;
    });
    return run;
}

Diagnostics SiteState::finish_checks(CheckRun& run) {
    if (!run.result.valid()) return Diagnostics();
    Diagnostics found = run.result.get();
    for (std::size_t i = 0; i < run.borrowed.size(); ++i)
        *run.borrowed[i] = std::move(run.view.partnerships[i]);
    run.borrowed.clear();
    return found;
}

SiteState::CheckRun::~CheckRun() {
    // Never leave the model without the partnerships lent to the check (an exception
    // while rendering): wait for the check, then give them back.
    if (result.valid()) result.wait();
    for (std::size_t i = 0; i < borrowed.size(); ++i) *borrowed[i] = std::move(view.partnerships[i]);
}

void SiteState::keep_check_findings(Diagnostics found, const std::optional<std::set<std::string>>& checked,
                                    Rebuild& r) {
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
}

}  // namespace planc::serve
