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

void append_pager(pugi::xml_node parent, const Page& page, const Partnership& p, const Document& d, std::size_t i) {
    pugi::xml_node nav = html::element(parent, "nav", {{"class", "pager"}, {"aria-label", "Other priorities"}});
    pugi::xml_node list = html::element(nav, "ul", {{"class", "pager__list"}});
    if (i > 0) {
        const Priority& prev = d.priorities[i - 1];
        pugi::xml_node li = html::element(list, "li", {{"class", "pager__item pager__item--previous"}});
        pugi::xml_node a = html::element(li, "a", {{"href", page.link(paths::priority(p, d, prev))}, {"rel", "prev"}});
        html::element_text(a, "span", "Previous priority", {{"class", "pager__label"}});
        html::element_text(a, "span", priority_heading(prev), {{"class", "pager__title"}});
    }
    if (i + 1 < d.priorities.size()) {
        const Priority& next = d.priorities[i + 1];
        pugi::xml_node li = html::element(list, "li", {{"class", "pager__item pager__item--next"}});
        pugi::xml_node a = html::element(li, "a", {{"href", page.link(paths::priority(p, d, next))}, {"rel", "next"}});
        html::element_text(a, "span", "Next priority", {{"class", "pager__label"}});
        html::element_text(a, "span", priority_heading(next), {{"class", "pager__title"}});
    }
    pugi::xml_node li = html::element(list, "li", {{"class", "pager__item pager__item--up"}});
    html::element_text(li, "a", "All priorities of this plan",
                       {{"href", page.link(paths::document(p, d)) + "#priorities-overview"}});
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
        pugi::xml_node c = page.content();
        if (!pr.aim.empty()) {
            pugi::xml_node aim = html::element(c, "p", {{"class", "lead priority-aim"}});
            html::element_text(aim, "span", "Aim: ", {{"class", "priority-aim__label"}});
            abbr.append(aim, pr.aim);
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
