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
    pugi::xml_node c = page.content();

    pugi::xml_node facts = append_summary_list(c);
    if (!p.short_name.empty()) html::text(append_summary_row(facts, "Also known as"), p.short_name);
    if (!p.area.empty()) html::text(append_summary_row(facts, "Area"), p.area);
    html::text(append_summary_row(facts, "Documents"), std::to_string(p.documents.size()));
    if (!p.glossary.empty())
        html::element_text(append_summary_row(facts, "Abbreviations"), "a", "Glossary of abbreviations",
                           {{"href", page.link(paths::glossary(p))}});

    append_heading(c, 2, "Plans and reports by year", "documents");
    if (p.documents.empty()) html::element_text(c, "p", "No documents published yet.");
    pugi::xml_node list = html::element(c, "ul", {{"class", "document-list"}});
    for (const Document* d : newest_first(p)) {
        pugi::xml_node li = html::element(list, "li", {{"class", "document-list__item"}});
        pugi::xml_node title = html::element(li, "p", {{"class", "document-list__title"}});
        html::element_text(title, "a", d->title.empty() ? d->slug : d->title,
                           {{"href", page.link(paths::document(p, *d))}});
        pugi::xml_node meta = html::element(li, "p", {{"class", "document-list__meta"}});
        std::string year = document_year(*d);
        html::text(meta, (d->kind == DocumentKind::Report ? "Report" : "Plan") + (year.empty() ? "" : ", " + year) + " ");
        append_status_tag(meta, d->status);
        if (d->kind == DocumentKind::Plan) {
            pugi::xml_node links = html::element(li, "p", {{"class", "document-list__links"}});
            html::element_text(links, "a", "Summary leaflet", {{"href", page.link(paths::leaflet(p, *d))}});
            html::text(links, " \u00b7 ");
            html::element_text(links, "a", "All targets", {{"href", page.link(paths::targets(p, *d))}});
        }
    }

    if (!p.members.empty()) {
        abbr.new_section();
        append_heading(c, 2, "Members", "members");
        html::element_text(c, "p", "The organisations that work together in the partnership:");
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
    pugi::xml_node c = page.content();
    html::element_text(c, "p", "The abbreviations used in this partnership's plans, and what they stand for.");
    pugi::xml_node dl = html::element(c, "dl", {{"class", "glossary"}});
    for (const GlossaryEntry& g : p.glossary) {
        html::element_text(dl, "dt", g.term, {{"class", "glossary__term"}});
        html::element_text(dl, "dd", g.meaning, {{"class", "glossary__meaning"}});
    }
    std::string text;
    for (const GlossaryEntry& g : p.glossary) text += g.term + " " + g.meaning + " ";
    site.search.push_back({page.title, page.path, partnership_name(p), text});
    write_page(site, page, out);
}

}  // namespace planc
