"""Speed and memory of `attribution build`: against bare spaCy, with workers, by corpus size.

    python benchmarks/speed.py [--shared ../shared] [--batch-size 64] [--limit N]
        [--scale 1,10] [--base 120] [--skip-real] [--skip-synthetic] [--skip-jobs]
        [--repeat N] [--side-by-side N] [--keep DIR]

Every measurement runs in a fresh subprocess, timed on the wall clock from start to exit
(interpreter start, imports and model load included); its CPU seconds (user + system)
and peak RSS come from ``os.wait4``, which on Linux count that process and any child it
waited for (peak RSS: the largest one; with --jobs, the parent or one worker, whichever
was largest; the sum over workers is not measured).

1. Real corpus, ../shared/polnear/train/text (840 articles; --limit N takes the first
   N files in name order; skipped with a message when absent or with --skip-real):
   (a) bare spaCy, the same pipeline without the project's additions, run with
   ``nlp.pipe(texts, batch_size=B)`` and the model-bearing components B or 8 documents
   at a time, whichever is less, as the build runs them; its own in-loop seconds are
   reported too; (a') the same with spaCy's default, every component taking the whole
   batch; (b) `attribution build` into a fresh cache; (c) the same again with that cache.
   Goals: (b) at least 0.85 of the throughput of the faster of (a) and (a'); (c) at
   most 0.10 of the time of (b); outputs of (b) and (c) byte-identical. --repeat N runs
   (a), (a') and (b) in turn N times and compares the fastest of each (on a shared
   machine noise only adds time: bare spaCy alone has taken 193 to 235 s here); the
   N first builds must also be byte-identical. Odd turns run (a) and (a') before (b),
   even turns after it. --side-by-side N then runs (b) and bare spaCy
   at the same time, one per core, N times (odd turns (a), even turns (a')); when
   one ends, another bare run takes its core until the other ends. Whatever slows
   the machine then slows both alike. Goal: the lowest turn's ratio at least 0.85;
   those builds' outputs byte-identical to the first build's.
2. Workers (unless --skip-jobs): ``--jobs 1`` and ``--jobs 2`` with ``--no-cache`` on the
   real corpus, or the synthetic 1x corpus when it is absent. Goals: speedup at least
   1.6 (with 2 cores) and byte-identical outputs.
3. Size sweep (unless --skip-synthetic): for each scale s, s * --base invented articles
   from benchmarks/synthetic.py, built with ``--no-cache``, and parsed by bare spaCy as
   in (a), whose growth is printed as the floor. Goal: peak RSS of the build at the
   largest scale at most 1.3 times that at the smallest.

Prints a table as the runs finish, then one PASS/FAIL line per goal; the exit status
is 0 whatever the figures (1 only when a run itself fails). Measured on the 2-core
machine this was written on, en_core_web_sm parses about 4 real or 5 synthetic articles
a second, so the default --base of 120 makes the 10x corpus (1200 articles) take about
four to five minutes (nine with its bare spaCy run), and the whole benchmark about forty.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

sys.path.insert(0, str(Path(__file__).parent))
import synthetic  # the sibling script, not a package

from attribution.nlp import COMPONENT_BATCH

REAL = Path("polnear", "train", "text")
# Bare spaCy: argv is the folder, the batch size and the component batch size (0: spaCy's
# default, the whole batch); prints model, articles, loop seconds.
BARE_SPACY = """
import sys, time
from pathlib import Path
import spacy
from spacy import util
from attribution import nlp as nlp_mod
name = next(n for n in nlp_mod.DEFAULT_MODELS if util.is_package(n))
nlp = spacy.load(name)
size = int(sys.argv[3])
config = nlp_mod.component_cfg(nlp, size) if size else {}
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
started = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=int(sys.argv[2]), component_cfg=config):
    pass
print(name, len(texts), time.perf_counter() - started)
"""


@dataclass
class Run:
    """One finished subprocess: wall seconds, peak RSS in MB, what it printed, CPU seconds."""

    seconds: float
    rss_mb: float
    stdout: str
    cpu: float = 0.0  # user + system time of the process and the children it waited for


@dataclass
class Check:
    """One goal: its name, whether it was met, the figure and the goal as text."""

    name: str
    ok: bool
    figure: str
    goal: str
    detail: str = ""  # indented lines printed under the check (where outputs differ)

    def line(self) -> str:
        """PASS or FAIL, the name, the figure and the goal on one line, then any detail."""
        verdict = "PASS" if self.ok else "FAIL"
        return f"{verdict}  {self.name}: {self.figure} (goal: {self.goal}){self.detail}"


class Table:
    """Rows printed as they come, under one header."""

    HEADER = ("run", "articles", "wall s", "cpu s", "articles/s", "peak RSS MB", "notes")
    FORMAT = "{:<34} {:>8} {:>8} {:>7} {:>10} {:>11}  {}"

    def __init__(self) -> None:
        print(self.FORMAT.format(*self.HEADER))
        print("-" * 100, flush=True)

    def row(self, label: str, articles: int, run: Run, notes: str = "") -> None:
        """One run; an RSS or CPU time of 0 prints as a dash (not measured)."""
        rate = f"{articles / run.seconds:.1f}" if run.seconds else "-"
        rss = f"{run.rss_mb:.0f}" if run.rss_mb else "-"
        cpu = f"{run.cpu:.1f}" if run.cpu else "-"
        line = self.FORMAT.format(label, articles, f"{run.seconds:.1f}", cpu, rate, rss, notes)
        print(line, flush=True)


def attribution_command() -> list[str]:
    """The `attribution` console script of this interpreter's environment."""
    beside = Path(sys.executable).parent / "attribution"
    found = str(beside) if beside.is_file() else shutil.which("attribution")
    if not found:
        raise SystemExit("no `attribution` script next to python or on PATH: pip install -e .")
    return [found]


@dataclass
class Started:
    """A subprocess under way: when it started and the files its output goes to."""

    proc: subprocess.Popen
    started: float
    out: IO[bytes]
    err: IO[bytes]


def start(cmd: list[str]) -> Started:
    """Start ``cmd`` with its output going to temporary files."""
    # Closed by finished() or side_by_side(), once the process has been reaped.
    out, err = tempfile.TemporaryFile(), tempfile.TemporaryFile()  # noqa: SIM115
    return Started(subprocess.Popen(cmd, stdout=out, stderr=err), time.perf_counter(), out, err)


def finished(job: Started, status: int, usage: resource.struct_rusage) -> Run:
    """The Run of a job ``os.wait4`` has just reaped (RuntimeError if it failed)."""
    seconds = time.perf_counter() - job.started
    job.proc.returncode = code = os.waitstatus_to_exitcode(status)
    texts = []
    for file in (job.out, job.err):
        file.seek(0)
        texts.append(file.read().decode(errors="replace"))
        file.close()
    if code != 0:
        tail = "\n".join(texts[1].strip().splitlines()[-15:])
        raise RuntimeError(f"{' '.join(map(str, job.proc.args))} exited with {code}:\n{tail}")
    # ru_maxrss is in KB on Linux
    return Run(seconds, usage.ru_maxrss / 1024, texts[0], usage.ru_utime + usage.ru_stime)


def run(cmd: list[str]) -> Run:
    """Run ``cmd`` to its end: wall time, peak RSS, output and CPU time."""
    job = start(cmd)
    _, status, usage = os.wait4(job.proc.pid, 0)
    return finished(job, status, usage)


def side_by_side(first: list[str], second: list[str], filler: list[str]) -> tuple[Run, Run]:
    """Run two commands at once, one per core, so the same machine noise falls on both.

    When one ends, ``filler`` takes its core (started again as often as it
    ends) until the other ends too: the one still running goes on sharing
    the machine as it did, not alone in its last minutes.
    """
    jobs = [start(first), start(second)]
    runs: dict[int, Run] = {}
    spare: Started | None = None
    try:
        while len(runs) < 2:
            pid, status, usage = os.wait4(-1, 0)
            if spare is not None and pid == spare.proc.pid:
                spare.proc.returncode = os.waitstatus_to_exitcode(status)
                spare.out.close()
                spare.err.close()
                spare = start(filler)
                continue
            job = next(j for j in jobs if j.proc.pid == pid)
            runs[pid] = finished(job, status, usage)
            if len(runs) < 2:
                spare = start(filler)
    finally:
        for job in [*jobs, *([spare] if spare else [])]:
            if job.proc.returncode is None:
                job.proc.kill()
                job.proc.wait()
                job.out.close()
                job.err.close()
    return runs[jobs[0].proc.pid], runs[jobs[1].proc.pid]


def build_command(corpus: Path, out: Path, batch_size: int, *options: str) -> list[str]:
    """`attribution build corpus --out out -q --batch-size B` plus ``options``."""
    cmd = [*attribution_command(), "build", str(corpus), "--out", str(out), "-q"]
    return [*cmd, "--batch-size", str(batch_size), *options]


def build(corpus: Path, out: Path, batch_size: int, *options: str) -> Run:
    """Run :func:`build_command` to its end."""
    return run(build_command(corpus, out, batch_size, *options))


def bare_command(corpus: Path, batch_size: int, component_batch: int) -> list[str]:
    """The command that runs the plain pipeline over ``corpus`` (see BARE_SPACY)."""
    return [sys.executable, "-c", BARE_SPACY, str(corpus), str(batch_size), str(component_batch)]


def bare_spacy(corpus: Path, batch_size: int, component_batch: int) -> tuple[Run, str, float]:
    """The plain pipeline over the corpus: the run, the model's name, in-loop seconds."""
    result = run(bare_command(corpus, batch_size, component_batch))
    name, _, loop = result.stdout.split()
    return result, name, float(loop)


def differences(a: Path, b: Path) -> list[str]:
    """Files that differ between two output folders, or are in only one of them."""
    names_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    names_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    differ = [n for n in names_a & names_b if (a / n).read_bytes() != (b / n).read_bytes()]
    return sorted(str(n) for n in (names_a ^ names_b) | set(differ))


def identical(name: str, a: Path, b: Path) -> Check:
    """A check that two output folders hold the same files, byte for byte."""
    differ = differences(a, b)
    count = sum(1 for p in a.rglob("*") if p.is_file())
    figure = f"{count} files identical" if not differ else f"differ: {', '.join(differ)}"
    detail = "".join(first_difference(a / n, b / n) for n in differ)
    return Check(name, not differ, figure, "byte-identical", detail)


def first_difference(a: Path, b: Path, width: int = 160) -> str:
    """Where two text files first differ, as indented lines to print under a check."""
    if not (a.is_file() and b.is_file()):
        return f"\n    {a.name}: in one folder only"
    lines_a = a.read_text(encoding="utf-8").splitlines()
    lines_b = b.read_text(encoding="utf-8").splitlines()
    pairs = enumerate(zip(lines_a, lines_b, strict=False))  # the shorter file ends first
    at = next((i for i, (x, y) in pairs if x != y), None)
    if at is None:
        return f"\n    {a.name}: {len(lines_a)} lines against {len(lines_b)}"
    return (
        f"\n    {a.name} line {at + 1}:\n      < {lines_a[at][:width]}"
        f"\n      > {lines_b[at][:width]}"
    )


def graph_size(out: Path) -> tuple[int, int]:
    """Nodes and edges in ``out/graph.json`` (node-link, edges under "links")."""
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    return len(data["nodes"]), len(data["links"])


def real_corpus(shared: Path, limit: int | None, tmp: Path) -> Path | None:
    """The real corpus folder, or a copy of its first ``limit`` files; None if absent."""
    folder = shared / REAL
    if not folder.is_dir():
        return None
    if limit is None:
        return folder
    copy = tmp / "real"
    copy.mkdir()
    for path in sorted(folder.glob("*.txt"))[:limit]:
        shutil.copy(path, copy / path.name)
    return copy


def count(corpus: Path) -> int:
    """Number of .txt articles in a folder."""
    return sum(1 for _ in corpus.glob("*.txt"))


def bench_real(
    corpus: Path, batch_size: int, tmp: Path, table: Table, repeat: int = 1
) -> list[Check]:
    """Section 1: bare spaCy, a first build with a fresh cache, a cached re-run.

    With ``repeat`` > 1, bare spaCy and the first build take turns that many
    times and the fastest run of each is compared: on a shared machine, noise
    only ever adds time.
    """
    n = count(corpus)
    small = min(batch_size, COMPONENT_BATCH)
    bares: list[Run] = []
    firsts: list[Run] = []

    def bare_step(turn: int) -> None:
        bare, model, loop = bare_spacy(corpus, batch_size, small)
        table.row("(a) bare spaCy, whole process", n, bare, model)
        table.row("(a) bare spaCy, in nlp.pipe loop", n, Run(loop, 0, ""), "as timed inside it")
        plain, _, _ = bare_spacy(corpus, batch_size, 0)
        table.row("(a') bare spaCy, whole process", n, plain, "components take the whole batch")
        bares.extend((bare, plain))  # the build is held to the faster of (a) and (a')

    def build_step(turn: int) -> None:
        cache = ["--cache", str(tmp / f"cache{turn}.sqlite")]
        firsts.append(build(corpus, tmp / f"out{turn}", batch_size, *cache))
        table.row("(b) build, fresh cache", n, firsts[-1], f"turn {turn} of {repeat}")

    for turn in range(1, repeat + 1):
        # Odd turns run the build last, even turns first: a machine that slows
        # down or speeds up over a turn does not always favour the same side.
        for step in (bare_step, build_step) if turn % 2 else (build_step, bare_step):
            step(turn)
    cache = ["--cache", str(tmp / f"cache{repeat}.sqlite")]
    again = build(corpus, tmp / "again", batch_size, *cache)
    table.row("(c) build, cached re-run", n, again, f"cache of turn {repeat}")
    bare = min(bares, key=lambda r: r.seconds)
    first = min(firsts, key=lambda r: r.seconds)
    ratio, cached = bare.seconds / first.seconds, again.seconds / firsts[-1].seconds
    best = f"fastest of {repeat}: " if repeat > 1 else ""
    return [
        Check(
            "build vs bare spaCy throughput, whole process",
            ratio >= 0.85,
            f"{best}{n / first.seconds:.2f} vs {n / bare.seconds:.2f} articles/s = {ratio:.2f}"
            f" (CPU seconds: {bare.cpu:.0f} vs {first.cpu:.0f} = {bare.cpu / first.cpu:.2f})",
            ">= 0.85",
        ),
        Check(
            "cached re-run time / first build time",
            cached <= 0.10,
            f"{again.seconds:.1f} s / {firsts[-1].seconds:.1f} s = {cached:.3f}",
            "<= 0.10",
        ),
        identical("cached re-run output vs first build", tmp / f"out{repeat}", tmp / "again"),
        *(
            identical(f"first build, turn {t} vs turn 1", tmp / "out1", tmp / f"out{t}")
            for t in range(2, repeat + 1)
        ),
    ]


def bench_side_by_side(
    corpus: Path, batch_size: int, tmp: Path, table: Table, turns: int
) -> list[Check]:
    """Section 1b: the build and bare spaCy at the same time, one per core, ``turns`` times.

    Run one after the other, bare spaCy alone has varied by a fifth within
    an hour here, as much as the whole margin being measured. Side by side,
    whatever slows the machine slows both. Odd turns pair the build with
    (a), even turns with (a'). Each turn gives a ratio; the goal is held to
    the lowest.
    """
    n = count(corpus)
    small = min(batch_size, COMPONENT_BATCH)
    filler = bare_command(corpus, batch_size, small)
    ratios: list[float] = []
    for turn in range(1, turns + 1):
        components = small if turn % 2 else 0
        label = "(a)" if components else "(a')"
        out = tmp / f"paired{turn}"
        cache = ["--cache", str(tmp / f"paired{turn}.sqlite")]
        built, bare = side_by_side(
            build_command(corpus, out, batch_size, *cache),
            bare_command(corpus, batch_size, components),
            filler,
        )
        ratios.append(bare.seconds / built.seconds)
        table.row(f"{label} bare spaCy, side by side", n, bare, f"turn {turn} of {turns}")
        table.row("(b) build, side by side", n, built, f"fresh cache; ratio {ratios[-1]:.2f}")
    figures = ", ".join(f"{r:.2f}" for r in ratios)
    return [
        Check(
            "build vs bare spaCy throughput, side by side (lowest turn)",
            min(ratios) >= 0.85,
            f"{min(ratios):.2f} (turns: {figures})",
            ">= 0.85",
        ),
        *(
            identical(
                f"side-by-side build, turn {t} vs first build", tmp / "out1", tmp / f"paired{t}"
            )
            for t in range(1, turns + 1)
        ),
    ]


def bench_jobs(corpus: Path, name: str, batch_size: int, tmp: Path, table: Table) -> list[Check]:
    """Section 2: one worker against two, no cache, on ``corpus`` (called ``name``)."""
    n, cpus = count(corpus), os.cpu_count()
    one = build(corpus, tmp / "j1", batch_size, "--no-cache", "--jobs", "1")
    table.row("build --jobs 1 --no-cache", n, one, name)
    two = build(corpus, tmp / "j2", batch_size, "--no-cache", "--jobs", "2")
    note = f"{name}; RSS: largest single process (parent or one worker)"
    table.row("build --jobs 2 --no-cache", n, two, note)
    speedup = one.seconds / two.seconds
    return [
        Check(
            f"speedup of --jobs 2 over --jobs 1 (os.cpu_count() = {cpus})",
            speedup >= 1.6,
            f"{one.seconds:.1f} s / {two.seconds:.1f} s = {speedup:.2f}x",
            ">= 1.6x with 2 cores",
        ),
        identical("--jobs 2 output vs --jobs 1", tmp / "j1", tmp / "j2"),
    ]


def bench_sizes(
    scales: list[int], base: int, batch_size: int, tmp: Path, table: Table
) -> list[Check]:
    """Section 3: synthetic corpora of scale * base articles; RSS should stay flat.

    Bare spaCy runs over each corpus too: how much the parse alone grows is
    the floor for the build's growth.
    """
    rss: dict[int, float] = {}
    bare_rss: dict[int, float] = {}
    for scale in scales:
        corpus = tmp / f"syn{scale}x"
        synthetic.write_corpus(corpus, scale * base)
        bare, _, _ = bare_spacy(corpus, batch_size, min(batch_size, COMPONENT_BATCH))
        table.row(f"synthetic {scale}x, bare spaCy (a)", scale * base, bare)
        result = build(corpus, tmp / f"syn{scale}x_out", batch_size, "--no-cache")
        nodes, edges = graph_size(tmp / f"syn{scale}x_out")
        notes = f"graph: {nodes} nodes, {edges} edges"
        table.row(f"synthetic {scale}x, build --no-cache", scale * base, result, notes)
        rss[scale], bare_rss[scale] = result.rss_mb, bare.rss_mb
    low, high = min(scales), max(scales)
    if low == high:
        print("(one scale only: no memory growth check)")
        return []
    growth = rss[high] / rss[low]
    floor = bare_rss[high] / bare_rss[low]
    print(
        f"(bare spaCy alone: peak RSS at {high}x / at {low}x = "
        f"{bare_rss[high]:.0f} MB / {bare_rss[low]:.0f} MB = {floor:.2f})",
        flush=True,
    )
    return [
        Check(
            f"peak RSS at {high}x / at {low}x",
            growth <= 1.3,
            f"{rss[high]:.0f} MB / {rss[low]:.0f} MB = {growth:.2f}",
            "<= 1.3",
        )
    ]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """The options; ``scales`` is --scale as sorted distinct integers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--limit", type=int, help="only the first N real articles")
    parser.add_argument("--scale", default="1,10", help="synthetic sizes, in units of --base")
    parser.add_argument("--base", type=int, default=120, help="articles in the 1x synthetic corpus")
    parser.add_argument("--skip-real", action="store_true")
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--skip-jobs", action="store_true")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        metavar="N",
        help="real corpus: bare and build N times each",
    )
    parser.add_argument(
        "--side-by-side",
        type=int,
        default=0,
        metavar="N",
        help="real corpus: also run build and bare spaCy at once, one per core, N times",
    )
    parser.add_argument(
        "--keep", type=Path, metavar="DIR", help="work in DIR and keep every output there"
    )
    args = parser.parse_args(argv)
    args.scales = sorted({int(s) for s in args.scale.split(",") if s.strip()})
    return args


def benchmark(args: argparse.Namespace, tmp: Path) -> list[Check]:
    """Run the sections asked for; the checks they yield."""
    table = Table()
    checks: list[Check] = []
    real = real_corpus(args.shared, args.limit, tmp)
    if real is None:
        print(f"(real corpus skipped: no {args.shared / REAL})")
    elif args.skip_real:
        print("(real corpus skipped: --skip-real)")
    else:
        checks += bench_real(real, args.batch_size, tmp, table, args.repeat)
        if args.side_by_side:
            checks += bench_side_by_side(real, args.batch_size, tmp, table, args.side_by_side)
    if not args.skip_jobs:
        corpus, name = real, "real corpus"
        if corpus is None:
            corpus, name = tmp / "syn_jobs", "synthetic 1x"
            synthetic.write_corpus(corpus, args.base)
        checks += bench_jobs(corpus, name, args.batch_size, tmp, table)
    if not args.skip_synthetic:
        checks += bench_sizes(args.scales, args.base, args.batch_size, tmp, table)
    return checks


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark in a temporary folder, then print the checks."""
    args = parse_args(argv)
    print(f"attribution: {attribution_command()[0]}; os.cpu_count() = {os.cpu_count()}")
    with tempfile.TemporaryDirectory(prefix="attribution-speed-") as folder:
        work = Path(folder)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            work = Path(tempfile.mkdtemp(prefix="run-", dir=args.keep))
            print(f"outputs kept in {work}")
        try:
            checks = benchmark(args, work)
        except RuntimeError as err:
            print(f"error: {err}")
            return 1
    print()
    for check in checks:
        print(check.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
