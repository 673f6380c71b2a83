"""Claim-by-outlet coverage: for each key point of an event, which outlets
carry it, which of the event's outlets do not, and the figures on which
their versions differ.

A key point already merges the outlets' own sentences for it (digest.py);
this stage only reads those versions, so every outlet listed as carrying a
point has a sentence to show for it, and a figure is only ever compared
with the same figure in another outlet's version of the same sentence.
Articles whose outlet is unknown count as carrying a point, but they are
never named as missing and never make a point "only in" an outlet.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from . import tables
from .model import Article

#: A figure: a number (with Indonesian or English digit grouping, or a
#: decimal part) and the word after it, which says what is counted
#: ("97 WNI", "1.200 orang", "3,5 persen"). A number inside a date or a
#: code ("18/6/2025", "SV5276") is not a figure.
_FIGURE = re.compile(
    r"(?<![\w.,/:-])(?P<number>\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)(?![\w/:])"
    r"\s*(?P<unit>%|[^\W\d_]{2,})"
)
#: A four-digit number between these is a year ("2025 lalu"), not a count.
YEARS = range(1900, 2101)


@dataclass(frozen=True)
class Figure:
    """One thing counted differently by the versions of a key point:
    `values` holds (the number as printed, the article printing it)."""

    unit: str
    values: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class PointCoverage:
    outlets: tuple[str, ...]  # known outlets carrying the point
    missing: tuple[str, ...]  # the event's known outlets that do not
    only: str | None  # the one outlet carrying it, when the event has others
    figures: tuple[Figure, ...]


@cache
def _not_units() -> frozenset[str]:
    """Words after a number that are not what it counts: months, weekdays
    and the like ("18 Juni", "pukul 10 pagi")."""
    words = set(tables.month_numbers()) | set(tables.weekday_numbers())
    words.update(tables.load("entities").get("not_figure_units", {}).get("words", ()))
    return frozenset(words)


def _figures(sentence: str) -> dict[str, str]:
    """The figures in a sentence: what is counted -> the number printed."""
    found: dict[str, str] = {}
    for match in _FIGURE.finditer(sentence):
        number, unit = match.group("number"), match.group("unit").lower()
        if unit in _not_units() or (number.isdigit() and int(number) in YEARS):
            continue
        found.setdefault(unit, number)
    return found


def _value(number: str) -> float:
    """ "1.200" and "1,200" are one thousand two hundred; "3,5" and "3.5"
    are three and a half (a separator before exactly three digits groups
    thousands)."""
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", number):
        return float(re.sub(r"[.,]", "", number))
    return float(number.replace(",", "."))


def differing_figures(versions: Sequence[tuple[str, str]]) -> tuple[Figure, ...]:
    """Figures that the versions (article, sentence) of one point give
    differently: a counted thing printed with two or more values."""
    by_unit: dict[str, dict[str, str]] = defaultdict(dict)
    for article, sentence in versions:
        for unit, number in _figures(sentence).items():
            by_unit[unit].setdefault(article, number)
    figures = []
    for unit, numbers in sorted(by_unit.items()):
        if len(numbers) < 2 or len({_value(n) for n in numbers.values()}) < 2:
            continue
        figures.append(Figure(unit, tuple(numbers.items())))  # in the versions' order
    return tuple(figures)


def point_coverage(
    versions: Sequence[tuple[str, str]], members: Sequence[Article]
) -> PointCoverage:
    """Coverage of one key point among the event's articles `members`."""
    publisher = {a.identifier: a.meta.publisher.value for a in members}
    event_outlets = sorted({p for p in publisher.values() if p})
    carried_by = {publisher.get(a) for a, _ in versions}
    carrying = sorted(p for p in carried_by if p)
    missing = tuple(o for o in event_outlets if o not in carrying)
    only = carrying[0] if len(carried_by) == 1 and carrying and missing else None
    return PointCoverage(tuple(carrying), missing, only, differing_figures(versions))
