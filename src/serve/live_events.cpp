// The event texts and the listening script (see live_events.hpp). Event data is JSON
// written by nlohmann::json: one line, every string escaped; the script puts it into
// the page with textContent only.

#include "serve/live_events.hpp"

#include <nlohmann/json.hpp>

namespace planc::serve {

namespace {

std::string event(std::string_view name, const nlohmann::json& data) {
    std::string text = "event: ";
    text += name;
    text += "\ndata: ";
    text += data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    text += "\n\n";
    return text;
}

constexpr std::size_t kOverlayLimit = 50;

constexpr std::string_view kScript =
    R"JS(// planc serve: reloads this page when the site is rebuilt; shows build errors over it.
(function () {
  "use strict";
  if (!window.EventSource) return;
  var site = null;
  var overlay = null;
  function here() {
    var path = location.pathname.replace(/^\/+/, "");
    try { path = decodeURIComponent(path); } catch (e) {}
    if (path === "" || path.charAt(path.length - 1) === "/") path += "index.html";
    return path;
  }
  function data(e) {
    try { return JSON.parse(e.data); } catch (x) { return {}; }
  }
  function hide() {
    if (overlay && overlay.parentNode) overlay.parentNode.removeChild(overlay);
    overlay = null;
  }
  function show(d) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "planc-serve-overlay";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;padding:2rem;" +
      "background:rgba(20,20,20,.92);color:#fff;font:16px/1.5 monospace;white-space:pre-wrap";
    var title = document.createElement("h2");
    title.style.cssText = "margin:0 0 1rem;font:bold 1.25rem sans-serif;color:#ffb3b3";
    title.textContent = "planc: " + d.errors + (d.errors === 1 ? " error" : " errors") +
      " - the page shows the last good build until it is fixed";
    overlay.appendChild(title);
    (d.diagnostics || []).forEach(function (g) {
      var item = document.createElement("p");
      item.style.cssText = "margin:0 0 .75rem";
      var where = document.createElement("strong");
      where.textContent = g.file + ":" + g.line + ":" + g.column;
      item.appendChild(where);
      item.appendChild(document.createTextNode(" " + g.severity + "[" + g.code + "]: " + g.message));
      overlay.appendChild(item);
    });
    if (d.more) {
      var more = document.createElement("p");
      more.textContent = "and " + d.more + " more (see the terminal)";
      overlay.appendChild(more);
    }
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.addEventListener("click", hide);
    overlay.appendChild(close);
    document.body.appendChild(overlay);
  }
  var source = new EventSource("/__planc/events");
  source.addEventListener("hello", function (e) {
    var d = data(e);
    if (site !== null && d.site !== site) location.reload();
    site = d.site;
  });
  source.addEventListener("reload", function (e) {
    var d = data(e);
    if (d.site) site = d.site;
    if (d.all || (d.pages || []).indexOf(here()) !== -1) location.reload();
  });
  source.addEventListener("overlay", function (e) { show(data(e)); });
  source.addEventListener("clear", hide);
})();
)JS";

}  // namespace

std::string hello_event(const std::string& site_id) { return event("hello", {{"site", site_id}}); }

std::string reload_event(const std::vector<std::string>& changed, bool everything,
                         const std::string& site_id) {
    nlohmann::json pages = nlohmann::json::array();
    if (!everything)
        for (const std::string& path : changed) pages.push_back(path);
    nlohmann::json data;
    data["all"] = everything;
    data["pages"] = std::move(pages);
    data["site"] = site_id;
    return event("reload", data);
}

std::string overlay_event(const Diagnostics& findings) {
    nlohmann::json list = nlohmann::json::array();
    std::size_t errors = 0;
    for (const Diagnostic& d : findings.items()) {
        if (d.severity != Severity::Error) continue;
        if (++errors > kOverlayLimit) continue;
        nlohmann::json item;
        item["file"] = d.location.file;
        item["line"] = d.location.span.line;
        item["column"] = d.location.span.column;
        item["severity"] = to_string(d.severity);
        item["code"] = std::string(info(d.code).code);
        item["message"] = d.message;
        list.push_back(std::move(item));
    }
    nlohmann::json data;
    data["errors"] = errors;
    data["diagnostics"] = std::move(list);
    if (errors > kOverlayLimit) data["more"] = errors - kOverlayLimit;
    return event("overlay", data);
}

std::string clear_event() { return event("clear", nlohmann::json::object()); }

std::string ping_event() { return ": ping\n\n"; }

std::string_view live_script() { return kScript; }

std::string with_live_script(std::string_view html) {
    static const std::string tag = "<script src=\"/__planc/live.js\"></script>\n";
    std::string out;
    out.reserve(html.size() + tag.size());
    std::size_t body = html.rfind("</body>");
    if (body == std::string_view::npos) {
        out.append(html).append(tag);
        return out;
    }
    out.append(html.substr(0, body)).append(tag).append(html.substr(body));
    return out;
}

}  // namespace planc::serve
