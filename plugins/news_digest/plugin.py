"""The Pelican glue: the only modules that know about Pelican are this
one, `reader.py` (the per-file stages as a Pelican reader) and the
settings in `options.py`.

- `place_articles` (on `article_generator_pretaxonomy`) runs the group
  stage over all articles at once and gives each its trip and final date
  before Pelican builds its archives and feeds.
- `DigestGenerator` prepares the digest in `generate_context` (on a big
  corpus in a forked worker, on the second core, while Pelican renders
  the article pages) and writes in `generate_output`: the front page (the
  top stories), the event pages, the paginated events index, the search
  page, then the site files (`site_files.py`) while Pagefind
  (`search_index.py`) indexes the article pages alongside.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import multiprocessing
import os
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from operator import attrgetter
from pathlib import Path

import jinja2
from pelican import signals
from pelican.contents import Category, Page
from pelican.generators import Generator
from pelican.log import console
from pelican.utils import order_content

from . import (
    build_lock,
    content_cache,
    devserver,
    digest,
    digest_cache,
    exports,
    glued,
    group,
    names,
    outputs,
    recurring,
    render,
    search_index,
    site_files,
    timing,
    ui,
)
from .catalog import CatalogError, check_trip_id, trip_from_metadata
from .model import Article, Event, Section
from .options import DEFAULTS, PARALLEL_MIN_FILES, can_fork_workers, input_folders, setting
from .read import is_article_name
from .reader import (
    NO_PUBLISHER,
    UNDATED,
    add_reader,
    as_datetime,
    forget_replaced_readers,
    guard_input_folder,
    name_from_files,
    prefetch_articles,
    report_problems,
    safe_slug,
)

logger = logging.getLogger(__name__)


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
                outcome, value, (stages, counts) = receiving.recv()
            except EOFError:
                outcome, value, stages, counts = "error", "the worker process died", {}, {}
            finally:
                receiving.close()
                child.join()
        timing.add_alongside(stages)
        timing.add_counts(counts)
        if outcome == "error":
            logger.warning("background %s failed (%s); running it here", function.__name__, value)
            return function(*args)
        return value

    return result


def _build_digest(records, grouping, cache_folder: str) -> digest.Digest:
    with timing.stage("digest"):
        remembered = digest_cache.RememberedKeyPoints(cache_folder)
        result = digest.build_digest(records, grouping, remembered)
        remembered.save()
        return result


def _send_result(sending, function, args) -> None:
    timing.take()  # the parent's stage times and counts came along with the fork
    timing.take_counts()
    try:
        sending.send(("ok", function(*args), (timing.take(), timing.take_counts())))
    except Exception as error:  # reported by the parent, which then retries
        sending.send(("error", repr(error), ({}, {})))
    finally:
        sending.close()


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
    sections: tuple[Section, ...] = ()

    @property
    def name(self) -> str:
        return self.event.name

    @property
    def day_lines(self) -> list[render.DayLine]:
        """A story's days, each with its lead point (render.day_lines)."""
        titles = {a.news.identifier: a.title for a in self.articles}
        points = self.digest.key_points if self.digest else ()
        return render.day_lines(self.sections, points, titles)


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
            check_trip_id(name[:-3])  # before reading: `..md` is no trip page
            page = generator.readers.read_file(
                base_path=generator.path, path=path, content_class=Page
            )
            untitled = generator.context["UI"]["trip_name"]
            trips.append(trip_from_metadata(name[:-3], page.metadata, page.content, untitled))
        except CatalogError as error:
            logger.warning("%s: not a valid trip page (%s); skipped", path, error)
        except Exception as error:  # one bad page never stops the build
            logger.warning(
                "%s: could not be read as a trip page (%s: %s); skipped",
                path, type(error).__name__, error,
            )  # fmt: skip
    return trips


def place_articles(generator):
    """Group all raw articles into trips/events and settle their dates."""
    ours = [
        a
        for a in (*generator.articles, *generator.hidden_articles)
        if isinstance(getattr(a, "news", None), Article)
    ]
    timing.count("articles", len(ours))
    words = speak_site_language(generator, ours)
    trips = load_catalog(generator)
    if not trips:
        words = generator.context["UI"] = ui.for_stories(words)
    forget_unknown_trips(ours, trips)
    with timing.stage("group"):
        name_from_files(ours, generator.settings)
        apply_folder_passes(ours)
        grouping = group.group([a.news for a in ours], trips)
    settings = generator.settings
    pages = {
        event.id: EventPage(
            event=event,
            url=setting(settings, "NEWS_DIGEST_EVENT_URL").format(id=event.id),
            save_as=setting(settings, "NEWS_DIGEST_EVENT_SAVE_AS").format(id=event.id),
        )
        for event in grouping.events
    }
    by_identifier = {a.news.identifier: a for a in ours}
    for article in ours:
        placement = grouping.placements[article.news.identifier]
        article.date_finding = placement.date
        article.placement_evidence = placement.evidence
        article.event_page = pages.get(placement.event_id)
        article.reported_day = reported_day(article)
        article.prev_in_event = article.next_in_event = None
        dated = as_datetime(placement.date)
        article.status = "published" if dated else "hidden"
        article.date = (dated or UNDATED).replace(tzinfo=article.date.tzinfo)
        article.locale_date = render.format_finding(words, placement.date)
        place = article.news.meta.place.value
        article.search_spellings = names.other_spellings(
            article.news.clean.text, also=(place,) if place else ()
        )
        if article.category.name == NO_PUBLISHER:
            article.category = Category(words["unknown_source"], settings)
    happened = {a.news.identifier: a.news.meta.happened for a in ours}
    for event_id, identifiers in grouping.articles_by_event.items():
        members = [by_identifier[i] for i in identifiers]
        pages[event_id].articles = members
        pages[event_id].sections = group.sections(pages[event_id].event, grouping, happened)
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
    unplaced = sorted((a for a in ours if a.event_page is None), key=attrgetter("identifier"))
    generator.context["unplaced_articles"] = unplaced
    # without a catalog, the same articles by the day they report, for
    # their paginated list (render.day_runs puts each day under its heading)
    generator.context["others"] = [] if trips else by_day(unplaced, settings)
    generator.context["others_url"] = setting(settings, "NEWS_DIGEST_OTHERS_URL")
    generator.context["threads"] = {
        thread.id: (thread, [pages[e] for e in thread.stories]) for thread in grouping.threads
    }


def reported_day(article) -> date | None:
    """The day a Pelican article of ours reports: its lead's day, else its date."""
    return article.news.meta.happened or article.date_finding.sort_key


def by_day(articles, settings) -> list:
    """Articles in the order of the day they report (newest first unless
    NEWS_DIGEST_NEWEST_FIRST is off), undated ones last; within a day in
    the order given."""
    dated = sorted(  # stable, reversed too: a day keeps the order given
        (a for a in articles if a.reported_day),
        key=attrgetter("reported_day"),
        reverse=setting(settings, "NEWS_DIGEST_NEWEST_FIRST"),
    )
    return dated + [a for a in articles if not a.reported_day]


def forget_unknown_trips(articles, trips) -> None:
    """A sidecar's `trip` that names no trip of the catalog (or any, with
    no catalog) is one warning, and the article is placed as if it had
    none."""
    known = {t.id for t in trips} | {str(t.number) for t in trips if t.number}
    for article in articles:
        wanted = article.news.meta.trip_override
        if wanted is None or wanted in known:
            continue
        where = "the trip catalog has no such trip" if trips else "there is no trip catalog"
        logger.warning(
            "%s: its sidecar's trip %r is ignored: %s", article.source_path, wanted, where
        )
        meta = replace(article.news.meta, trip_override=None)
        article.news = replace(article.news, meta=meta)


def speak_site_language(generator, ours) -> dict:
    """Choose the language the site speaks (SITE_LANG, else most articles'
    language) and give the theme its words (`UI`, `UI_LANG`); a site with
    no name of its own is named after its folder, in that language."""
    settings, context = generator.settings, generator.context
    override = settings.get("SITE_LANG")
    default = settings.get("DEFAULT_LANG") or ui.DEFAULT_LANG
    # the articles' main language: the search index's, and the site's
    # unless SITE_LANG says otherwise
    context["CONTENT_LANG"] = main = ui.main_language((a.lang for a in ours), default)
    lang = ui.site_language(main, override, default)
    if override and override != lang:
        logger.warning(
            "SITE_LANG %r has no table in data/ui.toml (it has %s); the site speaks %s",
            override, ", ".join(ui.languages()), lang,
        )  # fmt: skip
    words = ui.table(lang)
    context["UI"], context["UI_LANG"] = words, lang
    if not context.get("SITENAME"):
        folder = os.path.basename(os.path.normpath(input_folders(settings)[0]))
        context["SITENAME"] = words["site_name"].format(folder=folder)
    return words


def note_list_pages(generator) -> None:
    """The outlets and authors that have a page (those with dated
    articles): an article links to its outlet and author only then."""
    generator.context["outlet_slugs"] = frozenset(c.slug for c, _ in generator.categories)
    generator.context["author_slugs"] = frozenset(a.slug for a, _ in generator.authors)


def keep_pages_in_site_language(generator) -> None:
    """Pages that declare another language than the site's (the about page
    comes in each) are left out; pages that declare none are kept."""
    lang = generator.context.get("UI_LANG")
    if not lang:
        return
    for name in ("pages", "hidden_pages", "draft_pages"):
        kept = [p for p in getattr(generator, name) if p.metadata.get("lang", lang) == lang]
        getattr(generator, name)[:] = kept


def apply_folder_passes(articles) -> None:
    """Move the folder's learned furniture (recurring.py) out of each
    article's text, and take back the splits of the folder's own words
    (glued.py): the per-file results stay cached as they were, and only
    the articles that change get a new body."""
    records = [a.news for a in articles]
    keys = [recurring.line_keys(record) for record in records]
    learned = recurring.learn(records, keys)
    words = glued.folder_words(records)
    for article, article_keys in zip(articles, keys, strict=True):
        cleaned = recurring.apply(article.news, learned, article_keys)
        cleaned = glued.keep_folder_words(cleaned, words)
        if cleaned is article.news:
            continue
        article.news = cleaned
        body = render.body_html(cleaned)
        article._content = body
        article._summary = article.metadata["summary"] = body.split("\n", 1)[0]
        article.title = article.metadata["title"] = cleaned.meta.title.value or article.title


def _unique_slugs(articles) -> None:
    """Two articles never share a page: of the articles whose titles give
    one slug, the first by identifier keeps it and each other gets its
    identifier appended (`cafe`, `CAFE` and `café` slugify alike, so then a
    hash of the identifier). Which URL an article gets depends on the
    identifiers alone, never on the order files arrive in. The URLs are
    final from here on."""
    seen: set[str] = set()
    for article in sorted(articles, key=lambda a: a.news.identifier):
        slug = next(s for s in _slug_candidates(article) if s not in seen)
        seen.add(slug)
        article.slug = slug
        # Final now: Pelican's override_url spares it re-deriving the URL
        # from the settings on every template access (~10 per page). (An
        # override_save_as would also change how Pelican's writer treats a
        # second write to the same file, so save_as is left alone.)
        article.override_url = article.url


def _slug_candidates(article):
    """The slugs an article may take, in order of preference."""
    base = article.metadata["slug"]
    identifier = article.news.identifier
    yield base
    yield f"{base}-{safe_slug(identifier, {})}"
    hashed = hashlib.sha256(identifier.encode("utf-8", "surrogatepass")).hexdigest()
    for length in range(8, len(hashed) + 1, 8):
        yield f"{base}-{hashed[:length]}"


@dataclass
class EntityPage:
    """A person's, place's or organisation's page: its quotes (people) in
    date order and the articles that name it, newest first."""

    entity: digest.Entity
    url: str
    save_as: str
    quotes: list = field(default_factory=list)
    articles: list = field(default_factory=list)


def entity_pages(entities, quotes_by_speaker, articles_by_identifier, settings) -> list[EntityPage]:
    """One page per entity. Two names that slugify alike ("Gaza", "GAZA")
    get a suffix from the name itself, never from the order they come in."""
    slugs = Counter(safe_slug(e.name, settings, empty="nama") for e in entities)
    pages = []
    for entity in entities:
        slug = safe_slug(entity.name, settings, empty="nama")
        if slugs[slug] > 1:
            slug = f"{slug}-{hashlib.sha1(entity.name.encode()).hexdigest()[:6]}"
        members = [
            articles_by_identifier[i] for i in entity.articles if i in articles_by_identifier
        ]
        quotes = [
            q for q in quotes_by_speaker.get(entity.name, ()) if q.article in articles_by_identifier
        ]
        dated = lambda a: (a.status != "published", a.date, a.news.identifier)  # noqa: E731
        pages.append(
            EntityPage(
                entity=entity,
                url=setting(settings, "NEWS_DIGEST_ENTITY_URL").format(slug=slug),
                save_as=setting(settings, "NEWS_DIGEST_ENTITY_SAVE_AS").format(slug=slug),
                quotes=sorted(quotes, key=lambda q: dated(articles_by_identifier[q.article])),
                articles=sorted(members, key=dated, reverse=True),
            )
        )
    return pages


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
    fallback = Topic(title=generator.context["SITENAME"])
    if not path:
        return fallback
    if not os.path.isfile(os.path.join(generator.path, path)):
        logger.warning("topic page %s does not exist; using the site name", path)
        return fallback
    page = generator.readers.read_file(base_path=generator.path, path=path, content_class=Page)
    return Topic(title=page.metadata.get("title", fallback.title), intro_html=page.content)


class DigestGenerator(Generator):
    """The topic digest, the event pages and index, the search page, the
    JSON files, robots.txt and the sitemap."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.written: list[tuple[str, object]] = []
        signals.content_written.connect(self._record)

    def _record(self, path, context):
        """Every page this build writes goes in the sitemap."""
        self.written.append((path, context.get("article") or context.get("event_page")))

    # ---- preparing ----------------------------------------------------------------------

    def generate_context(self):
        ours = self.context.get("news_articles", [])
        self.grouping = self.context.get("news_grouping")
        self.records = [a.news for a in ours]
        self.event_pages = self.context.get("event_pages", [])
        self._digest = self._start_digest()
        self.urls = {a.news.identifier: self._absolute(a.url) for a in ours}
        self.event_urls = {page.event.id: self._absolute(page.url) for page in self.event_pages}
        self.search_language = self.context.get("CONTENT_LANG", ui.DEFAULT_LANG)
        self.search_bundles = search_index.plan(
            [a.save_as for a in ours if a.save_as],
            setting(self.settings, "NEWS_DIGEST_SEARCH_SHARD_PAGES"),
        )
        stories = self._stories()
        # a catalog's timeline shows every trip, those with no coverage too
        catalog = any(page.event.from_catalog for page in self.event_pages)
        timeline = self.event_pages if catalog else stories
        search = setting(self.settings, "NEWS_DIGEST_SEARCH")
        self.context.update(
            {
                "search_url": setting(self.settings, "NEWS_DIGEST_SEARCH_URL") if search else None,
                "search_lang": self.search_language,
                # the search bundles, the first loaded and the others merged into it
                "search_bundles": list(self.search_bundles),
                "events_url": setting(self.settings, "NEWS_DIGEST_EVENTS_URL"),
                "topic": load_topic(self),
                "story_pages": stories,
                "timeline_pages": timeline,
                # the per-article marks and their legend: a catalog's timeline only
                "timeline_legend": catalog,
                "timeline_svg": (
                    render.timeline_svg(
                        self.context["UI"],
                        [(page.event, len(page.articles)) for page in timeline],
                        [a.date_finding for page in timeline for a in page.articles],
                    )
                    if catalog
                    else self._stories_timeline(stories, ours)
                ),
                "articles_by_identifier": {a.news.identifier: a for a in ours},
            }
        )

    def _stories_timeline(self, stories: list[EventPage], ours) -> str:
        """The automatic stories' timeline: a row per front-page story with
        its articles per day, over the days the folder's articles report."""
        rows = []
        for page in stories:
            by_day = Counter(a.reported_day for a in page.articles if a.reported_day)
            if by_day and len(rows) < render.TIMELINE_ROWS:  # an undated story has no row
                rows.append((page.event, f"#{page.event.id}", dict(by_day)))
        days = [a.reported_day for a in ours if a.reported_day]
        more = len(self.event_pages) - len(rows)
        return render.stories_timeline_svg(self.context["UI"], rows, days, more)

    def _start_digest(self):
        """The digest is only read by the pages this generator writes, so on
        a big corpus it is worked out on the second core while Pelican
        renders the article pages; `generate_output` collects it."""
        records, grouping, cache = self.records, self.grouping, self.settings["CACHE_PATH"]
        if not grouping:
            return lambda: digest.Digest(events=(), entities=(), sources=())
        if len(records) >= PARALLEL_MIN_FILES and can_fork_workers(self.settings):
            return _in_background(_build_digest, records, grouping, cache)
        return lambda: _build_digest(records, grouping, cache)

    def _stories(self) -> list[EventPage]:
        """The front page's stories: a catalog's trips in their order (the
        most important MAX_STORIES when there are more), else the top
        automatic events, most important first."""
        if not self.grouping:
            return []
        pages = {page.event.id: page for page in self.event_pages}
        top = digest.top_stories(self.grouping, self.records)
        if any(page.event.from_catalog for page in self.event_pages):
            chosen = set(top)
            return self._in_reading_order([p for p in self.event_pages if p.event.id in chosen])
        return [pages[event_id] for event_id in top]

    def _in_reading_order(self, event_pages: list[EventPage]) -> list[EventPage]:
        """Date-ordered event pages, newest first unless the settings say
        otherwise (NEWS_DIGEST_NEWEST_FIRST)."""
        newest_first = setting(self.settings, "NEWS_DIGEST_NEWEST_FIRST")
        return list(reversed(event_pages)) if newest_first else list(event_pages)

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
        self.entity_pages = entity_pages(
            self.digest.entities,
            self.digest.quotes_by_speaker,
            self.context["articles_by_identifier"],
            self.settings,
        )
        self.context["entity_urls"] = {page.entity.name: page.url for page in self.entity_pages}
        self.context["entities_url"] = setting(self.settings, "NEWS_DIGEST_ENTITIES_URL")

    def _absolute(self, url: str) -> str:
        siteurl = self.settings.get("SITEURL", "")
        return f"{siteurl}/{url}" if siteurl and not self.settings["RELATIVE_URLS"] else url

    # ---- writing ------------------------------------------------------------------------

    def generate_output(self, writer):
        # The article pages are written by now: Pagefind indexes them on
        # the second core while this generator writes its own pages.
        searching = None
        if self.context["search_url"]:
            searching = search_index.start(
                self.output_path,
                self.settings,
                self.search_language,
                self.search_bundles,
            )
        self._collect_digest()
        self._write_pages(writer)
        signals.content_written.disconnect(self._record)
        if self.grouping is not None:
            self._write_json()
        site = self._site_address()
        site_files.write_robots(self.output_path, site)
        if site:
            site_files.write_sitemap(self.output_path, site, self._sitemap_entries())
        if searching is not None:
            with timing.waiting():
                searching.join()

    def _write_pages(self, writer):
        self._write_page(
            writer,
            self.settings.get("INDEX_SAVE_AS", "index.html"),
            "index",
            self.settings.get("INDEX_URL", ""),
            template_name="index",
            page_name="index",
        )
        feed = setting(self.settings, "NEWS_DIGEST_EVENT_FEED_ATOM")
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
        for page in self.entity_pages:
            self._write_page(writer, page.save_as, "entity", page.url, entity_page=page)
        self._write_page(
            writer,
            setting(self.settings, "NEWS_DIGEST_ENTITIES_SAVE_AS"),
            "entities",
            setting(self.settings, "NEWS_DIGEST_ENTITIES_URL"),
        )
        self._write_page(
            writer,
            setting(self.settings, "NEWS_DIGEST_EVENTS_SAVE_AS"),
            "events",
            setting(self.settings, "NEWS_DIGEST_EVENTS_URL"),
            paginated={"event_pages": self._in_reading_order(self.event_pages)},
            template_name="events",
        )
        if self.context["others"]:
            self._write_page(
                writer,
                setting(self.settings, "NEWS_DIGEST_OTHERS_SAVE_AS"),
                "others",
                setting(self.settings, "NEWS_DIGEST_OTHERS_URL"),
                paginated={"others": self.context["others"]},
                template_name="others",
            )
        if self.context["search_url"]:
            self._write_page(
                writer,
                setting(self.settings, "NEWS_DIGEST_SEARCH_SAVE_AS"),
                "search",
                self.context["search_url"],
            )
        self._write_not_found(writer)

    def _write_not_found(self, writer):
        """404.html, which GitHub Pages serves at any missing address, at any
        depth: its links cannot be relative to where it is saved, so it is
        written with absolute ones, and only for a site that has an address
        (a published build; a local preview has no use for it)."""
        if not self._site_address():
            return
        writer.write_file(
            "404.html",
            self.get_template("404"),
            self.context,
            relative_urls=False,
            url="404.html",
        )

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

    def _sitemap_entries(self):
        """Every page written (but the search and not-found pages), with the date of the
        article (or the newest of a trip's articles) as its last change."""
        search = setting(self.settings, "NEWS_DIGEST_SEARCH_SAVE_AS")
        for path, page in self.written:
            relative = os.path.relpath(path, self.output_path).replace(os.sep, "/")
            if relative not in {search, "404.html"}:
                yield relative, _last_change(page)

    def _write_json(self):
        """digest.json (the summary) and one JSON per event, linked from it."""
        event_json = setting(self.settings, "NEWS_DIGEST_EVENT_JSON_SAVE_AS")
        json_paths = {
            page.event.id: event_json.format(id=page.event.id) for page in self.event_pages
        }
        by_id = {a.identifier: a for a in self.records}
        summaries = {e.event_id: e for e in self.digest.events}
        for event in self.grouping.events:
            document = digest.event_document(
                event,
                summaries.get(event.id),
                self.grouping,
                by_id,
                self.urls,
                self.event_urls.get(event.id),
            )
            site_files.write_json(self.output_path, json_paths[event.id], document)
        summary = digest.summary_document(
            self.digest,
            self.grouping,
            self.records,
            self.urls,
            self.event_urls,
            {event_id: self._absolute(path) for event_id, path in json_paths.items()},
            [page.event.id for page in self.context["story_pages"]],
        )
        json_path = setting(self.settings, "NEWS_DIGEST_JSON_SAVE_AS")
        site_files.write_json(self.output_path, json_path, summary)


def _last_change(page):
    """The date a page last changed: its article's, or its trip's newest."""
    if isinstance(page, EventPage):
        dated = [a.date for a in page.articles if a.status == "published"]
        return max(dated).date() if dated else None
    if page is not None and getattr(page, "status", "") == "published":
        return page.date.date()
    return None


def get_generators(pelican):
    # each build (and each devserver rebuild) starts here, before Pelican
    # reads its cache: one build at a time per cache folder, an output
    # folder that can be written to, no file a killed build left
    build_lock.hold(pelican.settings["NEWS_DIGEST_CACHE_ROOT"])
    outputs.begin(pelican.output_path)
    outputs.remove_partials(pelican.settings["CACHE_PATH"])
    return DigestGenerator


def get_writer(pelican):
    return outputs.SparingWriter


def note_static_files(generator) -> None:
    outputs.copied_static_files(generator.settings, generator.output_path, generator.staticfiles)


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
    _refuse_missing_input(settings)
    # the build sweeps the output folder (outputs.sweep) or Pelican empties it
    _refuse_unsafe_output(settings)
    reader_settings = repr([settings.get(k) for k in (*sorted(DEFAULTS), "DEFAULT_LANG")])
    version = hashlib.sha256((code_fingerprint() + reader_settings).encode()).hexdigest()[:16]
    # the folder the user named holds the build lock (build_lock.py)
    settings["NEWS_DIGEST_CACHE_ROOT"] = settings["CACHE_PATH"]
    settings["CACHE_PATH"] = os.path.join(settings["CACHE_PATH"], f"news-digest-{version}")
    # The front page is the digest: DigestGenerator writes it when the
    # digest is ready, after Pelican's own lists.
    settings["DIRECT_TEMPLATES"] = [t for t in settings["DIRECT_TEMPLATES"] if t != "index"]
    # The events index is paginated by Pelican's paginator, like its lists.
    paginated = dict(settings.get("PAGINATED_TEMPLATES", {}))
    paginated.setdefault("events", setting(settings, "NEWS_DIGEST_EVENTS_PER_PAGE"))
    paginated.setdefault("others", setting(settings, "NEWS_DIGEST_OTHERS_PER_PAGE"))
    settings["PAGINATED_TEMPLATES"] = paginated
    environment = dict(settings.get("JINJA_ENVIRONMENT", {}))
    environment["autoescape"] = True
    settings["JINJA_ENVIRONMENT"] = environment
    settings.setdefault("JINJA_FILTERS", {}).update(SITE_FILTERS)
    settings.setdefault("JINJA_GLOBALS", {}).update(
        {"json_ld": render.json_ld, **render.FRONT_PAGE}
    )


# ---- the theme's filters ------------------------------------------------------------------

#: Jinja's mark on a filter that wants the template context (what
#: `jinja2.pass_context` sets), for a filter that is an object.
_PASS_CONTEXT = jinja2.pass_context(lambda context: None).jinja_pass_arg


class _SiteFilter:
    """A render formatter whose first argument is the site's UI table, as a
    Jinja filter: it finds the table (`UI`, chosen in `speak_site_language`)
    in the page's context. An object of a module-level class, because
    Pelican's cache pickles the settings that hold the filters."""

    jinja_pass_arg = _PASS_CONTEXT

    def __init__(self, formatter):
        self.formatter = formatter

    def __call__(self, context, *args):
        return self.formatter(context.get("UI") or ui.table(None), *args)


SITE_FILTERS = {
    "day": _SiteFilter(render.format_day),
    "date_range": _SiteFilter(render.format_range),
    "date_finding": _SiteFilter(render.format_finding),
    "month_name": _SiteFilter(render.month_name),
    "removal_reason": _SiteFilter(render.removal_reason),
    "evidence": _SiteFilter(render.evidence_text),
    "counted": _SiteFilter(ui.counted),
    "shown_name": _SiteFilter(ui.shown_name),
    "reading_minutes": render.reading_minutes,
    "filter_label": render.filter_label,
    "original_site": render.original_site,
    "groupby_day": render.day_runs,
}


def _refuse_missing_input(settings) -> None:
    """An input that does not exist, or holds no `.txt` article and no
    export, is a mistake (a typo in SEEDS, a folder not unpacked): stop with
    a message naming it rather than build an empty site. SEEDS may also be
    one file: a text article or an export."""
    readable = (is_article_name, exports.is_export_name)
    for folder in input_folders(settings):
        if os.path.isfile(folder) and any(ok(folder) for ok in readable):
            continue
        if not os.path.isdir(folder):
            raise SystemExit(f"news_digest: the input folder {folder} does not exist (SEEDS).")
        names = (name for _, _, names in os.walk(folder) for name in names)
        if not any(ok(name) for name in names for ok in readable):
            raise SystemExit(
                f"news_digest: the input folder {folder} holds no .txt articles and no "
                "exports (.csv .tsv .xlsx .json .jsonl) (SEEDS)."
            )


def _refuse_unsafe_output(settings) -> None:
    """The build sweeps from the output folder every file it did not write
    (outputs.sweep), so that it holds exactly this build (and Pelican
    empties it when DELETE_OUTPUT_DIRECTORY is set); stop with a message,
    before anything is deleted, when that folder is one that must never be
    emptied."""
    content = settings["PATH"]
    inputs = [os.path.join(content, path) for path in settings.get("ARTICLE_PATHS", [])]
    why = site_files.unsafe_output(settings["OUTPUT_PATH"], [content, *inputs])
    if why:
        raise SystemExit(
            f"news_digest: refusing to empty the output folder {settings['OUTPUT_PATH']}: "
            f"{why}. Choose another OUTPUTDIR."
        )


def start_clock(pelican):
    timing.reset()
    if setting(pelican.settings, "NEWS_DIGEST_STRICT"):
        _WARNINGS.count = 0
        root = logging.getLogger()
        if _WARNINGS not in root.handlers:
            root.addHandler(_WARNINGS)
        # a quiet build (`PELICANOPTS=-q` sets the level to CRITICAL) must
        # still see, count and print the warnings STRICT fails on
        if root.getEffectiveLevel() > logging.WARNING:
            root.setLevel(logging.WARNING)


def stop_clock(pelican):
    outputs.check_copies(pelican.output_path)
    folded = timing.counted("export_repeats_folded")
    if folded:  # the build's summary, beside Pelican's "Done" line
        console.print(
            f"news_digest: {folded} export record(s) repeated another of their address "
            "word for word; each was read once"
        )
    outputs.sweep(pelican.output_path, pelican.settings.get("OUTPUT_RETENTION", ()))
    build_lock.release()
    timing.write_report()
    if setting(pelican.settings, "NEWS_DIGEST_STRICT") and _WARNINGS.count:
        raise SystemExit(
            f"news_digest: STRICT=1 and the build gave {_WARNINGS.count} warning(s), "
            "each printed above; failing."
        )


class _WarningCounter(logging.Handler):
    """Counts the build's warnings for STRICT=1, which lets every warning
    be printed and then fails the build with one line (Pelican's own
    `--fatal warnings` stops at the first, with a traceback)."""

    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


_WARNINGS = _WarningCounter()


def register():
    content_cache.install()
    devserver.install()
    signals.initialized.connect(start_clock)
    signals.finalized.connect(stop_clock)
    signals.initialized.connect(configure)
    signals.readers_init.connect(add_reader)
    signals.generator_init.connect(forget_replaced_readers)
    signals.article_generator_init.connect(guard_input_folder)
    # after the guard, whose stamps it keeps (receivers run in this order)
    signals.article_generator_init.connect(content_cache.stamp_before_reading)
    signals.page_generator_init.connect(content_cache.stamp_before_reading)
    signals.article_generator_preread.connect(prefetch_articles)
    signals.article_generator_context.connect(report_problems)
    signals.article_generator_pretaxonomy.connect(place_articles)
    signals.page_generator_finalized.connect(keep_pages_in_site_language)
    signals.article_generator_finalized.connect(note_list_pages)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
    signals.static_generator_finalized.connect(note_static_files)
