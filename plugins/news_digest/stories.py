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
(background.weight), and the likeness of two articles is the cosine of
their weighted words, or a learned combination of a few views of them
(their words, names and headlines, and the gap in days) — whichever
data/stories.toml's [story] names; held out by folder on the labelled
stories the words did better (tests/eval/fit_stories.py).

No all-pairs comparison: articles are compared only when they share
telling terms among their top terms (an inverted index), within
WINDOW_DAYS of each other (an undated one by content alone), each with at
most MAX_CANDIDATES others. Average-link clustering then merges them.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from . import background, tables, terms
from .model import Article, PackedViews, StoryTerms
from .text import fingerprint

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
MAX_CANDIDATES = 32


#: Of the articles of its window that share a term with an article, only
#: the MAX_POSTINGS nearest in time are counted (a folder of one topic, a
#: busy week), and as many undated ones, so an article's work does not
#: grow with the folder's size. (The likeness of a pair never depends on
#: it.)
MAX_POSTINGS = 30

#: A pair whose words are less alike than this is not weighed further: on
#: the labelled pairs none below it reaches the link chance (at most 0.12
#: against 0.25), and most candidate pairs are below it.
MIN_WORDS_COSINE = 0.05

#: Each view keeps its heaviest terms only: what tells a story apart is in
#: them, and a pair's comparison then costs the same for a long article as
#: for a short one.
VIEW_TERMS = 60


@dataclass(frozen=True)
class Views:
    """One article's views for comparing it with others, each an
    L2-normalised vector of background-weighted terms (exact: see
    terms.ExactVector)."""

    words: terms.ExactVector
    names: terms.ExactVector
    title: terms.ExactVector
    day: date | None
    top: tuple[str, ...]


def _split(weighted: dict[str, float]) -> tuple[terms.ExactVector, terms.ExactVector]:
    """An article's weighted words and names (no phrases: measured as a
    view of their own, they added nothing the words and headline do not
    already say), each vector normalised on its own."""
    words, names = {}, {}
    for term, value in weighted.items():
        (names if term.startswith("@") else words)[term] = value
    return terms.exact(terms.normalized(_heaviest(words))), terms.exact(
        terms.normalized(_heaviest(names))
    )


def _heaviest(vector: dict[str, float]) -> dict[str, float]:
    """The VIEW_TERMS heaviest terms of a view (ties by term)."""
    if len(vector) <= VIEW_TERMS:
        return vector
    return {t: vector[t] for t in terms.top_terms(vector, VIEW_TERMS)}


def article_views(article: Article) -> Views:
    """The views of one article (its story terms, weighed by background)."""
    # two-word phrases are no view of their own: not weighed at all
    weighted = {t: f * background.weight(t) for t, f in article.meta.story_terms if " " not in t}
    words, names = _split(weighted)
    title_words = {
        t: background.weight(t)
        for t in terms.features(article.meta.title.value or "")
        if terms.is_word(t)
    }
    top = tuple(
        t for t in terms.top_terms(words, INDEX_TERMS) if background.weight(t) >= MIN_INDEX_WEIGHT
    )
    day = day_of(article)
    title = terms.exact(terms.normalized(title_words))
    return Views(words, names, title, day, top)


def pack(article: Article) -> PackedViews:
    """The article's views packed to be kept with it (model.PackedViews)."""
    views = article_views(article)
    vectors = (views.words, views.names, views.title)
    end = StoryTerms.TERM_END
    return PackedViews(
        made_from=_made_from(article),
        terms="".join(term + end for term in (*itertools.chain(*vectors), *views.top)),
        weights=array("q", itertools.chain.from_iterable(v.values() for v in vectors)).tobytes(),
        sizes=(len(views.words), len(views.names), len(views.title)),
    )


def views_of(article: Article) -> Views:
    """The article's views: unpacked from those the per-file stages kept
    with it while its terms and headline are the same, else worked out."""
    packed = article.views
    if packed is None or packed.made_from != _made_from(article):
        return article_views(article)
    found = list(map(sys.intern, packed.terms.split(StoryTerms.TERM_END)[:-1]))
    weights = array("q")
    weights.frombytes(packed.weights)
    words, names, title = packed.sizes
    cuts = (0, words, words + names, words + names + title)
    vectors = [
        dict(zip(found[a:b], weights[a:b], strict=True)) for a, b in itertools.pairwise(cuts)
    ]
    return Views(*vectors, day_of(article), tuple(found[cuts[-1] :]))


def _made_from(article: Article) -> bytes:
    """A digest of what an article's views are worked out from."""
    story_terms = article.meta.story_terms
    return fingerprint(story_terms.words, story_terms.weights, article.meta.title.value or "")


def day_of(article: Article) -> date | None:
    """The day an article reports: the lead's day, else its date."""
    return article.meta.happened or article.meta.date.sort_key


#: The views compared, in the order of data/stories.toml's [likeness].
FEATURES = ("words", "names", "title", "gap", "undated")


def pair_features(a: Views, b: Views, words: float | None = None) -> dict[str, float]:
    """The views' likeness for one pair: what the learned combination
    weighs (`words`: their words' cosine, when already worked out)."""
    gap = abs((a.day - b.day).days) if a.day and b.day else None
    return {
        "words": terms.exact_cosine(a.words, b.words) if words is None else words,
        "names": terms.exact_cosine(a.names, b.names),
        "title": terms.exact_cosine(a.title, b.title),
        "gap": min(gap, WINDOW_DAYS) / WINDOW_DAYS if gap is not None else 0.0,
        "undated": 0.0 if gap is not None else 1.0,
    }


def likeness(features: dict[str, float], weights: dict[str, float]) -> float:
    """The chance (logistic) that two articles tell one story."""
    z = weights["bias"] + math.fsum(weights[name] * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-z)) if z > -50 else 0.0


#: How a pair's likeness is worked out ([story] likeness in
#: data/stories.toml): the cosine of their words alone, or the learned
#: combination of every view.
LIKENESS_KINDS = ("words", "learned")


def pair_likeness(a: Views, b: Views, words: float, table: dict) -> float:
    """Two articles' likeness as data/stories.toml's [story] says: their
    words' cosine (`words`, already worked out), or the learned chance."""
    if table["story"]["likeness"] == "words":
        return words
    return likeness(pair_features(a, b, words), table["likeness"])


def candidates(views: Sequence[Views]) -> dict[tuple[int, int], int]:
    """Pairs worth comparing, with how many top terms they share: those
    within WINDOW_DAYS (or one undated) sharing MIN_SHARED_TERMS, at most
    MAX_CANDIDATES a article, the ones sharing most first. Each term's
    postings are sorted by day, so an article counts only the others of
    its window (one slice per term)."""
    dated: dict[str, list[tuple[int, int]]] = defaultdict(list)
    undated: dict[str, list[int]] = defaultdict(list)
    for position, view in enumerate(views):
        for term in view.top:
            if view.day is None:
                undated[term].append(position)
            else:
                dated[term].append((view.day.toordinal(), position))
    days, positions = {}, {}
    for term, found in dated.items():
        found.sort()
        days[term] = [day for day, _ in found]
        positions[term] = [p for _, p in found]
    pairs: dict[tuple[int, int], int] = {}
    for position, view in enumerate(views):
        met: list[int] = []  # the others met under each term, counted at once (in C)
        for term in view.top:
            met += undated.get(term, ())[:MAX_POSTINGS]
            if term not in days:
                continue
            if view.day is None:  # an undated article: the first MAX_POSTINGS
                met += positions[term][:MAX_POSTINGS]
                continue
            day = view.day.toordinal()
            first = bisect.bisect_left(days[term], day - WINDOW_DAYS)
            last = bisect.bisect_right(days[term], day + WINDOW_DAYS)
            if last - first > MAX_POSTINGS:  # the nearest in time only
                middle = bisect.bisect_left(days[term], day, first, last)
                first = max(first, min(middle - MAX_POSTINGS // 2, last - MAX_POSTINGS))
                last = first + MAX_POSTINGS
            met += positions[term][first:last]
        shared = Counter(met)
        del shared[position]
        # (-count, other): most shared first, ties by position, compared in C
        near = [(-count, other) for other, count in shared.items() if count >= MIN_SHARED_TERMS]
        if len(near) > MAX_CANDIDATES:
            near = heapq.nsmallest(MAX_CANDIDATES, near)
        for count, other in near:
            pairs[(min(position, other), max(position, other))] = -count
    return pairs


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
    # a pair below the threshold is never merged as it stands (a merge
    # pushes the new group's pairs afresh), so it needs no heap entry
    heap = [(-value, a, b) for (a, b), value in links.items() if value >= threshold]
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
        size = len(members[a])
        for other, total in sums[a].items():
            average = total / (size * len(members[other]))
            if average >= threshold:
                heapq.heappush(heap, (-average, min(a, other), max(a, other)))
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
    views = [views_of(a) for a in articles]
    links = {}
    for a, b in sorted(candidates(views)):
        words = terms.exact_cosine(views[a].words, views[b].words)
        if words < MIN_WORDS_COSINE:
            continue
        value = pair_likeness(views[a], views[b], words, table)
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
        words = terms.exact(terms.centroid(views[p].words for p in members))
        names = terms.exact(terms.centroid(views[p].names for p in members))
        days = [d for p in members if (d := views[p].day)]
        top = tuple(
            t
            for t in terms.top_terms(words, INDEX_TERMS)
            if background.weight(t) >= MIN_INDEX_WEIGHT
        )
        centres.append(Views(words, names, {}, min(days) if days else None, top))
    links = {}
    for a, b in sorted(candidates(centres)):
        value = table["words"] * terms.exact_cosine(centres[a].words, centres[b].words) + table[
            "names"
        ] * terms.exact_cosine(centres[a].names, centres[b].names)
        if value >= table["merge"]:
            links[(a, b)] = value
    return tuple(map(tuple, average_link(len(stories), links, table["merge"])))
