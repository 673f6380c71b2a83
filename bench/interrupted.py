"""Kill-and-rebuild on the bench folder: a build killed at each stage,
then built again, against a cold build, file for file.

    .venv/bin/python bench/interrupted.py [--articles 1000] [--work DIR]

makes the bench's folder of N raw articles (bench/corpus.py), builds it
cold once (the reference), then for each stage — the per-file work (in
the worker pool), grouping, the digest (in its forked worker), page
writing, search indexing — starts a cold build that tests/interrupt.py
kills there (SIGKILL to the build's whole process group), builds again,
and compares the output with the reference: every file outside
`pagefind/` byte for byte, and each search bundle by the pages it indexes
and the fingerprint of the pages it was built from. Prints a Markdown
table. The tests do the same on a folder of eleven articles
(tests/test_interrupted.py); this is the same at the bench's scale.
"""

from __future__ import annotations

import argparse
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POINTS = ("reading", "grouping", "digest", "pages", "search-index")


def _command(base: Path) -> list[str]:
    return [
        str(ROOT / "content"), "-o", str(base / "out"), "-s", str(ROOT / "pelicanconf.py"),
        "--cache-path", str(base / "cache"),
    ]  # fmt: skip


def _run(prefix: list[str], base: Path, folder: Path, **env: str) -> tuple[int, float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [*prefix, *_command(base)],
        env={"PATH": "/usr/bin:/bin", "NEWS_DIGEST_SEEDS": str(folder), **env},
        capture_output=True,
        text=True,
        start_new_session=True,
    )
    return result.returncode, time.perf_counter() - started, result.stderr


def _files(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and "pagefind" not in p.relative_to(site).parts
    }


def _index(site: Path) -> dict[str, tuple[int, str]]:
    index = {}
    for bundle in sorted((site / "pagefind").iterdir()):
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        pages = sum(language["page_count"] for language in entry["languages"].values())
        fingerprint = (bundle / "news-digest-fingerprint.txt").read_text(encoding="utf-8")
        index[bundle.name] = (pages, fingerprint)
    return index


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "runs" / "interrupted")
    args = parser.parse_args()
    work = args.work.resolve()
    corpus = work / f"corpus-{args.articles}"
    if not (corpus / "raw").is_dir():
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "corpus.py"), str(args.articles), str(corpus)],
            check=True,
        )
    folder = corpus / "raw"
    pelican = [sys.executable, "-m", "pelican"]
    shutil.rmtree(work / "cold", ignore_errors=True)
    code, seconds, err = _run(pelican, work / "cold", folder)
    assert code == 0, err
    cold, cold_index = _files(work / "cold" / "out"), _index(work / "cold" / "out")
    print(f"{args.articles} articles; cold build {seconds:.1f} s, {len(cold)} files\n")
    print("| killed at | killed after | rebuild | files equal | search bundles equal |")
    print("|---|---|---|---|---|")
    for point in POINTS:
        base = work / point
        shutil.rmtree(base, ignore_errors=True)
        base.mkdir(parents=True)
        driver = [sys.executable, str(ROOT / "tests" / "interrupt.py"), point]
        marker = base / "reached"
        code, killed_after, err = _run(driver, base, folder, INTERRUPT_MARKER=str(marker))
        reached = marker.read_text(encoding="utf-8") if marker.exists() else "-"
        assert code == -signal.SIGKILL and reached == point, (point, code, err[-2000:])
        code, rebuild, err = _run(pelican, base, folder)
        assert code == 0, err
        print(f"<!-- {point}: rebuilt -->", file=sys.stderr, flush=True)
        after = _files(base / "out")
        differing = sorted(n for n in cold.keys() | after.keys() if cold.get(n) != after.get(n))
        same_index = _index(base / "out") == cold_index
        print(
            f"| {point} | {killed_after:.1f} s | {rebuild:.1f} s | "
            f"{'yes' if not differing else f'no ({len(differing)} differ)'} | "
            f"{'yes' if same_index else 'no'} |"
        )


if __name__ == "__main__":
    main()
