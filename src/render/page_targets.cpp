// Every target of a plan in one table (sortable when scripts run), with the open data.

#include "render/components.hpp"
#include "render/html.hpp"
#include "render/pages.hpp"
#include "render/site_paths.hpp"

namespace planc {

void write_targets_page(SiteContext& site, const Partnership& p, const Document& d, OutputSink& out) {
    std::string doc_title = d.title.empty() ? d.slug : d.title;
    Page page;
    page.path = paths::targets(p, d);
    page.title = "All targets";
    page.caption = doc_title;
    page.crumbs = {{"Home", paths::kHome}, {partnership_name(p), paths::partnership(p)}, {doc_title, paths::document(p, d)}};
    page.description = "Every target of " + doc_title + ", with its starting level, target and deadline.";
    AbbreviationMarker abbr(p.glossary);
    html::Stream& c = page.content();

    int total = 0, tbc = 0;
    std::vector<const Priority*> priorities;
    for (const Priority& pr : d.priorities) {
        priorities.push_back(&pr);
        total += static_cast<int>(pr.targets.size());
        tbc += targets_to_be_confirmed(pr);
    }
    c.open("p", {{"class", "lead"}});
    if (total == 0) {
        c.text("This plan sets no measurable targets.");
    } else {
        c.text("This plan sets " + std::to_string(total) + (total == 1 ? " target" : " targets") + " across " +
               std::to_string(d.priorities.size()) + " priorities.");
        if (tbc > 0)
            c.text(" " + std::to_string(tbc) + (tbc == 1 ? " has" : " have") + " a number or date still to be confirmed.");
    }
    c.close();

    c.open("ul", {{"class", "downloads"}});
    std::string dir = paths::document_dir(p, d);
    c.open("li");
    c.element_text("a", "Download the targets as a spreadsheet",
                   {{"href", page.link(dir + "targets.csv")}, {"download", "targets.csv"}});
    c.text(" (CSV, opens in any spreadsheet program)");
    c.close();
    c.open("li");
    c.element_text("a", "Download the whole plan as data", {{"href", page.link(dir + "plan.json")}, {"download", "plan.json"}});
    c.text(" (JSON)");
    c.close();
    c.close();

    if (total > 0) {
        c.element_text("p", "Select a column heading to sort the table.", {{"class", "hint js-only"}});
        TargetsTableOptions options;
        options.caption = "Targets of " + doc_title;
        options.priority_column = true;
        append_targets_table(c, page, p, d, priorities, options, abbr);
    }
    write_page(site, page, out);
}

}  // namespace planc
