// A priority's prose, read where it stands in its section (see Priority in model.hpp).

#include "planc/model.hpp"

namespace planc {

namespace {

/// Appends the blocks of a section and of its subsections, in source order.
void append_blocks(const Section& s, std::vector<const Block*>& out) {
    for (const Block& b : s.blocks) out.push_back(&b);
    for (const Section& child : s.children) append_blocks(child, out);
}

}  // namespace

const Section* priority_section(const Document& doc, const Priority& p) {
    if (p.section_index < 0 || static_cast<std::size_t>(p.section_index) >= doc.sections.size()) return nullptr;
    return &doc.sections[static_cast<std::size_t>(p.section_index)];
}

std::vector<const Block*> priority_intro(const Document& doc, const Priority& p) {
    std::vector<const Block*> out;
    const Section* s = priority_section(doc, p);
    if (!s) return out;
    out.reserve(p.intro_blocks.size());
    for (std::uint32_t i : p.intro_blocks)
        if (i < s->blocks.size()) out.push_back(&s->blocks[i]);
    return out;
}

std::vector<const Block*> priority_background(const Document& doc, const Priority& p) {
    std::vector<const Block*> out;
    if (const Section* s = priority_section(doc, p))
        for (const Section& sub : s->children)
            if (sub.role == "background") append_blocks(sub, out);
    return out;
}

std::vector<const Section*> priority_other(const Document& doc, const Priority& p) {
    std::vector<const Section*> out;
    if (const Section* s = priority_section(doc, p))
        for (const Section& sub : s->children)
            if (sub.role.empty()) out.push_back(&sub);
    return out;
}

}  // namespace planc
