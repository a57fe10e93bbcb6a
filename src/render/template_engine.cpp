// Binds page data into a copy of a theme template (see template_engine.hpp).

#include "render/template_engine.hpp"

#include <cstring>
#include <map>
#include <string_view>
#include <vector>

#include "render/html.hpp"

namespace planc {

namespace {

constexpr std::string_view kAttrPrefix = "data-attr-";

/// One binding of a template: what it binds, and where slots' nodes went.
struct Binder {
    const Bindings& b;
    const std::string& root_prefix;
    std::set<std::string>& unknown;
    /// Whether each slot had content before any was moved: data-if reads this.
    std::map<std::string, bool> slot_filled;
    /// Where a slot's nodes went when moved, for a template that uses a slot twice.
    std::map<std::string, pugi::xml_node> moved_to;

    Binder(const Bindings& bindings, const std::string& prefix, std::set<std::string>& unknown_names)
        : b(bindings), root_prefix(prefix), unknown(unknown_names) {
        for (const auto& [name, node] : b.slots) slot_filled[name] = static_cast<bool>(node.first_child());
    }

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
        if (auto it = slot_filled.find(name); it != slot_filled.end()) return it->second;
        const std::string* v = lookup(name);
        return v && !v->empty();
    }

    void rebase_links(pugi::xml_node n) const {
        for (const char* attr : {"href", "src", "action"}) {
            pugi::xml_attribute a = n.attribute(attr);
            if (!a) continue;
            std::string url = a.value();
            if (is_relative_url(url)) a.set_value((root_prefix + url).c_str());
        }
    }

    /// Fills `n` with the slot's nodes: moved there the first time, copied from there if
    /// the template uses the slot again.
    void fill_slot(pugi::xml_node n, const std::string& name) {
        auto it = b.slots.find(name);
        if (it == b.slots.end()) {
            unknown.insert("slot:" + name);
            return;
        }
        if (auto moved = moved_to.find(name); moved != moved_to.end()) {
            for (pugi::xml_node c : moved->second.children()) n.append_copy(c);
            return;
        }
        for (pugi::xml_node c = it->second.first_child(); c;) {
            pugi::xml_node next = c.next_sibling();
            n.append_move(c);
            c = next;
        }
        moved_to[name] = n;
    }

    /// Binds one element; returns false when the element was removed.
    bool bind_element(pugi::xml_node n) {
        if (pugi::xml_attribute cond = n.attribute("data-if")) {
            bool keep = condition_holds(cond.value());
            if (!keep) {
                n.parent().remove_child(n);
                return false;
            }
            n.remove_attribute(cond);
        }
        if (pugi::xml_attribute cond = n.attribute("data-unless")) {
            if (condition_holds(cond.value())) {
                n.parent().remove_child(n);
                return false;
            }
            n.remove_attribute(cond);
        }
        rebase_links(n);
        std::vector<pugi::xml_attribute> bound;
        for (pugi::xml_attribute a : n.attributes()) {
            std::string_view name = a.name();
            if (name.substr(0, kAttrPrefix.size()) == kAttrPrefix) bound.push_back(a);
        }
        for (pugi::xml_attribute a : bound) {
            std::string target(std::string_view(a.name()).substr(kAttrPrefix.size()));
            const std::string* v = lookup(a.value());
            n.remove_attribute(a);
            if (v && !v->empty())
                html::set_attr(n, target.c_str(), *v);
            else
                n.remove_attribute(target.c_str());
        }
        if (pugi::xml_attribute t = n.attribute("data-text")) {
            const std::string* v = lookup(t.value());
            n.remove_attribute(t);
            html::clear(n);
            if (v) html::text(n, *v);
        }
        if (pugi::xml_attribute s = n.attribute("data-slot")) {
            std::string name = s.value();
            n.remove_attribute(s);
            html::clear(n);
            fill_slot(n, name);
            return true;  // generated content is already bound
        }
        return true;
    }

    void bind_tree(pugi::xml_node n) {
        for (pugi::xml_node child = n.first_child(); child;) {
            pugi::xml_node next = child.next_sibling();
            if (child.type() == pugi::node_element) {
                bool filled_slot = child.attribute("data-slot");
                if (bind_element(child) && !filled_slot) bind_tree(child);
            } else if (child.type() == pugi::node_comment || child.type() == pugi::node_pi ||
                       child.type() == pugi::node_declaration || child.type() == pugi::node_doctype) {
                n.remove_child(child);
            }
            child = next;
        }
    }

    /// Copies the template's root element to the end of `out` and binds it.
    void bind_copy(const pugi::xml_document& tmpl, pugi::xml_document& out) {
        pugi::xml_node root;
        for (pugi::xml_node c : tmpl.children())
            if (c.type() == pugi::node_element) root = out.append_copy(c);
        if (!root) return;
        root.remove_attribute("xmlns");
        bind_element(root);
        bind_tree(root);
    }
};

}  // namespace

bool is_relative_url(const std::string& url) {
    if (url.empty() || url.front() == '#' || url.front() == '/' || url.front() == '?') return false;
    std::size_t colon = url.find(':');
    std::size_t slash = url.find('/');
    if (colon != std::string::npos && (slash == std::string::npos || colon < slash)) return false;  // a scheme
    return true;
}

void apply_template(const pugi::xml_document& tmpl, const Bindings& b, const std::string& root_prefix,
                    pugi::xml_document& doc, std::set<std::string>& unknown) {
    // The slot holders are the document's children now; the page goes after them, and
    // then they go, empty, leaving the page as the document element.
    std::vector<pugi::xml_node> holders;
    for (pugi::xml_node c : doc.children()) holders.push_back(c);
    Binder(b, root_prefix, unknown).bind_copy(tmpl, doc);
    for (pugi::xml_node holder : holders) doc.remove_child(holder);
}

}  // namespace planc
