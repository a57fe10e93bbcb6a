// A plain index page listing every document and its open data. Replaced by the themed
// site (templates in themes/) once it lands.

#include <pugixml.hpp>

#include <sstream>

#include "render/pages.hpp"

namespace planc {

void render_pages(const Project& project, OutputSink& out, Diagnostics& diags) {
    (void)diags;
    pugi::xml_document doc;
    auto html = doc.append_child("html");
    html.append_attribute("lang") = project.settings.language.c_str();
    auto head = html.append_child("head");
    head.append_child("meta").append_attribute("charset") = "utf-8";
    head.append_child("title").text() = project.settings.title.c_str();
    auto body = html.append_child("body");
    body.append_child("h1").text() = project.settings.title.c_str();
    for (const auto& p : project.partnerships) {
        body.append_child("h2").text() = (p.name.empty() ? p.slug : p.name).c_str();
        auto list = body.append_child("ul");
        for (const auto& d : p.documents) {
            auto li = list.append_child("li");
            li.append_child(pugi::node_pcdata).set_value((d.title + " ").c_str());
            auto a = li.append_child("a");
            a.append_attribute("href") = (p.slug + "/" + d.slug + "/plan.json").c_str();
            a.text() = "plan.json";
            li.append_child(pugi::node_pcdata).set_value(" ");
            auto c = li.append_child("a");
            c.append_attribute("href") = (p.slug + "/" + d.slug + "/targets.csv").c_str();
            c.text() = "targets.csv";
        }
    }
    std::ostringstream s;
    s << "<!DOCTYPE html>\n";
    doc.save(s, "  ", pugi::format_default | pugi::format_no_declaration, pugi::encoding_utf8);
    out.write("index.html", s.str());
}

}  // namespace planc
