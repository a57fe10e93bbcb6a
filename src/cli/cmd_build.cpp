// planc build [PROJECT] [--out DIR] [--strict]: load, check, render, publish.

#include <boost/filesystem.hpp>

#include <unistd.h>
#include <atomic>
#include <iostream>
#include <memory>
#include <vector>

#include "cli/cli.hpp"
#include "cli/progress.hpp"
#include "planc/build.hpp"
#include "planc/check.hpp"
#include "planc/load.hpp"

namespace fs = boost::filesystem;

namespace planc::cli {

namespace {

/// The output folder may not be, or hold, the sources: a swap would destroy them.
bool safe_output(const fs::path& out, const fs::path& root, std::string& why) {
    fs::path o = fs::weakly_canonical(fs::absolute(out));
    fs::path r = fs::weakly_canonical(fs::absolute(root));
    for (const char* protected_dir : {"content", "themes"}) {
        fs::path p = r / protected_dir;
        std::string ps = p.string(), os = o.string();
        if (ps.rfind(os, 0) == 0 || os.rfind(ps, 0) == 0) {
            why = std::string("the output folder may not be or contain `") + protected_dir + "/`";
            return false;
        }
    }
    if (o == r || r.string().rfind(o.string() + "/", 0) == 0) {
        why = "the output folder may not be the project folder or hold it";
        return false;
    }
    // Publishing replaces the whole folder: never one that planc did not make (a typo in
    // --out must not delete someone's documents). A site has an index.html; an empty
    // folder, or one holding only a README, is fine too.
    boost::system::error_code ec;
    if (fs::exists(o, ec) && !fs::is_directory(o, ec)) {
        why = "the output folder `" + out.string() + "` is a file";
        return false;
    }
    if (fs::is_directory(o, ec) && !fs::exists(o / "index.html", ec)) {
        for (fs::directory_iterator it(o, ec), end; !ec && it != end; it.increment(ec)) {
            if (it->path().filename() == "README.md") continue;
            why = "the output folder `" + out.string() +
                  "` holds files but no index.html, so it is not a site planc built; it would be replaced: "
                  "choose another --out folder or empty it first";
            return false;
        }
    }
    return true;
}

}  // namespace

int run_build(const std::vector<std::string>& words) {
    std::string error;
    auto args = Args::parse(words, {"--strict", "--no-pdf"}, error);
    if (!args || args->positional.size() > 1) {
        std::cerr << "planc build: " << (error.empty() ? "name at most one project folder" : error) << "\n";
        return kExitUsage;
    }
    for (const auto& [name, value] : args->options) {
        if (name != "--out" && name != "--strict" && name != "--no-pdf") {
            std::cerr << "planc build: unknown option " << name << "\n";
            return kExitUsage;
        }
    }
    std::string root = args->positional.empty() ? "." : args->positional.front();
    std::string out_dir = args->value("--out").value_or((fs::path(root) / "site").string());
    std::string why;
    if (!safe_output(out_dir, root, why)) {
        std::cerr << "planc build: " << why << "\n";
        return kExitUsage;
    }

    // One pass over the documents: each is parsed, checked, rendered into the staging
    // folder and reduced to its outline on the thread that read it, so the model of a
    // national site never has to fit in memory whole. The staging folder is only
    // swapped in when nothing failed: a plan with errors still leaves `out_dir` as it was.
    constexpr std::size_t kSteps = 3;
    BuildOptions options;
    options.leaflet_pdf = !args->has("--no-pdf");
    const bool printing = options.leaflet_pdf && leaflet_printing_available();
    BuildProgress progress(std::cerr, ::isatty(STDERR_FILENO) != 0);
    // The pass over the documents is nine tenths of a build without PDFs (bench/); with
    // them, printing the leaflets (in the second step) is nearly all of it.
    progress.set_step_shares(printing ? std::vector<double>{0.08, 0.9, 0.02} : std::vector<double>{0.9, 0.08, 0.02});
    progress.step("building", 0, kSteps);
    StagedDirectory staged(out_dir);
    DirectoryOutput output(staged.staging_path());
    Diagnostics diags;
    Diagnostics render_diags;
    std::unique_ptr<SiteRender> site;
    std::vector<TargetSummary> document_targets;
    std::atomic<std::size_t> documents_done{0};
    std::atomic<bool> failed{false};
    Project& project = keep_until_exit(Project{});
    load_and_check_project(
        root, project, diags,
        [&](const Project& loaded, std::size_t documents) {
            site = std::make_unique<SiteRender>(loaded, output, render_diags, options, documents);
            document_targets.resize(documents);
        },
        [&](std::size_t i, const Partnership& partnership, const Document& doc, bool has_errors) {
            // Once a plan has an error the build will write nothing: the rest are only
            // checked, so the errors come sooner.
            if (has_errors) failed = true;
            if (!failed) site->render_document(i, partnership, doc);
            document_targets[i] = summarise_targets(doc);
            progress.documents(++documents_done, document_targets.size());
        },
        // A partnership's own pages as soon as its documents are done, while the other
        // core is still on documents, not in the build's last, partly serial, step.
        [&](std::size_t i, const Partnership&) {
            if (!failed) site->render_partnership(i);
        });
    progress.finish();
    diags.sort();
    Printer printer = default_printer(false);
    if (!diags.items().empty()) printer.print(diags, project, false);
    bool strict = args->has("--strict") || project.settings.strict;
    if (diags.has_errors() || (strict && diags.count(Severity::Warning) > 0)) {
        std::cerr << "planc build: nothing written; " << out_dir << " is unchanged\n";
        return kExitFindings;
    }

    progress.step(printing ? "writing the pages that list every plan, printing leaflets"
                           : "writing the pages that list every plan",
                  1, kSteps);
    site->finish();
    progress.finish();
    if (render_diags.has_errors()) {
        render_diags.sort();
        printer.print(render_diags, project, false);
        std::cerr << "planc build: nothing written; " << out_dir << " is unchanged\n";
        return kExitFindings;
    }
    progress.step("publishing", 2, kSteps);
    staged.commit();
    progress.finish();

    TargetSummary targets;
    for (const TargetSummary& t : document_targets) targets += t;
    std::size_t documents = 0;
    for (const auto& p : project.partnerships) documents += p.documents.size();
    auto ms = progress.elapsed_ms();
    std::cerr << "built " << out_dir << ": " << documents << " documents, " << output.pages_written() << " pages ("
              << output.files_written() << " files), "
              << diags.count(Severity::Warning) << " warnings; " << targets.targets << " targets, " << targets.complete
              << " complete, " << targets.with_gaps << " with gaps";
    if (targets.unreadable) std::cerr << ", " << targets.unreadable << " unreadable";
    std::cerr << " (" << ms << " ms)\n";
    return kExitOk;
}

}  // namespace planc::cli
