#pragma once
/// Where renderers write: an interface, so tests can render into memory and the build
/// can write into a fresh folder that is swapped in only when everything succeeded.

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace planc {

struct ScannedLinks;

class OutputSink {
public:
    virtual ~OutputSink() = default;
    /// Writes one file; `path` is relative to the output root, with '/' separators.
    /// Throws std::runtime_error when the file cannot be written.
    virtual void write(const std::string& path, std::string_view bytes) = 0;
    /// Writes one file made of `parts` one after another, as write() of their
    /// concatenation would: a file assembled from pieces need not be copied into one
    /// string first.
    virtual void write_parts(const std::string& path, const std::vector<std::string_view>& parts) {
        std::string whole;
        std::size_t size = 0;
        for (std::string_view p : parts) size += p.size();
        whole.reserve(size);
        for (std::string_view p : parts) whole.append(p);
        write(path, whole);
    }
    /// Writes an HTML page whose links and ids are known already (recorded as it was
    /// written), so a sink that checks links need not read the page again. Others write
    /// it as any file.
    virtual void write_page(const std::string& path, std::string_view bytes, ScannedLinks&& links);
    /// True when write() may be called from several threads at once; otherwise the
    /// caller must take turns (the build's parallel render locks around such a sink).
    [[nodiscard]] virtual bool concurrent_writes() const { return false; }
};

/// Keeps files in memory (tests, fuzzing, the live preview).
class MemoryOutput final : public OutputSink {
public:
    void write(const std::string& path, std::string_view bytes) override { files[path] = std::string(bytes); }
    std::map<std::string, std::string> files;
};

/// Writes files under a folder, creating folders as needed. Safe to write from several
/// threads at once (different paths).
class DirectoryOutput final : public OutputSink {
public:
    explicit DirectoryOutput(std::string root) : root_(std::move(root)) {}
    void write(const std::string& path, std::string_view bytes) override;
    void write_parts(const std::string& path, const std::vector<std::string_view>& parts) override;
    [[nodiscard]] bool concurrent_writes() const override { return true; }
    [[nodiscard]] std::size_t files_written() const { return count_; }
    /// HTML pages among the files written.
    [[nodiscard]] std::size_t pages_written() const { return pages_; }

private:
    /// Creates the folder (and its parents) once; later calls for it cost a set lookup.
    void make_folder(const std::string& folder);
    /// The full path of `path` under the root, its folder made; throws for a path that
    /// would leave the root.
    std::string prepare_path(const std::string& path);

    std::string root_;
    std::atomic<std::size_t> count_ = 0;
    std::atomic<std::size_t> pages_ = 0;
    std::mutex folders_mutex_;
    std::unordered_set<std::string> folders_made_;  ///< a national site makes tens of thousands
};

/// Builds into a temporary folder beside `target` and, on commit(), swaps it in
/// atomically (rename). If commit() is never called the temporary folder is removed
/// and `target` stays exactly as it was.
class StagedDirectory {
public:
    explicit StagedDirectory(std::string target);
    ~StagedDirectory();
    StagedDirectory(const StagedDirectory&) = delete;
    StagedDirectory& operator=(const StagedDirectory&) = delete;

    [[nodiscard]] const std::string& staging_path() const { return staging_; }
    /// Replaces `target` with the staged folder. Throws std::runtime_error on failure,
    /// leaving `target` as it was.
    void commit();

private:
    std::string target_;
    std::string staging_;
    bool committed_ = false;
};

}  // namespace planc
