"""The Pelican glue: the only module that knows about Pelican.

- `RawArticleReader` runs the per-file stages (read → clean → infer) on
  each raw `.txt` file and returns `(html, metadata)` like any Pelican
  reader, so Pelican's content cache keeps its work between builds.
- `place_articles` (on `article_generator_pretaxonomy`) runs the group
  stage over all articles at once and gives each its trip and final date
  before Pelican builds its archives and feeds.
- `DigestGenerator` runs the digest stage and adds the front page (the
  digest), the trip/event pages, `digest.json` and the search index:
  `generate_context` prepares them, `generate_output` writes. On a big
  corpus the digest is worked out in a forked worker while Pelican
  renders the article pages, and Pagefind indexes those pages while this
  generator writes its own: both use the second core.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import multiprocessing
import os
import posixpath
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from operator import attrgetter
from pathlib import Path

from pelican import signals
from pelican.contents import Author, Category, Page
from pelican.generators import Generator
from pelican.readers import BaseReader
from pelican.utils import order_content, slugify

from . import digest, group, infer, recurring, render, timing
from .catalog import CatalogError, trip_from_metadata
from .model import Article, DateFinding, Event
from .pipeline import process_file
from .read import MAX_BYTES, UnreadableFile

logger = logging.getLogger(__name__)

#: Pelican needs a date on every article to accept it; an article whose
#: date is unknown carries this one until `place_articles` hides it from
#: the date-ordered lists (archives, feeds). It is never shown.
UNDATED = datetime(1970, 1, 1)

NO_PUBLISHER = "Sumber tidak diketahui"

DEFAULTS = {
    "NEWS_DIGEST_MAX_BYTES": MAX_BYTES,
    "NEWS_DIGEST_CATALOG": None,
    "NEWS_DIGEST_TOPIC": None,
    "NEWS_DIGEST_JSON_SAVE_AS": "digest.json",
    "NEWS_DIGEST_EVENT_FEED_ATOM": None,
    "NEWS_DIGEST_SEARCH": True,
    "NEWS_DIGEST_SEARCH_URL": "cari/",
    "NEWS_DIGEST_SEARCH_SAVE_AS": "cari/index.html",
    "NEWS_DIGEST_EVENT_URL": "perjalanan/{id}/",
    "NEWS_DIGEST_EVENT_SAVE_AS": "perjalanan/{id}/index.html",
    "NEWS_DIGEST_EVENTS_URL": "perjalanan/",
    "NEWS_DIGEST_EVENTS_SAVE_AS": "perjalanan/index.html",
    "NEWS_DIGEST_SLUG_LENGTH": 80,
    "NEWS_DIGEST_WORKERS": os.cpu_count() or 1,
}

#: Below this many files to read (or articles to digest), starting worker
#: processes costs more than it saves.
PARALLEL_MIN_FILES = 64
PARALLEL_CHUNK = 16


def _setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def _in_background(function, *args):
    """Start `function(*args)` in a forked child, so that it runs on a
    second core while this process goes on; returns a callable that waits
    for the result (and the child's stage times). The child inherits the
    arguments by the fork, so only the result crosses the pipe."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_send_result, args=(sending, function, args), daemon=True)
    child.start()
    sending.close()

    def result():
        with timing.waiting():
            try:
                outcome, value, stages = receiving.recv()
            except EOFError:
                outcome, value, stages = "error", "the worker process died", {}
            finally:
                receiving.close()
                child.join()
        timing.add_alongside(stages)
        if outcome == "error":
            logger.warning("background %s failed (%s); running it here", function.__name__, value)
            return function(*args)
        return value

    return result


def _can_fork_workers(settings) -> bool:
    """More than one worker is allowed and the platform can fork (the
    workers inherit the loaded tables and the data instead of pickling)."""
    return (
        int(_setting(settings, "NEWS_DIGEST_WORKERS")) >= 2
        and "fork" in multiprocessing.get_all_start_methods()
    )


def _build_digest(records, grouping) -> digest.Digest:
    with timing.stage("digest"):
        return digest.build_digest(records, grouping)


def _send_result(sending, function, args) -> None:
    timing.take()  # the parent's stage times came along with the fork
    try:
        sending.send(("ok", function(*args), timing.take()))
    except Exception as error:  # reported by the parent, which then retries
        sending.send(("error", repr(error), {}))
    finally:
        sending.close()


# ---- reader ------------------------------------------------------------------


class RawArticleReader(BaseReader):
    """Reads raw scraped `.txt` articles: no front matter, no markup."""

    enabled = True
    file_extensions = ("txt",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prefetched: dict[str, Article | str] | None = None

    def read(self, source_path):
        result = self.prefetched.pop(source_path, None) if self.prefetched else None
        if result is None:
            result = _process(source_path, _setting(self.settings, "NEWS_DIGEST_MAX_BYTES"))
        if isinstance(result, str):
            return "", {"status": "skip", "news_problems": (f"{source_path}: {result}; skipped",)}
        return self._page(result)

    def _page(self, article: Article):
        source_path = article.source_path
        meta = article.meta
        limit = _setting(self.settings, "NEWS_DIGEST_SLUG_LENGTH")
        body = render.body_html(article)
        metadata = {
            "title": meta.title.value or article.identifier,
            "date": _as_datetime(meta.date) or UNDATED,
            "category": Category(meta.publisher.value or NO_PUBLISHER, self.settings),
            "slug": _slug(meta.title.value or article.identifier, limit, self.settings),
            "lang": meta.lang.value or self.settings.get("DEFAULT_LANG", "id"),
            "identifier": article.identifier,
            "summary": body.split("\n", 1)[0],
            "news": article,
            "news_problems": tuple(
                f"{source_path}: {problem}" for problem in (*article.problems, *meta.warnings)
            ),
        }
        if meta.author.value:
            metadata["authors"] = [Author(meta.author.value, self.settings)]
        return body, metadata


def _process(path: str, max_bytes: int) -> Article | str:
    """The per-file stages for one file: its Article, or why it is skipped."""
    try:
        return process_file(path, max_bytes)
    except (UnreadableFile, OSError) as error:
        return str(error)


def _process_in_worker(job: tuple[str, int]) -> tuple[Article | str, dict[str, float]]:
    result = _process(*job)
    return result, timing.take()


def prefetch_articles(generator):
    """Run the per-file stages for every raw article the content cache does
    not hold, on all cores at once, before Pelican asks for them one by one.
    The results are the same as reading serially; only faster."""
    reader = generator.readers.readers.get("txt")
    if not isinstance(reader, RawArticleReader) or reader.prefetched is not None:
        return
    reader.prefetched = {}
    if not _can_fork_workers(generator.settings):
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
    max_bytes = _setting(generator.settings, "NEWS_DIGEST_MAX_BYTES")
    started = time.perf_counter()
    seconds: Counter[str] = Counter()
    workers = min(int(_setting(generator.settings, "NEWS_DIGEST_WORKERS")), len(stale))
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        jobs = [(path, max_bytes) for path in stale]
        for path, (result, stages) in zip(
            stale, pool.imap(_process_in_worker, jobs, chunksize=PARALLEL_CHUNK), strict=True
        ):
            reader.prefetched[path] = result
            seconds.update(stages)
    timing.add_scaled(dict(seconds), time.perf_counter() - started)


def _slug(title: str, limit: int, settings) -> str:
    slug = slugify(title, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []))
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "artikel"


def _as_datetime(finding: DateFinding) -> datetime | None:
    day = finding.sort_key
    return datetime(day.year, day.month, day.day) if day else None


def add_reader(readers):
    readers.reader_classes["txt"] = RawArticleReader


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


# ---- grouping ------------------------------------------------------------------


@dataclass
class EventPage:
    """A trip/event page: the event, its Pelican articles, where it lives."""

    event: Event
    articles: list = field(default_factory=list)
    url: str = ""
    save_as: str = ""
    digest: digest.EventDigest | None = None
    feed_url: str | None = None

    @property
    def name(self) -> str:
        return self.event.name


def load_catalog(generator) -> list[Event]:
    """Read the trip catalog pages (Markdown with YAML front matter) with
    Pelican's own readers. A bad page is skipped with one warning."""
    folder = generator.settings.get("NEWS_DIGEST_CATALOG")
    if not folder:
        return []
    root = os.path.join(generator.path, folder)
    if not os.path.isdir(root):
        logger.warning("trip catalog %s does not exist; articles are grouped automatically", root)
        return []
    trips = []
    for name in sorted(os.listdir(root)):
        if not name.endswith(".md"):
            continue
        path = os.path.join(folder, name)
        try:
            page = generator.readers.read_file(
                base_path=generator.path, path=path, content_class=Page
            )
            trips.append(trip_from_metadata(name[:-3], page.metadata, page.content))
        except (CatalogError, KeyError, ValueError) as error:
            logger.warning("%s: not a valid trip page (%s); skipped", path, error)
    return trips


def place_articles(generator):
    """Group all raw articles into trips/events and settle their dates."""
    ours = [
        a
        for a in (*generator.articles, *generator.hidden_articles)
        if isinstance(getattr(a, "news", None), Article)
    ]
    trips = load_catalog(generator)
    with timing.stage("group"):
        forget_recurring_lines(ours)
        grouping = group.group([a.news for a in ours], trips)
    settings = generator.settings
    pages = {
        event.id: EventPage(
            event=event,
            url=_setting(settings, "NEWS_DIGEST_EVENT_URL").format(id=event.id),
            save_as=_setting(settings, "NEWS_DIGEST_EVENT_SAVE_AS").format(id=event.id),
        )
        for event in grouping.events
    }
    by_identifier = {a.news.identifier: a for a in ours}
    for article in ours:
        placement = grouping.placements[article.news.identifier]
        article.date_finding = placement.date
        article.placement_evidence = placement.evidence
        article.event_page = pages.get(placement.event_id)
        article.prev_in_event = article.next_in_event = None
        dated = _as_datetime(placement.date)
        article.status = "published" if dated else "hidden"
        article.date = (dated or UNDATED).replace(tzinfo=article.date.tzinfo)
        article.locale_date = render.format_finding(placement.date)
    for event_id, identifiers in grouping.articles_by_event.items():
        members = [by_identifier[i] for i in identifiers]
        pages[event_id].articles = members
        for before, after in itertools.pairwise(members):
            before.next_in_event, after.prev_in_event = after, before
    _unique_slugs(ours)

    order = settings["ARTICLE_ORDER_BY"]
    mine = {id(a) for a in ours}
    others = [a for a in generator.articles if id(a) not in mine]
    hidden_others = [a for a in generator.hidden_articles if id(a) not in mine]
    # Pelican collects the files in a set, whose order changes from run to
    # run; in path order first, articles of one date are listed the same
    # way in every build.
    path = attrgetter("source_path")
    generator.articles = order_content(
        sorted(others + [a for a in ours if a.status == "published"], key=path), order
    )
    generator.hidden_articles = order_content(
        sorted(hidden_others + [a for a in ours if a.status == "hidden"], key=path), order
    )
    generator.context["news_articles"] = ours
    generator.context["news_grouping"] = grouping
    generator.context["event_pages"] = [pages[e.id] for e in grouping.events]
    generator.context["unplaced_articles"] = sorted(
        (a for a in ours if a.event_page is None), key=attrgetter("identifier")
    )


def forget_recurring_lines(articles) -> None:
    """Move the folder's learned furniture (recurring.py) out of each
    article's text: the per-file results stay cached as they were, and
    only the articles that hold such lines get a new body."""
    learned = recurring.learn([a.news for a in articles])
    for article in articles:
        cleaned = recurring.apply(article.news, learned)
        if cleaned is article.news:
            continue
        article.news = cleaned
        body = render.body_html(cleaned)
        article._content = body
        article._summary = article.metadata["summary"] = body.split("\n", 1)[0]


def _unique_slugs(articles) -> None:
    """Two articles with one title get distinct URLs: every article after
    the first (by identifier) gets its identifier appended to the slug.
    The URLs are final from here on."""
    seen: set[str] = set()
    for article in sorted(articles, key=lambda a: a.news.identifier):
        base = article.metadata["slug"]
        slug = base if base not in seen else f"{base}-{slugify(article.news.identifier)}"
        seen.add(slug)
        article.slug = slug
        # Final now: Pelican's override_url spares it re-deriving the URL
        # from the settings on every template access (~10 per page). (An
        # override_save_as would also change how Pelican's writer treats a
        # second write to the same file, so save_as is left alone.)
        article.override_url = article.url


# ---- pages -------------------------------------------------------------------------


@dataclass(frozen=True)
class Topic:
    """The digest's title and the editor's introduction (HTML)."""

    title: str
    intro_html: str = ""


def load_topic(generator) -> Topic:
    """The topic page from content/ (YAML front matter title, Markdown
    body), read by Pelican's readers; without one, the site's name."""
    path = generator.settings.get("NEWS_DIGEST_TOPIC")
    fallback = Topic(title=generator.settings["SITENAME"])
    if not path:
        return fallback
    if not os.path.isfile(os.path.join(generator.path, path)):
        logger.warning("topic page %s does not exist; using the site name", path)
        return fallback
    page = generator.readers.read_file(base_path=generator.path, path=path, content_class=Page)
    return Topic(title=page.metadata.get("title", fallback.title), intro_html=page.content)


class DigestGenerator(Generator):
    """The topic digest, a page per trip/event, digest.json, the search
    index, robots.txt and the sitemap."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.written: list[tuple[str, object]] = []
        signals.content_written.connect(self._record)

    def _record(self, path, context):
        """Every page this build writes goes in the sitemap."""
        self.written.append((path, context.get("article") or context.get("event_page")))

    def generate_context(self):
        self.event_pages = self.context.get("event_pages", [])
        ours = self.context.get("news_articles", [])
        grouping = self.context.get("news_grouping")
        records = [a.news for a in ours]
        self.grouping = grouping
        self.records = records
        # The digest is only read by the pages this generator writes, so on
        # a big corpus it is worked out on the second core while Pelican
        # renders the article pages; generate_output collects it.
        if not grouping:
            self._digest = lambda: digest.Digest(events=(), entities=(), sources=())
        elif len(records) >= PARALLEL_MIN_FILES and _can_fork_workers(self.settings):
            self._digest = _in_background(_build_digest, records, grouping)
        else:
            self._digest = lambda: _build_digest(records, grouping)
        self.urls = {a.news.identifier: self._absolute(a.url) for a in ours}
        self.event_urls = {page.event.id: self._absolute(page.url) for page in self.event_pages}
        languages = Counter(a.lang for a in ours)
        self.search_language = (
            min(languages, key=lambda lang: (-languages[lang], lang))
            if languages
            else self.settings.get("DEFAULT_LANG", "id")
        )
        search = _setting(self.settings, "NEWS_DIGEST_SEARCH")
        self.context.update(
            {
                "search_url": _setting(self.settings, "NEWS_DIGEST_SEARCH_URL") if search else None,
                "search_lang": self.search_language,
                "events_url": _setting(self.settings, "NEWS_DIGEST_EVENTS_URL"),
                "topic": load_topic(self),
                "timeline_svg": render.timeline_svg(
                    [(page.event, len(page.articles)) for page in self.event_pages]
                ),
                "articles_by_identifier": {a.news.identifier: a for a in ours},
            }
        )

    def _collect_digest(self):
        """The digest (from the background worker, if it had one) into the
        context of the pages that show it."""
        self.digest = self._digest()
        event_digests = {e.event_id: e for e in self.digest.events}
        for page in self.event_pages:
            page.digest = event_digests.get(page.event.id)
        self.context["digest"] = self.digest
        self.context["entities_by_kind"] = {
            kind: [e for e in self.digest.entities if e.kind == kind]
            for kind in ("person", "place", "organization")
        }

    def _absolute(self, url: str) -> str:
        siteurl = self.settings.get("SITEURL", "")
        return f"{siteurl}/{url}" if siteurl and not self.settings["RELATIVE_URLS"] else url

    def generate_output(self, writer):
        # The article pages are written by now: Pagefind indexes them on
        # the second core while this generator writes its own pages.
        search_index = self._start_search_index() if self.context["search_url"] else None
        self._collect_digest()
        self._write_page(
            writer,
            self.settings.get("INDEX_SAVE_AS", "index.html"),
            "index",
            self.settings.get("INDEX_URL", ""),
            template_name="index",
            page_name="index",
        )
        feed = _setting(self.settings, "NEWS_DIGEST_EVENT_FEED_ATOM")
        for page in self.event_pages:
            page.feed_url = feed.format(id=page.event.id) if feed else None
            self._write_page(writer, page.save_as, "event", page.url, event_page=page)
            dated = [a for a in page.articles if a.status == "published"]
            if page.feed_url and dated:
                writer.write_feed(
                    sorted(dated, key=attrgetter("date"), reverse=True),
                    self.context,
                    page.feed_url,
                    feed_title=page.event.name,
                )
        self._write_page(
            writer,
            _setting(self.settings, "NEWS_DIGEST_EVENTS_SAVE_AS"),
            "events",
            _setting(self.settings, "NEWS_DIGEST_EVENTS_URL"),
        )
        if self.context["search_url"]:
            self._write_page(
                writer,
                _setting(self.settings, "NEWS_DIGEST_SEARCH_SAVE_AS"),
                "search",
                self.context["search_url"],
            )
        if self.grouping is not None:
            self._write_json()
        signals.content_written.disconnect(self._record)
        self._write_robots()
        self._write_sitemap()
        if search_index is not None:
            with timing.waiting():
                search_index.join()

    def _write_page(self, writer, save_as: str, template: str, url: str, **extra):
        writer.write_file(
            save_as,
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=url,
            **extra,
        )

    def _site_address(self) -> str | None:
        """SITEURL when it is an absolute address (a published build)."""
        siteurl = self.settings.get("SITEURL", "")
        return siteurl if siteurl.startswith(("http://", "https://")) else None

    def _write_sitemap(self):
        """sitemap.xml of every page written, with the date of the article
        (or the newest of a trip's articles) as its last change. Written
        only when the site has an address: a sitemap needs absolute URLs."""
        siteurl = self._site_address()
        if not siteurl:
            return
        search = _setting(self.settings, "NEWS_DIGEST_SEARCH_SAVE_AS")
        entries = []
        for path, page in self.written:
            relative = os.path.relpath(path, self.output_path).replace(os.sep, "/")
            if relative == search:
                continue
            url = f"{siteurl}/{relative.removesuffix('index.html')}"
            entries.append((url, _last_change(page)))
        with open(os.path.join(self.output_path, "sitemap.xml"), "w", encoding="utf-8") as handle:
            handle.write(render.sitemap_xml(entries))

    def _write_robots(self):
        """robots.txt, pointing to the sitemap when the site has an address."""
        lines = ["User-agent: *", "Allow: /"]
        if siteurl := self._site_address():
            lines.append(f"Sitemap: {siteurl}/sitemap.xml")
        with open(os.path.join(self.output_path, "robots.txt"), "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")

    def _start_search_index(self) -> threading.Thread:
        """Pagefind's offline search index over the article pages (their
        bodies carry data-pagefind-body), in the corpus's main language so
        Pagefind stems its words (Indonesian included). It only reads the
        article pages' folder, so the pages written meanwhile are no
        concern of it."""
        command = [
            sys.executable, "-m", "pagefind", "--site", self.output_path,
            "--glob", _article_glob(self.settings), "--force-language", self.search_language,
        ]  # fmt: skip
        thread = threading.Thread(target=_run_search_index, args=(command,), daemon=True)
        thread.start()
        return thread

    def _write_json(self):
        document = digest.document(
            self.digest, self.grouping, self.records, self.urls, self.event_urls
        )
        path = os.path.join(self.output_path, _setting(self.settings, "NEWS_DIGEST_JSON_SAVE_AS"))
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(document, handle, ensure_ascii=False, indent=2, sort_keys=True)
            handle.write("\n")


def _run_search_index(command: list[str]) -> None:
    try:
        with timing.stage("search_index", alongside=True):
            result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        logger.warning("search index not built: %s", error)
        return
    if result.returncode != 0:
        logger.warning("search index not built: %s", (result.stderr or result.stdout)[-500:])


def _article_glob(settings) -> str:
    """The pages Pagefind reads: everything under the folder the article
    pages are saved in (the whole site when they have none of their own)."""
    folders = [
        posixpath.dirname(settings[key].split("{", 1)[0])
        for key in ("ARTICLE_SAVE_AS", "ARTICLE_LANG_SAVE_AS")
    ]
    folder = posixpath.commonpath(folders)
    return f"{folder}/**/*.html" if folder else "**/*.html"


def _last_change(page):
    """The date a page last changed: its article's, or its trip's newest."""
    if isinstance(page, EventPage):
        dated = [a.date for a in page.articles if a.status == "published"]
        return max(dated).date() if dated else None
    if page is not None and getattr(page, "status", "") == "published":
        return page.date.date()
    return None


def get_generators(pelican):
    return DigestGenerator


@cache
def code_fingerprint() -> str:
    """A hash of this package's code and data tables: cached reader results
    from another version of the pipeline must not be reused."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted([*package.glob("*.py"), *package.glob("data/*.toml")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def configure(pelican):
    """Filters the theme needs, autoescaping for every template (the site
    shows scraped text, which must never become markup), a content cache
    that belongs to this version of the pipeline and its settings, and the
    front page left to DigestGenerator."""
    settings = pelican.settings
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    reader_settings = repr([settings.get(k) for k in (*sorted(DEFAULTS), "DEFAULT_LANG")])
    version = hashlib.sha256((code_fingerprint() + reader_settings).encode()).hexdigest()[:16]
    settings["CACHE_PATH"] = os.path.join(settings["CACHE_PATH"], f"news-digest-{version}")
    # The front page is the digest: DigestGenerator writes it when the
    # digest is ready, after Pelican's own lists.
    settings["DIRECT_TEMPLATES"] = [t for t in settings["DIRECT_TEMPLATES"] if t != "index"]
    environment = dict(settings.get("JINJA_ENVIRONMENT", {}))
    environment["autoescape"] = True
    settings["JINJA_ENVIRONMENT"] = environment
    settings.setdefault("JINJA_FILTERS", {}).update(
        {
            "tanggal": render.format_day,
            "rentang": render.format_range,
            "temuan_tanggal": render.format_finding,
            "menit_baca": render.reading_minutes,
            "alasan": render.removal_reason,
            "nama_bulan": render.month_name,
        }
    )
    settings.setdefault("JINJA_GLOBALS", {}).update(
        {"json_ld": render.json_ld, "LEVEL_LABELS": render.LEVEL_LABELS}
    )


def start_clock(pelican):
    timing.reset()


def stop_clock(pelican):
    timing.write_report()


def register():
    signals.initialized.connect(start_clock)
    signals.finalized.connect(stop_clock)
    signals.initialized.connect(configure)
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(forget_replaced_readers)
    signals.article_generator_preread.connect(prefetch_articles)
    signals.article_generator_context.connect(report_problems)
    signals.article_generator_pretaxonomy.connect(place_articles)
    signals.get_generators.connect(get_generators)
