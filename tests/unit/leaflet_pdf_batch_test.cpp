// leaflet.pdf is printed by weasyprint's own command-line code run in one Python process
// per core (starting Python costs more than printing a leaflet). The PDFs must be the
// bytes a weasyprint process per leaflet gives, and a Python that cannot print must be
// reported for every leaflet, never skipped in silence.

#include <catch2/catch.hpp>

#include <boost/filesystem.hpp>

#include <cstdlib>
#include <fstream>

#include "planc/load.hpp"
#include "render/pages.hpp"
#include "render_test_support.hpp"
#include "test_support.hpp"

using namespace planc;
using namespace planc::render_test;
namespace fs = boost::filesystem;

namespace {

/// PATH with a folder holding a `weasyprint` of our own in front, for one scope.
struct FakeWeasyprint {
    fs::path dir = fs::temp_directory_path() / fs::unique_path("planc-fake-weasyprint-%%%%-%%%%");
    std::string old_path = std::getenv("PATH") ? std::getenv("PATH") : "";

    explicit FakeWeasyprint(const std::string& script) {
        fs::create_directories(dir);
        fs::path program = dir / "weasyprint";
        std::ofstream(program.string()) << script;
        fs::permissions(program, fs::owner_all | fs::group_read | fs::others_read);
        ::setenv("PATH", (dir.string() + ":" + old_path).c_str(), 1);
    }
    ~FakeWeasyprint() {
        ::setenv("PATH", old_path.c_str(), 1);
        boost::system::error_code ec;
        fs::remove_all(dir, ec);
    }
};

std::map<std::string, std::string> pdfs_of(const std::map<std::string, std::string>& files) {
    std::map<std::string, std::string> pdfs;
    for (const auto& [path, bytes] : files)
        if (path.size() > 4 && path.compare(path.size() - 4, 4, ".pdf") == 0) pdfs[path] = bytes;
    return pdfs;
}

}  // namespace

TEST_CASE("leaflets printed in one Python process are the bytes of a process per leaflet", "[render][pdf]") {
    if (!weasyprint_available()) {
        WARN("weasyprint is not installed: no PDF to check");
        return;
    }
    Diagnostics load_diags;
    Project project = load_project(planc::testing::source_dir(), load_diags);
    Diagnostics batch_diags;
    auto batch = pdfs_of(render(project, batch_diags, true));
    CHECK_FALSE(batch_diags.has_errors());
    REQUIRE(batch.size() >= 4);

    // A `weasyprint` that is not a Python script: planc runs it once per leaflet.
    FakeWeasyprint shell("#!/bin/sh\nexec /usr/bin/weasyprint \"$@\"\n");
    Diagnostics single_diags;
    auto single = pdfs_of(render(project, single_diags, true));
    CHECK_FALSE(single_diags.has_errors());
    CHECK(single == batch);
}

TEST_CASE("a Python that cannot print leaflets is reported for each leaflet", "[render][pdf]") {
    if (!weasyprint_available()) {
        WARN("weasyprint is not installed: nothing to compare with");
        return;
    }
    // -S: without site-packages there is no weasyprint module to import.
    FakeWeasyprint broken("#!/usr/bin/env python3 -S\n");
    Diagnostics diags;
    auto files = render(make_project({{"2009-10", kPlan}, {"2010-11", kPlan}}), diags, true);
    CHECK(pdfs_of(files).empty());
    std::size_t reported = 0;
    for (const Diagnostic& d : diags.items()) {
        if (d.code != DiagCode::E002) continue;
        ++reported;
        CHECK(d.message.find("weasyprint could not make testshire/20") == 0);
        CHECK(d.message.find("weasyprint") != std::string::npos);
        CHECK(d.message.find("No module named") != std::string::npos);
        CHECK(d.location.file.find("leaflet/index.html") != std::string::npos);
    }
    CHECK(reported == 2);
}
