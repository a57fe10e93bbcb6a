// A priority section -> Priority: heading, aim, leads, parts, targets, indicators.

#include <array>

#include "parse/parse_internal.hpp"
#include "planc/target_grammar.hpp"

namespace planc {

namespace {

/// Which part of a priority a level-3 heading names (spec: "Priorities" table).
std::string part_role(std::string_view title) {
    std::string key = collapse_spaces(ascii_lower(title));
    while (!key.empty() && (key.back() == ':' || key.back() == '.')) key.pop_back();
    auto starts = [&](std::string_view prefix) {
        return key.rfind(prefix, 0) == 0 &&
               (key.size() == prefix.size() || !std::isalpha(static_cast<unsigned char>(key[prefix.size()])));
    };
    struct Role {
        std::string_view prefix;
        std::string_view role;
    };
    static const std::array<Role, 19> roles = {{
        {"context/background", "background"},
        {"background", "background"},
        {"context", "background"},
        {"key aims", "aims"},
        {"aims", "aims"},
        {"key objectives", "objectives"},
        {"objectives", "objectives"},
        {"key actions", "actions"},
        {"actions", "actions"},
        {"targets", "targets"},
        {"key targets", "targets"},
        {"key measures of performance", "targets"},
        {"local performance indicators", "targets"},
        {"measures", "targets"},
        {"indicators", "indicators"},
        {"links to", "indicators"},
        {"lead agency", "lead"},
        {"lead officer", "lead"},
        {"lead", "lead"},
    }};
    for (const auto& r : roles)
        if (starts(r.prefix)) return std::string(r.role);
    return "";
}

/// "Lead agency: A; B" -> the names after the label, or nothing if not a lead line.
bool lead_label_length(std::string_view text, std::size_t& length) {
    static const std::array<std::string_view, 6> labels = {"lead officers", "lead officer(s)", "lead officer",
                                                           "lead agencies", "lead agency", "lead"};
    std::string lower = ascii_lower(text.substr(0, 20));
    for (auto label : labels) {
        if (lower.rfind(label, 0) == 0) {
            std::size_t at = label.size();
            while (at < text.size() && text[at] == ' ') ++at;
            if (at < text.size() && text[at] == ':') {
                length = at + 1;
                return true;
            }
        }
    }
    return false;
}

/// Splits lead names on ';', '/' or a line break, each with its span.
void read_leads(const AnchoredText& text, std::size_t from, std::vector<Lead>& out) {
    std::size_t start = from;
    auto flush = [&](std::size_t end) {
        std::string_view piece = std::string_view(text.text).substr(start, end - start);
        std::size_t lead_spaces = 0;
        while (lead_spaces < piece.size() && piece[lead_spaces] == ' ') ++lead_spaces;
        std::string_view name = trim(piece);
        while (!name.empty() && (name.back() == '.' || name.back() == ',')) name.remove_suffix(1);
        if (!name.empty()) {
            out.push_back(Lead{std::string(name), text.span(start + lead_spaces, start + lead_spaces + name.size())});
        }
        start = end + 1;
    };
    for (std::size_t i = from; i < text.text.size(); ++i) {
        if (text.text[i] == ';' || text.text[i] == '/' || text.text[i] == '\n') flush(i);
    }
    flush(text.text.size());
}

/// Leads from the paragraphs of a "Lead agency" subsection: each line break or
/// separator starts another lead.
void read_lead_blocks(const std::vector<const Block*>& blocks, std::vector<Lead>& out) {
    for (const Block* block : blocks) {
        const Block& b = *block;
        if (b.kind == BlockKind::Paragraph) {
            // Line breaks separate leads here; anchored_text turns them into spaces, so
            // split the inlines at breaks first.
            InlineText piece;
            auto flush = [&] {
                AnchoredText t = anchored_text(piece);
                if (!t.text.empty()) read_leads(t, 0, out);
                piece.clear();
            };
            for (const Inline& in : b.inlines) {
                if (in.kind == InlineKind::LineBreak) {
                    flush();
                } else {
                    piece.push_back(in);
                }
            }
            flush();
        } else if (b.kind == BlockKind::List) {
            for (Entry& e : list_entries(std::vector<const Block*>{&b})) out.push_back(Lead{std::move(e.text), e.span});
        }
    }
}

std::string strip_quotes(std::string text) {
    static const std::array<std::string_view, 6> quotes = {"'", "\"", "\xE2\x80\x98", "\xE2\x80\x99", "\xE2\x80\x9C",
                                                           "\xE2\x80\x9D"};
    for (auto q : quotes)
        if (text.size() >= q.size() && text.compare(0, q.size(), q) == 0) text.erase(0, q.size());
    for (auto q : quotes)
        if (text.size() >= q.size() && text.compare(text.size() - q.size(), q.size(), q) == 0)
            text.erase(text.size() - q.size());
    return std::string(trim(text));
}

/// "Priority 1: Tackling ASB" -> label, number, title.
void read_heading(const Section& section, Priority& p) {
    std::string_view title = section.title;
    std::size_t i = 0;
    auto skip_spaces = [&] {
        while (i < title.size() && title[i] == ' ') ++i;
    };
    std::size_t word_end = title.find_first_of(" :-\xE2", 0);
    std::string first = ascii_lower(title.substr(0, word_end));
    if (first == "strategic") {
        std::size_t second_end = title.find_first_of(" :-\xE2", word_end + 1);
        p.label = std::string(title.substr(0, second_end));
        i = second_end == std::string_view::npos ? title.size() : second_end;
    } else {
        p.label = std::string(title.substr(0, word_end));
        i = word_end == std::string_view::npos ? title.size() : word_end;
    }
    skip_spaces();
    std::size_t digits = i;
    while (digits < title.size() && std::isdigit(static_cast<unsigned char>(title[digits]))) ++digits;
    if (digits > i && digits - i < 6) {
        p.number = std::stoi(std::string(title.substr(i, digits - i)));
        std::uint32_t col = section.span.column;
        if (!section.heading.empty() && section.heading.front().span.known()) col = section.heading.front().span.column;
        col += count_code_points(title.substr(0, i));
        p.number_span = Span{section.span.line, col, section.span.line, col + static_cast<std::uint32_t>(digits - i) - 1};
        i = digits;
    }
    skip_spaces();
    // Separator: ':' '-' '.' or an en/em dash.
    if (i < title.size() && (title[i] == ':' || title[i] == '-' || title[i] == '.')) {
        ++i;
    } else if (title.substr(i, 3) == "\xE2\x80\x93" || title.substr(i, 3) == "\xE2\x80\x94") {
        i += 3;
    }
    p.title = std::string(trim(title.substr(std::min(i, title.size()))));
}

void read_targets(const std::vector<const Block*>& blocks, std::vector<Target>& out) {
    for (const Block* block : blocks) {
        const Block& b = *block;
        if (b.kind == BlockKind::List) {
            for (const ListItem& item : *b.items) {
                for (const Block& inner : item.blocks) {
                    if (inner.kind != BlockKind::Paragraph) continue;
                    AnchoredText text = anchored_text(inner.inlines);
                    if (!text.text.empty()) out.push_back(read_target_item(text));
                    break;  // one target per item: its first paragraph
                }
            }
        } else if (b.kind == BlockKind::Table) {
            read_targets_table(*b.table, out);
        }
    }
}

void read_indicators(const std::vector<const Block*>& blocks, std::vector<IndicatorRef>& out) {
    for (const Block* block : blocks) {
        const Block& b = *block;
        if (b.kind == BlockKind::List) {
            for (const ListItem& item : *b.items) {
                if (item.blocks.empty() || item.blocks.front().kind != BlockKind::Paragraph) continue;
                IndicatorRef ref;
                if (read_indicator_entry(anchored_text(item.blocks.front().inlines), ref)) out.push_back(ref);
            }
        } else if (b.kind == BlockKind::Paragraph) {
            IndicatorRef ref;
            if (read_indicator_entry(anchored_text(b.inlines), ref)) out.push_back(ref);
        }
    }
}

/// Appends the entries of a list block (nested lists after their item) to `out`.
void append_list_entries(const Block& b, std::vector<Entry>& out) {
    if (b.kind != BlockKind::List) return;
    for (const ListItem& item : *b.items) {
        Entry e;
        e.span = item.span;
        for (const Block& inner : item.blocks) {
            if (inner.kind == BlockKind::Paragraph && e.content.empty()) {
                e.content = inner.inlines;
                AnchoredText t = anchored_text(inner.inlines);
                if (!t.anchors.empty()) e.span = t.span(0, t.text.size());
                e.text = std::move(t.text);
            }
        }
        if (!e.text.empty()) out.push_back(std::move(e));
        // Nested lists are entries of their own, after their parent.
        for (const Block& inner : item.blocks) append_list_entries(inner, out);
    }
}

/// Appends `from` to `to`, moving the elements.
template <class T>
void move_append(std::vector<T>& to, std::vector<T>&& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

Target read_target_item(const AnchoredText& text) {
    Target t = read_target_sentence(text.text);
    t.span = text.span(0, text.text.size());
    t.deadline_span = text.map(t.deadline_span);
    t.baseline_year_span = text.map(t.baseline_year_span);
    t.gap_span = text.map(t.gap_span);
    t.change.span = text.map(t.change.span);
    t.from.span = text.map(t.from.span);
    t.baseline.span = text.map(t.baseline.span);
    t.target_value.span = text.map(t.target_value.span);
    return t;
}

std::vector<Entry> list_entries(const std::vector<Block>& blocks) {
    std::vector<Entry> out;
    for (const Block& b : blocks) append_list_entries(b, out);
    return out;
}

std::vector<Entry> list_entries(const std::vector<const Block*>& blocks) {
    std::vector<Entry> out;
    for (const Block* b : blocks) append_list_entries(*b, out);
    return out;
}

Priority build_priority(Section& section, const ParseContext& ctx) {
    (void)ctx;
    Priority p;
    p.span = section.span;
    p.id = section.id;
    read_heading(section, p);
    for (std::uint32_t index = 0; index < section.blocks.size(); ++index) {
        const Block& b = section.blocks[index];
        if (b.kind == BlockKind::Quote && p.aim.empty()) {
            p.aim = strip_quotes(collapse_spaces(plain_text(*b.children)));
            p.aim_span = b.children->empty() ? b.span : b.children->front().span;
            if (!b.children->empty() && !b.children->front().inlines.empty() && b.children->front().inlines.front().span.known())
                p.aim_span = anchored_text(b.children->front().inlines).span(0, 1);
            continue;
        }
        if (b.kind == BlockKind::Paragraph) {
            AnchoredText text = anchored_text(b.inlines);
            std::size_t label = 0;
            if (lead_label_length(text.text, label)) {
                read_leads(text, label, p.leads);
                continue;
            }
        }
        p.intro_blocks.push_back(index);
    }
    for (Section& sub : section.children) {
        // The subsection stays where it is, tagged with its role; nothing is copied.
        sub.role = part_role(sub.title);
        const std::string& role = sub.role;
        std::vector<const Block*> blocks = all_blocks(sub);
        if (role == "background") {
            // Nothing to read: shown in place (priority_background).
        } else if (role == "aims") {
            auto entries = list_entries(blocks);
            if (entries.empty()) {
                // Aims written as a paragraph are one aim each.
                for (const Block* b : blocks)
                    if (b->kind == BlockKind::Paragraph) {
                        AnchoredText t = anchored_text(b->inlines);
                        Span span = t.span(0, t.text.size());
                        entries.push_back(Entry{std::move(t.text), b->inlines, span});
                    }
            }
            move_append(p.aims, std::move(entries));
        } else if (role == "objectives") {
            move_append(p.objectives, list_entries(blocks));
        } else if (role == "actions") {
            move_append(p.actions, list_entries(blocks));
            if (p.actions_heading.empty()) p.actions_heading = sub.title;
        } else if (role == "targets") {
            read_targets(blocks, p.targets);
        } else if (role == "indicators") {
            read_indicators(blocks, p.indicators);
        } else if (role == "lead") {
            read_lead_blocks(blocks, p.leads);
        } else {
            // Other prose (shown in place: priority_other). A targets table may stand in
            // any subsection.
            for (const Block* b : blocks)
                if (b->kind == BlockKind::Table) read_targets_table(*b->table, p.targets);
        }
    }
    // A targets table right under the heading counts too.
    for (std::uint32_t index : p.intro_blocks) {
        const Block& b = section.blocks[index];
        if (b.kind == BlockKind::Table) read_targets_table(*b.table, p.targets);
    }
    return p;
}

}  // namespace planc
