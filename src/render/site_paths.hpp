#pragma once
// The URL layout of the site: where each page is written, as a path relative to the
// site root. Links always name `index.html` so the site also works from file://.
//
//   index.html                               home: every partnership and document
//   <p>/index.html                           a partnership
//   <p>/glossary/index.html                  its glossary
//   <p>/<doc>/index.html                     a plan or report
//   <p>/<doc>/<priority-id>/index.html       a priority of a plan
//   <p>/<doc>/targets/index.html             every target of a plan
//   <p>/<doc>/leaflet/index.html (+ .pdf)    the public summary leaflet
//   <p>/<doc>/plan.json, targets.csv         open data (written by render_project)
//   accessibility/index.html, 404.html, sitemap.xml
//   search/index.html, search-index.js       the search page and its index (a script it loads)
//   assets/...                               the theme's CSS, scripts and images

#include <string>
#include <string_view>

#include "planc/model.hpp"

namespace planc::paths {

inline const std::string kHome = "index.html";
inline const std::string kAccessibility = "accessibility/index.html";
inline const std::string kSearch = "search/index.html";
inline const std::string kSearchIndex = "search-index.js";
inline const std::string kNotFound = "404.html";
inline const std::string kSitemap = "sitemap.xml";
inline const std::string kAssets = "assets/";

std::string partnership(const Partnership& p);
std::string glossary(const Partnership& p);
std::string document_dir(const Partnership& p, const Document& d);
std::string document(const Partnership& p, const Document& d);
std::string priority(const Partnership& p, const Document& d, const Priority& pr);
std::string targets(const Partnership& p, const Document& d);
std::string leaflet(const Partnership& p, const Document& d);
std::string leaflet_pdf(const Partnership& p, const Document& d);

/// "../" once for each folder in `page` ("melton/2009-10/index.html" -> "../../").
std::string root_prefix(const std::string& page);
/// A link from `page` to `target` (both relative to the site root).
std::string link(const std::string& page, const std::string& target);
/// The folder part of a URL path, with its trailing '/' ("a/b/index.html" -> "a/b/").
std::string folder_of(const std::string& page);
/// `path` with its "." and ".." parts and empty parts taken out, into `out`
/// ("a/b/../c/./d" -> "a/c/d"); false when it climbs above where it starts.
bool collapse_dots(std::string_view path, std::string& out);

}  // namespace planc::paths
