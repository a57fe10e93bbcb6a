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

/// One binding of a template.
struct Binder {
    const Bindings& b;
    const std::string& root_prefix;
    std::set<std::string>& unknown;

    Binder(const Bindings& bindings, const std::string& prefix, std::set<std::string>& unknown_names)
        : b(bindings), root_prefix(prefix), unknown(unknown_names) {}

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

    void rebase_links(pugi::xml_node n) const {
        for (const char* attr : {"href", "src", "action"}) {
            pugi::xml_attribute a = n.attribute(attr);
            if (!a) continue;
            std::string url = a.value();
            if (is_relative_url(url)) a.set_value((root_prefix + url).c_str());
        }
    }

    /// Marks `n` as where the slot's HTML goes.
    void fill_slot(pugi::xml_node n, const std::string& name) {
        if (!b.slots.count(name)) {
            unknown.insert("slot:" + name);
            return;
        }
        html::slot_marker(n, name);
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
    Binder(b, root_prefix, unknown).bind_copy(tmpl, doc);
}

}  // namespace planc
