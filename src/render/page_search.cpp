// Search: search-index.json written at build time, and a page whose script searches it.
// The index is also embedded in the page, so search works from file:// too; without
// scripts the page says so and links to the contents.

#include <nlohmann/json.hpp>

#include "planc/data_output.hpp"
#include "render/components.hpp"
#include "render/html.hpp"
#include "render/pages.hpp"
#include "render/site_paths.hpp"

namespace planc {

namespace {

/// Collapses runs of white space, so the index stays small.
std::string squeeze(const std::string& text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

nlohmann::ordered_json index_json(const std::vector<SearchEntry>& entries) {
    nlohmann::ordered_json pages = nlohmann::ordered_json::array();
    for (const SearchEntry& e : entries) {
        nlohmann::ordered_json j;
        j["title"] = e.title;
        j["url"] = e.url;
        j["context"] = e.context;
        j["text"] = squeeze(e.text);
        pages.push_back(std::move(j));
    }
    nlohmann::ordered_json root;
    root["version"] = 1;
    root["pages"] = std::move(pages);
    return root;
}

}  // namespace

void write_search_page(SiteContext& site, OutputSink& out) {
    nlohmann::ordered_json index = index_json(site.search);
    out.write(paths::kSearchIndex, dump_json(index));

    Page page;
    page.path = paths::kSearch;
    page.title = "Search";
    page.crumbs = {{"Home", paths::kHome}};
    page.description = "Search the community safety plans.";
    pugi::xml_node c = page.content();
    pugi::xml_node form = html::element(c, "form", {{"class", "search-form"}, {"action", "index.html"},
                                                    {"method", "get"}, {"role", "search"}});
    html::element_text(form, "label", "Search the plans", {{"for", "search-input"}, {"class", "label"}});
    pugi::xml_node row = html::element(form, "div", {{"class", "search-form__row"}});
    html::element(row, "input", {{"type", "search"}, {"id", "search-input"}, {"name", "q"}, {"class", "input"},
                                 {"autocomplete", "off"}});
    html::element_text(row, "button", "Search", {{"type", "submit"}, {"class", "button"}});

    pugi::xml_node status = html::element(c, "div", {{"id", "search-status"}, {"class", "search-status"},
                                                     {"role", "status"}});
    pugi::xml_node noscript_note = html::element(status, "p", {{"class", "search-status__no-script"}});
    html::text(noscript_note, "Search needs JavaScript, which is switched off or not working in your browser. "
                              "You can find every plan from the ");
    html::element_text(noscript_note, "a", "list of partnerships and their plans",
                       {{"href", page.link(paths::kHome) + "#partnerships"}});
    html::text(noscript_note, ", and each plan has a contents list.");
    html::element(c, "ol", {{"id", "search-results"}, {"class", "search-results"}});

    // The index, embedded as data (never run): "<" is escaped so it cannot end the element.
    std::string data = index.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    std::string safe;
    for (char ch : data) safe += ch == '<' ? std::string("\\u003c") : std::string(1, ch);
    pugi::xml_node script = html::element(c, "script", {{"type", "application/json"}, {"id", "search-data"}});
    script.append_child(pugi::node_pcdata).set_value(safe.c_str());
    page.in_sitemap = true;
    write_page(site, page, out);
}

}  // namespace planc
