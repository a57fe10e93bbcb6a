#pragma once
// What the live preview tells open pages, as server-sent events on /__planc/events, and
// the small script that listens (added to HTML responses of `planc serve` only, when
// they are sent: never to the files `planc build` writes).
//
//   event: hello    {"site": "<id>"}     on connecting; a page reloads when the id moved on
//   event: reload   {"all": false, "pages": ["melton/index.html", ...], "site": "<id>"}   after a rebuild
//   event: overlay  {"errors": 2, "diagnostics": [{"file", "line", "column", "code", "message"}]}
//   event: clear    {}                   the errors are fixed

#include <string>
#include <string_view>
#include <vector>

#include "planc/diagnostics.hpp"

namespace planc::serve {

/// Site paths the preview itself answers (no site file can have them: names start with a letter or digit).
inline constexpr std::string_view kEventsPath = "__planc/events";
inline constexpr std::string_view kScriptPath = "__planc/live.js";

std::string hello_event(const std::string& site_id);
/// The pages that changed (site paths), or every page; `site_id` names the site now served.
std::string reload_event(const std::vector<std::string>& changed, bool everything,
                         const std::string& site_id);
/// The errors that keep the last good site served (at most 50 listed).
std::string overlay_event(const Diagnostics& findings);
std::string clear_event();
/// A comment line that keeps the stream open through proxies and finds dead clients.
std::string ping_event();

/// The listening script, served at /__planc/live.js.
std::string_view live_script();
/// The HTML with `<script src="/__planc/live.js">` added before `</body>` (at the end when
/// there is none).
std::string with_live_script(std::string_view html);

}  // namespace planc::serve
