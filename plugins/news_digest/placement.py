"""Where each article goes: after the group stage, each Pelican article of
ours gets its story (event or trip) page, its neighbours in the story, its
final date (undated ones are hidden) and the day it reports; the
articles alone in their story are listed by day. The folder-wide passes
(recurring furniture, glued words) run here too, before grouping, since
they need every article at once."""

from __future__ import annotations

import itertools
import logging
from dataclasses import replace
from datetime import date
from operator import attrgetter

from pelican.utils import order_content

from . import glued, group, names, recurring, render
from .model import Article
from .options import setting
from .pages import EventPage
from .reader import NO_PUBLISHER, UNDATED, as_datetime, category_for

logger = logging.getLogger(__name__)


def ours(*article_lists) -> list:
    """The Pelican articles that hold a raw article of ours (a `news`
    record), by identifier: Pelican collects its files in a set, whose
    order changes from run to run, and what is built from this list (the
    templates' table of articles by identifier, say) must not."""
    return sorted(
        (
            a
            for articles in article_lists
            for a in articles
            if isinstance(getattr(a, "news", None), Article)
        ),
        key=lambda a: a.news.identifier,
    )


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


def place(articles, grouping, words, settings) -> dict[str, EventPage]:
    """Give each article its place in the grouping and return the story
    pages by event id, each with its articles in order and its sections."""
    pages = {
        event.id: EventPage(
            event=event,
            url=setting(settings, "NEWS_DIGEST_EVENT_URL").format(id=event.id),
            save_as=setting(settings, "NEWS_DIGEST_EVENT_SAVE_AS").format(id=event.id),
        )
        for event in grouping.events
    }
    for article in articles:
        _settle(article, grouping.placements[article.news.identifier], pages, words, settings)
    by_identifier = {a.news.identifier: a for a in articles}
    happened = {a.news.identifier: a.news.meta.happened for a in articles}
    for event_id, identifiers in grouping.articles_by_event.items():
        members = [by_identifier[i] for i in identifiers]
        pages[event_id].articles = members
        pages[event_id].sections = group.sections(pages[event_id].event, grouping, happened)
        for before, after in itertools.pairwise(members):
            before.next_in_event, after.prev_in_event = after, before
    return pages


def _settle(article, placement, pages, words, settings) -> None:
    """One article's story page, final date, the day it reports, the other
    spellings the search finds it by, and its outlet when it names none."""
    article.date_finding = placement.date
    article.placement_evidence = placement.evidence
    article.event_page = pages.get(placement.event_id)
    article.reported_day = reported_day(article)
    article.prev_in_event = article.next_in_event = None
    dated = as_datetime(placement.date)
    article.status = "published" if dated else "hidden"
    article.date = (dated or UNDATED).replace(tzinfo=article.date.tzinfo)
    article.locale_date = render.format_finding(words, placement.date)
    article.search_spellings = names.search_spellings(article.news)
    if article.category.name == NO_PUBLISHER:
        article.category = category_for(words["unknown_source"], settings)


def list_in_order(generator, ours) -> None:
    """Pelican's lists of articles, dated ones published and undated ones
    hidden. Pelican collects the files in a set, whose order changes from
    run to run; in path order first, articles of one date are listed the
    same way in every build."""
    order, path = generator.settings["ARTICLE_ORDER_BY"], attrgetter("source_path")
    mine = {id(a) for a in ours}
    for name, status in (("articles", "published"), ("hidden_articles", "hidden")):
        others = [a for a in getattr(generator, name) if id(a) not in mine]
        listed = others + [a for a in ours if a.status == status]
        setattr(generator, name, order_content(sorted(listed, key=path), order))


def context(articles, grouping, pages, has_catalog: bool, settings) -> dict:
    """What the templates and the digest generator read of the placement."""
    unplaced = sorted((a for a in articles if a.event_page is None), key=attrgetter("identifier"))
    return {
        "news_articles": articles,
        "news_grouping": grouping,
        "event_pages": [pages[e.id] for e in grouping.events],
        "unplaced_articles": unplaced,
        # without a catalog, the same articles by the day they report, for
        # their paginated list (render.day_runs puts each day under its heading)
        "others": [] if has_catalog else by_day(unplaced, settings),
        # whether an article alone links to that list: all an article page
        # asks of it (a page that named the list would change with it)
        "has_others": bool(unplaced) and not has_catalog,
        "others_url": setting(settings, "NEWS_DIGEST_OTHERS_URL"),
        "threads": {
            thread.id: (thread, [pages[e] for e in thread.stories]) for thread in grouping.threads
        },
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
