"""Bag-of-words vectors for comparing texts (TF-IDF, cosine).

Used to group articles into events and to find the central sentences of an
event. Vectors are sparse dicts; comparisons are only ever made within a
small candidate set, never across all pairs of a corpus.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache

from . import tables

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


def _starts_sentence(text: str, position: int) -> bool:
    before = text[:position].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?:\n"


def is_word(term: str) -> bool:
    """A plain word feature (not a phrase or a name marker), for display."""
    return " " not in term and not term.startswith("@")


def idf(documents: Iterable[Sequence[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of every term."""
    frequency: Counter[str] = Counter()
    count = 0
    for document in documents:
        count += 1
        frequency.update(set(document))
    return {term: math.log((1 + count) / (1 + df)) + 1.0 for term, df in frequency.items()}


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
    return [t for t, _ in heapq.nsmallest(n, v.items(), key=lambda item: (-item[1], item[0]))]
