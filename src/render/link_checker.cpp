// After rendering: every href, src and form action in the HTML written must reach a file
// that was written, and "#id" an element of that page. A broken one is an E004 at the
// source of the link when it came from the content, else at the page.

#include <map>
#include <set>
#include <string>
#include <vector>

#include "render/pages.hpp"

namespace planc {

namespace {

struct Link {
    std::string attribute;
    std::string value;
};

struct ScannedPage {
    std::vector<Link> links;
    std::set<std::string> ids;
    std::string base;  ///< <base href>, if any
};

std::string decode_entities(const std::string& s) {
    static const std::vector<std::pair<std::string, std::string>> entities = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&#x27;", "'"}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        bool replaced = false;
        if (s[i] == '&') {
            for (const auto& [from, to] : entities) {
                if (s.compare(i, from.size(), from) == 0) {
                    out += to;
                    i += from.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out += s[i++];
    }
    return out;
}

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == ':';
}

/// A small tokenizer for the HTML planc writes: tags, their attributes, and the raw text
/// elements (<script>, <style>) skipped.
ScannedPage scan(const std::string& html) {
    ScannedPage page;
    std::size_t i = 0;
    while ((i = html.find('<', i)) != std::string::npos) {
        if (html.compare(i, 4, "<!--") == 0) {
            std::size_t end = html.find("-->", i + 4);
            i = end == std::string::npos ? html.size() : end + 3;
            continue;
        }
        ++i;
        if (i >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i]))) continue;
        std::size_t name_start = i;
        while (i < html.size() && is_name_char(html[i])) ++i;
        std::string tag = html.substr(name_start, i - name_start);
        for (char& c : tag) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        while (i < html.size() && html[i] != '>') {
            if (!is_name_char(html[i])) {
                ++i;
                continue;
            }
            std::size_t a = i;
            while (i < html.size() && is_name_char(html[i])) ++i;
            std::string name = html.substr(a, i - a);
            for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            std::string value;
            if (i < html.size() && html[i] == '=') {
                ++i;
                if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
                    char quote = html[i++];
                    std::size_t end = html.find(quote, i);
                    if (end == std::string::npos) end = html.size();
                    value = decode_entities(html.substr(i, end - i));
                    i = end + 1;
                } else {
                    std::size_t v = i;
                    while (i < html.size() && html[i] != '>' && !std::isspace(static_cast<unsigned char>(html[i]))) ++i;
                    value = decode_entities(html.substr(v, i - v));
                }
            }
            if (name == "id") page.ids.insert(value);
            if (tag == "base" && name == "href") page.base = value;
            else if (name == "href" || name == "src" || (name == "action" && tag == "form")) page.links.push_back({name, value});
        }
        if (tag == "script" || tag == "style") {
            std::size_t end = html.find("</" + tag, i);
            i = end == std::string::npos ? html.size() : end;
        }
    }
    return page;
}

bool has_scheme(const std::string& url) {
    std::size_t colon = url.find(':');
    if (colon == std::string::npos) return false;
    std::size_t stop = url.find_first_of("/?#");
    return stop == std::string::npos || colon < stop;
}

/// "a/b/../c/./d" -> "a/c/d"; false when it climbs above the site root.
bool normalise(const std::string& path, std::string& out) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        std::string part = path.substr(start, slash - start);
        if (part == "..") {
            if (parts.empty()) return false;
            parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = slash + 1;
    }
    out.clear();
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    if (!path.empty() && path.back() == '/') out += out.empty() ? "index.html" : "/index.html";
    return true;
}

std::string folder_of(const std::string& page) {
    std::size_t slash = page.rfind('/');
    return slash == std::string::npos ? std::string() : page.substr(0, slash + 1);
}

}  // namespace

void check_site_links(const RecordingOutput& out, const Project& project, Diagnostics& diags) {
    const std::string& base_url = project.settings.base_url;
    const std::string root_path = site_root_path(base_url);
    std::map<std::string, ScannedPage> pages;
    for (const auto& [path, bytes] : out.files()) {
        if (path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0) pages.emplace(path, scan(bytes));
    }
    auto report = [&](const std::string& page, const std::string& href, const std::string& why) {
        auto origin = out.link_origins.find(page + "\n" + href);
        Location where = origin != out.link_origins.end() ? origin->second : Location{page, Span{}};
        Diagnostic& d = diags.report(DiagCode::E004, "the link `" + href + "` " + why, where);
        if (origin != out.link_origins.end()) d.notes.push_back({"written into the page " + page, Location{}});
    };
    for (const auto& [page, scanned] : pages) {
        std::set<std::string> seen;
        for (const Link& link : scanned.links) {
            const std::string& href = link.value;
            if (!seen.insert(href).second) continue;
            if (href.empty()) {
                report(page, href, "is empty");
                continue;
            }
            std::string url = href;
            std::string folder = folder_of(page);
            if (!scanned.base.empty() && !has_scheme(url) && url.front() != '/' && url.front() != '#') {
                url = scanned.base + url;
            }
            // Addresses of this site written from its root (404.html) or in full are
            // checked like relative ones.
            for (const std::string& prefix : {base_url, root_path}) {
                if (prefix.empty() || url.rfind(prefix, 0) != 0 || !(has_scheme(prefix) || prefix.front() == '/'))
                    continue;
                url = url.substr(prefix.size());
                folder.clear();
                if (url.empty()) url = "index.html";
                break;
            }
            if (has_scheme(url) || url.rfind("//", 0) == 0 || url.front() == '/') continue;  // another site
            std::string fragment;
            if (std::size_t hash = url.find('#'); hash != std::string::npos) {
                fragment = url.substr(hash + 1);
                url = url.substr(0, hash);
            }
            if (std::size_t q = url.find('?'); q != std::string::npos) url = url.substr(0, q);
            std::string target = page;
            if (!url.empty()) {
                if (!normalise(folder + url, target)) {
                    report(page, href, "leaves the site");
                    continue;
                }
                if (!out.paths().count(target)) {
                    report(page, href, "goes to `" + target + "`, which was not written");
                    continue;
                }
            }
            if (fragment.empty()) continue;
            auto it = pages.find(target);
            if (it != pages.end() && !it->second.ids.count(fragment))
                report(page, href, "names `#" + fragment + "`, which is not on " + target);
        }
    }
}

}  // namespace planc
