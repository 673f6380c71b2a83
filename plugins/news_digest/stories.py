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
most MAX_CANDIDATES others. Average-link clustering then merges them into
stories, and centroid-link clustering the stories into threads.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
import re
import struct
import sys
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, partial
from typing import TYPE_CHECKING, Any, NamedTuple

from . import background, tables, terms, timing
from .forks import ONE_CORE, Cores
from .model import Article, PackedViews, StoryTerms
from .text import fingerprint

if TYPE_CHECKING:
    from .group_cache import Remembered

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


@cache
def _roundup() -> re.Pattern[str]:
    patterns = settings()["roundup"]["patterns"]
    # anchored: a headline's start only (tried elsewhere, `\d+` from inside
    # a long run of digits made the search quadratic)
    return re.compile(r"\A(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", re.IGNORECASE)


def is_roundup(headline: str) -> bool:
    """Whether a headline is a roundup's (data/stories.toml [roundup])."""
    return _roundup().match(headline) is not None


def article_views(article: Article) -> Views:
    """The views of one article (its story terms, weighed by background);
    a roundup's are empty, so that it stands alone (data/stories.toml
    [roundup])."""
    if is_roundup(article.meta.title.value or ""):
        return Views({}, {}, {}, day_of(article), ())
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


# ---- keys: what a remembered result was worked out from (group_cache.py) ---------------


def article_key(article: Article) -> int:
    """What an article's views and its place among the others are worked
    out from (its identifier, which orders it, its story terms and
    headline, and the day it reports), as 64 bits."""
    day = day_of(article)
    return _key(article.identifier, _made_from(article), day.isoformat() if day else "")


def group_key(keys: Sequence[int], members: Iterable[int]) -> int:
    """A group's key: its members' keys, in order."""
    return _key(*(keys[p].to_bytes(8, "big") for p in members))


def _key(*parts: str | bytes) -> int:
    return int.from_bytes(fingerprint(*parts)[:8], "big")


def recall(memory: Remembered | None, key: Hashable, work: Callable[[], Any]) -> Any:
    """`work()`, remembered under `key` when there is a memory."""
    return work() if memory is None else memory.recall(key, work)


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


#: A pair of positions (a < b) as one integer, `a << PAIR_BITS | b`: a
#: set of them costs less than one of tuples, they sort as the pairs do,
#: and an array of them crosses from a forked child in one piece.
PAIR_BITS = 32
_LOWER = (1 << PAIR_BITS) - 1
_PAIRS = (1 << 2 * PAIR_BITS) - 1


def _pair(code: int) -> tuple[int, int]:
    return code >> PAIR_BITS, code & _LOWER


@dataclass(frozen=True)
class TermIndex:
    """Which articles each top term indexes: the undated ones in order,
    the dated ones as codes (day ordinal, then position: _pair) in order,
    so that an article finds the others of its window by bisection on the
    codes themselves, with their `positions` beside."""

    undated: dict[str, list[int]]
    codes: dict[str, list[int]]
    positions: dict[str, list[int]]

    @classmethod
    def of(cls, views: Sequence[Views]) -> TermIndex:
        dated: dict[str, list[int]] = defaultdict(list)
        undated: dict[str, list[int]] = defaultdict(list)
        for position, view in enumerate(views):
            if view.day is None:
                for term in view.top:
                    undated[term].append(position)
                continue
            code = view.day.toordinal() << PAIR_BITS | position
            for term in view.top:
                dated[term].append(code)
        positions = {}
        for term, codes in dated.items():
            codes.sort()
            positions[term] = list(map(_LOWER.__and__, codes))
        return cls(dict(undated), dict(dated), positions)

    def leading(self, views: Sequence[Views]) -> list[int]:
        """Of each article's top terms, those under which it is among the
        first MAX_POSTINGS of its postings, dated or undated (all that an
        undated article meets of them: met_by), as one bit each in the
        order of its top terms."""
        found: list[set[str]] = [set() for _ in views]
        for postings in (self.undated, self.positions):
            for term, positions in postings.items():
                for position in positions[:MAX_POSTINGS]:
                    found[position].add(term)
        return [
            sum(1 << bit for bit, term in enumerate(view.top) if term in leads)
            for view, leads in zip(views, found, strict=True)
        ]

    def met_by(self, view: Views) -> list[int]:
        """The others an article meets under each of its top terms (itself
        included, an article once per shared term): those of its window,
        at most MAX_POSTINGS a term, the nearest in time first."""
        met: list[int] = []
        for term in view.top:
            met += self.undated.get(term, ())[:MAX_POSTINGS]
            codes = self.codes.get(term)
            if codes is None:
                continue
            if view.day is None:  # an undated article: the first MAX_POSTINGS
                met += self.positions[term][:MAX_POSTINGS]
                continue
            day = view.day.toordinal()
            first = bisect.bisect_left(codes, (day - WINDOW_DAYS) << PAIR_BITS)
            last = bisect.bisect_left(codes, (day + WINDOW_DAYS + 1) << PAIR_BITS)
            if last - first > MAX_POSTINGS:  # the nearest in time only
                middle = bisect.bisect_left(codes, day << PAIR_BITS, first, last)
                first = max(first, min(middle - MAX_POSTINGS // 2, last - MAX_POSTINGS))
                last = first + MAX_POSTINGS
            met += self.positions[term][first:last]
        return met


def candidates(views: Sequence[Views]) -> set[tuple[int, int]]:
    """Pairs worth comparing: those within WINDOW_DAYS (or one undated)
    sharing MIN_SHARED_TERMS top terms, at most MAX_CANDIDATES an article,
    the ones sharing most first."""
    choices = _spread(views, TermIndex.of(views), ONE_CORE, range(len(views)))
    return {_pair(code) for code in _pairs(choices)}


def _choices(views: Sequence[Views], index: TermIndex, positions: Sequence[int]) -> list[array]:
    """The others each article at `positions` chooses to be compared with."""
    found = []
    for position in positions:
        shared = Counter(index.met_by(views[position]))  # counted at once, in C
        del shared[position]
        # (-count, other): most shared first, ties by position, compared in C
        near = [(-count, other) for other, count in shared.items() if count >= MIN_SHARED_TERMS]
        if len(near) > MAX_CANDIDATES:
            near = heapq.nsmallest(MAX_CANDIDATES, near)
        found.append(array("q", (other for _, other in near)))
    return found


def _spread(
    views: Sequence[Views], index: TermIndex, cores: Cores, positions: Sequence[int]
) -> list[array]:
    """_choices of the articles at `positions`, worked out on `cores`."""
    chunks = cores.over(partial(_choices, views, index), positions)
    return list(itertools.chain.from_iterable(chunks))


def _pairs(choices: Sequence[Sequence[int]]) -> list[int]:
    """The pairs (codes, in order) the articles' choices make."""
    pairs = {
        (position << PAIR_BITS | other) if position < other else (other << PAIR_BITS | position)
        for position, others in enumerate(choices)
        for other in others
    }
    return sorted(pairs)


#: How a pair is weighed: its likeness when the two are linked, else None.
Link = Callable[[Views, Views], "float | None"]


def linked(
    views: Sequence[Views],
    link: Link,
    cores: Cores,
    keys: Sequence[int] = (),
    memory: Remembered | None = None,
    level: str = "",
) -> dict[tuple[int, int], float]:
    """The candidate pairs `link` links, with their likeness, in pair
    order. Both halves of the work (the articles choosing their
    candidates, then the pairs compared) are spread over `cores`; the
    links are the same however they were spread. With `memory` (and the
    items' `keys`, at this `level`: articles or stories), what the last
    build chose and compared is not worked out again (_remembered)."""
    if memory is None:
        pairs = _pairs(_spread(views, TermIndex.of(views), cores, range(len(views))))
        values = _weigh(views, link, cores, pairs)
    else:
        pairs, values = _remembered(views, link, cores, keys, memory, level)
    return {_pair(code): value for code, value in zip(pairs, values, strict=True) if value >= 0.0}


def _weigh(views: Sequence[Views], link: Link, cores: Cores, pairs: Sequence[int]) -> array:
    """Each pair's (codes) likeness if `link` links it, else NOT_LINKED."""
    chunks = cores.over(partial(_weighed, views, link), pairs)
    return array("d", itertools.chain.from_iterable(chunks))


def _weighed(views: Sequence[Views], link: Link, pairs: Sequence[int]) -> array:
    values = array("d")
    for code in pairs:
        value = link(views[code >> PAIR_BITS], views[code & _LOWER])
        values.append(NOT_LINKED if value is None else value)
    return values


#: A compared pair that is not linked (a likeness is never negative).
NOT_LINKED = -1.0


class Chosen(NamedTuple):
    """What an article (or a story, at the threads' level) is remembered
    by between builds, compactly (about 600 bytes): its top terms (in one
    string, TERM_END after each), the day it reports (its ordinal, 0
    undated), the top terms it leads (a bit each: TermIndex.leading), and
    the others it chose (their keys) with each pair's likeness."""

    tops: str
    day: int
    leads: int
    others: array
    values: array


def _remembered(
    views: Sequence[Views],
    link: Link,
    cores: Cores,
    keys: Sequence[int],
    memory: Remembered,
    level: str,
) -> tuple[list[int], array]:
    """The candidate pairs and their likeness (as `linked`), with what the
    last build remembered at this `level` (_kept_choices, _kept_values);
    what this build chose and compared is kept (_keep)."""
    index = TermIndex.of(views)
    days = [view.day.toordinal() if view.day else 0 for view in views]
    leads = index.leading(views)
    before: dict[int, Chosen] = memory.known_of(("chosen", level))
    choices, redo = _kept_choices(views, keys, days, leads, before)
    for position, others in zip(redo, _spread(views, index, cores, redo), strict=True):
        choices[position] = others
    pairs = _pairs(choices)
    values, missing = _kept_values(pairs, keys, before)
    weighed = _weigh(views, link, cores, [pairs[i] for i in missing])
    for i, value in zip(missing, weighed, strict=True):
        values[i] = value
    timing.count("grouping_choices_made", len(redo))
    timing.count("grouping_pairs_compared", len(missing))
    timing.count("grouping_pairs_remembered", len(pairs) - len(missing))
    _keep(memory, level, views, keys, days, leads, choices, pairs, values)
    return pairs, values


def _kept_choices(
    views: Sequence[Views],
    keys: Sequence[int],
    days: Sequence[int],
    leads: Sequence[int],
    before: dict[int, Chosen],
) -> tuple[list[Sequence[int]], list[int]]:
    """Each article's choice as the last build made it, where it still
    holds, and the articles that choose again: those new or changed, and
    those an article that came, went or changed since (a key new or gone)
    could have entered, left or moved in what they meet (_Touched)."""
    choices: list[Sequence[int]] = [()] * len(views)
    if not before:  # a first build: every article chooses
        return choices, list(range(len(views)))
    position_of = {key: position for position, key in enumerate(keys)}

    def seen(key: int) -> tuple[Sequence[str], int, int]:  # top terms, day, leads
        if key in before:
            old = before[key]
            return old.tops.split(StoryTerms.TERM_END)[:-1], old.day, old.leads
        position = position_of[key]
        return views[position].top, days[position], leads[position]

    touched = _Touched.of(map(seen, before.keys() ^ position_of.keys()))
    redo = []
    for position, key in enumerate(keys):
        old = before.get(key)
        if (
            old is None
            or touched.meets(views[position].top, days[position])
            or not position_of.keys() >= set(old.others)
        ):
            redo.append(position)
        else:
            choices[position] = [position_of[k] for k in old.others]
    return choices, redo


def _kept_values(
    pairs: Sequence[int], keys: Sequence[int], before: dict[int, Chosen]
) -> tuple[array, list[int]]:
    """Each pair's likeness as the last build worked it out, where one of
    its articles chose the other then (a pair's likeness depends on the
    two alone), and the pairs to compare (their places in `pairs`)."""
    values = array("d", [NOT_LINKED]) * len(pairs)
    if not before:
        return values, list(range(len(pairs)))
    missing = []
    for i, code in enumerate(pairs):
        a, b = keys[code >> PAIR_BITS], keys[code & _LOWER]
        value = _kept_value(before.get(a), b)
        if value is None:
            value = _kept_value(before.get(b), a)
        if value is None:
            missing.append(i)
        else:
            values[i] = value
    return values, missing


def _kept_value(old: Chosen | None, other: int) -> float | None:
    """The likeness an article remembered for another (by its key)."""
    if old is None or other not in old.others:
        return None
    return old.values[old.others.index(other)]


def _keep(
    memory: Remembered,
    level: str,
    views: Sequence[Views],
    keys: Sequence[int],
    days: Sequence[int],
    leads: Sequence[int],
    choices: Sequence[Sequence[int]],
    pairs: Sequence[int],
    values: array,
) -> None:
    """Each article's Chosen, for the next build: its pairs with the
    others it chose, in pair order."""
    others: list[array] = [array("Q") for _ in views]
    kept: list[array] = [array("d") for _ in views]
    for code, value in zip(pairs, values, strict=True):
        a, b = code >> PAIR_BITS, code & _LOWER
        if b in choices[a]:
            others[a].append(keys[b])
            kept[a].append(value)
        if a in choices[b]:
            others[b].append(keys[a])
            kept[b].append(value)
    end = StoryTerms.TERM_END
    for position, (key, view) in enumerate(zip(keys, views, strict=True)):
        tops = "".join(term + end for term in view.top)
        chosen = Chosen(tops, days[position], leads[position], others[position], kept[position])
        memory.keep(("chosen", level, key), chosen)


@dataclass(frozen=True)
class _Touched:
    """Where the articles that came, went or changed since the last build
    can change what the others meet (TermIndex.met_by), by top term: the
    days (ordinals) of the dated ones (each dated article meets the dated
    ones of its window), and the terms under which one of them is, or
    was, among the first MAX_POSTINGS of the dated (`lead_dated`) or the
    undated (`lead_undated`) postings, all that an undated article meets,
    and all that any article meets of the undated: elsewhere in those
    postings, it moves nobody."""

    days: dict[str, list[int]]
    lead_dated: frozenset[str]
    lead_undated: frozenset[str]

    @classmethod
    def of(cls, touched: Iterable[tuple[Sequence[str], int, int]]) -> _Touched:
        """From each touched article's top terms, day and leads."""
        days: dict[str, list[int]] = defaultdict(list)
        lead_dated, lead_undated = set(), set()
        for top, day, leads in touched:
            for bit, term in enumerate(top):
                if day:
                    days[term].append(day)
                if leads >> bit & 1:
                    (lead_dated if day else lead_undated).add(term)
        return cls(dict(days), frozenset(lead_dated), frozenset(lead_undated))

    def meets(self, top: Sequence[str], day: int) -> bool:
        """Whether what an article (its top terms, its day's ordinal or 0)
        meets may have changed."""
        if not (self.days or self.lead_dated or self.lead_undated):
            return False
        if not day:
            return any(t in self.lead_dated or t in self.lead_undated for t in top)
        for term in top:
            if term in self.lead_undated:
                return True
            for other in self.days.get(term, ()):
                if abs(other - day) <= WINDOW_DAYS:
                    return True
        return False


#: A heap entry of average_link is one integer: the average's bits above
#: the pair's (`_pair`), so the heap compares integers in C, not tuples of
#: floats. A non-negative float's IEEE 754 bits order as the float does;
#: subtracted from _TOP, the highest average comes first, then the lowest
#: pair, as (-average, a, b) would.
_TOP = 1 << 63
_DOUBLE = struct.Struct("<d")


def _entry(average: float, a: int, b: int) -> int:
    bits = int.from_bytes(_DOUBLE.pack(average), "little")
    return (_TOP - bits) << (2 * PAIR_BITS) | a << PAIR_BITS | b


def average_link(
    count: int, links: dict[tuple[int, int], float], threshold: float
) -> list[list[int]]:
    """Agglomerative clustering: repeatedly merge the two groups with the
    highest average likeness over all their cross pairs (pairs never
    compared count as 0) while it reaches `threshold`, ties by the lowest
    pair. A lazy heap holds the candidate merges (_entry); a stale entry
    is skipped when popped."""
    members = {position: [position] for position in range(count)}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), value in links.items():
        sums[a][b] = sums[b][a] = value
    # a pair below the threshold is never merged as it stands (a merge
    # pushes the new group's pairs afresh), so it needs no heap entry
    heap = [_entry(value, a, b) for (a, b), value in links.items() if value >= threshold]
    heapq.heapify(heap)
    while heap:
        entry = heapq.heappop(heap)
        a, b = _pair(entry & _PAIRS)
        if a not in members or b not in members:
            continue
        average = sums[a][b] / (len(members[a]) * len(members[b]))
        if _entry(average, a, b) != entry:
            continue
        members[a].extend(members.pop(b))
        for other, value in sums.pop(b).items():
            del sums[other][b]
            if other != a:
                sums[a][other] = sums[other][a] = sums[a].get(other, 0.0) + value
        size = len(members[a])
        for other, total in sums[a].items():
            average = total / (size * len(members[other]))
            if average >= threshold:
                heapq.heappush(heap, _entry(average, min(a, other), max(a, other)))
    return [sorted(group) for _, group in sorted(members.items())]


def components(count: int, pairs: Iterable[tuple[int, int]]) -> list[int]:
    """Each item's component under `pairs` (as its lowest member): a
    union-find whose every root is the lowest member of its set."""
    root = list(range(count))

    def find(item: int) -> int:
        while root[item] != item:
            root[item] = root[root[item]]
            item = root[item]
        return item

    for a, b in pairs:
        first, second = find(a), find(b)
        if first != second:
            root[max(first, second)] = min(first, second)
    return [find(item) for item in range(count)]


#: How a group of linked items is clustered: given its members (positions,
#: in order) and their links (pairs of local positions), its clusters as
#: local positions (average_link, centroid_link).
Cluster = Callable[[Sequence[int], dict[tuple[int, int], float]], list[list[int]]]


def clustered(
    count: int,
    links: dict[tuple[int, int], float],
    joins: float,
    cluster: Cluster,
    keys: Sequence[int] = (),
    memory: Remembered | None = None,
) -> list[list[int]]:
    """`cluster` run on each component of the items that links of at
    least `joins` connect (with the links inside it), and the clusters of
    all in the order of their lowest members: what `cluster` gives the
    whole, when no cluster can join items that such a link does not
    connect (tests/test_group_cache.py checks both ways). With `memory`,
    a component whose members and links were clustered before is not
    clustered again: an edit re-clusters its own component only. `links`
    is emptied as it is split (at 10,000 articles it holds 280,000 pairs:
    one copy of them at a time, as clustering the whole needed)."""
    component = components(count, (pair for pair, value in links.items() if value >= joins))
    members: dict[int, list[int]] = defaultdict(list)
    local = [0] * count  # each item's position in its component
    for item, root in enumerate(component):
        local[item] = len(members[root])
        members[root].append(item)
    inside: dict[int, dict[tuple[int, int], float]] = defaultdict(dict)
    for (a, b), value in links.items():
        if component[a] == component[b]:
            inside[component[a]][(local[a], local[b])] = value
    links.clear()
    found: list[list[int]] = []
    for root, group in members.items():
        if len(group) == 1:
            found.append(group)
            continue
        sub = inside.pop(root, {})
        key = ("clustered", _component_key([keys[p] for p in group], sub)) if memory else None
        result = recall(memory, key, partial(cluster, group, sub))
        found += [[group[position] for position in positions] for positions in result]
    return sorted(found)


def _component_key(keys: Sequence[int], links: dict[tuple[int, int], float]) -> bytes:
    """A component's members' keys in order and its links, exactly (in
    pair order, whatever order they were found in)."""
    order = sorted(links)
    codes = array("q", (a << PAIR_BITS | b for a, b in order))
    values = array("d", (links[pair] for pair in order))
    members = array("Q", keys)
    return fingerprint(members.tobytes(), codes.tobytes(), values.tobytes())


@dataclass(frozen=True)
class Found:
    """The stories found among the articles (positions into the sorted
    articles), the threads over the stories (positions into stories), and
    each article's views and key (article_key)."""

    articles: tuple[Article, ...]
    stories: tuple[tuple[int, ...], ...]
    threads: tuple[tuple[int, ...], ...]
    views: tuple[Views, ...]
    keys: tuple[int, ...] = ()
    #: each story's key (group_key of its articles'), once threaded
    story_keys: tuple[int, ...] = ()


def find(
    articles: Sequence[Article],
    table: dict | None = None,
    cores: Cores = ONE_CORE,
    memory: Remembered | None = None,
) -> Found:
    """Cluster the articles into stories, and the stories into threads
    (`table`: data/stories.toml's tables, or others to try), comparing
    pairs on `cores`, with what an earlier build worked out in `memory`."""
    table = table or settings()
    found = find_stories(articles, table, cores, memory)
    return with_threads(found, table["thread"], cores, memory)


def find_stories(
    articles: Sequence[Article],
    table: dict,
    cores: Cores = ONE_CORE,
    memory: Remembered | None = None,
) -> Found:
    """The stories alone (no threads yet)."""
    articles = tuple(sorted(articles, key=lambda a: a.identifier))
    views = [views_of(a) for a in articles]
    keys = tuple(map(article_key, articles))
    links = linked(views, partial(_story_link, table=table), cores, keys, memory, "articles")
    threshold = table["story"]["merge"]
    average = partial(_average_link, threshold=threshold)
    stories = clustered(len(articles), links, threshold, average, keys, memory)
    return Found(articles, tuple(map(tuple, stories)), (), tuple(views), keys)


def _average_link(
    members: Sequence[int], links: dict[tuple[int, int], float], threshold: float
) -> list[list[int]]:
    """average_link over a component's members (a Cluster): a merge
    needs a link reaching the threshold, so it never joins two
    components."""
    return average_link(len(members), links, threshold)


def _story_link(a: Views, b: Views, table: dict) -> float | None:
    """Two articles' likeness when it reaches [story] link."""
    words = terms.exact_cosine(a.words, b.words)
    if words < MIN_WORDS_COSINE:
        return None
    value = pair_likeness(a, b, words, table)
    return value if value >= table["story"]["link"] else None


def with_threads(
    found: Found, table: dict, cores: Cores = ONE_CORE, memory: Remembered | None = None
) -> Found:
    """The stories' threads, by data/stories.toml's [thread] (or `table`)."""
    keys = found.keys or tuple(map(article_key, found.articles))
    story_keys = tuple(group_key(keys, members) for members in found.stories)
    threads = _threads(found.stories, found.views, story_keys, table, cores, memory)
    return replace(found, threads=threads, keys=keys, story_keys=story_keys)


def _threads(
    stories: Sequence[Sequence[int]],
    views: Sequence[Views],
    story_keys: Sequence[int],
    table: dict,
    cores: Cores,
    memory: Remembered | None,
) -> tuple[tuple[int, ...], ...]:
    """Stories of one larger situation: centroid-link clustering of the
    stories' centroids (names and terms they share), within the window."""
    centres = [_centre(members, views) for members in stories]
    links = linked(
        centres, partial(_thread_link, table=table), cores, story_keys, memory, "stories"
    )
    by_centre = partial(_centroid_link, centres=centres, table=table)
    # any link may join two groups (centroid_link compares linked groups only)
    found = clustered(len(centres), links, 0.0, by_centre, story_keys, memory)
    return tuple(map(tuple, found))


def _centre(members: Sequence[int], views: Sequence[Views]) -> Views:
    """A story's centre: the centroids of its members' words and names,
    the first day it reports, and its top terms."""
    words = terms.exact(terms.centroid(views[p].words for p in members))
    names = terms.exact(terms.centroid(views[p].names for p in members))
    days = [d for p in members if (d := views[p].day)]
    top = tuple(
        t for t in terms.top_terms(words, INDEX_TERMS) if background.weight(t) >= MIN_INDEX_WEIGHT
    )
    return Views(words, names, {}, min(days) if days else None, top)


def _centroid_link(
    members: Sequence[int],
    links: dict[tuple[int, int], float],
    centres: Sequence[Views],
    table: dict,
) -> list[list[int]]:
    """centroid_link over a component's stories (a Cluster)."""
    return centroid_link([centres[p] for p in members], links, table)


def _thread_link(a: Views, b: Views, table: dict) -> float | None:
    """Two stories' likeness when it reaches [thread] link."""
    value = table["words"] * terms.exact_cosine(a.words, b.words) + table[
        "names"
    ] * terms.exact_cosine(a.names, b.names)
    return value if value >= table["link"] else None


class _Threads:
    """Growing threads (centroid_link): each group's sums of its stories'
    centres, words and names apart (exact integers, so the same whatever
    order the stories join in), each sum's squared length, and the dot
    products of the sums of every two groups a link joins. A merge adds
    them up: the sums' dot products with a third group are the two
    groups' dot products with it, their squared length the two squared
    lengths and twice their own dot product. A group linked to one of the
    two alone has its dot products with the merged sums worked out when
    they are first asked for (None until then), which they are not when
    the links between the two groups are too few (`support`). Whole sums,
    not their heaviest terms, at about the same cost: threads of the
    shared Indonesian folder 0.87 -> 0.74 s, of the bench's 5,000 and
    10,000 articles 1.59 -> 1.66 s and 6.43 -> 7.18 s (best of 2)."""

    def __init__(self, centres: Sequence[Views], links: dict[tuple[int, int], float]):
        self.sums = {p: (dict(c.words), dict(c.names)) for p, c in enumerate(centres)}
        self.squares = {p: _dots(sums, sums) for p, sums in self.sums.items()}
        self.dots: dict[int, dict[int, tuple[int, int] | None]] = defaultdict(dict)
        for a, b in links:
            self.dots[a][b] = self.dots[b][a] = _dots(self.sums[a], self.sums[b])

    def likeness(self, a: int, b: int, weights: tuple[float, float]) -> float:
        """The weighted sum of the cosines of the two groups' words and names."""
        value = 0.0
        for weight, dot, one, other in zip(
            weights, self._between(a, b), self.squares[a], self.squares[b], strict=True
        ):
            if dot:
                value += weight * dot / math.sqrt(one * other)
        return value

    def merge(self, a: int, b: int) -> None:
        """Group b joins group a."""
        between = self._between(a, b)
        self.squares[a] = tuple(
            x + y + 2 * d
            for x, y, d in zip(self.squares[a], self.squares.pop(b), between, strict=True)
        )
        self.sums[a] = tuple(
            _added(mine, theirs)
            for mine, theirs in zip(self.sums[a], self.sums.pop(b), strict=True)
        )
        mine, theirs = self.dots.pop(a), self.dots.pop(b)
        del mine[b], theirs[a]
        for other in mine.keys() | theirs.keys():
            one, two = mine.get(other), theirs.get(other)
            # unknown (None) when either is: worked out when first asked for
            dots = None if one is None or two is None else (one[0] + two[0], one[1] + two[1])
            self.dots[other].pop(b, None)
            mine[other] = self.dots[other][a] = dots
        self.dots[a] = mine

    def _between(self, a: int, b: int) -> tuple[int, int]:
        """The dot products of two linked groups' sums, worked out when
        first asked for (None until then)."""
        dots = self.dots[a][b]
        if dots is None:
            dots = self.dots[a][b] = self.dots[b][a] = _dots(self.sums[a], self.sums[b])
        return dots


def _dots(one: tuple[dict, dict], other: tuple[dict, dict]) -> tuple[int, int]:
    """The dot products of two groups' words and of their names."""
    return terms.exact_dot(one[0], other[0]), terms.exact_dot(one[1], other[1])


def _added(mine: dict[str, int], theirs: dict[str, int]) -> dict[str, int]:
    """The sum of two integer vectors (the longer one added to in place)."""
    if len(theirs) > len(mine):
        mine, theirs = theirs, mine
    for term, value in theirs.items():
        mine[term] = mine.get(term, 0) + value
    return mine


def centroid_link(
    centres: Sequence[Views], links: dict[tuple[int, int], float], table: dict
) -> list[list[int]]:
    """Agglomerative clustering of stories into threads: repeatedly merge
    the two groups whose centroids (the sums of their stories' centres,
    words and names apart: the weighted sum of the cosines of their words
    and of their names, by [thread] words and names) are most alike while
    that reaches [thread] merge, ties by the lowest pair. Two groups are
    compared only when a pair of their stories is linked.

    Why centroids and not the average over all pairs (average_link, the
    stories' way): a war's strikes, statements, evacuations and market
    shocks share little with each other pair by pair, but each is like
    the war as a whole. Held out by folder on the labelled threads, each
    folder grouped alone and the whole corpus: P 0.921 R 0.709 and
    P 0.917 R 0.748 (P 0.925 R 0.703 and P 0.916 R 0.748 when each
    centroid kept its 60 heaviest words and names only), against
    P 0.892 R 0.590 and P 0.928 R 0.489 by average link. `support` keeps
    a growing centroid from drifting (see data/stories.toml [thread])."""
    weights = (table["words"], table["names"])
    groups = _Threads(centres, links)
    members = {p: [p] for p in range(len(centres))}
    joined: dict[int, dict[int, float]] = defaultdict(dict)  # links between groups, summed
    for (a, b), value in links.items():
        joined[a][b] = joined[b][a] = value
    merges = dict.fromkeys(members, 0)  # a group's merges so far: stale heap entries

    def mergeable(a: int, b: int) -> float | None:
        if joined[a][b] / (len(members[a]) * len(members[b])) < table["support"]:
            return None
        value = groups.likeness(a, b, weights)
        return value if value >= table["merge"] else None

    heap = []
    for a, b in links:
        if (value := mergeable(a, b)) is not None:
            heap.append((-value, a, b, 0, 0))
    heapq.heapify(heap)
    while heap:
        _, a, b, merges_a, merges_b = heapq.heappop(heap)
        if a not in members or b not in members or (merges_a, merges_b) != (merges[a], merges[b]):
            continue
        members[a].extend(members.pop(b))
        groups.merge(a, b)
        merges[a] += 1
        for other, value in joined.pop(b).items():
            del joined[other][b]
            if other != a:
                joined[a][other] = joined[other][a] = joined[a].get(other, 0.0) + value
        for other in joined[a]:
            if (value := mergeable(a, other)) is not None:
                low, high = min(a, other), max(a, other)
                heapq.heappush(heap, (-value, low, high, merges[low], merges[high]))
    return [sorted(group) for _, group in sorted(members.items())]
