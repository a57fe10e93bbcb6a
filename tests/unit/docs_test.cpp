// docs/diagnostics.md is the intro plus every code's explanation, generated from the same
// table `planc explain` reads, so the docs cannot drift from the tool.
// PLANC_UPDATE_GOLDEN=1 rewrites it.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "planc/diagnostics.hpp"
#include "test_support.hpp"

using namespace planc;

namespace {

/// An explanation with its headings one level deeper, to sit under "## Codes".
std::string demoted(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    bool in_code = false;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (line.rfind("```", 0) == 0) in_code = !in_code;
        if (!in_code && line.rfind("#", 0) == 0) out += "##";
        out += line;
        out += '\n';
        start = end + 1;
    }
    return out;
}

}  // namespace

TEST_CASE("docs/diagnostics.md explains every code, as planc explain does", "[docs]") {
    std::string expected = planc::testing::read_file(planc::testing::source_dir() + "/docs/diagnostics-intro.md");
    for (const DiagInfo& i : diagnostic_table()) {
        expected += "\n";
        expected += demoted(explanation(i.id));
    }
    std::string path = planc::testing::source_dir() + "/docs/diagnostics.md";
    const char* update = std::getenv("PLANC_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") std::ofstream(path, std::ios::binary) << expected;
    INFO("regenerate with PLANC_UPDATE_GOLDEN=1 after changing an explanation or docs/diagnostics-intro.md");
    CHECK(planc::testing::read_file(path) == expected);
}
