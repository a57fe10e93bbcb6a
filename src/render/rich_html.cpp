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
    std::string out;
    return paths::collapse_dots(path, out) ? out : std::string();
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

void RichHtmlWriter::text(html::Stream& out, const std::string& t) { abbr_.append(out, t); }

void RichHtmlWriter::wrapped(html::Stream& out, const char* element, const InlineText& children) {
    out.open(element);
    inlines(out, children);
    out.close();
}

void RichHtmlWriter::inlines(html::Stream& out, const InlineText& text) {
    for (const Inline& in : text) {
        switch (in.kind) {
            case InlineKind::Text: abbr_.append(out, in.text); break;
            case InlineKind::Emphasis: wrapped(out, "em", *in.children); break;
            case InlineKind::Strong: wrapped(out, "strong", *in.children); break;
            case InlineKind::Code: out.element_text("code", in.text); break;
            case InlineKind::Superscript: wrapped(out, "sup", *in.children); break;
            case InlineKind::Subscript: wrapped(out, "sub", *in.children); break;
            case InlineKind::Strikethrough: wrapped(out, "del", *in.children); break;
            case InlineKind::LineBreak: out.element("br"); break;
            case InlineKind::Link: {
                std::string href = resolve_url(*in.url, in.span);
                if (href.empty())
                    out.open("span");
                else
                    out.open("a", {{"href", href}});
                inlines(out, *in.children);
                out.close();
                break;
            }
            case InlineKind::Image: {
                std::string src = resolve_url(*in.url, in.span);
                if (src.empty()) {
                    out.text(in.text);
                    break;
                }
                out.element("img", {{"src", src}, {"alt", in.text}});
                break;
            }
        }
    }
}

void RichHtmlWriter::list(html::Stream& out, const Block& b) {
    const char* name = b.ordered ? "ol" : "ul";
    if (b.ordered && b.start != 1)
        out.open(name, {{"start", std::to_string(b.start)}});
    else
        out.open(name);
    for (const ListItem& item : *b.items) {
        out.open("li");
        // A single paragraph item is written without its <p>, as lists usually are.
        if (item.blocks.size() == 1 && item.blocks.front().kind == BlockKind::Paragraph) {
            inlines(out, item.blocks.front().inlines);
        } else {
            blocks(out, item.blocks);
        }
        out.close();
    }
    out.close();
}

void RichHtmlWriter::table(html::Stream& out, const Table& t, const std::string& caption, bool caption_hidden) {
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
    out.open("div", {{"class", "table-wrap"}, {"role", "group"}, {"tabindex", "0"},
                     {"aria-label", caption.empty() ? std::string_view("Table") : std::string_view(caption)}});
    out.open("table", {{"class", "table"}});
    if (!caption.empty())
        out.element_text("caption", caption,
                         {{"class", caption_hidden ? "table__caption visually-hidden" : "table__caption"}});
    bool header_has_text = std::any_of(t.header.cells.begin(), t.header.cells.end(),
                                       [](const TableCell& c) { return !c.text.empty(); });
    if (header_has_text) {
        out.open("thead");
        out.open("tr");
        for (std::size_t c = 0; c < t.header.cells.size(); ++c) {
            if (c < numeric.size() && numeric[c])
                out.open("th", {{"scope", "col"}, {"class", "num"}});
            else
                out.open("th", {{"scope", "col"}});
            inlines(out, t.header.cells[c].content);
            out.close();
        }
        out.close();
        out.close();
    }
    if (!t.rows.empty()) {
        out.open("tbody");
        for (const TableRow& r : t.rows) {
            out.open("tr");
            for (std::size_t c = 0; c < r.cells.size(); ++c) {
                bool right = (c < numeric.size() && numeric[c]) ||
                             (c < t.align.size() && t.align[c] == CellAlign::Right);
                if (right)
                    out.open("td", {{"class", "num"}});
                else
                    out.open("td");
                inlines(out, r.cells[c].content);
                out.close();
            }
            out.close();
        }
        out.close();
    }
    out.close();
    out.close();
}

void RichHtmlWriter::block(html::Stream& out, const Block& b) {
    switch (b.kind) {
        case BlockKind::Paragraph: wrapped(out, "p", b.inlines); break;
        case BlockKind::Heading: {
            // Headings are read aloud as landmarks: keep them free of <abbr> noise.
            bool was = abbr_.enabled();
            abbr_.set_enabled(false);
            wrapped(out, heading_name(b.level + heading_shift_), b.inlines);
            abbr_.set_enabled(was);
            break;
        }
        case BlockKind::List: list(out, b); break;
        case BlockKind::Table: {
            // A survey table (answers with percentages and counts) also gets a chart.
            if (doc_) {
                for (const SurveyTable& survey : doc_->surveys) {
                    if (!(survey.span == b.table->header.span)) continue;
                    std::string title = table_caption_.empty() ? std::string("Survey results") : table_caption_;
                    append_bar_chart(out, survey_chart(survey, title, "survey-" + std::to_string(survey.span.line)));
                }
            }
            table(out, *b.table, table_caption_, true);
            break;
        }
        case BlockKind::Quote:
            out.open("blockquote", {{"class", "quote"}});
            blocks(out, *b.children);
            out.close();
            break;
        case BlockKind::Code:
            out.open("pre");
            out.element_text("code", *b.text);
            out.close();
            break;
        case BlockKind::ThematicBreak: out.element("hr"); break;
    }
}

void RichHtmlWriter::blocks(html::Stream& out, const std::vector<Block>& bs) {
    for (const Block& b : bs) block(out, b);
}

void RichHtmlWriter::blocks(html::Stream& out, const std::vector<const Block*>& bs) {
    for (const Block* b : bs) block(out, *b);
}

}  // namespace planc
