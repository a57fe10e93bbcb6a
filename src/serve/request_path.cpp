// Request targets to site paths, and media types (see request_path.hpp).

#include "serve/request_path.hpp"

#include <array>
#include <utility>

namespace planc::serve {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

SitePath bad(std::string why) {
    SitePath out;
    out.kind = SitePath::Kind::BadRequest;
    out.why = std::move(why);
    return out;
}

/// Decodes one segment; false for a bad escape or a character no site path holds.
bool decode_segment(std::string_view raw, std::string& out, std::string& why) {
    out.clear();
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '%') {
            int hi = i + 2 < raw.size() ? hex_value(raw[i + 1]) : -1;
            int lo = i + 2 < raw.size() ? hex_value(raw[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                why = "bad percent-escape in the path";
                return false;
            }
            c = static_cast<char>(hi * 16 + lo);
            i += 2;
        }
        auto u = static_cast<unsigned char>(c);
        if (c == '/' || c == '\\') {
            why = "the path may not hold an encoded slash or a backslash";
            return false;
        }
        if (u < 0x20 || u == 0x7f) {
            why = "the path may not hold control characters";
            return false;
        }
        out += c;
    }
    if (out == "." || out == "..") {
        why = "the path may not hold '.' or '..' segments";
        return false;
    }
    return true;
}

}  // namespace

SitePath parse_request_target(std::string_view target) {
    if (target.empty() || target.front() != '/') return bad("the request target must be a path from '/'");
    std::string_view path = target.substr(0, target.find_first_of("?#"));
    SitePath out;
    out.kind = SitePath::Kind::File;
    std::string segment;
    std::string why;
    std::size_t start = 1;
    while (start <= path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) slash = path.size();
        std::string_view raw = path.substr(start, slash - start);
        bool last = slash == path.size();
        if (raw.empty()) {
            if (!last) return bad("the path may not hold empty segments");
            break;  // "/a/b/": a folder
        }
        if (!decode_segment(raw, segment, why)) return bad(why);
        if (!out.path.empty()) out.path += '/';
        out.path += segment;
        start = slash + 1;
    }
    out.folder = path.back() == '/';
    if (out.folder) out.path += out.path.empty() ? "index.html" : "/index.html";
    return out;
}

std::string encode_path(std::string_view path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (char c : path) {
        auto u = static_cast<unsigned char>(c);
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '.' || c == '_' || c == '~' || c == '/';
        if (keep) {
            out += c;
        } else {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 15];
        }
    }
    return out;
}

std::string content_type(std::string_view path) {
    static const std::array<std::pair<std::string_view, std::string_view>, 14> types = {{
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".json", "application/json"},
        {".csv", "text/csv; charset=utf-8"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".pdf", "application/pdf"},
        {".xml", "application/xml"},
        {".txt", "text/plain; charset=utf-8"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".gif", "image/gif"},
        {".webp", "image/webp"},
    }};
    std::size_t slash = path.rfind('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos) return "application/octet-stream";
    std::string ext(name.substr(dot));
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    for (const auto& [suffix, type] : types)
        if (ext == suffix) return std::string(type);
    return "application/octet-stream";
}

bool is_html(std::string_view path) { return path.size() >= 5 && path.substr(path.size() - 5) == ".html"; }

}  // namespace planc::serve
