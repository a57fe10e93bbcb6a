#pragma once
// Building HTML as a pugixml tree, and writing that tree out as HTML5.
//
// Pages are never assembled by pasting strings: every text goes into a text node and
// every attribute value into an attribute, and the serialiser escapes both. The only
// raw text it writes is the content of <script> and <style>, which it refuses to let
// close its own element.

#include <pugixml.hpp>

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace planc::html {

/// One attribute for `element`: name and value.
using Attr = std::pair<const char*, std::string>;

/// Appends `<name attrs...>` to `parent` and returns it.
pugi::xml_node element(pugi::xml_node parent, const char* name, std::initializer_list<Attr> attrs = {});

/// Appends `<name attrs...>text</name>` to `parent` and returns it.
pugi::xml_node element_text(pugi::xml_node parent, const char* name, std::string_view text,
                            std::initializer_list<Attr> attrs = {});

/// Appends a text node (escaped when written).
void text(pugi::xml_node parent, std::string_view text);

/// Sets (or replaces) an attribute.
void set_attr(pugi::xml_node node, const char* name, std::string_view value);

/// Adds a class to the node's class list.
void add_class(pugi::xml_node node, std::string_view cls);

/// Removes every child of `node`.
void clear(pugi::xml_node node);

/// Writes `doc` (whose first element is <html>) as an HTML5 document with a doctype.
std::string serialize_document(const pugi::xml_document& doc);

/// Writes one node and its children as HTML (for tests and fragments).
std::string serialize_node(pugi::xml_node node);

/// Escapes text for an HTML text node (&, <, >).
std::string escape_text(std::string_view text);

}  // namespace planc::html
