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
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

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

/// The parts of one template that bind nothing: elements with no data-if, data-unless,
/// data-text, data-slot or data-attr-* in or below them (the navigation, the footer...).
/// Such a part is the same on every page at one depth from the site root (only its links
/// are made relative to the page), so it is written once per depth and then pasted, with
/// the links and ids it holds. Made for one template, which must outlive it and never
/// change; shared by every thread.
class TemplateStaticParts {
public:
    explicit TemplateStaticParts(const pugi::xml_document& tmpl);

    /// True when `n` is the top of a part that binds nothing (its parent binds something).
    [[nodiscard]] bool is_static(pugi::xml_node n) const { return roots_.count(n.internal_object()) != 0; }

    struct Written {
        std::string html;    ///< as a stream starting empty writes it
        ScannedLinks links;  ///< its links and ids (Stream::take_links)
    };
    /// The part at `n` (is_static) as written on a page whose root prefix is `root_prefix`;
    /// `write` writes it the first time.
    template <class Write>
    const Written& written(pugi::xml_node n, const std::string& root_prefix, Write&& write) const {
        std::pair<const void*, std::string> key{n.internal_object(), root_prefix};
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (auto it = written_.find(key); it != written_.end()) return it->second;
        }
        Written made = write();  // outside the lock: two threads may both write it, the same
        std::lock_guard<std::mutex> lock(mutex_);
        return written_.try_emplace(std::move(key), std::move(made)).first->second;
    }

private:
    std::unordered_set<const void*> roots_;
    mutable std::mutex mutex_;
    mutable std::map<std::pair<const void*, std::string>, Written> written_;  ///< never erased: references stay
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
///
/// `parts`, when given, are `tmpl`'s TemplateStaticParts: those parts are pasted, not walked.
/// The page is the same with or without them.
std::string apply_template(const pugi::xml_document& tmpl, const Bindings& b, const std::string& root_prefix,
                           std::set<std::string>& unknown, ScannedLinks* links = nullptr,
                           const TemplateStaticParts* parts = nullptr);

/// True when `url` names a place on this site relative to the current page (no scheme,
/// not "//host", not "/path", not "#id", not empty).
bool is_relative_url(std::string_view url);

}  // namespace planc
