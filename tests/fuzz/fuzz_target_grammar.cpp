// libFuzzer target: the target grammar and the date readers on any text (see
// fuzz_bodies.hpp for what must hold). Built and run by tests/fuzz/run.sh.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz_bodies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size > 64 * 1024) return -1;
    std::string problem =
        planc::fuzz::check_target_grammar(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!problem.empty()) {
        std::fprintf(stderr, "fuzz_target_grammar: invariant broken: %s (input of %zu bytes)\n", problem.c_str(), size);
        std::abort();
    }
    return 0;
}
