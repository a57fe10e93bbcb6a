// Memory the commands hand over to the end of the process (see cli.hpp).

#include <memory>
#include <vector>

#include "cli/cli.hpp"

namespace planc::cli {

Project& keep_until_exit(Project&& project) {
    // Held from a pointer that is never freed, so leak checkers see it as still in use.
    static auto* kept = new std::vector<Project*>();
    kept->push_back(new Project(std::move(project)));
    return *kept->back();
}

}  // namespace planc::cli
