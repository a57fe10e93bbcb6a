#!/usr/bin/env python3
"""Profile `planc build` on a bench corpus with perf and summarise it as Markdown.

    python3 bench/profile.py --planc build-bench/planc --size 1000 --out bench/out/profile-1000.md

Samples with `perf record --call-graph dwarf` (the Release build has no frame pointers;
DWARF unwinding through .eh_frame gives inclusive times per function), then reports:
  - self time by shared object (planc itself, libcmark-gfm, libstdc++, libc, yaml-cpp...),
  - the top functions by self time (where the cycles are spent),
  - the top planc functions by inclusive time (which stage they are spent under).
Python standard library only; needs linux-perf (bench/setup.sh).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent

ROW = re.compile(r"^\s+(\d+\.\d+)%\s+(?:(\d+\.\d+)%\s+)?(.*\S)\s*$")


def report(data: Path, *args: str) -> list[str]:
    cmd = ["perf", "report", "-i", str(data), "--stdio", "-g", "none", "--percent-limit", "0.3", *args]
    return subprocess.run(cmd, capture_output=True, text=True).stdout.splitlines()


def rows(lines: list[str]) -> list[tuple[float, float | None, str]]:
    out = []
    for line in lines:
        if line.startswith("#"):
            continue
        m = ROW.match(line)
        if m:
            out.append((float(m.group(1)), float(m.group(2)) if m.group(2) else None, m.group(3)))
    return out


def short(symbol: str, width: int = 110) -> str:
    s = re.sub(r"\s+", " ", symbol)
    s = s.replace("std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >", "std::string")
    s = s.replace("std::__cxx11::", "std::")
    s = re.sub(r"^\[\.\]\s*", "", s)
    s = re.sub(r"(\s+-)+$", "", s)
    s = s.replace("|", "\\|")
    return s if len(s) <= width else s[: width - 1] + "…"


STAGES = [
    ("whole build (main thread and workers)", "planc::cli::run_build"),
    ("load: find the files (main thread; folders listed on every core)", "planc::ProjectLoad::ProjectLoad"),
    ("one pass over the documents (parse, check, render; all threads)", "planc::ProjectLoad::parse_documents"),
    ("parse documents", "planc::parse_document"),
    ("parse › Markdown blocks (cmark-gfm and the walk over its tree)", "planc::parse_markdown_blocks"),
    ("checks of each document", "planc::check_document"),
    ("checks across documents, suppressions (after the pass)", "planc::finish_checks"),
    ("render › one document's pages", "planc::render_document_part"),
    ("render › pages › elements written as built (html::Stream)", "planc::html::Stream::open"),
    ("render › pages › template walked with its bindings and slots", "planc::apply_template"),
    ("render › pages › abbreviation mark-up", "planc::AbbreviationMarker::append"),
    ("render › search index", "planc::SearchIndexText::append"),
    ("render › open data (plan.json, targets.csv)", "planc::write_document_data"),
    ("render › open data › plan.json", "planc::document_json_text"),
    ("render › each page's links and ids, as the stream recorded them", "planc::html::Stream::take_links"),
    ("render › links and ids read back from a page written as bytes (the search page)", "planc::scan_links"),
    ("render › the pages that list every plan, search, link check (after the pass)", "planc::SiteRender::finish"),
    ("render › link check of the built site", "planc::SiteLinkCheck::check"),
    ("render › writing files to disk", "planc::DirectoryOutput::write"),
]
ALLOC = {"malloc", "_int_free", "_int_malloc", "__libc_calloc", "malloc_consolidate", "unlink_chunk.constprop.0",
         "free", "cfree", "__libc_free", "realloc", "_int_realloc", "operator new(unsigned long)",
         "operator delete(void*, unsigned long)"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--planc", required=True)
    ap.add_argument("--size", type=int, default=1000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--freq", type=int, default=400)
    ap.add_argument("--reuse", action="store_true", help="report from an existing perf.data without recording")
    a = ap.parse_args()
    corpus = BENCH / "corpus" / str(a.size)
    work = BENCH / "out" / f"profile-{a.size}"
    data = work / "perf.data"
    if a.reuse and data.exists() and (work / "wall.txt").exists():
        wall = float((work / "wall.txt").read_text())
    else:
        if work.exists():
            shutil.rmtree(work)
        work.mkdir(parents=True)
        # weasyprint hidden (empty PATH) as in bench.py's "build": this profiles planc's own
        # work; with it, nearly all the time is in the weasyprint (Python) child processes.
        empty = BENCH / "out" / "empty-path"
        empty.mkdir(parents=True, exist_ok=True)
        # perf puts its own folders (/usr/bin among them) in front of PATH, so the PATH is
        # set by env(1) inside the recorded command.
        planc = str(Path(a.planc).resolve())
        no_pdf = "--no-pdf" in subprocess.run([planc, "--help"], capture_output=True, text=True).stdout
        cmd = ["perf", "record", "-F", str(a.freq), "--call-graph", "dwarf,16384", "-o", str(data), "--",
               "/usr/bin/env", f"PATH={empty}", planc, "build", str(corpus), "--out", str(work / "site")]
        if no_pdf:
            cmd.append("--no-pdf")
        t0 = time.perf_counter()
        r = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if r.returncode != 0:
            print(r.stderr[-3000:], file=sys.stderr)
            return 1
        (work / "wall.txt").write_text(f"{wall:.2f}\n")
        shutil.rmtree(work / "site", ignore_errors=True)

    dsos = rows(report(data, "--no-children", "--sort", "dso"))
    selfs = rows(report(data, "--no-children", "--sort", "dso,symbol"))
    incl = rows(report(data, "--children", "--sort", "symbol"))

    L = [f"## Profile: planc build, {a.size} plans", "",
         f"`perf record -F {a.freq} --call-graph dwarf` of `planc build bench/corpus/{a.size}` "
         f"(Release build, weasyprint hidden so no leaflet PDFs; {wall:.1f} s under perf, which slows it). Percentages are of all samples "
         "in the process (every thread). Raw data: `bench/out/profile-{0}/perf.data` "
         "(`perf report -i bench/out/profile-{0}/perf.data`).".format(a.size), "",
         "### Where the time goes, by stage (inclusive, all threads)", "",
         "| % of samples | stage | function |", "|---:|---|---|"]
    inclusive = {short(sym): children for children, _s, sym in incl}
    for label, fn in STAGES:
        hit = next((v for k, v in inclusive.items() if k == fn or k.startswith(fn + "(") or k.startswith(fn + "[")),
                   None)
        if hit is not None:
            L.append(f"| {hit:.1f} | {label} | `{fn}` |")
    alloc = sum(pct for pct, _, rest in selfs if short(rest.split(None, 1)[-1]) in ALLOC)
    cmark = sum(pct for pct, _, name in dsos if "cmark" in name)
    L += [f"| {alloc:.1f} | of all samples: malloc/free (self time of the allocator) | |",
          f"| {cmark:.1f} | of all samples: inside libcmark-gfm (the Markdown parser itself) | |", "",
          "### Self time by library", "", "| self % | shared object |", "|---:|---|"]
    for pct, _, name in dsos[:10]:
        L.append(f"| {pct:.1f} | {short(name)} |")
    L += ["", "### Top functions by self time", "", "| self % | shared object | function |", "|---:|---|---|"]
    for pct, _, rest in selfs[:25]:
        parts = rest.split(None, 1)
        dso, sym = (parts[0], parts[1]) if len(parts) == 2 else ("", rest)
        L.append(f"| {pct:.1f} | {dso} | {short(sym)} |")
    L += ["", "### planc functions by inclusive time (the stage the time is spent under)", "",
          "| inclusive % | self % | function |", "|---:|---:|---|"]
    shown = 0
    for children, self_pct, sym in incl:
        if "planc::" not in sym and "main" != short(sym):
            continue
        L.append(f"| {children:.1f} | {self_pct if self_pct is not None else 0:.1f} | {short(sym)} |")
        shown += 1
        if shown >= 30:
            break
    Path(a.out).write_text("\n".join(L) + "\n")
    print("\n".join(L))
    return 0


if __name__ == "__main__":
    sys.exit(main())
