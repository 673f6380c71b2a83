"""Time spent per pipeline stage, and what a build redid or reused, for the
benchmark (bench/).

Stages add their wall time to one clock per build; when the environment
variable NEWS_DIGEST_TIMINGS names a file, the Pelican glue writes the
totals there as JSON at the end of the build. Measuring costs two
perf_counter calls per stage and file.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter, defaultdict
from contextlib import contextmanager

STAGES = ("read", "clean", "infer", "group", "digest", "search_index")

#: What a rebuild redid and what it reused: articles through the per-file
#: stages or from the cache, files written or left unchanged, files swept,
#: pages of articles, stories and names rendered or kept,
#: search shards indexed again or kept as they were, events whose key
#: points were worked out or remembered from an earlier build, and the
#: grouping's work done or remembered.
COUNTS = (
    "articles",
    #: export records that repeat another of their address word for word
    "export_repeats_folded",
    "articles_processed",
    "files_written",
    "files_unchanged",
    "files_swept",
    #: pages of articles, stories and names rendered, or kept as the last
    #: build wrote them (page_memo.py)
    "pages_rendered",
    "pages_kept",
    "search_shards_built",
    "search_shards_kept",
    "events_digested",
    "events_remembered",
    #: the grouping's work, done or remembered from the last build
    #: (group_cache.py): articles and stories that chose the others they
    #: are compared with, pairs compared or remembered, linked groups
    #: clustered or remembered
    "grouping_choices_made",
    "grouping_pairs_compared",
    "grouping_pairs_remembered",
    "grouping_components_clustered",
    "grouping_components_remembered",
)

_seconds: dict[str, float] = defaultdict(float)  # stages run by the build's own thread
_alongside: dict[str, float] = defaultdict(float)  # stages run on another core meanwhile
_waited = 0.0  # the build's own time spent waiting for those
_counts: Counter[str] = Counter()
_started = time.perf_counter()


def reset() -> None:
    global _started, _waited
    _seconds.clear()
    _alongside.clear()
    _counts.clear()
    _waited = 0.0
    _started = time.perf_counter()


@contextmanager
def stage(name: str, alongside: bool = False):
    """Time a stage; `alongside` when it runs while the build goes on
    (in another thread), so it is not taken out of `render`."""
    start = time.perf_counter()
    try:
        yield
    finally:
        (_alongside if alongside else _seconds)[name] += time.perf_counter() - start


def count(name: str, n: int = 1) -> None:
    """Count `n` of one of COUNTS."""
    _counts[name] += n


@contextmanager
def waiting():
    """Time the build spends waiting for a stage that ran alongside it."""
    global _waited
    start = time.perf_counter()
    try:
        yield
    finally:
        _waited += time.perf_counter() - start


def take() -> dict[str, float]:
    """The seconds recorded so far, cleared (for a worker process to send)."""
    taken = dict(_seconds)
    _seconds.clear()
    return taken


def counted(name: str) -> int:
    """How many of one of COUNTS so far."""
    return _counts.get(name, 0)


def take_counts() -> dict[str, int]:
    """The counts recorded so far, cleared (for a worker process to send)."""
    taken = dict(_counts)
    _counts.clear()
    return taken


def add_counts(counts: dict[str, int]) -> None:
    """Add the counts of a worker process."""
    _counts.update(counts)


def add_alongside(seconds: dict[str, float]) -> None:
    """Add the stage times of a worker that ran while the build went on."""
    for name, value in seconds.items():
        _alongside[name] += value


def add_scaled(seconds: dict[str, float], wall: float) -> None:
    """Add stage times measured in parallel workers, scaled so that they
    sum to the wall time the parallel work took."""
    total = sum(seconds.values())
    for name, value in seconds.items():
        _seconds[name] += value * wall / total if total else 0.0


def report() -> dict[str, float]:
    """Seconds per stage, wherever it ran; `render` is the time the build
    spent elsewhere (Pelican reading the cache, rendering and writing
    pages); `alongside` is how many of the stage seconds ran on another
    core during that time, so the stages and `render` add up to `total`
    plus `alongside`; then the COUNTS."""
    total = time.perf_counter() - _started
    stages = {
        name: round(_seconds.get(name, 0.0) + _alongside.get(name, 0.0), 3) for name in STAGES
    }
    stages["render"] = round(max(0.0, total - sum(_seconds.values()) - _waited), 3)
    stages["alongside"] = round(max(0.0, sum(_alongside.values()) - _waited), 3)
    stages["total"] = round(total, 3)
    stages.update({name: _counts.get(name, 0) for name in COUNTS})
    return stages


def write_report() -> None:
    path = os.environ.get("NEWS_DIGEST_TIMINGS")
    if path:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(report(), handle, indent=2, sort_keys=True)
