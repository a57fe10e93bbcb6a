// Rich text to HTML nodes (see rich_html.hpp).

#include "render/rich_html.hpp"

#include <algorithm>
#include <cctype>

#include "render/charts.hpp"
#include "render/html.hpp"
#include "render/site_paths.hpp"
#include "render/template_engine.hpp"

namespace planc {

namespace {

const char* heading_name(int level) {
    static const char* names[] = {"h1", "h2", "h3", "h4", "h5", "h6"};
    return names[std::clamp(level, 1, 6) - 1];
}

/// "content/melton/../x/./a.png" -> "content/x/a.png"; empty when it climbs out.
std::string normalise(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string::npos) slash = path.size();
        std::string part = path.substr(start, slash - start);
        if (part == "..") {
            if (parts.empty()) return {};
            parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        start = slash + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

bool has_scheme(const std::string& url, const char* scheme) {
    std::string lower = url.substr(0, std::char_traits<char>::length(scheme));
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    return lower == scheme;
}

}  // namespace

bool looks_numeric(const std::string& cell) {
    if (cell.empty()) return false;
    bool digit = false;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(cell[i]);
        if (std::isdigit(c)) {
            digit = true;
            continue;
        }
        if (c == ',' || c == '.' || c == '%' || c == ' ' || c == '-' || c == '+') continue;
        if (cell.compare(i, 2, "\xC2\xA3") == 0) {  // £
            ++i;
            continue;
        }
        return false;
    }
    return digit;
}

RichHtmlWriter::RichHtmlWriter(SiteContext& site, const Page& page, const Partnership& partnership,
                               const Document* doc, AbbreviationMarker& abbr)
    : site_(site), page_(page), partnership_(partnership), doc_(doc), abbr_(abbr) {}

std::string RichHtmlWriter::resolve_url(const std::string& url, const Span& span) {
    std::string source_file = doc_ ? doc_->path : partnership_.index_path;
    auto remember = [&](const std::string& href) {
        site_.link_origins[page_.path + "\n" + href] = Location{source_file, span};
        return href;
    };
    if (url.empty()) return {};
    if (url.front() == '#') return remember(url);
    if (has_scheme(url, "http:") || has_scheme(url, "https:") || has_scheme(url, "mailto:") ||
        has_scheme(url, "tel:"))
        return url;
    if (!is_relative_url(url)) return url.front() == '/' ? url : std::string();  // other schemes are dropped
    std::string path = url, fragment;
    if (std::size_t hash = url.find('#'); hash != std::string::npos) {
        path = url.substr(0, hash);
        fragment = url.substr(hash);
    }
    std::string folder = "content/" + partnership_.slug + "/";
    std::string full = normalise(folder + path);
    if (full.rfind("content/", 0) != 0) return remember(path + fragment);  // the checker reports it
    std::string site_path = full.substr(std::string("content/").size());
    if (site_path.size() > 3 && site_path.compare(site_path.size() - 3, 3, ".md") == 0) {
        site_path = site_path.substr(0, site_path.size() - 3) + "/index.html";
    } else {
        site_.content_files[site_path] = site_.project.root + "/" + full;
    }
    return remember(page_.link(site_path) + fragment);
}

void RichHtmlWriter::text(pugi::xml_node parent, const std::string& t) { abbr_.append(parent, t); }

void RichHtmlWriter::inlines(pugi::xml_node parent, const InlineText& text) {
    for (const Inline& in : text) {
        switch (in.kind) {
            case InlineKind::Text: abbr_.append(parent, in.text); break;
            case InlineKind::Emphasis: inlines(html::element(parent, "em"), *in.children); break;
            case InlineKind::Strong: inlines(html::element(parent, "strong"), *in.children); break;
            case InlineKind::Code: html::element_text(parent, "code", in.text); break;
            case InlineKind::Superscript: inlines(html::element(parent, "sup"), *in.children); break;
            case InlineKind::Subscript: inlines(html::element(parent, "sub"), *in.children); break;
            case InlineKind::Strikethrough: inlines(html::element(parent, "del"), *in.children); break;
            case InlineKind::LineBreak: html::element(parent, "br"); break;
            case InlineKind::Link: {
                std::string href = resolve_url(*in.url, in.span);
                pugi::xml_node a = href.empty() ? html::element(parent, "span") : html::element(parent, "a", {{"href", href}});
                inlines(a, *in.children);
                break;
            }
            case InlineKind::Image: {
                std::string src = resolve_url(*in.url, in.span);
                if (src.empty()) {
                    html::text(parent, in.text);
                    break;
                }
                html::element(parent, "img", {{"src", src}, {"alt", in.text}});
                break;
            }
        }
    }
}

void RichHtmlWriter::list(pugi::xml_node parent, const Block& b) {
    pugi::xml_node l = html::element(parent, b.ordered ? "ol" : "ul");
    if (b.ordered && b.start != 1) html::set_attr(l, "start", std::to_string(b.start));
    for (const ListItem& item : *b.items) {
        pugi::xml_node li = html::element(l, "li");
        // A single paragraph item is written without its <p>, as lists usually are.
        if (item.blocks.size() == 1 && item.blocks.front().kind == BlockKind::Paragraph) {
            inlines(li, item.blocks.front().inlines);
        } else {
            blocks(li, item.blocks);
        }
    }
}

void RichHtmlWriter::table(pugi::xml_node parent, const Table& t, const std::string& caption, bool caption_hidden) {
    std::size_t columns = t.header.cells.size();
    for (const TableRow& r : t.rows) columns = std::max(columns, r.cells.size());
    // A column reads as numbers when every filled cell below the header does.
    std::vector<bool> numeric(columns, false);
    for (std::size_t c = 0; c < columns; ++c) {
        bool any = false, all = true;
        for (const TableRow& r : t.rows) {
            if (c >= r.cells.size() || r.cells[c].text.empty()) continue;
            any = true;
            all = all && looks_numeric(r.cells[c].text);
        }
        numeric[c] = any && all;
    }
    // A wide table scrolls inside its box: the box takes focus so keyboards can scroll it.
    pugi::xml_node wrap = html::element(parent, "div", {{"class", "table-wrap"}, {"role", "group"}, {"tabindex", "0"},
                                                        {"aria-label", caption.empty() ? std::string("Table") : caption}});
    pugi::xml_node table = html::element(wrap, "table", {{"class", "table"}});
    if (!caption.empty()) {
        pugi::xml_node cap = html::element_text(table, "caption", caption, {{"class", "table__caption"}});
        if (caption_hidden) html::add_class(cap, "visually-hidden");
    }
    bool header_has_text = std::any_of(t.header.cells.begin(), t.header.cells.end(),
                                       [](const TableCell& c) { return !c.text.empty(); });
    if (header_has_text) {
        pugi::xml_node tr = html::element(html::element(table, "thead"), "tr");
        for (std::size_t c = 0; c < t.header.cells.size(); ++c) {
            pugi::xml_node th = html::element(tr, "th", {{"scope", "col"}});
            if (c < numeric.size() && numeric[c]) html::set_attr(th, "class", "num");
            inlines(th, t.header.cells[c].content);
        }
    }
    if (t.rows.empty()) return;
    pugi::xml_node body = html::element(table, "tbody");
    for (const TableRow& r : t.rows) {
        pugi::xml_node tr = html::element(body, "tr");
        for (std::size_t c = 0; c < r.cells.size(); ++c) {
            pugi::xml_node td = html::element(tr, "td");
            bool right = (c < numeric.size() && numeric[c]) ||
                         (c < t.align.size() && t.align[c] == CellAlign::Right);
            if (right) html::set_attr(td, "class", "num");
            inlines(td, r.cells[c].content);
        }
    }
}

void RichHtmlWriter::block(pugi::xml_node parent, const Block& b) {
    switch (b.kind) {
        case BlockKind::Paragraph: inlines(html::element(parent, "p"), b.inlines); break;
        case BlockKind::Heading: {
            // Headings are read aloud as landmarks: keep them free of <abbr> noise.
            bool was = abbr_.enabled();
            abbr_.set_enabled(false);
            inlines(html::element(parent, heading_name(b.level + heading_shift_)), b.inlines);
            abbr_.set_enabled(was);
            break;
        }
        case BlockKind::List: list(parent, b); break;
        case BlockKind::Table: {
            // A survey table (answers with percentages and counts) also gets a chart.
            if (doc_) {
                for (const SurveyTable& survey : doc_->surveys) {
                    if (!(survey.span == b.table->header.span)) continue;
                    std::string title = table_caption_.empty() ? std::string("Survey results") : table_caption_;
                    append_bar_chart(parent, survey_chart(survey, title, "survey-" + std::to_string(survey.span.line)));
                }
            }
            table(parent, *b.table, table_caption_, true);
            break;
        }
        case BlockKind::Quote: blocks(html::element(parent, "blockquote", {{"class", "quote"}}), *b.children); break;
        case BlockKind::Code: html::element_text(html::element(parent, "pre"), "code", *b.text); break;
        case BlockKind::ThematicBreak: html::element(parent, "hr"); break;
    }
}

void RichHtmlWriter::blocks(pugi::xml_node parent, const std::vector<Block>& bs) {
    for (const Block& b : bs) block(parent, b);
}

void RichHtmlWriter::blocks(pugi::xml_node parent, const std::vector<const Block*>& bs) {
    for (const Block* b : bs) block(parent, *b);
}

}  // namespace planc
