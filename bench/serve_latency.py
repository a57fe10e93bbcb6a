#!/usr/bin/env python3
"""How long `planc serve` takes from saving a plan to telling the open pages to reload.

    python3 bench/serve_latency.py [--plans 1000] [--edits 20] [--planc build-serve-rel/planc]
                                   [--corpus DIR] [--keep]

Generates a synthetic project with bench/generate_corpus.py (into a temporary folder
unless --corpus names one that exists), starts `planc serve` on a free loopback port,
opens the event stream as a browser tab would, then saves one plan --edits times the way
editors do (write a temporary file, rename it over the plan), waiting for the reload
event after each save. Reports, for the edits:

  client   from the rename to the reload event arriving at the tab (what a user sees)
  server   from the first file event to the reload event being sent ("reload sent N ms
           after the change" in planc's log)
  rebuild  re-parse, checks, re-render of the touched pages, link check ("in N ms")
  cpu      the CPU time of that rebuild, all threads (PLANC_SERVE_TIMING=1, which the
           script sets, makes planc log each step's wall and CPU time): on a busy machine
           the wall times above grow, this does not

as median and max, and checks that the page then serves the new title. Python standard
library only. Not a test; never run by CI.
"""

from __future__ import annotations

import argparse
import http.client
import os
import queue
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def start_serve(planc: Path, project: Path) -> tuple[subprocess.Popen, int, queue.Queue]:
    env = dict(os.environ, PLANC_SERVE_TIMING="1")
    proc = subprocess.Popen([str(planc), "serve", str(project), "--port", "0"], stderr=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, text=True, bufsize=1, env=env)
    lines: queue.Queue = queue.Queue()

    def pump() -> None:
        for line in proc.stderr:
            lines.put(line.rstrip("\n"))

    threading.Thread(target=pump, daemon=True).start()
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            if proc.poll() is not None:
                sys.exit("planc serve exited before listening")
            continue
        print("  planc:", line)
        m = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
        if m:
            return proc, int(m.group(1)), lines
    proc.kill()
    sys.exit("planc serve did not start listening within 10 minutes")


def open_events(port: int) -> queue.Queue:
    """Reads the event stream on a thread: (monotonic time, event name, data) per event."""
    events: queue.Queue = queue.Queue()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=None)
    conn.request("GET", "/__planc/events", headers={"Accept": "text/event-stream"})
    resp = conn.getresponse()
    assert resp.status == 200, resp.status

    def pump() -> None:
        name, data = "", ""
        while True:
            raw = resp.fp.readline()
            if not raw:
                return
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("event: "):
                name = line[7:]
            elif line.startswith("data: "):
                data = line[6:]
            elif line == "" and name:
                events.put((time.monotonic(), name, data))
                name, data = "", ""

    threading.Thread(target=pump, daemon=True).start()
    return events


def wait_event(events: queue.Queue, wanted: str, timeout: float) -> float | None:
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return None
        try:
            when, name, _ = events.get(timeout=left)
        except queue.Empty:
            return None
        if name == wanted:
            return when
        if name == "overlay":
            print("  unexpected overlay (the edit broke the build?)")


def server_numbers(lines: queue.Queue, timeout: float = 2.0) -> tuple[int, int, float | None] | None:
    """(rebuild ms, reload sent ms, CPU ms) from planc's log lines about one rebuild."""
    deadline = time.monotonic() + timeout
    found = None
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            return found
        m = re.search(r"^rebuilt .* in (\d+) ms: .*reload sent (\d+) ms after the change", line)
        if m:
            found = (int(m.group(1)), int(m.group(2)), None)
            continue
        m = re.search(r"total [0-9.]+/([0-9.]+);", line)
        if m and found:
            return found[0], found[1], float(m.group(1))
    return found


def summary(name: str, values: list[float]) -> str:
    if not values:
        return f"{name:8} (none)"
    return f"{name:8} median {statistics.median(values):6.1f} ms   max {max(values):6.1f} ms   (n={len(values)})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--planc", type=Path, default=REPO / "build-serve-rel" / "planc")
    ap.add_argument("--corpus", type=Path, help="project to use (generated there when missing)")
    ap.add_argument("--pause", type=float, default=0.3, help="seconds between saves")
    ap.add_argument("--keep", action="store_true", help="keep the temporary corpus")
    args = ap.parse_args()
    if not args.planc.exists():
        sys.exit(f"no planc at {args.planc}: cmake -S . -B build-serve-rel -DCMAKE_BUILD_TYPE=Release "
                 "-DPLANC_BUILD_TESTS=OFF && cmake --build build-serve-rel --target planc")

    temp = None
    corpus = args.corpus
    if corpus is None:
        temp = Path(tempfile.mkdtemp(prefix="planc-serve-bench-"))
        corpus = temp / f"c{args.plans}"
    if not (corpus / "content").is_dir():
        subprocess.run([sys.executable, str(REPO / "bench" / "generate_corpus.py"), "--plans", str(args.plans),
                        "--out", str(corpus)], check=True)
    plans = sorted((corpus / "content").glob("*/[0-9]*.md"))
    target = plans[len(plans) // 2]
    rel = target.relative_to(corpus)
    print(f"corpus: {corpus} ({len(plans)} plans); editing {rel}")

    proc, port, lines = start_serve(args.planc, corpus)
    client: list[float] = []
    server: list[float] = []
    rebuild: list[float] = []
    cpu: list[float] = []
    original = target.read_text(encoding="utf-8")
    try:
        events = open_events(port)
        if wait_event(events, "hello", 10) is None:
            sys.exit("no hello event")
        while not lines.empty():
            print("  planc:", lines.get())
        title_line = re.search(r"^title: .*$", original, re.M)
        assert title_line, "the plan has no title line"
        for i in range(1, args.edits + 1):
            text = original.replace(title_line.group(0), f'title: "Edited plan, save {i}"', 1)
            temp_file = target.with_name(target.name + ".bench~")
            temp_file.write_text(text, encoding="utf-8")
            saved = time.monotonic()
            os.replace(temp_file, target)
            arrived = wait_event(events, "reload", 30)
            if arrived is None:
                print(f"  save {i}: no reload event within 30 s")
                continue
            client.append((arrived - saved) * 1000)
            numbers = server_numbers(lines)
            if numbers:
                rebuild.append(numbers[0])
                server.append(numbers[1])
                if numbers[2] is not None:
                    cpu.append(numbers[2])
            time.sleep(args.pause)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        doc = f"/{rel.parent.name}/{rel.stem}/"
        conn.request("GET", doc)
        body = conn.getresponse().read().decode("utf-8")
        served = f"Edited plan, save {args.edits}" in body
        print(f"page {doc} shows the last save: {'yes' if served else 'NO'}")
    finally:
        target.write_text(original, encoding="utf-8")
        proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            code = "killed"
        print(f"planc serve stopped on SIGTERM: exit {code}")
        if temp is not None and not args.keep:
            shutil.rmtree(temp, ignore_errors=True)

    print(f"\n{len(plans)} plans, {args.edits} saves of one plan:")
    print(summary("client", client))
    print(summary("server", server))
    print(summary("rebuild", rebuild))
    print(summary("cpu", cpu))
    load = os.getloadavg()[0]
    print(f"load average {load:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
