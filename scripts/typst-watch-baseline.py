#!/usr/bin/env python3
"""The baseline of `cargo bench --bench stages -- loop`: Typst's own watch loop on the Typst
that Amicus generated, timed the way the bench times `amicus watch`.

It runs the watch loop of the `typst` package from PyPI (typst-py, built from the same Typst
crates as the typst CLI; `pip install typst==0.15.2`) in a child process on `main.typ` in a
folder, changes one word in that file each time to a word it never had ("for weeks1001
without", "for months1002 without", … — as `amicus watch` is timed changing one word in a
finding), and measures the time from the save until the new, complete PDF is on disk. It
prints one line of JSON: {"median_ms": …, "runs": […], "pages": …}.

Usage: typst-watch-baseline.py FOLDER MAIN.typ OUT.pdf RUNS
"""
import json
import os
import re
import statistics
import subprocess
import sys
import time

WATCHER = r"""
import sys, typst
fonts = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True)
compiler = typst.Compiler(sys.argv[1], root=sys.argv[2], font_paths=fonts)
compiler.watch(sys.argv[3], pdf_standards=["ua-1"])
"""


def complete_pdf(path, since_ns):
    """Whether `path` is a PDF written after `since_ns` and complete (ends with %%EOF)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    if st.st_mtime_ns <= since_ns or st.st_size < 16:
        return False
    with open(path, "rb") as f:
        f.seek(max(0, st.st_size - 16))
        return b"%%EOF" in f.read()


def wait_for(path, since_ns, timeout=120.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if complete_pdf(path, since_ns):
            return
        time.sleep(0.002)
    raise SystemExit(f"no new PDF at {path} within {timeout} s")


def main():
    folder, main_typ, out_pdf, runs = sys.argv[1:5]
    runs = int(runs)
    log = open(os.path.join(folder, "watch.log"), "w")
    child = subprocess.Popen(
        [sys.executable, "-c", WATCHER, main_typ, folder, out_pdf],
        stdout=log,
        stderr=log,
    )
    try:
        wait_for(out_pdf, 0)  # the first, cold compile
        time.sleep(0.5)
        times = []
        for n in range(runs):
            with open(main_typ, encoding="utf-8") as f:
                text = f.read()
            found = re.search(r"for (\S+) without", text)
            if not found:
                raise SystemExit(f"'for … without' is not in {main_typ}")
            word = ("weeks", "months")[n % 2] + str(1001 + n)
            edited = text[: found.start(1)] + word + text[found.end(1) :]
            before = os.stat(out_pdf).st_mtime_ns
            start = time.monotonic()
            with open(main_typ, "w", encoding="utf-8") as f:
                f.write(edited)
            wait_for(out_pdf, before)
            times.append(time.monotonic() - start)
            time.sleep(0.3)
    finally:
        child.terminate()
        child.wait()
        log.close()
    print(json.dumps({"median_ms": statistics.median(times) * 1000, "runs": [t * 1000 for t in times]}))


if __name__ == "__main__":
    main()
