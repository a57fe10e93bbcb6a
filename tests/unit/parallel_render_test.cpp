// planc build renders partnerships and documents on every core. What it writes, and what
// it reports, must be the same bytes as a single-threaded build, whatever the number of
// threads and however the jobs interleave.

#include <catch2/catch.hpp>

#include <boost/filesystem.hpp>

#include <atomic>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "planc/build.hpp"
#include "planc/load.hpp"
#include "planc/parallel.hpp"
#include "test_support.hpp"

namespace fs = boost::filesystem;

namespace {

/// Sets the number of render threads for one scope.
struct Threads {
    explicit Threads(unsigned n) { planc::worker_override = n; }
    ~Threads() { planc::worker_override = 0; }
};

struct Rendered {
    std::map<std::string, std::string> files;
    std::vector<std::string> findings;
};

Rendered render_seeds(unsigned threads) {
    Threads use(threads);
    planc::Diagnostics load_diags;
    planc::Project project = planc::load_project(planc::testing::source_dir(), load_diags);
    planc::MemoryOutput out;
    planc::Diagnostics diags;
    planc::BuildOptions options;
    options.leaflet_pdf = false;
    planc::render_project(project, out, diags, options);
    Rendered r{out.files, {}};
    for (const planc::Diagnostic& d : diags.items())
        r.findings.push_back(d.location.file + ":" + std::to_string(d.location.span.line) + " " + d.message);
    return r;
}

std::map<std::string, std::string> read_tree(const fs::path& root) {
    std::map<std::string, std::string> files;
    for (fs::recursive_directory_iterator it(root), end; it != end; ++it) {
        if (!fs::is_regular_file(it->path())) continue;
        std::ifstream in(it->path().string(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        files[fs::relative(it->path(), root).generic_string()] = bytes.str();
    }
    return files;
}

}  // namespace

TEST_CASE("the site rendered on many threads is the site rendered on one, byte for byte", "[render][parallel]") {
    Rendered one = render_seeds(1);
    REQUIRE(one.files.size() > 40);
    for (unsigned threads : {2u, 3u, 8u}) {
        for (int round = 0; round < 3; ++round) {  // different interleavings
            INFO(threads << " threads, round " << round);
            Rendered many = render_seeds(threads);
            REQUIRE(many.files.size() == one.files.size());
            for (const auto& [path, bytes] : one.files) {
                INFO(path);
                auto it = many.files.find(path);
                REQUIRE(it != many.files.end());
                CHECK(it->second == bytes);
            }
            CHECK(many.findings == one.findings);
        }
    }
}

TEST_CASE("a folder written by several threads holds exactly what one thread writes", "[render][parallel]") {
    fs::path base = fs::temp_directory_path() / fs::unique_path("planc-parallel-%%%%-%%%%");
    planc::Diagnostics load_diags;
    planc::Project project = planc::load_project(planc::testing::source_dir(), load_diags);
    std::map<std::string, std::string> trees[2];
    for (unsigned threads : {1u, 4u}) {
        Threads use(threads);
        fs::path dir = base / std::to_string(threads);
        planc::DirectoryOutput out(dir.string());
        planc::Diagnostics diags;
        planc::BuildOptions options;
        options.leaflet_pdf = false;
        planc::render_project(project, out, diags, options);
        CHECK_FALSE(diags.has_errors());
        trees[threads == 1 ? 0 : 1] = read_tree(dir);
        CHECK(out.files_written() == trees[threads == 1 ? 0 : 1].size());
    }
    fs::remove_all(base);
    CHECK(trees[0] == trees[1]);
}

TEST_CASE("parallel_for runs every job once and rethrows the first failure in job order", "[parallel]") {
    Threads use(4);
    std::vector<std::atomic<int>> runs(200);
    planc::parallel_for(runs.size(), [&](std::size_t i) { ++runs[i]; });
    for (const auto& r : runs) CHECK(r.load() == 1);

    try {
        planc::parallel_for(50, [&](std::size_t i) {
            if (i == 7 || i == 30) throw std::runtime_error("job " + std::to_string(i));
        });
        FAIL("no exception");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()) == "job 7");
    }
}
