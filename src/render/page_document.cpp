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

void append_facts(html::Stream& out, const Document& d) {
    open_summary_list(out);
    open_summary_row(out, "Status");
    append_status_tag(out, d.status);
    close_summary_row(out);
    if (d.approved)
        append_summary_row(out, "Approved on", d.approved->readable());
    else if (d.status != PlanStatus::Draft)
        append_summary_row(out, "Approved on", "Not stated");
    if (d.year) append_summary_row(out, "Year", d.year->readable());
    if (std::string period = period_words(d); !period.empty()) append_summary_row(out, "Covers", period);
    if (d.kind == DocumentKind::Plan) {
        int targets = 0, tbc = 0;
        for (const Priority& pr : d.priorities) {
            targets += static_cast<int>(pr.targets.size());
            tbc += targets_to_be_confirmed(pr);
        }
        append_summary_row(out, "Priorities", std::to_string(d.priorities.size()));
        append_summary_row(out, "Targets",
                           std::to_string(targets) + (tbc ? ", " + std::to_string(tbc) + " to be confirmed" : ""));
    }
    out.close();
}

void append_downloads(html::Stream& out, const Page& page, const Partnership& p, const Document& d) {
    out.open("aside", {{"class", "related"}, {"aria-labelledby", "related-title"}});
    out.element_text("h2", "Related", {{"class", "related__title"}, {"id", "related-title"}});
    out.open("ul", {{"class", "related__list"}});
    auto item = [&](const std::string& text, const std::string& target, const std::string& note) {
        out.open("li");
        out.element_text("a", text, {{"href", page.link(target)}});
        if (!note.empty()) out.element_text("span", " " + note, {{"class", "related__note"}});
        out.close();
    };
    std::string dir = paths::document_dir(p, d);
    if (d.kind == DocumentKind::Plan) {
        item("Public summary leaflet", paths::leaflet(p, d), "");
        item("All targets in one table", paths::targets(p, d), "");
    }
    item("Targets as a spreadsheet", dir + "targets.csv", "(CSV)");
    item("The whole plan as data", dir + "plan.json", "(JSON)");
    out.close();
    out.close();
}

void append_contents(html::Stream& out, const Document& d) {
    out.open("nav", {{"class", "contents"}, {"aria-label", "Contents"}});
    out.element_text("h2", "Contents", {{"class", "contents__title"}});
    out.open("ol", {{"class", "contents__list"}});
    auto entry = [&](const std::string& text, const std::string& id) {
        out.open("li");
        out.element_text("a", text, {{"href", "#" + id}});
        out.close();
    };
    if (!d.priorities.empty()) entry("Priorities at a glance", "priorities-overview");
    for (const Section& s : d.sections)
        if (!s.title.empty()) entry(s.title, s.id);
    out.close();
    out.close();
}

void append_priorities_overview(html::Stream& out, const Page& page, const Partnership& p, const Document& d,
                                AbbreviationMarker& abbr) {
    abbr.new_section();
    out.open("section", {{"class", "priorities-overview"}});
    append_heading(out, 2, "Priorities at a glance", "priorities-overview");
    out.open("ul", {{"class", "card-list"}});
    for (const Priority& pr : d.priorities) {
        out.open("li", {{"class", "card"}});
        out.open("h3", {{"class", "card__title"}});
        out.element_text("a", priority_heading(pr), {{"href", page.link(paths::priority(p, d, pr))}});
        out.close();
        if (!pr.aim.empty()) {
            out.open("p", {{"class", "card__aim"}});
            abbr.append(out, pr.aim);
            out.close();
        }
        append_priority_summary(out, pr);
        out.close();
    }
    out.close();
    out.close();
}

/// schema.org/Dataset as JSON-LD, so search engines find the open data of the plan.
void append_dataset_metadata(html::Stream& out, const SiteContext& site, const Page& page, const Partnership& p,
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
    out.element_text("script", safe, {{"type", "application/ld+json"}});  // written raw: it is a <script>
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
    html::Stream& c = page.content();

    if (d.status == PlanStatus::Draft) {
        c.open("div", {{"class", "notice"}});
        c.element_text("p", "This is a draft. It has not been approved yet and may change.", {{"class", "notice__text"}});
        c.close();
    }
    if (!d.vision.empty()) {
        c.open("div", {{"class", "vision"}});
        c.element_text("h2", "Our vision", {{"class", "vision__title"}});
        c.open("p", {{"class", "vision__text"}});
        abbr.append(c, d.vision);
        c.close();
        c.close();
    }
    append_facts(c, d);
    append_downloads(c, page, p, d);
    append_contents(c, d);
    if (!d.priorities.empty()) append_priorities_overview(c, page, p, d, abbr);

    for (const Section& s : d.sections) {
        if (s.kind != SectionKind::Priority || s.priority_index < 0 ||
            s.priority_index >= static_cast<int>(d.priorities.size())) {
            append_section(c, s, 2, writer, abbr);
            continue;
        }
        const Priority& pr = d.priorities[static_cast<std::size_t>(s.priority_index)];
        abbr.new_section();
        c.open("section", {{"class", "doc-section doc-section--priority"}});
        append_heading(c, 2, priority_heading(pr), s.id);
        PriorityBodyOptions options;
        options.level = 3;
        options.id_prefix = s.id;
        options.charts = false;
        append_priority_body(c, page, p, d, pr, writer, abbr, options);
        c.open("p", {{"class", "more-link"}});
        c.element_text("a", "Charts and details for " + priority_heading(pr), {{"href", page.link(paths::priority(p, d, pr))}});
        c.close();
        c.close();
    }
    if (d.kind == DocumentKind::Plan) append_dataset_metadata(c, site, page, p, d);
    collect_search(site, page, p, d);
    write_page(site, page, out);
}

}  // namespace planc
