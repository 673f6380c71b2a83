"""The digest worked out on the second core: on a big folder the digest
stage (digest.py) runs in a forked child while Pelican renders the article
pages, and the digest generator collects it when it writes its own pages.
A worker that fails or dies is reported and its work done here instead."""

from __future__ import annotations

from . import digest, digest_cache, timing
from .forks import in_background
from .options import PARALLEL_MIN_FILES, can_fork_workers


def build_digest(records, grouping, cache_folder: str) -> digest.Digest:
    """The digest of the grouped records, with the key points remembered
    from the last build (digest_cache.py)."""
    with timing.stage("digest"):
        remembered = digest_cache.RememberedKeyPoints(cache_folder)
        result = digest.build_digest(records, grouping, remembered)
        remembered.save()
        return result


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
