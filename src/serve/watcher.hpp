#pragma once
// Watches a project's sources with inotify (Linux): content/ and themes/ with every
// folder under them (new folders are watched as they appear), and planc.yml. Events are
// gathered into batches: a batch ends when the files have been quiet for a moment, so an
// editor's save (write a temporary file, rename it over the old one) is one change.

#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>

namespace planc::serve {

/// What changed in one burst of events.
struct ChangeBatch {
    std::set<std::string> paths;  ///< relative to the project root: "content/melton/2009-10.md", "planc.yml"
    bool overflow = false;        ///< the kernel dropped events: anything may have changed
    std::chrono::steady_clock::time_point first_event;  ///< when the first event of the burst was read
};

class Watcher {
public:
    /// Starts watching `root`. Throws std::runtime_error when inotify cannot be used.
    explicit Watcher(std::string root);
    ~Watcher();
    Watcher(const Watcher&) = delete;
    Watcher& operator=(const Watcher&) = delete;

    /// Waits for the next burst of changes: returns when nothing more has happened for
    /// `quiet`, or `longest` after the first event. Returns nothing when `stop_fd` becomes
    /// readable first.
    std::optional<ChangeBatch> wait(int stop_fd, std::chrono::milliseconds quiet,
                                    std::chrono::milliseconds longest);

private:
    void watch_tree(const std::string& relative);
    void watch_folder(const std::string& relative);
    /// Reads what is pending; false when nothing was.
    bool drain(ChangeBatch& batch);

    std::string root_;
    int fd_ = -1;
    int root_wd_ = -1;
    std::unordered_map<int, std::string> folders_;  ///< watch descriptor -> folder relative to the root
};

}  // namespace planc::serve
