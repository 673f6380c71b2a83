"""A `pelican` build that is killed at a named point, for the tests of
interrupted builds (test_interrupted.py); test-only, never part of a build.

    python tests/interrupt.py POINT PELICAN-ARGUMENTS...

runs Pelican as `python -m pelican PELICAN-ARGUMENTS...` does, with one of
the build's functions wrapped so that, at POINT, the build's whole process
group (the build, its workers, Pagefind) gets SIGKILL — as a machine that
loses power or a killed terminal would stop it, with nothing run on the
way out. Just before, the name of the point is written to the file that
INTERRUPT_MARKER names, so the test knows the kill came where it meant.
The test starts this in a session of its own (its own process group).

With INTERRUPT_PAUSE naming a file, the build is not killed but waits at
POINT until that file exists, then goes on (a build caught in the middle,
for the test of two builds at once).
"""

from __future__ import annotations

import os
import signal
import sys
import time

from news_digest import digest, group, outputs, reader, search_index
from pelican import main


def die() -> None:
    marker = os.environ.get("INTERRUPT_MARKER")
    if marker:  # written whole: two workers may get here at once
        partial = f"{marker}.{os.getpid()}"
        with open(partial, "w", encoding="utf-8") as handle:
            handle.write(POINT)
        os.replace(partial, marker)
    go_on = os.environ.get("INTERRUPT_PAUSE")
    if not go_on:
        os.killpg(os.getpgrp(), signal.SIGKILL)
    for _ in range(PAUSE_POLLS):
        if os.path.exists(go_on):
            return
        time.sleep(0.05)
    raise SystemExit("interrupt.py: paused too long")


#: How long a paused build waits to be let go on (in 0.05 s steps: 2 min).
PAUSE_POLLS = 2400


def kill_at_call(module, name: str, nth: int = 1) -> None:
    """Kill when `module.name` is called the `nth` time, before it runs."""
    original, calls = getattr(module, name), []

    def wrapper(*args, **kwargs):
        calls.append(1)
        if len(calls) == nth:
            die()
        return original(*args, **kwargs)

    setattr(module, name, wrapper)


def kill_half_written(suffix: str, nth: int = 1, inside: str = "") -> None:
    """Kill when the `nth` file whose path ends with `suffix` (and holds
    `inside`) is half written: half its bytes are on the disk."""
    original, calls = outputs._open_new, []

    class HalfWritten:
        """The file: half of the first bytes written to it reach the disk."""

        def __init__(self, handle):
            self.handle = handle

        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            die()

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

    def wrapper(path):
        target = path.removesuffix(outputs.PARTIAL_SUFFIX).rsplit(".", 1)[0]
        if inside in path and target.endswith(suffix):
            calls.append(1)
            if len(calls) == nth:
                return HalfWritten(original(path))
        return original(path)

    outputs._open_new = wrapper


def kill_after_first_shard() -> None:
    """Kill when Pagefind has written one shard's bundle, before the
    fingerprint beside it is written."""
    original = search_index._build

    async def wrapper(*args, **kwargs):
        await original(*args, **kwargs)
        die()

    search_index._build = wrapper


def kill_in_sweep() -> None:
    """Kill when the final sweep has deleted one stale file."""
    original = os.remove

    def wrapper(path, *args, **kwargs):
        result = original(path, *args, **kwargs)
        if not str(path).endswith(outputs.PARTIAL_SUFFIX):
            die()
        return result

    os.remove = wrapper


POINTS = {
    # the per-file work: the second changed article read, cleaned and described
    "reading": lambda: kill_at_call(reader, "_process", nth=2),
    # Pelican's content cache (every article's record), half saved
    "content-cache": lambda: kill_half_written("ArticlesGenerator-Readers"),
    "grouping": lambda: kill_at_call(group, "group"),
    # the digest: the first event's key points being worked out
    "digest": lambda: kill_at_call(digest, "key_points"),
    # the remembered key points, half saved
    "key-points": lambda: kill_half_written("key-points.pickle"),
    # the first article page this build writes, half written
    "pages": lambda: kill_half_written("index.html", inside="artikel"),
    "search-index": kill_after_first_shard,
    # a shard's fingerprint half written, after Pagefind wrote its bundle
    "search-fingerprint": lambda: kill_half_written(search_index.BUNDLE_FINGERPRINT),
    "sweep": kill_in_sweep,
}


if __name__ == "__main__":
    POINT = sys.argv[1]
    POINTS[POINT]()
    sys.argv = ["pelican", *sys.argv[2:]]
    main()
