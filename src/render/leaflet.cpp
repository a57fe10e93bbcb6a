// The public summary leaflet of a plan: what the partnership prints and hands out. Two
// A4 sides at most: vision, who the partnership is, each priority with its aim and up to
// three targets in plain words, the sections the plan names in `leaflet:`, how to get
// involved and how to get in touch.

#include <algorithm>

#include "render/components.hpp"
#include "render/document_body.hpp"
#include "render/html.hpp"
#include "render/pages.hpp"
#include "render/site_paths.hpp"
#include "render/target_words.hpp"

namespace planc {

namespace {

constexpr std::size_t kTargetsPerPriority = 3;

const Section* find_section(const std::vector<Section>& sections, const std::string& id) {
    for (const Section& s : sections) {
        if (s.id == id) return &s;
        if (const Section* child = find_section(s.children, id)) return child;
    }
    return nullptr;
}

bool names_get_involved(const Document& d) {
    for (const std::string& id : d.leaflet)
        if (const Section* s = find_section(d.sections, id); s && s->kind == SectionKind::GetInvolved) return true;
    return false;
}

void append_who(html::Stream& out, const Partnership& p, RichHtmlWriter& writer, AbbreviationMarker& abbr) {
    abbr.new_section();
    out.open("section", {{"class", "leaflet-section leaflet-who"}});
    append_heading(out, 2, "Who we are", "who-we-are");
    std::string name = partnership_name(p);
    std::string sentence = name;
    if (!p.short_name.empty() && p.short_name != name) sentence += " (" + p.short_name + ")";
    sentence += " is the local community safety partnership.";
    if (!p.area.empty()) sentence += " Area covered: " + p.area + ".";
    if (!p.members.empty()) sentence += " Its members are:";
    out.open("p");
    abbr.append(out, sentence);
    out.close();
    if (!p.members.empty()) {
        out.open("ul", {{"class", "list list--inline members"}});
        for (const Entry& m : p.members) {
            out.open("li");
            if (!m.content.empty())
                writer.inlines(out, m.content);
            else
                writer.text(out, m.text);
            out.close();
        }
        out.close();
    }
    out.close();
}

void append_priorities(html::Stream& out, const Document& d, AbbreviationMarker& abbr) {
    if (d.priorities.empty()) return;
    abbr.new_section();
    out.open("section", {{"class", "leaflet-section leaflet-priorities"}});
    std::string year = document_year(d);
    append_heading(out, 2, year.empty() ? "Our priorities" : "Our priorities for " + year, "priorities");
    for (const Priority& pr : d.priorities) {
        out.open("div", {{"class", "leaflet-priority"}});
        append_heading(out, 3, priority_heading(pr));
        if (!pr.aim.empty()) {
            out.open("p", {{"class", "leaflet-priority__aim"}});
            abbr.append(out, pr.aim);
            out.close();
        }
        if (!pr.targets.empty()) {
            out.open("ul", {{"class", "list list--bullet leaflet-targets"}});
            for (std::size_t i = 0; i < pr.targets.size() && i < kTargetsPerPriority; ++i) {
                out.open("li", {{"class", "leaflet-target"}});
                abbr.append(out, plain_target_sentence(pr.targets[i]));
                out.close();
            }
            out.close();
            if (pr.targets.size() > kTargetsPerPriority) {
                std::size_t more = pr.targets.size() - kTargetsPerPriority;
                out.element_text("p",
                                 "And " + std::to_string(more) + (more == 1 ? " more target" : " more targets") +
                                     " in the full plan.",
                                 {{"class", "leaflet-priority__more"}});
            }
        }
        out.close();
    }
    out.close();
}

void append_named_sections(html::Stream& out, const Document& d, RichHtmlWriter& writer, AbbreviationMarker& abbr) {
    for (const std::string& id : d.leaflet) {
        const Section* s = find_section(d.sections, id);
        if (!s) continue;  // reported by render_leaflet_page
        out.open("div", {{"class", "leaflet-section leaflet-named"}});
        append_section(out, *s, 2, writer, abbr);
        out.close();
    }
}

void append_get_involved(html::Stream& out, const Partnership& p) {
    out.open("section", {{"class", "leaflet-section leaflet-involved"}});
    append_heading(out, 2, "How to get involved", "get-involved");
    out.element_text("p",
                     "Tell us what you think about crime and safety where you live. Your views help the "
                     "partnership choose its priorities each year. You can contact " +
                         partnership_name(p) + " using the details below.");
    out.element_text("p", "To report a crime, call the police on 101. In an emergency, always call 999.");
    out.close();
}

void append_contact_section(html::Stream& out, const Partnership& p) {
    out.open("section", {{"class", "leaflet-section leaflet-contacts"}});
    append_heading(out, 2, "Contact us", "contact-us");
    if (has_contact_details(p))
        append_contacts(out, p, 3);
    else
        out.element_text("p", "Contact your local council and ask for the community safety team.");
    out.close();
}

}  // namespace

void write_leaflet_page(SiteContext& site, const Partnership& p, const Document& d, bool with_pdf, OutputSink& out) {
    std::string doc_title = d.title.empty() ? d.slug : d.title;
    std::string year = document_year(d);
    Page page;
    page.path = paths::leaflet(p, d);
    page.layout = "leaflet";
    // The copy for printing is kept only when it will be printed: it is the whole page
    // again, and made by reading the page back.
    page.printable = with_pdf;
    page.title = year.empty() ? "Our community safety plan" : "Our community safety plan for " + year;
    page.caption = partnership_name(p);
    page.crumbs = {{"Home", paths::kHome}, {partnership_name(p), paths::partnership(p)}, {doc_title, paths::document(p, d)}};
    page.description = "A summary of " + doc_title + " for residents.";
    page.values["leaflet.plan_url"] = page.link(paths::document(p, d));
    page.values["leaflet.pdf_url"] = with_pdf ? "leaflet.pdf" : "";
    AbbreviationMarker abbr(p.glossary);
    RichHtmlWriter writer(site, page, p, &d, abbr);
    html::Stream& c = page.content();

    c.element_text("p", "A summary of \u201c" + doc_title + "\u201d for people who live and work locally.",
                   {{"class", "lead leaflet-summary"}});
    if (!d.vision.empty()) {
        c.open("section", {{"class", "leaflet-section leaflet-vision"}});
        append_heading(c, 2, "Our vision", "vision");
        c.open("p", {{"class", "leaflet-vision__text"}});
        abbr.append(c, d.vision);
        c.close();
        c.close();
    }
    append_who(c, p, writer, abbr);
    append_priorities(c, d, abbr);
    for (const std::string& id : d.leaflet) {
        if (find_section(d.sections, id)) continue;
        Span where = d.fields.count("leaflet") ? d.fields.at("leaflet") : Span{1, 1, 1, 1};
        site.diags.report(DiagCode::E004, "`leaflet:` names the section `" + id + "`, which this document does not have",
                          {d.path, where});
    }
    append_named_sections(c, d, writer, abbr);
    if (!names_get_involved(d)) append_get_involved(c, p);
    append_contact_section(c, p);

    c.open("p", {{"class", "leaflet-more"}});
    c.text("Read the full plan, with every target, online");
    const std::string& base = site.project.settings.base_url;
    if (base.rfind("http", 0) == 0) {
        std::string url = base + paths::document_dir(p, d);
        c.text(" at ");
        c.element_text("a", url, {{"href", page.link(paths::document(p, d))}, {"class", "leaflet-url"}});
    }
    c.text(". Ask us if you need this leaflet in large print, another language or another format.");
    c.close();
    write_page(site, page, out);
}

}  // namespace planc
