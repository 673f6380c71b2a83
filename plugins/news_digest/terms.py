"""Bag-of-words vectors for comparing texts (TF-IDF, cosine).

Used to group articles into events and to find the central sentences of an
event. Vectors are sparse dicts; comparisons are only ever made within a
small candidate set, never across all pairs of a corpus.
"""

from __future__ import annotations

import math
import operator
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache

from . import tables
from .model import StoryTerms

Vector = dict[str, float]

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@cache
def stopwords() -> frozenset[str]:
    data = tables.load("stopwords")
    return frozenset(word for words in data.values() for word in words)


def features(text: str) -> list[str]:
    """Content words, the two-word phrases they form ("afrika selatan",
    "tidak pantas"), and a name feature ("@madleen") for every capitalised
    word inside a sentence. Phrases tell stories apart far better than
    words, and names are shared across languages where words are not."""
    stop = stopwords()
    found = []
    previous = None
    for match in _WORD.finditer(text):
        raw = match.group(0)
        word = raw.lower()
        content = len(word) >= 3 and word not in stop
        if content:
            found.append(word)
            if previous:
                found.append(f"{previous} {word}")
            if raw[0].isupper() and not _starts_sentence(text, match.start()):
                found.append(f"@{word}")
        previous = word if content else None
    return found


#: Characters between a sentence's end and its first word ("… kata dia. “Kami").
_OPENERS = " \"'“‘("


def _starts_sentence(text: str, position: int) -> bool:
    """Whether the word at `position` opens a sentence (looking back over
    spaces, quote marks and brackets only: no copy of the text before it)."""
    i = position
    while i > 0 and text[i - 1] in _OPENERS:
        i -= 1
    return i == 0 or text[i - 1] in ".!?:\n"


def is_word(term: str) -> bool:
    """A plain word feature (not a phrase or a name marker), for display."""
    return " " not in term and not term.startswith("@")


def document_frequency(documents: Iterable[Iterable[str]]) -> tuple[int, Counter[str]]:
    """How many documents there are, and how many hold each term."""
    frequency: Counter[str] = Counter()
    count = 0
    for document in documents:
        count += 1
        frequency.update(set(document))
    return count, frequency


def idf(documents: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of every term."""
    return idf_of(*document_frequency(documents))


def idf_of(count: int, frequency: Counter[str]) -> dict[str, float]:
    return {term: math.log((1 + count) / (1 + df)) + 1.0 for term, df in frequency.items()}


#: A story's terms: the title counts three times, the lead (its first
#: STORY_LEAD_LINES lines) twice, the body once; outlets retell a story in
#: their own headlines and leads.
TITLE_WEIGHT, LEAD_WEIGHT, BODY_WEIGHT = 3, 2, 1
STORY_LEAD_LINES = 3


def story_terms(title: str, lines: Sequence[str]) -> StoryTerms:
    """An article's terms for comparing stories, with their sub-linear
    term frequencies (1 + ln count), sorted: worked out once per file in
    the cached per-file stage, weighted by IDF when the folder is known."""
    document = (
        features(title) * TITLE_WEIGHT
        + features(" ".join(lines[:STORY_LEAD_LINES])) * LEAD_WEIGHT
        + features(" ".join(lines[STORY_LEAD_LINES:])) * BODY_WEIGHT
    )
    return StoryTerms.of(sorted((t, 1 + math.log(n)) for t, n in Counter(document).items()))


def weighted(frequencies: Iterable[tuple[str, float]], weights: dict[str, float]) -> Vector:
    """L2-normalised TF-IDF vector of precomputed (term, frequency) pairs."""
    return normalized({t: f * weights.get(t, 1.0) for t, f in frequencies})


def vector(document: Sequence[str], weights: dict[str, float]) -> Vector:
    """L2-normalised TF-IDF vector (sub-linear term frequency)."""
    counts = Counter(document)
    raw = {t: (1 + math.log(n)) * weights.get(t, 1.0) for t, n in counts.items()}
    return normalized(raw)


def normalized(raw: Vector) -> Vector:
    norm = math.sqrt(sum(v * v for v in raw.values()))
    return {t: v / norm for t, v in raw.items()} if norm else {}


def cosine(a: Vector, b: Vector) -> float:
    """Only the shared terms count; fsum makes the result independent of
    the (hash-seeded) order in which the set intersection yields them."""
    return math.fsum(a[t] * b[t] for t in a.keys() & b.keys())


#: An L2-normalised vector with its weights as integers (times SCALE):
#: their dot product is exact, so it is the same whatever order a set
#: intersection yields the shared terms in (any hash seed), and it sums in
#: C (`map`), several times faster than `cosine`'s fsum over floats.
ExactVector = dict[str, int]
#: 2**30: a weight's rounding error is below 1e-9, far under any threshold.
SCALE = 1 << 30


def exact(v: Vector) -> ExactVector:
    """`v` (L2-normalised) with integer weights: see ExactVector."""
    return {t: round(w * SCALE) for t, w in v.items()}


def exact_cosine(a: ExactVector, b: ExactVector) -> float:
    """The cosine of two exact vectors (their integer dot product, scaled)."""
    return exact_dot(a, b) / (SCALE * SCALE)


def exact_dot(a: dict[str, int], b: dict[str, int]) -> int:
    """Two integer vectors' dot product: exact, whatever order the shared
    terms come in, summed in C over the shorter one's terms."""
    if len(b) < len(a):
        a, b = b, a
    shared = a.keys() & b.keys()
    return sum(map(operator.mul, map(a.__getitem__, shared), map(b.__getitem__, shared)))


def centroid(vectors: Iterable[Vector]) -> Vector:
    return normalized(sum_of(vectors))


def sum_of(vectors: Iterable[Vector]) -> Counter[str]:
    """The term-wise sum, kept by a growing cluster so that its centroid
    (`normalized(sum)`) costs one vector's work per new member."""
    total: Counter[str] = Counter()
    for v in vectors:
        total.update(v)
    return total


def top_terms(v: Vector, n: int) -> list[str]:
    """The n heaviest terms, ties by term: sorted by term, then (a stable
    sort) by weight, heaviest first; both sorts compare in C, with no
    Python key function per term."""
    order = sorted(v)
    order.sort(key=v.__getitem__, reverse=True)
    return order[:n]
