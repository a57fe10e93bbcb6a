// Writes a page from a theme template and its bindings (see template_engine.hpp).

#include "render/template_engine.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string_view>
#include <vector>

#include "render/html.hpp"

namespace planc {

namespace {

// The attributes by which a template binds values and slots (see template_engine.hpp).
// Binder takes them out of the page; find_static looks for them to tell which parts of a
// template bind nothing.
constexpr const char* kDataIf = "data-if";
constexpr const char* kDataUnless = "data-unless";
constexpr const char* kDataText = "data-text";
constexpr const char* kDataSlot = "data-slot";
constexpr std::string_view kAttrPrefix = "data-attr-";

/// One page of a template: the template walked with the page's bindings, into a stream.
struct Binder {
    const Bindings& b;
    const std::string& root_prefix;
    std::set<std::string>& unknown;
    const TemplateStaticParts* parts;
    html::Stream out;

    Binder(const Bindings& bindings, const std::string& prefix, std::set<std::string>& unknown_names,
           const TemplateStaticParts* static_parts, std::string start)
        : b(bindings), root_prefix(prefix), unknown(unknown_names), parts(static_parts), out(std::move(start)) {}

    /// Value of a data-if / data-text name; records it when unknown.
    const std::string* lookup(const std::string& name) {
        auto it = b.values.find(name);
        if (it == b.values.end()) {
            unknown.insert("value:" + name);
            return nullptr;
        }
        return &it->second;
    }

    bool condition_holds(const std::string& name) {
        if (auto it = b.slots.find(name); it != b.slots.end()) return !it->second.empty();
        const std::string* v = lookup(name);
        return v && !v->empty();
    }

    /// The attributes of `n` as written on the page, and which of planc's it has (each
    /// counted at its first occurrence, as an element's attribute lookup finds it). Values
    /// are views: of the template, of the bindings, or of `rebased` (a template link made
    /// relative to this page); nothing is copied for the rest.
    struct Bound {
        std::vector<html::Attribute> attrs;
        std::array<std::string, 3> rebased;  ///< href, src, action
        pugi::xml_attribute text;            ///< data-text
        pugi::xml_attribute slot;            ///< data-slot
    };

    void bind_attributes(pugi::xml_node n, bool root, Bound& out) {
        std::vector<pugi::xml_attribute> from_values;  // data-attr-*, in order
        bool seen_if = false, seen_unless = false, seen_xmlns = !root;
        bool seen_link[3] = {false, false, false};
        static constexpr const char* kLinks[3] = {"href", "src", "action"};
        for (pugi::xml_attribute a : n.attributes()) {
            std::string_view name = a.name();
            if (name == kDataIf && !seen_if) {
                seen_if = true;
                continue;
            }
            if (name == kDataUnless && !seen_unless) {
                seen_unless = true;
                continue;
            }
            if (name == "xmlns" && !seen_xmlns) {  // the template's root names XHTML's namespace
                seen_xmlns = true;
                continue;
            }
            if (name.substr(0, kAttrPrefix.size()) == kAttrPrefix) {
                from_values.push_back(a);
                continue;
            }
            if (name == kDataText && !out.text) {
                out.text = a;
                continue;
            }
            if (name == kDataSlot && !out.slot) {
                out.slot = a;
                continue;
            }
            std::string_view value = a.value();
            // Links written in the template are relative to the site root: made relative
            // to this page.
            for (int k = 0; k < 3; ++k) {
                if (name != kLinks[k] || seen_link[k]) continue;
                seen_link[k] = true;
                if (is_relative_url(value)) {
                    out.rebased[static_cast<std::size_t>(k)] = root_prefix + a.value();
                    value = out.rebased[static_cast<std::size_t>(k)];
                }
            }
            out.attrs.emplace_back(a.name(), value);
        }
        // data-attr-NAME: the value replaces the attribute NAME where it is, or is added
        // after the others; an empty or unknown value removes it.
        for (pugi::xml_attribute a : from_values) {
            const char* target = a.name() + kAttrPrefix.size();
            const std::string* v = lookup(a.value());
            auto same = [&](const html::Attribute& x) { return std::string_view(x.first) == target; };
            auto it = std::find_if(out.attrs.begin(), out.attrs.end(), same);
            if (v && !v->empty()) {
                if (it != out.attrs.end())
                    it->second = *v;
                else
                    out.attrs.emplace_back(target, *v);
            } else if (it != out.attrs.end()) {
                out.attrs.erase(it);
            }
        }
    }

    void element(pugi::xml_node n, bool root) {
        // A part that binds nothing: written once for pages at this depth, pasted after.
        // Not inside <pre>, SVG or a script, where a stream writes differently.
        if (parts && !root && out.plain_context() && parts->is_static(n)) {
            const TemplateStaticParts::Written& part = parts->written(n, root_prefix, [&] {
                std::set<std::string> none;
                Binder alone(b, root_prefix, none, nullptr, std::string());
                alone.element(n, false);
                return TemplateStaticParts::Written{alone.out.take(), alone.out.take_links()};
            });
            out.fragment(part.html, &part.links);
            return;
        }
        if (pugi::xml_attribute cond = n.attribute(kDataIf); cond && !condition_holds(cond.value())) return;
        if (pugi::xml_attribute cond = n.attribute(kDataUnless); cond && condition_holds(cond.value())) return;
        Bound bound;
        bind_attributes(n, root, bound);
        out.open(n.name(), bound.attrs);
        // data-text and data-slot replace what the element holds in the template.
        const std::string* text = bound.text ? lookup(bound.text.value()) : nullptr;
        if (bound.slot) {
            auto it = b.slots.find(bound.slot.value());
            if (it == b.slots.end())
                unknown.insert("slot:" + std::string(bound.slot.value()));
            else if (auto links = b.slot_links.find(it->first); links != b.slot_links.end())
                out.html(it->second, &links->second);
            else
                out.html(it->second);
        } else if (bound.text) {
            if (text) out.text(*text);
        } else {
            for (pugi::xml_node child : n.children()) {
                if (child.type() == pugi::node_element)
                    element(child, false);
                else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
                    out.text(child.value());
                // comments and processing instructions are never written
            }
        }
        out.close();
    }
};

}  // namespace

bool is_relative_url(std::string_view url) {
    if (url.empty() || url.front() == '#' || url.front() == '/' || url.front() == '?') return false;
    std::size_t colon = url.find(':');
    std::size_t slash = url.find('/');
    if (colon != std::string::npos && (slash == std::string::npos || colon < slash)) return false;  // a scheme
    return true;
}

namespace {

/// True when `a` is one of the attributes by which a template binds a value or a slot.
bool binds(pugi::xml_attribute a) {
    std::string_view name = a.name();
    return name == kDataIf || name == kDataUnless || name == kDataText || name == kDataSlot ||
           name.substr(0, kAttrPrefix.size()) == kAttrPrefix;
}

/// Adds the tops of the parts below `n` that bind nothing to `roots`; true when `n` and
/// everything below it binds nothing.
bool find_static(pugi::xml_node n, std::unordered_set<const void*>& roots) {
    bool alone = true;
    for (pugi::xml_attribute a : n.attributes()) alone = alone && !binds(a);
    std::vector<pugi::xml_node> static_children;
    for (pugi::xml_node child : n.children()) {
        if (child.type() != pugi::node_element) continue;
        if (find_static(child, roots))
            static_children.push_back(child);
        else
            alone = false;
    }
    if (!alone)
        for (pugi::xml_node child : static_children) roots.insert(child.internal_object());
    return alone;
}

}  // namespace

TemplateStaticParts::TemplateStaticParts(const pugi::xml_document& tmpl) {
    // The root element (<html>) is always walked: it holds the page.
    if (pugi::xml_node root = tmpl.document_element())
        for (pugi::xml_node child : root.children())
            if (child.type() == pugi::node_element && find_static(child, roots_)) roots_.insert(child.internal_object());
}

std::string apply_template(const pugi::xml_document& tmpl, const Bindings& b, const std::string& root_prefix,
                           std::set<std::string>& unknown, ScannedLinks* links, const TemplateStaticParts* parts) {
    Binder binder(b, root_prefix, unknown, parts, "<!DOCTYPE html>\n");
    if (pugi::xml_node root = tmpl.document_element()) binder.element(root, true);
    if (links) *links = binder.out.take_links();
    std::string page = binder.out.take();
    page += '\n';
    return page;
}

}  // namespace planc
