"""The grouping's work, remembered between builds.

Comparing the folder's articles and clustering them is most of the group
stage, and none of it depends on the rest of the folder but through what
it is given: a pair's likeness on the two articles' views, an article's
choice of the others it is compared with on the articles that share its
top terms, a linked group's clustering on its members and their links, a
story's record on its members. So each result is kept in the cache
folder under a key made of exactly what it was worked out from
(stories.py and group.py make the keys: each article's choice and its
pairs' likeness under the article's key, stories.Chosen), and a rebuild
works out again only what an edit touched: the choices it could change,
the pairs of the edited article, the linked group it is in, its stories
and threads. A remembered result is the result the work would give; the
cache folder belongs to this version of the code and its tables
(content_cache.versioned_path), and the file names the stories table it
was worked out under, so other thresholds never meet old results. At
10,000 articles it holds about 17 MB (a 10 MB file).
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from . import group, outputs, stories, timing
from .forks import Cores
from .model import Article, Event, Grouping

logger = logging.getLogger(__name__)

#: The file in the cache folder that holds the remembered grouping.
FILE_NAME = "grouping.pickle"

#: The results a build counts (timing.COUNTS), by the kind their key
#: names: (worked out, remembered).
COUNTED = {
    "clustered": ("grouping_components_clustered", "grouping_components_remembered"),
}


class Remembered:
    """Results by key: those an earlier build kept (`known`), and those
    this build asked for (`used`: only they are kept for the next). With
    no folder, nothing is remembered from before (a first build, or
    grouping outside a build)."""

    def __init__(self, folder: str | None = None, table: object = None):
        self.path = os.path.join(folder, FILE_NAME) if folder else None
        self.table = repr(table)
        self.known: dict[Hashable, Any] = _load(self.path, self.table) if self.path else {}
        self.used: dict[Hashable, Any] = {}

    def recall(self, key: Hashable, work: Callable[[], Any]) -> Any:
        """The result under `key`: remembered, or `work()` now."""
        if key in self.used:
            return self.used[key]
        counts = COUNTED.get(key[0]) if isinstance(key, tuple) else None
        value = self.known[key] if key in self.known else work()
        if counts:
            timing.count(counts[key in self.known])
        self.used[key] = value
        return value

    def known_of(self, kind: tuple) -> dict:
        """What the last build kept under keys that start with `kind`, by
        the rest of the key (its one last part)."""
        size = len(kind)
        return {
            key[size]: value
            for key, value in self.known.items()
            if isinstance(key, tuple) and key[:size] == kind
        }

    def keep(self, key: Hashable, value: Any) -> None:
        """Keep `value` under `key` for the next build."""
        self.used[key] = value

    def save(self) -> None:
        """Keep what this build used, unless the file holds it already."""
        if self.path is None or self.used == self.known:
            return
        kept = {"table": self.table, "results": self.used}
        data = pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            outputs.replace_whole(self.path, data)
        except OSError as error:  # the next build works it out again
            logger.warning("the grouping is not remembered for the next build: %s", error)


def _load(path: str, table: str) -> dict:
    """What an earlier build kept under the same stories table
    (outputs.read_whole): nothing for a first build or a damaged file."""
    found = outputs.read_whole(path, "the remembered grouping", _usable)
    return found["results"] if isinstance(found, dict) and found["table"] == table else {}


def _usable(found: object) -> bool:
    return isinstance(found, dict) and isinstance(found.get("results"), dict) and "table" in found


def grouped(
    articles: Sequence[Article], trips: Sequence[Event], cores: Cores, folder: str
) -> Grouping:
    """group.group, with what the last build's grouping worked out in
    `folder` (a catalog's trips are placed afresh: cheap), kept for the
    next build."""
    if trips:
        return group.group(articles, trips, cores)
    memory = Remembered(folder, stories.settings())
    grouping = group.group(articles, trips, cores, memory)
    memory.save()
    return grouping
