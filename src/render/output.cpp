#include "planc/output.hpp"

#include <boost/filesystem.hpp>

#include <cstdio>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

namespace fs = boost::filesystem;

namespace planc {

void DirectoryOutput::write(const std::string& path, std::string_view bytes) {
    // Renderers only produce relative paths without "..": refuse anything else, so
    // nothing can ever be written outside the output folder.
    if (path.empty() || path.front() == '/' || path.find("..") != std::string::npos)
        throw std::runtime_error("refusing to write outside the output folder: " + path);
    fs::path full = fs::path(root_) / path;
    boost::system::error_code ec;
    fs::create_directories(full.parent_path(), ec);
    if (ec) throw std::runtime_error("cannot create folder " + full.parent_path().string() + ": " + ec.message());
    std::ofstream file(full.string(), std::ios::binary | std::ios::trunc);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    file.close();
    if (!file) throw std::runtime_error("cannot write " + full.string());
    ++count_;
}

StagedDirectory::StagedDirectory(std::string target) : target_(std::move(target)) {
    fs::path t = fs::absolute(target_);
    std::string name = t.filename().string();
    if (name.empty() || name == ".") name = "site";
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
