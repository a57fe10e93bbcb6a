#pragma once
// The template mechanism: a theme's template is well-formed XHTML; a page is that
// template written out with model values bound in by a few attributes.
//
//   data-text="page.title"       replaces the element's content with the value, as text
//   data-attr-href="url.home"    sets the attribute `href` to the value (any attribute
//                                name works: data-attr-lang, data-attr-content, ...);
//                                an empty value removes the attribute
//   data-slot="content"          replaces the element's content with generated HTML
//   data-if="page.description"   keeps the element only when the value or slot is not empty
//   data-unless="page.standalone" keeps the element only when it is empty
//
// Links written in a template (href, src, action) are relative to the site root; the
// engine makes them relative to each page, so the site works from any folder and from
// file://. Values are always text or attribute values, escaped when written: a template
// cannot be made to paste markup.

#include <pugixml.hpp>

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "render/html.hpp"

namespace planc {

/// What a page binds into its template.
struct Bindings {
    std::map<std::string, std::string> values;
    /// Slot name -> the HTML that goes into the slot (an html::Stream's).
    std::map<std::string, std::string> slots;
    /// Slot name -> the links and ids its stream recorded (html::Stream::take_links), for
    /// the page's: a slot missing here adds none.
    std::map<std::string, ScannedLinks> slot_links;
};

/// The page: `tmpl` with `b` bound, as an HTML5 document with its doctype. `root_prefix`
/// is the path from the page to the site root ("", "../", "../../"). Names the template
/// uses that `b` does not define are added to `unknown` (as "value:name" or "slot:name").
///
/// The template is read, never copied or changed (every page of every thread reads the
/// same one), and the page is written as the template is walked. A slot's HTML is written
/// into its element as it is: a page's content (the whole plan, on a document page) is
/// never parsed or copied into a tree.
///
/// `links`, when given, receives the page's links and ids as scan_links would read them
/// from the page: the template's own and its slots' (from `b.slot_links`).
std::string apply_template(const pugi::xml_document& tmpl, const Bindings& b, const std::string& root_prefix,
                           std::set<std::string>& unknown, ScannedLinks* links = nullptr);

/// True when `url` names a place on this site relative to the current page (no scheme,
/// not "//host", not "/path", not "#id", not empty).
bool is_relative_url(std::string_view url);

}  // namespace planc
