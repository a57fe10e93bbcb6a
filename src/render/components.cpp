// Shared page pieces (see components.hpp).

#include "render/components.hpp"

#include <algorithm>
#include <tuple>

#include "render/html.hpp"
#include "render/site_paths.hpp"

namespace planc {

namespace {

const char* heading_name(int level) {
    static const char* names[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
    return names[std::clamp(level, 1, 6) - 1];
}

std::string digits_only(const std::string& phone) {
    std::string out;
    for (char c : phone)
        if ((c >= '0' && c <= '9') || c == '+') out += c;
    return out;
}

std::string website_href(const std::string& site) {
    if (site.rfind("http://", 0) == 0 || site.rfind("https://", 0) == 0) return site;
    return "https://" + site;
}

/// A sort key for a number cell, so the table sorts by value rather than by text.
std::string sort_value(const Quantity& q) {
    if (!q.value) return {};
    return format_number(*q.value, q.decimals);
}

}  // namespace

void append_tag(html::Stream& out, const std::string& text, const std::string& modifier) {
    out.element_text("strong", text, {{"class", "tag tag--" + modifier}});
}

void append_tbc_tag(html::Stream& out) { append_tag(out, "To be confirmed", "tbc"); }

void append_status_tag(html::Stream& out, PlanStatus status) {
    std::string modifier = status == PlanStatus::Draft      ? "draft"
                           : status == PlanStatus::Approved ? "approved"
                           : status == PlanStatus::Published ? "published"
                                                             : "unknown";
    append_tag(out, status_words(status), modifier);
}

void open_summary_list(html::Stream& out) { out.open("dl", {{"class", "summary-list"}}); }

void open_summary_row(html::Stream& out, const std::string& key) {
    out.open("div", {{"class", "summary-list__row"}});
    out.element_text("dt", key, {{"class", "summary-list__key"}});
    out.open("dd", {{"class", "summary-list__value"}});
}

void close_summary_row(html::Stream& out) {
    out.close();
    out.close();
}

void append_summary_row(html::Stream& out, const std::string& key, std::string_view value) {
    open_summary_row(out, key);
    out.text(value);
    close_summary_row(out);
}

void append_cell_value(html::Stream& out, const TargetCell& cell) {
    if (cell.to_be_confirmed)
        append_tbc_tag(out);
    else
        out.text(cell.text);
}

void append_search_form(html::Stream& out, const std::string& action, const char* input_id) {
    out.open("form", {{"class", "search-form"}, {"action", action}, {"method", "get"}, {"role", "search"}});
    out.element_text("label", "Search the plans", {{"for", input_id}, {"class", "label"}});
    out.open("div", {{"class", "search-form__row"}});
    out.element("input", {{"type", "search"}, {"id", input_id}, {"name", "q"}, {"class", "input"}, {"autocomplete", "off"}});
    out.element_text("button", "Search", {{"type", "submit"}, {"class", "button"}});
    out.close();
    out.close();
}

void append_heading(html::Stream& out, int level, const std::string& text, const std::string& id) {
    if (id.empty())
        out.element_text(heading_name(level), text);
    else
        out.element_text(heading_name(level), text, {{"id", id}});
}

void append_targets_table(html::Stream& out, const Page& page, const Partnership& p, const Document& d,
                          const std::vector<const Priority*>& priorities, const TargetsTableOptions& options,
                          AbbreviationMarker& abbr) {
    // A wide table scrolls inside its box: the box takes focus so keyboards can scroll it.
    out.open("div", {{"class", "table-wrap"}, {"role", "group"}, {"tabindex", "0"},
                     {"aria-label", options.caption.empty() ? std::string_view("Table") : std::string_view(options.caption)}});
    if (options.priority_column)
        out.open("table", {{"class", "table table--targets"}, {"data-sortable", "true"}});
    else
        out.open("table", {{"class", "table table--targets"}});
    out.element_text("caption", options.caption,
                     {{"class", options.caption_hidden ? "table__caption visually-hidden" : "table__caption"}});
    // A column is right-aligned as numbers only when every value in it is one.
    bool base_numeric = true, target_numeric = true;
    for (const Priority* pr : priorities) {
        for (const Target& t : pr->targets) {
            base_numeric = base_numeric && t.baseline.value.has_value() && !baseline_cell(t).to_be_confirmed;
            target_numeric = target_numeric && t.target_value.value.has_value() && !target_cell(t).to_be_confirmed;
        }
    }
    auto heading = [&](const char* text, bool numeric) {
        if (numeric)
            out.element_text("th", text, {{"class", "num"}, {"scope", "col"}});
        else
            out.element_text("th", text, {{"scope", "col"}});
    };
    // A value cell, with the value to sort by when it has one.
    auto value_cell = [&](bool numeric, const TargetCell& cell, const std::string& sort) {
        if (numeric && !sort.empty())
            out.open("td", {{"class", "num"}, {"data-sort-value", sort}});
        else if (numeric)
            out.open("td", {{"class", "num"}});
        else if (!sort.empty())
            out.open("td", {{"data-sort-value", sort}});
        else
            out.open("td");
        append_cell_value(out, cell);
        out.close();
    };
    out.open("thead");
    out.open("tr");
    if (options.priority_column) out.element_text("th", "Priority", {{"scope", "col"}});
    out.element_text("th", "Measure", {{"scope", "col"}});
    heading("Starting level", base_numeric);
    heading("Target", target_numeric);
    out.element_text("th", "By when", {{"scope", "col"}});
    if (options.priority_column) out.element_text("th", "Status", {{"scope", "col"}});
    out.close();
    out.close();
    out.open("tbody");
    for (const Priority* pr : priorities) {
        for (const Target& t : pr->targets) {
            out.open("tr");
            if (options.priority_column) {
                out.open("td");
                out.element_text("a", priority_heading(*pr), {{"href", page.link(paths::priority(p, d, *pr))}});
                out.close();
            }
            out.open("th", {{"scope", "row"}});
            abbr.append(out, measure_text(t));
            out.close();
            value_cell(base_numeric, baseline_cell(t), sort_value(t.baseline));
            value_cell(target_numeric, target_cell(t), sort_value(t.target_value));
            if (t.deadline)
                out.open("td", {{"class", "date"}, {"data-sort-value", t.deadline->iso()}});
            else
                out.open("td", {{"class", "date"}});
            append_cell_value(out, deadline_cell(t));
            out.close();
            if (options.priority_column) {
                out.open("td");
                if (to_be_confirmed(t))
                    append_tbc_tag(out);
                else
                    append_tag(out, "Complete", "set");
                out.close();
            }
            out.close();
        }
    }
    out.close();
    out.close();
    out.close();
}

bool has_contact_details(const Partnership& p) {
    return !p.contacts.empty() || !p.email.empty() || !p.phone.empty() || !p.address.empty() || !p.website.empty();
}

void append_contacts(html::Stream& out, const Partnership& p, int heading_level) {
    auto contact_card = [&](const std::string& name, const std::string& role, const std::string& phone,
                            const std::string& email, const std::string& address, const std::string& website) {
        out.open("li", {{"class", "contact"}});
        if (!name.empty()) out.element_text(heading_name(heading_level), name, {{"class", "contact__name"}});
        if (!role.empty()) out.element_text("p", role, {{"class", "contact__role"}});
        if (!phone.empty() || !email.empty() || !address.empty() || !website.empty()) {
            out.open("dl", {{"class", "contact__details"}});
            if (!phone.empty()) {
                out.element_text("dt", "Phone");
                out.open("dd");
                out.element_text("a", phone, {{"href", "tel:" + digits_only(phone)}});
                out.close();
            }
            if (!email.empty()) {
                out.element_text("dt", "Email");
                out.open("dd");
                out.element_text("a", email, {{"href", "mailto:" + email}});
                out.close();
            }
            if (!address.empty()) {
                out.element_text("dt", "Address");
                out.element_text("dd", address);
            }
            if (!website.empty()) {
                out.element_text("dt", "Website");
                out.open("dd");
                out.element_text("a", website, {{"href", website_href(website)}});
                out.close();
            }
            out.close();
        }
        out.close();
    };
    out.open("ul", {{"class", "contacts"}});
    bool own_listed = false;
    for (const Contact& c : p.contacts) {
        own_listed = own_listed || (!p.email.empty() && c.email == p.email) || (!p.phone.empty() && c.phone == p.phone);
    }
    if (!own_listed && (!p.email.empty() || !p.phone.empty() || !p.address.empty() || !p.website.empty()))
        contact_card(partnership_name(p), "", p.phone, p.email, p.address, p.website);
    for (const Contact& c : p.contacts) contact_card(c.name, c.role, c.phone, c.email, c.address, c.website);
    out.close();
}

void append_members(html::Stream& out, const Partnership& p, RichHtmlWriter& writer) {
    out.open("ul", {{"class", "list list--bullet members"}});
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

std::vector<const Document*> newest_first(const Partnership& p) {
    std::vector<const Document*> docs;
    for (const Document& d : p.documents) docs.push_back(&d);
    auto key = [](const Document* d) {
        int year = d->year ? d->year->fy_end() : 0;
        std::string approved = d->approved ? d->approved->iso() : std::string();
        return std::make_tuple(year, approved, d->slug);
    };
    std::stable_sort(docs.begin(), docs.end(), [&](const Document* a, const Document* b) { return key(a) > key(b); });
    return docs;
}

std::string document_year(const Document& d) { return d.year ? d.year->readable() : std::string(); }

std::string period_words(const Document& d) {
    if (!d.period) return {};
    const PlanDate& first = d.period->first;
    const PlanDate& last = d.period->last;
    std::string from = first.precision == DatePrecision::FinancialYear ? "April " + std::to_string(first.year)
                                                                        : first.readable();
    std::string to = last.precision == DatePrecision::FinancialYear ? "March " + std::to_string(last.year + 1)
                                                                     : last.readable();
    return from + " to " + to;
}

std::string priority_heading(const Priority& pr) {
    std::string s = pr.label.empty() ? std::string("Priority") : pr.label;
    if (pr.number) s += " " + std::to_string(*pr.number);
    if (!pr.title.empty()) s += ": " + pr.title;
    return s;
}

int targets_to_be_confirmed(const Priority& pr) {
    return static_cast<int>(std::count_if(pr.targets.begin(), pr.targets.end(), [](const Target& t) { return to_be_confirmed(t); }));
}

}  // namespace planc
