#pragma once
// Building small pugixml trees in tests: templates, as a theme's are read (pages' content
// itself is written with html::Stream).

#include <pugixml.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace planc::html_tree {

using Attr = std::pair<const char*, std::string>;

/// Appends `<name attrs...>` to `parent` and returns it.
inline pugi::xml_node element(pugi::xml_node parent, const char* name, std::initializer_list<Attr> attrs = {}) {
    pugi::xml_node n = parent.append_child(name);
    for (const auto& [key, value] : attrs) n.append_attribute(key) = value.c_str();
    return n;
}

/// Appends a text node (none for empty text, as a template binding does).
inline void text(pugi::xml_node parent, std::string_view value) {
    if (value.empty()) return;
    parent.append_child(pugi::node_pcdata).set_value(std::string(value).c_str());
}

/// Appends `<name attrs...>text</name>` to `parent` and returns it.
inline pugi::xml_node element_text(pugi::xml_node parent, const char* name, std::string_view value,
                                   std::initializer_list<Attr> attrs = {}) {
    pugi::xml_node n = element(parent, name, attrs);
    text(n, value);
    return n;
}

}  // namespace planc::html_tree
