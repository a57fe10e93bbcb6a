// planc serve [PROJECT] [--port N] [--bind ADDR]: the live preview.

#include <boost/filesystem.hpp>
#include <csignal>
#include <pthread.h>
#include <cstdlib>
#include <iostream>

#include "cli/cli.hpp"
#include "planc/serve.hpp"

namespace planc::cli {

namespace {

LivePreview* g_preview = nullptr;

extern "C" void on_stop_signal(int) {
    if (g_preview) g_preview->stop();
}

bool parse_port(const std::string& text, std::uint16_t& port) {
    if (text.empty() || text.size() > 5) return false;
    unsigned long value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        value = value * 10 + static_cast<unsigned long>(c - '0');
    }
    if (value > 65535) return false;
    port = static_cast<std::uint16_t>(value);
    return true;
}

}  // namespace

int run_serve(const std::vector<std::string>& words) {
    std::string error;
    auto args = Args::parse(words, {}, error);
    if (!args || args->positional.size() > 1) {
        std::cerr << "planc serve: " << (error.empty() ? "name at most one project folder" : error) << "\n";
        return kExitUsage;
    }
    ServeOptions options;
    for (const auto& [name, value] : args->options) {
        if (name == "--port") {
            if (!parse_port(value, options.port)) {
                std::cerr << "planc serve: --port takes a number from 0 to 65535 (0: any free port)\n";
                return kExitUsage;
            }
        } else if (name == "--bind") {
            options.bind = value;
        } else {
            std::cerr << "planc serve: unknown option " << name << "\n";
            return kExitUsage;
        }
    }
    if (!args->positional.empty()) options.project = args->positional.front();
    // PLANC_SERVE_TIMING=1: how long each step of a rebuild took (bench/serve_latency.py).
    const char* timing = std::getenv("PLANC_SERVE_TIMING");
    options.timing = timing && *timing && std::string(timing) != "0";
    Printer printer = default_printer(false);
    printer.format = OutputFormat::Human;
    options.log = [](std::string_view line) { std::cerr << line << std::endl; };
    options.report = [printer](const Diagnostics& findings, const Project& project) {
        printer.print(findings, project, false, false);
    };
    if (!boost::filesystem::is_directory(options.project)) {
        std::cerr << "planc serve: there is no folder `" << options.project << "`\n";
        return kExitUsage;
    }
    // Hold SIGINT/SIGTERM until the handler is in place: a stop asked for while the site
    // is first built then takes effect at once instead of killing the process. Threads
    // started by start() inherit the mask, so only this thread ever takes the signal.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    LivePreview preview(options);
    try {
        preview.start();
    } catch (const std::exception& e) {
        std::cerr << "planc serve: " << e.what() << "\n";
        return kExitUsage;
    }
    if (options.bind != "127.0.0.1" && options.bind != "localhost" && options.bind != "::1")
        std::cerr << "planc serve: listening on " << options.bind
                  << ", not only this computer: anyone who can reach it can read the preview\n";
    g_preview = &preview;
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
    pthread_sigmask(SIG_UNBLOCK, &stop_signals, nullptr);
    preview.run();
    g_preview = nullptr;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    std::cerr << "planc serve: stopped\n";
    return kExitOk;
}

}  // namespace planc::cli
