"""The pages the digest generator writes besides the articles: a page per
story (event or trip) and per name (person, place, organisation), which
of them the front page shows, and in what order."""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from . import digest, render
from .model import Event, Section
from .options import setting
from .reader import safe_slug


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


@dataclass
class EntityPage:
    """A person's, place's or organisation's page: its quotes (people) in
    date order and the articles that name it, newest first."""

    entity: digest.Entity
    url: str
    save_as: str
    quotes: list = field(default_factory=list)
    articles: list = field(default_factory=list)


@dataclass(frozen=True)
class StoryLink:
    """A story as the pages of its thread's other stories show it."""

    id: str
    name: str
    url: str
    start: date | None
    end: date | None


def story_lookups(page: EventPage, context) -> dict:
    """What a story's page looks up in the site's tables, given to it alone
    (its articles, which its key points and quotes cite; its thread's
    stories, by what it shows of them), so that its page changes with
    those only (page_memo.py): a story's page would otherwise change with
    every digest of its thread, and keying it would cost the square of the
    thread's stories. A look-up it is not given stops the build (the
    template reads an attribute of nothing)."""
    threads, thread = context["threads"], page.event.thread
    shown = {}
    if thread in threads:
        whole, pages = threads[thread]
        links = [StoryLink(p.event.id, p.name, p.url, p.event.start, p.event.end) for p in pages]
        shown[thread] = (whole, links)
    return {
        "articles_by_identifier": {a.news.identifier: a for a in page.articles},
        "threads": shown,
    }


def name_lookups(page: EntityPage, context) -> dict:
    """What a name's page looks up in the site's tables: the articles of
    its quotes (as `story_lookups`)."""
    by_identifier = context["articles_by_identifier"]
    return {"articles_by_identifier": {q.article: by_identifier[q.article] for q in page.quotes}}


def note_list_pages(generator) -> None:
    """The outlets and authors that have a page of Pelican's (those with
    dated articles): an article links to its outlet and author only then."""
    generator.context["outlet_slugs"] = frozenset(c.slug for c, _ in generator.categories)
    generator.context["author_slugs"] = frozenset(a.slug for a, _ in generator.authors)


#: A name gets a page of its own only when it has something to show beyond
#: one article: this many articles naming it, or a quote of it. A name of
#: one article and no quote links to that article instead (at 3,682
#: articles, most names are of one article: a page each would repeat it).
MIN_NAME_ARTICLES = 2


def entity_pages(entities, quotes_by_speaker, articles_by_identifier, settings) -> list[EntityPage]:
    """A page per name that has something to show (MIN_NAME_ARTICLES or a
    quote). Two names that slugify alike ("Gaza", "GAZA") get a suffix
    from the name itself, never from the order they come in nor from which
    names have a page."""
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
        if len(members) < MIN_NAME_ARTICLES and not quotes:
            continue
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


def in_reading_order(event_pages: list[EventPage], settings) -> list[EventPage]:
    """Date-ordered event pages, newest first unless the settings say
    otherwise (NEWS_DIGEST_NEWEST_FIRST)."""
    newest_first = setting(settings, "NEWS_DIGEST_NEWEST_FIRST")
    return list(reversed(event_pages)) if newest_first else list(event_pages)


def front_page_stories(grouping, records, event_pages, settings) -> list[EventPage]:
    """The front page's stories: a catalog's trips in their order (the
    most important MAX_STORIES when there are more), else the top
    automatic events, most important first."""
    if not grouping:
        return []
    pages = {page.event.id: page for page in event_pages}
    top = digest.top_stories(grouping, records)
    if any(page.event.from_catalog for page in event_pages):
        chosen = set(top)
        return in_reading_order([p for p in event_pages if p.event.id in chosen], settings)
    return [pages[event_id] for event_id in top]


def timeline_svg(words, event_pages, stories, articles) -> str:
    """The front page's timeline: a catalog's shows every trip (those with
    no coverage too) and its articles' marks; without a catalog, a row per
    front-page story with its articles per day, over the days the folder's
    articles report."""
    if any(page.event.from_catalog for page in event_pages):
        return render.timeline_svg(
            words,
            [(page.event, len(page.articles)) for page in event_pages],
            [a.date_finding for page in event_pages for a in page.articles],
        )
    rows = []
    for page in stories:
        by_day = Counter(a.reported_day for a in page.articles if a.reported_day)
        if by_day:  # an undated story has no row
            rows.append((page.event, f"#{page.event.id}", dict(by_day)))
    days = [a.reported_day for a in articles if a.reported_day]
    more = len(event_pages) - len(rows)
    return render.stories_timeline_svg(words, rows, days, more)


def last_change(page):
    """The date a page last changed: its article's, or its trip's newest."""
    if isinstance(page, EventPage):
        dated = [a.date for a in page.articles if a.status == "published"]
        return max(dated).date() if dated else None
    if page is not None and getattr(page, "status", "") == "published":
        return page.date.date()
    return None


def attach_digests(event_pages: list[EventPage], the_digest) -> None:
    """Each story page gets its part of the digest (its key points and
    coverage), once the digest is ready."""
    event_digests = {e.event_id: e for e in the_digest.events}
    for page in event_pages:
        page.digest = event_digests.get(page.event.id)


def entities_by_kind(the_digest) -> dict[str, list]:
    """The digest's names by kind, for the names index."""
    return {
        kind: [e for e in the_digest.entities if e.kind == kind]
        for kind in ("person", "place", "organization")
    }


def front_page_context(grouping, records, event_pages, articles, words, settings) -> dict:
    """What the front page shows: its stories and their timeline."""
    stories = front_page_stories(grouping, records, event_pages, settings)
    # a catalog's timeline shows every trip, those with no coverage too
    catalog = any(page.event.from_catalog for page in event_pages)
    return {
        "events_url": setting(settings, "NEWS_DIGEST_EVENTS_URL"),
        "story_pages": stories,
        "timeline_pages": event_pages if catalog else stories,
        # the per-article marks and their legend: a catalog's timeline only
        "timeline_legend": catalog,
        "timeline_svg": timeline_svg(words, event_pages, stories, articles),
        "articles_by_identifier": {a.news.identifier: a for a in articles},
    }


def digest_context(the_digest, event_pages, articles_by_identifier, settings):
    """The digest into the pages that show it: each story page gets its
    part, and the names get their pages. Returns the name pages and what
    the templates read of them."""
    attach_digests(event_pages, the_digest)
    names = entity_pages(
        the_digest.entities, the_digest.quotes_by_speaker, articles_by_identifier, settings
    )
    return names, {
        "digest": the_digest,
        "entities_by_kind": entities_by_kind(the_digest),
        "entity_urls": entity_urls(the_digest.entities, names, articles_by_identifier),
        "entities_url": setting(settings, "NEWS_DIGEST_ENTITIES_URL"),
    }


def sitemap_entries(written, output_path: str, settings):
    """Every page written (but the search and not-found pages), as its
    path in the site and its last change."""
    left_out = {setting(settings, "NEWS_DIGEST_SEARCH_SAVE_AS"), "404.html"}
    for path, page in written:
        relative = os.path.relpath(path, output_path).replace(os.sep, "/")
        if relative not in left_out:
            yield relative, last_change(page)


def entity_urls(entities, names: list[EntityPage], articles_by_identifier) -> dict[str, str]:
    """Where a name links to: its page, or, for a name with none, its one
    article (a name whose article has no page links nowhere)."""
    urls = {}
    for entity in entities:
        shown = [articles_by_identifier[i] for i in entity.articles if i in articles_by_identifier]
        if shown:
            urls[entity.name] = shown[0].url
    urls.update((page.entity.name, page.url) for page in names)
    return urls
