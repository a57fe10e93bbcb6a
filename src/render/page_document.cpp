// A plan or report: vision, status, downloads, contents, priorities overview, then the
// document's sections in order.

#include <nlohmann/json.hpp>

#include "planc/rich_text.hpp"
#include "render/components.hpp"
#include "render/document_body.hpp"
#include "render/html.hpp"
#include "render/pages.hpp"
#include "render/site_paths.hpp"

namespace planc {

namespace {

void append_facts(pugi::xml_node parent, const Document& d) {
    pugi::xml_node dl = append_summary_list(parent);
    append_status_tag(append_summary_row(dl, "Status"), d.status);
    if (d.approved)
        html::text(append_summary_row(dl, "Approved on"), d.approved->readable());
    else if (d.status != PlanStatus::Draft)
        html::text(append_summary_row(dl, "Approved on"), "Not stated");
    if (d.year) html::text(append_summary_row(dl, "Year"), d.year->readable());
    if (std::string period = period_words(d); !period.empty()) html::text(append_summary_row(dl, "Covers"), period);
    if (d.kind == DocumentKind::Plan) {
        int targets = 0, tbc = 0;
        for (const Priority& pr : d.priorities) {
            targets += static_cast<int>(pr.targets.size());
            tbc += targets_to_be_confirmed(pr);
        }
        html::text(append_summary_row(dl, "Priorities"), std::to_string(d.priorities.size()));
        pugi::xml_node t = append_summary_row(dl, "Targets");
        html::text(t, std::to_string(targets) + (tbc ? ", " + std::to_string(tbc) + " to be confirmed" : ""));
    }
}

void append_downloads(pugi::xml_node parent, const Page& page, const Partnership& p, const Document& d) {
    pugi::xml_node aside = html::element(parent, "aside", {{"class", "related"}, {"aria-labelledby", "related-title"}});
    html::element_text(aside, "h2", "Related", {{"class", "related__title"}, {"id", "related-title"}});
    pugi::xml_node list = html::element(aside, "ul", {{"class", "related__list"}});
    auto item = [&](const std::string& text, const std::string& target, const std::string& note) {
        pugi::xml_node li = html::element(list, "li");
        html::element_text(li, "a", text, {{"href", page.link(target)}});
        if (!note.empty()) html::element_text(li, "span", " " + note, {{"class", "related__note"}});
    };
    std::string dir = paths::document_dir(p, d);
    if (d.kind == DocumentKind::Plan) {
        item("Public summary leaflet", paths::leaflet(p, d), "");
        item("All targets in one table", paths::targets(p, d), "");
    }
    item("Targets as a spreadsheet", dir + "targets.csv", "(CSV)");
    item("The whole plan as data", dir + "plan.json", "(JSON)");
}

void append_contents(pugi::xml_node parent, const Page& page, const Document& d) {
    (void)page;
    pugi::xml_node nav = html::element(parent, "nav", {{"class", "contents"}, {"aria-label", "Contents"}});
    html::element_text(nav, "h2", "Contents", {{"class", "contents__title"}});
    pugi::xml_node list = html::element(nav, "ol", {{"class", "contents__list"}});
    auto entry = [&](const std::string& text, const std::string& id) {
        html::element_text(html::element(list, "li"), "a", text, {{"href", "#" + id}});
    };
    if (!d.priorities.empty()) entry("Priorities at a glance", "priorities-overview");
    for (const Section& s : d.sections)
        if (!s.title.empty()) entry(s.title, s.id);
}

void append_priorities_overview(pugi::xml_node parent, const Page& page, const Partnership& p, const Document& d,
                                AbbreviationMarker& abbr) {
    abbr.new_section();
    pugi::xml_node section = html::element(parent, "section", {{"class", "priorities-overview"}});
    append_heading(section, 2, "Priorities at a glance", "priorities-overview");
    pugi::xml_node list = html::element(section, "ul", {{"class", "card-list"}});
    for (const Priority& pr : d.priorities) {
        pugi::xml_node card = html::element(list, "li", {{"class", "card"}});
        pugi::xml_node h = html::element(card, "h3", {{"class", "card__title"}});
        html::element_text(h, "a", priority_heading(pr), {{"href", page.link(paths::priority(p, d, pr))}});
        if (!pr.aim.empty()) {
            pugi::xml_node aim = html::element(card, "p", {{"class", "card__aim"}});
            abbr.append(aim, pr.aim);
        }
        append_priority_summary(card, pr);
    }
}

/// schema.org/Dataset as JSON-LD, so search engines find the open data of the plan.
void append_dataset_metadata(pugi::xml_node parent, const SiteContext& site, const Page& page, const Partnership& p,
                             const Document& d) {
    const std::string& base = site.project.settings.base_url;
    bool absolute = base.rfind("https://", 0) == 0 || base.rfind("http://", 0) == 0;
    std::string dir = paths::document_dir(p, d);
    auto url = [&](const std::string& target) { return absolute ? base + target : page.link(target); };
    nlohmann::ordered_json j;
    j["@context"] = "https://schema.org";
    j["@type"] = "Dataset";
    j["name"] = (d.title.empty() ? d.slug : d.title) + ": priorities and targets";
    j["description"] = "The priorities and targets of " + (d.title.empty() ? d.slug : d.title) + " by " +
                       partnership_name(p) + (d.vision.empty() ? std::string(".") : ". Vision: " + d.vision);
    j["url"] = url(dir);
    j["creator"] = {{"@type", "Organization"}, {"name", partnership_name(p)}};
    if (d.period)
        j["temporalCoverage"] = std::to_string(d.period->first.year) + "-04/" + std::to_string(d.period->last.fy_end()) + "-03";
    if (!p.area.empty()) j["spatialCoverage"] = p.area;
    j["isAccessibleForFree"] = true;
    j["distribution"] = nlohmann::ordered_json::array(
        {{{"@type", "DataDownload"}, {"encodingFormat", "text/csv"}, {"contentUrl", url(dir + "targets.csv")}},
         {{"@type", "DataDownload"}, {"encodingFormat", "application/json"}, {"contentUrl", url(dir + "plan.json")}}});
    std::string text = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    std::string safe;
    for (char ch : text) safe += ch == '<' ? std::string("\\u003c") : std::string(1, ch);
    pugi::xml_node script = html::element(parent, "script", {{"type", "application/ld+json"}});
    script.append_child(pugi::node_pcdata).set_value(safe.c_str());
}

/// The document's text as search entries, one per top-level section.
void collect_search(SiteContext& site, const Page& page, const Partnership& p, const Document& d) {
    std::string context = partnership_name(p) + ": " + (d.title.empty() ? d.slug : d.title);
    site.search.push_back({d.title.empty() ? d.slug : d.title, page.path, partnership_name(p), d.vision});
    for (const Section& s : d.sections) {
        if (s.kind == SectionKind::Priority) continue;  // the priority pages are indexed instead
        std::string text = plain_text(s.blocks);
        for (const Section& child : s.children) text += " " + child.title + " " + plain_text(child.blocks);
        site.search.push_back({s.title, page.path + "#" + s.id, context, text});
    }
}

}  // namespace

void write_document_page(SiteContext& site, const Partnership& p, const Document& d, OutputSink& out) {
    Page page;
    page.path = paths::document(p, d);
    page.title = d.title.empty() ? d.slug : d.title;
    page.caption = partnership_name(p);
    page.crumbs = {{"Home", paths::kHome}, {partnership_name(p), paths::partnership(p)}};
    page.description = d.vision.empty() ? page.title + " by " + partnership_name(p) : d.vision;
    AbbreviationMarker abbr(p.glossary);
    RichHtmlWriter writer(site, page, p, &d, abbr);
    pugi::xml_node c = page.content();

    if (d.status == PlanStatus::Draft) {
        pugi::xml_node notice = html::element(c, "div", {{"class", "notice"}});
        html::element_text(notice, "p", "This is a draft. It has not been approved yet and may change.",
                           {{"class", "notice__text"}});
    }
    if (!d.vision.empty()) {
        pugi::xml_node vision = html::element(c, "div", {{"class", "vision"}});
        html::element_text(vision, "h2", "Our vision", {{"class", "vision__title"}});
        pugi::xml_node text = html::element(vision, "p", {{"class", "vision__text"}});
        abbr.append(text, d.vision);
    }
    append_facts(c, d);
    append_downloads(c, page, p, d);
    append_contents(c, page, d);
    if (!d.priorities.empty()) append_priorities_overview(c, page, p, d, abbr);

    for (const Section& s : d.sections) {
        if (s.kind != SectionKind::Priority || s.priority_index < 0 ||
            s.priority_index >= static_cast<int>(d.priorities.size())) {
            append_section(c, s, 2, writer, abbr);
            continue;
        }
        const Priority& pr = d.priorities[static_cast<std::size_t>(s.priority_index)];
        abbr.new_section();
        pugi::xml_node section = html::element(c, "section", {{"class", "doc-section doc-section--priority"}});
        append_heading(section, 2, priority_heading(pr), s.id);
        PriorityBodyOptions options;
        options.level = 3;
        options.id_prefix = s.id;
        options.charts = false;
        append_priority_body(section, page, p, d, pr, writer, abbr, options);
        pugi::xml_node more = html::element(section, "p", {{"class", "more-link"}});
        html::element_text(more, "a", "Charts and details for " + priority_heading(pr),
                           {{"href", page.link(paths::priority(p, d, pr))}});
    }
    if (d.kind == DocumentKind::Plan) append_dataset_metadata(c, site, page, p, d);
    collect_search(site, page, p, d);
    write_page(site, page, out);
}

}  // namespace planc
