// html::Stream: HTML5 written as it is built (see html.hpp).

#include "render/html.hpp"

#include <algorithm>
#include <cctype>
#include <array>
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parse/byte_words.hpp"

namespace planc::html {

namespace {

constexpr std::array kVoidElements = {"area", "base", "br", "col", "embed", "hr", "img",
                                      "input", "link", "meta", "source", "track", "wbr"};

// A line break before these start tags keeps the output readable; whitespace between
// them is never significant.
constexpr std::array kBlockElements = {
    "html", "head", "body", "header", "main", "footer", "nav", "section", "article", "aside", "div",
    "p", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
    "caption", "h1", "h2", "h3", "h4", "h5", "h6", "meta", "link", "script", "title", "figure",
    "figcaption", "blockquote", "pre", "hr", "form", "svg", "details", "summary", "noscript"};

/// What the serialiser needs to know about an element name, found once per element.
enum ElementFlags : unsigned {
    kBlock = 1,    ///< a line break before its start tag
    kVoid = 2,     ///< no end tag (outside SVG)
    kSvg = 4,      ///< SVG content follows: empty elements close with "/>"
    kPre = 8,      ///< preformatted: no line breaks added inside
    kRawText = 16, ///< <script>, <style>: text written raw
};

/// Element names by length, each with its flags: every element of every page is looked
/// up, and a name is short, so a few comparisons of names of its own length beat hashing.
class ElementTable {
public:
    ElementTable() {
        for (const char* name : kBlockElements) add(name, kBlock);
        for (const char* name : kVoidElements) add(name, kVoid);
        add("svg", kSvg);
        add("pre", kPre);
        add("script", kRawText);
        add("style", kRawText);
    }
    [[nodiscard]] unsigned flags(std::string_view name) const {
        if (name.size() >= by_length_.size()) return 0;
        for (const auto& [known, flags] : by_length_[name.size()])
            if (known[0] == name[0] && known == name) return flags;
        return 0;
    }

private:
    void add(std::string_view name, unsigned flags) {
        auto& bucket = by_length_[name.size()];
        for (auto& [known, f] : bucket)
            if (known == name) {
                f |= flags;
                return;
            }
        bucket.emplace_back(name, flags);
    }
    std::array<std::vector<std::pair<std::string_view, unsigned>>, 12> by_length_;
};

const ElementTable& element_table() {
    static const ElementTable table;
    return table;
}

/// Which bytes need an entity: 1 in text and attributes, 2 in attributes only.
constexpr std::array<unsigned char, 256> kEscapeClass = [] {
    std::array<unsigned char, 256> table{};
    table['&'] = table['<'] = table['>'] = 1;
    table['"'] = 2;
    return table;
}();

/// Where the next byte of `text` at or after `at` is that needs escaping, or text.size().
/// This runs over every byte of every page, so plain stretches are passed over sixteen
/// bytes at a time, and the last few one table look a byte.
std::size_t next_to_escape(std::string_view text, std::size_t at, bool attribute) {
    const unsigned char limit = attribute ? 2 : 1;
    for (; at + 16 <= text.size(); at += 16) {
        byte_words::Bytes16 v = byte_words::load16(text.data() + at);
        auto special = (v == '&') | (v == '<') | (v == '>');
        std::uint32_t bits = byte_words::mask(attribute ? special | (v == '"') : special);
        if (bits != 0) return at + static_cast<std::size_t>(std::countr_zero(bits));
    }
    for (; at < text.size(); ++at) {
        unsigned char kind = kEscapeClass[static_cast<unsigned char>(text[at])];
        if (kind != 0 && kind <= limit) return at;
    }
    return at;
}

/// Appends `text` escaped, copying the runs between characters that need escaping whole.
template <class Out>
void escape_into(Out& out, std::string_view text, bool attribute) {
    std::size_t from = 0;
    for (std::size_t at = next_to_escape(text, 0, attribute); at < text.size();
         at = next_to_escape(text, from, attribute)) {
        out.append(text.data() + from, at - from);
        switch (text[at]) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out += "&quot;"; break;
        }
        from = at + 1;
    }
    out.append(text.data() + from, text.size() - from);
}

/// Appends script or style text raw, made unable to end its element early: each "</"
/// followed by the element's name, in any case, is written "<\/".
void append_raw_text(ByteBuffer& out, std::string_view text, std::string_view element) {
    auto closes = [&](std::size_t at) {
        if (text.size() - at - 2 < element.size()) return false;
        for (std::size_t i = 0; i < element.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(text[at + 2 + i])) != element[i]) return false;
        return true;
    };
    std::size_t from = 0;
    for (std::size_t at = 0; (at = text.find("</", at)) != std::string_view::npos; at += 2) {
        if (!closes(at)) continue;
        out.append(text.substr(from, at + 1 - from));
        out += '\\';
        from = at + 1;
    }
    out.append(text.substr(from));
}

/// A line break before a block element's start tag, unless one is there already or the
/// text is preformatted. `before` is the last character written.
bool break_before(unsigned flags, bool in_pre, char before) {
    return !in_pre && (flags & kBlock) != 0 && before != '\n';
}

}  // namespace

bool is_named(std::string_view name, std::string_view lower) {
    if (name.size() != lower.size()) return false;
    for (std::size_t i = 0; i < name.size(); ++i)
        if ((name[i] >= 'A' && name[i] <= 'Z' ? static_cast<char>(name[i] - 'A' + 'a') : name[i]) != lower[i])
            return false;
    return true;
}

std::string escape_attribute(std::string_view value) {
    std::string out;
    escape_into(out, value, true);
    return out;
}

std::string decode_entities(std::string_view s) {
    if (s.find('&') == std::string_view::npos) return std::string(s);  // nearly every value
    static const std::vector<std::pair<std::string_view, std::string_view>> entities = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&#x27;", "'"}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        bool replaced = false;
        if (s[i] == '&') {
            for (const auto& [from, to] : entities) {
                if (s.compare(i, from.size(), from) == 0) {
                    out += to;
                    i += from.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out += s[i++];
    }
    return out;
}

// --- Stream ------------------------------------------------------------------------

void Stream::end_start_tag() {
    if (tag_open_) {
        out_ += '>';
        tag_open_ = false;
    }
}

const Stream::Name& Stream::name_of(const char* literal) {
    Name& known = names_[(reinterpret_cast<std::uintptr_t>(literal) >> 2) % names_.size()];
    if (known.literal != literal) {
        std::string_view name(literal);
        known = {literal, name, element_table().flags(name)};
    }
    return known;
}

void Stream::start_tag(std::string_view name, std::span<const Attribute> attrs, unsigned flags, bool foreign) {
    end_start_tag();
    bool in_pre = !open_.empty() && open_.back().pre;
    // An empty stream follows the start tag of the slot it fills (see the class comment).
    if (break_before(flags, in_pre, out_.empty() ? '>' : out_.back())) out_ += '\n';
    out_ += '<';
    out_ += name;
    record_links(name, attrs);
    for (const auto& [key, value] : attrs) {
        out_ += ' ';
        out_ += key;
        out_ += "=\"";
        escape_into(out_, value, true);
        out_ += '"';
    }
    if (foreign)
        tag_open_ = true;
    else
        out_ += '>';
}

void Stream::open(const char* name, std::initializer_list<Attribute> attrs) {
    open(name, std::span<const Attribute>(attrs.begin(), attrs.size()));
}

void Stream::open(const char* literal, std::span<const Attribute> attrs) {
    const Name& name = name_of(literal);
    const unsigned flags = name.flags;
    bool foreign = (!open_.empty() && open_.back().foreign) || (flags & kSvg) != 0;
    bool pre = (!open_.empty() && open_.back().pre) || (flags & kPre) != 0;
    start_tag(name.name, attrs, flags, foreign);
    open_.push_back({name.name, flags, foreign, pre, (flags & kRawText) != 0});
}

void Stream::close() {
    if (open_.empty()) return;
    const Open e = open_.back();
    open_.pop_back();
    if (e.foreign && tag_open_) {
        out_ += "/>";
        tag_open_ = false;
        return;
    }
    if (!e.foreign && (e.flags & kVoid) != 0) return;
    out_ += "</";
    out_ += e.name;
    out_ += '>';
}

void Stream::element(const char* name, std::initializer_list<Attribute> attrs) {
    open(name, attrs);
    close();
}

void Stream::element_text(const char* name, std::string_view value, std::initializer_list<Attribute> attrs) {
    open(name, attrs);
    text(value);
    close();
}

void Stream::text(std::string_view value) {
    if (value.empty()) return;
    end_start_tag();
    if (!open_.empty() && open_.back().raw)
        append_raw_text(out_, value, open_.back().name);
    else
        escape_into(out_, value, false);
}

void Stream::html(std::string_view html, const ScannedLinks* links) {
    if (html.empty()) return;
    end_start_tag();
    out_ += html;
    if (!links) return;
    links_.links.insert(links_.links.end(), links->links.begin(), links->links.end());
    links_.ids.insert(links_.ids.end(), links->ids.begin(), links->ids.end());
    if (!links->base.empty()) links_.base = links->base;
}

void Stream::fragment(std::string_view html, const ScannedLinks* links) {
    end_start_tag();
    if (!html.empty() && html.front() == '\n' && !out_.empty() && out_.back() == '\n') html.remove_prefix(1);
    this->html(html, links);
}

void Stream::record_links(std::string_view element, std::span<const Attribute> attrs) {
    for (const auto& [key, value] : attrs) {
        std::string_view name(key);
        // The first letter rules out nearly every attribute (class, aria-*, role...).
        switch (name.empty() ? '\0' : name.front() | 0x20) {
            case 'i':
                if (is_named(name, "id")) links_.ids.emplace_back(value);
                break;
            case 'h':
                if (!is_named(name, "href")) break;
                if (is_named(element, "base"))
                    links_.base = value;
                else
                    links_.links.emplace_back(value);
                break;
            case 's':
                if (is_named(name, "src")) links_.links.emplace_back(value);
                break;
            case 'a':
                if (is_named(name, "action") && is_named(element, "form")) links_.links.emplace_back(value);
                break;
            default:
                break;
        }
    }
}

ScannedLinks Stream::take_links() {
    ScannedLinks page = std::move(links_);
    links_ = {};
    // Each link once, at its first place. A page has a few dozen links, many of them the
    // same (the navigation, a plan's own sections): a small open-addressing table of the
    // links kept so far, reused from page to page, finds the repeats without allocating.
    // Slots hold 1 + the index of a kept link; 0 is empty.
    thread_local std::vector<std::uint32_t> slots;
    std::size_t size = 16;
    while (size < 2 * page.links.size()) size *= 2;
    slots.assign(size, 0);
    std::hash<std::string_view> hash;
    std::size_t kept = 0;
    for (std::size_t i = 0; i < page.links.size(); ++i) {
        std::size_t at = hash(page.links[i]) & (size - 1);
        bool repeat = false;
        for (; slots[at] != 0; at = (at + 1) & (size - 1))
            if (page.links[slots[at] - 1] == page.links[i]) {
                repeat = true;
                break;
            }
        if (repeat) continue;
        if (kept != i) page.links[kept] = std::move(page.links[i]);
        slots[at] = static_cast<std::uint32_t>(++kept);
    }
    page.links.resize(kept);
    std::sort(page.ids.begin(), page.ids.end());
    page.ids.erase(std::unique(page.ids.begin(), page.ids.end()), page.ids.end());
    return page;
}

void Stream::rollback(const Mark& m) {
    out_.truncate(m.size);
    links_.links.resize(m.links);
    links_.ids.resize(m.ids);
    if (!m.has_base) links_.base.clear();
    open_.resize(m.depth);
    tag_open_ = m.tag_open;
}

std::string Stream::take() {
    std::string html = out_.take();
    open_.clear();
    tag_open_ = false;
    return html;
}

}  // namespace planc::html
