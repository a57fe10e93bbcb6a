// One plan or report file -> Document.

#include <functional>

#include "parse/front_matter.hpp"
#include "parse/markdown_blocks.hpp"
#include "parse/parse_internal.hpp"
#include "planc/parse.hpp"

namespace planc {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

/// Reads the front matter fields of a plan or report into `doc`.
void read_document_front_matter(const FrontMatter& fm, Document& doc, const ParseContext& ctx) {
    const std::string& path = ctx.path;
    Diagnostics& diags = ctx.diags;
    if (!fm.present) {
        diags.report(DiagCode::E001, "document has no front matter: start the file with `---`, `title: ...` and `---`",
                     {path, Span{1, 1, 1, 1}});
        return;
    }
    if (!fm.valid) return;
    auto field = [&](const char* key) { return scalar_field(fm, key, ctx.lines, path, diags, doc.fields); };
    auto bad = [&](const char* key, const std::string& why) {
        Span span = doc.fields.count(key) ? doc.fields[key] : Span{fm.first_line, 1, fm.first_line, 1};
        diags.report(DiagCode::E001, std::string("front matter field `") + key + "` " + why, {path, span});
    };

    if (auto kind = field("kind")) {
        if (*kind == "plan") doc.kind = DocumentKind::Plan;
        else if (*kind == "report") doc.kind = DocumentKind::Report;
        else bad("kind", "must be `plan` or `report`, not `" + *kind + "`");
    }
    if (auto title = field("title")) doc.title = *title;
    if (doc.title.empty())
        diags.report(DiagCode::E001, "front matter has no `title`", {path, Span{fm.first_line, 1, fm.first_line, 1}});
    if (auto partnership = field("partnership")) {
        if (*partnership != doc.partnership)
            bad("partnership", "is `" + *partnership + "` but the file is in the folder of `" + doc.partnership + "`");
    }
    if (auto year = field("year")) {
        doc.year = parse_plan_date(*year);
        if (!doc.year) bad("year", "is not a year: write a financial year like `2009/10`");
    }
    if (auto period = field("period")) {
        doc.period = parse_plan_period(*period);
        if (!doc.period) bad("period", "is not a span of years: write it like `2008/09-2010/11`");
    }
    if (auto status = field("status")) {
        if (*status == "draft") doc.status = PlanStatus::Draft;
        else if (*status == "approved") doc.status = PlanStatus::Approved;
        else if (*status == "published") doc.status = PlanStatus::Published;
        else bad("status", "must be `draft`, `approved` or `published`, not `" + *status + "`");
    }
    if (auto approved = field("approved")) {
        doc.approved = parse_plan_date(*approved);
        if (!doc.approved || doc.approved->precision != DatePrecision::Day)
            bad("approved", "must be a date like `2009-03-25`");
    }
    if (auto vision = field("vision")) doc.vision = *vision;
    if (auto previous = field("previous")) doc.previous = *previous;
    const YAML::Node& root = fm.root;
    if (YAML::Node leaflet = root["leaflet"]; leaflet && !leaflet.IsNull()) {
        doc.fields["leaflet"] = node_span(leaflet, fm, ctx.lines);
        if (leaflet.IsSequence()) {
            for (const auto& item : leaflet) {
                if (item.IsScalar()) {
                    doc.leaflet.push_back(item.Scalar());
                } else {
                    bad("leaflet", "must be a list of section ids");  // once, however long the list
                    break;
                }
            }
        } else if (leaflet.IsScalar()) {
            doc.leaflet.push_back(leaflet.Scalar());
        } else {
            bad("leaflet", "must be a list of section ids");
        }
    }
}

/// Replaces the front matter by empty lines, so the body keeps its line numbers.
std::string blank_front_matter(std::string_view text, const FrontMatter& fm) {
    std::string body(text);
    for (std::size_t i = 0; i < fm.body_offset && i < body.size(); ++i)
        if (body[i] != '\n' && body[i] != '\r') body[i] = ' ';
    return body;
}

/// A suppression applies to the block that starts after it.
void attach_suppressions(std::vector<Suppression>& suppressions, const std::vector<Section>& sections) {
    std::vector<Span> starts;
    std::function<void(const Section&)> collect = [&](const Section& s) {
        starts.push_back(s.span);
        for (const Block& b : s.blocks) starts.push_back(b.span);
        for (const Section& c : s.children) collect(c);
    };
    for (const Section& s : sections) collect(s);
    for (Suppression& sup : suppressions) {
        Span best{};
        for (const Span& s : starts) {
            if (s.line > sup.span.end_line && (!best.known() || s.line < best.line)) best = s;
        }
        sup.applies_to = best;
    }
}

/// Checks the text is UTF-8; reports E002 at the first bad byte.
bool check_encoding(const std::string& text, const std::string& path, Diagnostics& diags) {
    std::size_t bad = 0;
    if (valid_utf8(text, &bad)) return true;
    Span at = LineIndex(text).position(bad);
    diags.report(DiagCode::E002, "file is not UTF-8 text: save it as UTF-8", {path, at});
    return false;
}

}  // namespace

/// Shared by documents and partnership files: removes a BOM, checks encoding and NULs.
bool prepare_text(std::string& text, const std::string& path, Diagnostics& diags) {
    if (text.size() > kMaxSourceBytes) {
        diags.report(DiagCode::E002, too_large_message(text.size()), {path, Span{1, 1, 1, 1}});
        return false;
    }
    if (text.compare(0, kBom.size(), kBom) == 0) text.erase(0, kBom.size());
    // Positions are needed only for a finding, so the line index is made only then.
    if (!check_encoding(text, path, diags)) return false;
    if (auto nul = text.find('\0'); nul != std::string::npos) {
        diags.report(DiagCode::E002, "file contains a NUL byte: it is not a text file",
                     {path, LineIndex(text).position(nul)});
        return false;
    }
    return true;
}

std::string too_large_message(std::uintmax_t bytes) {
    auto mb = [](std::uintmax_t b) { return std::to_string((b + (1u << 20) - 1) >> 20); };
    return "file is " + mb(bytes) + " MB: a plan is at most " + mb(kMaxSourceBytes) +
           " MB of text; is this the right file?";
}

Document parse_document(const std::string& path, std::string text, Diagnostics& diags) {
    Document doc;
    doc.path = path;
    // "content/melton/2009-10.md" -> partnership "melton", slug "2009-10".
    std::string_view p = path;
    std::size_t slash = p.rfind('/');
    std::string_view file = slash == std::string_view::npos ? p : p.substr(slash + 1);
    doc.slug = std::string(file.substr(0, file.rfind('.')));
    if (slash != std::string_view::npos) {
        std::string_view folder = p.substr(0, slash);
        std::size_t parent = folder.rfind('/');
        doc.partnership = std::string(parent == std::string_view::npos ? folder : folder.substr(parent + 1));
    }
    if (!prepare_text(text, path, diags)) return doc;
    doc.source = std::move(text);
    LineIndex lines(doc.source);
    ParseContext ctx{path, lines, diags};
    FrontMatter fm = read_front_matter(doc.source, lines, path, diags);
    read_document_front_matter(fm, doc, ctx);
    doc.body_line = fm.body_line;

    std::string body = blank_front_matter(doc.source, fm);
    BodyBlocks parsed = parse_markdown_blocks(body, lines, path, diags);
    doc.sections = build_sections(std::move(parsed.blocks), ctx);
    doc.suppressions = std::move(parsed.suppressions);
    attach_suppressions(doc.suppressions, doc.sections);

    for (std::size_t index = 0; index < doc.sections.size(); ++index) {
        Section& s = doc.sections[index];
        if (s.kind == SectionKind::Priority) {
            s.priority_index = static_cast<int>(doc.priorities.size());
            doc.priorities.push_back(build_priority(s, ctx));
            doc.priorities.back().section_index = static_cast<int>(index);
        }
        read_document_tables(s, doc, ctx);
        if (s.kind == SectionKind::Achievements) {
            auto entries = list_entries(all_blocks(s));
            doc.achievements.insert(doc.achievements.end(), std::make_move_iterator(entries.begin()),
                                    std::make_move_iterator(entries.end()));
        }
    }
    scan_document_text(doc);
    release_spare_capacity(doc);
    return doc;
}

}  // namespace planc
