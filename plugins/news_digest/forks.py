"""Worker processes forked while no other thread runs: Python 3.12 and
newer warn, rightly, that a child forked from a process running threads
may deadlock on a lock one of them held. The one thread a build runs when
it forks its workers is the refresh thread of Pelican's progress display
(rich's live "Generating…" line on the console); it is stopped for the
fork and started again once the children exist."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


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
