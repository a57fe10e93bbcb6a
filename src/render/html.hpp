#pragma once
// Writing HTML5: page content as it is built (html::Stream), and pugixml trees (a
// theme's templates) with the content of their slots.
//
// Pages are never assembled by pasting strings: every text is written as text and every
// attribute value as an attribute value, and both are escaped on the way. The only raw
// text is the content of <script> and <style>, which cannot close its own element.
// Both writers follow the same rules (a line break before block elements, void and SVG
// elements, escaping), so a page is the same bytes whichever way a part of it is made.

#include <pugixml.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace planc::html {

/// Appends a text node (escaped when written).
void text(pugi::xml_node parent, std::string_view text);

/// Sets (or replaces) an attribute.
void set_attr(pugi::xml_node node, const char* name, std::string_view value);

/// Removes every child of `node`.
void clear(pugi::xml_node node);

/// The HTML of each slot of a page, by slot name (see html::slot_marker).
using SlotHtml = std::map<std::string, std::string>;

/// Puts a marker for the slot `name` into a tree: the serialisers write the slot's HTML
/// there (written once, however many markers name it).
void slot_marker(pugi::xml_node parent, const std::string& name);

/// Writes `doc` (whose first element is <html>) as an HTML5 document with a doctype,
/// with each slot marker replaced by that slot's HTML from `slots`.
std::string serialize_document(const pugi::xml_document& doc, const SlotHtml& slots = {});

/// Escapes text for an attribute value in double quotes (&, <, >, ").
std::string escape_attribute(std::string_view text);

/// One attribute for a Stream: name and value (escaped when written).
using Attribute = std::pair<const char*, std::string_view>;

/// Page content written as it is built, in document order: an element is opened, its
/// children written, then it is closed. There is no tree to build and walk again: this
/// is how every page's content is made (a whole plan, on its page).
///
/// The HTML is what serialize_document writes for the same elements and text. It is
/// meant for a template slot, whose start tag comes just before it: a block element at
/// the very start gets the same line break before it as it would after that tag.
///
/// Element names are string literals (or other text that lives as long as the program):
/// the stream remembers what it knows of a name by its address.
class Stream {
public:
    Stream() = default;

    /// `<name attrs...>`; what follows goes inside until close().
    void open(const char* name, std::initializer_list<Attribute> attrs = {});
    /// Ends the element opened last.
    void close();
    /// An element with no content: `<br>`, `<img ...>`, an SVG `<rect .../>`.
    void element(const char* name, std::initializer_list<Attribute> attrs = {});
    /// `<name attrs...>text</name>`.
    void element_text(const char* name, std::string_view text, std::initializer_list<Attribute> attrs = {});
    /// Text, escaped.
    void text(std::string_view text);
    /// A <script> or <style> holding `text` as it is (made unable to end the element).
    void raw_text_element(const char* name, std::string_view text, std::initializer_list<Attribute> attrs = {});

    /// A point in the writing to come back to.
    struct Mark {
        std::size_t size = 0;
        std::size_t depth = 0;
        bool tag_open = false;
    };
    [[nodiscard]] Mark mark() const { return {out_.size(), open_.size(), tag_open_}; }
    /// True when nothing was written since `m`.
    [[nodiscard]] bool nothing_since(const Mark& m) const { return out_.size() == m.size; }
    /// Forgets everything written since `m`, as if it never was (an element that turned
    /// out to have nothing in it).
    void rollback(const Mark& m);

    [[nodiscard]] bool empty() const { return out_.empty(); }
    [[nodiscard]] const std::string& html() const { return out_; }
    /// The HTML written (every element must be closed); the stream is empty after.
    [[nodiscard]] std::string take();

private:
    struct Open {
        std::string_view name;
        unsigned flags;
        bool foreign;
        bool pre;
    };
    /// What is known of an element name: found once per name literal, not per element.
    struct Name {
        const char* literal = nullptr;
        std::string_view name;
        unsigned flags = 0;
    };
    const Name& name_of(const char* literal);
    void start_tag(std::string_view name, std::initializer_list<Attribute> attrs, unsigned flags, bool foreign);
    void end_start_tag();

    std::string out_;
    std::vector<Open> open_;
    /// An SVG element's start tag is left open ("<rect x=\"0\"") until it has content
    /// (">") or is closed without any ("/>").
    bool tag_open_ = false;
    /// Element names by the address of their literal (callers pass string literals, a few
    /// dozen of them): a page has thousands of elements, and most are <p>, <li>, <td>.
    std::array<Name, 64> names_{};
};

}  // namespace planc::html
