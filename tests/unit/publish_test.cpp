// Atomic publish: a build that fails for any reason leaves the previous site byte for
// byte as it was, and never leaves anything behind that breaks the next build.
//
// (a) an error in a plan, (b) a build killed with SIGKILL half way, (c) a full disk (a
// 1 MB tmpfs when the tests run as root and may mount one, and always a sink that fails
// like a full disk), (d) a writer that fails; and the guards around the output folder:
// never the sources, never a folder planc did not make, never a path outside it.

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>
#include <thread>

#include "planc/build.hpp"
#include "planc/output.hpp"
#include "render_test_support.hpp"
#include "test_support.hpp"

extern char** environ;

using namespace planc;
namespace stdfs = std::filesystem;

namespace {

using Snapshot = std::map<std::string, std::string>;

/// Every file under `dir` (relative path -> bytes), folders as "path/".
Snapshot snapshot(const stdfs::path& dir) {
    Snapshot out;
    if (!stdfs::exists(dir)) return out;
    for (const auto& e : stdfs::recursive_directory_iterator(dir)) {
        std::string rel = stdfs::relative(e.path(), dir).generic_string();
        if (e.is_directory()) out[rel + "/"] = "";
        else out[rel] = testing::read_file(e.path().string());
    }
    return out;
}

/// Entries beside `dir` whose names start with ".NAME.planc-".
std::vector<std::string> leftovers(const stdfs::path& dir) {
    std::vector<std::string> out;
    std::string prefix = "." + dir.filename().string() + ".planc-";
    for (const auto& e : stdfs::directory_iterator(dir.parent_path()))
        if (e.path().filename().string().rfind(prefix, 0) == 0) out.push_back(e.path().filename().string());
    return out;
}

/// A temporary folder, removed afterwards.
struct TempDir {
    stdfs::path path;
    TempDir() {
        std::string pattern = (stdfs::temp_directory_path() / "planc-publish-XXXXXX").string();
        path = mkdtemp(pattern.data());
    }
    ~TempDir() {
        std::error_code ec;
        stdfs::remove_all(path, ec);
    }
};

void write_file(const stdfs::path& path, const std::string& text) {
    stdfs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

/// A project with `plans` copies of the test plan.
void make_project(const stdfs::path& root, int plans) {
    write_file(root / "content/testshire/_index.md", render_test::kIndex);
    for (int i = 0; i < plans; ++i) {
        char slug[32];
        std::snprintf(slug, sizeof slug, "plan-%03d", i);
        write_file(root / "content/testshire" / (std::string(slug) + ".md"), render_test::kPlan);
    }
}

/// Starts `planc ARGS` with no PATH (so no leaflet PDF is made: the tests stay fast and
/// need no weasyprint); output goes to `log`.
pid_t start_planc(const std::vector<std::string>& args, const stdfs::path& log) {
    std::vector<std::string> argv_s{PLANC_BINARY};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::string path_env = "PATH=/nonexistent-planc-test";
    std::vector<char*> env{path_env.data(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    pid_t pid = 0;
    int rc = posix_spawn(&pid, PLANC_BINARY, &actions, nullptr, argv.data(), env.data());
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0) throw std::runtime_error("cannot start planc");
    return pid;
}

int wait_planc(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

struct Run {
    int status;
    std::string output;
};

Run run_planc(const std::vector<std::string>& args, const stdfs::path& scratch) {
    stdfs::path log = scratch / "planc.log";
    int status = wait_planc(start_planc(args, log));
    return {status, testing::read_file(log.string())};
}

/// No leaflet PDFs while rendering in this process (weasyprint is found on PATH): the
/// tests are about files, and stay fast.
struct NoPdf {
    std::string saved = std::getenv("PATH") ? std::getenv("PATH") : "";
    NoPdf() { setenv("PATH", "/nonexistent-planc-test", 1); }
    ~NoPdf() { setenv("PATH", saved.c_str(), 1); }
    NoPdf(const NoPdf&) = delete;
    NoPdf& operator=(const NoPdf&) = delete;
};

/// A sink that fails on its `fail_at`-th write, like a full disk.
class FailingSink final : public OutputSink {
public:
    FailingSink(OutputSink& inner, std::size_t fail_at) : inner_(inner), fail_at_(fail_at) {}
    void write(const std::string& path, std::string_view bytes) override {
        if (++writes_ == fail_at_) throw std::runtime_error("cannot write " + path + ": No space left on device");
        inner_.write(path, bytes);
    }
    std::size_t writes_ = 0;

private:
    OutputSink& inner_;
    std::size_t fail_at_;
};

/// What `planc build` does after its checks, with a sink wrapped around the staged
/// folder: returns false when writing failed (the staged folder is then dropped).
bool publish_with(const Project& project, const stdfs::path& out, std::size_t fail_at) {
    NoPdf no_pdf;
    StagedDirectory staged(out.string());
    DirectoryOutput directory(staged.staging_path());
    FailingSink sink(directory, fail_at);
    Diagnostics diags;
    try {
        render_project(project, sink, diags);
    } catch (const std::runtime_error&) {
        return false;
    }
    staged.commit();
    return true;
}

/// The test project with `plans` plans, parsed in memory.
Project loaded_project(int plans) {
    std::map<std::string, std::string> docs;
    for (int i = 0; i < plans; ++i) docs["plan-" + std::to_string(i)] = render_test::kPlan;
    return render_test::make_project(docs);
}

/// A dead process id: a child that has already exited.
pid_t dead_pid() {
    pid_t child = fork();
    if (child == 0) _exit(0);
    waitpid(child, nullptr, 0);
    return child;
}

}  // namespace

TEST_CASE("(a) a plan with an error leaves the previous site exactly as it was", "[publish]") {
    TempDir temp;
    stdfs::path root = temp.path / "project";
    make_project(root, 1);
    Run first = run_planc({"build", root.string()}, temp.path);
    INFO(first.output);
    REQUIRE(first.status == 0);
    Snapshot before = snapshot(root / "site");
    REQUIRE(before.count("index.html") == 1);

    write_file(root / "content/testshire/plan-001.md", "---\ntitle: [unclosed\n---\n\nBroken.\n");
    Run broken = run_planc({"build", root.string()}, temp.path);
    INFO(broken.output);
    CHECK(broken.status == 1);
    CHECK(broken.output.find("E001") != std::string::npos);
    CHECK(broken.output.find("is unchanged") != std::string::npos);
    CHECK(snapshot(root / "site") == before);
    CHECK(leftovers(root / "site").empty());
}

TEST_CASE("(b) a build killed half way leaves the previous site, and the next build cleans up after it",
          "[publish]") {
    TempDir temp;
    stdfs::path root = temp.path / "project";
    make_project(root, 1);
    REQUIRE(run_planc({"build", root.string()}, temp.path).status == 0);
    Snapshot before = snapshot(root / "site");

    // A large project, so the build is still writing when it is killed.
    make_project(root, 400);
    pid_t pid = start_planc({"build", root.string()}, temp.path / "killed.log");
    stdfs::path staging = root / (".site.planc-new-" + std::to_string(pid));
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    bool writing = false;
    while (std::chrono::steady_clock::now() < deadline) {
        std::error_code ec;
        if (stdfs::exists(staging / "testshire", ec)) {
            writing = true;
            break;
        }
        if (waitpid(pid, nullptr, WNOHANG) == pid) break;  // finished (or failed) before we could kill it
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    INFO(testing::read_file((temp.path / "killed.log").string()));
    REQUIRE(writing);
    kill(pid, SIGKILL);
    CHECK(wait_planc(pid) == 128 + SIGKILL);

    // Half a site was written beside the old one; the old one is untouched.
    CHECK(stdfs::exists(staging));
    CHECK(snapshot(root / "site") == before);

    // The next build succeeds, publishes, and removes the killed build's folder.
    for (int i = 1; i < 400; ++i) {
        char slug[32];
        std::snprintf(slug, sizeof slug, "plan-%03d.md", i);
        stdfs::remove(root / "content/testshire" / slug);
    }
    write_file(root / "content/testshire/plan-000.md",
               std::string(render_test::kPlan) + "\n## Changed\n\nA new paragraph.\n");
    Run next = run_planc({"build", root.string()}, temp.path);
    INFO(next.output);
    CHECK(next.status == 0);
    CHECK_FALSE(stdfs::exists(staging));
    CHECK(leftovers(root / "site").empty());
    CHECK(snapshot(root / "site") != before);
    CHECK(testing::read_file((root / "site/testshire/plan-000/index.html").string()).find("A new paragraph") !=
          std::string::npos);
}

TEST_CASE("a build that died between moving the old site aside and moving the new one in gets it back",
          "[publish]") {
    TempDir temp;
    stdfs::path site = temp.path / "site";
    pid_t dead = dead_pid();
    // What a crash in the non-atomic fallback of commit() would leave: no site, the old
    // one beside it, and the half-made new one.
    write_file(temp.path / (".site.planc-old-" + std::to_string(dead)) / "index.html", "old site");
    write_file(temp.path / (".site.planc-new-" + std::to_string(dead)) / "index.html", "half new");
    {
        StagedDirectory staged(site.string());
        // Recovered before anything else happens, so a build that now fails leaves it.
        CHECK(testing::read_file((site / "index.html").string()) == "old site");
        CHECK(leftovers(site).size() == 1);  // only this build's own staging folder
    }
    CHECK(leftovers(site).empty());
    CHECK(testing::read_file((site / "index.html").string()) == "old site");

    // A staging folder of a build that is still running is left alone.
    write_file(temp.path / (".site.planc-new-" + std::to_string(getppid())) / "index.html", "busy");
    { StagedDirectory staged(site.string()); }
    CHECK(stdfs::exists(temp.path / (".site.planc-new-" + std::to_string(getppid()))));
}

TEST_CASE("(c) a full disk leaves the previous site exactly as it was", "[publish]") {
    TempDir temp;
    stdfs::path mount_point = temp.path / "small-disk";
    stdfs::create_directories(mount_point);
    // 1 MB: room for a one-plan site (about 200 KB in 4 KB blocks) twice over, old and
    // staged, but not for a site of 30 plans.
    bool mounted = geteuid() == 0 && ::mount("tmpfs", mount_point.c_str(), "tmpfs", 0, "size=1m") == 0;
    struct Unmount {
        bool active;
        std::string at;
        ~Unmount() {
            if (active) ::umount2(at.c_str(), MNT_DETACH);
        }
    } unmount{mounted, mount_point.string()};

    if (mounted) {
        // A real full disk: the first site fits, the second (many plans) does not.
        stdfs::path root = temp.path / "project";
        make_project(root, 1);
        stdfs::path out = mount_point / "site";
        Run first = run_planc({"build", root.string(), "--out", out.string()}, temp.path);
        INFO(first.output);
        REQUIRE(first.status == 0);
        Snapshot before = snapshot(out);
        make_project(root, 30);
        Run full = run_planc({"build", root.string(), "--out", out.string()}, temp.path);
        INFO(full.output);
        CHECK(full.status != 0);
        CHECK(full.output.find("No space left on device") != std::string::npos);
        CHECK(snapshot(out) == before);
        CHECK(leftovers(out).empty());  // the half-written staging folder was removed
        // And with room again (fewer plans), the next build publishes.
        make_project(root, 0);
        for (int i = 1; i < 30; ++i) {
            char slug[32];
            std::snprintf(slug, sizeof slug, "plan-%03d.md", i);
            stdfs::remove(root / "content/testshire" / slug);
        }
        CHECK(run_planc({"build", root.string(), "--out", out.string()}, temp.path).status == 0);
    } else {
        WARN("cannot mount a tmpfs here (not root, or no permission): a sink that fails like a full disk stands in");
    }

    // Either way: a write that fails with ENOSPC half way through.
    stdfs::path out = temp.path / "site";
    Project project = loaded_project(2);
    REQUIRE(publish_with(project, out, 0));
    Snapshot before = snapshot(out);
    REQUIRE(before.size() > 20);
    for (std::size_t fail_at : {std::size_t{1}, std::size_t{2}, std::size_t{10}, before.size() / 2}) {
        INFO("failing at write " << fail_at);
        CHECK_FALSE(publish_with(loaded_project(3), out, fail_at));
        CHECK(snapshot(out) == before);
        CHECK(leftovers(out).empty());
    }
}

TEST_CASE("(d) a writer that fails stops the build and the previous site stays", "[publish]") {
    TempDir temp;
    stdfs::path out = temp.path / "site";
    Project project = loaded_project(1);
    REQUIRE(publish_with(project, out, 0));
    Snapshot before = snapshot(out);

    // render_project does not swallow a failed write.
    NoPdf no_pdf;
    MemoryOutput memory;
    FailingSink failing(memory, 5);
    Diagnostics diags;
    CHECK_THROWS_AS(render_project(project, failing, diags), std::runtime_error);
    CHECK(failing.writes_ == 5);

    // Failing on the last write too.
    MemoryOutput all;
    Diagnostics d2;
    render_project(project, all, d2);
    CHECK_FALSE(publish_with(loaded_project(2), out, all.files.size()));
    CHECK(snapshot(out) == before);
    CHECK(leftovers(out).empty());

    // A staged folder that is never committed disappears and changes nothing.
    {
        StagedDirectory staged(out.string());
        DirectoryOutput d(staged.staging_path());
        d.write("index.html", "never published");
        CHECK(stdfs::exists(staged.staging_path()));
    }
    CHECK(snapshot(out) == before);
    CHECK(leftovers(out).empty());

    // A successful publish replaces it whole (no file of the old site remains).
    write_file(out / "stale-page.html", "from an older build");
    REQUIRE(publish_with(project, out, 0));
    CHECK_FALSE(stdfs::exists(out / "stale-page.html"));
    CHECK(leftovers(out).empty());
}

TEST_CASE("nothing is ever written outside the output folder", "[publish]") {
    TempDir temp;
    DirectoryOutput out((temp.path / "site").string());
    for (const char* path : {"../escape.html", "a/../../escape.html", "/tmp/escape.html", "a/..", "..", "",
                             "a\\..\\..\\escape.html"}) {
        INFO(path);
        CHECK_THROWS_AS(out.write(path, "x"), std::runtime_error);
    }
    CHECK_THROWS_AS(out.write(std::string("ok.html\0/../../escape", 21), "x"), std::runtime_error);
    CHECK_FALSE(stdfs::exists(temp.path / "escape.html"));
    CHECK_FALSE(stdfs::exists("/tmp/escape.html"));
    out.write("a/b/page.html", "fine");
    CHECK(testing::read_file((temp.path / "site/a/b/page.html").string()) == "fine");
}

TEST_CASE("the output folder may not be or hold the sources, nor a folder planc did not make", "[publish]") {
    TempDir temp;
    stdfs::path root = temp.path / "project";
    make_project(root, 1);
    stdfs::create_directories(root / "themes/default");
    write_file(root / "themes/default/README.md", "theme");
    write_file(temp.path / "documents/letter.docx", "precious");
    write_file(temp.path / "notes.txt", "a file");
    stdfs::create_directory_symlink(root / "content", temp.path / "link-to-content");
    Snapshot sources = snapshot(root);
    Snapshot documents = snapshot(temp.path / "documents");
    for (const stdfs::path& out :
         {root / "content", root / "content/testshire", root / "themes", root / "themes/default/x", root,
          temp.path, stdfs::path("/"), temp.path / "link-to-content", temp.path / "documents",
          temp.path / "notes.txt"}) {
        INFO("--out " << out);
        Run r = run_planc({"build", root.string(), "--out", out.string()}, temp.path);
        INFO(r.output);
        CHECK(r.status == 2);
        CHECK(r.output.find("the output folder") != std::string::npos);
    }
    CHECK(snapshot(root) == sources);
    CHECK(snapshot(temp.path / "documents") == documents);
    CHECK(testing::read_file((temp.path / "notes.txt").string()) == "a file");

    // An empty folder, a folder with only a README, and a planc site are fine.
    stdfs::create_directories(temp.path / "empty");
    write_file(temp.path / "with-readme/README.md", "Built by planc.");
    for (const stdfs::path& out : {temp.path / "empty", temp.path / "with-readme", temp.path / "with-readme"}) {
        Run r = run_planc({"build", root.string(), "--out", out.string()}, temp.path);
        INFO(r.output);
        CHECK(r.status == 0);
    }
    CHECK(testing::read_file((temp.path / "with-readme/README.md").string()) == "Built by planc.");
}
