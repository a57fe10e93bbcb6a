#include "planc/output.hpp"

#include <boost/filesystem.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <vector>

namespace fs = boost::filesystem;

namespace planc {

void OutputSink::write_page(const std::string& path, std::string_view bytes, ScannedLinks&& /*links*/) {
    write(path, bytes);
}

namespace {

/// Writes all of `bytes` to `fd`; 0, or the errno of the failure.
int write_all(int fd, std::string_view bytes) {
    for (std::size_t done = 0; done < bytes.size();) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return n < 0 ? errno : EIO;
        done += static_cast<std::size_t>(n);
    }
    return 0;
}

}  // namespace

void DirectoryOutput::make_folder(const std::string& folder) {
    {
        std::lock_guard<std::mutex> lock(folders_mutex_);
        if (folders_made_.count(folder)) return;
    }
    // Nearly every folder is new and its parent made already: one mkdir, and a climb to
    // the parent only when that fails for want of it. Two threads making the same folder
    // both succeed (EEXIST).
    if (::mkdir(folder.c_str(), 0755) != 0 && errno != EEXIST) {
        std::size_t slash = folder.rfind('/');
        if (errno != ENOENT || slash == std::string::npos || slash == 0)
            throw std::runtime_error("cannot create folder " + folder + ": " + std::strerror(errno));
        make_folder(folder.substr(0, slash));
        if (::mkdir(folder.c_str(), 0755) != 0 && errno != EEXIST)
            throw std::runtime_error("cannot create folder " + folder + ": " + std::strerror(errno));
    }
    std::lock_guard<std::mutex> lock(folders_mutex_);
    folders_made_.insert(folder);
}

void DirectoryOutput::write(const std::string& path, std::string_view bytes) { write_parts(path, {bytes}); }

std::string DirectoryOutput::prepare_path(const std::string& path) {
    // Renderers only produce relative paths without "..": refuse anything else, so
    // nothing can ever be written outside the output folder.
    if (path.empty() || path.front() == '/' || path.find("..") != std::string::npos ||
        path.find('\0') != std::string::npos || path.find('\\') != std::string::npos)
        throw std::runtime_error("refusing to write outside the output folder: " + path);
    std::string full = root_ + "/" + path;
    make_folder(full.substr(0, full.rfind('/')));
    return full;
}

void DirectoryOutput::write_parts(const std::string& path, const std::vector<std::string_view>& parts) {
    std::string full = prepare_path(path);
    // Plain system calls: a site is thousands of small files, and a stream per file
    // costs more than the write itself.
    int fd = ::open(full.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    int error = fd < 0 ? errno : 0;
    for (std::string_view bytes : parts) {
        if (error) break;
        error = write_all(fd, bytes);
    }
    if (fd >= 0 && ::close(fd) != 0 && !error) error = errno;
    if (error) throw std::runtime_error("cannot write " + full + ": " + std::strerror(error));  // ENOSPC: "No space left"
    ++count_;
    if (path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0) ++pages_;
}

namespace {

/// True when a process with this id is running (a build that owns its folders).
bool process_alive(long pid) { return pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM); }

/// Cleans up after builds that were killed: removes their staging folders
/// (".site.planc-new-PID") and, when the target is missing because a build died between
/// moving the old site aside and moving the new one in, puts the old site back.
void recover_stale(const fs::path& target, const std::string& name) {
    boost::system::error_code ec;
    const std::string new_prefix = "." + name + ".planc-new-";
    const std::string old_prefix = "." + name + ".planc-old-";
    std::vector<fs::path> stale_new, stale_old;
    for (fs::directory_iterator it(target.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
        std::string entry = it->path().filename().string();
        for (const auto* prefix : {&new_prefix, &old_prefix}) {
            if (entry.rfind(*prefix, 0) != 0) continue;
            std::string digits = entry.substr(prefix->size());
            if (digits.empty() || digits.size() > 10 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
            if (process_alive(std::stol(digits))) continue;  // another build at work right now
            (prefix == &new_prefix ? stale_new : stale_old).push_back(it->path());
        }
    }
    boost::system::error_code e;
    if (!fs::exists(target, e) && stale_old.size() == 1) fs::rename(stale_old.front(), target, e);
    for (const fs::path& p : stale_new) fs::remove_all(p, e);
    if (fs::exists(target, e))
        for (const fs::path& p : stale_old) fs::remove_all(p, e);
}

}  // namespace

StagedDirectory::StagedDirectory(std::string target) : target_(std::move(target)) {
    fs::path t = fs::absolute(target_);
    std::string name = t.filename().string();
    if (name.empty() || name == ".") name = "site";
    recover_stale(t, name);
    staging_ = (t.parent_path() / ("." + name + ".planc-new-" + std::to_string(::getpid()))).string();
    boost::system::error_code ec;
    fs::remove_all(staging_, ec);
    fs::create_directories(staging_, ec);
    if (ec) throw std::runtime_error("cannot create " + staging_ + ": " + ec.message());
}

StagedDirectory::~StagedDirectory() {
    if (!committed_) {
        boost::system::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

void StagedDirectory::commit() {
    fs::path target = fs::absolute(target_);
    fs::path old = target.parent_path() / ("." + target.filename().string() + ".planc-old-" + std::to_string(::getpid()));
    boost::system::error_code ec;
    // A README kept in the output folder (it explains the folder in the repository)
    // survives the swap.
    if (fs::exists(target / "README.md") && !fs::exists(fs::path(staging_) / "README.md"))
        fs::copy_file(target / "README.md", fs::path(staging_) / "README.md", ec);
    bool had_target = fs::exists(target);
    if (had_target && fs::is_directory(target)) {
        // One atomic step where the file system allows it: the old and new sites trade
        // places, so there is never a moment without a site; the old one is then removed.
        if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
            committed_ = true;
            fs::remove_all(staging_, ec);
            return;
        }
    }
    if (had_target) {
        fs::remove_all(old, ec);
        fs::rename(target, old, ec);
        if (ec) throw std::runtime_error("cannot move the previous " + target.string() + " aside: " + ec.message());
    }
    fs::rename(staging_, target, ec);
    if (ec) {
        boost::system::error_code undo;
        if (had_target) fs::rename(old, target, undo);
        throw std::runtime_error("cannot publish " + target.string() + ": " + ec.message());
    }
    committed_ = true;
    fs::remove_all(old, ec);
}

}  // namespace planc
