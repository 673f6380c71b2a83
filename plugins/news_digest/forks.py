"""Worker processes forked while no other thread runs: Python 3.12 and
newer warn, rightly, that a child forked from a process running threads
may deadlock on a lock one of them held. The one thread a build runs when
it forks its workers is the refresh thread of Pelican's progress display
(rich's live "Generating…" line on the console); it is stopped for the
fork and started again once the children exist.

Two uses: a stage started in the background on the second core while
the build goes on (`in_background`: the digest while Pelican renders),
and one stage's work spread over the cores and waited for
(`Cores.over`: the grouping's comparisons)."""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from typing import TypeVar

from . import timing

logger = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")


def _live_displays() -> list:
    """The console's live displays, outermost first (rich keeps them on the
    console it draws on; Pelican's is `pelican.log.console`)."""
    try:
        from pelican.log import console
    except ImportError:  # the stages run without Pelican too (the CLI)
        return []
    return list(getattr(console, "_live_stack", ()))


@contextmanager
def alone() -> Iterator[bool]:
    """Pause the progress display while the body forks; gives whether this
    process now runs one thread only (a caller that would fork with others
    still running does its work here instead)."""
    live = [display for display in _live_displays() if display.is_started]
    for display in reversed(live):
        refreshing = getattr(display, "_refresh_thread", None)
        display.stop()  # tells its thread to end, without waiting for it
        if refreshing is not None:
            refreshing.join(timeout=1)
    try:
        yield threading.active_count() == 1
    finally:
        for display in live:
            display.start()


def in_background(function, *args, alongside: bool = True):
    """Start `function(*args)` in a forked child, so that it runs on a
    second core while this process goes on; returns a callable that waits
    for the result (and the child's stage times). The child inherits the
    arguments by the fork, so only the result crosses the pipe. The wait
    counts as the build waiting for a stage that ran alongside it, unless
    `alongside` is false: the child's work is then part of the stage that
    waits for it (`Cores.over`)."""
    context = multiprocessing.get_context("fork")
    with alone() as forked_alone:
        if not forked_alone:  # another thread could hold a lock the child needs
            return lambda: function(*args)
        receiving, sending = context.Pipe(duplex=False)
        child = context.Process(target=_send_result, args=(sending, function, args), daemon=True)
        child.start()
    sending.close()

    def result():
        with timing.waiting() if alongside else nullcontext():
            try:
                outcome, value, (stages, counts), logged = receiving.recv()
            except EOFError:
                outcome, value, stages, counts = "error", "the worker process died", {}, {}
                logged = ()
            finally:
                receiving.close()
                child.join()
        timing.add_alongside(stages)
        timing.add_counts(counts)
        if outcome == "ok":  # the child's words, said here (a retry says them itself)
            for name, level, message in logged:
                logging.getLogger(name).log(level, "%s", message)
        if outcome == "error":
            logger.warning("background %s failed (%s); running it here", _named(function), value)
            return function(*args)
        return value

    return result


def _named(function) -> str:
    """A function's name for a message (a partial's: its function's)."""
    return getattr(function, "__name__", None) or _named(function.func)


@dataclass(frozen=True)
class Cores:
    """How many cores one stage may spread its work over: `over` splits
    the work, here and in forked children, and waits for it all."""

    count: int = 1

    def over(self, function: Callable[[Sequence[T]], R], items: Sequence[T]) -> list[R]:
        """`function` of each of `count` consecutive chunks of `items` (as
        even as can be), in order: the first chunk worked out here while
        each other one is in a forked child of its own. A child that fails
        is reported and its chunk worked out here (`in_background`)."""
        parts = max(1, min(self.count, len(items)))
        size, extra = divmod(len(items), parts)
        cuts = [k * size + min(k, extra) for k in range(parts + 1)]
        chunks = [items[a:b] for a, b in itertools.pairwise(cuts)]
        later = [in_background(function, chunk, alongside=False) for chunk in chunks[1:]]
        return [function(chunks[0]), *(result() for result in later)]


#: One core: all the work in the build's own process (a small folder, or
#: NEWS_DIGEST_WORKERS=1).
ONE_CORE = Cores(1)


class _Kept(logging.Handler):
    """What the child logs, kept to be sent to the parent: the parent's
    console is not the child's to write to (its progress display may have
    held the console's lock when the child was forked), and the parent's
    warning count (STRICT=1) must see the child's warnings."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.said: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.said.append((record.name, record.levelno, record.getMessage()))


def _send_result(sending, function, args) -> None:
    timing.take()  # the parent's stage times and counts came along with the fork
    timing.take_counts()
    kept = _Kept()
    root = logging.getLogger()
    root.handlers[:] = [kept]
    try:
        value = function(*args)
        sending.send(("ok", value, (timing.take(), timing.take_counts()), kept.said))
    except Exception as error:  # reported by the parent, which then retries
        sending.send(("error", repr(error), ({}, {}), kept.said))
    finally:
        sending.close()
