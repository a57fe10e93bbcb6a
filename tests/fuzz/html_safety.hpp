#pragma once
// The safety property every published page must have, shared by the document fuzzer
// and the [xss] tests: scans the HTML as a browser would tokenise tags, and reports the
// first thing that could run script or load foreign content.
//
// Text is always escaped by the renderer, so every '<' in the output starts real markup;
// the scan therefore only looks at tags and their attributes:
// - <script> only as the theme writes it (`src` = ".../assets/site.js", empty), or as a
//   JSON data block (type application/json or application/ld+json) holding no '<';
// - no <iframe>, <object>, <embed>, <base>, <frame>, <applet>, <template>, <meta http-equiv>
//   (the theme's own search <form> is allowed: its action is checked like any URL);
// - no on* event attribute, no `style` attribute holding "expression(" or "url(";
// - href, src, action, formaction, xlink:href, srcset, poster, data: never javascript:,
//   vbscript: or data: (after removing the spaces and control characters browsers ignore).

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace planc::safety {

inline std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

/// Decodes the few entities the serialiser writes plus numeric ones, so an encoded
/// "&#106;avascript:" is seen as the browser would see it.
inline std::string decode_attribute(std::string_view v) {
    std::string out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (v[i] != '&') {
            out.push_back(v[i]);
            continue;
        }
        std::size_t semi = v.find(';', i);
        if (semi == std::string_view::npos || semi - i > 10) {
            out.push_back('&');
            continue;
        }
        std::string_view name = v.substr(i + 1, semi - i - 1);
        if (name == "amp") out.push_back('&');
        else if (name == "lt") out.push_back('<');
        else if (name == "gt") out.push_back('>');
        else if (name == "quot") out.push_back('"');
        else if (name == "apos" || name == "#39") out.push_back('\'');
        else if (!name.empty() && name[0] == '#') {
            unsigned long code = 0;
            bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
            try {
                code = std::stoul(std::string(name.substr(hex ? 2 : 1)), nullptr, hex ? 16 : 10);
            } catch (...) {
                out.push_back('&');
                continue;
            }
            out.push_back(code < 128 ? static_cast<char>(code) : '?');
        } else {
            out.push_back('&');
            continue;
        }
        i = semi;
    }
    return out;
}

/// True when a URL attribute value would run script or embed data.
inline bool dangerous_url(std::string_view raw) {
    std::string v;
    for (char c : decode_attribute(raw)) {
        auto u = static_cast<unsigned char>(c);
        if (u <= 0x20) continue;  // browsers strip tabs, newlines and leading controls
        v.push_back(static_cast<char>(std::tolower(u)));
    }
    return v.rfind("javascript:", 0) == 0 || v.rfind("vbscript:", 0) == 0 || v.rfind("data:", 0) == 0 ||
           v.rfind("livescript:", 0) == 0;
}

/// "" when the page is safe; otherwise what was found, with some context.
inline std::string find_unsafe_markup(std::string_view html) {
    std::size_t i = 0;
    auto context = [&](std::size_t at) { return std::string(html.substr(at, 120)); };
    while ((i = html.find('<', i)) != std::string_view::npos) {
        std::size_t start = i++;
        if (html.compare(start, 4, "<!--") == 0) {
            std::size_t end = html.find("-->", start + 4);
            if (end == std::string_view::npos) return "unterminated comment: " + context(start);
            i = end + 3;
            continue;
        }
        if (i < html.size() && html[i] == '/') ++i;
        std::size_t name_start = i;
        while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-' || html[i] == ':'))
            ++i;
        if (i == name_start) continue;  // "<!DOCTYPE", "<?xml": not elements
        std::string name = lower(html.substr(name_start, i - name_start));
        bool closing = html[name_start - 1] == '/';
        // Attributes, quote-aware, up to '>'.
        bool script_src_ok = false;
        bool has_src = false;
        std::string type;
        while (i < html.size() && html[i] != '>') {
            if (std::isspace(static_cast<unsigned char>(html[i])) || html[i] == '/') {
                ++i;
                continue;
            }
            std::size_t a = i;
            while (i < html.size() && !std::isspace(static_cast<unsigned char>(html[i])) && html[i] != '=' &&
                   html[i] != '>' && html[i] != '/')
                ++i;
            std::string attr = lower(html.substr(a, i - a));
            std::string value;
            while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i]))) ++i;
            if (i < html.size() && html[i] == '=') {
                ++i;
                while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i]))) ++i;
                if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
                    char q = html[i++];
                    std::size_t end = html.find(q, i);
                    if (end == std::string_view::npos) return "unterminated attribute: " + context(start);
                    value = std::string(html.substr(i, end - i));
                    i = end + 1;
                } else {
                    std::size_t v = i;
                    while (i < html.size() && !std::isspace(static_cast<unsigned char>(html[i])) && html[i] != '>') ++i;
                    value = std::string(html.substr(v, i - v));
                }
            }
            if (attr.empty()) continue;
            if (attr.size() > 2 && attr.compare(0, 2, "on") == 0) return "event attribute " + attr + ": " + context(start);
            if (attr == "href" || attr == "src" || attr == "action" || attr == "formaction" || attr == "xlink:href" ||
                attr == "srcset" || attr == "poster" || attr == "data" || attr == "background" || attr == "dynsrc" ||
                attr == "lowsrc") {
                if (dangerous_url(value)) return "dangerous URL in " + attr + ": " + context(start);
            }
            if (attr == "style") {
                std::string v = lower(decode_attribute(value));
                if (v.find("expression(") != std::string::npos || v.find("url(") != std::string::npos ||
                    v.find("javascript:") != std::string::npos)
                    return "style attribute with script or URL: " + context(start);
            }
            if (attr == "http-equiv") return "meta http-equiv: " + context(start);
            if (name == "script" && attr == "type") type = lower(decode_attribute(value));
            if (name == "script" && attr == "src") {
                has_src = true;
                std::string v = decode_attribute(value);
                constexpr std::string_view theme = "assets/site.js";
                script_src_ok = v.size() >= theme.size() && v.compare(v.size() - theme.size(), theme.size(), theme) == 0 &&
                                v.find(':') == std::string::npos;
                // The search page's index, at the site root: "../" as often as needed.
                constexpr std::string_view index = "search-index.js";
                std::string_view climb = std::string_view(v).substr(0, v.size() >= index.size() ? v.size() - index.size() : 0);
                bool only_climbs = climb.size() % 3 == 0;
                for (std::size_t k = 0; only_climbs && k < climb.size(); k += 3) only_climbs = climb.substr(k, 3) == "../";
                if (only_climbs && std::string_view(v).substr(climb.size()) == index) script_src_ok = true;
            }
        }
        if (closing) continue;
        if (name == "script") {
            std::size_t close = html.find("</script>", i);
            if (close == std::string_view::npos) return "unclosed script: " + context(start);
            if (!has_src && (type == "application/json" || type == "application/ld+json")) {
                // A data block (search index, schema.org): never run; author text in it
                // must not be able to end it or open markup, so it holds no '<' at all.
                if (html.substr(i + 1, close - i - 1).find('<') != std::string_view::npos)
                    return "'<' inside a data script: " + context(start);
                i = close + 9;
                continue;
            }
            if (!has_src || !script_src_ok) return "script that is not the theme's: " + context(start);
            // The theme's script element must be empty.
            if (close != i + 1) return "script with content: " + context(start);
        }
        if (name == "iframe" || name == "object" || name == "embed" || name == "base" || name == "frame" ||
            name == "frameset" || name == "applet" || name == "textarea" || name == "math" || name == "template" ||
            name == "portal" || name == "noembed" || name == "xmp" || name == "plaintext")
            return "element <" + name + ">: " + context(start);
    }
    return {};
}

}  // namespace planc::safety
