// Gives back the spare capacity of a parsed document's vectors (see parse_internal.hpp).

#include "parse/parse_internal.hpp"

namespace planc {

namespace {

/// Vectors built by push_back keep up to twice the room they need; the model is kept
/// for the whole run, so the room is given back once the document is complete.
template <class T>
void fit(std::vector<T>& v) {
    if (v.capacity() != v.size()) v.shrink_to_fit();
}

void fit_inlines(InlineText& text) {
    fit(text);
    for (Inline& in : text)
        if (in.children.has_value()) fit_inlines(in.children.make());
}

void fit_blocks(std::vector<Block>& blocks);

void fit_row(TableRow& row) {
    fit(row.cells);
    for (TableCell& cell : row.cells) fit_inlines(cell.content);
}

void fit_block(Block& b) {
    fit_inlines(b.inlines);
    if (b.items.has_value()) {
        std::vector<ListItem>& items = b.items.make();
        fit(items);
        for (ListItem& item : items) fit_blocks(item.blocks);
    }
    if (b.children.has_value()) fit_blocks(b.children.make());
    if (b.table.has_value()) {
        Table& t = b.table.make();
        fit_row(t.header);
        fit(t.rows);
        for (TableRow& row : t.rows) fit_row(row);
        fit(t.align);
    }
}

void fit_blocks(std::vector<Block>& blocks) {
    fit(blocks);
    for (Block& b : blocks) fit_block(b);
}

void fit_sections(std::vector<Section>& sections) {
    fit(sections);
    for (Section& s : sections) {
        fit_inlines(s.heading);
        fit_blocks(s.blocks);
        fit_sections(s.children);
    }
}

void fit_entries(std::vector<Entry>& entries) {
    fit(entries);
    for (Entry& e : entries) fit_inlines(e.content);
}

}  // namespace

void release_spare_capacity(Document& doc) {
    fit_sections(doc.sections);
    fit(doc.priorities);
    for (Priority& p : doc.priorities) {
        fit(p.leads);
        fit_entries(p.aims);
        fit_entries(p.objectives);
        fit_entries(p.actions);
        fit(p.targets);
        fit(p.indicators);
        fit(p.intro_blocks);
    }
    fit(doc.action_plan);
    fit(doc.approval);
    fit(doc.indicator_statuses);
    fit(doc.performance);
    for (PerformanceTable& t : doc.performance) fit(t.rows);
    fit(doc.surveys);
    for (SurveyTable& t : doc.surveys) fit(t.rows);
    fit_entries(doc.achievements);
    fit(doc.indicators);
    fit(doc.abbreviations);
    fit(doc.suppressions);
}

}  // namespace planc
