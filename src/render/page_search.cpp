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

nlohmann::ordered_json entry_json(const SearchEntry& e) {
    nlohmann::ordered_json j;
    j["title"] = e.title;
    j["url"] = e.url;
    j["context"] = e.context;
    j["text"] = squeeze(e.text);
    return j;
}

/// Stands in for the embedded index while the page is laid out; the index (tens of
/// megabytes for a large site) is put in its place in the written text.
const std::string kIndexMark = "\x1fplanc-search-index\x1f";

}  // namespace

void SearchIndexText::append(const std::vector<SearchEntry>& more) {
    for (const SearchEntry& e : more) {
        nlohmann::ordered_json j = entry_json(e);
        // The entry as it appears inside {"pages": [...]} of search-index.json: two levels
        // deep, so four more spaces on every line (JSON strings hold no raw newlines).
        std::string text = j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
        if (entries > 0) pretty += kJsonBetween;
        pretty += "    ";
        for (char ch : text) {
            pretty += ch;
            if (ch == '\n') pretty += "    ";
        }
        std::string flat = j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
        if (entries > 0) compact += kEmbeddedBetween;
        for (char ch : flat) {
            if (ch == '<')
                compact += "\\u003c";
            else
                compact += ch;
        }
        ++entries;
    }
}

void SearchIndexText::append(const SearchIndexText& more) {
    if (more.entries == 0) return;
    if (entries > 0) {
        pretty += kJsonBetween;
        compact += kEmbeddedBetween;
    }
    pretty += more.pretty;
    compact += more.compact;
    entries += more.entries;
}

std::string SearchIndexText::json_file() const {
    if (entries == 0) return std::string(kJsonEmpty);
    std::string out;
    out.reserve(kJsonBefore.size() + pretty.size() + kJsonAfter.size());
    out.append(kJsonBefore).append(pretty).append(kJsonAfter);
    return out;
}

std::string SearchIndexText::embedded() const {
    std::string out;
    out.reserve(kEmbeddedBefore.size() + compact.size() + kEmbeddedAfter.size());
    out.append(kEmbeddedBefore).append(compact).append(kEmbeddedAfter);
    return out;
}

void layout_search_page(SiteContext& site, SearchFrame& frame) {
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
    // It goes where the mark is, once the page is laid out.
    pugi::xml_node script = html::element(c, "script", {{"type", "application/json"}, {"id", "search-data"}});
    script.append_child(pugi::node_pcdata).set_value(kIndexMark.c_str());
    page.in_sitemap = true;
    MemoryOutput laid_out;
    write_page(site, page, laid_out);
    auto written = laid_out.files.find(page.path);
    if (written == laid_out.files.end()) return;  // no template: reported by write_page
    const std::string& html = written->second;
    std::size_t at = html.find("\">" + kIndexMark + "</script>");
    if (at == std::string::npos) return;
    at += 2;
    frame.has_page = true;
    frame.page_before = html.substr(0, at);
    frame.page_after = html.substr(at + kIndexMark.size());
}

void write_search_files(const SearchFrame& frame, const std::vector<const SearchIndexText*>& parts, OutputSink& out) {
    SearchIndexText index = frame.leading;
    for (const SearchIndexText* part : parts) index.append(*part);
    index.append(frame.trailing);
    out.write(paths::kSearchIndex, index.json_file());
    if (!frame.has_page) return;
    std::string data = index.embedded();
    std::string page;
    page.reserve(frame.page_before.size() + data.size() + frame.page_after.size());
    page.append(frame.page_before).append(data).append(frame.page_after);
    out.write(paths::kSearch, page);
}

}  // namespace planc
