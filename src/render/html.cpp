// The HTML5 serialiser for pugixml trees, and small builders for them.

#include "render/html.hpp"

#include <algorithm>
#include <array>
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

/// Appends `text` escaped, copying the runs between characters that need escaping whole.
/// This runs over every byte of every page, so plain stretches are skipped eight bytes at
/// a time, then one table lookup per byte where something may need escaping.
void escape_into(std::string& out, std::string_view text, bool attribute) {
    const unsigned char limit = attribute ? 2 : 1;
    std::size_t from = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        if (at + 8 <= text.size()) {
            using byte_words::has_byte;
            std::uint64_t word = byte_words::load(text.data() + at);
            if (!has_byte(word, '&') && !has_byte(word, '<') && !has_byte(word, '>') &&
                !(attribute && has_byte(word, '"'))) {
                at += 8;
                continue;
            }
        }
        unsigned char kind = kEscapeClass[static_cast<unsigned char>(text[at])];
        if (kind == 0 || kind > limit) {
            ++at;
            continue;
        }
        out.append(text.data() + from, at - from);
        switch (text[at]) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out += "&quot;"; break;
        }
        from = ++at;
    }
    out.append(text.data() + from, text.size() - from);
}

/// Script and style text is written raw: make sure it cannot end its element early.
std::string raw_text(std::string_view text, std::string_view element) {
    std::string out(text);
    std::string closing = "</" + std::string(element);
    for (std::size_t at = 0; (at = out.find("</", at)) != std::string::npos;) {
        std::string probe = out.substr(at, closing.size());
        std::transform(probe.begin(), probe.end(), probe.begin(), [](unsigned char c) { return std::tolower(c); });
        if (probe == closing) {
            out.insert(at + 1, "\\");
            at += 3;
        } else {
            at += 2;
        }
    }
    return out;
}

class Writer {
public:
    std::string out;

    void node(pugi::xml_node n, bool in_foreign, bool in_pre) {
        switch (n.type()) {
            case pugi::node_pcdata:
            case pugi::node_cdata: escape_into(out, n.value(), false); return;
            case pugi::node_element: element(n, in_foreign, in_pre); return;
            case pugi::node_document:
                for (pugi::xml_node c : n.children()) node(c, in_foreign, in_pre);
                return;
            default: return;  // comments, processing instructions, doctype: never written
        }
    }

private:
    void element(pugi::xml_node n, bool in_foreign, bool in_pre) {
        const std::string_view name = n.name();
        const unsigned flags = element_table().flags(name);
        bool foreign = in_foreign || (flags & kSvg) != 0;
        bool pre = in_pre || (flags & kPre) != 0;
        if (!in_pre && (flags & kBlock) != 0 && !out.empty() && out.back() != '\n') out += '\n';
        out += '<';
        out += name;
        for (pugi::xml_attribute a : n.attributes()) {
            out += ' ';
            out += a.name();
            out += "=\"";
            escape_into(out, a.value(), true);
            out += '"';
        }
        if (!foreign && (flags & kVoid) != 0) {
            out += '>';
            return;
        }
        if (foreign && !n.first_child()) {
            out += "/>";
            return;
        }
        out += '>';
        if ((flags & kRawText) != 0) {
            std::string text;
            for (pugi::xml_node c : n.children())
                if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) text += c.value();
            out += raw_text(text, name);
        } else {
            for (pugi::xml_node c : n.children()) node(c, foreign, pre);
        }
        out += "</";
        out += name;
        out += '>';
    }
};

}  // namespace

pugi::xml_node element(pugi::xml_node parent, const char* name, std::initializer_list<Attr> attrs) {
    pugi::xml_node n = parent.append_child(name);
    for (const auto& [key, value] : attrs) n.append_attribute(key) = value.c_str();
    return n;
}

pugi::xml_node element_text(pugi::xml_node parent, const char* name, std::string_view value,
                            std::initializer_list<Attr> attrs) {
    pugi::xml_node n = element(parent, name, attrs);
    text(n, value);
    return n;
}

void text(pugi::xml_node parent, std::string_view value) {
    if (value.empty()) return;
    // Join with a preceding text node so the tree stays tidy.
    pugi::xml_node last = parent.last_child();
    if (last && last.type() == pugi::node_pcdata) {
        std::string joined = std::string(last.value()) + std::string(value);
        last.set_value(joined.data(), joined.size());
        return;
    }
    parent.append_child(pugi::node_pcdata).set_value(value.data(), value.size());
}

void set_attr(pugi::xml_node node, const char* name, std::string_view value) {
    pugi::xml_attribute a = node.attribute(name);
    if (!a) a = node.append_attribute(name);
    a.set_value(value.data(), value.size());
}

void add_class(pugi::xml_node node, std::string_view cls) {
    std::string current = node.attribute("class").value();
    if (!current.empty()) current += ' ';
    current += cls;
    set_attr(node, "class", current);
}

void clear(pugi::xml_node node) {
    while (node.first_child()) node.remove_child(node.first_child());
}

std::string serialize_document(const pugi::xml_document& doc) {
    Writer w;
    w.out.reserve(64 * 1024);  // most pages fit: one allocation instead of a dozen doublings
    w.out = "<!DOCTYPE html>\n";
    w.node(doc.document_element(), false, false);
    w.out += '\n';
    return w.out;
}

std::string serialize_node(pugi::xml_node node) {
    Writer w;
    w.node(node, false, false);
    return w.out;
}

std::string escape_text(std::string_view value) {
    std::string out;
    escape_into(out, value, false);
    return out;
}

}  // namespace planc::html
