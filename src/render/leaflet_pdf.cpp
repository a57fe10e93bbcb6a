// leaflet.pdf: weasyprint run on the leaflet page as written, from a private temporary
// copy of the site's leaflet pages and assets (the output sink only takes bytes).
//
// Deterministic: weasyprint 57 writes no creation date unless the page asks for one,
// and the only clock it reads is through fontTools, which stamps subset fonts with the
// time unless SOURCE_DATE_EPOCH is set. We set it to a fixed value, so the same input
// gives byte-identical PDFs. The PDF is tagged (PDF/UA-1) for screen readers.

#include <boost/filesystem.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "render/pages.hpp"

extern char** environ;

namespace fs = boost::filesystem;

namespace planc {

namespace {

/// 1 January 2000, 00:00 UTC: any fixed time will do; it only reaches font headers.
constexpr const char* kSourceDateEpoch = "SOURCE_DATE_EPOCH=946684800";
constexpr std::size_t kParallel = 2;

std::string find_program(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        std::size_t colon = dirs.find(':', start);
        if (colon == std::string::npos) colon = dirs.size();
        std::string dir = dirs.substr(start, colon - start);
        if (!dir.empty()) {
            std::string full = dir + "/" + name;
            if (::access(full.c_str(), X_OK) == 0) return full;
        }
        start = colon + 1;
    }
    return {};
}

bool write_file(const fs::path& path, const std::string& bytes) {
    boost::system::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    std::ofstream file(path.string(), std::ios::binary | std::ios::trunc);
    file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(file);
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path.string(), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Removes the temporary folder however we leave.
struct TempFolder {
    fs::path path;
    ~TempFolder() {
        boost::system::error_code ec;
        if (!path.empty()) fs::remove_all(path, ec);
    }
};

struct Job {
    std::string page;  ///< site path of the leaflet HTML
    fs::path input, output, log;
    pid_t pid = -1;
};

pid_t spawn_weasyprint(const std::string& program, const Job& job) {
    std::vector<std::string> env_strings;
    for (char** e = environ; e && *e; ++e)
        if (std::strncmp(*e, "SOURCE_DATE_EPOCH=", 18) != 0) env_strings.emplace_back(*e);
    env_strings.emplace_back(kSourceDateEpoch);
    std::vector<char*> envp;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> args = {program, "--quiet", "--pdf-variant", "pdf/ua-1", "--media-type", "print",
                                     job.input.string(), job.output.string()};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, job.log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

}  // namespace

bool weasyprint_available() { return !find_program("weasyprint").empty(); }

std::map<std::string, std::string> make_leaflet_pdfs(const std::map<std::string, std::string>& print_pages,
                                                     const std::map<std::string, std::string>& resources,
                                                     Diagnostics& diags) {
    std::map<std::string, std::string> pdfs;
    std::string program = find_program("weasyprint");
    if (program.empty() || print_pages.empty()) return pdfs;
    TempFolder temp;
    std::string pattern = (fs::temp_directory_path() / "planc-leaflet-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) {
        diags.report(DiagCode::E002, "cannot make a temporary folder for the leaflet PDFs", {"planc.yml", Span{}});
        return pdfs;
    }
    temp.path = pattern;
    // The pages and everything they can load: assets and content files.
    std::map<std::string, std::string> files = print_pages;
    files.insert(resources.begin(), resources.end());
    for (const auto& [path, bytes] : files) {
        if (!write_file(temp.path / path, bytes)) {
            diags.report(DiagCode::E002, "cannot write a temporary copy of " + path, {"planc.yml", Span{}});
            return pdfs;
        }
    }
    std::vector<Job> jobs;
    for (const auto& [page, html] : print_pages) {
        Job job;
        job.page = page;
        job.input = temp.path / page;
        job.output = job.input.parent_path() / "leaflet.pdf";
        job.log = job.input.parent_path() / "weasyprint.log";
        jobs.push_back(job);
    }
    for (std::size_t first = 0; first < jobs.size(); first += kParallel) {
        std::size_t last = std::min(jobs.size(), first + kParallel);
        for (std::size_t i = first; i < last; ++i) jobs[i].pid = spawn_weasyprint(program, jobs[i]);
        for (std::size_t i = first; i < last; ++i) {
            Job& job = jobs[i];
            int status = -1;
            if (job.pid > 0) ::waitpid(job.pid, &status, 0);
            std::string site_path = job.page.substr(0, job.page.rfind('/') + 1) + "leaflet.pdf";
            if (job.pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 && fs::exists(job.output)) {
                pdfs[site_path] = read_file(job.output);
                continue;
            }
            std::string log = read_file(job.log);
            std::string first_line = log.substr(0, log.find('\n'));
            diags.report(DiagCode::E002,
                         "weasyprint could not make " + site_path + (first_line.empty() ? "" : ": " + first_line),
                         {job.page, Span{}});
        }
    }
    return pdfs;
}

}  // namespace planc
