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

pugi::xml_node append_tag(pugi::xml_node parent, const std::string& text, const std::string& modifier) {
    return html::element_text(parent, "strong", text, {{"class", "tag tag--" + modifier}});
}

pugi::xml_node append_tbc_tag(pugi::xml_node parent) { return append_tag(parent, "To be confirmed", "tbc"); }

pugi::xml_node append_status_tag(pugi::xml_node parent, PlanStatus status) {
    std::string modifier = status == PlanStatus::Draft      ? "draft"
                           : status == PlanStatus::Approved ? "approved"
                           : status == PlanStatus::Published ? "published"
                                                             : "unknown";
    return append_tag(parent, status_words(status), modifier);
}

pugi::xml_node append_summary_list(pugi::xml_node parent) {
    return html::element(parent, "dl", {{"class", "summary-list"}});
}

pugi::xml_node append_summary_row(pugi::xml_node list, const std::string& key) {
    pugi::xml_node row = html::element(list, "div", {{"class", "summary-list__row"}});
    html::element_text(row, "dt", key, {{"class", "summary-list__key"}});
    return html::element(row, "dd", {{"class", "summary-list__value"}});
}

void append_cell_value(pugi::xml_node parent, const TargetCell& cell) {
    if (cell.to_be_confirmed)
        append_tbc_tag(parent);
    else
        html::text(parent, cell.text);
}

pugi::xml_node append_heading(pugi::xml_node parent, int level, const std::string& text, const std::string& id) {
    pugi::xml_node h = html::element_text(parent, heading_name(level), text);
    if (!id.empty()) html::set_attr(h, "id", id);
    return h;
}

void append_targets_table(pugi::xml_node parent, const Page& page, const Partnership& p, const Document& d,
                          const std::vector<const Priority*>& priorities, const TargetsTableOptions& options,
                          AbbreviationMarker& abbr) {
    // A wide table scrolls inside its box: the box takes focus so keyboards can scroll it.
    pugi::xml_node wrap = html::element(parent, "div", {{"class", "table-wrap"}, {"role", "group"}, {"tabindex", "0"},
                                                        {"aria-label", options.caption.empty() ? std::string("Table") : options.caption}});
    pugi::xml_node table = html::element(wrap, "table", {{"class", "table table--targets"}});
    if (options.priority_column) html::set_attr(table, "data-sortable", "true");
    pugi::xml_node caption = html::element_text(table, "caption", options.caption, {{"class", "table__caption"}});
    if (options.caption_hidden) html::add_class(caption, "visually-hidden");
    // A column is right-aligned as numbers only when every value in it is one.
    bool base_numeric = true, target_numeric = true;
    for (const Priority* pr : priorities) {
        for (const Target& t : pr->targets) {
            base_numeric = base_numeric && t.baseline.value.has_value() && !baseline_cell(t).to_be_confirmed;
            target_numeric = target_numeric && t.target_value.value.has_value() && !target_cell(t).to_be_confirmed;
        }
    }
    const std::string base_class = base_numeric ? "num" : "";
    const std::string target_class = target_numeric ? "num" : "";
    auto cell = [](pugi::xml_node tr, const char* name, const std::string& cls) {
        return cls.empty() ? html::element(tr, name) : html::element(tr, name, {{"class", cls}});
    };
    pugi::xml_node head = html::element(html::element(table, "thead"), "tr");
    if (options.priority_column) html::element_text(head, "th", "Priority", {{"scope", "col"}});
    html::element_text(head, "th", "Measure", {{"scope", "col"}});
    html::text(cell(head, "th", base_class), "Starting level");
    html::set_attr(head.last_child(), "scope", "col");
    html::text(cell(head, "th", target_class), "Target");
    html::set_attr(head.last_child(), "scope", "col");
    html::element_text(head, "th", "By when", {{"scope", "col"}});
    if (options.priority_column) html::element_text(head, "th", "Status", {{"scope", "col"}});
    pugi::xml_node body = html::element(table, "tbody");
    for (const Priority* pr : priorities) {
        for (const Target& t : pr->targets) {
            pugi::xml_node tr = html::element(body, "tr");
            if (options.priority_column) {
                pugi::xml_node td = html::element(tr, "td");
                html::element_text(td, "a", priority_heading(*pr),
                                   {{"href", page.link(paths::priority(p, d, *pr))}});
            }
            pugi::xml_node th = html::element(tr, "th", {{"scope", "row"}});
            abbr.append(th, measure_text(t));
            pugi::xml_node base = cell(tr, "td", base_class);
            append_cell_value(base, baseline_cell(t));
            if (auto v = sort_value(t.baseline); !v.empty()) html::set_attr(base, "data-sort-value", v);
            pugi::xml_node target = cell(tr, "td", target_class);
            append_cell_value(target, target_cell(t));
            if (auto v = sort_value(t.target_value); !v.empty()) html::set_attr(target, "data-sort-value", v);
            pugi::xml_node when = html::element(tr, "td", {{"class", "date"}});
            append_cell_value(when, deadline_cell(t));
            if (t.deadline) html::set_attr(when, "data-sort-value", t.deadline->iso());
            if (options.priority_column) {
                pugi::xml_node status = html::element(tr, "td");
                if (to_be_confirmed(t))
                    append_tbc_tag(status);
                else
                    append_tag(status, "Complete", "set");
            }
        }
    }
}

bool has_contact_details(const Partnership& p) {
    return !p.contacts.empty() || !p.email.empty() || !p.phone.empty() || !p.address.empty() || !p.website.empty();
}

void append_contacts(pugi::xml_node parent, const Partnership& p, int heading_level) {
    auto contact_card = [&](pugi::xml_node list, const std::string& name, const std::string& role,
                            const std::string& phone, const std::string& email, const std::string& address,
                            const std::string& website) {
        pugi::xml_node item = html::element(list, "li", {{"class", "contact"}});
        if (!name.empty()) html::element_text(item, heading_name(heading_level), name, {{"class", "contact__name"}});
        if (!role.empty()) html::element_text(item, "p", role, {{"class", "contact__role"}});
        pugi::xml_node dl = html::element(item, "dl", {{"class", "contact__details"}});
        auto row = [&](const char* key) {
            html::element_text(dl, "dt", key);
            return html::element(dl, "dd");
        };
        if (!phone.empty()) html::element_text(row("Phone"), "a", phone, {{"href", "tel:" + digits_only(phone)}});
        if (!email.empty()) html::element_text(row("Email"), "a", email, {{"href", "mailto:" + email}});
        if (!address.empty()) html::text(row("Address"), address);
        if (!website.empty()) html::element_text(row("Website"), "a", website, {{"href", website_href(website)}});
        if (!dl.first_child()) item.remove_child(dl);
    };
    pugi::xml_node list = html::element(parent, "ul", {{"class", "contacts"}});
    bool own_listed = false;
    for (const Contact& c : p.contacts) {
        own_listed = own_listed || (!p.email.empty() && c.email == p.email) || (!p.phone.empty() && c.phone == p.phone);
    }
    if (!own_listed && (!p.email.empty() || !p.phone.empty() || !p.address.empty() || !p.website.empty()))
        contact_card(list, partnership_name(p), "", p.phone, p.email, p.address, p.website);
    for (const Contact& c : p.contacts) contact_card(list, c.name, c.role, c.phone, c.email, c.address, c.website);
}

void append_members(pugi::xml_node parent, const Partnership& p, RichHtmlWriter& writer) {
    pugi::xml_node list = html::element(parent, "ul", {{"class", "list list--bullet members"}});
    for (const Entry& m : p.members) {
        pugi::xml_node li = html::element(list, "li");
        if (!m.content.empty())
            writer.inlines(li, m.content);
        else
            writer.text(li, m.text);
    }
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
