// Finds the project's files (Boost.Filesystem) and hands their text to the parser.

#include <atomic>
#include <boost/filesystem.hpp>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <optional>

#include "planc/load.hpp"
#include "planc/parallel.hpp"
#include "planc/parse.hpp"

namespace fs = boost::filesystem;

namespace planc {

namespace {

/// Names become URLs: lowercase ASCII letters, digits and hyphens only.
bool valid_name(const std::string& name) {
    if (name.empty() || name.front() == '-' || name.back() == '-') return false;
    return std::all_of(name.begin(), name.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::string relative_display(const fs::path& path, const fs::path& root) {
    // Lexically first: resolving would follow symbolic links and name the target.
    fs::path lexical = path.lexically_normal().lexically_relative(root.lexically_normal());
    if (!lexical.empty() && *lexical.begin() != "..") return lexical.generic_string();
    boost::system::error_code ec;
    fs::path rel = fs::relative(path, root, ec);
    if (ec || rel.empty()) return path.generic_string();
    return rel.generic_string();
}

void report_bad_name(const std::string& display, Diagnostics& diags) {
    diags.report(DiagCode::E003,
                 "name `" + fs::path(display).filename().string() +
                     "` cannot be used in a web address: use lowercase letters, digits and hyphens",
                 {display, Span{1, 1, 1, 1}});
}

/// An entry of a folder, with its type as the listing gives it (no system call each).
struct FolderEntry {
    std::string name;
    unsigned char type = DT_UNKNOWN;  ///< DT_REG, DT_DIR, DT_LNK, ...; DT_UNKNOWN when not given

    /// DT_REG, DT_DIR, DT_LNK or another DT_ type: the listing's answer, asked of the file
    /// system only when the listing gave none, or for a link when `follow_links`.
    [[nodiscard]] unsigned char kind(const fs::path& folder, bool follow_links) const {
        if (type != DT_UNKNOWN && !(follow_links && type == DT_LNK)) return type;
        boost::system::error_code ec;
        fs::file_status status = follow_links ? fs::status(folder / name, ec) : fs::symlink_status(folder / name, ec);
        if (fs::is_regular_file(status)) return DT_REG;
        if (fs::is_directory(status)) return DT_DIR;
        if (fs::is_symlink(status)) return DT_LNK;
        return DT_UNKNOWN;  // missing, or neither: never read, never walked
    }
};

/// The entries of a folder sorted by name (the file system gives them in no fixed
/// order), without "." and "..". The listing says each entry's type on most file
/// systems: a national site's thousands of files are then never asked about one by one.
/// An unreadable folder lists nothing.
std::vector<FolderEntry> sorted_entries(const fs::path& dir) {
    std::vector<FolderEntry> out;
    DIR* listing = ::opendir(dir.c_str());
    if (!listing) return out;
    while (const dirent* e = ::readdir(listing)) {
        std::string_view name = e->d_name;
        if (name == "." || name == "..") continue;
        out.push_back(FolderEntry{std::string(name), e->d_type});
    }
    ::closedir(listing);
    std::sort(out.begin(), out.end(), [](const FolderEntry& a, const FolderEntry& b) { return a.name < b.name; });
    return out;
}

/// Symbolic links under content/ that lead out of it (E005). planc never follows them:
/// a link to ~/Documents or /etc would publish a file nobody meant to publish, and the
/// site is built from what is in content/ alone.
class EscapingLinks {
public:
    /// Walks the whole of `content` (without following links) and reports each link
    /// whose target is outside it.
    EscapingLinks(const fs::path& content, const fs::path& root, Diagnostics& diags) {
        boost::system::error_code ec;
        fs::path inside = fs::canonical(content, ec);
        if (ec) return;
        walk(content, inside, root, diags);
    }

    /// True for a path reported (or inside a folder reported).
    [[nodiscard]] bool contains(const fs::path& path) const {
        // Asked of every file; nearly every project has no such link, and normalising a
        // path is not free.
        if (escaping_.empty()) return false;
        fs::path p = path.lexically_normal();
        return std::any_of(escaping_.begin(), escaping_.end(), [&](const fs::path& e) { return within(p, e); });
    }

private:
    /// Every entry under `folder`, links not followed: each entry's type comes from the
    /// listing (no system call per file of a national site).
    void walk(const fs::path& folder, const fs::path& inside, const fs::path& root, Diagnostics& diags) {
        for (const FolderEntry& e : sorted_entries(folder)) {
            fs::path entry = folder / e.name;
            unsigned char kind = e.kind(folder, false);
            if (kind == DT_DIR) {
                walk(entry, inside, root, diags);
                continue;
            }
            if (kind != DT_LNK) continue;
            boost::system::error_code target_ec;
            fs::path target = fs::canonical(entry, target_ec);
            if (target_ec) continue;  // dangling or a loop: nothing there to read
            if (within(target, inside)) continue;
            std::string display = relative_display(entry, root);
            diags.report(DiagCode::E005,
                         "`" + display + "` is a symbolic link to " + target.generic_string() +
                             ", outside the content folder: planc does not follow it; copy the file into the folder instead",
                         {display, Span{}});
            escaping_.push_back(entry.lexically_normal());
        }
    }

    static bool within(const fs::path& path, const fs::path& folder) {
        auto f = folder.begin(), p = path.begin();
        for (; f != folder.end(); ++f, ++p) {
            if (p == path.end() || *p != *f) return false;
        }
        return true;
    }

    std::vector<fs::path> escaping_;
};

/// One document to parse: where it is and where its results go.
struct PendingDocument {
    fs::path file;
    std::string display;
    std::size_t partnership;
    Diagnostics diags;
};

/// What loading one partnership folder gives: the partnership (none when the folder's
/// name cannot be used), its documents still to parse, and findings.
struct LoadedFolder {
    std::optional<Partnership> partnership;
    std::vector<PendingDocument> documents;  ///< `partnership` not yet set
    Diagnostics diags;
};

LoadedFolder load_partnership(const fs::path& folder, const fs::path& root, const EscapingLinks& escaping) {
    LoadedFolder loaded;
    Diagnostics& diags = loaded.diags;
    std::string slug = folder.filename().string();
    std::string folder_display = relative_display(folder, root);
    if (!valid_name(slug)) {
        report_bad_name(folder_display, diags);
        return loaded;
    }
    Partnership partnership;
    fs::path index = folder / "_index.md";
    std::string index_display = relative_display(index, root);
    if (escaping.contains(index)) {
        // reported as E005
    } else if (fs::exists(index)) {
        std::string text;
        if (read_text_file(index.string(), index_display, text, diags))
            partnership = parse_partnership_index(index_display, std::move(text), diags);
    } else {
        diags.report(DiagCode::E001, "partnership folder has no `_index.md`: add one with the partnership's `name`",
                     {folder_display, Span{}});
    }
    partnership.slug = slug;
    partnership.index_path = index_display;
    for (const FolderEntry& e : sorted_entries(folder)) {
        const std::string& name = e.name;
        if (name == "_index.md" || name.size() < 3 || name.compare(name.size() - 3, 3, ".md") != 0) continue;
        fs::path entry = folder / name;
        if (escaping.contains(entry) || e.kind(folder, true) != DT_REG) continue;
        // The folder's display path and the name: what relative_display gives for a
        // plain file name, without taking the path apart again for each file.
        std::string display = folder_display + "/" + name;
        if (!valid_name(name.substr(0, name.size() - 3))) {
            report_bad_name(display, diags);
            continue;
        }
        loaded.documents.push_back(PendingDocument{entry, display, 0, {}});
    }
    loaded.partnership = std::move(partnership);
    return loaded;
}

}  // namespace

bool read_text_file(const std::string& path, const std::string& display_path, std::string& out, Diagnostics& diags) {
    // Only regular files, and none too large to be a plan: a FIFO or a device named
    // "x.md" would block or never end, a huge file would only cost memory.
    // Opened without waiting (a FIFO with no writer would block) and asked what it is:
    // one look-up of the path, then questions to the open file.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        diags.report(DiagCode::E002, "cannot read this file", {display_path, Span{}});
        return false;
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat info {};
    if (::fstat(fd, &info) != 0) {
        diags.report(DiagCode::E002, "cannot read this file", {display_path, Span{}});
        return false;
    }
    if (!S_ISREG(info.st_mode)) {
        diags.report(DiagCode::E002, "this is not a regular file: planc reads only text files", {display_path, Span{}});
        return false;
    }
    const auto size = static_cast<std::uintmax_t>(info.st_size);
    if (size > kMaxSourceBytes) {
        diags.report(DiagCode::E002, too_large_message(size), {display_path, Span{}});
        return false;
    }
    // Read straight into a string of the file's size: the text is kept for the whole run
    // (diagnostics quote it), so it should hold no spare capacity. The file may still
    // grow or shrink while it is read; whatever is there is read.
    out.clear();
    out.resize(static_cast<std::size_t>(size));
    std::size_t done = 0;
    char more[1 << 16];  // once the size it had is read: anything it grew by since
    for (;;) {
        const bool full = done == out.size();
        ssize_t n = full ? ::read(fd, more, sizeof more) : ::read(fd, out.data() + done, out.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) break;
        if (n == 0) {
            out.resize(done);  // at its end (it may have shrunk)
            return true;
        }
        if (full) out.append(more, static_cast<std::size_t>(n));
        done += static_cast<std::size_t>(n);
        if (done > kMaxSourceBytes) {
            diags.report(DiagCode::E002, too_large_message(done), {display_path, Span{}});
            return false;
        }
    }
    diags.report(DiagCode::E002, "cannot read this file", {display_path, Span{}});
    return false;
}

struct ProjectLoad::Pending {
    std::vector<PendingDocument> documents;
};

ProjectLoad::ProjectLoad(const std::string& root_text, Project& project, Diagnostics& diags)
    : project_(project), diags_(diags), pending_(std::make_unique<Pending>()) {
    fs::path root = fs::absolute(root_text.empty() ? "." : root_text);
    project_.root = root.string();
    fs::path settings = root / "planc.yml";
    if (fs::exists(settings)) {
        std::string text;
        if (read_text_file(settings.string(), "planc.yml", text, diags))
            project_.settings = parse_site_settings("planc.yml", text, diags);
    }
    fs::path content = root / "content";
    if (!fs::is_directory(content)) {
        diags.report(DiagCode::E002, "no `content/` folder here: run planc in the project folder or name it",
                     {relative_display(content, fs::current_path()), Span{}});
        return;
    }
    EscapingLinks escaping(content, root, diags);
    std::vector<fs::path> folders;
    for (const FolderEntry& e : sorted_entries(content)) {
        fs::path entry = content / e.name;
        if (!escaping.contains(entry) && e.kind(content, true) == DT_DIR) folders.push_back(entry);
    }
    // Each folder listed and its _index.md parsed on every core (a national site has
    // hundreds), then added in folder order: the same project as one thread makes.
    std::vector<LoadedFolder> loaded(folders.size());
    parallel_for(folders.size(), [&](std::size_t i) { loaded[i] = load_partnership(folders[i], root, escaping); });
    for (LoadedFolder& folder : loaded) {
        diags.append(folder.diags);
        if (!folder.partnership) continue;
        for (PendingDocument& doc : folder.documents) {
            doc.partnership = project_.partnerships.size();
            pending_->documents.push_back(std::move(doc));
        }
        project_.partnerships.push_back(std::move(*folder.partnership));
    }
}

ProjectLoad::~ProjectLoad() = default;

std::size_t ProjectLoad::document_count() const { return pending_->documents.size(); }

void ProjectLoad::parse_documents(const ParsedDocumentHook& after_parse,
                                  const PartnershipParsedHook& partnership_parsed) {
    std::vector<PendingDocument>& pending = pending_->documents;
    // Every document gets its slot first, so that a document parsed on one thread never
    // moves while another thread works on its neighbour. `pending` is in project order.
    std::vector<Document*> slots(pending.size());
    const std::size_t partnerships = project_.partnerships.size();
    // How many documents of each partnership are still to go through the hook: the
    // thread that takes one to zero runs partnership_parsed.
    std::vector<std::atomic<std::size_t>> unfinished(partnerships);
    {
        std::vector<std::size_t> counts(partnerships, 0);
        for (const PendingDocument& p : pending) ++counts[p.partnership];
        for (std::size_t i = 0; i < counts.size(); ++i) {
            project_.partnerships[i].documents.resize(counts[i]);
            unfinished[i] = counts[i];
        }
        std::fill(counts.begin(), counts.end(), 0);
        for (std::size_t i = 0; i < pending.size(); ++i)
            slots[i] = &project_.partnerships[pending[i].partnership].documents[counts[pending[i].partnership]++];
    }
    if (partnership_parsed)
        for (std::size_t i = 0; i < partnerships; ++i)
            if (unfinished[i] == 0) partnership_parsed(i, project_.partnerships[i]);
    // Read and parsed on every core. Each document's findings are kept in its own slot
    // and merged in file order, so the output is the same as a single-threaded run.
    parallel_for(pending.size(), [&](std::size_t i) {
        PendingDocument& p = pending[i];
        Document& doc = *slots[i];
        std::string text;
        if (read_text_file(p.file.string(), p.display, text, p.diags))
            doc = parse_document(p.display, std::move(text), p.diags);
        else
            doc.path = p.display;
        if (after_parse) after_parse(i, project_.partnerships[p.partnership], doc, p.diags);
        // acq_rel: the thread that finishes a partnership sees every document of it as
        // the other threads left them.
        if (unfinished[p.partnership].fetch_sub(1, std::memory_order_acq_rel) == 1 && partnership_parsed)
            partnership_parsed(p.partnership, project_.partnerships[p.partnership]);
    });
    for (PendingDocument& p : pending) diags_.append(p.diags);
    pending.clear();
}

Project load_project(const std::string& root, Diagnostics& diags) {
    Project project;
    ProjectLoad load(root, project, diags);
    load.parse_documents();
    return project;
}

std::optional<std::string> read_source_again(const Project& project, const Document& doc) {
    if (!doc.outline_only) return doc.source;
    fs::path file = fs::path(project.root) / doc.path;
    Diagnostics ignored;  // an excerpt that cannot be shown is not a finding
    std::string text;
    if (!read_text_file(file.string(), doc.path, text, ignored)) return std::nullopt;
    if (text.size() != doc.source_size || source_digest(text) != doc.source_digest) return std::nullopt;
    return text;
}

Project load_single_document(const std::string& file, Diagnostics& diags) {
    Project project;
    fs::path path = fs::absolute(file);
    // The project root is the folder that holds content/; fall back to the file's folder.
    fs::path root = path.parent_path();
    for (fs::path p = path.parent_path(); !p.empty() && p != p.root_path(); p = p.parent_path()) {
        if (p.filename() == "content") {
            root = p.parent_path();
            break;
        }
    }
    project.root = root.string();
    std::string display = relative_display(path, root);
    Partnership partnership;
    fs::path index = path.parent_path() / "_index.md";
    if (fs::exists(index) && path.filename() != "_index.md") {
        std::string text;
        std::string index_display = relative_display(index, root);
        if (read_text_file(index.string(), index_display, text, diags))
            partnership = parse_partnership_index(index_display, std::move(text), diags);
    }
    partnership.slug = path.parent_path().filename().string();
    std::string text;
    if (read_text_file(path.string(), display, text, diags))
        partnership.documents.push_back(parse_document(display, std::move(text), diags));
    project.partnerships.push_back(std::move(partnership));
    return project;
}

}  // namespace planc
