// planc explain CODE: the long text of a diagnostic code.

#include <iostream>

#include "cli/cli.hpp"

namespace planc::cli {

int run_explain(const std::vector<std::string>& words) {
    if (words.size() != 1) {
        std::cerr << "planc explain: name one code, e.g. planc explain W101\n";
        return kExitUsage;
    }
    auto code = find_code(words.front());
    if (!code) {
        std::cerr << "planc explain: there is no code `" << words.front() << "`; codes are E001-E005 and W101-W119\n";
        return kExitUsage;
    }
    // The explanation opens with its own title line ("# W101 target-gap").
    std::cout << explanation(*code);
    if (!explanation(*code).empty() && explanation(*code).back() != '\n') std::cout << "\n";
    return kExitOk;
}

}  // namespace planc::cli
