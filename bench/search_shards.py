"""Search indexing, shard by shard: Pagefind's Python service against its
`pagefind` command, on a site already built.

    .venv/bin/python bench/search_shards.py OUT [--runs 3] [--language id]

takes the article pages of the built site in OUT (`artikel/*/index.html`),
shares them out into shards as the build does (search_index.plan), and
indexes each shard into a scratch folder (OUT/pagefind-bench/, removed
afterwards) in three ways: through the service (`PagefindIndex`, as
search_index did up to issue 27), through one `pagefind` process per
shard, and through `pagefind` two shards at a time. Prints the seconds of
each shard (median of --runs) and of all shards, each way, and whether
the bundles are the same (every file of each bundle byte for byte, but
Pagefind's filter and metadata indexes, whose byte order Pagefind varies
from run to run: those by the pages and words they hold, through
`--compare`'s decoding of the fragments).
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from news_digest import search_index  # noqa: E402

#: Pages in one request to the service, as search_index sent them up to
#: issue 27 (its glob parser refuses a pattern of some thousands).
GLOB_PAGES = 500


def _service(site: Path, folder: Path, pages, language: str) -> None:
    from pagefind.index import PagefindIndex

    async def build():
        config = {"force_language": language, "output_path": str(folder)}
        async with PagefindIndex(config=config) as index:
            for start in range(0, len(pages), GLOB_PAGES):
                chunk = search_index.page_glob(list(pages[start : start + GLOB_PAGES]))
                await index.add_directory(str(site), glob=chunk)

    asyncio.run(build())


def _command(site: Path, folder: Path, pages, language: str) -> None:
    """One `pagefind` process for the shard: its options in a pagefind.json
    in a folder of its own (its working folder; a glob of 1,000 pages is
    longer than one argument may be), the glob rooted at the pages' folder
    so that Pagefind walks only that one."""
    from pagefind_bin import get_executable

    with tempfile.TemporaryDirectory() as work:
        options = {
            "site": str(site), "output_path": str(folder), "force_language": language,
            "glob": search_index.page_glob(list(pages)), "silent": True,
        }  # fmt: skip
        Path(work, "pagefind.json").write_text(json.dumps(options), encoding="utf-8")
        subprocess.run([str(get_executable())], cwd=work, check=True)


def _files(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _timed(way, site, scratch, shards, language, at_once) -> tuple[list[float], float]:
    """Seconds per shard and for all of them, `at_once` shards at a time."""
    if scratch.exists():
        shutil.rmtree(scratch)

    def one(item):
        bundle, pages = item
        started = time.perf_counter()
        way(site, scratch / bundle, pages, language)
        return time.perf_counter() - started

    started = time.perf_counter()
    with ThreadPoolExecutor(at_once) as pool:
        each = list(pool.map(one, shards.items()))
    return each, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--language", default="id")
    parser.add_argument("--per-shard", type=int, default=1000)
    args = parser.parse_args()
    site = args.site.resolve()
    pages = [str(p.relative_to(site)) for p in sorted((site / "artikel").glob("*/index.html"))]
    shards = {
        bundle.removeprefix("pagefind/").rstrip("/"): members
        for bundle, members in search_index.plan(pages, args.per_shard).items()
    }
    scratch = site / "pagefind-bench"
    ways = {
        "service, 1 at a time": (_service, 1),
        "service, 2 at a time": (_service, 2),
        "command, 1 at a time": (_command, 1),
        "command, 2 at a time": (_command, 2),
    }
    results, bundles = {}, {}
    for _ in range(args.runs):
        for name, (way, at_once) in ways.items():
            each, total = _timed(way, site, scratch, shards, args.language, at_once)
            results.setdefault(name, []).append((each, total))
            bundles.setdefault(name, []).append({s: _files(scratch / s) for s in shards})
    shutil.rmtree(scratch, ignore_errors=True)
    print(f"{len(pages)} article pages in {len(shards)} shards: "
          + ", ".join(f"{s}: {len(m)}" for s, m in shards.items()))  # fmt: skip
    print("| way | " + " | ".join(f"shard {s}" for s in shards) + " | all shards |")
    print("|---|" + "---:|" * (len(shards) + 1))
    for name, runs in results.items():
        per = [statistics.median(run[0][i] for run in runs) for i in range(len(shards))]
        total = statistics.median(run[1] for run in runs)
        print(f"| {name} | " + " | ".join(f"{s:.2f}" for s in per) + f" | {total:.2f} |")
    reference = bundles["service, 1 at a time"][0]
    for name, runs in bundles.items():
        for run in runs:
            differ = sorted(
                {
                    f"{shard}/{path.split('/')[0]}"
                    for shard, files in run.items()
                    for path in set(files) | set(reference[shard])
                    if files.get(path) != reference[shard].get(path)
                }
            )
            print(f"{name}: files differing from the service's first run: {differ or 'none'}")


if __name__ == "__main__":
    main()
