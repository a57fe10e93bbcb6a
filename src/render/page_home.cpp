// The home page: a search box, then every partnership and its documents, newest first.

#include "render/components.hpp"
#include "render/html.hpp"
#include "render/pages.hpp"
#include "render/site_paths.hpp"

namespace planc {

namespace {

void append_document_item(html::Stream& out, const Page& page, const Partnership& p, const Document& d) {
    out.open("li", {{"class", "document-list__item"}});
    out.open("p", {{"class", "document-list__title"}});
    out.element_text("a", d.title.empty() ? d.slug : d.title, {{"href", page.link(paths::document(p, d))}});
    out.close();
    out.open("p", {{"class", "document-list__meta"}});
    out.text(d.kind == DocumentKind::Report ? "Report" : "Plan");
    if (std::string year = document_year(d); !year.empty()) out.text(", " + year);
    out.text(" ");
    append_status_tag(out, d.status);
    out.close();
    out.close();
}

}  // namespace

void write_home_page(SiteContext& site, OutputSink& out) {
    Page page;
    page.path = paths::kHome;
    page.title = site.project.settings.title;
    page.description = "Community safety partnership plans, priorities and targets, with open data.";
    html::Stream& c = page.content();
    c.element_text("p",
                   "Community safety partnerships bring together the council, police, fire service, health "
                   "and probation to tackle crime and anti-social behaviour. Each partnership publishes a plan "
                   "every year: what it will focus on, who leads each priority and the targets it sets.",
                   {{"class", "lead"}});
    append_search_form(c, page.link(paths::kSearch), "home-search");

    append_heading(c, 2, "Partnerships and their plans", "partnerships");
    c.open("ul", {{"class", "partnership-list"}});
    for (const Partnership& p : site.project.partnerships) {
        c.open("li", {{"class", "partnership-card"}});
        c.open("h3", {{"class", "partnership-card__title"}});
        c.element_text("a", partnership_name(p), {{"href", page.link(paths::partnership(p))}});
        c.close();
        if (!p.area.empty()) c.element_text("p", "Covers " + p.area, {{"class", "partnership-card__area"}});
        if (p.documents.empty()) {
            c.element_text("p", "No documents published yet.");
        } else {
            c.open("ul", {{"class", "document-list"}});
            for (const Document* d : newest_first(p)) append_document_item(c, page, p, *d);
            c.close();
        }
        c.close();
    }
    c.close();
    write_page(site, page, out);
}

}  // namespace planc
