// After rendering: every href, src and form action in the HTML written must reach a file
// that was written, and "#id" an element of that page. A broken one is an E004 at the
// source of the link when it came from the content, else at the page.

#include <algorithm>
#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "planc/parallel.hpp"
#include "render/html.hpp"
#include "render/pages.hpp"
#include "render/site_paths.hpp"

namespace planc {

namespace {

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == ':';
}

/// A small tokenizer for the HTML planc writes: tags, their attributes, and the raw text
/// elements (<script>, <style>) skipped.
}  // namespace

ScannedLinks scan_links(std::string_view html) {
    ScannedLinks page;
    // Links are told apart as written (views into the page: no copies); a value written
    // with an entity is decoded, and two spellings of one link are merged at the end.
    std::unordered_set<std::string_view> seen;
    bool any_entity = false;
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string::npos) {
        if (i + 1 < html.size() && html[i + 1] == '!' && html.compare(i, 4, "<!--") == 0) {
            std::size_t end = html.find("-->", i + 4);
            i = end == std::string::npos ? html.size() : end + 3;
            continue;
        }
        ++i;
        if (i >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i]))) continue;
        std::size_t name_start = i;
        while (i < html.size() && is_name_char(html[i])) ++i;
        std::string_view tag = html.substr(name_start, i - name_start);
        bool is_base = html::is_named(tag, "base"), is_form = html::is_named(tag, "form");
        while (i < html.size() && html[i] != '>') {
            if (!is_name_char(html[i])) {
                ++i;
                continue;
            }
            std::size_t a = i;
            while (i < html.size() && is_name_char(html[i])) ++i;
            std::string_view name = html.substr(a, i - a);
            std::string_view raw;
            if (i < html.size() && html[i] == '=') {
                ++i;
                if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
                    char quote = html[i++];
                    std::size_t end = html.find(quote, i);
                    if (end == std::string::npos) end = html.size();
                    raw = html.substr(i, end - i);
                    i = end + 1;
                } else {
                    std::size_t v = i;
                    while (i < html.size() && html[i] != '>' && !std::isspace(static_cast<unsigned char>(html[i]))) ++i;
                    raw = html.substr(v, i - v);
                }
            }
            bool is_id = html::is_named(name, "id"), is_href = html::is_named(name, "href");
            bool is_link = is_href || html::is_named(name, "src") || (is_form && html::is_named(name, "action"));
            if (!is_id && !is_link) continue;
            if (is_id) page.ids.push_back(html::decode_entities(raw));
            if (is_base && is_href) {
                page.base = html::decode_entities(raw);
            } else if (is_link && seen.insert(raw).second) {
                any_entity = any_entity || raw.find('&') != std::string_view::npos;
                page.links.push_back(html::decode_entities(raw));
            }
        }
        for (std::string_view raw_text : {std::string_view("script"), std::string_view("style")}) {
            if (!html::is_named(tag, raw_text)) continue;
            std::size_t end = html.find("</" + std::string(raw_text), i);
            i = end == std::string::npos ? html.size() : end;
        }
    }
    if (any_entity) {
        std::set<std::string> once;
        std::erase_if(page.links, [&](const std::string& link) { return !once.insert(link).second; });
    }
    std::sort(page.ids.begin(), page.ids.end());
    page.ids.erase(std::unique(page.ids.begin(), page.ids.end()), page.ids.end());
    return page;
}

namespace {

bool has_scheme(std::string_view url) {
    std::size_t colon = url.find(':');
    if (colon == std::string_view::npos) return false;
    std::size_t stop = url.find_first_of("/?#");
    return stop == std::string_view::npos || colon < stop;
}

/// The page or file a link's path names: "a/b/../c/./d" -> "a/c/d", and a path ending
/// in "/" names that folder's index.html; false when it climbs above the site root.
bool normalise(std::string_view path, std::string& out) {
    if (!paths::collapse_dots(path, out)) return false;
    if (!path.empty() && path.back() == '/') out += out.empty() ? "index.html" : "/index.html";
    return true;
}

/// Every distinct link and id once, numbered: pages hold numbers. A site repeats the same
/// strings on every page (the navigation, the assets, a plan's section ids on each of its
/// pages), and a national site has tens of thousands of pages to remember until the end.
class StringTable {
public:
    static constexpr std::uint32_t kNone = 0xFFFFFFFF;

    std::uint32_t intern(std::string&& s) {
        auto it = index_.find(s);
        if (it != index_.end()) return it->second;
        auto n = static_cast<std::uint32_t>(strings_.size());
        strings_.push_back(std::move(s));
        index_.emplace(strings_.back(), n);
        return n;
    }
    /// The number of `s`, or kNone when no page has it.
    [[nodiscard]] std::uint32_t find(std::string_view s) const {
        auto it = index_.find(s);
        return it == index_.end() ? kNone : it->second;
    }
    [[nodiscard]] const std::string& at(std::uint32_t n) const { return strings_[n]; }

private:
    std::deque<std::string> strings_;  ///< a deque never moves its strings: the index keeps views
    std::unordered_map<std::string_view, std::uint32_t> index_;
};

/// One page of the site as the check knows it: what it links to, what it found.
struct CheckedPage {
    std::vector<std::uint32_t> links;  ///< in page order, each once
    std::vector<std::uint32_t> ids;    ///< sorted by number, each once
    std::uint32_t base = StringTable::kNone;
    std::vector<Diagnostic> findings;
    std::set<std::string> targets;  ///< files its links reach (written or not); kept only when incremental

    [[nodiscard]] bool has_id(std::uint32_t id) const { return std::binary_search(ids.begin(), ids.end(), id); }
};

}  // namespace

struct SiteLinkCheck::State {
    std::string base_url;
    std::string root_path;
    /// Whether pages will be written again after a check (the live preview): then who
    /// links where is kept, so that only the pages a change reaches are checked again.
    bool incremental = true;
    StringTable strings;
    /// Every file written, with its entry in `pages` when it is a page (else null): one
    /// lookup tells a link whether its file is there and which ids it has.
    std::unordered_map<std::string, CheckedPage*> files;
    std::map<std::string, CheckedPage> pages;
    /// Which pages link to a file: who must look again when it appears, goes or changes ids.
    std::map<std::string, std::set<std::string>> linked_from;
    std::set<std::string> dirty;
    std::size_t checked = 0;

    void touch_linkers(const std::string& path) {
        auto it = linked_from.find(path);
        if (it != linked_from.end()) dirty.insert(it->second.begin(), it->second.end());
    }

    void forget_targets(const std::string& page, CheckedPage& entry) {
        for (const std::string& target : entry.targets) {
            auto it = linked_from.find(target);
            if (it == linked_from.end()) continue;
            it->second.erase(page);
            if (it->second.empty()) linked_from.erase(it);
        }
        entry.targets.clear();
    }

    /// The page as numbers.
    CheckedPage compact(ScannedLinks&& scanned) {
        CheckedPage page;
        page.links.reserve(scanned.links.size());
        for (std::string& link : scanned.links) page.links.push_back(strings.intern(std::move(link)));
        page.ids.reserve(scanned.ids.size());
        for (std::string& id : scanned.ids) page.ids.push_back(strings.intern(std::move(id)));
        std::sort(page.ids.begin(), page.ids.end());  // scanned ids are already each once
        if (!scanned.base.empty()) page.base = strings.intern(std::move(scanned.base));
        return page;
    }

    void check_page(const std::string& page, CheckedPage& entry, const std::map<std::string, Location>& origins);
};

void SiteLinkCheck::State::check_page(const std::string& page, CheckedPage& entry,
                                      const std::map<std::string, Location>& origins) {
    forget_targets(page, entry);
    Diagnostics found;
    auto report = [&](const std::string& href, const std::string& why) {
        auto origin = origins.find(page + "\n" + href);
        Location where = origin != origins.end() ? origin->second : Location{page, Span{}};
        Diagnostic& d = found.report(DiagCode::E004, "the link `" + href + "` " + why, where);
        if (origin != origins.end()) d.notes.push_back({"written into the page " + page, Location{}});
    };
    const std::string* base = entry.base == StringTable::kNone ? nullptr : &strings.at(entry.base);
    const std::string page_folder = paths::folder_of(page);
    // Views into the link where they can be: a national site's check follows millions.
    std::string based, joined, target;
    for (std::uint32_t link : entry.links) {
        const std::string& href = strings.at(link);
        if (href.empty()) {
            report(href, "is empty");
            continue;
        }
        std::string_view url = href;
        std::string_view folder = page_folder;
        if (base && !has_scheme(url) && url.front() != '/' && url.front() != '#') {
            based.assign(*base);
            based += url;
            url = based;
        }
        // Addresses of this site written from its root (404.html) or in full are
        // checked like relative ones.
        for (const std::string& prefix : {base_url, root_path}) {
            if (prefix.empty() || !url.starts_with(prefix) || !(has_scheme(prefix) || prefix.front() == '/'))
                continue;
            url.remove_prefix(prefix.size());
            folder = {};
            if (url.empty()) url = "index.html";
            break;
        }
        if (has_scheme(url) || url.starts_with("//") || url.front() == '/') continue;  // another site
        std::string_view fragment;
        if (std::size_t hash = url.find('#'); hash != std::string_view::npos) {
            fragment = url.substr(hash + 1);
            url = url.substr(0, hash);
        }
        if (std::size_t q = url.find('?'); q != std::string_view::npos) url = url.substr(0, q);
        // A link to a place on its own page ("#main-content") needs no lookup.
        const CheckedPage* target_page = &entry;
        const std::string* target_path = &page;
        if (!url.empty()) {
            joined.assign(folder);
            joined += url;
            if (!normalise(joined, target)) {
                report(href, "leaves the site");
                continue;
            }
            if (incremental) entry.targets.insert(target);
            auto file = files.find(target);
            if (file == files.end()) {
                report(href, "goes to `" + target + "`, which was not written");
                continue;
            }
            target_page = file->second;
            target_path = &file->first;
        }
        if (fragment.empty() || !target_page) continue;  // ids are known of pages only
        std::uint32_t id = strings.find(fragment);
        if (id == StringTable::kNone || !target_page->has_id(id))
            report(href, "names `#" + std::string(fragment) + "`, which is not on " + *target_path);
    }
    for (const std::string& target : entry.targets) linked_from[target].insert(page);
    entry.findings = std::move(found.items());
}

SiteLinkCheck::SiteLinkCheck(std::string base_url, bool incremental) : state_(std::make_unique<State>()) {
    state_->root_path = site_root_path(base_url);
    state_->base_url = std::move(base_url);
    state_->incremental = incremental;
}
SiteLinkCheck::~SiteLinkCheck() = default;
SiteLinkCheck::SiteLinkCheck(SiteLinkCheck&&) noexcept = default;
SiteLinkCheck& SiteLinkCheck::operator=(SiteLinkCheck&&) noexcept = default;

bool is_html_path(std::string_view path) { return path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0; }

void SiteLinkCheck::write(const std::string& path, std::string_view bytes) {
    if (is_html_path(path))
        write_page(path, scan_links(bytes));
    else
        write_file(path);
}

void SiteLinkCheck::write_file(const std::string& path) {
    State& s = *state_;
    if (s.files.try_emplace(path, nullptr).second) s.touch_linkers(path);
}

void SiteLinkCheck::write_page(const std::string& path, ScannedLinks scanned) {
    State& s = *state_;
    auto [file, added] = s.files.try_emplace(path, nullptr);
    CheckedPage fresh = s.compact(std::move(scanned));
    CheckedPage* known = file->second;  // its entry in `pages` when it was written before
    if (known && known->links == fresh.links && known->ids == fresh.ids && known->base == fresh.base)
        return;  // same links, same ids
    if (added || !known || known->ids != fresh.ids) s.touch_linkers(path);
    if (!known) {
        // Pages come mostly in path order: the end is where a new one most often goes.
        // (A std::map's entries stay where they are, so `files` may point at them.)
        known = &s.pages.emplace_hint(s.pages.end(), path, CheckedPage{})->second;
        file->second = known;
    }
    CheckedPage& entry = *known;
    entry.links = std::move(fresh.links);
    entry.ids = std::move(fresh.ids);
    entry.base = fresh.base;
    // A build checks every page, once, at its end: no list of pages to check again.
    if (s.incremental) s.dirty.insert(path);
}

void SiteLinkCheck::remove(const std::string& path) {
    State& s = *state_;
    if (!s.files.erase(path)) return;
    auto it = s.pages.find(path);
    if (it != s.pages.end()) {
        s.forget_targets(path, it->second);
        s.pages.erase(it);
        s.dirty.erase(path);
    }
    s.touch_linkers(path);
}

void SiteLinkCheck::check(const std::map<std::string, Location>& origins) {
    State& s = *state_;
    s.checked = 0;
    if (s.incremental) {
        // The pages written or reached by a change since the last check, one after
        // another: who links where is updated as each page is checked.
        std::set<std::string> dirty = std::move(s.dirty);
        s.dirty.clear();
        for (const std::string& page : dirty) {
            auto it = s.pages.find(page);
            if (it == s.pages.end()) continue;
            s.check_page(page, it->second, origins);
            ++s.checked;
        }
        return;
    }
    // A build's one check, at its end: every page once, each on its own (its findings are
    // its own; the tables of strings, files and pages are only read), on every core.
    std::vector<std::pair<const std::string*, CheckedPage*>> todo;
    todo.reserve(s.pages.size());
    for (auto& [page, entry] : s.pages) todo.emplace_back(&page, &entry);
    s.checked = todo.size();
    parallel_for(todo.size(), [&](std::size_t i) { s.check_page(*todo[i].first, *todo[i].second, origins); });
}

void SiteLinkCheck::report(Diagnostics& diags) const {
    for (const auto& [page, entry] : state_->pages)
        for (const Diagnostic& d : entry.findings) diags.add(d);
}

std::size_t SiteLinkCheck::pages_checked() const { return state_->checked; }

}  // namespace planc
