"""The per-file half of the pipeline: read → clean → infer, for one file.

Its result depends on the file's bytes (and its sidecar) only, so Pelican's
content cache can keep it between builds; the corpus-wide stages (group,
digest) run on the collected results in `plugin.py`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from . import timing
from .clean import clean
from .infer import infer
from .model import Article
from .read import MAX_BYTES, UnreadableFile, read_override, read_raw


def process_file(
    path: str | os.PathLike,
    max_bytes: int = MAX_BYTES,
    roots: Sequence[str] = (),
    follow_links: bool = False,
) -> Article:
    """Read, clean and describe one raw article file; with `roots` (the
    input folders), nothing outside them is read.

    Raises read.UnreadableFile when the file cannot become an article; a
    sidecar that cannot be used is ignored, with a problem noted.
    """
    with timing.stage("read"):
        raw = read_raw(path, max_bytes=max_bytes, roots=roots, follow_links=follow_links)
        problems = raw.problems
        try:
            override = read_override(path, roots=roots, follow_links=follow_links)
        except UnreadableFile as error:  # the article stands without its sidecar
            override, problems = None, (*problems, f"{error}; the sidecar is ignored")
    with timing.stage("clean"):
        cleaned = clean(raw)
    with timing.stage("infer"):
        meta = infer(cleaned, override)
    return Article(
        identifier=raw.identifier,
        source_path=raw.source_path,
        encoding=raw.encoding,
        clean=cleaned,
        meta=meta,
        problems=problems,
    )
