#pragma once
// The template mechanism: a theme's template is well-formed XHTML; a page is a copy of
// it with model values bound in by a few attributes.
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

#include "render/html.hpp"

namespace planc {

/// What a page binds into its template.
struct Bindings {
    std::map<std::string, std::string> values;
    /// Slot name -> the HTML that goes into the slot.
    html::SlotHtml slots;
};

/// Copies `tmpl` into the empty `doc` and binds `b`. `root_prefix` is the path from the
/// page to the site root ("", "../", "../../"). Names the template uses that `b` does not
/// define are added to `unknown` (as "value:name" or "slot:name").
///
/// A slot's HTML is not copied into the tree: a marker stands where it goes, and
/// html::serialize_document(doc, b.slots) writes it there. A page's content (the whole
/// plan, on a document page) is written once, never parsed or copied into a tree.
void apply_template(const pugi::xml_document& tmpl, const Bindings& b, const std::string& root_prefix,
                    pugi::xml_document& doc, std::set<std::string>& unknown);

/// True when `url` names a place on this site relative to the current page (no scheme,
/// not "//host", not "/path", not "#id", not empty).
bool is_relative_url(const std::string& url);

}  // namespace planc
