// planc build and planc check work on each document as soon as it is parsed (check it,
// render it, keep only its outline), so a national site never has to fit in memory whole.
// What they find and write must be exactly what loading everything first gives.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "planc/build.hpp"
#include "planc/check.hpp"
#include "planc/load.hpp"
#include "planc/parallel.hpp"
#include "test_support.hpp"

using namespace planc;

namespace {

struct Threads {
    explicit Threads(unsigned n) { worker_override = n; }
    ~Threads() { worker_override = 0; }
};

/// Every finding with its place, code, message and notes, one line each.
std::vector<std::string> lines_of(const Diagnostics& diags) {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.items()) {
        std::string line = d.location.file + ":" + std::to_string(d.location.span.line) + ":" +
                           std::to_string(d.location.span.column) + " " + std::string(info(d.code).code) + " " +
                           d.message + " [" + d.plan + " " + d.priority + "]";
        for (const DiagNote& n : d.notes)
            line += " | " + n.message + " @" + n.location.file + ":" + std::to_string(n.location.span.line);
        out.push_back(line);
    }
    return out;
}

std::vector<std::string> load_then_check(const std::string& root) {
    Diagnostics diags;
    Project project = load_project(root, diags);
    check_project(project, diags);
    diags.sort();
    return lines_of(diags);
}

std::vector<std::string> check_as_parsed(const std::string& root) {
    Diagnostics diags;
    Project project;
    load_and_check_project(root, project, diags);
    diags.sort();
    return lines_of(diags);
}

/// A project folder on disk, removed after.
struct ProjectFolder {
    std::filesystem::path root;
    explicit ProjectFolder(const std::string& name) {
        root = std::filesystem::temp_directory_path() /
               ("planc-streaming-" + name + "-" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        std::filesystem::remove_all(root);
        std::filesystem::create_directories(root / "content");
    }
    ~ProjectFolder() {
        std::error_code ec;
        std::filesystem::remove_all(root, ec);
    }
    void write(const std::string& path, const std::string& text) const {
        std::filesystem::create_directories((root / path).parent_path());
        std::ofstream(root / path, std::ios::binary) << text;
    }
};

/// Two partnerships whose plans link into each other, to sections that exist and to
/// sections that do not, in both directions (a link to a document parsed later and to one
/// parsed earlier), with `previous:` right and wrong.
void write_linked_project(const ProjectFolder& f) {
    // The theme too, so the project renders wherever the test binary was built.
    std::filesystem::copy(std::filesystem::path(testing::source_dir()) / "themes", f.root / "themes",
                          std::filesystem::copy_options::recursive);
    f.write("content/east/_index.md", "---\nname: East CSP\n---\n## About\n\nText.\n");
    f.write("content/west/_index.md", "---\nname: West CSP\n---\n## About\n\nText.\n");
    f.write("content/east/2009-10.md",
            "---\ntitle: East plan 2009/10\nperiod: 2009/10-2011/12\nprevious: 2008-09\n---\n"
            "## Priority 1: Burglary\n\n"
            "See [next year](2010-11.md#priority-2-vehicle-crime), [a gap](2010-11.md#no-such-part),\n"
            "[West](../west/2009-10.md#priority-1-arson) and [West too](../west/2009-10.md#nothing-here).\n\n"
            "### Targets\n\n- Reduce burglary by 5% by 2010/11\n");
    f.write("content/east/2010-11.md",
            "---\ntitle: East plan 2010/11\nperiod: 2010/11-2012/13\nprevious: 2009-10\n---\n"
            "## Priority 2: Vehicle crime\n\n"
            "As [last year](2009-10.md#priority-1-burglary) and [not this](2009-10.md#priority-9-none).\n\n"
            "### Targets\n\n- Reduce vehicle crime by TBC by 2011/12\n");
    f.write("content/west/2009-10.md",
            "---\ntitle: West plan 2009/10\nperiod: 2009/10-2011/12\nprevious: 2007-08\n---\n"
            "## Priority 1: Arson\n\n"
            "With [East](../east/2010-11.md#priority-2-vehicle-crime) and [East](../east/2010-11.md#gone).\n\n"
            "### Targets\n\n- Reduce deliberate fires by 10% by 2011/12\n");
}

std::map<std::string, std::string> render_as_parsed(const std::string& root, std::vector<std::string>& findings) {
    Diagnostics diags;
    Diagnostics render_diags;
    MemoryOutput out;
    BuildOptions options;
    options.leaflet_pdf = false;
    Project project;
    std::unique_ptr<SiteRender> site;
    load_and_check_project(
        root, project, diags,
        [&](const Project& loaded, std::size_t documents) {
            site = std::make_unique<SiteRender>(loaded, out, render_diags, options, documents);
        },
        [&](std::size_t i, const Partnership& p, const Document& d, bool) { site->render_document(i, p, d); },
        // As planc build: a partnership's pages as soon as its documents are done.
        [&](std::size_t i, const Partnership&) { site->render_partnership(i); });
    site->finish();
    for (const Partnership& p : project.partnerships)
        for (const Document& d : p.documents) CHECK(d.outline_only);
    findings = lines_of(render_diags);
    return out.files;
}

std::map<std::string, std::string> render_loaded(const std::string& root, std::vector<std::string>& findings) {
    Diagnostics load_diags;
    Project project = load_project(root, load_diags);
    MemoryOutput out;
    Diagnostics diags;
    BuildOptions options;
    options.leaflet_pdf = false;
    render_project(project, out, diags, options);
    findings = lines_of(diags);
    return out.files;
}

}  // namespace

TEST_CASE("checking each document as it is parsed finds what loading everything first finds", "[check][streaming]") {
    ProjectFolder linked("links");
    write_linked_project(linked);
    const std::vector<std::string> roots = {testing::source_dir(), testing::source_dir() + "/tests/fixtures/planted",
                                            linked.root.string()};
    for (const std::string& root : roots) {
        INFO(root);
        std::vector<std::string> expected = load_then_check(root);
        for (unsigned threads : {1u, 2u, 3u}) {
            INFO(threads << " threads");
            Threads use(threads);
            CHECK(check_as_parsed(root) == expected);
        }
    }
}

TEST_CASE("links into documents parsed before or after are checked against their outlines", "[check][streaming]") {
    ProjectFolder f("cross");
    write_linked_project(f);
    std::vector<std::string> found = check_as_parsed(f.root.string());
    auto has = [&](const std::string& text) {
        for (const std::string& line : found)
            if (line.find(text) != std::string::npos) return true;
        return false;
    };
    INFO(Catch::Detail::stringify(found));
    CHECK(has("content/east/2009-10.md:8:55 E004"));  // at the link, on the line with the links
    CHECK(has("link `2010-11.md#no-such-part` names no section `no-such-part` of east/2010-11"));
    CHECK(has("link `../west/2009-10.md#nothing-here` names no section `nothing-here` of west/2009-10"));
    CHECK(has("link `2009-10.md#priority-9-none` names no section `priority-9-none` of east/2009-10"));
    CHECK(has("link `../east/2010-11.md#gone` names no section `gone` of east/2010-11"));
    CHECK_FALSE(has("priority-2-vehicle-crime` names"));
    CHECK_FALSE(has("priority-1-arson` names"));
    CHECK_FALSE(has("priority-1-burglary` names"));
    // `previous:` is looked up among every document of the partnership, wherever it is.
    CHECK(has("`previous:` names the document `2008-09`, which east/ does not have"));
    CHECK(has("`previous:` names the document `2007-08`, which west/ does not have"));
    CHECK_FALSE(has("`previous:` names the document `2009-10`"));
}

TEST_CASE("rendering each document as it is parsed writes the site rendering everything writes", "[render][streaming]") {
    ProjectFolder linked("render");
    write_linked_project(linked);
    for (const std::string& root : {testing::source_dir(), linked.root.string()}) {
        INFO(root);
        std::vector<std::string> expected_findings;
        std::map<std::string, std::string> expected = render_loaded(root, expected_findings);
        REQUIRE(expected.size() > 10);
        for (unsigned threads : {1u, 2u, 3u}) {
            INFO(threads << " threads");
            Threads use(threads);
            std::vector<std::string> findings;
            std::map<std::string, std::string> files = render_as_parsed(root, findings);
            REQUIRE(files.size() == expected.size());
            for (const auto& [path, bytes] : expected) {
                INFO(path);
                auto it = files.find(path);
                REQUIRE(it != files.end());
                CHECK(it->second == bytes);
            }
            CHECK(findings == expected_findings);
        }
    }
}

TEST_CASE("an outline keeps what lists and cross-checks read, and cannot be rendered", "[model][streaming]") {
    Diagnostics diags;
    Project project = load_project(testing::source_dir(), diags);
    REQUIRE_FALSE(project.partnerships.empty());
    const Partnership& melton = project.partnerships[1];
    REQUIRE(melton.slug == "melton");
    Document whole = melton.documents.front();
    Document outline = whole;
    keep_outline(outline);
    CHECK(outline.outline_only);
    CHECK(outline.title == whole.title);
    CHECK(outline.slug == whole.slug);
    CHECK(outline.year.has_value() == whole.year.has_value());
    CHECK(outline.fields.size() == whole.fields.size());
    CHECK(outline.suppressions.size() == whole.suppressions.size());
    REQUIRE(outline.sections.size() == whole.sections.size());
    for (std::size_t i = 0; i < whole.sections.size(); ++i) {
        CHECK(outline.sections[i].id == whole.sections[i].id);
        CHECK(outline.sections[i].blocks.empty());
    }
    REQUIRE(outline.priorities.size() == whole.priorities.size());
    CHECK(outline.priorities.front().title == whole.priorities.front().title);
    CHECK(outline.priorities.front().targets.empty());
    CHECK(outline.source.empty());
    CHECK(outline.source_size == whole.source.size());

    MemoryOutput out;
    Diagnostics render_diags;
    BuildOptions options;
    options.leaflet_pdf = false;
    SiteRender site(project, out, render_diags, options, 1);
    CHECK_THROWS_AS(site.render_document(0, melton, outline), std::logic_error);
    CHECK_THROWS_AS(site.render_document(7, melton, whole), std::logic_error);
}

TEST_CASE("an outline's text is read again for excerpts only while the file is unchanged", "[load][streaming]") {
    ProjectFolder f("reread");
    write_linked_project(f);
    Diagnostics diags;
    Project project;
    load_and_check_project(f.root.string(), project, diags);
    const Document& doc = project.partnerships.front().documents.front();
    REQUIRE(doc.outline_only);
    REQUIRE(doc.source.empty());
    std::string on_disk = testing::read_file((f.root / doc.path).string());
    auto again = read_source_again(project, doc);
    REQUIRE(again.has_value());
    CHECK(*again == on_disk);

    f.write(doc.path, on_disk + "\nEdited after the check.\n");
    CHECK_FALSE(read_source_again(project, doc).has_value());
    f.write(doc.path, on_disk);
    CHECK(read_source_again(project, doc).has_value());
    std::filesystem::remove(f.root / doc.path);
    CHECK_FALSE(read_source_again(project, doc).has_value());
}

TEST_CASE("the hook learns which documents have errors, so a failing build can stop rendering", "[check][streaming]") {
    ProjectFolder f("errors");
    write_linked_project(f);
    // Front matter that is not YAML (E001) and a link out of the content folder (E005).
    f.write("content/east/2011-12.md", "---\ntitle: [unclosed\n---\n## Priority 1: Burglary\n\nText.\n");
    f.write("content/west/2010-11.md",
            "---\ntitle: West 2010/11\nperiod: 2010/11-2012/13\n---\n## Intro\n\nSee [this](../../../etc/passwd).\n");
    Diagnostics diags;
    Project project;
    std::map<std::string, bool> errors;
    std::mutex mutex;
    load_and_check_project(f.root.string(), project, diags, {},
                           [&](std::size_t, const Partnership&, const Document& d, bool has_errors) {
                               std::lock_guard<std::mutex> lock(mutex);
                               errors[d.path] = has_errors;
                           });
    CHECK(errors == std::map<std::string, bool>{{"content/east/2009-10.md", false},
                                                {"content/east/2010-11.md", false},
                                                {"content/east/2011-12.md", true},
                                                {"content/west/2009-10.md", false},
                                                {"content/west/2010-11.md", true}});
    CHECK(diags.has_errors());
}

TEST_CASE("a partnership's hook runs once, after every one of its documents and before the load ends",
          "[load][streaming]") {
    ProjectFolder linked("partnership-hook");
    write_linked_project(linked);
    linked.write("content/empty/_index.md", "---\nname: Empty Partnership\n---\n");
    for (unsigned threads : {1u, 2u, 3u}) {
        INFO(threads << " threads");
        Threads use(threads);
        Project project;
        Diagnostics diags;
        ProjectLoad load(linked.root.string(), project, diags);
        REQUIRE(project.partnerships.size() == 3);
        std::mutex mutex;
        std::vector<std::size_t> documents_seen(project.partnerships.size(), 0);
        std::vector<int> hook_runs(project.partnerships.size(), 0);
        std::vector<std::size_t> documents_at_hook(project.partnerships.size(), 0);
        std::vector<bool> outlines_at_hook(project.partnerships.size(), false);
        load.parse_documents(
            [&](std::size_t, const Partnership& p, Document& doc, const Diagnostics&) {
                keep_outline(doc);
                std::lock_guard<std::mutex> lock(mutex);
                ++documents_seen[static_cast<std::size_t>(&p - project.partnerships.data())];
            },
            [&](std::size_t i, const Partnership& p) {
                std::lock_guard<std::mutex> lock(mutex);
                CHECK(&p == &project.partnerships[i]);
                ++hook_runs[i];
                documents_at_hook[i] = documents_seen[i];
                bool outlines = true;
                for (const Document& d : p.documents) outlines = outlines && d.outline_only;
                outlines_at_hook[i] = outlines;
            });
        for (std::size_t i = 0; i < project.partnerships.size(); ++i) {
            INFO(project.partnerships[i].slug);
            CHECK(hook_runs[i] == 1);
            CHECK(documents_at_hook[i] == project.partnerships[i].documents.size());
            CHECK(outlines_at_hook[i]);
        }
        CHECK(project.partnerships[1].slug == "empty");
        CHECK(project.partnerships[1].documents.empty());
    }
}
