// Golden diagnostics of the seed documents: `planc check content/<p>/<slug>.md
// --format=json` must equal tests/golden/diagnostics/<p>--<slug>.json byte for byte.
// PLANC_UPDATE_GOLDEN=1 rewrites the files (review every change by eye before committing).
// The expectations a reviewer checked by hand against the seeds are asserted separately,
// so a golden cannot drift away from them unnoticed.

#include <catch2/catch.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

using planc::testing::read_file;
using planc::testing::source_dir;

namespace {

/// Runs planc in the source folder, so that paths read "content/...".
std::string run_check(const std::string& document) {
    std::string command =
        "cd '" + source_dir() + "' && '" + PLANC_BINARY + "' check '" + document + "' --format=json 2>/dev/null";
    std::string out;
    if (FILE* pipe = popen(command.c_str(), "r")) {
        std::array<char, 4096> buffer{};
        std::size_t n = 0;
        while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
        pclose(pipe);
    }
    return out;
}

struct Seed {
    const char* partnership;
    const char* slug;
};

constexpr std::array<Seed, 5> kSeeds = {{
    {"charnwood", "2005-08"},
    {"melton", "2009-10"},
    {"melton", "2020-03-scrutiny"},
    {"north-west-leicestershire", "2009-10"},
    {"south-derbyshire", "2011-14"},
}};

std::string golden_path(const Seed& s) {
    return source_dir() + "/tests/golden/diagnostics/" + s.partnership + "--" + s.slug + ".json";
}

nlohmann::json golden(const Seed& s) { return nlohmann::json::parse(read_file(golden_path(s))); }

/// The findings of one code, as (line, column) pairs.
std::vector<std::pair<int, int>> at(const nlohmann::json& report, const std::string& code) {
    std::vector<std::pair<int, int>> out;
    for (const auto& d : report["diagnostics"])
        if (d["code"] == code) out.emplace_back(d["line"].get<int>(), d["column"].get<int>());
    return out;
}

}  // namespace

TEST_CASE("the seed documents' diagnostics match their golden files", "[check][golden]") {
    bool update = std::getenv("PLANC_UPDATE_GOLDEN") != nullptr;
    for (const Seed& s : kSeeds) {
        std::string document = std::string("content/") + s.partnership + "/" + s.slug + ".md";
        INFO(document);
        std::string actual = run_check(document);
        REQUIRE_FALSE(actual.empty());
        if (update) {
            std::ofstream(golden_path(s), std::ios::binary) << actual;
            continue;
        }
        std::string expected = read_file(golden_path(s));
        INFO("run with PLANC_UPDATE_GOLDEN=1 to rewrite " << golden_path(s) << ", then review the diff");
        CHECK(actual == expected);
    }
}

TEST_CASE("Melton 2009/10: a W101 at each of the five gapped targets, W108 for the repeat, no W105",
          "[check][golden]") {
    auto report = golden(kSeeds[1]);
    // Priority 2 target 4 ("by....by"), priority 3 target 2 ("by... based on (TBC)"),
    // priority 4 target 3, priority 6 targets 1 and 2: each at its placeholder.
    CHECK(at(report, "W101") ==
          std::vector<std::pair<int, int>>{{143, 441}, {176, 67}, {209, 66}, {264, 91}, {265, 94}});
    CHECK(at(report, "W108") == std::vector<std::pair<int, int>>{{210, 4}});
    CHECK(at(report, "W105").empty());
}

TEST_CASE("North West Leicestershire 2009/10: W109 for each of five priorities, W114 for the TBC rows",
          "[check][golden]") {
    auto report = golden(kSeeds[3]);
    CHECK(at(report, "W109").size() == 5);
    auto w114 = at(report, "W114");
    REQUIRE(w114.size() == 5);
    for (int row = 0; row < 5; ++row) CHECK(w114[static_cast<std::size_t>(row)].first == 70 + row);
}

TEST_CASE("Charnwood 2005-2008: no arithmetic or direction finding", "[check][golden]") {
    auto report = golden(kSeeds[0]);
    CHECK(at(report, "W105").empty());
    CHECK(at(report, "W106").empty());
}

TEST_CASE("South Derbyshire 2011-2014: W107 for \"by March 2016\", W113 for NI 20", "[check][golden]") {
    auto report = golden(kSeeds[4]);
    CHECK(at(report, "W107") == std::vector<std::pair<int, int>>{{717, 94}});
    auto w113 = at(report, "W113");
    REQUIRE(w113.size() == 1);
    CHECK(w113[0] == std::pair<int, int>{644, 3});
    for (const auto& d : report["diagnostics"])
        if (d["code"] == "W113") CHECK(d["message"].get<std::string>().rfind("NI 20 ", 0) == 0);
    CHECK(at(report, "W115").empty());
}

TEST_CASE("Melton 2020 report: W117 for \"To follow from Police\", and a consistent survey", "[check][golden]") {
    auto report = golden(kSeeds[2]);
    CHECK(at(report, "W117") == std::vector<std::pair<int, int>>{{89, 1}, {93, 3}});
    CHECK(at(report, "W115").empty());
}
