// The home page: a search box, then every partnership and its documents, newest first.

#include "render/components.hpp"
#include "render/html.hpp"
#include "render/pages.hpp"
#include "render/site_paths.hpp"

namespace planc {

namespace {

void append_search_form(pugi::xml_node parent, const Page& page) {
    pugi::xml_node form = html::element(parent, "form", {{"class", "search-form"},
                                                         {"action", page.link(paths::kSearch)},
                                                         {"method", "get"},
                                                         {"role", "search"}});
    html::element_text(form, "label", "Search the plans", {{"for", "home-search"}, {"class", "label"}});
    pugi::xml_node row = html::element(form, "div", {{"class", "search-form__row"}});
    html::element(row, "input", {{"type", "search"}, {"id", "home-search"}, {"name", "q"}, {"class", "input"},
                                 {"autocomplete", "off"}});
    html::element_text(row, "button", "Search", {{"type", "submit"}, {"class", "button"}});
}

void append_document_item(pugi::xml_node list, const Page& page, const Partnership& p, const Document& d) {
    pugi::xml_node li = html::element(list, "li", {{"class", "document-list__item"}});
    pugi::xml_node title = html::element(li, "p", {{"class", "document-list__title"}});
    html::element_text(title, "a", d.title.empty() ? d.slug : d.title, {{"href", page.link(paths::document(p, d))}});
    pugi::xml_node meta = html::element(li, "p", {{"class", "document-list__meta"}});
    html::text(meta, d.kind == DocumentKind::Report ? "Report" : "Plan");
    if (std::string year = document_year(d); !year.empty()) html::text(meta, ", " + year);
    html::text(meta, " ");
    append_status_tag(meta, d.status);
}

}  // namespace

void write_home_page(SiteContext& site, OutputSink& out) {
    Page page;
    page.path = paths::kHome;
    page.title = site.project.settings.title;
    page.description = "Community safety partnership plans, priorities and targets, with open data.";
    pugi::xml_node c = page.content();
    html::element_text(c, "p",
                       "Community safety partnerships bring together the council, police, fire service, health "
                       "and probation to tackle crime and anti-social behaviour. Each partnership publishes a plan "
                       "every year: what it will focus on, who leads each priority and the targets it sets.",
                       {{"class", "lead"}});
    append_search_form(c, page);

    append_heading(c, 2, "Partnerships and their plans", "partnerships");
    pugi::xml_node list = html::element(c, "ul", {{"class", "partnership-list"}});
    for (const Partnership& p : site.project.partnerships) {
        pugi::xml_node li = html::element(list, "li", {{"class", "partnership-card"}});
        pugi::xml_node h = html::element(li, "h3", {{"class", "partnership-card__title"}});
        html::element_text(h, "a", partnership_name(p), {{"href", page.link(paths::partnership(p))}});
        if (!p.area.empty()) html::element_text(li, "p", "Covers " + p.area, {{"class", "partnership-card__area"}});
        if (p.documents.empty()) {
            html::element_text(li, "p", "No documents published yet.");
            continue;
        }
        pugi::xml_node docs = html::element(li, "ul", {{"class", "document-list"}});
        for (const Document* d : newest_first(p)) append_document_item(docs, page, p, *d);
    }
    write_page(site, page, out);
}

}  // namespace planc
