"""The per-file half of the pipeline: read → clean → infer, for one file.

Its result depends on the file's bytes (and its sidecar) only, so Pelican's
content cache can keep it between builds; the corpus-wide stages (group,
digest) run on the collected results in `plugin.py`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace

from . import exports, names, recurring, stories, timing
from .clean import Head, clean, clean_lines
from .infer import infer
from .model import Article, Line, Removal
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
    article = Article(
        identifier=raw.identifier,
        source_path=raw.source_path,
        encoding=raw.encoding,
        clean=cleaned,
        meta=meta,
        problems=problems,
    )
    return prepared_for_placing(article)


def prepared_for_placing(article: Article) -> Article:
    """The article with its views for grouping packed in (stories.pack),
    its names' other spellings (names.spellings_of) and its lines' keys for
    the folder's furniture (recurring.packed_keys): worked out here, on
    every core and cached with the article, they are not worked out again
    by the build's one process that places the articles."""
    with timing.stage("group"):
        return replace(
            article,
            views=stories.pack(article),
            spellings=names.spellings_of(article),
            line_keys=recurring.packed_keys(article),
        )


def process_record(source: exports.Source) -> Article:
    """Read, clean and describe one article of an export: its record laid
    out as a text file is (the title line above the text), cleaned the same
    way, its fields as evidence above the text's. The lines only another
    record of its address held go into its removal record.

    Raises read.UnreadableFile when the record has neither title nor text.
    """
    with timing.stage("read"):
        source = source.in_memory()  # its record read once from the spill file
        lines = exports.source_lines(source)
        if not any(line.strip() for line in lines):
            raise UnreadableFile("it has no title and no text")
        facts = exports.source_facts(source)
    with timing.stage("clean"):
        has_title = source.record.get("title") is not None
        head = Head(headline=Line(1, lines[0].strip())) if has_title else Head()
        cleaned = clean_lines(lines, head)
        if source.other_lines:
            others = tuple(
                Removal(len(lines) + n, text, "other-record", rule=where)
                for n, (text, where) in enumerate(source.other_lines, start=1)
            )
            cleaned = replace(cleaned, removed=(*cleaned.removed, *others))
    with timing.stage("infer"):
        meta = infer(cleaned, fields=facts)
    article = Article(
        identifier=source.identifier,
        source_path=source.record.where,
        encoding=exports.SUFFIXES[os.path.splitext(source.record.export)[1].lower()],
        clean=cleaned,
        meta=meta,
        problems=facts.problems,
        original=facts.original,
        record=source.record.where,
    )
    return prepared_for_placing(article)
