#pragma once
/// Runs independent jobs on every core. Each job writes only its own result slot, and
/// callers merge the slots in index order afterwards, so what comes out is the same as
/// running the jobs one after another (the build's output must be byte-identical
/// whatever the number of threads).

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace planc {

/// When not 0, the number of threads parallel_for uses instead of one per core (tests use
/// it to compare one thread with many).
inline std::atomic<unsigned> worker_override{0};

/// How many threads parallel_for uses at most: the cores the machine has.
inline unsigned worker_count() {
    unsigned forced = worker_override.load();
    return forced ? forced : std::max(1u, std::thread::hardware_concurrency());
}

/// Calls job(i) for every i in [0, count), on up to worker_count() threads (the calling
/// thread is one of them). If jobs throw, the others stop taking new work and the
/// exception of the lowest index that threw is rethrown here, as a sequential loop
/// would have rethrown it.
template <class Job>
void parallel_for(std::size_t count, Job&& job) {
    std::atomic<std::size_t> next{0};
    std::atomic<bool> failed{false};
    std::vector<std::exception_ptr> errors(count);
    auto work = [&] {
        // A job once taken always runs: every job before one that threw was taken before
        // it, so the lowest index that throws is always among those that ran.
        while (!failed.load()) {
            std::size_t i = next++;
            if (i >= count) break;
            try {
                job(i);
            } catch (...) {
                errors[i] = std::current_exception();
                failed = true;
            }
        }
    };
    std::size_t threads = std::min<std::size_t>(worker_count(), count);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    for (const std::exception_ptr& e : errors)
        if (e) std::rethrow_exception(e);
}

}  // namespace planc
