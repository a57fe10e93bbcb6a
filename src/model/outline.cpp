// keep_outline: a document reduced to what the rest of a build reads once its own checks
// and pages are done (see model.hpp); and the documents in the order builds work on them.

#include <functional>
#include <string_view>

#include "planc/model.hpp"

namespace planc {

namespace {

/// Empties a vector and gives its memory back (clear() alone keeps the capacity).
template <class T>
void release(std::vector<T>& v) {
    std::vector<T>().swap(v);
}

void release(std::string& s) { std::string().swap(s); }

/// Keeps each section's id, title, kind and children: links from other documents
/// ("2009-10.md#priority-3-burglary") are checked against the ids, and the pages that
/// list documents read nothing deeper.
void keep_section_outline(std::vector<Section>& sections) {
    for (Section& s : sections) {
        release(s.blocks);
        release(s.heading);
        keep_section_outline(s.children);
    }
}

}  // namespace

void keep_outline(Document& doc) {
    keep_section_outline(doc.sections);
    for (Priority& p : doc.priorities) {
        release(p.aim);
        release(p.leads);
        release(p.aims);
        release(p.objectives);
        release(p.actions);
        release(p.actions_heading);
        release(p.targets);
        release(p.intro_blocks);
        // Kept: id, label, number, title, span and indicators (W113 compares indicator
        // descriptions across a partnership's documents).
    }
    release(doc.action_plan);
    release(doc.approval);
    release(doc.performance);
    release(doc.surveys);
    release(doc.achievements);
    release(doc.abbreviations);
    // Kept: indicators and indicator_statuses (W113), suppressions (applied after every
    // check has run), fields (findings about front matter).
    doc.source_size = doc.source.size();
    doc.source_digest = source_digest(doc.source);
    release(doc.source);
    doc.outline_only = true;
}

std::vector<DocumentRef> documents_in_order(const Project& project) {
    std::vector<DocumentRef> out;
    for (const Partnership& p : project.partnerships)
        for (const Document& d : p.documents) out.push_back({&p, &d});
    return out;
}

std::size_t source_digest(std::string_view text) {
    // Not for security: only to notice a file edited between parsing and printing.
    return std::hash<std::string_view>{}(text);
}

}  // namespace planc
