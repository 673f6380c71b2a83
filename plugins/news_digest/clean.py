"""Clean stage: `RawArticle` → `CleanArticle`, with every removal recorded.

The rules, in the order they apply to each line:

1. the lead's dateline prefix (`Cairo, Gatra.com - `) is split off and kept
   as data for the infer stage (reason `dateline`);
2. credit lines (`(Tribunnews.com/Whiesa)`, `Penulis: Ani`) are removed and
   kept as data (reason `credit`);
3. boilerplate from the tables in `data/boilerplate.toml` is removed
   (reason `boilerplate:<rule>`);
4. a line that repeats an earlier line, exactly or nearly, is removed
   wherever it stands (reason `repeat-of:<line number>`); the earlier
   line stays in place, showing the best-written of the variants;
5. a heading over a list of links ("Related Topics", "Baca Juga") takes
   the link-like lines after it when nothing but such lines follows
   (reason `boilerplate:<rule>`);
6. stray labels at the very end (`Fuente`) go last (reason
   `boilerplate:<rule>`).

Precision beats recall: a rule removes a line only when it is sure, and a
line that matches nothing is always kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from . import tables
from .model import CleanArticle, Credit, Dateline, Line, RawArticle, Removal

#: Two lines at least this similar (RapidFuzz ratio on their normalised
#: forms, 0–100) are the same line written twice. The seeds' caption pairs
#: normalise to identical strings; 95 also catches a changed word or two in
#: a long caption, while distinct sentences that share a phrase score far
#: lower (see tests/test_clean.py).
REPEAT_SIMILARITY = 95.0

#: Lines shorter than this (normalised) are compared exactly only: short
#: lines differ by too few characters for a ratio to mean anything.
MIN_FUZZY_LENGTH = 30

#: Lines under a related-links heading are links only if this short.
MAX_LINK_LENGTH = 120

_QUOTES = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‒": "-",
        "―": "-",
    }
)
_SPACES = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s.!?,;:…'\"]+$")
_LEADING = re.compile(r"^[\s'\"]+")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"[\w']+")

# ---- dateline and credit grammar -----------------------------------------

_DOMAIN = r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z]{2,6}){1,2}"
_PLACE = r"[A-Z][A-Za-z'’.-]+(?:\s+[A-Z][A-Za-z'’.-]+){0,3}"
_CAPS_PLACE = r"[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]+){0,2}"
_DASH = r"\s*(?:-{1,2}|–|—)\s+"
_NAME = r"[A-Z][\w'’.-]*(?:[ ,]+(?:[A-Z][\w'’.-]*|dan|and|&))*"


def _outlet_names() -> str:
    names = set(tables.news_agencies()) | set(tables.publisher_names().values())
    return tables.alternation(names)


@dataclass(frozen=True)
class _Grammar:
    """Compiled dateline and credit patterns (built once, from the tables)."""

    datelines: tuple[re.Pattern, ...]
    credit_lines: tuple[re.Pattern, ...]
    inline_credit: re.Pattern


def _compile() -> _Grammar:
    outlet = rf"(?:{_DOMAIN}|{_outlet_names()})"
    labels = tables.alternation(tables.load("publishers")["bylines"]["author_labels"])
    datelines = (
        rf"^(?P<place>{_PLACE}),\s+(?P<outlet>{outlet}){_DASH}",
        rf"^(?P<outlet>{outlet}),\s+(?P<place>{_PLACE}){_DASH}",
        rf"^(?P<place>{_PLACE})\s+\((?P<outlet>{outlet})\){_DASH}",
        rf"^(?P<outlet>{_DOMAIN}){_DASH}",
        rf"^(?P<place>{_CAPS_PLACE}){_DASH}(?=[A-Z\"“'‘])",
    )
    credit_lines = (
        rf"^\(\s*(?P<outlet>{_DOMAIN})\s*/\s*(?P<author>[^()/]{{2,60}}?)\s*\)$",
        r"^\(\s*[a-zA-Z]{2,6}(?:\s*/\s*[a-zA-Z]{2,6}){1,2}\s*\)$",
        rf"^(?i:{labels})\s*:?\s+(?P<author>{_NAME})$",
    )
    return _Grammar(
        datelines=tuple(re.compile(p) for p in datelines),
        credit_lines=tuple(re.compile(p) for p in credit_lines),
        inline_credit=re.compile(
            rf"\s+\(\s*(?P<outlet>{_DOMAIN})\s*/\s*(?P<author>[^()/]{{2,60}}?)\s*\)$"
        ),
    )


_grammar: _Grammar | None = None


def _patterns() -> _Grammar:
    global _grammar
    if _grammar is None:
        _grammar = _compile()
    return _grammar


def split_dateline(text: str) -> tuple[Dateline, str] | None:
    """Split `Cairo, Gatra.com - Body…` into its dateline and the body."""
    for pattern in _patterns().datelines:
        match = pattern.match(text)
        if match:
            groups = match.groupdict()
            return (
                Dateline(
                    text=match.group(0),
                    place=_tidy_place(groups.get("place")),
                    outlet=groups.get("outlet"),
                ),
                text[match.end() :],
            )
    return None


def match_credit(text: str) -> Credit | None:
    """A credit line such as `(Tribunnews.com/Whiesa)`, or None."""
    for pattern in _patterns().credit_lines:
        match = pattern.match(text)
        if match:
            groups = match.groupdict()
            author = groups.get("author")
            return Credit(
                text=text,
                outlet=groups.get("outlet"),
                author=author.strip(" ,") if author else None,
            )
    return None


def split_inline_credit(text: str) -> tuple[str, Credit] | None:
    """Split a credit glued to the end of a paragraph off it."""
    match = _patterns().inline_credit.search(text)
    if not match or match.start() == 0:
        return None
    credit = Credit(
        text=match.group(0).strip(),
        outlet=match.group("outlet"),
        author=match.group("author").strip(),
    )
    return text[: match.start()], credit


def _tidy_place(place: str | None) -> str | None:
    if not place:
        return None
    return place.title() if place.isupper() else place


# ---- repeats -------------------------------------------------------------


def normalize(text: str) -> str:
    """The comparison form of a line: NFKC, straight quotes, one space,
    no case, no enclosing quotes, no trailing punctuation. Only for
    comparing; never shown."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    return _LEADING.sub("", _TRAILING.sub("", _SPACES.sub(" ", text).strip()))


def _variant_rank(text: str, number: int) -> tuple:
    """Higher is better: terminal punctuation, single spaces, typographic
    quotes; on a tie, the earlier line."""
    return (
        bool(_TERMINAL.search(text)),
        "  " not in text,
        sum(text.count(q) for q in "‘’“”"),
        -number,
    )


def _negations() -> frozenset[str]:
    return frozenset(tables.load("negations")["words"])


def _same_facts(a: str, b: str) -> bool:
    """Near-identical lines are one line only if they state the same
    numbers and the same negations: "20 orang" is not "30 orang", and
    "tidak setuju" is not "setuju"."""
    if sorted(_DIGITS.findall(a)) != sorted(_DIGITS.findall(b)):
        return False
    negations = _negations()
    words_a = [w for w in _WORDS.findall(a) if w in negations]
    words_b = [w for w in _WORDS.findall(b) if w in negations]
    return sorted(words_a) == sorted(words_b)


@dataclass
class _Cluster:
    """One distinct line and every place it occurs."""

    key: str
    first: int
    first_text: str
    best_text: str
    best_rank: tuple


@dataclass
class _RepeatIndex:
    """The distinct lines seen so far, by exact key and by length for the
    fuzzy pass (only lines of similar length can reach the threshold)."""

    by_key: dict[str, _Cluster] = field(default_factory=dict)
    by_length: dict[int, list[_Cluster]] = field(default_factory=dict)

    def find(self, key: str) -> _Cluster | None:
        exact = self.by_key.get(key)
        if exact or len(key) < MIN_FUZZY_LENGTH:
            return exact
        # ratio >= R needs lengths within (1 - R/100)/(R/100) of each other
        slack = int(len(key) * (100 - REPEAT_SIMILARITY) / REPEAT_SIMILARITY) + 1
        for length in range(len(key) - slack, len(key) + slack + 1):
            for cluster in self.by_length.get(length, ()):
                score = fuzz.ratio(key, cluster.key, score_cutoff=REPEAT_SIMILARITY)
                if score and _same_facts(key, cluster.key):
                    return cluster
        return None

    def add(self, cluster: _Cluster) -> None:
        self.by_key[cluster.key] = cluster
        self.by_length.setdefault(len(cluster.key), []).append(cluster)


def _link_like(text: str) -> bool:
    """A headline in a link list: short, and not a sentence."""
    return len(text) <= MAX_LINK_LENGTH and not _TERMINAL.search(text)


# ---- the stage -----------------------------------------------------------


def clean(raw: RawArticle) -> CleanArticle:
    """Clean one raw article."""
    return clean_lines(raw.lines)


def clean_lines(lines: Sequence[str]) -> CleanArticle:
    """Clean the physical lines of an article (numbered from 1)."""
    rules = tables.boilerplate_rules()
    anywhere = [rule for rule in rules if rule.where != "trailing"]
    trailing = [rule for rule in rules if rule.where == "trailing"]
    blocks: list[tuple[int, str]] = []  # (kept lines before a block heading, rule)

    clusters: list[_Cluster] = []  # the kept lines, in order
    removed: list[Removal] = []
    credits: list[Credit] = []
    dateline: Dateline | None = None
    index = _RepeatIndex()

    for number, raw_line in enumerate(lines, start=1):
        text = raw_line.strip()
        if not text:
            continue
        if not clusters and not removed and dateline is None:
            split = split_dateline(text)
            if split:
                dateline, text = split
                removed.append(Removal(number, dateline.text.strip(), "dateline"))
                text = text.strip()
                if not text:
                    continue
        credit = match_credit(text)
        if credit:
            credits.append(credit)
            removed.append(Removal(number, text, "credit"))
            continue
        inline = split_inline_credit(text)
        if inline:
            text, credit = inline
            credits.append(credit)
            removed.append(Removal(number, credit.text, "credit"))
        rule = next((r for r in anywhere if r.matches(text)), None)
        if rule:
            removed.append(Removal(number, text, f"boilerplate:{rule.name}"))
            if rule.where == "block":
                blocks.append((len(clusters), rule.name))
            continue
        key = normalize(text)
        rank = _variant_rank(text, number)
        cluster = index.find(key)
        if cluster:
            removed.append(Removal(number, text, f"repeat-of:{cluster.first}"))
            if rank > cluster.best_rank:
                cluster.best_text, cluster.best_rank = text, rank
            continue
        cluster = _Cluster(key=key, first=number, first_text=text, best_text=text, best_rank=rank)
        index.add(cluster)
        clusters.append(cluster)

    for start, name in blocks:
        tail = clusters[start:]
        if tail and all(_link_like(cluster.best_text) for cluster in tail):
            removed.extend(Removal(c.first, c.best_text, f"boilerplate:{name}") for c in tail)
            del clusters[start:]
            break

    while clusters:
        last = clusters[-1]
        rule = next((r for r in trailing if r.matches(last.first_text)), None)
        if not rule:
            break
        removed.append(Removal(last.first, last.first_text, f"boilerplate:{rule.name}"))
        clusters.pop()

    removed.sort(key=lambda r: (r.number, r.reason != "dateline"))
    return CleanArticle(
        kept=tuple(Line(c.first, c.best_text) for c in clusters),
        removed=tuple(removed),
        dateline=dateline,
        credits=tuple(credits),
    )
