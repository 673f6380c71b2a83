"""The digest worked out on the second core: on a big folder the digest
stage (digest.py) runs in a forked child while Pelican renders the article
pages, and the digest generator collects it when it writes its own pages.
A worker that fails or dies is reported and its work done here instead."""

from __future__ import annotations

import logging
import multiprocessing

from . import digest, digest_cache, forks, timing
from .options import PARALLEL_MIN_FILES, can_fork_workers

logger = logging.getLogger(__name__)


def in_background(function, *args):
    """Start `function(*args)` in a forked child, so that it runs on a
    second core while this process goes on; returns a callable that waits
    for the result (and the child's stage times). The child inherits the
    arguments by the fork, so only the result crosses the pipe."""
    context = multiprocessing.get_context("fork")
    with forks.alone() as alone:
        if not alone:  # another thread could hold a lock the child needs
            return lambda: function(*args)
        receiving, sending = context.Pipe(duplex=False)
        child = context.Process(target=_send_result, args=(sending, function, args), daemon=True)
        child.start()
    sending.close()

    def result():
        with timing.waiting():
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
            logger.warning("background %s failed (%s); running it here", function.__name__, value)
            return function(*args)
        return value

    return result


def build_digest(records, grouping, cache_folder: str) -> digest.Digest:
    """The digest of the grouped records, with the key points remembered
    from the last build (digest_cache.py)."""
    with timing.stage("digest"):
        remembered = digest_cache.RememberedKeyPoints(cache_folder)
        result = digest.build_digest(records, grouping, remembered)
        remembered.save()
        return result


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


def start(records, grouping, settings):
    """Start the digest: on a big folder in a forked worker (the digest is
    only read by the pages the digest generator writes, after Pelican has
    rendered the article pages), else here when it is asked for. Returns a
    callable that gives the digest."""
    cache = settings["CACHE_PATH"]
    if not grouping:
        return lambda: digest.Digest(events=(), entities=(), sources=())
    if len(records) >= PARALLEL_MIN_FILES and can_fork_workers(settings):
        return in_background(build_digest, records, grouping, cache)
    return lambda: build_digest(records, grouping, cache)
