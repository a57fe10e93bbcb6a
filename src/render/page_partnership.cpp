// A partnership's page (who it is, area, contacts, plans by year) and its glossary.

#include "render/components.hpp"
#include "render/document_body.hpp"
#include "render/html.hpp"
#include "render/pages.hpp"
#include "render/site_paths.hpp"

namespace planc {

void write_partnership_page(SiteContext& site, const Partnership& p, OutputSink& out) {
    Page page;
    page.path = paths::partnership(p);
    page.title = partnership_name(p);
    page.caption = "Community safety partnership";
    page.crumbs = {{"Home", paths::kHome}};
    page.description = "Who " + partnership_name(p) + " is, its plans and how to contact it.";
    AbbreviationMarker abbr(p.glossary);
    RichHtmlWriter writer(site, page, p, nullptr, abbr);
    html::Stream& c = page.content();

    open_summary_list(c);
    if (!p.short_name.empty()) append_summary_row(c, "Also known as", p.short_name);
    if (!p.area.empty()) append_summary_row(c, "Area", p.area);
    append_summary_row(c, "Documents", std::to_string(p.documents.size()));
    if (!p.glossary.empty()) {
        open_summary_row(c, "Abbreviations");
        c.element_text("a", "Glossary of abbreviations", {{"href", page.link(paths::glossary(p))}});
        close_summary_row(c);
    }
    c.close();

    append_heading(c, 2, "Plans and reports by year", "documents");
    if (p.documents.empty()) c.element_text("p", "No documents published yet.");
    c.open("ul", {{"class", "document-list"}});
    for (const Document* d : newest_first(p)) {
        c.open("li", {{"class", "document-list__item"}});
        c.open("p", {{"class", "document-list__title"}});
        c.element_text("a", d->title.empty() ? d->slug : d->title, {{"href", page.link(paths::document(p, *d))}});
        c.close();
        c.open("p", {{"class", "document-list__meta"}});
        std::string year = document_year(*d);
        c.text((d->kind == DocumentKind::Report ? "Report" : "Plan") + (year.empty() ? "" : ", " + year) + " ");
        append_status_tag(c, d->status);
        c.close();
        if (d->kind == DocumentKind::Plan) {
            c.open("p", {{"class", "document-list__links"}});
            c.element_text("a", "Summary leaflet", {{"href", page.link(paths::leaflet(p, *d))}});
            c.text(" \u00b7 ");
            c.element_text("a", "All targets", {{"href", page.link(paths::targets(p, *d))}});
            c.close();
        }
        c.close();
    }
    c.close();

    if (!p.members.empty()) {
        abbr.new_section();
        append_heading(c, 2, "Members", "members");
        c.element_text("p", "The organisations that work together in the partnership:");
        append_members(c, p, writer);
    }
    // Other sections of _index.md, as written.
    for (const Section& s : p.sections) {
        if (s.kind == SectionKind::Members || s.kind == SectionKind::Contacts || s.kind == SectionKind::Glossary)
            continue;
        append_section(c, s, 2, writer, abbr);
    }
    if (has_contact_details(p)) {
        append_heading(c, 2, "Contact the partnership", "contact");
        append_contacts(c, p, 3);
    }
    site.search.push_back({partnership_name(p), page.path, "Partnership", p.area + " " + p.short_name});
    write_page(site, page, out);
}

void write_glossary_page(SiteContext& site, const Partnership& p, OutputSink& out) {
    Page page;
    page.path = paths::glossary(p);
    page.title = "Glossary of abbreviations";
    page.caption = partnership_name(p);
    page.crumbs = {{"Home", paths::kHome}, {partnership_name(p), paths::partnership(p)}};
    page.description = "What the abbreviations in " + partnership_name(p) + "'s plans mean.";
    html::Stream& c = page.content();
    c.element_text("p", "The abbreviations used in this partnership's plans, and what they stand for.");
    c.open("dl", {{"class", "glossary"}});
    for (const GlossaryEntry& g : p.glossary) {
        c.element_text("dt", g.term, {{"class", "glossary__term"}});
        c.element_text("dd", g.meaning, {{"class", "glossary__meaning"}});
    }
    c.close();
    std::string text;
    for (const GlossaryEntry& g : p.glossary) text += g.term + " " + g.meaning + " ";
    site.search.push_back({page.title, page.path, partnership_name(p), text});
    write_page(site, page, out);
}

}  // namespace planc
