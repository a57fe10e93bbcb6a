#include "cli/progress.hpp"

#include <algorithm>
#include <ostream>

namespace planc::cli {

namespace {
constexpr long long kQuietMs = 1000;  // builds shorter than this show no progress
constexpr std::size_t kBarWidth = 24;
constexpr long long kRedrawMs = 100;     // terminal bar
constexpr long long kPlainLineMs = 1000; // plain lines (a log file)
}  // namespace

BuildProgress::BuildProgress(std::ostream& out, bool terminal)
    : out_(out), terminal_(terminal), started_(std::chrono::steady_clock::now()) {}

long long BuildProgress::elapsed_ms() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started_).count();
}

void BuildProgress::set_step_shares(std::vector<double> shares) {
    std::lock_guard<std::mutex> lock(mutex_);
    shares_ = std::move(shares);
}

double BuildProgress::share_of(std::size_t index) const {
    if (shares_.size() != total_) return 1.0 / static_cast<double>(total_);
    double sum = 0;
    for (double s : shares_) sum += s;
    return sum > 0 ? shares_[index] / sum : 1.0 / static_cast<double>(total_);
}

double BuildProgress::filled_before(std::size_t index) const {
    double filled = 0;
    for (std::size_t i = 0; i < index && i < total_; ++i) filled += share_of(i);
    return filled;
}

void BuildProgress::step(const std::string& name, std::size_t index, std::size_t total) {
    std::lock_guard<std::mutex> lock(mutex_);
    of_ = 0;
    done_ = 0;
    name_ = name;
    index_ = index;
    total_ = total ? total : 1;
    if (elapsed_ms() < kQuietMs) return;
    draw();
}

void BuildProgress::documents(std::size_t done, std::size_t total) {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = std::max(done_, done);  // threads may report out of order
    of_ = total;
    long long now = elapsed_ms();
    if (now < kQuietMs) return;
    long long interval = terminal_ ? kRedrawMs : kPlainLineMs;
    if (drawn_ms_ >= 0 && now - drawn_ms_ < interval && done_ < of_) return;
    draw();
}

void BuildProgress::draw() {
    drawn_ms_ = elapsed_ms();
    // The bar fills by steps (each by its share), and within a step with documents by
    // documents done.
    double fraction = filled_before(index_);
    if (of_) fraction += static_cast<double>(done_) / static_cast<double>(of_) * share_of(index_);
    std::string count = of_ ? ", " + std::to_string(done_) + " of " + std::to_string(of_) + " documents" : "";
    if (terminal_) {
        auto filled = std::min(kBarWidth, static_cast<std::size_t>(fraction * static_cast<double>(kBarWidth)));
        out_ << "\r\x1b[2K[" << std::string(filled, '#') << std::string(kBarWidth - filled, ' ') << "] " << index_ + 1
             << "/" << total_ << " " << name_ << count << "..." << std::flush;
    } else {
        out_ << "planc: " << name_ << " (step " << index_ + 1 << " of " << total_ << count << ", " << drawn_ms_
             << " ms)\n"
             << std::flush;
    }
    shown_ = true;
}

void BuildProgress::finish() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (shown_ && terminal_) out_ << "\r\x1b[2K" << std::flush;
    shown_ = false;
}

}  // namespace planc::cli
