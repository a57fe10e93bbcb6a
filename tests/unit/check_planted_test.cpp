// Planted defects: two realistic plans (tests/fixtures/planted/content/) written with known
// defects and known clean lines, listed in tests/fixtures/planted/expectations.txt. The
// checks must find at least 90% of the defects, each with its code on its line, and
// report nothing at all on a clean line.

#include <catch2/catch.hpp>

#include <set>
#include <sstream>
#include <tuple>

#include "planc/check.hpp"
#include "planc/load.hpp"
#include "test_support.hpp"

using namespace planc;
using planc::testing::read_file;
using planc::testing::source_dir;

namespace {

struct Expectation {
    std::string file;
    std::uint32_t line = 0;
    std::string code;  ///< "W101", or "clean"
};

std::vector<Expectation> read_expectations(const std::string& path) {
    std::vector<Expectation> out;
    std::istringstream in(read_file(path));
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream words(line);
        Expectation e;
        words >> e.file >> e.line >> e.code;
        if (!e.file.empty() && e.line > 0 && !e.code.empty()) out.push_back(e);
    }
    return out;
}

}  // namespace

TEST_CASE("the checks find the defects planted in two unseen plans and nothing on their clean lines",
          "[check][planted]") {
    std::string root = source_dir() + "/tests/fixtures/planted";
    auto expectations = read_expectations(root + "/expectations.txt");
    REQUIRE(expectations.size() > 40);

    Diagnostics diags;
    Project project = load_project(root, diags);
    REQUIRE(project.partnerships.size() == 2);
    check_project(project, diags);

    std::set<std::tuple<std::string, std::uint32_t, std::string>> reported;
    for (const Diagnostic& d : diags.items())
        reported.insert({d.location.file, d.location.span.line, std::string(info(d.code).code)});

    std::size_t planted = 0;
    std::size_t found = 0;
    std::size_t clean_lines = 0;
    std::size_t false_positives = 0;
    for (const Expectation& e : expectations) {
        if (e.code == "clean") {
            ++clean_lines;
            for (const auto& [file, line, code] : reported) {
                if (file != e.file || line != e.line) continue;
                ++false_positives;
                UNSCOPED_INFO("finding " << code << " on clean line " << file << ":" << line);
            }
            continue;
        }
        ++planted;
        if (reported.count({e.file, e.line, e.code})) {
            ++found;
        } else {
            UNSCOPED_INFO("planted " << e.code << " at " << e.file << ":" << e.line << " was not found");
        }
    }
    double recall = planted ? static_cast<double>(found) / static_cast<double>(planted) : 0;
    INFO("planted " << planted << ", found " << found << " (recall " << recall << "); " << clean_lines
                    << " clean lines, " << false_positives << " false positives");
    CHECK(planted >= 30);
    CHECK(recall >= 0.9);
    CHECK(false_positives == 0);
}
