// Hostile and broken input: every file of tests/bad-input/ gives the diagnostic
// tests/bad-input/EXPECTED says, and generated huge or deep inputs are read in bounded
// time and memory. Nothing crashes, nothing throws, every page written is safe.

#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "../fuzz/html_safety.hpp"
#include "parse/source_text.hpp"
#include "planc/build.hpp"
#include "planc/check.hpp"
#include "planc/load.hpp"
#include "planc/target_grammar.hpp"
#include "render/pages.hpp"
#include "test_support.hpp"

using namespace planc;
namespace stdfs = std::filesystem;

namespace {

constexpr const char* kIndex = "---\nname: Bad Input Partnership\n---\n";

/// Generous bounds: a linear pass over these inputs takes well under a second in a
/// Debug build; a quadratic one takes minutes.
constexpr double kSecondsPerCase = 20.0;

struct Outcome {
    Diagnostics diags;
    Project project;
    std::map<std::string, std::string> files;
    double seconds = 0;
};

/// Parses `text` as content/bad/NAME, checks it and, when it has no errors, renders the
/// site into memory (without the PDF). Every page written must be safe and UTF-8.
Outcome run_pipeline(const std::string& name, std::string text, bool render = true) {
    auto start = std::chrono::steady_clock::now();
    Outcome o;
    o.project.root = PLANC_SOURCE_DIR;
    Partnership p = parse_partnership_index("content/bad/_index.md", kIndex, o.diags);
    p.slug = "bad";
    p.index_path = "content/bad/_index.md";
    p.documents.push_back(parse_document("content/bad/" + name, std::move(text), o.diags));
    o.project.partnerships.push_back(std::move(p));
    check_project(o.project, o.diags);
    if (render && !o.diags.has_errors()) {
        MemoryOutput out;
        RenderOptions options;
        options.pdf = false;
        REQUIRE_NOTHROW(render_site(o.project, out, o.diags, options));
        o.files = std::move(out.files);
        for (const auto& [path, bytes] : o.files) {
            INFO(path);
            if (path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0) {
                CHECK(safety::find_unsafe_markup(bytes) == "");
                CHECK(valid_utf8(bytes));
            }
        }
    }
    o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return o;
}

std::string describe(const Diagnostics& diags) {
    std::ostringstream s;
    for (const auto& d : diags.items())
        s << info(d.code).code << "@" << d.location.span.line << ":" << d.location.span.column << " " << d.message
          << "\n";
    return s.str();
}

bool reported(const Diagnostics& diags, const std::string& expectation) {
    std::string code = expectation.substr(0, expectation.find('@'));
    std::string at = expectation.find('@') == std::string::npos ? "" : expectation.substr(expectation.find('@') + 1);
    for (const auto& d : diags.items()) {
        if (info(d.code).code != code) continue;
        if (at.empty() ||
            at == std::to_string(d.location.span.line) + ":" + std::to_string(d.location.span.column))
            return true;
    }
    return false;
}

struct Expectation {
    std::string file;
    std::vector<std::string> codes;  ///< empty: clean
};

std::vector<Expectation> read_expectations() {
    std::vector<Expectation> out;
    std::istringstream in(testing::read_file(testing::source_dir() + "/tests/bad-input/EXPECTED"));
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        Expectation e;
        words >> e.file;
        for (std::string w; words >> w;)
            if (w != "clean") e.codes.push_back(w);
        out.push_back(std::move(e));
    }
    return out;
}

/// Peak memory of the test process so far, in MB.
long peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

std::string repeat(std::string_view piece, std::size_t n) {
    std::string out;
    out.reserve(piece.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += piece;
    return out;
}

const std::string kFront = "---\ntitle: Generated\nyear: 2009/10\nperiod: 2008/09-2010/11\n---\n\n";

/// A temporary project folder, removed afterwards.
struct TempProject {
    stdfs::path root;
    TempProject() {
        std::string pattern = (stdfs::temp_directory_path() / "planc-bad-XXXXXX").string();
        root = mkdtemp(pattern.data());
        stdfs::create_directories(root / "content" / "bad");
        write("content/bad/_index.md", kIndex);
    }
    ~TempProject() {
        std::error_code ec;
        stdfs::remove_all(root, ec);
    }
    void write(const std::string& rel, const std::string& text) const {
        stdfs::create_directories((root / rel).parent_path());
        std::ofstream(root / rel, std::ios::binary) << text;
    }
};

bool loaded(const Project& project, const std::string& slug) {
    for (const auto& p : project.partnerships)
        for (const auto& d : p.documents)
            if (d.slug == slug) return true;
    return false;
}

}  // namespace

TEST_CASE("every bad input file gives the diagnostic EXPECTED names, and nothing crashes", "[bad-input]") {
    std::vector<Expectation> expectations = read_expectations();
    REQUIRE(expectations.size() >= 30);
    // Every file of the corpus has an expectation.
    for (const auto& entry : stdfs::directory_iterator(testing::source_dir() + "/tests/bad-input")) {
        std::string name = entry.path().filename().string();
        if (name == "EXPECTED" || name == ".gitattributes") continue;
        INFO("file without an expectation: " << name);
        CHECK(std::any_of(expectations.begin(), expectations.end(), [&](const Expectation& e) { return e.file == name; }));
    }
    for (const Expectation& e : expectations) {
        std::string text = testing::read_file(testing::source_dir() + "/tests/bad-input/" + e.file);
        Outcome o = run_pipeline(e.file, text);
        INFO(e.file << " gave:\n" << describe(o.diags));
        for (const std::string& code : e.codes) {
            INFO("expected " << code);
            CHECK(reported(o.diags, code));
        }
        for (const auto& d : o.diags.items()) {
            if (d.severity != Severity::Error) continue;
            std::string code(info(d.code).code);
            INFO("unexpected error " << code);
            CHECK(std::any_of(e.codes.begin(), e.codes.end(),
                              [&](const std::string& c) { return c.rfind(code, 0) == 0; }));
        }
        CHECK(o.seconds < kSecondsPerCase);
    }
}

TEST_CASE("line ends do not move positions: LF, CRLF, lone CR and a BOM give the same findings", "[bad-input]") {
    std::string text = testing::read_file(testing::source_dir() + "/tests/bad-input/crlf.md");
    std::string lf;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] != '\r') lf.push_back(text[i]);
    Outcome base = run_pipeline("2009-10.md", lf, false);
    for (const char* file : {"crlf.md", "lone-cr.md", "mixed-line-ends.md", "bom.md"}) {
        Outcome o = run_pipeline("2009-10.md", testing::read_file(testing::source_dir() + "/tests/bad-input/" + file), false);
        INFO(file);
        CHECK(describe(o.diags) == describe(base.diags));
        CHECK(o.project.partnerships[0].documents[0].title == "Bad input");
    }
}

TEST_CASE("a 1 MB single line is read in bounded time", "[bad-input]") {
    std::string line;
    while (line.size() < (1u << 20)) line += "Anti-social behaviour (ASB) fell by *5%* in [Melton](https://example.org) and `NI 21` ";
    Outcome o = run_pipeline("2009-10.md", kFront + "## Introduction\n\n" + line + "\n");
    INFO(describe(o.diags).substr(0, 2000));
    CHECK_FALSE(o.diags.has_errors());
    CHECK(o.seconds < kSecondsPerCase);
    // One line of headings-like noise, no newline at all.
    Outcome bare = run_pipeline("2009-10.md", std::string(1u << 20, '#'), false);
    CHECK(reported(bare.diags, "E001@1:1"));
}

TEST_CASE("a 50 MB document is refused with E002 before it is parsed, and a large plan under the limit is read",
          "[bad-input]") {
    std::string section = "## Section\n\nTo reduce anti-social behaviour by 5% by 2010/11 based on 2008/09 baseline.\n\n";
    std::string huge = kFront + repeat(section, (50u << 20) / section.size());
    REQUIRE(huge.size() > (50u << 20) - section.size());
    auto start = std::chrono::steady_clock::now();
    Diagnostics diags;
    Document doc = parse_document("content/bad/huge.md", huge, diags);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].code == DiagCode::E002);
    CHECK(diags.items()[0].message == "file is 51 MB: a plan is at most 10 MB of text; is this the right file?");
    CHECK(seconds < 2.0);
    CHECK(doc.sections.empty());

    // From disk: the loader does not even read it.
    TempProject project;
    project.write("content/bad/huge.md", huge);
    huge.clear();
    huge.shrink_to_fit();
    Diagnostics load_diags;
    Project loaded_project = load_project(project.root.string(), load_diags);
    CHECK(reported(load_diags, "E002"));
    CHECK_FALSE(loaded(loaded_project, "huge"));

    // 1 MB of ordinary plan text is read whole.
    std::string plan = kFront;
    for (int i = 0; plan.size() < (1u << 20); ++i)
        plan += "## Section " + std::to_string(i) +
                "\n\nTo reduce anti-social behaviour by 5% by 2010/11 based on 2008/09 baseline.\n\n";
    Outcome o = run_pipeline("2009-10.md", plan, false);
    INFO(describe(o.diags).substr(0, 2000));
    CHECK_FALSE(o.diags.has_errors());
    CHECK(o.project.partnerships[0].documents[0].sections.size() > 10000);
    CHECK(o.seconds < kSecondsPerCase);
}

TEST_CASE("10,000 priorities are read and checked in bounded time", "[bad-input]") {
    std::string body;
    for (int i = 1; i <= 10000; ++i)
        body += "## Priority " + std::to_string(i) + ": Theme " + std::to_string(i) +
                "\n\n### Targets\n\n1. To reduce burglary by " + std::to_string(i % 50) +
                "% by 2010/11 based on 2008/09 baseline.\n\n";
    Outcome o = run_pipeline("2009-10.md", kFront + body, false);
    INFO(o.seconds);
    REQUIRE(o.project.partnerships[0].documents[0].priorities.size() == 10000);
    CHECK_FALSE(o.diags.has_errors());
    CHECK(reported(o.diags, "W110"));  // no leads
    CHECK(o.seconds < kSecondsPerCase);
}

TEST_CASE("a 100,000-word target sentence is read in bounded time", "[bad-input]") {
    std::string sentence = "To reduce the levels of " + repeat("reported ", 100000) + "crime by 5% by 2010/11 based on 2008/09 baseline.";
    auto start = std::chrono::steady_clock::now();
    Target t = read_target_sentence(sentence);
    double direct = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(t.verb == "reduce");
    CHECK(direct < kSecondsPerCase);
    Outcome o = run_pipeline("2009-10.md", kFront + "## Priority 1: Crime\n\nLead: Police\n\n### Targets\n\n1. " + sentence + "\n",
                             false);
    CHECK_FALSE(o.diags.has_errors());
    REQUIRE(o.project.partnerships[0].documents[0].priorities.size() == 1);
    CHECK(o.project.partnerships[0].documents[0].priorities[0].targets.size() == 1);
    CHECK(o.seconds < kSecondsPerCase);
    // Without a newline, one 100,000-word paragraph of placeholders.
    Outcome gaps = run_pipeline("2009-10.md", kFront + "## Notes\n\n" + repeat("TBC ", 100000), false);
    CHECK(gaps.seconds < kSecondsPerCase);
}

TEST_CASE("a 5,000-column table is read in bounded time", "[bad-input]") {
    std::string header = "|" + repeat(" Indicator | Value |", 2500) + "\n";
    std::string rule = "|" + repeat("---|", 5000) + "\n";
    std::string row = "|" + repeat(" NI 1 | 5 |", 2500) + "\n";
    Outcome o = run_pipeline("2009-10.md", kFront + "## Performance\n\n" + header + rule + row + row);
    CHECK_FALSE(o.diags.has_errors());
    const auto& sections = o.project.partnerships[0].documents[0].sections;
    REQUIRE_FALSE(sections.empty());
    REQUIRE_FALSE(sections[0].blocks.empty());
    CHECK(sections[0].blocks[0].table->header.cells.size() == 5000);
    CHECK(o.seconds < kSecondsPerCase);
}

TEST_CASE("10,000-deep nesting of lists, quotes, emphasis, raw HTML and YAML is read without a crash",
          "[bad-input]") {
    const std::size_t n = 10000;
    std::vector<std::pair<std::string, std::string>> cases = {
        {"bullet lists", repeat("- ", n) + "deep\n"},
        {"numbered lists", repeat("1. ", n) + "deep\n"},
        {"block quotes", repeat("> ", n) + "deep\n"},
        {"quotes and lists", repeat("> - ", n / 2) + "deep\n"},
        {"indented lists", [&] {
             std::string s;
             for (std::size_t i = 0; i < 300; ++i) s += std::string(i * 2, ' ') + "- level " + std::to_string(i) + "\n";
             return s;
         }()},
        {"emphasis", repeat("*", n) + "deep" + repeat("*", n) + "\n"},
        {"strong and emphasis", repeat("**a *b ", n / 4) + "deep" + repeat("* b**", n / 4) + "\n"},
        {"strikethrough", repeat("~~a ", n / 4) + "deep" + repeat(" a~~", n / 4) + "\n"},
        {"brackets", repeat("[", n) + "deep" + repeat("](https://example.org/)", n) + "\n"},
        {"images in links", repeat("[![", n / 2) + "deep" + repeat("](https://example.org/a.png)](https://example.org/)", n / 2) + "\n"},
        {"raw HTML lists", repeat("<ul><li>", n) + "deep" + repeat("</li></ul>", n) + "\n"},
        {"raw HTML divs", repeat("<div>", n) + "deep" + repeat("</div>", n) + "\n"},
        {"raw HTML bold", "<p>" + repeat("<b>", n) + "deep" + repeat("</b>", n) + "</p>\n"},
        {"raw HTML tables", repeat("<table><tr><td>", n / 3) + "deep" + repeat("</td></tr></table>", n / 3) + "\n"},
        {"inline HTML bold", "Text " + repeat("<b>", n) + "deep" + repeat("</b>", n) + " end\n"},
        {"inline HTML sup", "Text " + repeat("<sup>", n) + "deep\n"},
        {"unclosed HTML", repeat("<ul><li>", n) + "deep\n"},
    };
    for (const auto& [what, body] : cases) {
        INFO(what);
        Outcome o = run_pipeline("2009-10.md", kFront + "## Deep\n\n" + body);
        INFO(describe(o.diags).substr(0, 2000));
        CHECK_FALSE(o.diags.has_errors());
        CHECK(o.seconds < kSecondsPerCase);
        // The words are kept.
        std::string all;
        for (const auto& [path, bytes] : o.files)
            if (path == "bad/2009-10/index.html") all = bytes;
        CHECK(all.find("deep") != std::string::npos);
    }
    for (const std::string& yaml : {"title: " + repeat("[", n) + repeat("]", n), "title: " + repeat("{a: ", n) + repeat("}", n),
                                    "title: x\n" + [&] {
                                        std::string s;
                                        for (std::size_t i = 0; i < 2000; ++i) s += std::string(i, ' ') + "k" + std::to_string(i) + ":\n";
                                        return s;
                                    }()}) {
        Outcome o = run_pipeline("2009-10.md", "---\n" + yaml + "\n---\n\nText.\n", false);
        CHECK(o.seconds < kSecondsPerCase);
        CHECK(reported(o.diags, "E001"));
    }
}

TEST_CASE("file and folder names with spaces or non-ASCII letters are refused by name", "[bad-input]") {
    TempProject project;
    project.write("content/bad/2009-10.md", kFront + "Text.\n");
    project.write("content/bad/my plan.md", kFront + "Text.\n");
    project.write("content/bad/pl\xC3\xA4n.md", kFront + "Text.\n");
    project.write("content/Bad Folder/_index.md", kIndex);
    project.write("content/\xC3\xBC" "ber/_index.md", kIndex);
    Diagnostics diags;
    Project p = load_project(project.root.string(), diags);
    INFO(describe(diags));
    CHECK(loaded(p, "2009-10"));
    CHECK_FALSE(loaded(p, "my plan"));
    std::size_t names = 0;
    for (const auto& d : diags.items())
        if (d.code == DiagCode::E003 && d.message.find("cannot be used in a web address") != std::string::npos) ++names;
    CHECK(names == 4);
    CHECK(p.partnerships.size() == 1);
}

TEST_CASE("a symbolic link that leaves content/ is an E005 and is never followed", "[bad-input]") {
    TempProject project;
    project.write("content/bad/2009-10.md", kFront + "![Map](map.png)\n");
    // Outside the content folder: a secret file, a folder of them, and a plan.
    TempProject outside;
    outside.write("secret.md", "---\ntitle: SECRET-PLAN-TEXT\n---\nSECRET\n");
    outside.write("passwords.png", "SECRET-IMAGE-BYTES");
    outside.write("content/other/_index.md", kIndex);
    stdfs::create_symlink(outside.root / "secret.md", project.root / "content/bad/2010-11.md");
    stdfs::create_symlink(outside.root / "passwords.png", project.root / "content/bad/map.png");
    stdfs::create_symlink(outside.root / "content/other", project.root / "content/other");
    stdfs::create_symlink(outside.root / "secret.md", project.root / "content/bad/deeper-index.md");
    stdfs::create_directories(project.root / "content/bad/images");
    stdfs::create_symlink("../../../../" + outside.root.filename().string() + "/passwords.png",
                          project.root / "content/bad/images/chart.png");
    // A link that stays inside content/ is fine.
    stdfs::create_symlink("2009-10.md", project.root / "content/bad/2011-12.md");
    Diagnostics diags;
    Project p = load_project(project.root.string(), diags);
    INFO(describe(diags));
    std::vector<std::string> unsafe;
    for (const auto& d : diags.items())
        if (d.code == DiagCode::E005) unsafe.push_back(d.location.file);
    std::sort(unsafe.begin(), unsafe.end());
    CHECK(unsafe == std::vector<std::string>{"content/bad/2010-11.md", "content/bad/deeper-index.md",
                                             "content/bad/images/chart.png", "content/bad/map.png", "content/other"});
    CHECK_FALSE(loaded(p, "2010-11"));
    CHECK_FALSE(loaded(p, "deeper-index"));
    CHECK(loaded(p, "2009-10"));
    CHECK(loaded(p, "2011-12"));
    for (const auto& part : p.partnerships) {
        CHECK(part.slug != "other");
        for (const auto& d : part.documents) CHECK(d.source.find("SECRET") == std::string::npos);
    }
    // The build stops on the error, so nothing outside is ever copied into a site.
    CHECK(diags.has_errors());
}

TEST_CASE("a FIFO or device named like a plan is refused, not read", "[bad-input]") {
    TempProject project;
    project.write("content/bad/2009-10.md", kFront + "Text.\n");
    REQUIRE(mkfifo((project.root / "content/bad/2010-11.md").c_str(), 0600) == 0);
    REQUIRE(mkfifo((project.root / "planc.yml").c_str(), 0600) == 0);
    Diagnostics diags;
    Project p = load_project(project.root.string(), diags);  // would block forever if it read them
    INFO(describe(diags));
    CHECK(loaded(p, "2009-10"));
    CHECK(reported(diags, "E002"));
    bool fifo_named = false;
    for (const auto& d : diags.items())
        if (d.code == DiagCode::E002 && d.location.file == "planc.yml") fifo_named = true;
    CHECK(fifo_named);
}

TEST_CASE("the generated cases stay within a bounded amount of memory", "[bad-input]") {
    // Run after the cases above in the same process (Catch2 runs in declaration order).
    INFO("peak RSS " << peak_rss_mb() << " MB");
    CHECK(peak_rss_mb() < 3000);
}
