#pragma once
// Writing HTML5 (html::Stream): every page is written as it is built, its content by the
// page renderers and its frame by the template engine walking the theme's template.
//
// Pages are never assembled by pasting strings: every text is written as text and every
// attribute value as an attribute value, and both are escaped on the way. The only raw
// text is the content of <script> and <style>, which cannot close its own element.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/byte_buffer.hpp"

namespace planc {

/// What the link check needs of one HTML page: where its links go and which ids it has.
/// Much smaller than the page, so a whole site's worth can be kept until every page
/// is written. Recorded by the html::Stream that wrote the page, or read back from the
/// page's text (scan_links).
struct ScannedLinks {
    std::vector<std::string> links;  ///< href, src and form action values, decoded, each once, in page order
    std::vector<std::string> ids;    ///< every id on the page, sorted, each once
    std::string base;                ///< <base href>, if any

    [[nodiscard]] bool has_id(const std::string& id) const { return std::binary_search(ids.begin(), ids.end(), id); }
    friend bool operator==(const ScannedLinks&, const ScannedLinks&) = default;
};

}  // namespace planc

namespace planc::html {

/// True when an element or attribute name is `lower` (all lower case) in any case: HTML
/// does not tell "HREF" from "href", and theme templates may write either.
bool is_named(std::string_view name, std::string_view lower);

/// Escapes text for an attribute value in double quotes (&, <, >, ").
std::string escape_attribute(std::string_view text);

/// An attribute value (or text) read back from HTML: the entities a Stream writes
/// (&amp; &lt; &gt; &quot;) and the apostrophe's (&#39; &#x27;) decoded, others kept.
std::string decode_entities(std::string_view escaped);

/// One attribute for a Stream: name and value (escaped when written).
using Attribute = std::pair<const char*, std::string_view>;

/// HTML written as it is built, in document order: an element is opened, its children
/// written, then it is closed. There is no tree to build and walk again: this is how
/// every page is made (a whole plan, on its page).
///
/// The rules of HTML5 are kept as it goes: a line break before the start tag of a block
/// element (<p>, <li>, <tr>...) unless there is one already, which keeps pages readable;
/// no end tag for void elements (<br>, <img>); "/>" for an empty SVG element; the text of
/// <script> and <style> raw. A stream starting empty is a slot's content, whose template
/// element's start tag comes just before it: a block element at the very start gets the
/// line break it would get after that tag.
///
/// Element names are string literals, or text that outlives the stream (the names in a
/// theme's template): the stream remembers what it knows of a name by its address.
class Stream {
public:
    Stream() = default;
    /// A stream that goes on from `start` (a doctype, say).
    explicit Stream(std::string start) : out_(std::move(start)) {}

    /// `<name attrs...>`; what follows goes inside until close().
    void open(const char* name, std::initializer_list<Attribute> attrs = {});
    void open(const char* name, std::span<const Attribute> attrs);
    /// Ends the element opened last.
    void close();
    /// An element with no content: `<br>`, `<img ...>`, an SVG `<rect .../>`.
    void element(const char* name, std::initializer_list<Attribute> attrs = {});
    /// `<name attrs...>text</name>` (see text(): raw in <script> and <style>).
    void element_text(const char* name, std::string_view text, std::initializer_list<Attribute> attrs = {});
    /// Text, escaped (written as it is inside <script> and <style>, made unable to end
    /// the element).
    void text(std::string_view text);
    /// HTML written by another stream, as it is (the content of a template's slot), with
    /// the links and ids that stream recorded (take_links), if known.
    void html(std::string_view html, const ScannedLinks* links = nullptr);
    /// HTML written by a stream that started empty (which writes a block element at its
    /// start after a line break), pasted here as that stream's elements would be written
    /// here: the line break is dropped where this stream has one already. Only where
    /// plain_context() holds.
    void fragment(std::string_view html, const ScannedLinks* links);
    /// True when what is written next is written as anywhere else: not inside <pre>, SVG,
    /// <script> or <style>.
    [[nodiscard]] bool plain_context() const {
        return open_.empty() || (!open_.back().pre && !open_.back().foreign && !open_.back().raw);
    }

    /// A point in the writing to come back to.
    struct Mark {
        std::size_t size = 0;
        std::size_t depth = 0;
        bool tag_open = false;
        std::size_t links = 0;
        std::size_t ids = 0;
        bool has_base = false;
    };
    [[nodiscard]] Mark mark() const {
        return {out_.size(), open_.size(), tag_open_, links_.links.size(), links_.ids.size(), !links_.base.empty()};
    }
    /// True when nothing was written since `m`.
    [[nodiscard]] bool nothing_since(const Mark& m) const { return out_.size() == m.size; }
    /// Forgets everything written since `m`, as if it never was (an element that turned
    /// out to have nothing in it).
    void rollback(const Mark& m);

    [[nodiscard]] bool empty() const { return out_.empty(); }
    [[nodiscard]] std::string_view written() const { return out_.view(); }
    /// The HTML written (every element must be closed); the stream is empty after.
    [[nodiscard]] std::string take();
    /// The links and ids of everything written so far, as scan_links would read them from
    /// the HTML: each link once in the order written, the ids sorted and each once. The
    /// link check then need not read every page again. Recording starts again after.
    [[nodiscard]] ScannedLinks take_links();

private:
    struct Open {
        std::string_view name;
        unsigned flags;
        bool foreign;
        bool pre;
        bool raw;
    };
    /// What is known of an element name: found once per name literal, not per element.
    struct Name {
        const char* literal = nullptr;
        std::string_view name;
        unsigned flags = 0;
    };
    const Name& name_of(const char* literal);
    void start_tag(std::string_view name, std::span<const Attribute> attrs, unsigned flags, bool foreign);
    void end_start_tag();
    /// Keeps what the link check needs of one start tag's attributes.
    void record_links(std::string_view element, std::span<const Attribute> attrs);

    ByteBuffer out_;
    std::vector<Open> open_;
    /// An SVG element's start tag is left open ("<rect x=\"0\"") until it has content
    /// (">") or is closed without any ("/>").
    bool tag_open_ = false;
    /// Element names by the address of their literal (callers pass string literals, a few
    /// dozen of them): a page has thousands of elements, and most are <p>, <li>, <td>.
    std::array<Name, 64> names_{};
    /// The links and ids written, in order, each as often as written (take_links sorts).
    ScannedLinks links_;
};

}  // namespace planc::html
