// Sections and priority parts as HTML (see document_body.hpp).

#include "render/document_body.hpp"

#include <algorithm>

#include "render/charts.hpp"
#include "render/components.hpp"
#include "render/html.hpp"
#include "render/target_words.hpp"

namespace planc {

namespace {

void append_entries(pugi::xml_node parent, const std::vector<Entry>& entries, RichHtmlWriter& writer, bool ordered) {
    pugi::xml_node list = html::element(parent, ordered ? "ol" : "ul",
                                        {{"class", ordered ? "list list--number" : "list list--bullet"}});
    for (const Entry& e : entries) {
        pugi::xml_node li = html::element(list, "li");
        if (!e.content.empty())
            writer.inlines(li, e.content);
        else
            writer.text(li, e.text);
    }
}

std::string part_id(const PriorityBodyOptions& o, const std::string& name) {
    return o.id_prefix.empty() ? name : o.id_prefix + "-" + name;
}

}  // namespace

void append_section(pugi::xml_node parent, const Section& s, int level, RichHtmlWriter& writer,
                    AbbreviationMarker& abbr) {
    if (level <= 2) abbr.new_section();
    // Text before the first heading has no title: it opens the document.
    pugi::xml_node section = html::element(parent, s.title.empty() ? "div" : "section", {{"class", "doc-section"}});
    if (!s.title.empty()) append_heading(section, level, s.title, s.id);
    writer.set_heading_shift(level - s.level);
    writer.set_table_caption(s.title);
    writer.blocks(section, s.blocks);
    for (const Section& child : s.children) append_section(section, child, level + 1, writer, abbr);
}

std::string target_count_words(const Priority& pr) {
    int total = static_cast<int>(pr.targets.size());
    if (total == 0) return "No targets";
    int tbc = targets_to_be_confirmed(pr);
    std::string s = std::to_string(total) + (total == 1 ? " target" : " targets");
    if (tbc > 0) s += ", " + std::to_string(tbc) + " to be confirmed";
    return s;
}

void append_priority_summary(pugi::xml_node parent, const Priority& pr) {
    pugi::xml_node dl = append_summary_list(parent);
    pugi::xml_node lead = append_summary_row(dl, pr.leads.size() > 1 ? "Leads" : "Lead");
    if (pr.leads.empty()) {
        html::text(lead, "Not stated");
    } else {
        std::string names;
        for (const Lead& l : pr.leads) names += (names.empty() ? "" : "; ") + l.name;
        html::text(lead, names);
    }
    pugi::xml_node targets = append_summary_row(dl, "Targets");
    int total = static_cast<int>(pr.targets.size());
    html::text(targets, total == 0 ? "No targets" : std::to_string(total) + (total == 1 ? " target" : " targets"));
    if (int tbc = targets_to_be_confirmed(pr); tbc > 0) {
        html::text(targets, " ");
        append_tag(targets, std::to_string(tbc) + " to be confirmed", "tbc");
    }
    if (!pr.indicators.empty())
        html::text(append_summary_row(dl, "Indicators"), std::to_string(pr.indicators.size()) + " linked");
}

void append_priority_body(pugi::xml_node parent, const Page& page, const Partnership& p, const Document& d,
                          const Priority& pr, RichHtmlWriter& writer, AbbreviationMarker& abbr,
                          const PriorityBodyOptions& o) {
    if (o.aim && !pr.aim.empty()) {
        pugi::xml_node aim = html::element(parent, "p", {{"class", "priority-aim"}});
        html::element_text(aim, "span", "Aim: ", {{"class", "priority-aim__label"}});
        writer.text(aim, pr.aim);
    }
    append_priority_summary(parent, pr);
    // Subsection headings in the source sit one level below the priority's heading.
    writer.set_heading_shift(o.level - 3);
    writer.set_table_caption(priority_heading(pr));
    writer.blocks(parent, priority_intro(d, pr));
    auto part = [&](const std::string& title, const std::string& name) {
        pugi::xml_node section = html::element(parent, "section", {{"class", "priority-part"}});
        append_heading(section, o.level, title, part_id(o, name));
        writer.set_table_caption(title);
        return section;
    };
    if (std::vector<const Block*> background = priority_background(d, pr); !background.empty())
        writer.blocks(part("Background", "background"), background);
    if (!pr.aims.empty()) append_entries(part("Aims", "aims"), pr.aims, writer, true);
    if (!pr.objectives.empty()) append_entries(part("Objectives", "objectives"), pr.objectives, writer, true);
    if (!pr.actions.empty())
        append_entries(part(pr.actions_heading.empty() ? "Actions" : pr.actions_heading, "actions"), pr.actions,
                       writer, false);
    if (!pr.indicators.empty()) {
        pugi::xml_node section = part("Indicators", "indicators");
        pugi::xml_node list = html::element(section, "ul", {{"class", "list list--bullet indicators"}});
        for (const IndicatorRef& ind : pr.indicators) {
            pugi::xml_node li = html::element(list, "li");
            html::element_text(li, "span", ind.code, {{"class", "indicator__code"}});
            if (!ind.description.empty()) writer.text(li, " \u2013 " + ind.description);
        }
    }
    pugi::xml_node targets = part("Targets", "targets");
    if (pr.targets.empty()) {
        html::element_text(targets, "p", "This priority sets no measurable targets.");
    } else {
        TargetsTableOptions options;
        options.caption = "Targets for " + priority_heading(pr);
        append_targets_table(targets, page, p, d, {&pr}, options, abbr);
        if (o.charts) {
            pugi::xml_node charts = html::element(targets, "div", {{"class", "chart-grid"}});
            int n = 0;
            for (const Target& t : pr.targets) {
                ++n;
                if (auto chart = target_chart(t, part_id(o, "target-" + std::to_string(n) + "-chart"))) {
                    pugi::xml_node cell = html::element(charts, "div", {{"class", "chart-grid__item"}});
                    html::element_text(cell, "p", measure_text(t), {{"class", "chart__title"}});
                    append_bar_chart(cell, *chart);
                }
            }
            if (!charts.first_child()) targets.remove_child(charts);
        }
    }
    for (const Section* other : priority_other(d, pr)) append_section(parent, *other, o.level, writer, abbr);
}

}  // namespace planc
