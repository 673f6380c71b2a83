"""The plugin's settings, their defaults, and when to use worker processes."""

from __future__ import annotations

import multiprocessing
import os

from .forks import ONE_CORE, Cores
from .read import MAX_BYTES

DEFAULTS = {
    "NEWS_DIGEST_MAX_BYTES": MAX_BYTES,
    "NEWS_DIGEST_CATALOG": None,
    "NEWS_DIGEST_TOPIC": None,
    "NEWS_DIGEST_JSON_SAVE_AS": "digest.json",
    #: each event's own JSON, linked from digest.json
    "NEWS_DIGEST_EVENT_JSON_SAVE_AS": "perjalanan/{id}/digest.json",
    "NEWS_DIGEST_EVENT_FEED_ATOM": None,
    "NEWS_DIGEST_SEARCH": True,
    "NEWS_DIGEST_SEARCH_URL": "cari/",
    "NEWS_DIGEST_SEARCH_SAVE_AS": "cari/index.html",
    #: article pages per search shard at most (search_index.py): bounds the
    #: memory of indexing (Pagefind needs about 170 KB a page) whatever the
    #: folder's size; larger shards make the browser fetch fewer files
    "NEWS_DIGEST_SEARCH_SHARD_PAGES": 1000,
    "NEWS_DIGEST_EVENT_URL": "perjalanan/{id}/",
    "NEWS_DIGEST_EVENT_SAVE_AS": "perjalanan/{id}/index.html",
    "NEWS_DIGEST_EVENTS_URL": "perjalanan/",
    "NEWS_DIGEST_EVENTS_SAVE_AS": "perjalanan/index.html",
    #: a page per person, place and organisation, and their index
    "NEWS_DIGEST_ENTITY_URL": "nama/{slug}/",
    "NEWS_DIGEST_ENTITY_SAVE_AS": "nama/{slug}/index.html",
    "NEWS_DIGEST_ENTITIES_URL": "nama/",
    "NEWS_DIGEST_ENTITIES_SAVE_AS": "nama/index.html",
    #: events per page of the events index (Pelican's paginator)
    "NEWS_DIGEST_EVENTS_PER_PAGE": 100,
    #: without a catalog, the articles alone in their story, by day, on
    #: pages of their own (a folder of thousands has hundreds of them)
    "NEWS_DIGEST_OTHERS_URL": "lain/",
    "NEWS_DIGEST_OTHERS_SAVE_AS": "lain/index.html",
    "NEWS_DIGEST_OTHERS_PER_PAGE": 200,
    #: newest first on the front page's trips and in the events index, as in
    #: the archives (False: oldest first, in the order a trip was travelled)
    "NEWS_DIGEST_NEWEST_FIRST": True,
    #: symbolic links in the input folder are not followed; True follows
    #: those that stay inside it (a link out of it is never followed)
    "NEWS_DIGEST_FOLLOW_LINKS": False,
    #: the columns of an export whose names data/fields.toml does not know:
    #: {"title": "Headline_Text", "body": "Story", ...} (exports.FIELDS)
    "NEWS_DIGEST_FIELDS": {},
    "NEWS_DIGEST_SLUG_LENGTH": 80,
    #: where our CSS, script and icon go in the output of a site whose theme
    #: is another, beside that theme's own (own_theme.py); with our theme,
    #: its THEME_STATIC_DIR
    "NEWS_DIGEST_STATIC_DIR": "news_digest",
    #: the language the site speaks (a table of data/ui.toml); None: the
    #: language most of its articles are in
    "SITE_LANG": None,
    "NEWS_DIGEST_WORKERS": os.cpu_count() or 1,
    #: STRICT=1: every warning is printed, then the build fails with one line
    "NEWS_DIGEST_STRICT": False,
}

#: Below this many files to read (or articles to digest), starting worker
#: processes costs more than it saves.
PARALLEL_MIN_FILES = 64
#: Below this many articles, the grouping's comparisons stay in the
#: build's process: its four short forks cost about what the second core
#: saves at 300 articles (1,000: 0.22 → 0.15 s; 10,000: 3.8 → 2.0 s).
SPREAD_MIN_ARTICLES = 500


def setting(settings, name):
    return settings.get(name, DEFAULTS[name])


def input_folders(settings) -> list[str]:
    """The folders the articles are read from: nothing outside is read."""
    return [os.path.join(settings["PATH"], path) for path in settings.get("ARTICLE_PATHS", [])]


def can_fork_workers(settings) -> bool:
    """More than one worker is allowed and the platform can fork (the
    workers inherit the loaded tables and the data instead of pickling)."""
    return (
        int(setting(settings, "NEWS_DIGEST_WORKERS")) >= 2
        and "fork" in multiprocessing.get_all_start_methods()
    )


def grouping_cores(settings, articles: int) -> Cores:
    """The cores the grouping compares pairs on (stories.linked)."""
    if articles < SPREAD_MIN_ARTICLES or not can_fork_workers(settings):
        return ONE_CORE
    return Cores(int(setting(settings, "NEWS_DIGEST_WORKERS")))
