// Links and ids: E004 broken links, E005 unsafe paths, E003 documents with one URL.
//
// Every link and image in the rich text of a document is read as the author wrote it:
// - http(s):, mailto: and tel: leave the site and are not followed;
// - file: URLs, other schemes and absolute paths ("/melton", "C:\...") are E005: the
//   site cannot carry them (write a path relative to the document);
// - a relative path is resolved from the document's folder in content/; climbing out of
//   content/ with ".." is E005; otherwise it must name a partnership folder ("../melton/"),
//   a document of one ("2008-09", "2008-09.md", "../melton/2009-10/"), a partnership's
//   "_index.md", or a file that exists (images beside the document); "#id" must be a
//   section id of the page it points at. Anything else is E004.
// The front matter is read the same way: each `leaflet:` id must be a section of the
// document and `previous:` must name a document of the partnership (E004).

#include <boost/filesystem.hpp>

#include <map>
#include <unordered_map>
#include <set>

#include "check/check_support.hpp"

namespace planc::checks {

namespace {

namespace fs = boost::filesystem;

void collect_ids(const std::vector<Section>& sections, std::set<std::string>& out) {
    for (const Section& s : sections) {
        out.insert(s.id);
        collect_ids(s.children, out);
    }
}

/// Section ids of documents and partnership pages, collected once each.
class SectionIds {
public:
    bool has(const std::vector<Section>& sections, const std::string& id) {
        auto [it, fresh] = ids_.try_emplace(&sections);
        if (fresh) collect_ids(sections, it->second);
        return it->second.count(id) > 0;
    }

private:
    std::map<const std::vector<Section>*, std::set<std::string>> ids_;
};

const Partnership* find_partnership(const Project& project, const std::string& slug) {
    for (const Partnership& p : project.partnerships)
        if (p.slug == slug) return &p;
    return nullptr;
}

const Document* find_document(const Partnership& p, const std::string& slug) {
    for (const Document& d : p.documents)
        if (d.slug == slug) return &d;
    return nullptr;
}

std::string percent_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
            std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
            out.push_back(static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16)));
            i += 2;
        } else {
            out.push_back(s[i]);
        }
    }
    return out;
}

/// "https:" -> "https"; "" when the URL has no scheme (a colon after a "/" is a path).
std::string scheme_of(std::string_view url) {
    std::size_t colon = url.find(':');
    if (colon == std::string_view::npos || colon == 0) return "";
    std::size_t stop = url.find_first_of("/?#");
    if (stop != std::string_view::npos && stop < colon) return "";
    for (std::size_t i = 0; i < colon; ++i) {
        auto c = static_cast<unsigned char>(url[i]);
        if (!std::isalnum(c) && c != '+' && c != '-' && c != '.') return "";
    }
    return ascii_lower(url.substr(0, colon));
}

/// "2009-10.md" -> "2009-10": the slug a file name in a link names.
std::string document_slug(const std::string& name) {
    std::string slug = name;
    if (slug.size() > 3 && slug.compare(slug.size() - 3, 3, ".md") == 0) slug.erase(slug.size() - 3);
    return slug;
}

struct LinkChecker {
    const CheckContext& ctx;
    SectionIds ids;

    bool has_section(const std::vector<Section>& sections, const std::string& id) { return ids.has(sections, id); }

    void check(const Inline& link, const Span& where) {
        std::string url(trim(*link.url));
        const char* what = link.kind == InlineKind::Image ? "image" : "link";
        if (url.empty()) {
            report(ctx, DiagCode::E004, std::string(what) + " has no target", where);
            return;
        }
        std::string scheme = scheme_of(url);
        if (scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel") return;
        if (!scheme.empty() || url.find('\\') != std::string::npos) {
            bool drive = scheme.size() == 1;  // "C:/..."
            report(ctx, DiagCode::E005,
                   std::string(what) + " `" + url + "` " +
                       (scheme == "file" || drive ? "points at a file on one computer"
                                                  : "uses the `" + scheme + ":` scheme, which the site does not carry") +
                       ": put the file beside the document and link to it by name",
                   where);
            return;
        }
        if (url.front() == '/') {
            report(ctx, DiagCode::E005,
                   std::string(what) + " `" + url +
                       "` is an absolute path: write it relative to this document (\"../melton/2009-10.md\", \"chart.png\")",
                   where);
            return;
        }
        std::string path = url;
        std::string fragment;
        if (auto hash = path.find('#'); hash != std::string::npos) {
            fragment = path.substr(hash + 1);
            path.erase(hash);
        }
        if (auto query = path.find('?'); query != std::string::npos) path.erase(query);
        path = percent_decode(path);
        if (path.empty()) {
            if (!fragment.empty() && !has_section(ctx.doc.sections, fragment))
                report(ctx, DiagCode::E004, std::string(what) + " `" + url + "` names no section of this document", where);
            return;
        }
        // Resolve against content/<partnership>/.
        std::vector<std::string> parts{ctx.doc.partnership};
        std::size_t start = 0;
        while (start <= path.size()) {
            std::size_t slash = path.find('/', start);
            std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
            if (part == "..") {
                if (parts.empty()) {
                    report(ctx, DiagCode::E005,
                           std::string(what) + " `" + url + "` leaves the content folder: link only to pages and files in it",
                           where);
                    return;
                }
                parts.pop_back();
            } else if (!part.empty() && part != ".") {
                parts.push_back(part);
            }
            if (slash == std::string::npos) break;
            start = slash + 1;
        }
        if (ctx.cross_links && names_other_document(parts)) {
            CrossDocumentLink later{parts[0], parts[1], fragment, url, link.kind == InlineKind::Image, where};
            ctx.cross_links->push_back(std::move(later));
            return;
        }
        check_resolved(parts, fragment, url, what, where);
    }

    void check_resolved(const std::vector<std::string>& parts, const std::string& fragment, const std::string& url,
                        const char* what, const Span& where) {
        std::string problem = resolve(parts, fragment);
        if (!problem.empty()) report(ctx, DiagCode::E004, std::string(what) + " `" + url + "` " + problem, where);
    }

    /// True when `parts` (relative to content/) may name a document other than this one:
    /// resolving it reads that document, which may still be being parsed.
    bool names_other_document(const std::vector<std::string>& parts) const {
        if (parts.size() != 2) return false;
        std::string slug = document_slug(parts[1]);
        if (slug == "_index" || slug == "index") return false;
        return !(parts[0] == ctx.doc.partnership && slug == ctx.doc.slug);
    }

    /// "" when `parts` (relative to content/) names a page or file; otherwise why not.
    std::string resolve(const std::vector<std::string>& parts, const std::string& fragment) {
        fs::path content = fs::path(ctx.project.root) / "content";
        if (parts.empty()) return "points at the content folder itself, which is not a page";
        const std::string& folder = parts[0];
        const Partnership* partnership = find_partnership(ctx.project, folder);
        boost::system::error_code ec;
        bool folder_exists = partnership || fs::is_directory(content / folder, ec);
        if (parts.size() == 1) {
            if (!folder_exists) return "names no partnership folder `" + folder + "`";
            if (!fragment.empty() && partnership && !has_section(partnership->sections, fragment))
                return "names no section `" + fragment + "` of the partnership page";
            return "";
        }
        if (parts.size() == 2) {
            const std::string& name = parts[1];
            std::string slug = document_slug(name);
            if (slug == "_index" || slug == "index") {
                if (!folder_exists) return "names no partnership folder `" + folder + "`";
                return "";
            }
            // This document itself without a search: while documents are checked as they
            // are parsed, the others may be being written on other threads.
            const Document* doc = nullptr;
            if (partnership && folder == ctx.doc.partnership && slug == ctx.doc.slug)
                doc = &ctx.doc;
            else if (partnership)
                doc = find_document(*partnership, slug);
            if (doc) {
                if (!fragment.empty() && !has_section(doc->sections, fragment))
                    return "names no section `" + fragment + "` of " + plan_name(*doc);
                return "";
            }
            // A document not loaded (checking one file), or a file beside the documents.
            if (fs::is_regular_file(content / folder / (slug + ".md"), ec) || fs::is_regular_file(content / folder / name, ec))
                return "";
            if (!folder_exists) return "names no partnership folder `" + folder + "`";
            return "names no document or file `" + name + "` in " + folder + "/";
        }
        fs::path file = content;
        for (const std::string& p : parts) file /= p;
        if (fs::is_regular_file(file, ec) || fs::is_directory(file, ec)) return "";
        return "names a file that does not exist";
    }

    void walk(const InlineText& inlines, const Span& fallback) {
        for (const Inline& in : inlines) {
            if (in.kind == InlineKind::Link || in.kind == InlineKind::Image) {
                Span where = in.span;
                if (!where.known()) {
                    for (const Inline& child : *in.children)
                        if (child.span.known()) {
                            where = child.span;
                            break;
                        }
                }
                check(in, where.known() ? where : fallback);
            }
            walk(*in.children, fallback);
        }
    }
};

/// Where a front matter value is, or the first line when it has no known place.
Span front_matter_span(const Document& doc, const char* key) {
    auto it = doc.fields.find(key);
    return it != doc.fields.end() && it->second.known() ? it->second : Span{1, 1, 1, 1};
}

void check_front_matter_links(const CheckContext& ctx, SectionIds& ids) {
    const Document& doc = ctx.doc;
    for (const std::string& id : doc.leaflet) {
        if (ids.has(doc.sections, id)) continue;
        report(ctx, DiagCode::E004, "`leaflet:` names the section `" + id + "`, which this document does not have",
               front_matter_span(doc, "leaflet"));
    }
}

/// `previous:` must name a document of the partnership (read only once every document
/// of the partnership is known).
void check_previous(const CheckContext& ctx) {
    const Document& doc = ctx.doc;
    if (!doc.previous.empty()) {
        bool found = find_document(ctx.partnership, doc.previous) != nullptr;
        boost::system::error_code ec;
        if (!found)
            found = fs::is_regular_file(fs::path(ctx.project.root) / "content" / doc.partnership / (doc.previous + ".md"), ec);
        if (!found)
            report(ctx, DiagCode::E004,
                   "`previous:` names the document `" + doc.previous + "`, which " + doc.partnership + "/ does not have",
                   front_matter_span(doc, "previous"));
    }
}

/// True when the text holds a link or an image anywhere (most texts hold none).
bool has_links(const InlineText& inlines) {
    for (const Inline& in : inlines)
        if (in.kind == InlineKind::Link || in.kind == InlineKind::Image || has_links(*in.children)) return true;
    return false;
}

}  // namespace

void check_links(const CheckContext& ctx) {
    LinkChecker checker{ctx, {}};
    for_each_text(ctx, [&](const TextPiece& piece) {
        // The text's position (a column count through its line) only for texts with links.
        if (piece.inlines && has_links(*piece.inlines)) checker.walk(*piece.inlines, piece_span(piece, 0, 1));
    });
    check_front_matter_links(ctx, checker.ids);
    if (!ctx.cross_links) check_previous(ctx);  // else check_cross_document_links does
}

void check_cross_document_links(const CheckContext& ctx, const std::vector<CrossDocumentLink>& links) {
    LinkChecker checker{ctx, {}};
    for (const CrossDocumentLink& link : links)
        checker.check_resolved({link.folder, link.name}, link.fragment, link.url, link.image ? "image" : "link",
                               link.where);
    check_previous(ctx);
}

void check_document_ids(const Project& project, std::vector<Diagnostics>& by_partnership) {
    // Within one check of several paths the same partnership may appear twice; documents
    // from different files that would be published at one URL clash. One pass in project
    // order: the first document at an address is the one the others are compared with.
    std::unordered_map<std::string, const Document*> urls;
    for (std::size_t i = 0; i < project.partnerships.size() && i < by_partnership.size(); ++i) {
        const Partnership& p = project.partnerships[i];
        for (const Document& d : p.documents) {
            std::string url = p.slug + "/" + d.slug;
            auto [it, fresh] = urls.emplace(url, &d);
            if (fresh || it->second->path == d.path) continue;
            Span at = d.fields.count("title") ? d.fields.at("title") : Span{1, 1, 1, 1};
            Diagnostic& diag = by_partnership[i].report(
                DiagCode::E003, "this document would be published at /" + url + "/, like " + it->second->path + ": rename one",
                {d.path, at});
            diag.plan = plan_name(d);
            diag.notes.push_back({"the other document is here", {it->second->path, Span{1, 1, 1, 1}}});
        }
    }
}

}  // namespace planc::checks
