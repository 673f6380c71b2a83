"""Automatic stories: articles → stories over days → threads above them.

Without a trip catalog, the group stage finds the folder's stories: a
story is one happening and what directly follows from it, over days, told
by any outlet (a state visit, a trial and its verdict, an evacuation, a
daily series such as the gold price). Its events are its days: the
story's articles grouped by the day each one reports (group.sections).
Threads sit above: the stories of one larger, ongoing situation (a war:
its strikes, statements, evacuations, market shocks).

How two articles are compared does not depend on the rest of the folder:
each term weighs what it weighs in the language at large
(background.weight), and the likeness of two articles is a fixed,
learned combination of a few views of them (data/stories.toml: their
words, phrases, names, rarest words and headlines, and the gap in days),
fitted on the labelled stories with cross-validation by folder
(tests/eval/fit_stories.py).

No all-pairs comparison: articles are compared only when they share
telling terms among their top terms (an inverted index), within
WINDOW_DAYS of each other (an undated one by content alone), each with at
most MAX_CANDIDATES others. Average-link clustering then merges them.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from . import background, tables, terms
from .model import Article

# ---- settings (data/stories.toml holds the fitted ones) --------------------------------


@cache
def settings() -> dict:
    """The learned likeness and the thresholds: data/stories.toml."""
    return tables.load("stories")


#: Each article is indexed under its heaviest terms; two articles are
#: compared only when they share at least MIN_SHARED_TERMS of them.
INDEX_TERMS = 30
MIN_SHARED_TERMS = 2
#: Terms more common than this (background weight, in nats) do not index:
#: they are in most articles of the language and would pair everything.
MIN_INDEX_WEIGHT = 2.0
#: How far apart (in days) two dated articles of one story may be.
WINDOW_DAYS = 7
#: Each article meets at most this many others (those sharing the most of
#: its top terms): without a bound, a folder of one topic would compare
#: all its pairs.
MAX_CANDIDATES = 64


#: Words at least this rare (background weight, in nats) make the "rare"
#: view: the names of places, people and things a story turns on.
RARE_WEIGHT = 6.0


@dataclass(frozen=True)
class Views:
    """One article's views for comparing it with others, each an
    L2-normalised vector of background-weighted terms."""

    words: terms.Vector
    phrases: terms.Vector
    names: terms.Vector
    rare: terms.Vector
    title: terms.Vector
    day: date | None
    top: tuple[str, ...]


def _split(
    weighted: dict[str, float],
) -> tuple[terms.Vector, terms.Vector, terms.Vector, terms.Vector]:
    """An article's weighted terms as its words, phrases, names and rarest
    words, each vector normalised on its own."""
    words, phrases, names, rare = {}, {}, {}, {}
    for term, value in weighted.items():
        if term.startswith("@"):
            names[term] = value
        elif " " in term:
            phrases[term] = value
        else:
            words[term] = value
            if background.weight(term) >= RARE_WEIGHT:
                rare[term] = value
    return tuple(terms.normalized(v) for v in (words, phrases, names, rare))


def article_views(article: Article) -> Views:
    """The views of one article (its story terms, weighed by background)."""
    weighted = {t: f * background.weight(t) for t, f in article.meta.story_terms}
    words, phrases, names, rare = _split(weighted)
    title_words = {
        t: background.weight(t)
        for t in terms.features(article.meta.title.value or "")
        if terms.is_word(t)
    }
    top = tuple(
        t for t in terms.top_terms(words, INDEX_TERMS) if background.weight(t) >= MIN_INDEX_WEIGHT
    )
    day = day_of(article)
    return Views(words, phrases, names, rare, terms.normalized(title_words), day, top)


def day_of(article: Article) -> date | None:
    """The day an article reports: the lead's day, else its date."""
    return article.meta.happened or article.meta.date.sort_key


#: The views compared, in the order of data/stories.toml's [likeness].
FEATURES = ("words", "phrases", "names", "rare", "title", "gap", "undated")


def pair_features(a: Views, b: Views) -> dict[str, float]:
    """The views' likeness for one pair: what the learned combination weighs."""
    gap = abs((a.day - b.day).days) if a.day and b.day else None
    return {
        "words": terms.cosine(a.words, b.words),
        "phrases": terms.cosine(a.phrases, b.phrases),
        "names": terms.cosine(a.names, b.names),
        "rare": terms.cosine(a.rare, b.rare),
        "title": terms.cosine(a.title, b.title),
        "gap": min(gap, WINDOW_DAYS) / WINDOW_DAYS if gap is not None else 0.0,
        "undated": 0.0 if gap is not None else 1.0,
    }


def likeness(features: dict[str, float], weights: dict[str, float]) -> float:
    """The chance (logistic) that two articles tell one story."""
    z = weights["bias"] + math.fsum(weights[name] * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0


def candidates(views: Sequence[Views]) -> dict[tuple[int, int], int]:
    """Pairs worth comparing, with how many top terms they share: those
    within WINDOW_DAYS (or one undated) sharing MIN_SHARED_TERMS, at most
    MAX_CANDIDATES a article, the ones sharing most first."""
    postings: dict[str, list[int]] = defaultdict(list)
    for position, view in enumerate(views):
        for term in view.top:
            postings[term].append(position)
    pairs: dict[tuple[int, int], int] = {}
    for position, view in enumerate(views):
        shared: Counter[int] = Counter()
        for term in view.top:
            shared.update(postings[term])
        del shared[position]
        near = [
            other
            for other, count in shared.items()
            if count >= MIN_SHARED_TERMS and _within(view.day, views[other].day)
        ]
        for other in heapq.nsmallest(MAX_CANDIDATES, near, key=lambda o: (-shared[o], o)):
            pairs[(min(position, other), max(position, other))] = shared[other]
    return pairs


def _within(a: date | None, b: date | None) -> bool:
    return a is None or b is None or abs((a - b).days) <= WINDOW_DAYS


def average_link(
    count: int, links: dict[tuple[int, int], float], threshold: float
) -> list[list[int]]:
    """Agglomerative clustering: repeatedly merge the two groups with the
    highest average likeness over all their cross pairs (pairs never
    compared count as 0) while it reaches `threshold`. A lazy heap holds
    the candidate merges; a stale entry is skipped when popped."""
    members = {position: [position] for position in range(count)}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), value in links.items():
        sums[a][b] = sums[b][a] = value
    heap = [(-value, a, b) for (a, b), value in links.items()]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        average = sums[a][b] / (len(members[a]) * len(members[b]))
        if average != -negative:
            continue
        if average < threshold:
            break
        members[a].extend(members.pop(b))
        for other, value in sums.pop(b).items():
            del sums[other][b]
            if other != a:
                sums[a][other] = sums[other][a] = sums[a].get(other, 0.0) + value
        for other, total in sums[a].items():
            pair = (min(a, other), max(a, other))
            heapq.heappush(heap, (-total / (len(members[a]) * len(members[other])), *pair))
    return [sorted(group) for _, group in sorted(members.items())]


@dataclass(frozen=True)
class Found:
    """The stories found among the articles (positions into the sorted
    articles), the threads over the stories (positions into stories), and
    each article's views."""

    articles: tuple[Article, ...]
    stories: tuple[tuple[int, ...], ...]
    threads: tuple[tuple[int, ...], ...]
    views: tuple[Views, ...]


def find(articles: Sequence[Article], table: dict | None = None) -> Found:
    """Cluster the articles into stories, and the stories into threads
    (`table`: data/stories.toml's tables, or others to try)."""
    table = table or settings()
    return with_threads(find_stories(articles, table), table["thread"])


def find_stories(articles: Sequence[Article], table: dict) -> Found:
    """The stories alone (no threads yet)."""
    articles = tuple(sorted(articles, key=lambda a: a.identifier))
    weights = table["likeness"]
    views = [article_views(a) for a in articles]
    links = {}
    for a, b in sorted(candidates(views)):
        value = likeness(pair_features(views[a], views[b]), weights)
        if value >= table["story"]["link"]:
            links[(a, b)] = value
    stories = average_link(len(articles), links, table["story"]["merge"])
    return Found(articles, tuple(map(tuple, stories)), (), tuple(views))


def with_threads(found: Found, table: dict) -> Found:
    """The stories' threads, by data/stories.toml's [thread] (or `table`)."""
    return replace(found, threads=_threads(found.stories, found.views, table))


def _threads(
    stories: Sequence[Sequence[int]], views: Sequence[Views], table: dict
) -> tuple[tuple[int, ...], ...]:
    """Stories of one larger situation: average-link clustering of the
    stories' centroids (names and terms they share), within the window."""
    centres = []
    for members in stories:
        words = terms.centroid(views[p].words for p in members)
        names = terms.centroid(views[p].names for p in members)
        days = [d for p in members if (d := views[p].day)]
        top = tuple(
            t
            for t in terms.top_terms(words, INDEX_TERMS)
            if background.weight(t) >= MIN_INDEX_WEIGHT
        )
        centres.append(Views(words, {}, names, {}, {}, min(days) if days else None, top))
    links = {}
    for a, b in sorted(candidates(centres)):
        value = table["words"] * terms.cosine(centres[a].words, centres[b].words) + table[
            "names"
        ] * terms.cosine(centres[a].names, centres[b].names)
        if value >= table["merge"]:
            links[(a, b)] = value
    return tuple(map(tuple, average_link(len(stories), links, table["merge"])))
