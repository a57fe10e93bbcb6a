// Every input the fuzzers (tests/fuzz/) or the hostile-input work found to crash, hang or
// break a property is kept in tests/fuzz/regressions/ and replayed here through the same
// code the fuzzer runs (tests/fuzz/fuzz_bodies.hpp), in the normal and the sanitizer
// builds. A file's name says which target it belongs to: fuzz_document-NAME or
// fuzz_target_grammar-NAME.

#include <catch2/catch.hpp>

#include <filesystem>

#include "../fuzz/fuzz_bodies.hpp"
#include "test_support.hpp"

namespace stdfs = std::filesystem;

TEST_CASE("inputs that once crashed or broke a property are read safely now", "[fuzz][bad-input]") {
    std::size_t replayed = 0;
    for (const auto& entry : stdfs::directory_iterator(planc::testing::source_dir() + "/tests/fuzz/regressions")) {
        std::string name = entry.path().filename().string();
        std::string bytes = planc::testing::read_file(entry.path().string());
        INFO(name);
        if (name.rfind("fuzz_document-", 0) == 0) {
            CHECK(planc::fuzz::check_document(bytes, planc::testing::source_dir()) == "");
            ++replayed;
        } else if (name.rfind("fuzz_target_grammar-", 0) == 0) {
            CHECK(planc::fuzz::check_target_grammar(bytes) == "");
            ++replayed;
        } else {
            CHECK((name == "README.md" || name == ".gitattributes"));
        }
    }
    CHECK(replayed > 0);
}
