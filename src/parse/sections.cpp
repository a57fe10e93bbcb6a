// Blocks -> sections by heading, and what each level-2 heading names.

#include <algorithm>
#include <array>
#include <map>

#include "parse/parse_internal.hpp"
#include "planc/parse.hpp"

namespace planc {

namespace {

/// Lower case, leading "the " and trailing punctuation removed: how headings compare.
std::string heading_key(std::string_view title) {
    std::string key = collapse_spaces(ascii_lower(title));
    while (!key.empty() && (key.back() == ':' || key.back() == '.' || key.back() == ' ')) key.pop_back();
    if (key.rfind("the ", 0) == 0) key.erase(0, 4);
    return key;
}

/// True when `key` starts with the word(s) `prefix` followed by a word boundary.
bool starts_with_words(std::string_view key, std::string_view prefix) {
    if (key.substr(0, prefix.size()) != prefix) return false;
    return key.size() == prefix.size() || !std::isalpha(static_cast<unsigned char>(key[prefix.size()]));
}

struct SectionBuilder {
    const ParseContext& ctx;
    std::map<std::string, Span> level2_ids;   // id -> heading, for E003
    std::map<std::string, int> used_ids;

    std::string unique_id(const std::string& wanted) {
        std::string base = wanted.empty() ? "section" : wanted;
        int& n = used_ids[base];
        ++n;
        return n == 1 ? base : base + "-" + std::to_string(n);
    }

    /// Builds sections at `level` from blocks[begin, end).
    std::vector<Section> build(std::vector<Block>& blocks, std::size_t begin, std::size_t end, int level,
                               const std::string& parent_id, std::vector<Block>* leading) {
        std::vector<Section> out;
        std::size_t i = begin;
        // Blocks before the first heading of this level belong to the parent.
        while (i < end && !(blocks[i].kind == BlockKind::Heading && effective_level(blocks[i]) <= level)) {
            if (leading) leading->push_back(std::move(blocks[i]));
            ++i;
        }
        while (i < end) {
            Block& heading = blocks[i];
            int this_level = effective_level(heading);
            std::size_t next = i + 1;
            while (next < end && !(blocks[next].kind == BlockKind::Heading && effective_level(blocks[next]) <= this_level))
                ++next;
            Section s;
            s.level = this_level;
            s.span = heading.span;
            s.title = collapse_spaces(plain_text(heading.inlines));
            s.heading = std::move(heading.inlines);  // the heading block itself is not kept
            if (this_level <= 2) {
                s.kind = classify_section(s.title);
                std::string id = slugify(s.title);
                auto [it, fresh] = level2_ids.emplace(id, s.span);
                if (!fresh) {
                    Diagnostic& d = ctx.diags.report(
                        DiagCode::E003, "two sections would get the same id `" + id + "`: rename one heading",
                        {ctx.path, s.span});
                    d.notes.push_back({"the first section with this id is here", {ctx.path, it->second}});
                }
                s.id = unique_id(id);
            } else {
                s.id = unique_id(parent_id + "-" + slugify(s.title));
            }
            s.children = build(blocks, i + 1, next, this_level + 1, s.id, &s.blocks);
            out.push_back(std::move(s));
            i = next;
        }
        return out;
    }

    static int effective_level(const Block& b) { return std::max(b.level, 2); }
};

}  // namespace

SectionKind classify_section(std::string_view title) {
    std::string key = heading_key(title);
    // "Priority 1: ...", "Theme 2 - ...", "Strategic theme: ...", "Priority: Domestic Violence"
    std::string_view rest = key;
    if (starts_with_words(rest, "strategic")) rest = std::string_view(key).substr(9);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (starts_with_words(rest, "priority") || starts_with_words(rest, "theme")) {
        std::string_view after = rest.substr(rest.front() == 'p' ? 8 : 5);
        while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
        if (after.empty() || std::isdigit(static_cast<unsigned char>(after.front())) || after.front() == ':' ||
            after.front() == '-' || after.substr(0, 3) == "\xE2\x80\x93" || after.substr(0, 3) == "\xE2\x80\x94")
            return SectionKind::Priority;
    }
    struct Name {
        std::string_view prefix;
        SectionKind kind;
    };
    static const std::array<Name, 16> names = {{
        {"glossary", SectionKind::Glossary},
        {"abbreviations", SectionKind::Glossary},
        {"guide to abbreviations", SectionKind::Glossary},
        {"contacts", SectionKind::Contacts},
        {"useful contacts", SectionKind::Contacts},
        {"further information", SectionKind::Contacts},
        {"members", SectionKind::Members},
        {"partners", SectionKind::Members},
        {"partnership members", SectionKind::Members},
        {"action plan", SectionKind::ActionPlan},
        {"approval", SectionKind::Approval},
        {"indicator status", SectionKind::IndicatorStatus},
        {"achievements", SectionKind::Achievements},
        {"key achievements", SectionKind::Achievements},
        {"get involved", SectionKind::GetInvolved},
        {"how you can help", SectionKind::GetInvolved},
    }};
    for (const auto& n : names)
        if (starts_with_words(key, n.prefix)) return n.kind;
    if (starts_with_words(key, "progress") || key.find("achievements") != std::string::npos)
        return SectionKind::Achievements;
    if (key.size() >= 11 && key.compare(key.size() - 11, 11, "performance") == 0) return SectionKind::IndicatorStatus;
    if (key.find("get involved") != std::string::npos) return SectionKind::GetInvolved;
    return SectionKind::Prose;
}

std::string slugify(std::string_view text) {
    std::string out;
    bool hyphen = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        bool apostrophe = c == '\'' || text.substr(i, 3) == "\xE2\x80\x99";
        if (apostrophe) {
            // Apostrophes join words: "Women's" -> "womens".
            if (c != '\'') i += 2;
        } else if (c < 0x80 && std::isalnum(c)) {
            if (hyphen && !out.empty()) out.push_back('-');
            hyphen = false;
            out.push_back(static_cast<char>(std::tolower(c)));
        } else {
            hyphen = true;
        }
    }
    return out;
}

std::vector<Section> build_sections(std::vector<Block> blocks, const ParseContext& ctx) {
    // A level-1 heading that opens the document is its title, not a section.
    std::size_t begin = 0;
    if (!blocks.empty() && blocks.front().kind == BlockKind::Heading && blocks.front().level == 1) begin = 1;
    SectionBuilder builder{ctx, {}, {}};
    std::vector<Block> leading;
    std::vector<Section> sections = builder.build(blocks, begin, blocks.size(), 2, "", &leading);
    if (!leading.empty()) {
        Section preamble;
        preamble.kind = SectionKind::Prose;
        preamble.id = builder.unique_id("opening");
        preamble.level = 2;
        preamble.span = leading.front().span;
        preamble.blocks = std::move(leading);
        sections.insert(sections.begin(), std::move(preamble));
    }
    return sections;
}

std::vector<const Block*> all_blocks(const Section& section) {
    std::vector<const Block*> out;
    for (const Block& b : section.blocks) out.push_back(&b);
    for (const Section& child : section.children) {
        auto more = all_blocks(child);
        out.insert(out.end(), more.begin(), more.end());
    }
    return out;
}

}  // namespace planc
