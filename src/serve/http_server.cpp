// The preview's HTTP server (see http_server.hpp). Everything here runs on the one I/O
// thread: other threads only post work to it.

#include "serve/http_server.hpp"

#include <algorithm>
#include <array>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cctype>
#include <deque>
#include <string_view>
#include <vector>

#include "serve/live_events.hpp"
#include "serve/request_path.hpp"

namespace planc::serve {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

class Session;

struct HttpServer::State {
    ServerLimits limits;
    std::shared_ptr<const PublishedSite> site;
    std::string site_id;
    std::string root_path = "/";
    std::optional<std::string> overlay;
    std::size_t connections = 0;
    bool closed = false;
    std::vector<std::weak_ptr<Session>> sessions;  ///< every connection, to close them on stop
    std::vector<std::weak_ptr<Session>> streams;   ///< the open event streams

    void prune() {
        std::erase_if(sessions, [](const auto& s) { return s.expired(); });
        std::erase_if(streams, [](const auto& s) { return s.expired(); });
    }
};

namespace {

/// Events waiting for a slow stream; a client this far behind is dropped.
constexpr std::size_t kStreamBacklog = 32;

/// A Beast body that sends a site file's pieces as they are, without joining them.
struct PiecesBody {
    using value_type = std::vector<std::shared_ptr<const std::string>>;

    static std::uint64_t size(const value_type& pieces) {
        std::uint64_t n = 0;
        for (const auto& piece : pieces) n += piece->size();
        return n;
    }

    class writer {
    public:
        using const_buffers_type = asio::const_buffer;

        template <bool isRequest, class Fields>
        writer(const http::header<isRequest, Fields>&, const value_type& pieces) : pieces_(pieces) {}

        void init(beast::error_code& ec) { ec = {}; }

        boost::optional<std::pair<const_buffers_type, bool>> get(beast::error_code& ec) {
            ec = {};
            while (next_ < pieces_.size() && pieces_[next_]->empty()) ++next_;
            if (next_ == pieces_.size()) return boost::none;
            const std::string& piece = *pieces_[next_++];
            return std::make_pair(asio::const_buffer(piece.data(), piece.size()), next_ < pieces_.size());
        }

    private:
        const value_type& pieces_;
        std::size_t next_ = 0;
    };
};

using Response = http::response<PiecesBody>;

/// A complete response; for HEAD the same headers without the body.
Response make_response(http::status status, unsigned version, bool keep_alive, const std::string& type,
                       PiecesBody::value_type pieces, bool head) {
    Response res{status, version};
    res.set(http::field::server, "planc");
    res.set(http::field::content_type, type);
    res.set(http::field::cache_control, "no-store");
    res.set("X-Content-Type-Options", "nosniff");
    res.keep_alive(keep_alive);
    std::uint64_t size = PiecesBody::size(pieces);
    if (!head) res.body() = std::move(pieces);
    res.content_length(size);
    return res;
}

Response make_response(http::status status, unsigned version, bool keep_alive, const std::string& type,
                       std::string text, bool head) {
    return make_response(status, version, keep_alive, type,
                         {std::make_shared<const std::string>(std::move(text))}, head);
}

Response plain(http::status status, unsigned version, bool keep_alive, const std::string& text, bool head) {
    return make_response(status, version, keep_alive, "text/plain; charset=utf-8", text + "\n", head);
}

/// The host name of a Host header, without its port ("[::1]:1313" -> "[::1]").
std::string host_name(std::string_view host) {
    if (!host.empty() && host.front() == '[') return std::string(host.substr(0, host.find(']') + 1));
    return std::string(host.substr(0, host.find(':')));
}

/// An HTML file with the reload script added to its last piece (where </body> is).
PiecesBody::value_type with_script(const SiteFile& file) {
    PiecesBody::value_type pieces = file.pieces;
    if (pieces.empty()) pieces.push_back(std::make_shared<const std::string>());
    pieces.back() = std::make_shared<const std::string>(with_live_script(*pieces.back()));
    return pieces;
}

const char* kNotBuiltPage = R"(<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"/><title>planc serve: the site is not built yet</title></head>
<body><h1>The site is not built yet</h1>
<p>The plans have errors: they are listed in the terminal and over this page. This page reloads when they are fixed.</p>
</body></html>
)";

}  // namespace

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(tcp::socket socket, std::shared_ptr<HttpServer::State> state)
        : stream_(std::move(socket)),
          buffer_(state->limits.max_request_bytes),
          ping_(stream_.get_executor()),
          state_(std::move(state)) {
        ++state_->connections;
    }
    ~Session() { --state_->connections; }

    void run() { read_request(); }

    /// Queues an event for an open stream (ignored by an ordinary connection).
    void send_event(std::shared_ptr<const std::string> event) {
        if (!streaming_ || shut_) return;
        if (queue_.size() >= kStreamBacklog) return shut();
        queue_.push_back(std::move(event));
        if (queue_.size() == 1) write_next_event();
    }

    void shut() {
        if (shut_) return;
        shut_ = true;
        ping_.cancel();
        beast::error_code ignored;
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.close();
    }

private:
    void read_request() {
        if (shut_ || state_->closed) return;
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(state_->limits.max_request_bytes));
        parser_->body_limit(state_->limits.max_request_bytes);
        stream_.expires_after(state_->limits.read_timeout);
        http::async_read(
            stream_, buffer_, *parser_,
            [self = shared_from_this()](beast::error_code ec, std::size_t) { self->on_read(ec); });
    }

    void on_read(beast::error_code ec) {
        if (shut_) return;
        if (ec == http::error::end_of_stream) {
            beast::error_code ignored;
            stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
            return;
        }
        if (ec == beast::error::timeout || ec == asio::error::operation_aborted) return;  // closed
        if (ec) {
            http::status status = http::status::bad_request;
            if (ec == http::error::header_limit || ec == http::error::buffer_overflow)
                status = http::status::request_header_fields_too_large;
            else if (ec == http::error::body_limit)
                status = http::status::payload_too_large;
            return send(plain(status, 11, false, std::string(http::obsolete_reason(status)), false));
        }
        handle(parser_->get());
    }

    void handle(const http::request<http::string_body>& req) {
        unsigned version = req.version();
        bool keep_alive = req.keep_alive();
        bool head = req.method() == http::verb::head;
        if (req.method() != http::verb::get && !head) {
            Response res = plain(http::status::method_not_allowed, version, keep_alive,
                                 "405 method not allowed: planc serve answers GET and HEAD", false);
            res.set(http::field::allow, "GET, HEAD");
            return send(std::move(res));
        }
        const auto& hosts = state_->limits.hosts;
        if (!hosts.empty()) {
            auto host = req[http::field::host];
            std::string name = host_name(std::string_view(host.data(), host.size()));
            for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (std::find(hosts.begin(), hosts.end(), name) == hosts.end())
                return send(plain(http::status::bad_request, version, false,
                                  "400 bad request: planc serve answers requests for this computer only",
                                  head));
        }
        auto raw = req.target();
        SitePath target = parse_request_target(std::string_view(raw.data(), raw.size()));
        if (target.kind == SitePath::Kind::BadRequest)
            return send(plain(http::status::bad_request, version, keep_alive,
                              "400 bad request: " + target.why, head));
        if (target.path == kEventsPath && !head) return open_stream(version);
        if (target.path == kScriptPath)
            return send(make_response(http::status::ok, version, keep_alive, content_type(target.path),
                                      std::string(live_script()), head));
        const std::shared_ptr<const PublishedSite> site = state_->site;
        if (!site)
            return send(make_response(http::status::service_unavailable, version, keep_alive,
                                      "text/html; charset=utf-8", with_live_script(kNotBuiltPage), head));
        auto find = [&](const std::string& path) { return site->find(path); };
        std::string path = target.path;
        const SiteFile* file = find(path);
        // Links written from the site's root on its host (404.html) start with the base URL's path.
        const std::string& root = state_->root_path;
        if (!file && root.size() > 1 && ("/" + path).rfind(root, 0) == 0) {
            path = path.substr(root.size() - 1);
            if (path.empty()) path = "index.html";
            file = find(path);
        }
        if (!file && !target.folder && find(path + "/index.html")) {
            Response res = plain(http::status::moved_permanently, version, keep_alive, "301 moved", head);
            res.set(http::field::location, "/" + encode_path(path) + "/");
            return send(std::move(res));
        }
        http::status status = http::status::ok;
        if (!file) {
            status = http::status::not_found;
            path = "404.html";
            file = find(path);
            if (!file) return send(plain(status, version, keep_alive, "404 not found", head));
        }
        send(make_response(status, version, keep_alive, content_type(path),
                           is_html(path) ? with_script(*file) : file->pieces, head));
    }

    void send(Response&& res) {
        auto response = std::make_shared<Response>(std::move(res));
        stream_.expires_after(state_->limits.write_timeout);
        http::async_write(stream_, *response,
                          [self = shared_from_this(), response](beast::error_code ec, std::size_t) {
                              if (ec || self->shut_) return;
                              if (response->need_eof()) {
                                  beast::error_code ignored;
                                  self->stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
                                  return;
                              }
                              self->read_request();
                          });
    }

    /// The event stream: a response without a length, kept open; events are written as
    /// they come (text/event-stream).
    void open_stream(unsigned version) {
        auto res = std::make_shared<http::response<http::empty_body>>(http::status::ok, version);
        res->set(http::field::server, "planc");
        res->set(http::field::content_type, "text/event-stream; charset=utf-8");
        res->set(http::field::cache_control, "no-store");
        res->keep_alive(false);
        auto writer = std::make_shared<http::response_serializer<http::empty_body>>(*res);
        stream_.expires_after(state_->limits.write_timeout);
        http::async_write_header(stream_, *writer,
                                 [self = shared_from_this(), res, writer](beast::error_code ec, std::size_t) {
                                     if (ec || self->shut_) return;
                                     self->on_stream_open();
                                 });
    }

    void on_stream_open() {
        streaming_ = true;
        state_->streams.push_back(weak_from_this());
        // The client sends nothing more: a read that ends means it has gone.
        stream_.expires_never();
        stream_.async_read_some(
            asio::buffer(scratch_),
            [self = shared_from_this()](beast::error_code, std::size_t) { self->shut(); });
        send_event(std::make_shared<const std::string>(hello_event(state_->site_id)));
        if (state_->overlay) send_event(std::make_shared<const std::string>(*state_->overlay));
        schedule_ping();
    }

    void schedule_ping() {
        ping_.expires_after(state_->limits.ping_every);
        ping_.async_wait([self = shared_from_this()](beast::error_code ec) {
            if (ec || self->shut_) return;
            self->send_event(std::make_shared<const std::string>(ping_event()));
            self->schedule_ping();
        });
    }

    void write_next_event() {
        stream_.expires_after(state_->limits.write_timeout);
        asio::async_write(stream_, asio::buffer(*queue_.front()),
                          [self = shared_from_this()](beast::error_code ec, std::size_t) {
                              if (ec) return self->shut();
                              self->queue_.pop_front();
                              if (!self->queue_.empty()) self->write_next_event();
                          });
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    asio::steady_timer ping_;
    std::shared_ptr<HttpServer::State> state_;
    std::deque<std::shared_ptr<const std::string>> queue_;
    std::array<char, 512> scratch_{};
    bool streaming_ = false;
    bool shut_ = false;
};

HttpServer::HttpServer(asio::io_context& io, const tcp::endpoint& where, ServerLimits limits)
    : io_(io), acceptor_(io), state_(std::make_shared<State>()) {
    state_->limits = limits;
    acceptor_.open(where.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(where);
    acceptor_.listen(asio::socket_base::max_listen_connections);
    port_ = acceptor_.local_endpoint().port();
}

HttpServer::~HttpServer() = default;

void HttpServer::start() {
    asio::post(io_, [this] { accept(); });
}

void HttpServer::accept() {
    acceptor_.async_accept([this](beast::error_code ec, tcp::socket socket) {
        if (state_->closed || ec == asio::error::operation_aborted) return;
        if (!ec) {
            state_->prune();
            if (state_->connections >= state_->limits.max_connections) {
                beast::error_code ignored;
                socket.close(ignored);  // over the limit: refused at once
            } else {
                auto session = std::make_shared<Session>(std::move(socket), state_);
                state_->sessions.push_back(session);
                session->run();
            }
        }
        accept();
    });
}

void HttpServer::publish(std::shared_ptr<const PublishedSite> site, std::string site_id,
                         std::string root_path) {
    asio::post(io_, [state = state_, site = std::move(site), id = std::move(site_id),
                     root = std::move(root_path)]() mutable {
        state->site = std::move(site);
        state->site_id = std::move(id);
        state->root_path = root.empty() ? "/" : std::move(root);
    });
}

void HttpServer::broadcast(std::string event) {
    asio::post(io_, [state = state_, event = std::make_shared<const std::string>(std::move(event))] {
        state->prune();
        for (const auto& weak : state->streams)
            if (auto stream = weak.lock()) stream->send_event(event);
    });
}

void HttpServer::set_overlay(std::optional<std::string> event) {
    std::string now = event ? *event : clear_event();
    asio::post(io_, [state = state_, event = std::move(event)] { state->overlay = event; });
    broadcast(std::move(now));
}

void HttpServer::close() {
    asio::post(io_, [this] {
        state_->closed = true;
        beast::error_code ignored;
        acceptor_.close(ignored);
        for (const auto& weak : state_->sessions)
            if (auto session = weak.lock()) session->shut();
    });
}

}  // namespace planc::serve
