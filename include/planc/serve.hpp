#pragma once
/// `planc serve`: the live preview. Builds the site into memory, serves it over HTTP on
/// the loopback address, watches the sources and rebuilds only what a change touches;
/// open pages reload through server-sent events, and a save that breaks the build shows
/// its findings over the page while the last good site stays served.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "planc/diagnostics.hpp"
#include "planc/model.hpp"

namespace planc {

struct ServeOptions {
    std::string project = ".";         ///< the project folder (holds planc.yml and content/)
    std::string bind = "127.0.0.1";    ///< address to listen on; loopback unless the user says otherwise
    std::uint16_t port = 1313;         ///< 0: any free port (see LivePreview::port)
    std::size_t max_connections = 64;  ///< connections at once, event streams included; more are closed
    std::size_t max_request_bytes = 16 * 1024;      ///< request line, headers and body together
    std::chrono::milliseconds read_timeout{10000};  ///< to receive a whole request, and idle keep-alive
    std::chrono::milliseconds debounce{8};          ///< quiet time that ends a burst of file events
    std::chrono::milliseconds longest_burst{150};   ///< a burst is cut after this long
    bool timing = false;                            ///< also log how long each step of a rebuild took
    /// One line for the terminal ("rebuilt melton/2009-10 in 12 ms: 7 pages"), no newline.
    std::function<void(std::string_view line)> log;
    /// Findings of a build that failed, to print (the CLI prints them in human format).
    std::function<void(const Diagnostics& findings, const Project& project)> report;
};

/// The live preview of one project.
class LivePreview {
public:
    explicit LivePreview(ServeOptions options);
    ~LivePreview();
    LivePreview(const LivePreview&) = delete;
    LivePreview& operator=(const LivePreview&) = delete;

    /// Builds the whole site into memory and starts listening (logs the address). Throws
    /// std::runtime_error when the address cannot be used. Serves the last good site, or a
    /// page listing the findings when the first build fails.
    void start();
    /// The port listened on (after start; the one chosen when 0 was asked for).
    [[nodiscard]] std::uint16_t port() const;
    /// Watches the sources and rebuilds until stop(); then closes every connection.
    void run();
    /// Ends run(). Safe from any thread and from a signal handler.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace planc
