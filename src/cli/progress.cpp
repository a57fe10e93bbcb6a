#include "cli/progress.hpp"

#include <ostream>

namespace planc::cli {

namespace {
constexpr long long kQuietMs = 1000;  // builds shorter than this show no progress
constexpr std::size_t kBarWidth = 24;
}  // namespace

BuildProgress::BuildProgress(std::ostream& out, bool terminal)
    : out_(out), terminal_(terminal), started_(std::chrono::steady_clock::now()) {}

long long BuildProgress::elapsed_ms() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started_).count();
}

void BuildProgress::step(const std::string& name, std::size_t index, std::size_t total) {
    name_ = name;
    index_ = index;
    total_ = total ? total : 1;
    if (elapsed_ms() < kQuietMs) return;
    draw();
}

void BuildProgress::draw() {
    if (terminal_) {
        std::size_t filled = kBarWidth * index_ / total_;
        out_ << "\r\x1b[2K[" << std::string(filled, '#') << std::string(kBarWidth - filled, ' ') << "] " << index_ << "/"
             << total_ << " " << name_ << "..." << std::flush;
    } else {
        out_ << "planc: " << name_ << " (step " << index_ + 1 << " of " << total_ << ", " << elapsed_ms() << " ms)\n"
             << std::flush;
    }
    shown_ = true;
}

void BuildProgress::finish() {
    if (shown_ && terminal_) out_ << "\r\x1b[2K" << std::flush;
    shown_ = false;
}

}  // namespace planc::cli
