// The HTML5 serialiser for pugixml trees, and small builders for them.

#include "render/html.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

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

bool is_one_of(const char* name, const auto& list) {
    return std::any_of(list.begin(), list.end(), [&](const char* n) { return std::strcmp(n, name) == 0; });
}

void escape_into(std::string& out, std::string_view text, bool attribute) {
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"':
                if (attribute)
                    out += "&quot;";
                else
                    out += c;
                break;
            default: out += c;
        }
    }
}

/// Script and style text is written raw: make sure it cannot end its element early.
std::string raw_text(std::string_view text, const char* element) {
    std::string out(text);
    std::string closing = std::string("</") + element;
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
        const char* name = n.name();
        bool foreign = in_foreign || std::strcmp(name, "svg") == 0;
        bool pre = in_pre || std::strcmp(name, "pre") == 0;
        if (!in_pre && is_one_of(name, kBlockElements) && !out.empty() && out.back() != '\n') out += '\n';
        out += '<';
        out += name;
        for (pugi::xml_attribute a : n.attributes()) {
            out += ' ';
            out += a.name();
            out += "=\"";
            escape_into(out, a.value(), true);
            out += '"';
        }
        if (!foreign && is_one_of(name, kVoidElements)) {
            out += '>';
            return;
        }
        if (foreign && !n.first_child()) {
            out += "/>";
            return;
        }
        out += '>';
        if (std::strcmp(name, "script") == 0 || std::strcmp(name, "style") == 0) {
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
        last.set_value(joined.c_str());
        return;
    }
    parent.append_child(pugi::node_pcdata).set_value(std::string(value).c_str());
}

void set_attr(pugi::xml_node node, const char* name, std::string_view value) {
    pugi::xml_attribute a = node.attribute(name);
    if (!a) a = node.append_attribute(name);
    a.set_value(std::string(value).c_str());
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
