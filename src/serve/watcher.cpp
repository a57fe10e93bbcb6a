// inotify watches over content/, themes/ and planc.yml (see watcher.hpp).

#include "serve/watcher.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <cerrno>
#include <climits>
#include <cstring>
#include <stdexcept>

namespace fs = boost::filesystem;

namespace planc::serve {

namespace {

// Writes are seen when the file is closed, so a half-written file is never read; renames
// and deletions as they happen. IN_CREATE matters for folders (watched at once) and links.
constexpr std::uint32_t kFolderMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
                                      IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB;

std::string join(const std::string& folder, const std::string& name) {
    return folder.empty() ? name : folder + "/" + name;
}

}  // namespace

Watcher::Watcher(std::string root) : root_(std::move(root)) {
    fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd_ < 0)
        throw std::runtime_error(std::string("cannot watch files (inotify): ") + std::strerror(errno));
    // The project folder itself: only planc.yml and the content/ and themes/ folders matter.
    root_wd_ = ::inotify_add_watch(
        fd_, root_.c_str(),
        IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB | IN_ONLYDIR);
    if (root_wd_ < 0) {
        int err = errno;
        ::close(fd_);
        throw std::runtime_error("cannot watch " + root_ + ": " + std::strerror(err));
    }
    watch_tree("content");
    watch_tree("themes");
}

Watcher::~Watcher() {
    if (fd_ >= 0) ::close(fd_);
}

void Watcher::watch_folder(const std::string& relative) {
    int wd = ::inotify_add_watch(fd_, (root_ + "/" + relative).c_str(), kFolderMask | IN_ONLYDIR);
    if (wd >= 0) folders_[wd] = relative;
}

void Watcher::watch_tree(const std::string& relative) {
    fs::path top = fs::path(root_) / relative;
    boost::system::error_code ec;
    if (!fs::is_directory(top, ec)) return;
    watch_folder(relative);
    for (fs::recursive_directory_iterator it(top, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->path().filename().string().front() == '.') {  // .git and editors' hidden folders
            if (fs::is_directory(it->path(), ec)) it.disable_recursion_pending();
            continue;
        }
        if (fs::is_directory(it->path(), ec))
            watch_folder(join(relative, it->path().lexically_relative(top).generic_string()));
    }
}

bool Watcher::drain(ChangeBatch& batch) {
    alignas(inotify_event) char buffer[16 * (sizeof(inotify_event) + NAME_MAX + 1)];
    bool any = false;
    for (;;) {
        ssize_t n = ::read(fd_, buffer, sizeof buffer);
        if (n <= 0) break;  // EAGAIN: nothing more for now
        for (char* at = buffer; at < buffer + n;) {
            auto* event = reinterpret_cast<inotify_event*>(at);
            at += sizeof(inotify_event) + event->len;
            if (event->mask & IN_Q_OVERFLOW) {
                batch.overflow = true;
                any = true;
                continue;
            }
            if (event->mask & IN_IGNORED) {
                folders_.erase(event->wd);
                continue;
            }
            std::string name = event->len ? std::string(event->name) : std::string();
            std::string path;
            if (event->wd == root_wd_) {
                if (name != "planc.yml" && name != "content" && name != "themes") continue;
                path = name;
                if ((event->mask & (IN_CREATE | IN_MOVED_TO)) && (event->mask & IN_ISDIR)) watch_tree(name);
            } else {
                auto folder = folders_.find(event->wd);
                if (folder == folders_.end()) continue;
                path = name.empty() ? folder->second : join(folder->second, name);
                if (!name.empty() && (event->mask & (IN_CREATE | IN_MOVED_TO)) && (event->mask & IN_ISDIR))
                    watch_tree(path);
            }
            if (!any && batch.paths.empty()) batch.first_event = std::chrono::steady_clock::now();
            batch.paths.insert(path);
            any = true;
        }
    }
    return any;
}

std::optional<ChangeBatch> Watcher::wait(int stop_fd, std::chrono::milliseconds quiet,
                                         std::chrono::milliseconds longest) {
    using clock = std::chrono::steady_clock;
    ChangeBatch batch;
    bool started = false;
    for (;;) {
        int timeout = -1;
        if (started) {
            auto now = clock::now();
            auto cut = batch.first_event + longest;
            if (now >= cut) return batch;
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(cut - now);
            timeout = static_cast<int>(std::min(quiet, left).count());
        }
        pollfd fds[2] = {{fd_, POLLIN, 0}, {stop_fd, POLLIN, 0}};
        int ready = ::poll(fds, 2, timeout);
        if (ready < 0 && errno == EINTR) continue;
        if (fds[1].revents & POLLIN) return std::nullopt;
        if (ready == 0) {
            if (started) return batch;  // quiet: the burst is over
            continue;
        }
        if (drain(batch) && !started) {
            started = true;
            if (batch.first_event == clock::time_point{}) batch.first_event = clock::now();
        }
    }
}

}  // namespace planc::serve
