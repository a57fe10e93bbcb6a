#pragma once
// From the target of an HTTP request to a file of the site, and the media type of a file.
// Pure functions: no sockets, no files, so the rules are tested on their own.

#include <string>
#include <string_view>

namespace planc::serve {

/// What a request target names.
struct SitePath {
    enum class Kind {
        File,        ///< `path` is a site path: "melton/2009-10/index.html"
        BadRequest,  ///< not a path planc will ever serve: "..", encoded '/', NUL, "//", not from '/'
    };
    Kind kind = Kind::BadRequest;
    std::string path;     ///< decoded site path, no leading '/'; "index.html" added after a '/'
    bool folder = false;  ///< the target ended in '/' (or was "/")
    std::string why;      ///< for BadRequest: a short reason (the response body)
};

/// Decodes and checks the path of a request target in origin form ("/melton/?q=1").
/// The query is dropped. Each segment is percent-decoded on its own; a segment that is
/// "." or "..", holds '/', '\\' or a control character (NUL included) once decoded, or a
/// bad escape, and an empty segment ("//"), make the request bad: nothing outside the
/// site can be named, however it is spelt.
SitePath parse_request_target(std::string_view target);

/// Percent-encodes a site path for a Location header (letters, digits, "-._~/" kept).
std::string encode_path(std::string_view path);

/// The Content-Type for a site file, by its extension ("text/html; charset=utf-8", ...);
/// "application/octet-stream" for any other.
std::string content_type(std::string_view path);

/// True for the files whose responses get the live-reload script (HTML pages).
bool is_html(std::string_view path);

}  // namespace planc::serve
