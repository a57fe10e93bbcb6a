// `planc review`: the reviewer's report as one self-contained HTML page (pugixml tree,
// so every text is escaped by construction).

#include <pugixml.hpp>

#include <algorithm>
#include <map>
#include <sstream>

#include "planc/check.hpp"
#include "planc/review.hpp"

namespace planc {

namespace {

constexpr const char* kStyle = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5;margin:0 auto;max-width:60rem;padding:1rem;color:#0b0c0c}
h1{font-size:1.8rem}h2{font-size:1.4rem;border-top:4px solid #1d70b8;padding-top:.5rem;margin-top:2.5rem}h3{font-size:1.15rem;margin-top:1.5rem}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border-bottom:1px solid #b1b4b6;padding:.3rem .6rem;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.finding{border-left:5px solid #505a5f;padding:.3rem .8rem;margin:.6rem 0;background:#f3f2f1;break-inside:avoid}
.finding.error{border-color:#d4351c}.finding.warning{border-color:#f47738}
.tag{display:inline-block;font-weight:700;padding:0 .4rem;margin-right:.4rem;border:2px solid currentColor}
.tag.error{color:#942514}.tag.warning{color:#6f3205}.tag.ok{color:#005a30}
pre{white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid #b1b4b6;padding:.4rem;margin:.3rem 0;font-size:.9rem}
mark{background:#ffdd00;color:#0b0c0c}
.source{font-size:.85rem}.source ol{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-word;padding-left:4.5rem}
.source li:target{background:#ffdd00}
a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c}
@media print{.source{display:none}a{color:inherit;text-decoration:none}h2{break-before:page}.finding{background:none}}
)";

/// Anchor id of a line of a file's source listing.
std::string line_anchor(const std::string& file, std::uint32_t line) {
    std::string id = "src-";
    for (char c : file) id.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '-');
    return id + "-L" + std::to_string(line);
}

std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '\n') {
            std::string_view line = text.substr(start, i - start);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            if (i < text.size() || !line.empty()) lines.push_back(line);
            start = i + 1;
        }
    }
    return lines;
}

/// Byte offset of a 1-based code point column in a line.
std::size_t byte_at(std::string_view line, std::uint32_t column) {
    std::size_t i = 0;
    for (std::uint32_t c = 1; c < column && i < line.size(); ++c) {
        ++i;
        while (i < line.size() && (static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) ++i;
    }
    return i;
}

void text(pugi::xml_node parent, const std::string& value) {
    parent.append_child(pugi::node_pcdata).set_value(value.c_str());
}

pugi::xml_node element(pugi::xml_node parent, const char* name, const std::string& content = {},
                       const char* cls = nullptr) {
    pugi::xml_node n = parent.append_child(name);
    if (cls) n.append_attribute("class") = cls;
    if (!content.empty()) text(n, content);
    return n;
}

/// The excerpt: the source line, the span marked; long lines cut around it.
void excerpt(pugi::xml_node parent, std::string_view source, const Span& span) {
    auto lines = split_lines(source);
    if (!span.known() || span.line > lines.size()) return;
    std::string_view line = lines[span.line - 1];
    std::size_t begin = byte_at(line, span.column);
    std::size_t end = span.end_line == span.line && span.end_column >= span.column ? byte_at(line, span.end_column + 1)
                                                                                  : begin + 1;
    end = std::clamp(end, begin, line.size());
    std::size_t from = begin > 80 ? begin - 80 : 0;
    std::size_t to = std::min(line.size(), std::max(end, begin + 1) + 80);
    while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
    while (to < line.size() && (static_cast<unsigned char>(line[to]) & 0xC0) == 0x80) ++to;
    pugi::xml_node pre = element(parent, "pre");
    text(pre, (from > 0 ? "…" : "") + std::string(line.substr(from, begin - from)));
    element(pre, "mark", std::string(line.substr(begin, end - begin)));
    text(pre, std::string(line.substr(end, to - end)) + (to < line.size() ? "…" : ""));
}

const char* severity_class(Severity s) { return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note"; }

void finding(pugi::xml_node parent, const Diagnostic& d, std::string_view source) {
    pugi::xml_node box = element(parent, "div", {}, nullptr);
    box.append_attribute("class") = (std::string("finding ") + severity_class(d.severity)).c_str();
    pugi::xml_node head = element(box, "p");
    const DiagInfo& i = info(d.code);
    pugi::xml_node tag = element(head, "span", d.severity == Severity::Error ? "Error" : "Warning");
    tag.append_attribute("class") = (std::string("tag ") + severity_class(d.severity)).c_str();
    element(head, "strong", d.message);
    text(head, " (" + std::string(i.code) + " " + std::string(i.name) + ")");
    pugi::xml_node where = element(box, "p");
    if (d.location.span.known()) {
        pugi::xml_node a = element(where, "a",
                                   d.location.file + " line " + std::to_string(d.location.span.line) + ", column " +
                                       std::to_string(d.location.span.column));
        a.append_attribute("href") = ("#" + line_anchor(d.location.file, d.location.span.line)).c_str();
    } else {
        text(where, d.location.file);
    }
    excerpt(box, source, d.location.span);
    for (const DiagNote& n : d.notes) {
        pugi::xml_node p = element(box, "p", "Note: " + n.message);
        if (n.location.span.known()) {
            text(p, " — ");
            pugi::xml_node a = element(p, "a", "line " + std::to_string(n.location.span.line));
            a.append_attribute("href") = ("#" + line_anchor(n.location.file, n.location.span.line)).c_str();
        }
    }
}

/// The priority a line falls in (from its heading to the next level-2 section).
const Priority* priority_at(const Document& doc, std::uint32_t line) {
    const Priority* found = nullptr;
    for (const Section& s : doc.sections) {
        if (s.span.line > line) break;
        found = s.kind == SectionKind::Priority ? &doc.priorities[static_cast<std::size_t>(s.priority_index)] : nullptr;
    }
    return found;
}

bool more_severe_first(const Diagnostic* a, const Diagnostic* b) {
    if (a->severity != b->severity) return a->severity < b->severity;
    return std::tie(a->location.span.line, a->location.span.column) < std::tie(b->location.span.line, b->location.span.column);
}

void summary_table(pugi::xml_node parent, const Document& doc) {
    std::size_t complete = 0, gaps = 0, unread = 0, no_targets = 0, no_lead = 0;
    for (const Priority& p : doc.priorities) {
        if (p.targets.empty()) ++no_targets;
        if (p.leads.empty()) ++no_lead;
        for (const Target& t : p.targets) {
            if (!t.readable) ++unread;
            else if (t.gaps.empty()) ++complete;
            else ++gaps;
        }
    }
    pugi::xml_node table = element(parent, "table");
    element(table, "caption", "Completeness of " + (doc.title.empty() ? doc.path : doc.title));
    auto row = [&](const std::string& label, std::size_t value) {
        pugi::xml_node tr = element(table, "tr");
        pugi::xml_node th = element(tr, "th", label);
        th.append_attribute("scope") = "row";
        element(tr, "td", std::to_string(value), "num");
    };
    row("Priorities", doc.priorities.size());
    row("Targets", complete + gaps + unread);
    row("Targets complete", complete);
    row("Targets with gaps (TBC, ...., XX)", gaps);
    row("Targets the compiler could not read", unread);
    row("Priorities without targets", no_targets);
    row("Priorities without a lead", no_lead);
}

void source_listing(pugi::xml_node parent, const std::string& file, std::string_view source) {
    pugi::xml_node details = element(parent, "details", {}, "source");
    element(details, "summary", "Source of " + file);
    pugi::xml_node list = element(details, "ol");
    std::uint32_t n = 0;
    for (std::string_view line : split_lines(source)) {
        pugi::xml_node li = element(list, "li", std::string(line));
        li.append_attribute("id") = line_anchor(file, ++n).c_str();
    }
}

}  // namespace

std::string render_review_report(const Project& project, const Diagnostics& diags) {
    pugi::xml_document page;
    pugi::xml_node html = page.append_child("html");
    html.append_attribute("lang") = "en-GB";
    pugi::xml_node head = element(html, "head");
    element(head, "meta").append_attribute("charset") = "utf-8";
    pugi::xml_node viewport = element(head, "meta");
    viewport.append_attribute("name") = "viewport";
    viewport.append_attribute("content") = "width=device-width, initial-scale=1";
    element(head, "title", "Review report: " + project.settings.title);
    element(head, "style", kStyle);
    pugi::xml_node body = element(html, "body");
    pugi::xml_node main = element(body, "main");
    element(main, "h1", "Review report");
    std::size_t errors = diags.count(Severity::Error), warnings = diags.count(Severity::Warning);
    TargetSummary all = summarise_targets(project);
    element(main, "p",
            std::to_string(errors) + (errors == 1 ? " error, " : " errors, ") + std::to_string(warnings) +
                (warnings == 1 ? " warning. " : " warnings. ") + std::to_string(all.targets) + " targets: " +
                std::to_string(all.complete) + " complete, " + std::to_string(all.with_gaps) + " with gaps, " +
                std::to_string(all.unreadable) + " unreadable.");

    // Findings by file, so each document gets its own.
    std::map<std::string, std::vector<const Diagnostic*>> by_file;
    for (const Diagnostic& d : diags.items()) by_file[d.location.file].push_back(&d);

    for (const Partnership& p : project.partnerships) {
        auto index_findings = by_file.find(p.index_path);
        for (const Document& doc : p.documents) {
            pugi::xml_node section = element(main, "section");
            element(section, "h2", (p.name.empty() ? p.slug : p.name) + ": " + (doc.title.empty() ? doc.slug : doc.title));
            element(section, "p", doc.path);
            summary_table(section, doc);
            std::vector<const Diagnostic*> findings = by_file[doc.path];
            if (findings.empty()) {
                pugi::xml_node ok = element(section, "p");
                element(ok, "span", "No findings", "tag ok");
                continue;
            }
            // Group by priority in document order; findings outside priorities first.
            std::map<int, std::vector<const Diagnostic*>> groups;
            for (const Diagnostic* d : findings) {
                const Priority* pr = priority_at(doc, d->location.span.line);
                groups[pr ? static_cast<int>(pr - doc.priorities.data()) : -1].push_back(d);
            }
            for (auto& [index, list] : groups) {
                std::sort(list.begin(), list.end(), more_severe_first);
                std::string heading = index < 0 ? "The document as a whole"
                                                : doc.priorities[static_cast<std::size_t>(index)].label + " " +
                                                      (doc.priorities[static_cast<std::size_t>(index)].number
                                                           ? std::to_string(*doc.priorities[static_cast<std::size_t>(index)].number) + ": "
                                                           : std::string(": ")) +
                                                      doc.priorities[static_cast<std::size_t>(index)].title;
                element(section, "h3", heading + " (" + std::to_string(list.size()) + ")");
                for (const Diagnostic* d : list) finding(section, *d, doc.source);
            }
            source_listing(section, doc.path, doc.source);
        }
        if (index_findings != by_file.end() && !index_findings->second.empty()) {
            pugi::xml_node section = element(main, "section");
            element(section, "h2", (p.name.empty() ? p.slug : p.name) + ": partnership file");
            auto list = index_findings->second;
            std::sort(list.begin(), list.end(), more_severe_first);
            for (const Diagnostic* d : list) finding(section, *d, p.source);
            source_listing(section, p.index_path, p.source);
        }
    }
    std::ostringstream out;
    out << "<!DOCTYPE html>\n";
    page.save(out, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    out << "\n";
    return out.str();
}

}  // namespace planc
