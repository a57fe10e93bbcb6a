// Every output of a project: open data per document and the pages.

#include "planc/build.hpp"
#include "planc/data_output.hpp"
#include "render/pages.hpp"

namespace planc {

void render_project(const Project& project, OutputSink& out, Diagnostics& diags) {
    for (const auto& partnership : project.partnerships) {
        for (const auto& doc : partnership.documents) {
            std::string base = partnership.slug + "/" + doc.slug + "/";
            out.write(base + "plan.json", dump_json(document_to_json(doc, partnership)));
            out.write(base + "targets.csv", targets_csv(doc, partnership));
            out.write(base + "targets.csv-metadata.json", targets_csv_metadata(doc, partnership));
        }
    }
    render_pages(project, out, diags);
}

}  // namespace planc
