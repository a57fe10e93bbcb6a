#pragma once
// What a long build shows while it runs: on a terminal a bar that redraws in place,
// elsewhere one plain line per step. Nothing at all for builds under a second, so the
// common case stays quiet.

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <mutex>
#include <string>
#include <vector>

namespace planc::cli {

class BuildProgress {
public:
    BuildProgress(std::ostream& out, bool terminal);
    /// How much of the bar each step fills, in step order (they need not add up to 1;
    /// they are scaled). By default every step fills the same.
    void set_step_shares(std::vector<double> shares);
    /// Starts a named step ("loading", "checking", "rendering", ...) of `total` steps.
    void step(const std::string& name, std::size_t index, std::size_t total);
    /// `done` of `total` documents of the current step are finished. Safe from several
    /// threads at once; redraws at most a few times a second (terminal) or once a second
    /// (plain lines), and not at all in the first second.
    void documents(std::size_t done, std::size_t total);
    /// Clears the bar (terminal) before the final summary is printed.
    void finish();
    /// Milliseconds since the build started.
    [[nodiscard]] long long elapsed_ms() const;

private:
    void draw();

    /// The part of the bar filled when the step `index` starts, and its share.
    [[nodiscard]] double filled_before(std::size_t index) const;
    [[nodiscard]] double share_of(std::size_t index) const;

    std::vector<double> shares_;
    std::mutex mutex_;  ///< documents() is called from every worker thread
    std::size_t done_ = 0;
    std::size_t of_ = 0;  ///< documents in the current step; 0: the step has no count
    long long drawn_ms_ = -1;
    std::ostream& out_;
    bool terminal_;
    std::chrono::steady_clock::time_point started_;
    std::string name_;
    std::size_t index_ = 0;
    std::size_t total_ = 1;
    bool shown_ = false;
};

}  // namespace planc::cli
