"""Benchmark: our build (A) against what a user would run instead: Pelican
and Pagefind (B), Hugo and Pagefind (C), and plain Pelican alone (B0, for
reference).

    python bench/run.py            sizes 1000, 5000, 10000 → bench/results.md
    python bench/run.py --quick    200 articles only → bench/runs/results-quick.md

(`make bench` / `make bench QUICK=1` run this after installing Hugo and
checking that the corpus generator is deterministic.)

For every size a corpus is generated with bench/corpus.py into bench/runs/,
then the four builds run as whole processes, alternating A B C B0 A B C B0…,
each into a fresh output folder (A also with a fresh, empty cache folder),
at least three times each. Every run is timed from process start to exit
and its peak resident memory is read from `/usr/bin/time -f %M` (the
largest single process in the build's process tree; `os.wait4` when
/usr/bin/time is missing). A writes its per-stage seconds through
NEWS_DIGEST_TIMINGS. Then, at one size, A is rebuilt warm: after the last
cold run, one raw article is changed and A is rebuilt with the same cache
and output folders, several times (a different article each time), then
the same with a sidecar (`NAME.meta.toml`, a corrected headline) put next
to one article each time. Last,
A builds the shared real folder (../shared/corpora, 3,682 scrapes) once,
cold, with its stage split.

Nothing here is a pass/fail test: the numbers go to a Markdown report with
the targets marked met or missed.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import itertools
import json
import os
import platform
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from news_digest import timing

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
#: Sections of the report measured by hand and kept in files of their own,
#: so that a new report keeps them: search indexing (Pagefind's command
#: against its service, bench/search_shards.py), rendering the article
#: pages on both cores (bench/render_cores.py) and a warm rebuild of the
#: shared real folder.
KEPT_NOTES = (BENCH / "search_shards.md", BENCH / "render_cores.md", BENCH / "warm_real.md")
BIN = ROOT / ".venv" / "bin"
PYTHON = BIN / "python"
PELICAN = BIN / "pelican"
HUGO = BIN / "hugo"
PLAIN_CONF = BENCH / "pelicanconf_plain.py"
#: The code the builds run: its fingerprint, and whether git sees it changed.
CODE_PATHS = ("pelicanconf.py", "bench/pelicanconf_plain.py", "plugins", "content")
TIME = Path("/usr/bin/time")
SAMPLE_SECONDS = 0.2

SIZES = (1000, 5000, 10000)
QUICK_SIZES = (200,)
BUILDS = ("A", "B", "C", "B0")
NAMES = {
    "A": "A: news-digest (raw .txt, search index included)",
    "B": "B: Pelican (Markdown) + Pagefind",
    "C": "C: Hugo (Markdown) + Pagefind",
    "B0": "B0: Pelican alone (Markdown), for reference",
}
#: Where each peer's article pages are: Pagefind indexes those, as A's
#: own index holds its article pages only.
PEER_ARTICLES = {"B": "artikel/**/*.html", "C": "posts/**/*.html"}
STAGES = (*timing.STAGES, "render")
#: Stage seconds that ran on the second core while the build went on (the
#: digest's forked worker, Pagefind): the stages and render add up to the
#: total plus these.
ALONGSIDE = "alongside"

# Targets (issue 27): at every size, A at most this many times B and C;
# A's peak memory at most B's and at most this many MiB at 10k; A at 10k
# at most this many times A at 5k; a warm rebuild after one article or one
# sidecar changed at most this share of a cold build.
TARGET_B_RATIO = 1.0
TARGET_C_RATIO = 2.0
#: What the project aims at beyond the target (the compass), reported beside it.
COMPASS_B_RATIO = 0.8
TARGET_MEMORY_RATIO = 1.0
TARGET_MEMORY_MIB = 600
TARGET_SCALING = 2.05
TARGET_WARM_SHARE = 0.10
#: What a warm rebuild may change, as the report names it.
WARM_EDITS = {"article": "one article changed", "sidecar": "one sidecar added"}
#: The shared real folder A builds once (unpacked by tests/eval/corpora.py).
REAL_CORPUS = "indonews-2025-06-18-20"
#: The same articles as their scraper exported them (three day CSVs, 5,750
#: rows): reading an export must cost no more than reading the text files.
REAL_EXPORT = "indonews-2025-06-18-20-csv"
#: The per-file stages, whose sum is the cost of reading a folder.
READING_STAGES = ("read", "clean", "infer")


@dataclass
class Run:
    build: str
    size: int
    round: int
    seconds: float
    peak_kb: int
    tree_kb: int = 0
    cpu: float = 0.0  # user + system seconds of the whole process tree
    pages: int = 0
    stages: dict[str, float] = field(default_factory=dict)
    warm: bool = False
    #: what a warm run changed: "article" (a raw file's second line) or
    #: "sidecar" (a NAME.meta.toml put beside one)
    edit: str = ""
    code: str = ""  # fingerprint of plugins/ (theme included) and the settings when run
    processes: dict[str, int] = field(default_factory=dict)  # name -> peak RSS KB
    other_cpu: float = 0.0  # CPU seconds of other processes on the machine meanwhile
    steal: float = 0.0  # CPU seconds stolen by the VM host meanwhile
    discarded: bool = False  # disturbed and run again: kept out of the medians


def _edit(run: Run) -> str:
    """What a warm run changed (reports from before sidecars: an article)."""
    return run.edit or "article"


def _clean_env(**extra: str) -> dict[str, str]:
    """The caller's environment without make's and the plugin's variables
    (a `make bench` must not leak its command line into the builds)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("MAKE", "MFLAGS", "NEWS_DIGEST_", "BENCH_"))
        and key not in ("SEEDS", "OUTPUTDIR", "PELICANOPTS", "QUICK")
    }
    env.update(extra)
    return env


def _relative(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _name_and_peak(pid: int) -> tuple[str, int]:
    """A process's name and its own peak RSS so far (VmHWM), in KB."""
    name = ""
    try:
        with open(f"/proc/{pid}/status", "rb") as handle:
            for line in handle:
                if line.startswith(b"Name:"):
                    name = line.split(None, 1)[1].strip().decode(errors="replace")
                elif line.startswith(b"VmHWM:"):
                    return name, int(line.split()[1])
    except (OSError, ValueError):
        pass
    return name, 0


class TreeSampler(threading.Thread):
    """Samples a process and all its descendants (build workers, Pagefind)
    every SAMPLE_SECONDS: the peak of their summed PSS (pages forked
    processes share counted once: the tree's real footprint) and each
    process's own peak RSS by process name. A sample, so a very short
    spike (or a process living less than a sample) can be missed."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kb = 0
        self.by_name: dict[str, int] = {}
        self.done = threading.Event()

    def run(self) -> None:
        self.done.wait(0.05)  # let the command start
        while not self.done.is_set():
            pids = _descendants(self.pid)
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in pids))
            for pid in pids:
                name, peak = _name_and_peak(pid)
                if name and peak and name != TIME.name:
                    self.by_name[name] = max(self.by_name.get(name, 0), peak)
            self.done.wait(SAMPLE_SECONDS)


def _machine_cpu() -> tuple[float, float]:
    """Machine-wide busy and stolen CPU seconds since boot (/proc/stat)."""
    try:
        with open("/proc/stat") as handle:
            fields = [int(x) for x in handle.readline().split()[1:9]]
    except (OSError, ValueError):
        return 0.0, 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields
    hz = os.sysconf("SC_CLK_TCK")
    return (user + nice + system + irq + softirq) / hz, steal / hz


def _own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Measured:
    seconds: float
    peak_kb: int
    sampler: TreeSampler
    cpu: float
    other_cpu: float  # CPU seconds used meanwhile by processes outside the build
    steal: float  # CPU seconds the virtual machine's host took away meanwhile


def measure(command: list[str], env: dict[str, str], log: Path) -> Measured:
    """Run one build: its wall seconds, the peak RSS in KB of its largest
    process (from /usr/bin/time -f %M, else os.wait4), the sampled peak PSS
    in KB of its whole process tree, its CPU seconds, and how much other
    work the machine did meanwhile. Fails loudly."""
    log.parent.mkdir(parents=True, exist_ok=True)
    rss_file = log.with_suffix(".rss")
    timed = TIME.exists()
    full = [str(TIME), "-f", "%M %U %S", "-o", str(rss_file), *command] if timed else command
    os.sync()  # the previous run's files are on disk before this one starts
    sampling = Path("/proc/self/smaps_rollup").exists()
    with open(log, "wb") as out:
        busy_before, steal_before = _machine_cpu()
        own_before = _own_cpu()
        start = time.perf_counter()
        process = subprocess.Popen(full, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        sampler = TreeSampler(process.pid)
        if sampling:
            sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        sampler.done.set()
        if sampling:
            sampler.join()
        busy_after, steal_after = _machine_cpu()
        own = _own_cpu() - own_before
    returncode = process.returncode = os.waitstatus_to_exitcode(status)
    if returncode != 0:
        tail = log.read_text(errors="replace")[-2000:]
        raise SystemExit(f"build failed ({returncode}): {' '.join(command)}\n{tail}")
    if timed:  # "%M %U %S" on the last line
        peak_text, user, system = rss_file.read_text().splitlines()[-1].split()
        peak, cpu = int(peak_text), float(user) + float(system)
    else:
        peak, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    other = max(0.0, busy_after - busy_before - cpu - own)
    return Measured(seconds, peak, sampler, cpu, other, steal_after - steal_before)


def code_fingerprint() -> str:
    """A hash of the code A runs (the plugin, the theme, the settings), to
    tell whether it changed while the benchmark was running."""
    digest = hashlib.sha256()
    paths = []
    for name in CODE_PATHS:
        top = ROOT / name
        found = top.rglob("*") if top.is_dir() else [top]
        paths += [p for p in found if p.is_file() and "__pycache__" not in p.parts]
    for path in sorted(paths):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


#: No disturbed run is repeated once the benchmark could pass this many
#: seconds (`make bench` must stay under 15 minutes on the 2-core machine).
RETRY_DEADLINE = 780

#: A run is disturbed when the rest of the machine used more CPU meanwhile
#: than this share of one core over the run's wall time (or the VM's host
#: took as much away).
DISTURBED_SHARE = 0.05


def disturbed(run: Run) -> bool:
    limit = max(0.2, DISTURBED_SHARE * run.seconds)
    return run.other_cpu > limit or run.steal > limit


def _largest(processes: dict[str, int], count: int = 3) -> list[tuple[str, int]]:
    return sorted(processes.items(), key=lambda item: -item[1])[:count]


def count_pages(folder: Path) -> int:
    return sum(name.endswith(".html") for _, _, files in os.walk(folder) for name in files)


class Bench:
    def __init__(self, sizes, runs: int, warm_size: int, warm_runs: int, work: Path):
        self.sizes = sizes
        self.runs = runs
        self.warm_size = warm_size
        self.warm_runs = warm_runs
        self.work = work
        self.results: list[Run] = []
        self.real: dict = {}
        self.corpora: dict[int, dict] = {}
        self.started = time.perf_counter()

    def log(self, message: str) -> None:
        elapsed = time.perf_counter() - self.started
        print(f"[{elapsed:6.0f}s] {message}", flush=True)

    # ---- the three builds ---------------------------------------------------

    def command(self, build: str, corpus: Path, out: Path, cache: Path | None):
        if build == "A":
            return [
                "make", "-s", "-C", str(ROOT), "html", f"SEEDS={corpus / 'raw'}",
                f"OUTPUTDIR={out}", f"PELICANOPTS=--cache-path {cache}",
            ]  # fmt: skip
        if build == "B0":
            return [str(PELICAN), "-s", str(PLAIN_CONF), "-o", str(out)]
        if build == "B":
            site = [str(PELICAN), "-s", str(PLAIN_CONF), "-o", str(out)]
        else:
            site = [str(HUGO), "--quiet", "-s", str(corpus / "hugo"), "-d", str(out)]
        # then Pagefind, pinned as in the project, over the article pages,
        # in the corpus's main language as A indexes
        index = [
            str(PYTHON), "-m", "pagefind", "--site", str(out), "--glob", PEER_ARTICLES[build],
            "--force-language", "id", "--quiet",
        ]  # fmt: skip
        return ["sh", "-c", f"{shlex.join(site)} && {shlex.join(index)}"]

    def run_build(
        self, build, size, round_, corpus, out, cache=None, warm=False, seeds=None, edit=""
    ) -> Run:
        timings = out.parent / f"{out.name}.timings.json"
        env = _clean_env()
        if build == "A":
            env["NEWS_DIGEST_TIMINGS"] = str(timings)
            timings.unlink(missing_ok=True)
        if build in ("B", "B0"):
            env["BENCH_MARKDOWN"] = str(corpus / "markdown")
        command = self.command(build, corpus, out, cache)
        if seeds is not None:  # the real folder instead of a generated corpus
            command = [part if not part.startswith("SEEDS=") else f"SEEDS={seeds}"
                       for part in command]  # fmt: skip
        code = code_fingerprint()
        m = measure(command, env, out.parent / f"{out.name}.log")
        seconds, peak, tree, cpu = m.seconds, m.peak_kb, m.sampler.peak_kb, m.cpu
        run = Run(build, size, round_, round(seconds, 3), peak, tree, round(cpu, 2))
        run.pages, run.warm, run.processes = count_pages(out), warm, m.sampler.by_name
        run.edit = edit
        run.other_cpu, run.steal = round(m.other_cpu, 2), round(m.steal, 2)
        run.code = code
        if build == "A":
            run.stages = json.loads(timings.read_text())
        self.results.append(run)
        self.log(
            f"{size:>6} {build}{f' warm ({edit})' if warm else ''} #{round_ + 1}: {seconds:7.2f} s "
            f"(cpu {cpu:6.1f} s), "
            f"peak {peak / 1024:5.0f} MB (tree {tree / 1024:5.0f} MB; "
            + ", ".join(f"{n} {kb / 1024:.0f}" for n, kb in _largest(run.processes))
            + f"), {run.pages} pages"
            + (
                f"; DISTURBED: other CPU {run.other_cpu:.1f} s, steal {run.steal:.1f} s"
                if disturbed(run)
                else ""
            )
        )
        return run

    def corpus(self, size: int) -> Path:
        folder = self.work / f"corpus-{size}"
        start = time.perf_counter()
        made = subprocess.run(
            [str(PYTHON), str(BENCH / "corpus.py"), str(size), str(folder)],
            check=True,
            capture_output=True,
            text=True,
        )
        # "N articles (E English) in …"
        english = int(made.stdout.split("(", 1)[1].split()[0])
        raw = sorted((folder / "raw").glob("*.txt"))
        self.corpora[size] = {
            "articles": len(raw),
            "raw_mb": round(sum(p.stat().st_size for p in raw) / 1e6, 1),
            "english": english,
            "seconds": round(time.perf_counter() - start, 1),
        }
        self.log(f"corpus {size}: {self.corpora[size]}")
        return folder

    def run(self) -> None:
        for size in self.sizes:
            corpus = self.corpus(size)
            outs = self.work / "out" / str(size)
            shutil.rmtree(outs, ignore_errors=True)
            warm_base = None
            for round_ in range(self.runs):
                for build in BUILDS:
                    for attempt in ("", "r"):
                        out = outs / f"{build}{round_}{attempt}"
                        cache = outs / f"{build}{round_}{attempt}-cache" if build == "A" else None
                        run = self.run_build(build, size, round_, corpus, out, cache)
                        if not (disturbed(run) and not attempt and self.may_retry(run)):
                            break
                        run.discarded = True
                        self.log("  disturbed by other work on the machine: run again")
                    if build == "A":
                        warm_base = (out, cache)
            if size == self.warm_size:
                self.warm(size, corpus, *warm_base)
            # Outputs go only once a size is done: deleting (and the discards
            # it triggers on this disk) never overlaps a timed run.
            shutil.rmtree(outs, ignore_errors=True)
            os.sync()
            self.save()

    def real_folder(self) -> None:
        """A, cold, over the shared real folder, once, and over the same
        articles as their scraper's CSV export (each skipped when
        ../shared/corpora is not there)."""
        sys.path.insert(0, str(ROOT))
        from tests.eval.corpora import MissingCorpus, corpus_dir

        for key, name in (("run", REAL_CORPUS), ("export_run", REAL_EXPORT)):
            try:
                folder = corpus_dir(name)
            except MissingCorpus as error:
                self.log(f"real folder skipped: {error}")
                continue
            out = self.work / "out" / "real"
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir(parents=True)
            if key == "run":
                articles = sum(1 for _ in folder.rglob("*.txt"))
                self.real.update({"corpus": name, "articles": articles})
            else:
                self.real["export"] = name
            # its own pseudo-size: 0 (not a generated corpus)
            run = self.run_build("A", 0, 0, folder.parent / "_real", out / "A", out / "A-cache",
                                 seeds=folder)  # fmt: skip
            run.warm = False
            self.real[key] = asdict(run)
            self.results.remove(run)
            shutil.rmtree(out, ignore_errors=True)
            self.save()

    def may_retry(self, run: Run) -> bool:
        """A disturbed run is run once more, unless that could take the
        whole benchmark past RETRY_DEADLINE seconds."""
        elapsed = time.perf_counter() - self.started
        return elapsed + run.seconds < RETRY_DEADLINE

    def warm(self, size: int, corpus: Path, out: Path, cache: Path) -> None:
        """Rebuild A with the cold run's cache and output after changing one
        article (another one each time), then after putting a sidecar next
        to one (another one each time); articles and sidecars are restored
        after."""
        raw = sorted((corpus / "raw").glob("*.txt"))
        picks = [raw[(i * 7919 + len(raw) // 3) % len(raw)] for i in range(2 * self.warm_runs)]
        edited, beside = picks[: self.warm_runs], picks[self.warm_runs :]
        originals = {path: path.read_bytes() for path in edited}
        sidecars = [path.with_suffix(".meta.toml") for path in beside]
        try:
            for round_, path in enumerate(edited):
                lines = originals[path].decode("utf-8").split("\n")
                extra = (
                    f"Pembaruan: petugas menyebut {round_ + 3} warga masih bertahan di lokasi "
                    "hingga malam hari."
                )
                lines.insert(1, extra)
                path.write_bytes("\n".join(lines).encode("utf-8"))
                self.run_build("A", size, round_, corpus, out, cache, warm=True, edit="article")
            for round_, sidecar in enumerate(sidecars):
                # an editor's usual correction: the headline, written by hand
                title = f"Judul diperbaiki editor nomor {round_ + 1}"
                sidecar.write_text(f'title = "{title}"\n', encoding="utf-8")
                self.run_build("A", size, round_, corpus, out, cache, warm=True, edit="sidecar")
        finally:
            for path, data in originals.items():
                path.write_bytes(data)
            for sidecar in sidecars:
                sidecar.unlink(missing_ok=True)

    def save(self, final: bool = False) -> dict:
        """Everything measured so far, in results.json (the report is made
        from it, and `--report-only` remakes the report from it)."""
        data = {
            "sizes": list(self.sizes),
            "runs_per_build": self.runs,
            "warm_size": self.warm_size,
            "corpora": {str(size): c for size, c in self.corpora.items()},
            "runs": [asdict(r) for r in self.results],
            "real": self.real,
            "elapsed": round(time.perf_counter() - self.started),
        }
        if final:
            data["finished"] = f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
            data["machine"] = machine()
        (self.work / "results.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
        return data


# ---- report ------------------------------------------------------------------------


def _output(command: list[str]) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError:
        return "not available"
    return (result.stdout + result.stderr).strip()


def machine() -> dict[str, str]:
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    total_kb = next((int(line.split()[1]) for line in meminfo.splitlines()
                     if line.startswith("MemTotal:")), 0)  # fmt: skip
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                  if line.startswith("model name")), platform.processor() or "unknown")  # fmt: skip
    hugo = next(
        (line for line in _output([str(HUGO), "version"]).splitlines() if "hugo v" in line),
        "not available",
    )
    return {
        "nproc": _output(["nproc"]),
        "cpu": model,
        "memory": f"{total_kb / 1024 / 1024:.1f} GiB",
        "os": f"{platform.system()} {platform.release()}",
        "python": _output([str(PYTHON), "--version"]),
        "pelican": _output([str(PELICAN), "--version"]),
        "hugo": hugo.split(" VendorInfo")[0],
        "pagefind": _output([str(PYTHON), "-m", "pagefind", "--version"]).splitlines()[-1],
        "make": _output(["make", "--version"]).splitlines()[0],
        "commit": _output(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]),
        "dirty": _output(["git", "-C", str(ROOT), "status", "--porcelain", "--", *CODE_PATHS]),
    }


def _median_run(runs: list[Run]) -> Run:
    ordered = sorted(runs, key=lambda r: r.seconds)
    return ordered[(len(ordered) - 1) // 2]


def _stats(runs: list[Run]) -> dict:
    seconds = [r.seconds for r in runs]
    peaks = [r.peak_kb for r in runs]
    return {
        "median": statistics.median(seconds),
        "min": min(seconds),
        "max": max(seconds),
        "peak_mb": statistics.median(peaks) / 1024,
        "peak_max_mb": max(peaks) / 1024,
        "tree_mb": statistics.median(r.tree_kb for r in runs) / 1024,
        "cpu": statistics.median(r.cpu for r in runs),
        "pages": runs[0].pages,
        "n": len(runs),
        "stages": (median_run := _median_run(runs)).stages,
        "processes": median_run.processes,
    }


def _fmt_time(s: dict) -> str:
    return f"{s['median']:.2f} s ({s['min']:.2f}–{s['max']:.2f})"


def _verdict(ok: bool, detail: str) -> str:
    return f"**met** — {detail}" if ok else f"**missed** — {detail}"


def paired_ratios(runs: list[Run], size: int, x: str, y: str, key: str) -> list[float]:
    """x/y on `key` per round: the builds of one round ran back to back, so
    a round's ratio is not disturbed by what changed between rounds."""
    by_round: dict[int, dict[str, float]] = {}
    for r in runs:
        if r.size == size and not r.warm and r.build in (x, y):
            by_round.setdefault(r.round, {})[r.build] = getattr(r, key)
    return [v[x] / v[y] for v in by_round.values() if x in v and y in v and v[y]]


def _fmt_ratio(ratios: list[float]) -> str:
    if not ratios:
        return "–"
    return f"{statistics.median(ratios):.2f}× ({min(ratios):.2f}–{max(ratios):.2f})"


def _comparison_table(cold: dict, runs: list[Run], sizes, key: str, cell) -> list[str]:
    """A markdown table of the four builds per size, with A's ratio to each
    peer on `key` (median of the paired per-round ratios, their range in
    brackets)."""
    run_key = "seconds" if key == "median" else key
    lines = [
        "| size | A | B | C | B₀ | A/B | A/C | A/B₀ |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        cells = " | ".join(cell(cold[size, x]) for x in BUILDS)
        ratios = " | ".join(
            _fmt_ratio(paired_ratios(runs, size, "A", peer, run_key)) for peer in ("B", "C", "B0")
        )
        lines.append(f"| {size} | {cells} | {ratios} |")
    return lines


def report(data: dict, quick: bool, path: Path) -> str:
    everything = [Run(**r) for r in data["runs"]]
    runs = [r for r in everything if not r.discarded]  # what the medians are made of
    sizes = tuple(data["sizes"])
    corpora = {int(size): c for size, c in data["corpora"].items()}
    warm_size = data["warm_size"]
    cold = {
        (size, build): _stats(
            [r for r in runs if r.size == size and r.build == build and not r.warm]
        )
        for size in sizes
        for build in BUILDS
    }
    info = data["machine"]
    troubled = [r for r in everything if disturbed(r)]
    codes = list(dict.fromkeys(r.code for r in runs))
    if len(codes) > 1:
        first = {code: min(i for i, r in enumerate(runs) if r.code == code) for code in codes}
        changes = ", ".join(
            f"{code} from {runs[i].size} {runs[i].build} #{runs[i].round + 1}"
            for code, i in first.items()
        )
    lines = [
        "# Benchmark: news-digest against Pelican + Pagefind and Hugo + Pagefind",
        "",
        f"Generated by `{'make bench QUICK=1' if quick else 'make bench'}` "
        f"(bench/run.py), finished {data['finished']}"
        + (f" after {data['elapsed']} s; " if data.get("elapsed") else "; ")
        + f"{data['runs_per_build']} cold runs per build and size, alternating A B C B₀ A B C B₀…; "
        "times are medians with the min–max range in brackets; ratios are the median of "
        "the per-round ratios (each round's builds ran back to back) with their range.",
        "",
        "## Machine",
        "",
        *(
            [
                f"**Warning: the plugin/theme code changed while the benchmark ran ({changes}); "
                "the runs do not all measure the same code.**",
                "",
            ]
            if len(codes) > 1
            else []
        ),
        *(
            [
                f"**Warning: {len(troubled)} of {len(everything)} runs were disturbed by other "
                "work on the machine (other processes' CPU or the VM host's steal above "
                f"{100 * DISTURBED_SHARE:.0f} % of a core over the run): "
                + ", ".join(
                    f"{r.size} {r.build}{' warm' if r.warm else ''} #{r.round + 1} "
                    f"(+{max(r.other_cpu, r.steal):.1f} s"
                    + (", run again and left out)" if r.discarded else ", kept)")
                    for r in troubled
                )
                + ". Kept ones are in the medians; compare them with the min–max ranges.**",
                "",
            ]
            if troubled
            else []
        ),
        f"- CPUs (`nproc`): {info['nproc']} — {info['cpu']}",
        f"- Memory: {info['memory']}",
        f"- OS: {info['os']}",
        f"- {info['python']} (the project's .venv)",
        f"- Pelican: {info['pelican']}",
        f"- Hugo: {info['hugo']}",
        f"- Pagefind (in A, B and C): {info['pagefind']}",
        f"- {info['make']}",
        f"- Code measured: commit {info['commit']}"
        + (
            " with uncommitted changes under plugins/ (theme included) or the settings"
            if info["dirty"]
            else " (plugins/, theme included, and settings unmodified)"
        )
        + f"; code fingerprint {', '.join(codes)}",
        "",
        "## What is built",
        "",
        "`python bench/corpus.py N bench/runs/corpus-N` writes N raw articles "
        "(Indonesian and English, scraper debris included) and the same articles "
        "cleaned as Pelican Markdown and as a Hugo site. Same N, same bytes.",
        "",
        "| size | raw MB | English | pages A | pages B, B₀ | pages C |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        c = corpora[size]
        lines.append(
            f"| {size} | {c['raw_mb']} | {c['english']} | {cold[size, 'A']['pages']} "
            f"| {cold[size, 'B']['pages']} | {cold[size, 'C']['pages']} |"
        )
    lines += [
        "",
        "Pages = HTML files written. A writes an article page per article plus "
        "event pages, month archives, source and author lists, the digest front "
        "page, `digest.json` and a Pagefind search index of its article pages; B₀ "
        "writes article pages, paginated index, category, author and archive pages "
        "with the default theme, and B is B₀ then Pagefind over its article pages; "
        "C writes article pages, the paginated home and section lists and category "
        "pages, then Pagefind over its article pages. A user who wants what A gives "
        "(clean pages and a search index) would run B or C, so those are the peers; "
        "B₀ is kept for reference.",
        "",
        "## Commands",
        "",
        "Each run gets a fresh output folder `<fresh>` (and A a fresh, empty cache "
        "folder), and is run under `/usr/bin/time -f %M` from the repository root:",
        "",
        "```sh",
        "# A: ours (stage seconds written to <timings>.json)",
        "NEWS_DIGEST_TIMINGS=<timings>.json make -s html SEEDS=bench/runs/corpus-N/raw "
        "OUTPUTDIR=<fresh> PELICANOPTS='--cache-path <fresh-cache>'",
        "# B: plain Pelican, markdown-it reader, default theme, no cache; then Pagefind",
        "BENCH_MARKDOWN=bench/runs/corpus-N/markdown sh -c '.venv/bin/pelican "
        "-s bench/pelicanconf_plain.py -o <fresh> && .venv/bin/python -m pagefind "
        '--site <fresh> --glob "artikel/**/*.html" --force-language id --quiet\'',
        "# C: Hugo, then Pagefind",
        "sh -c '.venv/bin/hugo --quiet -s bench/runs/corpus-N/hugo -d <fresh> && "
        '.venv/bin/python -m pagefind --site <fresh> --glob "posts/**/*.html" '
        "--force-language id --quiet'",
        "# B0: plain Pelican alone",
        "BENCH_MARKDOWN=bench/runs/corpus-N/markdown .venv/bin/pelican "
        "-s bench/pelicanconf_plain.py -o <fresh>",
        "```",
        "",
        "## Cold builds",
        "",
    ]
    lines += _comparison_table(cold, runs, sizes, "median", _fmt_time)
    lines += [
        "",
        "CPU seconds (user + system, whole process tree, median) — less sensitive "
        "than wall time to this machine's disk, which is noisy (see Notes):",
        "",
    ]
    lines += _comparison_table(cold, runs, sizes, "cpu", lambda s: f"{s['cpu']:.1f} s")
    lines += [
        "",
        "Memory (medians over the runs):",
        "",
        "| size | peak RSS A | B | C | B₀ | RSS A/B | tree PSS A | B | C | B₀ | tree A/B |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        a, b, c, b0 = (cold[size, x] for x in BUILDS)
        rss = _fmt_ratio(paired_ratios(runs, size, "A", "B", "peak_kb"))
        tree = _fmt_ratio(paired_ratios(runs, size, "A", "B", "tree_kb"))
        lines.append(
            f"| {size} | {a['peak_mb']:.0f} MB | {b['peak_mb']:.0f} MB | {c['peak_mb']:.0f} MB "
            f"| {b0['peak_mb']:.0f} MB | {rss} "
            f"| {a['tree_mb']:.0f} MB | {b['tree_mb']:.0f} MB | {c['tree_mb']:.0f} MB "
            f"| {b0['tree_mb']:.0f} MB | {tree} |"
        )
    lines += [
        "",
        "Peak RSS = `/usr/bin/time -f %M`: the peak resident memory of the largest "
        "single process of the build's process tree, whichever it is. Tree PSS = "
        "the peak of the summed proportional set size of the whole process tree, "
        f"sampled every {SAMPLE_SECONDS} s (A's forked workers and every build's "
        "Pagefind included, pages shared after a fork counted once). The memory "
        "target uses peak RSS.",
        "",
        "Which process is the largest — each process's own peak RSS (its VmHWM, "
        "sampled; median over the runs), the three largest per build:",
        "",
        "| size | A | B | C | B₀ |",
        "|---:|---|---|---|---|",
    ]
    for size in sizes:
        cells = []
        for build in BUILDS:
            chosen = [r for r in runs if r.size == size and r.build == build and not r.warm]
            names = {name for r in chosen for name in r.processes}
            peaks = {
                name: statistics.median(r.processes.get(name, 0) for r in chosen) for name in names
            }
            cells.append(
                ", ".join(f"{name} {kb / 1024:.0f} MB" for name, kb in _largest(peaks)) or "–"
            )
        lines.append(f"| {size} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "(`pelican` is Pelican and, in A, its forked per-file workers, which "
        "carry the same name; `pagefind…` is the search indexer A, B and C run at "
        "the end of their builds; `python` is the Pagefind launcher.)",
        "",
    ]
    if len(sizes) >= 2:
        lines += ["Scaling (median time at one size over the previous size):", ""]
        for small, large in itertools.pairwise(sizes):
            parts = [
                f"{build} {cold[large, build]['median'] / cold[small, build]['median']:.2f}×"
                for build in BUILDS
            ]
            lines.append(f"- {large}/{small}: " + ", ".join(parts))
        lines.append("")

    warm_by = {kind: [r for r in runs if r.warm and _edit(r) == kind] for kind in WARM_EDITS}
    warm_shares: dict[str, float] = {}
    if any(warm_by.values()):
        base = cold[warm_size, "A"]
        lines += [
            "## Warm rebuild (A)",
            "",
            f"At {warm_size} articles: after the last cold A build, one raw "
            "article gets a new second line and A is rebuilt with the same "
            "`--cache-path` and output folder, a different article each time; then "
            "a sidecar (`NAME.meta.toml` setting the headline) is put beside one "
            "article and A is rebuilt again, a different article each time.",
            "",
            "| | runs | time | % of cold A |",
            "|---|---:|---|---:|",
            f"| cold A (median) | {base['n']} | {_fmt_time(base)} | 100 % |",
        ]
        for kind, chosen in warm_by.items():
            if chosen:
                w = _stats(chosen)
                warm_shares[kind] = w["median"] / base["median"]
                lines.append(
                    f"| warm, {WARM_EDITS[kind]} | {len(chosen)} | {_fmt_time(w)} "
                    f"| {100 * warm_shares[kind]:.0f} % |"
                )
        lines.append("")
        for kind, chosen in warm_by.items():
            counts = _median_run(chosen).stages if chosen else {}
            if "files_written" in counts:
                lines += [
                    f"What the median warm rebuild with {WARM_EDITS[kind]} redid and "
                    "reused (NEWS_DIGEST_TIMINGS counts): "
                    f"{counts.get('articles_processed', 0)} of {counts.get('articles', 0)} "
                    "articles through the per-file stages (the rest from the cache); "
                    f"{counts.get('files_written', 0)} files written, "
                    f"{counts.get('files_unchanged', 0)} left unchanged, "
                    f"{counts.get('files_swept', 0)} swept (Pagefind's files aside); "
                    f"{counts.get('pages_rendered', 0)} pages of articles, stories and names "
                    f"rendered, {counts.get('pages_kept', 0)} kept without rendering; "
                    f"{counts.get('search_shards_built', 0)} search shards indexed again, "
                    f"{counts.get('search_shards_kept', 0)} kept; "
                    f"{counts.get('grouping_choices_made', 0)} articles and stories chose the "
                    "others they are compared with again, "
                    f"{counts.get('grouping_pairs_compared', 0)} pairs compared, "
                    f"{counts.get('grouping_pairs_remembered', 0)} remembered; "
                    f"{counts.get('grouping_components_clustered', 0)} linked groups clustered "
                    f"again, {counts.get('grouping_components_remembered', 0)} remembered "
                    "(group_cache.py).",
                    "",
                ]

    real = data.get("real") or {}
    if real.get("run"):
        lines += _real_folder_section(real)

    lines += [
        "## Where A spends its time",
        "",
        "Stage seconds from NEWS_DIGEST_TIMINGS for the median cold run at each "
        "size (and the median warm rebuild); `render` is everything outside the "
        "plugin's stages: Pelican's own reading of the content cache, its "
        "generators, Jinja rendering and writing the files. "
        "The grouping's comparisons are spread over both cores (a forked child "
        "does half; its seconds count in `group`), the digest is worked out in "
        "a forked worker from the end of the grouping while Pelican renders the "
        "article pages, and Pagefind indexes them while the plugin writes its "
        "own pages; `alongside` is how many of the stage seconds ran on the "
        "second core meanwhile, so the stages add up to `total` + `alongside`. "
        "Shares are of `total`. The slowest stage is in bold.",
        "",
        "| run | " + " | ".join(STAGES) + f" | {ALONGSIDE} | total | wall |",
        "|---|" + "---:|" * (len(STAGES) + 3),
    ]
    split_rows = [(f"cold {size}", _median_run([r for r in runs if r.size == size
                   and r.build == "A" and not r.warm])) for size in sizes]  # fmt: skip
    for kind, chosen in warm_by.items():
        if chosen:
            split_rows.append((f"warm {warm_size} ({kind})", _median_run(chosen)))
    for label, run in split_rows:
        worst = max(STAGES, key=lambda s: run.stages.get(s, 0.0))
        total = run.stages.get("total", 0.0) or 1.0
        cells = []
        for stage in STAGES:
            value = run.stages.get(stage, 0.0)
            cell = f"{value:.2f} ({100 * value / total:.0f} %)"
            cells.append(f"**{cell}**" if stage == worst else cell)
        cells.append(f"{run.stages.get(ALONGSIDE, 0.0):.2f}")
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {total:.2f} | {run.seconds:.2f} |")
    lines += [
        "",
        "`total` is measured inside Pelican (from its `initialized` signal to "
        "`finalized`); `wall` includes interpreter start-up, imports and make.",
        "",
        "## Targets",
        "",
    ]
    lines += targets(cold, runs, sizes, warm_shares, quick)
    lines += [
        "",
        "## Notes",
        "",
        "- Wall time is from process start to exit, for the whole command "
        "(for A: make, Pelican, its forked per-file workers and Pagefind).",
        "- Before every run the harness calls `sync`; outputs are deleted only "
        "after all runs of a size, so no deletion overlaps a timed run. The "
        "corpus files are in the page cache (just written).",
        "- This machine's disk (ext4 with `discard` on a virtual disk) is slow and "
        "uneven for creating many small files: 2000 directories with one 8 KB "
        "file each took from 0.14 s to 3.3 s depending on where on the same "
        "file system they were made. Every build writes thousands of files, A "
        "the most (its pages plus Pagefind's index fragments), so wall times "
        "carry that noise; the CPU-seconds table is steadier.",
        "- Other load: for every run the harness reads the machine's busy and "
        "stolen CPU time from /proc/stat and subtracts the build's own CPU time and "
        "its own; what remains is other work that competed with the build "
        f"(most, over all runs: {max((r.other_cpu for r in everything), default=0):.1f} s "
        f"other CPU, {max((r.steal for r in everything), default=0):.1f} s steal). "
        "A cold run disturbed by more than "
        f"{100 * DISTURBED_SHARE:.0f} % of a core is run once more and left out of "
        "the medians (not past "
        f"{RETRY_DEADLINE} s into the benchmark); warm rebuilds are never repeated.",
        "- The harness samples memory every "
        f"{SAMPLE_SECONDS} s (about 2 ms of CPU per sample), on the same two cores.",
        "- A hides articles whose date the text does not give from its "
        "date-ordered lists but still writes their pages, so its page count is "
        "comparable with B's and C's.",
    ]
    for note in KEPT_NOTES:  # measured by hand, kept as written
        if note.is_file():
            lines += ["", note.read_text(encoding="utf-8").rstrip()]
    text = "\n".join(lines) + "\n"
    path.write_text(text, encoding="utf-8")
    return text


def _real_folder_section(real: dict) -> list[str]:
    """The real folder, as text files and as its scraper's CSV export."""
    lines = [
        "## The real folder",
        "",
        f"A, cold, over the shared real folder `{real['corpus']}` ({real['articles']} raw "
        "scrapes as their scrapers saved them; `make html SEEDS=…`), once"
        + (
            f", and over the same articles as their scraper's CSV export `{real['export']}` "
            "(three day files, 5,750 rows: the same URL on several rows is read once)"
            if real.get("export_run")
            else ""
        )
        + ":",
        "",
        "| input | wall | CPU | peak RSS | pages | " + " | ".join(STAGES) + " | total |",
        "|---|---:|---:|---:|---:|" + "---:|" * (len(STAGES) + 1),
    ]
    for label, key in (("text files", "run"), ("CSV export", "export_run")):
        if not real.get(key):
            continue
        r = Run(**real[key])
        total = r.stages.get("total", 0.0) or 1.0
        lines.append(
            f"| {label} | {r.seconds:.1f} s | {r.cpu:.1f} s | {r.peak_kb / 1024:.0f} MB | "
            f"{r.pages} | "
            + " | ".join(
                f"{r.stages.get(stage, 0.0):.2f} ({100 * r.stages.get(stage, 0.0) / total:.0f} %)"
                for stage in STAGES
            )
            + f" | {total:.2f} |"
        )
    if real.get("export_run"):
        text, export = Run(**real["run"]), Run(**real["export_run"])
        reading = [sum(r.stages.get(s, 0.0) for s in READING_STAGES) for r in (text, export)]
        lines += [
            "",
            f"Reading ({' + '.join(READING_STAGES)}): text files {reading[0]:.2f} s, "
            f"CSV export {reading[1]:.2f} s "
            + _verdict(reading[1] <= reading[0] * 1.05, "the export no slower (5 % noise)"),
        ]
    return [*lines, ""]


def _cause(stats: dict, count: int = 3) -> str:
    """The measured cause of a miss: A's largest stages in that run."""
    stages = {k: v for k, v in (stats.get("stages") or {}).items() if k in STAGES}
    if not stages:
        return ""
    top = sorted(stages.items(), key=lambda kv: -kv[1])[:count]
    return "; cause: " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in top)


def _memory_cause(stats: dict, where: str = "the largest size") -> str:
    processes = stats.get("processes") or {}
    if not processes:
        return ""
    name, kb = max(processes.items(), key=lambda kv: kv[1])
    others = ", ".join(f"{n} {k / 1024:.0f} MB" for n, k in sorted(processes.items()) if n != name)
    cause = f" (cause at {where}: {name} peaks at {kb / 1024:.0f} MB; {others})"
    if name.startswith("pagefind"):
        cause += (
            ". Pagefind's indexer keeps the whole index in memory until it writes it "
            "(about 170 KB per article page here; upstream Pagefind issue #842). A indexes "
            "in shards of at most NEWS_DIGEST_SEARCH_SHARD_PAGES (1000) pages, each by a "
            "Pagefind process of its own, so below 1,000 articles its one shard is the whole "
            "index, like B's, and "
            "A's pages give Pagefind more to hold: every article's other spellings of the "
            "names in it, its outlet and trip filters and its date"
        )
    elif name.startswith("pelican"):
        cause += (
            ". A's Pelican process holds every article's record and page; it peaks when "
            "it saves its content cache (pickle's memo of every object; until commit "
            "f8cfc13 also a copy of the whole pickle in memory, about 200 MB at 10,000), "
            "just after grouping (about 550 MB at 10,000)"
        )
    return cause


#: Why a warm rebuild costs more than the target, as measured (the
#: counts of the warm section; bench/warm_real.md for the real folder).
WARM_CAUSE = (
    "; cause: the grouping remembers its pairs and choices (group_cache.py), "
    "but this generated folder is one linked group per language (its articles "
    "share template words), so each edit clusters both again whole, and the "
    "folder's passes (recurring furniture, glued words) run over the whole "
    "folder again (group); so do the digest's "
    "names and quotations (digest) and Pelican's reading of its cache and its "
    "generators (render, with the pages' keys); the pages of articles, stories "
    "and names whose content is unchanged are not rendered (page_memo.py), and "
    "the per-file stages, the key points of unchanged events and the search "
    "shards whose pages did not change come from the cache (see the counts "
    "above)"
)


def targets(cold, runs, sizes, warm_shares: dict[str, float], quick) -> list[str]:
    out = []

    def missing(what: str) -> str:
        return f"- {what}: not measured (this run's sizes: {', '.join(map(str, sizes))})"

    for peer, limit in (("B", TARGET_B_RATIO), ("C", TARGET_C_RATIO)):
        for size in sizes:
            what = f"A/{peer} ≤ {limit} at {size}"
            ratios = paired_ratios(runs, size, "A", peer, "seconds")
            ratio = statistics.median(ratios)
            a, other = cold[size, "A"]["median"], cold[size, peer]["median"]
            detail = f"A/{peer} = {_fmt_ratio(ratios)} (A {a:.1f} s, {peer} {other:.1f} s)"
            if ratio > limit:
                detail += f"; A would need ≤ {limit * other:.1f} s" + _cause(cold[size, "A"])
            if peer == "B":
                detail += f"; the compass, ≤ {COMPASS_B_RATIO}: " + (
                    "met" if ratio <= COMPASS_B_RATIO else "missed"
                )
            out.append(f"- {what}: " + _verdict(ratio <= limit, detail))

    ratios = {size: cold[size, "A"]["peak_mb"] / cold[size, "B"]["peak_mb"] for size in sizes}
    detail = ", ".join(
        f"{size}: {cold[size, 'A']['peak_mb']:.0f} MB vs {cold[size, 'B']['peak_mb']:.0f} MB "
        f"= {ratio:.2f}×"
        for size, ratio in ratios.items()
    )
    ok = max(ratios.values()) <= TARGET_MEMORY_RATIO
    if not ok:  # the cause where A is over most
        worst = max(ratios, key=ratios.get)
        detail += _memory_cause(cold[worst, "A"], str(worst))
    out.append("- A peak RSS ≤ B's (Pelican + Pagefind): " + _verdict(ok, detail))
    what = f"A peak RSS ≤ {TARGET_MEMORY_MIB} MiB at 10000"
    if (10000, "A") in cold:
        peak = cold[10000, "A"]["peak_mb"]
        detail = f"{peak:.0f} MB" + (
            "" if peak <= TARGET_MEMORY_MIB else _memory_cause(cold[10000, "A"])
        )
        out.append(f"- {what}: " + _verdict(peak <= TARGET_MEMORY_MIB, detail))
    else:
        out.append(missing(what))

    what = f"A at 10000 ≤ {TARGET_SCALING}× A at 5000"
    if (10000, "A") in cold and (5000, "A") in cold:
        ratio = cold[10000, "A"]["median"] / cold[5000, "A"]["median"]
        peers = ", ".join(
            f"{peer} {cold[10000, peer]['median'] / cold[5000, peer]['median']:.2f}×"
            for peer in ("B", "C", "B0")
        )
        detail = f"{ratio:.2f}× (linear would be 2.0×; in the same run {peers})"
        if ratio > TARGET_SCALING:
            detail += f"; over by {ratio - TARGET_SCALING:.2f}"
            # the stage that took the most seconds over twice its time at 5000
            before = cold[5000, "A"].get("stages") or {}
            after = cold[10000, "A"].get("stages") or {}
            over = {k: after.get(k, 0) - 2 * v for k, v in before.items() if k in STAGES and v}
            if over:
                stage = max(over, key=over.get)
                detail += (
                    f"; cause: {stage} took {after[stage]:.1f} s at 10000 against "
                    f"{before[stage]:.1f} s at 5000 ({over[stage]:+.1f} s over linear)"
                )
        out.append(f"- {what}: " + _verdict(ratio <= TARGET_SCALING, detail))
    else:
        out.append(missing(what))

    for kind, edit in WARM_EDITS.items():
        what = f"Warm rebuild with {edit} ≤ {100 * TARGET_WARM_SHARE:.0f} % of cold at 5000"
        share = warm_shares.get(kind)
        if share is None:
            out.append(f"- {what}: not measured")
            continue
        detail = f"{100 * share:.0f} % of cold"
        if share > TARGET_WARM_SHARE:
            detail += f"; over by {100 * (share - TARGET_WARM_SHARE):.0f} points" + WARM_CAUSE
        out.append(f"- {what}: " + _verdict(share <= TARGET_WARM_SHARE, detail))
    if quick:
        out += ["", "QUICK run (200 articles): a check that the harness works, not a result."]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="200 articles only")
    parser.add_argument("--sizes", help="comma-separated corpus sizes")
    parser.add_argument("--runs", type=int, default=3, help="cold runs per build and size")
    parser.add_argument("--warm-size", type=int, help="size of the warm rebuild")
    parser.add_argument("--warm-runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=BENCH / "runs")
    parser.add_argument("--results", type=Path, help="report path")
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="remake the report from <work>/results.json without running anything",
    )
    args = parser.parse_args(argv)
    if args.runs < 3:
        parser.error("--runs must be at least 3 (a median of fewer means little)")
    sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else None
    sizes = sizes or (QUICK_SIZES if args.quick else SIZES)
    # The warm rebuild runs at the middle size: at the largest it alone
    # would cost several minutes more than `make bench` may take.
    warm_size = args.warm_size or sizes[len(sizes) // 2]
    if warm_size not in sizes:
        parser.error("--warm-size must be one of the sizes")
    results = args.results or (
        args.work / "results-quick.md" if args.quick else BENCH / "results.md"
    )
    if args.report_only:
        saved = args.work / "results.json"
        data = json.loads(saved.read_text(encoding="utf-8"))
        # an interrupted run has not measured every size it planned, nor
        # written what the run adds last
        data["sizes"] = sorted({r["size"] for r in data["runs"] if not r["warm"]})
        finished = datetime.fromtimestamp(saved.stat().st_mtime, UTC)
        data.setdefault("finished", f"{finished:%Y-%m-%d %H:%M} UTC")
        data.setdefault("machine", machine())
        text = report(data, args.quick, results)
        print(text)
        return 0
    for tool in (PYTHON, PELICAN, HUGO):
        if not tool.exists():
            parser.error(f"{tool} is missing: run `make bench`, which installs it")
    args.work.mkdir(parents=True, exist_ok=True)
    # Two benchmarks at once would share the two cores, and delete each
    # other's output folders: the second one waits for the first.
    lock = open(args.work / ".lock", "w")  # noqa: SIM115 (held until exit)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print("another benchmark is running in this folder; waiting for it…", flush=True)
        fcntl.flock(lock, fcntl.LOCK_EX)
    bench = Bench(sizes, args.runs, warm_size, args.warm_runs, args.work)
    bench.run()
    if not args.quick:
        bench.real_folder()
    text = report(bench.save(final=True), args.quick, results)
    print()
    print(text)
    bench.log(f"report written to {_relative(results)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
