// planc serve, as the communications officer uses it: pages served from memory over
// loopback, nothing outside the site however the path is spelt, an edit that reloads the
// open page with the new content, a broken save that keeps the last good pages and shows
// the error over them, and a rebuild of one document that gives exactly what a whole
// build gives. Every test ends by itself within seconds; all traffic is on 127.0.0.1.

#include "planc/serve.hpp"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/filesystem.hpp>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <thread>

#include "planc/data_output.hpp"
#include "planc/load.hpp"
#include "render/pages.hpp"
#include "serve/live_events.hpp"
#include "serve/request_path.hpp"
#include "render_test_support.hpp"
#include "search_files_reader.hpp"
#include "serve/site_state.hpp"
#include "test_support.hpp"

extern char** environ;

using namespace planc;
namespace fs = boost::filesystem;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

// --- A project to serve: a temporary copy of the melton seed plans --------------------

class TempProject {
public:
    explicit TempProject(std::initializer_list<const char*> partnerships = {"melton"}) {
        root_ = (fs::temp_directory_path() / fs::unique_path("planc-serve-%%%%-%%%%")).string();
        fs::path src = testing::source_dir();
        fs::create_directories(fs::path(root_) / "content");
        fs::copy_file(src / "planc.yml", fs::path(root_) / "planc.yml");
        for (const char* p : partnerships) copy_folder(src / "content" / p, fs::path(root_) / "content" / p);
        copy_folder(src / "themes" / "default", fs::path(root_) / "themes" / "default");
    }
    ~TempProject() {
        boost::system::error_code ec;
        fs::remove_all(root_, ec);
    }
    [[nodiscard]] const std::string& root() const { return root_; }
    [[nodiscard]] std::string path(const std::string& relative) const { return root_ + "/" + relative; }
    [[nodiscard]] std::string read(const std::string& relative) const {
        return testing::read_file(path(relative));
    }

    /// Saves a file the way editors do: write a temporary file, rename it over the old one.
    void save(const std::string& relative, const std::string& text) const {
        std::string temp = path(relative) + ".planc-test~";
        {
            std::ofstream out(temp, std::ios::binary | std::ios::trunc);
            out << text;
        }
        fs::rename(temp, path(relative));
    }
    /// Replaces the first `from` in a file with `to`, saving like an editor.
    void edit(const std::string& relative, const std::string& from, const std::string& to) const {
        std::string text = read(relative);
        std::size_t at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
        save(relative, text);
    }

private:
    static void copy_folder(const fs::path& from, const fs::path& to) {
        fs::create_directories(to);
        for (fs::recursive_directory_iterator it(from), end; it != end; ++it) {
            fs::path target = to / it->path().lexically_relative(from);
            if (fs::is_directory(it->path()))
                fs::create_directories(target);
            else
                fs::copy_file(it->path(), target);
        }
    }
    std::string root_;
};

const std::string kPlan = "content/melton/2009-10.md";
const std::string kTitle = "title: \"Community Safety Plan: Annual Refresh 2009/10\"";

// --- A tiny HTTP client over loopback (Beast), every step with a deadline ------------

struct Reply {
    bool ok = false;  ///< a whole response came back
    unsigned status = 0;
    std::string content_type;
    std::string allow;
    std::string location;
    std::string content_length;
    std::string body;
};

/// Sends `raw` as it is (so that malformed targets reach the server) and reads one response.
Reply exchange(std::uint16_t port, const std::string& raw, bool head = false) {
    asio::io_context io;
    beast::tcp_stream stream(io);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64u << 20);
    if (head) parser.skip(true);
    Reply reply;
    stream.expires_after(5s);
    stream.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), [&](beast::error_code ec) {
        if (ec) return;
        stream.expires_after(5s);
        asio::async_write(stream, asio::buffer(raw), [&](beast::error_code ec2, std::size_t) {
            if (ec2) return;
            stream.expires_after(5s);
            http::async_read(stream, buffer, parser, [&](beast::error_code ec3, std::size_t) {
                if (ec3) return;
                auto& res = parser.get();
                reply.ok = true;
                reply.status = res.result_int();
                reply.content_type = std::string(res[http::field::content_type]);
                reply.allow = std::string(res[http::field::allow]);
                reply.location = std::string(res[http::field::location]);
                reply.content_length = std::string(res[http::field::content_length]);
                reply.body = res.body();
            });
        });
    });
    io.run();
    return reply;
}

Reply request(std::uint16_t port, const std::string& method, const std::string& target) {
    return exchange(port, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                    method == "HEAD");
}

Reply get(std::uint16_t port, const std::string& target) { return request(port, "GET", target); }

/// An open page's event stream: GET /__planc/events, then events one by one.
class EventClient {
public:
    explicit EventClient(std::uint16_t port) : stream_(io_) {
        stream_.expires_after(5s);
        bool connected = false;
        stream_.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port),
                              [&](beast::error_code ec) { connected = !ec; });
        io_.run();
        REQUIRE(connected);
        std::string req =
            "GET /__planc/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n";
        run([&](auto done) {
            asio::async_write(stream_, asio::buffer(req), [done](beast::error_code, std::size_t) { done(); });
        });
        http::response_parser<http::empty_body> parser;
        bool headed = false;
        run([&](auto done) {
            http::async_read_header(stream_, buffer_, parser, [&, done](beast::error_code ec, std::size_t) {
                headed = !ec;
                done();
            });
        });
        REQUIRE(headed);
        content_type = std::string(parser.get()[http::field::content_type]);
        auto data = buffer_.data();
        pending_.assign(static_cast<const char*>(data.data()), data.size());
    }

    /// The next event (name, data), skipping comments; nothing after `timeout`.
    std::optional<std::pair<std::string, std::string>> next(std::chrono::milliseconds timeout = 10s) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            std::size_t end = pending_.find("\n\n");
            if (end != std::string::npos) {
                std::string block = pending_.substr(0, end);
                pending_.erase(0, end + 2);
                std::string name, data;
                std::size_t start = 0;
                while (start < block.size()) {
                    std::size_t nl = block.find('\n', start);
                    if (nl == std::string::npos) nl = block.size();
                    std::string line = block.substr(start, nl - start);
                    if (line.rfind("event: ", 0) == 0) name = line.substr(7);
                    if (line.rfind("data: ", 0) == 0) data = line.substr(6);
                    start = nl + 1;
                }
                if (!name.empty()) return std::make_pair(name, data);
                continue;
            }
            auto left = deadline - std::chrono::steady_clock::now();
            if (left <= 0s) return std::nullopt;
            stream_.expires_after(left);
            std::array<char, 4096> chunk{};
            std::size_t got = 0;
            bool failed = false;
            run([&](auto done) {
                stream_.async_read_some(asio::buffer(chunk), [&, done](beast::error_code ec, std::size_t n) {
                    failed = static_cast<bool>(ec);
                    got = n;
                    done();
                });
            });
            if (failed) return std::nullopt;
            pending_.append(chunk.data(), got);
        }
    }

    /// The next event named `name`, skipping others; nothing after `timeout`.
    std::optional<std::string> next_named(const std::string& name, std::chrono::milliseconds timeout = 10s) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            auto e = next(std::chrono::duration_cast<std::chrono::milliseconds>(
                deadline - std::chrono::steady_clock::now()));
            if (!e) return std::nullopt;
            if (e->first == name) return e->second;
        }
        return std::nullopt;
    }

    std::string content_type;

private:
    template <class Start>
    void run(Start start) {
        bool finished = false;
        start([&finished] { finished = true; });
        io_.restart();
        while (!finished && io_.run_one() > 0) {
        }
    }

    asio::io_context io_;
    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    std::string pending_;
};

// --- The preview, running on a free port until the test ends --------------------------

class RunningPreview {
public:
    explicit RunningPreview(const TempProject& project, std::function<void(ServeOptions&)> adjust = {}) {
        ServeOptions options;
        options.project = project.root();
        options.port = 0;
        options.log = [this](std::string_view line) {
            std::lock_guard<std::mutex> lock(mutex_);
            log_.emplace_back(line);
        };
        options.report = [this](const Diagnostics& findings, const Project&) {
            std::lock_guard<std::mutex> lock(mutex_);
            for (const Diagnostic& d : findings.items())
                log_.push_back(d.location.file + ":" + std::to_string(d.location.span.line) + ": " +
                               d.message);
        };
        if (adjust) adjust(options);
        preview_ = std::make_unique<LivePreview>(options);
        preview_->start();
        runner_ = std::thread([this] { preview_->run(); });
    }
    ~RunningPreview() {
        preview_->stop();
        runner_.join();
    }
    [[nodiscard]] std::uint16_t port() const { return preview_->port(); }
    [[nodiscard]] std::vector<std::string> log() const {
        std::lock_guard<std::mutex> lock(mutex_);
        return log_;
    }
    /// Waits (at most 5 s) for a line of the log that matches.
    [[nodiscard]] bool logged(const std::regex& line) const {
        auto deadline = std::chrono::steady_clock::now() + 5s;
        do {
            for (const std::string& l : log())
                if (std::regex_search(l, line)) return true;
            std::this_thread::sleep_for(10ms);
        } while (std::chrono::steady_clock::now() < deadline);
        return false;
    }

private:
    std::unique_ptr<LivePreview> preview_;
    std::thread runner_;
    mutable std::mutex mutex_;
    std::vector<std::string> log_;
};

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

/// A whole build of the project as `planc build` renders it (no PDFs), into memory.
std::map<std::string, std::string> full_render(const std::string& root) {
    Diagnostics diags;
    Project project = load_project(root, diags);
    MemoryOutput out;
    RenderOptions options;
    options.pdf = false;
    render_site(project, out, diags, options);
    return out.files;
}

void require_same_site(const serve::SiteFiles& incremental, const std::map<std::string, std::string>& full) {
    std::vector<std::string> only_incremental, only_full, different;
    for (const auto& [path, file] : incremental) {
        auto it = full.find(path);
        if (it == full.end())
            only_incremental.push_back(path);
        else if (it->second != file->text())
            different.push_back(path);
    }
    for (const auto& [path, bytes] : full)
        if (!incremental.count(path)) only_full.push_back(path);
    CAPTURE(only_incremental, only_full, different);
    REQUIRE(only_incremental.empty());
    REQUIRE(only_full.empty());
    REQUIRE(different.empty());
}

/// The findings of a rebuild as text, to compare with those of a whole build.
std::vector<std::string> finding_lines(const serve::Rebuild& r) {
    std::vector<std::string> out;
    for (const Diagnostic& d : r.errors.items())
        out.push_back(d.location.file + ":" + std::to_string(d.location.span.line) + ":" +
                      std::to_string(d.location.span.column) + ": " + std::string(info(d.code).code) + " " +
                      d.message);
    out.push_back(std::to_string(r.warnings) + " warnings");
    return out;
}

/// The checks re-run for the partnerships touched give what checking everything gives.
void require_same_findings(const serve::Rebuild& r, const std::string& root) {
    serve::SiteState fresh(root);
    CHECK(finding_lines(r) == finding_lines(fresh.build_everything()));
}

serve::ChangeBatch changed(std::initializer_list<std::string> paths) {
    serve::ChangeBatch batch;
    batch.paths.insert(paths.begin(), paths.end());
    batch.first_event = std::chrono::steady_clock::now();
    return batch;
}

}  // namespace

// --- Paths and media types ------------------------------------------------------------

TEST_CASE("serve: request paths map into the site, and nothing outside it can be named", "[serve]") {
    using serve::parse_request_target;
    using Kind = serve::SitePath::Kind;
    CHECK(parse_request_target("/").path == "index.html");
    CHECK(parse_request_target("/").folder);
    CHECK(parse_request_target("/melton/").path == "melton/index.html");
    CHECK(parse_request_target("/melton/2009-10/plan.json?download=1").path == "melton/2009-10/plan.json");
    CHECK(parse_request_target("/melton").path == "melton");
    CHECK_FALSE(parse_request_target("/melton").folder);
    CHECK(parse_request_target("/a%20b/index.html").path == "a b/index.html");
    for (const char* bad :
         {"/../etc/passwd", "/%2e%2e/", "/%2E%2E/etc/passwd", "/melton/../../etc/passwd", "/./index.html",
          "//etc/passwd", "/melton//index.html", "/%2fetc%2fpasswd", "/..%2f..%2fetc%2fpasswd", "/a%5c..%5cb",
          "/index.html%00.css", "/%", "/%zz", "etc/passwd", "http://127.0.0.1/index.html", "", "/a\x01"}) {
        INFO(bad);
        auto parsed = parse_request_target(bad);
        CHECK(parsed.kind == Kind::BadRequest);
        CHECK_FALSE(parsed.why.empty());
    }
}

TEST_CASE("serve: each kind of file has its content type", "[serve]") {
    using serve::content_type;
    CHECK(content_type("index.html") == "text/html; charset=utf-8");
    CHECK(content_type("assets/site.css") == "text/css; charset=utf-8");
    CHECK(content_type("assets/site.js") == "text/javascript; charset=utf-8");
    CHECK(content_type("search-index.js") == "text/javascript; charset=utf-8");
    CHECK(content_type("melton/2009-10/targets.csv-metadata.json") == "application/json");
    CHECK(content_type("melton/2009-10/targets.csv") == "text/csv; charset=utf-8");
    CHECK(content_type("melton/logo.svg") == "image/svg+xml");
    CHECK(content_type("melton/logo.PNG") == "image/png");
    CHECK(content_type("melton/2009-10/leaflet/leaflet.pdf") == "application/pdf");
    CHECK(content_type("sitemap.xml") == "application/xml");
    CHECK(content_type("robots.txt") == "text/plain; charset=utf-8");
    CHECK(content_type("melton/data.bin") == "application/octet-stream");
    CHECK(content_type("melton/README") == "application/octet-stream");
}

TEST_CASE("serve: the reload script goes before </body> of HTML responses only", "[serve]") {
    std::string page = "<!DOCTYPE html>\n<html><body><p>x</p></body></html>\n";
    CHECK(
        serve::with_live_script(page) ==
        "<!DOCTYPE html>\n<html><body><p>x</p><script src=\"/__planc/live.js\"></script>\n</body></html>\n");
    // The overlay's text reaches the page as JSON data, put in with textContent only.
    Diagnostics d;
    d.report(DiagCode::E001, "bad <script>alert(1)</script> \"quoted\"\nnext",
             {"content/a/b.md", Span{3, 7, 3, 7}});
    std::string event = serve::overlay_event(d);
    CHECK(event.rfind("event: overlay\ndata: {", 0) == 0);
    CHECK(event.find('\n', 22) == event.size() - 2);  // one data line
    auto data = nlohmann::json::parse(event.substr(event.find("data: ") + 6));
    CHECK(data["errors"] == 1);
    CHECK(data["diagnostics"][0]["file"] == "content/a/b.md");
    CHECK(data["diagnostics"][0]["line"] == 3);
    CHECK(data["diagnostics"][0]["column"] == 7);
    CHECK(data["diagnostics"][0]["message"] == "bad <script>alert(1)</script> \"quoted\"\nnext");
    CHECK_FALSE(contains(std::string(serve::live_script()), "innerHTML"));
}

// --- Serving over loopback ------------------------------------------------------------

TEST_CASE("serve: pages come from memory with their content types; HEAD; folders; 404 page", "[serve]") {
    TempProject project;
    RunningPreview preview(project);
    REQUIRE(preview.port() != 0);
    CHECK(contains(preview.log().back(), "at http://127.0.0.1:" + std::to_string(preview.port()) + "/"));

    Reply home = get(preview.port(), "/");
    REQUIRE(home.ok);
    CHECK(home.status == 200);
    CHECK(home.content_type == "text/html; charset=utf-8");
    CHECK(contains(home.body, "<script src=\"/__planc/live.js\"></script>\n</body>"));

    Reply plan = get(preview.port(), "/melton/2009-10/");
    CHECK(plan.status == 200);
    CHECK(contains(plan.body, "Annual Refresh 2009/10"));
    Reply redirect = get(preview.port(), "/melton/2009-10");
    CHECK(redirect.status == 301);
    CHECK(redirect.location == "/melton/2009-10/");

    struct Expect {
        const char* target;
        const char* type;
    };
    for (const Expect& e : {Expect{"/assets/site.css", "text/css; charset=utf-8"},
                            Expect{"/assets/site.js", "text/javascript; charset=utf-8"},
                            Expect{"/search-index.js", "text/javascript; charset=utf-8"},
                            Expect{"/melton/2009-10/targets.csv", "text/csv; charset=utf-8"},
                            Expect{"/sitemap.xml", "application/xml"}}) {
        INFO(e.target);
        Reply r = get(preview.port(), e.target);
        CHECK(r.status == 200);
        CHECK(r.content_type == e.type);
        CHECK_FALSE(contains(r.body, "__planc"));  // the script goes into HTML only
    }
    CHECK(get(preview.port(), "/__planc/live.js").content_type == "text/javascript; charset=utf-8");

    Reply head = request(preview.port(), "HEAD", "/melton/2009-10/index.html");
    REQUIRE(head.ok);
    CHECK(head.status == 200);
    CHECK(head.body.empty());
    CHECK(head.content_length == std::to_string(plan.body.size()));

    Reply missing = get(preview.port(), "/melton/2031-32/");
    CHECK(missing.status == 404);
    CHECK(missing.content_type == "text/html; charset=utf-8");
    CHECK(contains(missing.body, "Page not found"));
}

TEST_CASE("serve: only GET and HEAD; anything else is 405 with Allow", "[serve]") {
    TempProject project;
    RunningPreview preview(project);
    for (const char* method : {"POST", "PUT", "DELETE", "OPTIONS", "PATCH"}) {
        INFO(method);
        Reply r = request(preview.port(), method, "/index.html");
        REQUIRE(r.ok);
        CHECK(r.status == 405);
        CHECK(r.allow == "GET, HEAD");
    }
    Reply with_body = exchange(preview.port(),
                               "POST /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n"
                               "Connection: close\r\n\r\nhello");
    CHECK(with_body.status == 405);
}

TEST_CASE("serve: no file outside the site, however the path is spelt", "[serve]") {
    TempProject project;
    RunningPreview preview(project);
    std::string config = project.read("planc.yml");
    for (const char* target :
         {"/../etc/passwd", "/%2e%2e/", "/%2e%2e/%2e%2e/etc/passwd", "//etc/passwd", "/%2fetc%2fpasswd",
          "/..%2f..%2fetc%2fpasswd", "/assets/../../planc.yml", "/planc.yml", "/content/melton/2009-10.md",
          "/themes/default/templates/page.html", "/index.html%00", "/..\\..\\etc\\passwd", "/etc/passwd"}) {
        INFO(target);
        Reply r = get(preview.port(), target);
        REQUIRE(r.ok);
        CHECK((r.status == 400 || r.status == 404));
        CHECK_FALSE(contains(r.body, "root:"));
        CHECK_FALSE(contains(r.body, "base_url:"));
        CHECK_FALSE(contains(r.body, "## Priority 1"));
    }
    // A page elsewhere that reaches the preview through its own host name (DNS rebinding)
    // gets nothing: on loopback only this computer's names are answered.
    Reply rebound = exchange(preview.port(),
                             "GET / HTTP/1.1\r\nHost: attacker.example:1313\r\nConnection: close\r\n\r\n");
    CHECK(rebound.status == 400);
    CHECK_FALSE(contains(rebound.body, "<html"));
    CHECK(exchange(preview.port(), "GET / HTTP/1.1\r\nHost: localhost:1313\r\nConnection: close\r\n\r\n")
              .status == 200);
    // Absolute-form targets and a raw NUL never reach the site either.
    CHECK(exchange(
              preview.port(),
              "GET http://127.0.0.1/../etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
              .status == 400);
    Reply nul =
        exchange(preview.port(), std::string("GET /index.html\0/x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 48));
    CHECK((!nul.ok || nul.status == 400));
}

TEST_CASE("serve: requests are bounded in size and time, connections in number", "[serve]") {
    TempProject project;
    RunningPreview preview(project, [](ServeOptions& o) {
        o.max_connections = 3;
        o.read_timeout = 300ms;
        o.max_request_bytes = 2048;
    });
    Reply big =
        exchange(preview.port(),
                 "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + std::string(4096, 'a') + "\r\n\r\n");
    REQUIRE(big.ok);
    CHECK(big.status == 431);

    // A client that sends half a request is cut off after the read timeout.
    asio::io_context io;
    tcp::socket slow(io);
    slow.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), preview.port()));
    asio::write(slow, asio::buffer(std::string("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")));
    auto started = std::chrono::steady_clock::now();
    pollfd fd{slow.native_handle(), POLLIN, 0};
    REQUIRE(::poll(&fd, 1, 5000) == 1);  // readable: closed by the server
    std::array<char, 64> scratch{};
    boost::system::error_code ec;
    std::size_t n = slow.read_some(asio::buffer(scratch), ec);
    CHECK((ec == asio::error::eof || n == 0));
    CHECK(std::chrono::steady_clock::now() - started < 3s);

    // Three open connections use up the limit: a fourth is closed at once.
    std::vector<tcp::socket> held;
    for (int i = 0; i < 3; ++i) {
        held.emplace_back(io);
        held.back().connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), preview.port()));
    }
    std::this_thread::sleep_for(50ms);
    Reply refused = get(preview.port(), "/");
    CHECK_FALSE(refused.ok);
    held.clear();
    std::this_thread::sleep_for(100ms);
    CHECK(get(preview.port(), "/").status == 200);
}

TEST_CASE("serve: saving a plan reloads the open page, which shows the new text", "[serve]") {
    TempProject project;
    RunningPreview preview(project);
    EventClient events(preview.port());
    CHECK(events.content_type == "text/event-stream; charset=utf-8");
    auto hello = events.next();
    REQUIRE(hello);
    CHECK(hello->first == "hello");

    project.edit(kPlan, kTitle, "title: \"Melton plan, edited while the preview runs\"");
    auto reload = events.next_named("reload");
    REQUIRE(reload);
    auto data = nlohmann::json::parse(*reload);
    CHECK(data["all"] == false);
    std::vector<std::string> pages = data["pages"];
    CAPTURE(pages);
    for (const char* page :
         {"melton/2009-10/index.html", "melton/index.html", "index.html", "search/entries/1.js", "search/words/ed.js"})
        CHECK(std::find(pages.begin(), pages.end(), page) != pages.end());
    // The other document of the partnership is not touched.
    for (const std::string& page : pages) CHECK(page.rfind("melton/2020-03-scrutiny/", 0) != 0);

    CHECK(
        contains(get(preview.port(), "/melton/2009-10/").body, "Melton plan, edited while the preview runs"));
    CHECK(contains(get(preview.port(), "/").body, "Melton plan, edited while the preview runs"));
    CHECK(preview.logged(std::regex("^rebuilt melton/2009-10 in [0-9]+ ms: [0-9]+ pages changed "
                                    "\\(reload sent [0-9]+ ms after the change\\)$")));
}

TEST_CASE("serve: a new partnership folder is watched and built", "[serve]") {
    TempProject project;
    RunningPreview preview(project);
    EventClient events(preview.port());
    REQUIRE(events.next());  // hello
    fs::create_directories(project.path("content/newtown"));
    project.save("content/newtown/_index.md", "---\nname: \"Newtown Community Safety Partnership\"\n---\n");
    std::string plan = project.read(kPlan);
    plan.replace(plan.find("partnership: melton"), 19, "partnership: newtown");
    project.save("content/newtown/2010-11.md", plan);
    auto deadline = std::chrono::steady_clock::now() + 10s;
    Reply page;
    while (std::chrono::steady_clock::now() < deadline) {
        if (!events.next_named("reload", 2s)) continue;
        page = get(preview.port(), "/newtown/2010-11/");
        if (page.status == 200) break;
    }
    CHECK(page.status == 200);
    CHECK(contains(get(preview.port(), "/newtown/").body, "Newtown Community Safety Partnership"));
    // A later edit in the new folder is seen too: its folder is watched.
    project.edit("content/newtown/2010-11.md", kTitle, "title: \"Newtown plan\"");
    REQUIRE(events.next_named("reload"));
    CHECK(contains(get(preview.port(), "/newtown/2010-11/").body, "Newtown plan"));
}

TEST_CASE("serve: a broken save keeps the last good page and shows the error; fixing it clears it",
          "[serve]") {
    TempProject project;
    RunningPreview preview(project);
    EventClient events(preview.port());
    REQUIRE(events.next());  // hello
    std::string good = project.read(kPlan);

    project.save(kPlan, "title: no front matter fence\n" + good);
    auto overlay = events.next_named("overlay");
    REQUIRE(overlay);
    auto data = nlohmann::json::parse(*overlay);
    CHECK(data["errors"].get<int>() >= 1);
    CHECK(data["diagnostics"][0]["file"] == kPlan);
    CHECK(data["diagnostics"][0]["line"] == 1);
    CHECK(data["diagnostics"][0]["column"] == 1);
    CHECK(data["diagnostics"][0]["code"] == "E001");
    // The last good page is still served.
    Reply page = get(preview.port(), "/melton/2009-10/");
    CHECK(page.status == 200);
    CHECK(contains(page.body, "Annual Refresh 2009/10"));
    // A page opened now gets the overlay at once.
    EventClient late(preview.port());
    REQUIRE(late.next());  // hello
    auto again = late.next(2s);
    REQUIRE(again);
    CHECK(again->first == "overlay");
    CHECK(preview.logged(std::regex("^content/melton/2009-10\\.md:1: ")));
    CHECK(preview.logged(std::regex("^melton/2009-10: 1 error; still serving the last good site$")));

    std::string fixed = good;
    fixed.replace(fixed.find(kTitle), kTitle.size(), "title: \"Fixed plan\"");
    project.save(kPlan, fixed);
    auto next = events.next();
    REQUIRE(next);
    CHECK(next->first == "clear");
    auto reload = events.next_named("reload");
    REQUIRE(reload);
    CHECK(contains(get(preview.port(), "/melton/2009-10/").body, "Fixed plan"));
}

TEST_CASE("serve: a project that does not build yet answers 503 until it is fixed", "[serve]") {
    TempProject project;
    std::string good = project.read(kPlan);
    project.save(kPlan, "no front matter\n" + good);
    RunningPreview preview(project);
    Reply r = get(preview.port(), "/");
    CHECK(r.status == 503);
    CHECK(contains(r.body, "/__planc/live.js"));
    EventClient events(preview.port());
    REQUIRE(events.next());  // hello
    REQUIRE(events.next_named("overlay", 2s));
    project.save(kPlan, good);
    auto reload = events.next_named("reload");
    REQUIRE(reload);
    CHECK(nlohmann::json::parse(*reload)["all"] == true);
    CHECK(get(preview.port(), "/").status == 200);
}

// --- Incremental rebuilds equal whole builds -------------------------------------------

TEST_CASE("serve: one document rebuilt alone gives exactly the site a whole build gives", "[serve]") {
    TempProject project;
    serve::SiteState state(project.root());
    serve::Rebuild first = state.build_everything();
    REQUIRE(first.published);
    require_same_site(state.rendered(), full_render(project.root()));

    SECTION("a title and a priority changed") {
        std::string text = project.read(kPlan);
        text.replace(text.find(kTitle), kTitle.size(), "title: \"A new title\"");
        text.replace(text.find("## Priority 6: Road Safety"), 26, "## Priority 6: Safer roads");
        project.save(kPlan, text);
        serve::Rebuild r = state.apply(changed({kPlan}));
        CHECK(r.what == "melton/2009-10");
        CHECK(r.published);
        CHECK(std::find(r.changed.begin(), r.changed.end(),
                        "melton/2009-10/priority-6-road-safety/index.html") != r.changed.end());
        require_same_site(state.rendered(), full_render(project.root()));
        require_same_findings(r, project.root());
    }
    SECTION("a document added, then one removed") {
        std::string text = project.read(kPlan);
        text.replace(text.find(kTitle), kTitle.size(), "title: \"Community Safety Plan 2010/11\"");
        project.save("content/melton/2010-11.md", text);
        serve::Rebuild added = state.apply(changed({"content/melton/2010-11.md"}));
        CHECK(added.what == "melton/2010-11");
        require_same_site(state.rendered(), full_render(project.root()));
        require_same_findings(added, project.root());
        fs::remove(project.path("content/melton/2020-03-scrutiny.md"));
        serve::Rebuild removed = state.apply(changed({"content/melton/2020-03-scrutiny.md"}));
        require_same_site(state.rendered(), full_render(project.root()));
        require_same_findings(removed, project.root());
    }
    SECTION("the partnership's _index.md changed") {
        project.edit("content/melton/_index.md", "Melton", "Melton Mowbray");
        serve::Rebuild r = state.apply(changed({"content/melton/_index.md"}));
        CHECK(r.what == "melton");
        require_same_site(state.rendered(), full_render(project.root()));
        require_same_findings(r, project.root());
    }
    SECTION("an editor's temporary files touch nothing") {
        std::ofstream(project.path("content/melton/.2009-10.md.swp")) << "x";
        std::ofstream(project.path("content/melton/2009-10.md~")) << "x";
        serve::Rebuild r =
            state.apply(changed({"content/melton/.2009-10.md.swp", "content/melton/2009-10.md~"}));
        CHECK(r.nothing);
    }
    SECTION("planc.yml rebuilds everything") {
        project.edit("planc.yml", "Community safety plans", "Plans of the shire");
        serve::Rebuild r = state.apply(changed({"planc.yml"}));
        CHECK(r.what == "everything");
        CHECK(r.everything);
        require_same_site(state.rendered(), full_render(project.root()));
    }
}

TEST_CASE("serve: checks re-run for the partnership changed and those that link into it", "[serve]") {
    TempProject project({"charnwood", "melton"});
    const std::string other = "content/charnwood/2005-08.md";
    project.save(other, project.read(other) +
                            "\nSee [road safety in Melton](../melton/2009-10.md#priority-6-road-safety).\n");
    serve::SiteState state(project.root());
    serve::Rebuild first = state.build_everything();
    REQUIRE(first.published);

    // The section the other partnership links to is renamed: its link is now broken.
    project.edit(kPlan, "## Priority 6: Road Safety", "## Priority 6: Safer roads");
    serve::Rebuild renamed = state.apply(changed({kPlan}));
    CHECK(renamed.partnerships_checked == 2);
    CHECK_FALSE(renamed.published);
    auto lines = finding_lines(renamed);
    CAPTURE(lines);
    CHECK(std::any_of(lines.begin(), lines.end(), [&](const std::string& l) {
        return l.rfind(other + ":", 0) == 0 && contains(l, "E004") && contains(l, "priority-6-road-safety");
    }));
    require_same_findings(renamed, project.root());

    // A change in a plan nobody links to checks its partnership alone.
    project.edit(kPlan, "## Priority 6: Safer roads", "## Priority 6: Road Safety");
    REQUIRE(state.apply(changed({kPlan})).published);
    project.edit(other, "## Introduction", "## An introduction");
    serve::Rebuild alone = state.apply(changed({other}));
    CHECK(alone.partnerships_checked == 1);
    require_same_findings(alone, project.root());
    require_same_site(state.published()->all(), full_render(project.root()));
}

TEST_CASE("serve: a broken document is not published, and the rebuild after the fix catches up", "[serve]") {
    TempProject project;
    serve::SiteState state(project.root());
    REQUIRE(state.build_everything().published);
    auto before = state.published();
    std::string good = project.read(kPlan);
    project.save(kPlan, "---\ntitle: [unclosed\n---\n");
    serve::Rebuild broken = state.apply(changed({kPlan}));
    CHECK_FALSE(broken.published);
    CHECK(broken.errors.has_errors());
    CHECK(state.published() == before);
    // Another document changes while the first is broken: still nothing published.
    project.edit("content/melton/2020-03-scrutiny.md", "title: \"", "title: \"Edited: ");
    CHECK_FALSE(state.apply(changed({"content/melton/2020-03-scrutiny.md"})).published);
    project.save(kPlan, good);
    serve::Rebuild fixed = state.apply(changed({kPlan}));
    REQUIRE(fixed.published);
    CHECK(std::find(fixed.changed.begin(), fixed.changed.end(), "melton/2020-03-scrutiny/index.html") !=
          fixed.changed.end());
    require_same_site(state.published()->all(), full_render(project.root()));
}

TEST_CASE("serve: the search files made from parts are what a build writes", "[serve]") {
    TempProject project;
    auto files = full_render(project.root());
    CHECK(files.count("search-index.json") == 0);
    // Each part's entries and words, put together: the files of the whole site's.
    Diagnostics diags;
    Project loaded = load_project(project.root(), diags);
    Theme theme = load_theme(loaded.root, loaded.settings.theme, diags);
    SiteContext site{loaded, theme, diags, {}, {}, {}, {}, {}, {}};
    MemoryOutput out;
    std::vector<SitePart> parts = render_test::render_parts_in_order(site, out);
    SearchFrame frame = render_index_pages(site, render_test::pointers_to(parts), out);
    std::vector<const SearchPart*> in_order;
    for (const SitePart& part : parts) in_order.push_back(&part.search);
    in_order.push_back(&frame.trailing);
    std::map<std::string, std::string> search;
    for (const auto& [path, bytes] : files)
        if (path == "search-index.js" || (path.rfind("search/", 0) == 0 && path != "search/index.html"))
            search.emplace(path, bytes);
    CHECK(search == search_files::all(in_order));
    search_test::ReadIndex index = search_test::read_search_files(files);
    std::size_t entries = 0;
    for (const SearchPart* part : in_order) entries += part->entries;
    CHECK(index.entries.size() == entries);
    // The search page holds no entries; it loads the script.
    const std::string& page = files.at("search/index.html");
    CHECK(contains(page, "<script src=\"../search-index.js\" defer=\"defer\"></script>"));
    CHECK(page.size() < 8000);
}

TEST_CASE("serve: the preview keeps the search files up to date, putting again only what an edit changes", "[serve]") {
    TempProject project;
    serve::SiteState state(project.root());
    REQUIRE(state.build_everything().published);
    auto all = state.published()->all();
    std::size_t word_files = 0;
    for (const auto& [path, file] : all) word_files += path.rfind("search/words/", 0) == 0;
    project.edit(kPlan, kTitle, "title: \"Melton plan </script> edited\"");
    serve::Rebuild edited = state.apply(changed({kPlan}));
    REQUIRE(edited.published);
    auto full = full_render(project.root());
    std::size_t words_changed = 0, entries_changed = 0;
    for (const std::string& path : edited.changed) {
        if (path.rfind("search/words/", 0) == 0) ++words_changed;
        if (path.rfind("search/entries/", 0) == 0) {
            ++entries_changed;
            std::string after = state.published()->all().at(path)->text();
            CHECK(contains(after, "Melton plan \\u003c/script> edited"));
            CHECK_FALSE(contains(after, "</script>"));
        }
    }
    // The plan's entries, and the files of the words its title brought or took away.
    CHECK(entries_changed == 1);
    CHECK(std::find(edited.changed.begin(), edited.changed.end(), "search/words/ed.js") != edited.changed.end());
    CHECK(words_changed >= 2);
    CHECK(words_changed * 3 < word_files);
    // The same entries as before: search-index.js, which counts them, is the same.
    CHECK(std::find(edited.changed.begin(), edited.changed.end(), "search-index.js") == edited.changed.end());
    for (const auto& [path, bytes] : full)
        if (path.rfind("search", 0) == 0) {
            INFO(path);
            CHECK(state.published()->all().at(path)->text() == bytes);
        }
}

// --- planc build and the planc serve command -------------------------------------------

TEST_CASE("serve: planc build output has no reload script", "[serve]") {
    TempProject project;
    std::string out = project.path("site");
    std::string command = "'" + std::string(PLANC_BINARY) + "' build '" + project.root() +
                          "' --out '" + out + "' --no-pdf 2>/dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
    int files = 0;
    for (fs::recursive_directory_iterator it(out), end; it != end; ++it) {
        if (!fs::is_regular_file(it->path())) continue;
        ++files;
        INFO(it->path().string());
        CHECK_FALSE(contains(testing::read_file(it->path().string()), "__planc"));
    }
    CHECK(files > 20);
}

TEST_CASE("serve: planc serve prints where it listens and stops cleanly on SIGTERM", "[serve]") {
    TempProject project;
    int pipe_fds[2];
    REQUIRE(::pipe(pipe_fds) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
    std::string binary = PLANC_BINARY;
    std::string root = project.root();
    std::vector<char*> argv = {binary.data(),
                               const_cast<char*>("serve"),
                               root.data(),
                               const_cast<char*>("--port"),
                               const_cast<char*>("0"),
                               nullptr};
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, binary.c_str(), &actions, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_fds[1]);

    std::string output;
    auto read_until = [&](const std::string& marker, std::chrono::milliseconds timeout) {
        auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!contains(output, marker) && std::chrono::steady_clock::now() < deadline) {
            pollfd fd{pipe_fds[0], POLLIN, 0};
            if (::poll(&fd, 1, 100) <= 0) continue;
            char chunk[1024];
            ssize_t n = ::read(pipe_fds[0], chunk, sizeof chunk);
            if (n <= 0) break;
            output.append(chunk, static_cast<std::size_t>(n));
        }
        return contains(output, marker);
    };
    bool listening = read_until("/ (no leaflet PDFs", 20s);
    std::smatch port;
    bool found = std::regex_search(output, port, std::regex("at http://127\\.0\\.0\\.1:([0-9]+)/"));
    if (listening && found) CHECK(get(static_cast<std::uint16_t>(std::stoi(port[1])), "/").status == 200);
    ::kill(pid, SIGTERM);
    int status = 0;
    bool exited = false;
    for (int i = 0; i < 100 && !exited; ++i) {
        exited = ::waitpid(pid, &status, WNOHANG) == pid;
        if (!exited) std::this_thread::sleep_for(50ms);
    }
    if (!exited) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
    }
    read_until("stopped", 2s);
    ::close(pipe_fds[0]);
    CAPTURE(output);
    REQUIRE(listening);
    REQUIRE(found);
    REQUIRE(exited);  // within 5 seconds of SIGTERM
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(contains(output, "planc serve: stopped"));
}
