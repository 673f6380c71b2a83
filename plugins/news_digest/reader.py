"""The reader: Pelican's entry to the per-file stages.

`RawArticleReader` runs read → clean → infer on each raw `.txt` file and
returns `(html, metadata)` like any Pelican reader, so Pelican's content
cache keeps its work between builds; `prefetch_articles` runs the same
stages for every file the cache lacks on all cores at once, before
Pelican asks for them one by one.
"""

from __future__ import annotations

import contextlib
import hashlib
import itertools
import logging
import multiprocessing
import os
import re
import stat
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

from pelican.contents import Author, Category
from pelican.readers import BaseReader
from pelican.utils import slugify

from . import exports, filenames, forks, infer, render, timing
from .model import Article, DateFinding
from .options import PARALLEL_MIN_FILES, can_fork_workers, input_folders, setting
from .pipeline import process_file, process_record
from .read import (
    SIDECAR_MAX_BYTES,
    SIDECAR_SUFFIX,
    UnreadableFile,
    check_inside,
    is_article_name,
    read_bounded,
    sidecar_path,
)

logger = logging.getLogger(__name__)

#: Pelican needs a date on every article to accept it; an article whose
#: date is unknown carries this one until `place_articles` hides it from
#: the date-ordered lists (archives, feeds). It is never shown.
UNDATED = datetime(1970, 1, 1)

#: The category of an article whose outlet is unknown.
NO_PUBLISHER = "Sumber tidak diketahui"

#: Files per task handed to a reading worker.
PARALLEL_CHUNK = 16


#: The suffix of an export record's name in Pelican's listing: one
#: `EXPORT.csv#HASH.newsrecord` per article of an export, which no file on
#: disk has (`RECORDS` holds what it stands for).
RECORD_SUFFIX = "newsrecord"

#: The articles of this build's exports, by their listed (absolute) name;
#: filled when the input folder is listed, read by the reader and by the
#: reading workers (which inherit it by the fork).
RECORDS: dict[str, exports.Source] = {}

#: `txt` in every case: `.TXT` and `.Txt` are articles too.
TXT_SUFFIXES = tuple(
    "".join(letters) for letters in itertools.product(*zip("txt", "TXT", strict=True))
)


class RawArticleReader(BaseReader):
    """Reads raw scraped `.txt` articles: no front matter, no markup."""

    enabled = True
    file_extensions = TXT_SUFFIXES

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prefetched: dict[str, Article | str] | None = None

    def read(self, source_path):
        result = self.prefetched.pop(source_path, None) if self.prefetched else None
        if result is None:
            result = _process(source_path, *_read_options(self.settings))
            timing.count("articles_processed")
        if isinstance(result, str):
            where = RECORDS[source_path].record.where if source_path in RECORDS else source_path
            return "", {"status": "skip", "news_problems": (f"{where}: {result}; skipped",)}
        return self._page(result)

    def _page(self, article: Article):
        source_path = article.source_path
        meta = article.meta
        limit = setting(self.settings, "NEWS_DIGEST_SLUG_LENGTH")
        body = render.body_html(article)
        metadata = {
            "title": meta.title.value or article.identifier,
            "date": as_datetime(meta.date) or UNDATED,
            "category": category_for(meta.publisher.value, self.settings),
            "slug": safe_slug(meta.title.value or article.identifier, self.settings, limit),
            "lang": meta.lang.value or self.settings.get("DEFAULT_LANG", "id"),
            "identifier": article.identifier,
            "summary": body.split("\n", 1)[0],
            "news": article,
            "news_problems": tuple(
                f"{source_path}: {problem}" for problem in (*article.problems, *meta.warnings)
            ),
        }
        author = Author(meta.author.value, self.settings) if meta.author.value else None
        if author is not None and safe_slug(author.slug, {}, empty=""):
            metadata["authors"] = [author]  # (a name of punctuation only gets no page)
        return body, metadata


def category_for(publisher: str | None, settings) -> Category:
    """The outlet's category; one whose name leaves no slug (only
    punctuation) would write over the sources index, so it counts as
    unknown."""
    category = Category(publisher or NO_PUBLISHER, settings)
    if not safe_slug(category.slug, {}, empty=""):
        category = Category(NO_PUBLISHER, settings)
    return category


def name_from_files(articles, settings) -> None:
    """Fill in what each article's file name says where its text and its
    sidecar said nothing (filenames.py): the outlet at the folder's outlet
    position, and FILENAME_METADATA's groups. Runs on the whole folder
    (the outlet position is the folder's habit), after the cache."""
    pattern = settings.get("FILENAME_METADATA") or ""
    # an export's articles are named by its fields, not by a file name
    articles = [a for a in articles if a.news.record is None]
    identifiers = [a.news.identifier for a in articles]
    try:
        said = filenames.read_names(identifiers, pattern)
    except re.error as error:
        logger.warning(
            "FILENAME_METADATA %r is not a regular expression (%s); file names are read "
            "for their outlets only",
            pattern, error,
        )  # fmt: skip
        said = filenames.read_names(identifiers)
    limit = setting(settings, "NEWS_DIGEST_SLUG_LENGTH")
    for article in articles:
        facts = said[article.news.identifier]
        for problem in facts.problems:
            logger.warning("%s: %s", article.news.source_path, problem)
        if facts.slug and safe_slug(facts.slug, settings, limit, empty=""):
            article.metadata["slug"] = safe_slug(facts.slug, settings, limit)
        filled = filenames.fill(article.news, facts)
        if filled is article.news:
            continue
        article.news, meta = filled, filled.meta
        article.category = category_for(meta.publisher.value, settings)
        if meta.title.value and meta.title.value != article.title:
            article.title = article.metadata["title"] = meta.title.value
        if meta.author.value and not getattr(article, "authors", None):
            author = Author(meta.author.value, settings)
            if safe_slug(author.slug, {}, empty=""):
                article.authors, article.author = [author], author


def _read_options(settings) -> tuple[int, list[str], bool]:
    """How files are read: the size bound, the input folders, and whether
    links inside them are followed."""
    return (
        setting(settings, "NEWS_DIGEST_MAX_BYTES"),
        input_folders(settings),
        bool(setting(settings, "NEWS_DIGEST_FOLLOW_LINKS")),
    )


def _process(path: str, max_bytes: int, roots=(), follow_links: bool = False) -> Article | str:
    """The per-file stages for one file (or one article of an export): its
    Article, or why it is skipped. Whatever goes wrong with one file
    becomes its one warning: one bad file never stops the build."""
    try:
        if path in RECORDS:
            return process_record(RECORDS[path])
        return process_file(path, max_bytes, roots, follow_links)
    except (UnreadableFile, OSError) as error:
        return str(error)
    except Exception as error:  # isolation is the point
        return f"it could not be processed ({type(error).__name__}: {error})"


def _process_in_worker(job: tuple) -> tuple[Article | str, dict[str, float]]:
    result = _process(*job)
    return result, timing.take()


def guard_input_folder(generator) -> None:
    """The input folder is a boundary. Pelican lists files through symbolic
    links and hashes each file it lists (which would block forever on a
    FIFO), so from the generator's start (`article_generator_init`) the
    listing itself drops, with one warning each, every entry
    that is not a regular file reached without a link (or, with
    NEWS_DIGEST_FOLLOW_LINKS, through a link that stays inside)."""
    if getattr(generator, "_news_digest_guarded", False):
        return
    generator._news_digest_guarded = True
    listing = generator.get_files
    roots = input_folders(generator.settings)
    follow = bool(setting(generator.settings, "NEWS_DIGEST_FOLLOW_LINKS"))
    warned: set[str] = set()
    listed: dict[tuple, set[str]] = {}

    def get_files(paths, exclude=None, extensions=None):
        # listed once a build (an export is read to list its articles)
        key = (tuple([paths] if isinstance(paths, str) else paths), tuple(exclude or ()))
        if key not in listed:
            listed[key] = list_files(paths, exclude)
        return set(listed[key])

    def list_files(paths, exclude):
        kept, real, found = set(), set(), []
        # the shallowest paths first: a file is met by its own path before
        # any link's
        names = listing(paths, exclude=exclude, extensions=False)
        for name in sorted(names, key=lambda n: (n.count("/") + n.count(os.sep), n)):
            path = os.path.normpath(os.path.join(generator.path, name))
            link = _linked_folder(path, roots)
            again = (
                link
                and follow
                and (os.path.realpath(path) in real or os.path.isdir(os.path.realpath(path)))
            )
            if link and (not follow or again):
                # one warning for the link, none for each file (or each
                # turn of a loop, `loop -> .`) below it
                if link not in warned:
                    warned.add(link)
                    why = "a symbolic link to a folder, which is not followed"
                    if follow:
                        why = "a symbolic link back into the folder (a loop), read once"
                    logger.warning("%s: it is %s; the files below it are skipped", link, why)
                continue
            if is_article_name(name):
                why = _not_readable(path, roots, follow)
            elif exports.is_export_name(name):
                why = _not_readable(path, roots, follow)
                if why is None:
                    found.append(path)
                    real.add(os.path.realpath(path))
                    continue
            elif name.lower().endswith(SIDECAR_SUFFIX):
                continue  # read with its article
            elif os.path.basename(name).startswith("."):
                continue  # a hidden file (.DS_Store, a tool's marker): not the user's
            else:
                why = "only .txt files and exports (.csv .tsv .xlsx .json .jsonl) are read"
            if why is None:
                kept.add(name)
                real.add(os.path.realpath(path))
            elif path not in warned:
                warned.add(path)
                logger.warning("%s: %s; skipped", path, why)
        for listed_name in list_exports(sorted(found), roots, generator.settings):
            kept.add(os.path.relpath(listed_name, generator.path))
        return kept

    generator.get_files = get_files
    stamp = generator.readers._get_file_stamp

    def file_stamp(path):
        if path in RECORDS:  # an export's article: its record's content
            return RECORDS[path].stamp
        return stamp(path), _sidecar_stamp(path)

    generator.readers._get_file_stamp = file_stamp
    own_stamp = generator._get_file_stamp

    def generator_stamp(name):  # its cache of whole articles (unused with the reader's)
        path = os.path.normpath(os.path.join(generator.path, name))
        return RECORDS[path].stamp if path in RECORDS else own_stamp(name)

    generator._get_file_stamp = generator_stamp


def list_exports(paths: list[str], roots, settings) -> list[str]:
    """Read the exports (exports.py) and list their articles: one name per
    article, `RECORDS` holding its source. Each export's columns and bad
    records are reported here, once a build, as are the records of one
    address folded into one article."""
    RECORDS.clear()
    if not paths:
        return []
    chosen, problems = exports.check_chosen(setting(settings, "NEWS_DIGEST_FIELDS"))
    for problem in problems:
        logger.warning("%s", problem)
    with timing.stage("read"):
        spill = _spill(settings, paths)
        entries: list[exports.Entry] = []
        try:
            for path in paths:
                entries.extend(_export_records(path, roots, chosen, spill))
        finally:
            if spill:
                spill.close()
        folding = exports.fold(entries)
    for warning in folding.warnings:
        logger.warning("%s", warning)
    timing.count("export_repeats_folded", folding.repeats)  # one line of the summary
    names = []
    by_path = {exports_name(p, roots): p for p in paths}
    for source in folding.sources:
        digest = hashlib.sha256(source.key.encode("utf-8", "surrogatepass")).hexdigest()[:20]
        name = f"{by_path[source.export]}#{digest}.{RECORD_SUFFIX}"
        RECORDS[name] = source
        names.append(name)
    return names


def exports_name(path: str, roots) -> str:
    """An export's path below its input folder (`2025/day.csv`); the file's
    name when the input is that file."""
    for root in roots:
        root = os.path.abspath(root)
        if os.path.commonpath([root, os.path.abspath(path)]) == root and path != root:
            return Path(os.path.relpath(path, root)).as_posix()
    return os.path.basename(path)


#: The file in the cache folder that holds the exports' records while a
#: build reads them (exports.Spill): memory holds a line's worth of each.
SPILL_FILE = "export-records.bin"

#: Exports this large in all (bytes) are spilled; smaller ones stay in
#: memory (the shared folder's 5,750 rows are 11 MB), which spares writing
#: and reading back every record: a tenth of a second at 3,682 articles.
SPILL_ABOVE_BYTES = 32 * 2**20


def _spill(settings, paths: list[str]) -> exports.Spill | None:
    """The build's spill file, in its cache folder, when the exports are
    large (none without a cache folder: the records then stay in memory)."""
    cache = settings.get("CACHE_PATH")
    if not cache:
        return None
    path = os.path.join(cache, SPILL_FILE)
    if sum(_size(p) for p in paths) > SPILL_ABOVE_BYTES:
        return exports.Spill(path)
    with contextlib.suppress(FileNotFoundError):  # an earlier build's, of larger exports
        os.remove(path)
    return None


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:  # the export's own reading names the problem
        return 0


def _export_records(path: str, roots, chosen, spill=None) -> list[exports.Entry]:
    """One export's records (each written to `spill`, when given, as it is
    read), with its problems and its columns reported: a warning when a
    column was not understood or no column holds a text."""
    export = exports.ExportFile(path, exports_name(path, roots), chosen)
    records = [spill.put(r) if spill else exports.Entry.of(r) for r in export.records()]
    columns = export.columns
    for problem in export.problems:
        logger.warning("%s: %s", path, problem)
    fields = {name for name, _ in columns.used}
    if export.problems and not records:
        pass  # the problem says why nothing was read
    elif not fields & {"body", "summary", "title"}:
        logger.warning(
            "%s: no column holds a title or a text (%s); nothing read from it. "
            "NEWS_DIGEST_FIELDS names the columns of any export",
            path, columns.describe(),
        )  # fmt: skip
    elif columns.unknown:
        logger.warning("%s: %s", path, columns.describe())
    else:
        logger.info("%s: %d record(s); %s", path, len(records), columns.describe())
    return records


def _sidecar_stamp(path: str) -> str:
    """The sidecar's content is part of its article's cache key: editing
    only `NAME.meta.toml` changes the next build."""
    sidecar = sidecar_path(path)
    if not os.path.lexists(sidecar):
        return ""
    try:
        return hashlib.sha256(read_bounded(sidecar, SIDECAR_MAX_BYTES)).hexdigest()
    except UnreadableFile as error:
        return f"unreadable: {error}"


def _linked_folder(path: str, roots) -> str | None:
    """The first folder on `path` below its input folder that is a
    symbolic link, or None."""
    for root in roots:
        root = os.path.normpath(os.path.abspath(root))
        if not path.startswith(root + os.sep):
            continue
        current = root
        for part in os.path.relpath(path, root).split(os.sep)[:-1]:
            current = os.path.join(current, part)
            if os.path.islink(current):
                return current
        return None
    return None


def _not_readable(path: str, roots, follow: bool) -> str | None:
    """Why the build must not read `path`, or None."""
    try:
        check_inside(path, roots, follow)
        info = os.stat(path) if follow else os.lstat(path)
    except UnreadableFile as error:
        return str(error)
    except OSError as error:
        return f"it cannot be read ({error.strerror})"
    if stat.S_ISLNK(info.st_mode):  # a link that leads nowhere, or in a loop
        return "it is a symbolic link that leads to no file, which is not followed"
    if not stat.S_ISREG(info.st_mode):
        return "it is not a regular file (a FIFO, device or socket)"
    return None


def prefetch_articles(generator):
    """Run the per-file stages for every raw article the content cache does
    not hold, on all cores at once, before Pelican asks for them one by one.
    The results are the same as reading serially; only faster."""
    reader = generator.readers.readers.get("txt")
    if not isinstance(reader, RawArticleReader) or reader.prefetched is not None:
        return
    reader.prefetched = {}
    for other in generator.readers.readers.values():  # `.TXT` files read the same results
        if isinstance(other, RawArticleReader):
            other.prefetched = reader.prefetched
    if not can_fork_workers(generator.settings):
        return
    files = generator.get_files(
        generator.settings["ARTICLE_PATHS"],
        exclude=generator.settings["ARTICLE_EXCLUDES"],
        extensions=reader.file_extensions,
    )
    paths = [os.path.abspath(os.path.join(generator.path, f)) for f in sorted(files)]
    stale = [p for p in paths if generator.readers.get_cached_data(p, None) is None]
    if len(stale) < PARALLEL_MIN_FILES:
        return
    infer.warm_up()  # load language profiles once, before the workers fork
    options = _read_options(generator.settings)
    started = time.perf_counter()
    seconds: Counter[str] = Counter()
    workers = min(int(setting(generator.settings, "NEWS_DIGEST_WORKERS")), len(stale))
    with forks.alone() as alone:  # the pool forks its workers as it starts
        pool = multiprocessing.get_context("fork").Pool(workers) if alone else None
    if pool is None:  # another thread runs: Pelican reads the files one by one
        return
    timing.count("articles_processed", len(stale))
    with pool:
        jobs = [(path, *options) for path in stale]
        for path, (result, stages) in zip(
            stale, pool.imap(_process_in_worker, jobs, chunksize=PARALLEL_CHUNK), strict=True
        ):
            reader.prefetched[path] = result
            seconds.update(stages)
    timing.add_scaled(dict(seconds), time.perf_counter() - started)


#: What a slug (a part of a page's address) may hold, whatever the
#: settings' substitutions leave: no dot (no ".."), no slash, no markup.
UNSAFE_SLUG = re.compile(r"[^a-z0-9_-]+")


def safe_slug(text: str, settings, limit: int | None = None, empty: str = "artikel") -> str:
    """A slug made from the safe alphabet only (`a-z 0-9 _ -`), cut at a
    word within `limit` characters; `empty` when nothing is left."""
    slug = slugify(text, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []))
    slug = UNSAFE_SLUG.sub("-", slug.lower()).strip("-")
    if limit and len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0].strip("-") or slug[:limit]
    return slug or empty


def as_datetime(finding: DateFinding) -> datetime | None:
    day = finding.sort_key
    return datetime(day.year, day.month, day.day) if day else None


def add_reader(readers):
    """The raw article reader for `.txt` in any case. Pelican picks a reader
    by the suffix after the last dot, which a name of dots only (`...txt`)
    does not have: those come with the empty suffix, and the input
    folder's guard lets only `.txt` names through."""
    for suffix in (*TXT_SUFFIXES, "", RECORD_SUFFIX):
        readers.reader_classes[suffix] = RawArticleReader


def forget_replaced_readers(generator):
    """Pelican warns about files "processed by a disabled reader" even when
    an enabled reader (markdown-it for `.md`) handles them; drop those
    disabled readers so the warning — fatal under STRICT=1 — is not raised
    for nothing."""
    readers = getattr(generator, "readers", None)
    if readers is None:
        return
    for extension in list(readers.disabled_readers):
        if extension in readers.readers:
            del readers.disabled_readers[extension]


def report_problems(generator, metadata):
    """Log each article's problems once per build (also when cached)."""
    for problem in metadata.get("news_problems", ()):
        logger.warning(problem)
