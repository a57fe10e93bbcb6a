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

#include "planc/parallel.hpp"
#include "render/pages.hpp"

extern char** environ;

namespace fs = boost::filesystem;

namespace planc {

namespace {

/// 1 January 2000, 00:00 UTC: any fixed time will do; it only reaches font headers.
constexpr const char* kSourceDateEpoch = "SOURCE_DATE_EPOCH=946684800";

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

/// The last line with text in it ("ModuleNotFoundError: ..." at the end of a traceback).
std::string last_line(const std::string& text) {
    std::size_t end = text.find_last_not_of("\n \t\r");
    if (end == std::string::npos) return {};
    std::size_t start = text.rfind('\n', end);
    return text.substr(start == std::string::npos ? 0 : start + 1, end + 1 - (start == std::string::npos ? 0 : start + 1));
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

/// Starts `args` with SOURCE_DATE_EPOCH fixed, stdout to /dev/null and stderr to `log`.
pid_t spawn(const std::vector<std::string>& args, const fs::path& log) {
    std::vector<std::string> env_strings;
    for (char** e = environ; e && *e; ++e)
        if (std::strncmp(*e, "SOURCE_DATE_EPOCH=", 18) != 0) env_strings.emplace_back(*e);
    env_strings.emplace_back(kSourceDateEpoch);
    std::vector<char*> envp;
    for (auto& s : env_strings) envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> arg_strings = args;
    std::vector<char*> argv;
    for (auto& a : arg_strings) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    pid_t pid = -1;
    int rc = posix_spawnp(&pid, arg_strings.front().c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0 ? pid : -1;
}

/// The weasyprint options planc prints leaflets with (tagged PDF, print styles).
const std::vector<std::string> kWeasyprintOptions = {"--quiet", "--pdf-variant", "pdf/ua-1", "--media-type", "print"};

/// Runs weasyprint's own command-line entry point once per line of the list file given
/// ("input<TAB>output<TAB>log"), in one Python process: starting Python and weasyprint
/// costs more than printing a leaflet, so a process per leaflet doubled the time of a
/// build with PDFs. A leaflet that fails writes why to its log; the others go on.
constexpr const char* kBatchScript = R"PY(
import sys
from weasyprint.__main__ import main
options = sys.argv[2:]
with open(sys.argv[1], encoding="utf-8") as jobs:
    for line in jobs:
        source, target, log = line.rstrip("\n").split("\t")
        try:
            main(options + [source, target])
        except BaseException as error:
            with open(log, "w", encoding="utf-8") as out:
                out.write(type(error).__name__ + ": " + str(error) + "\n")
)PY";

/// The command that runs the weasyprint program's Python with `-c`: its "#!" line, when
/// it names a Python interpreter ("#!/usr/bin/python3", "#!/usr/bin/env python3"); empty
/// when the program is something else (then each leaflet gets a weasyprint process).
std::vector<std::string> python_of(const std::string& program) {
    std::ifstream in(program);
    std::string first;
    if (!std::getline(in, first) || first.rfind("#!", 0) != 0 || first.find("python") == std::string::npos) return {};
    std::vector<std::string> words;
    std::istringstream line(first.substr(2));
    for (std::string w; line >> w;) words.push_back(w);
    return words;
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
    // The PDF of a job that worked, or an E002 with the first line weasyprint wrote.
    auto collect = [&](const Job& job, bool made, std::string first_line = {}) {
        std::string site_path = job.page.substr(0, job.page.rfind('/') + 1) + "leaflet.pdf";
        if (made) {
            pdfs[site_path] = read_file(job.output);
            return;
        }
        if (first_line.empty()) {
            std::string log = read_file(job.log);
            first_line = log.substr(0, log.find('\n'));
        }
        diags.report(DiagCode::E002,
                     "weasyprint could not make " + site_path + (first_line.empty() ? "" : ": " + first_line),
                     {job.page, Span{}});
    };
    // weasyprint runs single-threaded: one process per core.
    const std::size_t kParallel = worker_count();
    std::vector<std::string> python = python_of(program);
    if (!python.empty()) {
        // kParallel Python processes, each printing every kParallel-th leaflet.
        std::vector<pid_t> batches;
        std::vector<fs::path> batch_logs;
        for (std::size_t b = 0; b < std::min(kParallel, jobs.size()); ++b) {
            fs::path list = temp.path / ("leaflets-" + std::to_string(b) + ".txt");
            std::string lines;
            for (std::size_t i = b; i < jobs.size(); i += kParallel)
                lines += jobs[i].input.string() + '\t' + jobs[i].output.string() + '\t' + jobs[i].log.string() + '\n';
            batch_logs.push_back(temp.path / ("leaflets-" + std::to_string(b) + ".log"));
            std::vector<std::string> args = python;
            args.insert(args.end(), {"-c", kBatchScript, list.string()});
            args.insert(args.end(), kWeasyprintOptions.begin(), kWeasyprintOptions.end());
            batches.push_back(write_file(list, lines) ? spawn(args, batch_logs.back()) : -1);
        }
        for (pid_t pid : batches)
            if (pid > 0) ::waitpid(pid, nullptr, 0);
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            bool made = fs::exists(jobs[i].output);
            // A leaflet with no PDF and no word of why: the batch itself failed (say, no
            // weasyprint module for that Python); the last line of its traceback says why.
            std::string why;
            if (!made && read_file(jobs[i].log).empty()) why = last_line(read_file(batch_logs[i % batch_logs.size()]));
            collect(jobs[i], made, why);
        }
        return pdfs;
    }
    for (std::size_t first = 0; first < jobs.size(); first += kParallel) {
        std::size_t last = std::min(jobs.size(), first + kParallel);
        for (std::size_t i = first; i < last; ++i) {
            std::vector<std::string> args = {program};
            args.insert(args.end(), kWeasyprintOptions.begin(), kWeasyprintOptions.end());
            args.insert(args.end(), {jobs[i].input.string(), jobs[i].output.string()});
            jobs[i].pid = spawn(args, jobs[i].log);
        }
        for (std::size_t i = first; i < last; ++i) {
            int status = -1;
            if (jobs[i].pid > 0) ::waitpid(jobs[i].pid, &status, 0);
            collect(jobs[i], jobs[i].pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0 && fs::exists(jobs[i].output));
        }
    }
    return pdfs;
}

}  // namespace planc
