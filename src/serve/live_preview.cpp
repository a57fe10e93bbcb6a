// `planc serve` put together: the site state rebuilt by the watching thread, served by
// the HTTP server's I/O thread, open pages told over the event stream.

#include <sys/eventfd.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <thread>

#include "planc/serve.hpp"
#include "render/pages.hpp"
#include "serve/http_server.hpp"
#include "serve/live_events.hpp"
#include "serve/request_path.hpp"
#include "serve/site_state.hpp"
#include "serve/watcher.hpp"

namespace planc {

namespace asio = boost::asio;

namespace {

long long millis(std::chrono::steady_clock::duration d) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

struct LivePreview::Impl {
    explicit Impl(ServeOptions o) : options(std::move(o)), state(options.project) {}

    void log(const std::string& line) const {
        if (options.log) options.log(line);
    }

    void log_steps(const serve::Rebuild& r) const {
        if (!options.timing) return;
        auto ms = [](std::chrono::microseconds t) {
            char text[32];
            std::snprintf(text, sizeof text, "%.1f", static_cast<double>(t.count()) / 1000.0);
            return std::string(text);
        };
        std::string line = "  steps (wall/cpu ms):";
        for (const auto& step : r.steps)
            line += " " + step.name + " " + ms(step.wall) + "/" + ms(step.cpu) + ",";
        line += " total " + ms(r.took) + "/" + ms(r.cpu) +
                "; partnerships checked: " + std::to_string(r.partnerships_checked);
        log(line);
    }

    /// Serves what a build gave, tells the open pages, and says so in the terminal.
    void announce(const serve::Rebuild& r, std::chrono::steady_clock::time_point change) {
        if (r.published) {
            ++publishes;
            site_id = instance + "-" + std::to_string(publishes);
            server->publish(state.published(), site_id, site_root_path(state.project().settings.base_url));
            if (overlay_shown) {
                server->set_overlay(std::nullopt);
                overlay_shown = false;
            }
            server->broadcast(serve::reload_event(r.changed, r.everything, site_id));
            auto sent = std::chrono::steady_clock::now();
            std::size_t pages = 0;
            for (const std::string& path : r.changed)
                if (serve::is_html(path)) ++pages;
            bool initial = change == std::chrono::steady_clock::time_point{};
            std::string line = (initial ? "built " : "rebuilt ") + r.what + " in " +
                               std::to_string(r.took.count() / 1000) + " ms: " +
                               (r.everything ? plural(r.pages_rendered, "page", "pages")
                                             : plural(pages, "page", "pages") + " changed");
            if (!initial)
                line += " (reload sent " + std::to_string(millis(sent - change)) + " ms after the change)";
            log(line);
            log_steps(r);
            return;
        }
        const Diagnostics& errors = r.errors;
        if (options.report) options.report(errors, state.project());
        log(r.what + ": " + plural(errors.items().size(), "error", "errors") +
            (state.published() ? "; still serving the last good site"
                               : "; nothing to serve until they are fixed"));
        server->set_overlay(serve::overlay_event(errors));
        overlay_shown = true;
    }

    ServeOptions options;
    serve::SiteState state;
    asio::io_context io{1};
    std::unique_ptr<serve::HttpServer> server;
    std::unique_ptr<serve::Watcher> watcher;
    std::thread io_thread;
    int stop_fd = -1;
    std::string instance =
        std::to_string(::getpid()) + "." +
        std::to_string(std::chrono::steady_clock::now().time_since_epoch().count() % 1000000);
    std::string site_id;
    std::uint64_t publishes = 0;
    bool overlay_shown = false;
};

LivePreview::LivePreview(ServeOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {
    impl_->stop_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (impl_->stop_fd < 0) throw std::runtime_error(std::string("eventfd: ") + std::strerror(errno));
}

LivePreview::~LivePreview() {
    if (impl_->io_thread.joinable()) {
        impl_->server->close();
        impl_->io_thread.join();
    }
    ::close(impl_->stop_fd);
}

void LivePreview::start() {
    Impl& m = *impl_;
    // Watch first, so that a save during the first build is not missed.
    m.watcher = std::make_unique<serve::Watcher>(m.options.project);
    boost::system::error_code ec;
    std::string bind = m.options.bind == "localhost" ? "127.0.0.1" : m.options.bind;
    asio::ip::address address = asio::ip::make_address(bind, ec);
    if (ec) throw std::runtime_error("`" + m.options.bind + "` is not an IP address");
    serve::ServerLimits limits;
    limits.max_connections = m.options.max_connections;
    limits.max_request_bytes = m.options.max_request_bytes;
    limits.read_timeout = m.options.read_timeout;
    if (address.is_loopback()) {
        limits.hosts = {"localhost", "127.0.0.1", "[::1]"};
        if (address.is_v6())
            limits.hosts.push_back("[" + address.to_string() + "]");
        else
            limits.hosts.push_back(address.to_string());
    }
    try {
        m.server = std::make_unique<serve::HttpServer>(m.io, asio::ip::tcp::endpoint(address, m.options.port),
                                                       limits);
    } catch (const boost::system::system_error& e) {
        throw std::runtime_error("cannot listen on " + bind + ":" + std::to_string(m.options.port) + ": " +
                                 e.code().message());
    }
    serve::Rebuild first = m.state.build_everything();
    std::size_t documents = 0;
    for (const Partnership& p : m.state.project().partnerships) documents += p.documents.size();
    m.announce(first, {});
    std::size_t warnings = first.warnings;
    if (first.published && warnings)
        m.log(plural(documents, "document", "documents") + ", " + plural(warnings, "warning", "warnings") +
              " (planc check lists them)");
    m.server->start();
    m.io_thread = std::thread([&m] { m.io.run(); });
    std::string host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
    m.log("serving " + m.options.project + " at http://" + host + ":" + std::to_string(m.server->port()) +
          "/ (no leaflet PDFs in the preview; Ctrl+C stops)");
}

std::uint16_t LivePreview::port() const { return impl_->server ? impl_->server->port() : 0; }

void LivePreview::run() {
    Impl& m = *impl_;
    while (auto batch = m.watcher->wait(m.stop_fd, m.options.debounce, m.options.longest_burst)) {
        serve::Rebuild r;
        try {
            r = m.state.apply(*batch);
        } catch (const std::exception& e) {
            // Say so and start again from the files: the preview keeps serving meanwhile.
            m.log(std::string("rebuild failed: ") + e.what() + "; building everything again");
            try {
                r = m.state.build_everything();
            } catch (const std::exception& again) {
                m.log(std::string("rebuild failed: ") + again.what());
                continue;
            }
        }
        if (r.nothing) continue;
        m.announce(r, batch->first_event);
    }
    m.server->close();
    if (m.io_thread.joinable()) m.io_thread.join();
}

void LivePreview::stop() {
    std::uint64_t one = 1;
    // write() on an eventfd is async-signal-safe; a full counter means a stop is pending anyway.
    [[maybe_unused]] ssize_t n = ::write(impl_->stop_fd, &one, sizeof one);
}

}  // namespace planc
