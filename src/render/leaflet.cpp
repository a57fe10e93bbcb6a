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

void append_who(pugi::xml_node parent, const Partnership& p, RichHtmlWriter& writer, AbbreviationMarker& abbr) {
    abbr.new_section();
    pugi::xml_node section = html::element(parent, "section", {{"class", "leaflet-section leaflet-who"}});
    append_heading(section, 2, "Who we are", "who-we-are");
    pugi::xml_node intro = html::element(section, "p");
    std::string name = partnership_name(p);
    std::string sentence = name;
    if (!p.short_name.empty() && p.short_name != name) sentence += " (" + p.short_name + ")";
    sentence += " is the local community safety partnership.";
    if (!p.area.empty()) sentence += " Area covered: " + p.area + ".";
    if (!p.members.empty()) sentence += " Its members are:";
    abbr.append(intro, sentence);
    if (!p.members.empty()) {
        pugi::xml_node list = html::element(section, "ul", {{"class", "list list--inline members"}});
        for (const Entry& m : p.members) {
            pugi::xml_node li = html::element(list, "li");
            if (!m.content.empty())
                writer.inlines(li, m.content);
            else
                writer.text(li, m.text);
        }
    }
}

void append_priorities(pugi::xml_node parent, const Document& d, AbbreviationMarker& abbr) {
    if (d.priorities.empty()) return;
    abbr.new_section();
    pugi::xml_node section = html::element(parent, "section", {{"class", "leaflet-section leaflet-priorities"}});
    std::string year = document_year(d);
    append_heading(section, 2, year.empty() ? "Our priorities" : "Our priorities for " + year, "priorities");
    for (const Priority& pr : d.priorities) {
        pugi::xml_node item = html::element(section, "div", {{"class", "leaflet-priority"}});
        append_heading(item, 3, priority_heading(pr));
        if (!pr.aim.empty()) {
            pugi::xml_node aim = html::element(item, "p", {{"class", "leaflet-priority__aim"}});
            abbr.append(aim, pr.aim);
        }
        if (pr.targets.empty()) continue;
        pugi::xml_node list = html::element(item, "ul", {{"class", "list list--bullet leaflet-targets"}});
        for (std::size_t i = 0; i < pr.targets.size() && i < kTargetsPerPriority; ++i) {
            pugi::xml_node li = html::element(list, "li", {{"class", "leaflet-target"}});
            abbr.append(li, plain_target_sentence(pr.targets[i]));
        }
        if (pr.targets.size() > kTargetsPerPriority) {
            std::size_t more = pr.targets.size() - kTargetsPerPriority;
            html::element_text(item, "p",
                               "And " + std::to_string(more) + (more == 1 ? " more target" : " more targets") +
                                   " in the full plan.",
                               {{"class", "leaflet-priority__more"}});
        }
    }
}

void append_named_sections(pugi::xml_node parent, const Document& d, RichHtmlWriter& writer, AbbreviationMarker& abbr) {
    for (const std::string& id : d.leaflet) {
        const Section* s = find_section(d.sections, id);
        if (!s) continue;  // reported by render_leaflet_page
        pugi::xml_node section = html::element(parent, "div", {{"class", "leaflet-section leaflet-named"}});
        append_section(section, *s, 2, writer, abbr);
    }
}

void append_get_involved(pugi::xml_node parent, const Partnership& p) {
    pugi::xml_node section = html::element(parent, "section", {{"class", "leaflet-section leaflet-involved"}});
    append_heading(section, 2, "How to get involved", "get-involved");
    html::element_text(section, "p",
                       "Tell us what you think about crime and safety where you live. Your views help the "
                       "partnership choose its priorities each year. You can contact " +
                           partnership_name(p) + " using the details below.");
    html::element_text(section, "p", "To report a crime, call the police on 101. In an emergency, always call 999.");
}

void append_contact_section(pugi::xml_node parent, const Partnership& p) {
    pugi::xml_node section = html::element(parent, "section", {{"class", "leaflet-section leaflet-contacts"}});
    append_heading(section, 2, "Contact us", "contact-us");
    if (has_contact_details(p))
        append_contacts(section, p, 3);
    else
        html::element_text(section, "p", "Contact your local council and ask for the community safety team.");
}

}  // namespace

void write_leaflet_page(SiteContext& site, const Partnership& p, const Document& d, bool with_pdf, OutputSink& out) {
    std::string doc_title = d.title.empty() ? d.slug : d.title;
    std::string year = document_year(d);
    Page page;
    page.path = paths::leaflet(p, d);
    page.layout = "leaflet";
    page.printable = true;
    page.title = year.empty() ? "Our community safety plan" : "Our community safety plan for " + year;
    page.caption = partnership_name(p);
    page.crumbs = {{"Home", paths::kHome}, {partnership_name(p), paths::partnership(p)}, {doc_title, paths::document(p, d)}};
    page.description = "A summary of " + doc_title + " for residents.";
    page.values["leaflet.plan_url"] = page.link(paths::document(p, d));
    page.values["leaflet.pdf_url"] = with_pdf ? "leaflet.pdf" : "";
    AbbreviationMarker abbr(p.glossary);
    RichHtmlWriter writer(site, page, p, &d, abbr);
    pugi::xml_node c = page.content();

    html::element_text(c, "p", "A summary of \u201c" + doc_title + "\u201d for people who live and work locally.",
                       {{"class", "lead leaflet-summary"}});
    if (!d.vision.empty()) {
        pugi::xml_node vision = html::element(c, "section", {{"class", "leaflet-section leaflet-vision"}});
        append_heading(vision, 2, "Our vision", "vision");
        pugi::xml_node text = html::element(vision, "p", {{"class", "leaflet-vision__text"}});
        abbr.append(text, d.vision);
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

    pugi::xml_node more = html::element(c, "p", {{"class", "leaflet-more"}});
    html::text(more, "Read the full plan, with every target, online");
    const std::string& base = site.project.settings.base_url;
    if (base.rfind("http", 0) == 0) {
        std::string url = base + paths::document_dir(p, d);
        html::text(more, " at ");
        html::element_text(more, "a", url, {{"href", page.link(paths::document(p, d))}, {"class", "leaflet-url"}});
    }
    html::text(more, ". Ask us if you need this leaflet in large print, another language or another format.");
    write_page(site, page, out);
}

}  // namespace planc
