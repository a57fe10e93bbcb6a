// Sections and priority parts as HTML (see document_body.hpp).

#include "render/document_body.hpp"

#include <algorithm>

#include "render/charts.hpp"
#include "render/components.hpp"
#include "render/html.hpp"
#include "render/target_words.hpp"

namespace planc {

namespace {

void append_entries(html::Stream& out, const std::vector<Entry>& entries, RichHtmlWriter& writer, bool ordered) {
    out.open(ordered ? "ol" : "ul", {{"class", ordered ? "list list--number" : "list list--bullet"}});
    for (const Entry& e : entries) {
        out.open("li");
        if (!e.content.empty())
            writer.inlines(out, e.content);
        else
            writer.text(out, e.text);
        out.close();
    }
    out.close();
}

std::string part_id(const PriorityBodyOptions& o, const std::string& name) {
    return o.id_prefix.empty() ? name : o.id_prefix + "-" + name;
}

}  // namespace

void append_section(html::Stream& out, const Section& s, int level, RichHtmlWriter& writer,
                    AbbreviationMarker& abbr) {
    if (level <= 2) abbr.new_section();
    // Text before the first heading has no title: it opens the document.
    out.open(s.title.empty() ? "div" : "section", {{"class", "doc-section"}});
    if (!s.title.empty()) append_heading(out, level, s.title, s.id);
    writer.set_heading_shift(level - s.level);
    writer.set_table_caption(s.title);
    writer.blocks(out, s.blocks);
    for (const Section& child : s.children) append_section(out, child, level + 1, writer, abbr);
    out.close();
}

std::string target_count_words(const Priority& pr) {
    int total = static_cast<int>(pr.targets.size());
    if (total == 0) return "No targets";
    int tbc = targets_to_be_confirmed(pr);
    std::string s = std::to_string(total) + (total == 1 ? " target" : " targets");
    if (tbc > 0) s += ", " + std::to_string(tbc) + " to be confirmed";
    return s;
}

void append_priority_summary(html::Stream& out, const Priority& pr) {
    open_summary_list(out);
    if (pr.leads.empty()) {
        append_summary_row(out, pr.leads.size() > 1 ? "Leads" : "Lead", "Not stated");
    } else {
        std::string names;
        for (const Lead& l : pr.leads) names += (names.empty() ? "" : "; ") + l.name;
        append_summary_row(out, pr.leads.size() > 1 ? "Leads" : "Lead", names);
    }
    open_summary_row(out, "Targets");
    int total = static_cast<int>(pr.targets.size());
    out.text(total == 0 ? "No targets" : std::to_string(total) + (total == 1 ? " target" : " targets"));
    if (int tbc = targets_to_be_confirmed(pr); tbc > 0) {
        out.text(" ");
        append_tag(out, std::to_string(tbc) + " to be confirmed", "tbc");
    }
    close_summary_row(out);
    if (!pr.indicators.empty())
        append_summary_row(out, "Indicators", std::to_string(pr.indicators.size()) + " linked");
    out.close();
}

void append_priority_body(html::Stream& out, const Page& page, const Partnership& p, const Document& d,
                          const Priority& pr, RichHtmlWriter& writer, AbbreviationMarker& abbr,
                          const PriorityBodyOptions& o) {
    if (o.aim && !pr.aim.empty()) {
        out.open("p", {{"class", "priority-aim"}});
        out.element_text("span", "Aim: ", {{"class", "priority-aim__label"}});
        writer.text(out, pr.aim);
        out.close();
    }
    append_priority_summary(out, pr);
    // Subsection headings in the source sit one level below the priority's heading.
    writer.set_heading_shift(o.level - 3);
    writer.set_table_caption(priority_heading(pr));
    writer.blocks(out, priority_intro(d, pr));
    // Each part is a <section> with a heading; the caller closes it.
    auto open_part = [&](const std::string& title, const std::string& name) {
        out.open("section", {{"class", "priority-part"}});
        append_heading(out, o.level, title, part_id(o, name));
        writer.set_table_caption(title);
    };
    if (std::vector<const Block*> background = priority_background(d, pr); !background.empty()) {
        open_part("Background", "background");
        writer.blocks(out, background);
        out.close();
    }
    if (!pr.aims.empty()) {
        open_part("Aims", "aims");
        append_entries(out, pr.aims, writer, true);
        out.close();
    }
    if (!pr.objectives.empty()) {
        open_part("Objectives", "objectives");
        append_entries(out, pr.objectives, writer, true);
        out.close();
    }
    if (!pr.actions.empty()) {
        open_part(pr.actions_heading.empty() ? "Actions" : pr.actions_heading, "actions");
        append_entries(out, pr.actions, writer, false);
        out.close();
    }
    if (!pr.indicators.empty()) {
        open_part("Indicators", "indicators");
        out.open("ul", {{"class", "list list--bullet indicators"}});
        for (const IndicatorRef& ind : pr.indicators) {
            out.open("li");
            out.element_text("span", ind.code, {{"class", "indicator__code"}});
            if (!ind.description.empty()) writer.text(out, " \u2013 " + ind.description);
            out.close();
        }
        out.close();
        out.close();
    }
    open_part("Targets", "targets");
    if (pr.targets.empty()) {
        out.element_text("p", "This priority sets no measurable targets.");
    } else {
        TargetsTableOptions options;
        options.caption = "Targets for " + priority_heading(pr);
        append_targets_table(out, page, p, d, {&pr}, options, abbr);
        if (o.charts) {
            // The grid only when some target has a chart.
            html::Stream::Mark before = out.mark();
            out.open("div", {{"class", "chart-grid"}});
            html::Stream::Mark empty = out.mark();
            int n = 0;
            for (const Target& t : pr.targets) {
                ++n;
                if (auto chart = target_chart(t, part_id(o, "target-" + std::to_string(n) + "-chart"))) {
                    out.open("div", {{"class", "chart-grid__item"}});
                    out.element_text("p", measure_text(t), {{"class", "chart__title"}});
                    append_bar_chart(out, *chart);
                    out.close();
                }
            }
            if (out.nothing_since(empty))
                out.rollback(before);
            else
                out.close();
        }
    }
    out.close();
    for (const Section* other : priority_other(d, pr)) append_section(out, *other, o.level, writer, abbr);
}

}  // namespace planc
