// libFuzzer target: the whole pipeline on one document (see fuzz_bodies.hpp for what is
// run and what must hold). Built and run by tests/fuzz/run.sh.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz_bodies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 256 * 1024) return -1;  // large inputs have their own tests (tests/unit/bad_input_test.cpp)
    std::string problem =
        planc::fuzz::check_document(std::string_view(reinterpret_cast<const char*>(data), size), PLANC_SOURCE_DIR);
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_document: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
