// One page per priority: aim, lead, background, aims, objectives, actions, indicators,
// and the targets as a table with a chart for each measurable one.

#include "planc/rich_text.hpp"
#include "render/components.hpp"
#include "render/document_body.hpp"
#include "render/html.hpp"
#include "render/pages.hpp"
#include "render/site_paths.hpp"

namespace planc {

namespace {

void append_pager(html::Stream& out, const Page& page, const Partnership& p, const Document& d, std::size_t i) {
    out.open("nav", {{"class", "pager"}, {"aria-label", "Other priorities"}});
    out.open("ul", {{"class", "pager__list"}});
    auto neighbour = [&](const Priority& other, const char* modifier, const char* rel, const char* label) {
        out.open("li", {{"class", modifier}});
        out.open("a", {{"href", page.link(paths::priority(p, d, other))}, {"rel", rel}});
        out.element_text("span", label, {{"class", "pager__label"}});
        out.element_text("span", priority_heading(other), {{"class", "pager__title"}});
        out.close();
        out.close();
    };
    if (i > 0) neighbour(d.priorities[i - 1], "pager__item pager__item--previous", "prev", "Previous priority");
    if (i + 1 < d.priorities.size()) neighbour(d.priorities[i + 1], "pager__item pager__item--next", "next", "Next priority");
    out.open("li", {{"class", "pager__item pager__item--up"}});
    out.element_text("a", "All priorities of this plan", {{"href", page.link(paths::document(p, d)) + "#priorities-overview"}});
    out.close();
    out.close();
    out.close();
}

}  // namespace

void write_priority_pages(SiteContext& site, const Partnership& p, const Document& d, OutputSink& out) {
    std::string doc_title = d.title.empty() ? d.slug : d.title;
    for (std::size_t i = 0; i < d.priorities.size(); ++i) {
        const Priority& pr = d.priorities[i];
        Page page;
        page.path = paths::priority(p, d, pr);
        page.title = priority_heading(pr);
        page.caption = doc_title;
        page.crumbs = {{"Home", paths::kHome},
                       {partnership_name(p), paths::partnership(p)},
                       {doc_title, paths::document(p, d)}};
        page.description = pr.aim.empty() ? page.title : pr.aim;
        AbbreviationMarker abbr(p.glossary);
        RichHtmlWriter writer(site, page, p, &d, abbr);
        html::Stream& c = page.content();
        if (!pr.aim.empty()) {
            c.open("p", {{"class", "lead priority-aim"}});
            c.element_text("span", "Aim: ", {{"class", "priority-aim__label"}});
            abbr.append(c, pr.aim);
            c.close();
        }
        PriorityBodyOptions options;
        options.level = 2;
        options.aim = false;
        options.charts = true;
        append_priority_body(c, page, p, d, pr, writer, abbr, options);
        append_pager(c, page, p, d, i);

        std::string text = pr.aim + " " + plain_text(priority_background(d, pr));
        for (const Entry& e : pr.aims) text += " " + e.text;
        for (const Entry& e : pr.objectives) text += " " + e.text;
        for (const Entry& e : pr.actions) text += " " + e.text;
        for (const Target& t : pr.targets) text += " " + t.text;
        for (const Lead& l : pr.leads) text += " " + l.name;
        site.search.push_back({page.title, page.path, partnership_name(p) + ": " + doc_title, text});
        write_page(site, page, out);
    }
}

}  // namespace planc
