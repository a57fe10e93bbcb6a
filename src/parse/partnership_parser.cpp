// A partnership's _index.md -> Partnership: who it is, members, contacts, glossary.

#include "parse/front_matter.hpp"
#include "parse/markdown_blocks.hpp"
#include "parse/parse_internal.hpp"
#include "planc/parse.hpp"

namespace planc {

namespace {

/// "ASB – Anti-social behaviour", "ASB - ...", "ASB: ..." -> term and meaning.
bool split_term(std::string_view text, std::string& term, std::string& meaning) {
    for (std::string_view sep : {" \xE2\x80\x93 ", " \xE2\x80\x94 ", " - ", ": ", " = "}) {
        std::size_t at = text.find(sep);
        if (at != std::string_view::npos && at > 0) {
            term = std::string(trim(text.substr(0, at)));
            meaning = std::string(trim(text.substr(at + sep.size())));
            return !term.empty() && !meaning.empty();
        }
    }
    return false;
}

void read_glossary(const Section& s, Partnership& p) {
    for (const Block* b : all_blocks(s)) {
        if (b->kind == BlockKind::Table) {
            for (const TableRow& row : b->table->rows) {
                if (row.cells.size() < 2 || row.cells[0].text.empty()) continue;
                p.glossary.push_back(GlossaryEntry{row.cells[0].text, row.cells[1].text, row.cells[0].span});
            }
        } else if (b->kind == BlockKind::List) {
            for (const Entry& e : list_entries({*b})) {
                GlossaryEntry g;
                g.span = e.span;
                if (split_term(e.text, g.term, g.meaning)) p.glossary.push_back(std::move(g));
            }
        }
    }
}

void read_contacts(const Section& s, Partnership& p) {
    for (const Block* b : all_blocks(s)) {
        if (b->kind == BlockKind::Table) {
            std::vector<std::string> names;
            for (const auto& c : b->table->header.cells) names.push_back(ascii_lower(c.text));
            for (const TableRow& row : b->table->rows) {
                Contact c;
                c.span = row.cells.empty() ? row.span : row.cells.front().span;
                for (std::size_t i = 0; i < row.cells.size() && i < names.size(); ++i) {
                    const std::string& n = names[i];
                    const std::string& v = row.cells[i].text;
                    if (n.find("phone") != std::string::npos || n.find("tel") != std::string::npos) c.phone = v;
                    else if (n.find("mail") != std::string::npos) c.email = v;
                    else if (n.find("address") != std::string::npos) c.address = v;
                    else if (n.find("web") != std::string::npos) c.website = v;
                    else if (n.find("role") != std::string::npos || n.find("title") != std::string::npos) c.role = v;
                    else if (c.name.empty()) c.name = v;
                    else c.role = c.role.empty() ? v : c.role + "; " + v;
                }
                if (!c.name.empty() || !c.phone.empty() || !c.email.empty()) p.contacts.push_back(std::move(c));
            }
        } else if (b->kind == BlockKind::List) {
            for (const Entry& e : list_entries({*b})) {
                Contact c;
                c.span = e.span;
                c.name = e.text;
                p.contacts.push_back(std::move(c));
            }
        }
    }
}

}  // namespace

Partnership parse_partnership_index(const std::string& path, std::string text, Diagnostics& diags) {
    Partnership p;
    p.index_path = path;
    std::string_view pv = path;
    std::size_t slash = pv.rfind('/');
    if (slash != std::string_view::npos) {
        std::string_view folder = pv.substr(0, slash);
        std::size_t parent = folder.rfind('/');
        p.slug = std::string(parent == std::string_view::npos ? folder : folder.substr(parent + 1));
    }
    if (!prepare_text(text, path, diags)) return p;
    p.source = std::move(text);
    LineIndex lines(p.source);
    ParseContext ctx{path, lines, diags};
    FrontMatter fm = read_front_matter(p.source, lines, path, diags);
    if (!fm.present) {
        diags.report(DiagCode::E001, "partnership file has no front matter: start it with `---`, `name: ...` and `---`",
                     {path, Span{1, 1, 1, 1}});
    } else if (fm.valid) {
        auto field = [&](const char* key) {
            return scalar_field(fm, key, lines, path, diags, p.fields).value_or("");
        };
        p.name = field("name");
        p.short_name = field("short");
        p.area = field("area");
        p.website = field("website");
        p.email = field("email");
        p.phone = field("phone");
        p.address = field("address");
        if (p.name.empty())
            diags.report(DiagCode::E001, "partnership file has no `name`", {path, Span{fm.first_line, 1, fm.first_line, 1}});
    }
    std::string body(p.source);
    for (std::size_t i = 0; i < fm.body_offset && i < body.size(); ++i)
        if (body[i] != '\n' && body[i] != '\r') body[i] = ' ';
    BodyBlocks parsed = parse_markdown_blocks(body, lines, path, diags);
    p.sections = build_sections(std::move(parsed.blocks), ctx);
    for (const Section& s : p.sections) {
        switch (s.kind) {
            case SectionKind::Glossary: read_glossary(s, p); break;
            case SectionKind::Contacts: read_contacts(s, p); break;
            case SectionKind::Members: {
                std::vector<Block> blocks;
                for (const Block* b : all_blocks(s)) blocks.push_back(*b);
                p.members = list_entries(blocks);
                break;
            }
            default: break;
        }
    }
    return p;
}

SiteSettings parse_site_settings(const std::string& path, std::string_view text, Diagnostics& diags) {
    SiteSettings s;
    YAML::Node root;
    try {
        root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        auto line = static_cast<std::uint32_t>(e.mark.line < 0 ? 0 : e.mark.line) + 1;
        auto col = static_cast<std::uint32_t>(e.mark.column < 0 ? 0 : e.mark.column) + 1;
        diags.report(DiagCode::E001, "planc.yml is not valid YAML: " + e.msg, {path, Span{line, col, line, col}});
        return s;
    }
    if (root.IsNull()) return s;
    if (!root.IsMap()) {
        diags.report(DiagCode::E001, "planc.yml must be a list of `key: value` lines", {path, Span{1, 1, 1, 1}});
        return s;
    }
    auto text_field = [&](const char* key, std::string& out) {
        const YAML::Node& r = root;
        YAML::Node n = r[key];
        if (!n || n.IsNull()) return;
        if (!n.IsScalar()) {
            auto line = static_cast<std::uint32_t>(n.Mark().line + 1);
            diags.report(DiagCode::E001, std::string("planc.yml: `") + key + "` must be a single value",
                         {path, Span{line, 1, line, 1}});
            return;
        }
        out = n.Scalar();
    };
    text_field("title", s.title);
    text_field("base_url", s.base_url);
    text_field("theme", s.theme);
    text_field("language", s.language);
    text_field("accessibility_contact", s.accessibility_contact);
    std::string strict;
    text_field("strict", strict);
    s.strict = strict == "true" || strict == "yes";
    const YAML::Node& r = root;
    if (YAML::Node list = r["abbreviations"]; list && list.IsSequence()) {
        for (const auto& item : list)
            if (item.IsScalar()) s.common_abbreviations.push_back(item.Scalar());
    }
    if (s.base_url.empty() || s.base_url.back() != '/') s.base_url += '/';
    return s;
}

}  // namespace planc
