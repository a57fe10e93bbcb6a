#!/usr/bin/env python3
"""The measuring half of bench/run.sh (python3 standard library only).

    python3 bench/bench.py --planc build-bench/planc --runs 5 [--runs-large 3] \
        [--profile bench/out/profile-1000.txt] [--command "bench/run.sh ..."] 100 1000 5000

For each corpus size it runs, round-robin so that noise spreads evenly, K times each:
  cmark-gfm  the floor: one process, `cmark-gfm -e table --unsafe` given every Markdown
             file of the corpus as arguments (cmark-gfm reads and concatenates them, then
             parses and renders the whole as one document to HTML on stdout -> /dev/null);
  hugo       the Debian hugo building the same content/ as a plain site (generated minimal
             project: two layouts rendering .Content, raw HTML allowed, no taxonomies, RSS,
             sitemap or 404), output pages counted;
  build      `planc build CORPUS --out bench/out/N/site` (model, checks, pages, leaflets,
             data, search index);
  check      `planc check CORPUS`, findings written to a file.
Each run is wrapped in `/usr/bin/time -f "%e %U %S %M"` (peak RSS in KB) and timed outside
with a monotonic clock (wall) and wait4(2) (user and system CPU); each run's output folder is moved aside
before the next run and all are deleted when the bench ends (see remove_later). One
untimed warm-up run per tool first fills the page cache. Reports medians.
Writes bench/RESULTS.md and bench/out/results.json.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
OUT = BENCH / "out"
CORPUS = BENCH / "corpus"

HUGO_CONFIG = """baseURL = "https://community-safety.example.gov.uk/"
title = "planc benchmark corpus {n}"
contentDir = "{content}"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
[markup.goldmark.renderer]
unsafe = true
"""
HUGO_SINGLE = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
               '<body><main>{{ .Content }}</main></body></html>\n')
HUGO_LIST = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
             '<body><main>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>'
             '{{ end }}</ul></main></body></html>\n')


def sh(cmd: list[str] | str, **kw) -> str:
    try:
        return subprocess.run(cmd, shell=isinstance(cmd, str), capture_output=True, text=True, **kw).stdout.strip()
    except OSError:
        return "(not available)"


def corpus_files(n: int) -> tuple[list[Path], list[Path]]:
    content = CORPUS / str(n) / "content"
    md = sorted(content.rglob("*.md"))
    plans = [p for p in md if p.name != "_index.md"]
    return md, plans


def empty_path() -> Path:
    p = OUT / "empty-path"
    p.mkdir(parents=True, exist_ok=True)
    return p


def hugo_project(n: int) -> Path:
    proj = OUT / str(n) / "hugo-project"
    if proj.exists():
        shutil.rmtree(proj)
    (proj / "layouts" / "_default").mkdir(parents=True)
    (proj / "config.toml").write_text(HUGO_CONFIG.format(n=n, content=(CORPUS / str(n) / "content").resolve()))
    (proj / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE)
    (proj / "layouts" / "_default" / "list.html").write_text(HUGO_LIST)
    return proj


def prepare_file_system() -> None:
    """Every timed run starts from the same file-system state (like hyperfine's --prepare).

    On this machine's ext4, creating files gets slower with every earlier run's files
    written and deleted but still cached: a planc build's kernel instructions went from 1.5 G
    to 10 G to 20 G over three back-to-back runs, and hugo's likewise. So: write back dirty
    data, drop the page cache (root only; otherwise skipped and said in RESULTS.md), then read
    the corpus back in, so every tool reads its input from memory."""
    os.sync()
    global DROP_CACHES
    if DROP_CACHES:
        try:
            Path("/proc/sys/vm/drop_caches").write_text("3\n")
        except OSError:
            DROP_CACHES = False
    for p in CORPUS_FILES:
        p.read_bytes()


def remove_later(path: Path) -> None:
    """Clears an output folder for the next run without deleting it now: moved into
    bench/out/.trash, which the bench deletes when it ends (tmpfs folders are deleted now).

    This machine's ext4 has no journal, and without one ext4 will not reuse an inode freed
    in the last minute: every new file's inode search steps over each such inode one by one
    (ext4's recently_deleted()). Deleting the last run's 20,000 files and folders (1,000
    plans) just before a run made that run's file creation quadratic: 0.39-0.53 s of system
    time against 0.25 s with the old output moved aside (same binary, same machine). A
    journalled ext4, Debian's default, has no such cost; the user's first build into a new
    folder neither."""
    if not path.exists():
        return
    if SHM and SHM in path.parents:
        shutil.rmtree(path)
        return
    TRASH.mkdir(parents=True, exist_ok=True)
    path.rename(TRASH / f"{len(list(TRASH.iterdir()))}-{path.name}")


def empty_trash() -> None:
    if TRASH.exists():
        shutil.rmtree(TRASH)


class Tool:
    def __init__(self, name: str, argv: list[str], clean: list[Path], stdout: Path | None, stderr: Path,
                 env: dict | None = None):
        self.name, self.argv, self.clean, self.stdout, self.stderr = name, argv, clean, stdout, stderr
        self.env = env
        self.runs: list[dict] = []
        self.failed: str | None = None

    def run_once(self, record: bool) -> None:
        for c in self.clean:
            remove_later(c)
        prepare_file_system()
        with tempfile.NamedTemporaryFile("r", suffix=".time") as tf, \
                tempfile.NamedTemporaryFile("r", suffix=".perf") as pf:
            argv = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", tf.name] + self.argv
            if PERF:
                # Instructions (user and kernel) do not depend on what else the machine runs.
                argv = ["perf", "stat", "-x", ",", "-e", "instructions:u,instructions:k", "-o", pf.name, "--"] + argv
            out = open(self.stdout, "w") if self.stdout else subprocess.DEVNULL
            with open(self.stderr, "w") as err:
                t0 = time.perf_counter()
                proc = subprocess.Popen(argv, stdout=out, stderr=err, env=self.env)
                # wait4 gives the CPU time of /usr/bin/time and everything it waited for
                # (the tool and its threads and children) in microseconds; %U/%S are in
                # hundredths of a second.
                _pid, status, usage = os.wait4(proc.pid, 0)
                wall = time.perf_counter() - t0
                proc.returncode = rc = os.waitstatus_to_exitcode(status)
            if self.stdout:
                out.close()
            fields = tf.read().split("\n")
            counts = {}
            for row in pf.read().splitlines():
                cells = row.split(",")
                if len(cells) > 2 and cells[0].strip().isdigit():
                    counts[cells[2].strip()] = int(cells[0])
        line = next((f for f in reversed(fields) if re.fullmatch(r"[\d.]+ [\d.]+ [\d.]+ \d+", f.strip())), None)
        if line is None:
            self.failed = f"no timing from /usr/bin/time: {fields!r}"
            return
        _e, _user, _system, rss = line.split()
        user, system = usage.ru_utime, usage.ru_stime
        # planc check exits 1 when the corpus has errors: that is a result, not a failure
        # of the tool; planc build exiting 1 means nothing was built: a failure.
        ok = rc == 0 or (self.name == "check" and rc == 1)
        if self.name.startswith("build") and rc == 0 and "weasyprint could not" in self.stderr.read_text(errors="replace"):
            ok = False
            rc = -1
        if not ok:
            tail = self.stderr.read_text(errors="replace")[-2000:]
            self.failed = f"exit {rc}: {tail}"
        if record:
            self.runs.append(dict(wall=wall, user=float(user), sys=float(system), rss_kb=int(rss), rc=rc,
                                  instr_user=counts.get("instructions:u"), instr_kernel=counts.get("instructions:k")))

    def median(self, key: str) -> float:
        return statistics.median(r[key] for r in self.runs)


def bench_size(n: int, planc: str, runs: int, pdf_runs: int) -> dict:
    md, plans = corpus_files(n)
    global CORPUS_FILES
    CORPUS_FILES = md
    if not plans:
        raise SystemExit(f"bench/corpus/{n} has no plans: run bench/generate_corpus.py --plans {n}")
    in_bytes = sum(p.stat().st_size for p in md)
    plan_bytes = sum(p.stat().st_size for p in plans)
    partnerships = len({p.parent for p in plans})
    d = OUT / str(n)
    d.mkdir(parents=True, exist_ok=True)
    proj = hugo_project(n)
    corpus = str(CORPUS / str(n))
    tools = [
        Tool("cmark-gfm", ["cmark-gfm", "-e", "table", "--unsafe"] + [str(p) for p in md], [], None,
             d / "cmark.stderr"),
        Tool("hugo", ["hugo", "--source", str(proj), "--destination", str(d / "hugo-public"), "--quiet",
                      "--cacheDir", str(d / "hugo-cache")], [d / "hugo-public"], d / "hugo.stdout", d / "hugo.stderr"),
        # planc makes leaflet.pdf with weasyprint (one Python process per plan) whenever
        # weasyprint is on PATH. "build" is everything else: planc's own work, comparable
        # with hugo, which makes no PDFs: `--no-pdf` where planc has it, else an empty
        # PATH hides weasyprint (planc runs no other program). "build+pdf" (below) is the
        # complete build with PDFs.
        Tool("build", [planc, "build", corpus, "--out", str(d / "site")] + (["--no-pdf"] if NO_PDF_FLAG else []),
             [d / "site"], d / "build.stdout", d / "build.stderr",
             env=None if NO_PDF_FLAG else dict(os.environ, PATH=str(empty_path()))),
        Tool("check", [planc, "check", corpus], [], d / "check.stdout", d / "check.stderr"),
    ]
    if SHM:
        # The same two builds writing into memory (tmpfs): what the file system costs. On
        # this machine's ext4 every new file costs tens of microseconds of kernel time, and
        # a site is many small files (planc: 11 per plan; hugo: 1).
        m = SHM / str(n)
        tools += [
            Tool("hugo-tmpfs", ["hugo", "--source", str(proj), "--destination", str(m / "hugo-public"), "--quiet",
                                "--cacheDir", str(m / "hugo-cache")], [m / "hugo-public"], d / "hugo-tmpfs.stdout",
                 d / "hugo-tmpfs.stderr"),
            Tool("build-tmpfs", [planc, "build", corpus, "--out", str(m / "site"), "--no-pdf"], [m / "site"],
                 d / "build-tmpfs.stdout", d / "build-tmpfs.stderr"),
        ]
    print(f"== {n} plans: {len(plans)} plan files in {partnerships} partnerships, {in_bytes / 1e6:.1f} MB Markdown; "
          f"{runs} runs each", flush=True)
    # Warm-up, not recorded: cmark-gfm reads every file (fills the page cache); below
    # 5,000 plans every tool gets one (at 5,000 a round takes minutes on 2 cores).
    for t in tools if n < 5000 else tools[:1]:
        t.run_once(record=False)
    for i in range(runs):
        for t in tools:
            if t.failed:
                continue
            t.run_once(record=True)
        print(f"   run {i + 1}/{runs}: " + ", ".join(
            f"{t.name} {t.runs[-1]['wall']:.2f}s" if t.runs and not t.failed else f"{t.name} FAILED" for t in tools),
            flush=True)

    if pdf_runs and not tools[2].failed:
        pdf = Tool("build+pdf", [planc, "build", corpus, "--out", str(d / "site-pdf")], [d / "site-pdf"],
                   d / "build-pdf.stdout", d / "build-pdf.stderr")
        tools.append(pdf)
        for i in range(pdf_runs):
            pdf.run_once(record=True)
            print(f"   build+pdf run {i + 1}/{pdf_runs}: {pdf.runs[-1]['wall']:.1f}s" if not pdf.failed
                  else "   build+pdf FAILED", flush=True)
            if pdf.failed:
                break
        pdfs = sum(1 for _ in (d / "site-pdf").rglob("leaflet.pdf")) if (d / "site-pdf").exists() else 0
    else:
        pdfs = None

    # What each tool produced, to show it did the whole job.
    hugo_pages = sum(1 for _ in (d / "hugo-public").rglob("index.html")) if (d / "hugo-public").exists() else 0
    site = d / "site"
    site_files = [p for p in site.rglob("*") if p.is_file()] if site.exists() else []
    build_err = (d / "build.stderr").read_text(errors="replace") if (d / "build.stderr").exists() else ""
    summary = next((l for l in build_err.splitlines() if l.startswith("built ")), "")
    findings = {}
    check_text = ""
    for f in (d / "check.stdout", d / "check.stderr"):
        if f.exists():
            check_text += f.read_text(errors="replace")
    for code in re.findall(r"\b([EW]\d{3})\b", check_text):
        findings[code] = findings.get(code, 0) + 1
    result = dict(
        n=n, plans=len(plans), partnerships=partnerships, in_bytes=in_bytes, plan_bytes=plan_bytes,
        hugo_pages=hugo_pages, hugo_expected=len(plans) + partnerships + 1,
        site_html=sum(1 for p in site_files if p.suffix == ".html"), site_files=len(site_files),
        site_bytes=sum(p.stat().st_size for p in site_files), build_summary=summary,
        check_findings=dict(sorted(findings.items())), leaflet_pdfs=pdfs,
        no_pdf_method="--no-pdf" if NO_PDF_FLAG else "empty PATH",
        check_findings_total=len(re.findall(r"\b(?:warning|error)\b", check_text)),
        tools={},
    )
    for t in tools:
        result["tools"][t.name] = dict(
            failed=t.failed, runs=t.runs,
            wall=t.median("wall") if t.runs else None,
            cpu=statistics.median(r["user"] + r["sys"] for r in t.runs) if t.runs else None,
            rss_mb=max(r["rss_kb"] for r in t.runs) / 1024 if t.runs else None,
            instr=statistics.median((r.get("instr_user") or 0) + (r.get("instr_kernel") or 0) for r in t.runs)
            if t.runs and t.runs[0].get("instr_user") else None,
            instr_kernel=statistics.median(r.get("instr_kernel") or 0 for r in t.runs)
            if t.runs and t.runs[0].get("instr_user") else None,
            argv=" ".join(t.argv[:6]) + (" ..." if len(t.argv) > 6 else ""),
        )
    if not KEEP_OUTPUT and n > 100:  # gigabytes at 5,000 plans
        for p in ("site", "site-pdf", "hugo-public", "hugo-cache"):
            remove_later(d / p)
    if SHM:
        shutil.rmtree(SHM / str(n), ignore_errors=True)
    return result


def round_range(tools: dict, top: str, bottom: str) -> str:
    """The lowest and highest ratio top/bottom of the wall times of one round (run i of each)."""
    a, b = tools[top]["runs"], tools[bottom]["runs"]
    ratios = [x["wall"] / y["wall"] for x, y in zip(a, b) if y["wall"]]
    return f"{min(ratios):.2f}-{max(ratios):.2f}x" if ratios else "n/a"


def fmt_ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}x" if a and b else "n/a"


def machine() -> dict:
    cpu = next((l.split(":", 1)[1].strip() for l in sh(["lscpu"]).splitlines() if l.startswith("Model name")), "?")
    mem = next((l.split()[1] for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")), "0")
    return dict(
        nproc=sh(["nproc"]), cpu=cpu, mem_gb=f"{int(mem) / 1024 / 1024:.1f}",
        date=sh(["date", "-u"]), kernel=platform.release(),
        load_end=Path("/proc/loadavg").read_text().split()[:3],
        os=sh("grep PRETTY_NAME /etc/os-release | cut -d= -f2 | tr -d '\"'"),
        planc=sh([ARGS.planc, "--version"]),
        cmark=sh(["cmark-gfm", "--version"]).splitlines()[0] if sh(["cmark-gfm", "--version"]) else "?",
        hugo=sh(["hugo", "version"]),
        gxx=sh(["g++", "--version"]).splitlines()[0],
        python=platform.python_version(),
        git=sh(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"]),
        dirty=bool(sh(["git", "-C", str(REPO), "status", "--porcelain", "--", "src", "include", "themes",
                       "CMakeLists.txt"])),
    )


def verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("**met**" if ok else "**not met**")


def report(results: list[dict], m: dict, command: str, profile: str | None, runs: int, runs_large: int,
           full_warmup_max: int = 4999) -> str:
    L = []
    L += ["# planc benchmark results", "",
          "Generated by `bench/run.sh` (do not edit by hand; rerun it). Not a test: never run in CI.", "",
          "## Machine and tools", "",
          f"- date: {m['date']}",
          f"- machine: {m['nproc']} CPUs (`nproc`), {m['cpu']}, {m['mem_gb']} GB RAM; {m['os']}, Linux {m['kernel']}",
          f"- planc: `{m['planc']}`, Release build (`build-bench/`, {m['gxx']}), commit {m['git']}"
          + (" plus uncommitted work in the tree (other engineers' changes at the time of the run)" if m["dirty"] else ""),
          f"- cmark-gfm: `{m['cmark']}`",
          f"- hugo: `{m['hugo']}`",
          f"- python: {m['python']}",
          f"- load average (1, 5, 15 min) at the start: {' '.join(m['load_start'])}; at the end: "
          f"{' '.join(m['load_end'])}. The machine is shared with other engineers' builds and tests, so "
          "absolute times are noisy; ratios within one round are the robust numbers.", "",
          "Reproduce (from the repository root; `bench/setup.sh` installs hugo, cmark-gfm, GNU time, perf):", "",
          "```sh", "bench/setup.sh", command, "```", "",
          "## What is measured", "",
          f"Each tool is run {runs} times per size ({runs_large} at 5,000 plans), round-robin, after one untimed warm-up "
          "run" + (" (at 5,000 plans only cmark-gfm's, which reads every file into the page cache)"
                   if full_warmup_max < 5000 else "") + "; the table shows the **median** wall time. Peak RSS is the largest `%M` of "
          "`/usr/bin/time` over the runs. MB/s is the corpus's Markdown bytes (every `.md` file under `content/`, "
          "plans and partnership `_index.md`) divided by the median wall time. CPU is user+system seconds (median).", "",
          ("Before every run (warm-ups included) the bench writes back dirty data, drops the page cache and reads "
           "the corpus back into memory, so each run meets the same file system: on this machine's ext4 the files of "
           "earlier runs, written and deleted, made creating files slower run after run (a planc build's kernel "
           "instructions went from 1.5 G to 20 G over three back-to-back runs)." if m.get("drop_caches") else
           "The bench could not drop the page cache (not root): runs follow each other without it, and file "
           "creation costs may grow from run to run.") + " "
          "Each run's output folder is moved aside before the next run, and all are deleted when the bench ends: "
          "this machine's ext4 has no journal, and without one ext4 does not reuse an inode freed in the last "
          "minute, so each new file's inode search steps over every file deleted in that minute (its "
          "`recently_deleted()` check). Deleting the previous run's output just before a run made file creation "
          "in that run quadratic: a 1,000-plan build took 0.39-0.53 s of system time after `rm -rf` of the last "
          "output, against 0.25 s with it moved aside (same binary; earlier RESULTS.md were measured that way). "
          "Journalled ext4, Debian's default, has no such check.", "",
          "- **cmark-gfm** (the floor): one process given every `.md` file of the corpus as arguments "
          "(`cmark-gfm -e table --unsafe FILES... > /dev/null`); cmark-gfm concatenates its inputs and parses and "
          "renders them as one document. Single-threaded; it does no file writing, no model and no checks.",
          "- **hugo**: the Debian package building the same `content/` as a plain site: a generated minimal project "
          "(`bench/out/N/hugo-project/`: `contentDir` pointing at the corpus, two layouts that render `.Content` and a "
          "list of pages, raw HTML allowed, taxonomies/RSS/sitemap/404 disabled). It reads the plans' YAML front "
          "matter as is. Output pages are counted below to show it rendered every page.",
          "- **planc build**: `planc build CORPUS --out bench/out/N/site`: load, model, every check, site pages, "
          "leaflets (HTML), open data, search index; output folder removed before each run; no PDFs (see below).",
          "- **planc build + PDFs**: the same with weasyprint on `PATH`, so every plan also gets `leaflet.pdf`.",
          "- **planc check**: `planc check CORPUS`, findings written to a file.", "",
          "Corpora are synthetic (`bench/generate_corpus.py`, seed 2009), shaped like the seeds: 20 plans per "
          "partnership, 20-60 KB per plan, 4-6 priorities with Markdown, raw HTML and table targets, performance, "
          "indicator status, survey, action plan and approval tables.", "",
          "## Results", "",
          "| plans | MB in | tool | median wall s | ms/plan | MB/s | CPU s | peak RSS MB | vs cmark-gfm | vs hugo "
          "| CPU vs cmark-gfm | CPU vs hugo | G instructions (kernel) | instructions vs cmark-gfm |",
          "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        floor = r["tools"]["cmark-gfm"]["wall"]
        hugo = r["tools"]["hugo"]["wall"]
        floor_cpu = r["tools"]["cmark-gfm"]["cpu"]
        hugo_cpu = r["tools"]["hugo"]["cpu"]
        mb = r["in_bytes"] / 1e6
        floor_instr = r["tools"]["cmark-gfm"].get("instr")
        for name in ["cmark-gfm", "hugo", "hugo-tmpfs", "build", "build-tmpfs", "check", "build+pdf"]:
            if name not in r["tools"]:
                continue
            t = r["tools"][name]
            label = {"build": "planc build (no PDF)", "check": "planc check",
                     "hugo-tmpfs": "hugo, output on tmpfs", "build-tmpfs": "planc build (no PDF), output on tmpfs",
                     "build+pdf": f"planc build + PDFs ({len(t['runs'])} run)"}.get(name, name)
            if t["wall"] is None:
                L.append(f"| {r['n']} | {mb:.1f} | {label} | FAILED | | | | | | | | | | |")
                continue
            instr = t.get("instr")
            instr_cells = (f"{instr / 1e9:.1f} ({t['instr_kernel'] / 1e9:.1f}) | {fmt_ratio(instr, floor_instr)}"
                           if instr else "n/a | n/a")
            L.append(f"| {r['n']} | {mb:.1f} | {label} | {t['wall']:.3f} | {t['wall'] * 1000 / r['plans']:.2f} | "
                     f"{mb / t['wall']:.1f} | {t['cpu']:.3f} | {t['rss_mb']:.0f} | "
                     f"{fmt_ratio(t['wall'], floor)} | {fmt_ratio(t['wall'], hugo)} | "
                     f"{fmt_ratio(t['cpu'], floor_cpu)} | {fmt_ratio(t['cpu'], hugo_cpu)} | {instr_cells} |")
    L += ["", "Ratios are planc (or the tool) over the reference: below 1 means faster than it. \"vs\" columns "
          "compare median wall times (what the goals are about); \"CPU vs\" columns compare median user+system CPU "
          "seconds, which a loaded machine disturbs less (hugo and planc use several threads, cmark-gfm one). "
          "Instructions (user + kernel, `perf stat`, median) do not depend on the machine's load at all; the kernel "
          "share is mostly the file system creating files. The tmpfs rows write the same output into `/dev/shm`.",
          "**planc build (no PDF)** is the whole build except `leaflet.pdf`: planc makes each plan's PDF by running "
          "weasyprint (a Python program: its own command-line code run in one Python process per core) whenever weasyprint is on `PATH`; the "
          + ("bench passes `--no-pdf`" if results and results[0].get("no_pdf_method") == "--no-pdf" else
             "bench hides weasyprint with an empty `PATH` (planc runs no other program; the binary measured had no "
             "`--no-pdf` yet)") + ". hugo makes no PDFs either, so this is the like-for-like row. **planc build + PDFs** is the complete build as `scripts/build-site.sh` runs it, measured "
          f"only at {ARGS.pdf_max_size} plans or fewer because it costs a few tenths of a second per plan.", ""]

    L += ["## Against the goals", "",
          "| plans | build / cmark-gfm (goal ≤ 2x) | hugo / build (goal ≥ 5x) | check / cmark-gfm (goal ≤ 1x) | "
          "build peak RSS vs 3 × input + 64 MB | check peak RSS | output on tmpfs: build / cmark-gfm | "
          "output on tmpfs: hugo / build |",
          "|---:|---|---|---|---|---|---|---|"]
    for r in results:
        T = r["tools"]
        b, c, f, h = T["build"]["wall"], T["check"]["wall"], T["cmark-gfm"]["wall"], T["hugo"]["wall"]
        limit = 3 * r["in_bytes"] / 2**20 + 64
        cells = [str(r["n"])]
        cpu = {k: T[k]["cpu"] for k in T}
        cells.append(f"{b / f:.2f}x {verdict(b / f <= 2)} (CPU {cpu['build'] / cpu['cmark-gfm']:.2f}x; "
                     f"rounds {round_range(T, 'build', 'cmark-gfm')})" if b and f else "n/a")
        cells.append(f"{h / b:.2f}x {verdict(h / b >= 5)} (CPU {cpu['hugo'] / cpu['build']:.2f}x; "
                     f"rounds {round_range(T, 'hugo', 'build')})" if b and h else "n/a")
        cells.append(f"{c / f:.2f}x {verdict(c / f <= 1)} (CPU {cpu['check'] / cpu['cmark-gfm']:.2f}x; "
                     f"rounds {round_range(T, 'check', 'cmark-gfm')})" if c and f else "n/a")
        rss = T["build"]["rss_mb"]
        cells.append(f"{rss:.0f} MB of {limit:.0f} MB {verdict(rss <= limit)}" if rss else "n/a")
        crss = T["check"]["rss_mb"]
        cells.append(f"{crss:.0f} MB of {limit:.0f} MB {verdict(crss <= limit)}" if crss else "n/a")
        bt, ht = T.get("build-tmpfs", {}).get("wall"), T.get("hugo-tmpfs", {}).get("wall")
        cells.append(f"{bt / f:.2f}x {verdict(bt / f <= 2)}" if bt and f else "n/a")
        cells.append(f"{ht / bt:.2f}x {verdict(ht / bt >= 5)}" if bt and ht else "n/a")
        L.append("| " + " | ".join(cells) + " |")
    L += ["", "The speed goals are stated for 1,000 and 5,000 plans; 100 plans is shown for the trend. "
          "Build columns use planc build (no PDF). Verdicts are on wall time (the ratio of the medians); in "
          "brackets, the CPU-time ratio and the lowest and highest wall-time ratio of a single round (each "
          "round runs every tool once, one after another), which shows how far this machine's load moves "
          "the verdict.", ""]
    for r in results:
        T = r["tools"]
        if "build+pdf" in T and T["build+pdf"]["wall"]:
            p, f, h, b = T["build+pdf"]["wall"], T["cmark-gfm"]["wall"], T["hugo"]["wall"], T["build"]["wall"]
            per_pdf = (p - b) / r["plans"] if b else None
            L += [f"With leaflet PDFs ({r['n']} plans, {r['leaflet_pdfs']} PDFs made): {p:.1f} s, "
                  f"{p / f:.0f}x the cmark-gfm floor (goal ≤ 2x: {verdict(p / f <= 2)}), hugo / build = {h / p:.3f}x "
                  f"(goal ≥ 5x: {verdict(h / p >= 5)}); the PDFs cost about {per_pdf * 1000:.0f} ms per plan, "
                  f"{(p - b) / p * 100:.0f}% of the build. At 1,000 plans that alone would be about "
                  f"{per_pdf * 1000 / 60:.0f} minutes.", ""]

    L += ["## Linearity (planc build, ms per plan)", ""]
    per = [(r["n"], r["tools"]["build"]["wall"] * 1000 / r["plans"]) for r in results if r["tools"]["build"]["wall"]]
    perc = [(r["n"], r["tools"]["check"]["wall"] * 1000 / r["plans"]) for r in results if r["tools"]["check"]["wall"]]
    if per:
        L.append("| plans | build ms/plan | check ms/plan | cmark-gfm ms/plan | build RSS MB per MB in |")
        L.append("|---:|---:|---:|---:|---:|")
        for r in results:
            T = r["tools"]
            def mpp(t):
                return f"{T[t]['wall'] * 1000 / r['plans']:.2f}" if T[t]["wall"] else "n/a"
            rssr = f"{T['build']['rss_mb'] / (r['in_bytes'] / 2**20):.2f}" if T["build"]["rss_mb"] else "n/a"
            L.append(f"| {r['n']} | {mpp('build')} | {mpp('check')} | {mpp('cmark-gfm')} | {rssr} |")
        L.append("")
        if len(per) > 1:
            lo, hi = per[0], per[-1]
            growth = hi[1] / lo[1]
            word = "linear (within ±25%)" if 0.75 <= growth <= 1.25 else ("worse than linear" if growth > 1.25 else
                                                                             "better than linear (fixed costs amortised)")
            L.append(f"From {lo[0]} to {hi[0]} plans the build's time per plan changes by a factor of {growth:.2f}: "
                     f"{word}.")
            if len(per) > 2:
                mid = per[1]
                L.append(f"From {mid[0]} to {hi[0]} plans: factor {hi[1] / mid[1]:.2f}.")
        L.append("")

    L += ["## What each run produced", "", "| plans | partnerships | hugo pages (expected) | planc build summary | "
          "planc site files (HTML) | leaflet PDFs | planc check findings by code |", "|---:|---:|---|---|---|---|---|"]
    for r in results:
        codes = ", ".join(f"{k} {v}" for k, v in r["check_findings"].items()) or "none"
        L.append(f"| {r['n']} | {r['partnerships']} | {r['hugo_pages']} ({r['hugo_expected']}) | "
                 f"{r['build_summary'].replace('|', '/') or 'n/a'} | {r['site_files']} ({r['site_html']}), "
                 f"{r['site_bytes'] / 1e6:.1f} MB | {r['leaflet_pdfs'] if r['leaflet_pdfs'] is not None else '-'} | "
                 f"{codes} |")
    fails = [(r["n"], n, t["failed"]) for r in results for n, t in r["tools"].items() if t["failed"]]
    if fails:
        L += ["", "### Failures", ""]
        for n, name, why in fails:
            L += [f"- {n} plans, {name}:", "", "```", why.strip()[-1500:], "```"]
    L += ["", "## Notes", "",
          "- cmark-gfm is a floor for time, not for memory: given many files it parses them as one document and "
          "holds the whole tree, so its peak RSS grows with the corpus (about 10x the input).",
          "- planc's peak RSS grows linearly with the input, but slowly: each plan is parsed, checked and "
          "rendered as soon as it is read, then only its outline is kept (front matter, section ids, priority "
          "titles; no text). What a build holds to the end is the search index text, each page's links and ids "
          "for the link check (as numbers into one table of strings), and the outlines; `check` holds only the "
          "outlines and the findings.",
          "- The generator keeps `to N` amounts away from numbers that planc reads as years: `to 2047` (a year) and "
          "`to 4647` (read as the financial year 46/47, like the compact `0809` of the Melton seed); in a plan "
          "either gives a target with no amount (W102). Otherwise the corpus gives only the warnings it means to: "
          "W101 (TBC and `....` gaps), W114 (action plan rows with TBC) and a few W108 (a campaign row repeated in "
          "two priorities).",
          "- planc's leaflet PDFs are made by weasyprint (Python): one Python process per core runs weasyprint's own "
          "command-line code for each of its leaflets (a process per leaflet, as before, spent more time starting "
          "Python than printing). Printing is still most of a complete build (see above); the like-for-like "
          "comparison with hugo and the goals use the build without PDFs."]
    L.append("")
    if profile and Path(profile).exists():
        L += [Path(profile).read_text().rstrip(), ""]
    return "\n".join(L)


def main() -> int:
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int)
    ap.add_argument("--keep-output", action="store_true", help="keep the built sites of corpora over 100 plans")
    ap.add_argument("--planc", required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--runs-large", type=int, default=None, help="runs at 5000 plans and above (default --runs)")
    ap.add_argument("--pdf-runs", type=int, default=1, help="runs of the build with leaflet PDFs (0: none)")
    ap.add_argument("--pdf-max-size", type=int, default=100, help="largest corpus to build with PDFs")
    ap.add_argument("--profile", help="a Markdown file of profile results to append to RESULTS.md")
    ap.add_argument("--no-tmpfs", action="store_true", help="skip the builds that write into /dev/shm")
    ap.add_argument("--command", default="bench/run.sh")
    ap.add_argument("--results", default=str(BENCH / "RESULTS.md"))
    ap.add_argument("--report-only", action="store_true",
                    help="rewrite RESULTS.md from bench/out/results.json without measuring")
    ARGS = ap.parse_args()
    ARGS.planc = str(Path(ARGS.planc).resolve())
    global LOAD_START
    LOAD_START = Path("/proc/loadavg").read_text().split()[:3]
    runs_large = ARGS.runs_large or ARGS.runs
    global KEEP_OUTPUT, NO_PDF_FLAG
    KEEP_OUTPUT = ARGS.keep_output
    NO_PDF_FLAG = "--no-pdf" in sh([ARGS.planc, "--help"])
    global PERF, SHM
    PERF = subprocess.run(["perf", "stat", "-e", "instructions:u", "true"], capture_output=True).returncode == 0 \
        if shutil.which("perf") else False
    if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK) and not ARGS.no_tmpfs:
        SHM = Path("/dev/shm") / f"planc-bench-{os.getpid()}"
    if not ARGS.sizes and not ARGS.report_only:
        ap.error("name at least one corpus size")
    if ARGS.report_only:
        saved = json.loads((OUT / "results.json").read_text())
        a = saved["args"]
        ARGS.pdf_max_size = a["pdf_max_size"]
        text = report(saved["results"], saved["machine"], a["command"], ARGS.profile, a["runs"], a["runs_large"],
                      a.get("full_warmup_max", 4999))
        Path(ARGS.results).write_text(text)
        print(f"written {ARGS.results} from {OUT / 'results.json'}")
        return 0
    # Outputs of an earlier bench (stopped before it could delete them): deleted, then a
    # minute's wait so that ext4 may reuse their inodes (see remove_later).
    stale = [OUT / str(n) / p for n in ARGS.sizes for p in ("site", "site-pdf", "hugo-public")]
    if TRASH.exists() or any(p.exists() for p in stale):
        empty_trash()
        for p in stale:
            shutil.rmtree(p, ignore_errors=True)
        print("deleted the outputs of an earlier bench; waiting 61 s before measuring (see remove_later)", flush=True)
        time.sleep(61)
    results = []
    try:
        for n in ARGS.sizes:
            results.append(bench_size(n, ARGS.planc, runs_large if n >= 5000 else ARGS.runs,
                                      ARGS.pdf_runs if n <= ARGS.pdf_max_size else 0))
    finally:
        empty_trash()
    m = machine()
    m["load_start"] = LOAD_START
    m["drop_caches"] = DROP_CACHES
    OUT.mkdir(exist_ok=True)
    args = dict(runs=ARGS.runs, runs_large=runs_large, command=ARGS.command, pdf_max_size=ARGS.pdf_max_size,
                full_warmup_max=4999)
    (OUT / "results.json").write_text(json.dumps(dict(machine=m, args=args, results=results), indent=1))
    text = report(results, m, ARGS.command, ARGS.profile, ARGS.runs, runs_large)
    Path(ARGS.results).write_text(text)
    # The table, on the terminal too.
    start = text.index("## Results")
    end = text.index("## What each run produced")
    print()
    print(text[start:end])
    print(f"written {ARGS.results}")
    return 0


ARGS: argparse.Namespace
LOAD_START: list[str] = []
KEEP_OUTPUT = False
NO_PDF_FLAG = False
PERF = False
SHM: Path | None = None
DROP_CACHES = True
CORPUS_FILES: list[Path] = []
TRASH = OUT / ".trash"

if __name__ == "__main__":
    sys.exit(main())
