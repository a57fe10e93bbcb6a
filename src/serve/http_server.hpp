#pragma once
// The preview's HTTP server (Boost.Beast over Asio, one I/O thread): serves the last
// published site from memory, GET and HEAD only, with the event stream for open pages.
//
// Limits: requests bounded in size and in the time to receive them (an idle keep-alive
// connection is closed after the same time), a bounded number of connections (more are
// closed at once), a bounded queue of events per stream.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "serve/site_state.hpp"

namespace planc::serve {

struct ServerLimits {
    std::size_t max_connections = 64;
    std::size_t max_request_bytes = 16 * 1024;
    std::chrono::milliseconds read_timeout{10000};
    std::chrono::milliseconds write_timeout{10000};
    std::chrono::milliseconds ping_every{15000};
    /// Host names a request may carry (any port); empty: any. On loopback only this
    /// computer's names, so that a web page cannot reach the preview by DNS rebinding.
    std::vector<std::string> hosts;
};

class HttpServer {
public:
    /// Binds and listens on `where` (port 0: any free port). Throws boost::system::system_error.
    HttpServer(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& where, ServerLimits limits);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    [[nodiscard]] std::uint16_t port() const { return port_; }
    /// Starts accepting connections (on the I/O thread, once it runs).
    void start();

    // The rest may be called from any thread; each takes effect on the I/O thread, in order.

    /// Serves `site` from now on (null: nothing built yet, pages answer 503); `site_id`
    /// names it in the events, `root_path` is where the published site lives on its host
    /// ("/plans/" for base_url "https://x.gov.uk/plans/"), also accepted in request paths.
    void publish(std::shared_ptr<const PublishedSite> site, std::string site_id, std::string root_path);
    /// Sends an event to every open stream.
    void broadcast(std::string event);
    /// The overlay event every stream gets on connecting, until it is cleared (nullopt).
    void set_overlay(std::optional<std::string> event);
    /// Stops accepting and closes every connection; run() of the io_context then returns.
    void close();

    struct State;

private:
    void accept();

    boost::asio::io_context& io_;
    boost::asio::ip::tcp::acceptor acceptor_;
    std::shared_ptr<State> state_;
    std::uint16_t port_ = 0;
};

}  // namespace planc::serve
