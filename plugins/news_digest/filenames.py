"""What a folder's file names say about their articles.

Scrapers name each file after what they knew when they saved it
(`0618_0007_okezone_jadi-biduan….txt`, `6abc_045_john-fetterman….txt`):
often the outlet, sometimes the day, the writer or a slug. Two ways to
read it, in this order:

- Pelican's own `FILENAME_METADATA`: a regular expression with named
  groups over the file's name without its extension, as Pelican reads it
  for Markdown. The groups `publisher` (or `outlet`, `source`), `author`,
  `date`, `title` and `slug` are used;
- without a `publisher` group, the folder's **outlet position**: the
  place among a name's `_`-separated fields (or `-`-separated, when no
  `_` position fits) where most of the folder's files name an outlet of
  data/publishers.toml. A field there that the table lacks counts only
  when the name is shaped like the others (the same fields of digits
  before it) and at least two files share it.

A value from the file name is the weakest evidence there is ("from the
file name"): it fills what neither the text nor a sidecar said, and never
replaces it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import PurePath

from . import dates, tables
from .infer import publisher_name
from .model import Article, DateFinding, Evidence, Fact

#: Separators between a file name's fields, in order of preference: the
#: scrapers seen write `_` between fields and `-` inside a slug.
SEPARATORS = ("_", "-")

#: Outlet positions looked at: an outlet comes early in a name, before the
#: slug (whose words could name an outlet by chance).
MAX_POSITION = 4

#: At least this share of the folder's files must name a known outlet at
#: the position: the position is then the folder's habit, not luck (a
#: slug's first word names an outlet in far fewer names). The English
#: corpus names outlets the table knows in 41 % of its names before its
#: own were added; the rest are outlets it does not know.
MIN_SHARE = 0.3

#: ... and at least this many: one file alone does not make a habit (a
#: lone `tempo_dulu.txt` is about the old days, not the magazine).
MIN_FILES = 2

#: A field the table does not know is taken as an outlet only when this
#: many files share it.
MIN_UNKNOWN_FILES = 2

#: What an outlet's field looks like: a domain's first label.
OUTLET_SHAPE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$|^[0-9]+[a-z][a-z0-9]*$")

#: The `FILENAME_METADATA` groups read, and the fact each one gives.
GROUPS = {
    "publisher": "publisher",
    "outlet": "publisher",
    "source": "publisher",
    "author": "author",
    "date": "date",
    "title": "title",
    "slug": "slug",
}


@dataclass(frozen=True)
class FileFacts:
    """What one file's name says: each value as written there (None: it
    says nothing), the name quoted, and why a value was not used."""

    name: str
    publisher: str | None = None
    author: str | None = None
    date: date | None = None
    title: str | None = None
    slug: str | None = None
    problems: tuple[str, ...] = ()


def stem(identifier: str) -> str:
    """A file's name without folders and extension, as Pelican matches it."""
    return PurePath(identifier).stem


@cache
def _not_outlets() -> frozenset[str]:
    """Fields that name a site but not the outlet (an aggregator's)."""
    table = tables.load("publishers").get("file_names", {})
    return frozenset(field.lower() for field in table.get("not_outlets", []))


@cache
def _known_outlets() -> dict[str, str]:
    """Field → outlet name, for the outlets of data/publishers.toml."""
    known = {key.lower(): name for key, name in tables.publisher_names().items()}
    known.update({alias.lower(): name for alias, name in tables.publisher_aliases().items()})
    return {field: name for field, name in known.items() if field not in _not_outlets()}


def _fields(name: str, separator: str) -> list[str]:
    return stem(name).lower().split(separator)


def _shape(fields: Sequence[str]) -> tuple[bool, ...]:
    """Which fields are digits: a name's shape before its outlet."""
    return tuple(field.isdigit() for field in fields)


@dataclass(frozen=True)
class OutletPosition:
    """Where the folder's names carry the outlet: after `position` fields
    split at `separator`, the names shaped `shape` before it."""

    separator: str
    position: int
    shape: tuple[bool, ...]


def outlet_position(names: Sequence[str]) -> OutletPosition | None:
    """The folder's outlet position, or None when no position holds a
    known outlet in at least MIN_SHARE of the names (and MIN_FILES)."""
    if not names:
        return None
    known = _known_outlets()
    best: tuple[int, int, int] | None = None  # (count, -separator rank, -position)
    for rank, separator in enumerate(SEPARATORS):
        split = [_fields(n, separator) for n in names]
        for position in range(MAX_POSITION):
            count = sum(
                1 for fields in split if len(fields) > position + 1 and fields[position] in known
            )
            if best is None or (count, -rank, -position) > best:
                best = (count, -rank, -position)
    count, rank, position = best
    if count < MIN_FILES or count < MIN_SHARE * len(names):
        return None
    separator, position = SEPARATORS[-rank], -position
    shapes = Counter(
        _shape(fields[:position])
        for fields in (_fields(n, separator) for n in names)
        if len(fields) > position + 1 and fields[position] in known
    )
    return OutletPosition(separator, position, min(shapes, key=lambda s: (-shapes[s], s)))


def outlets(names: Sequence[str]) -> dict[str, str]:
    """Each name's outlet field (lower case) at the folder's outlet
    position, for the names that have one there."""
    where = outlet_position(names)
    if where is None:
        return {}
    known, refused = _known_outlets(), _not_outlets()
    fields_of = {n: _fields(n, where.separator) for n in names}
    at = {
        n: fields[where.position]
        for n, fields in fields_of.items()
        if len(fields) > where.position + 1
    }
    unknown_counts = Counter(f for f in at.values() if f not in known)

    def unknown_outlet(name: str, field: str) -> bool:
        return bool(
            field not in refused
            and OUTLET_SHAPE.match(field)
            and unknown_counts[field] >= MIN_UNKNOWN_FILES
            and _shape(fields_of[name][: where.position]) == where.shape
        )

    return {
        name: field for name, field in at.items() if field in known or unknown_outlet(name, field)
    }


def from_pattern(name: str, pattern: re.Pattern[str]) -> FileFacts:
    """The facts FILENAME_METADATA's named groups give for one name."""
    match = pattern.match(stem(name))
    if not match:
        return FileFacts(name)
    values: dict[str, object] = {}
    problems = []
    for group, value in match.groupdict().items():
        fact = GROUPS.get(group.lower())
        if fact is None or not value or not value.strip() or fact in values:
            continue
        value = value.strip()
        if fact == "date":
            day = _parse_day(value)
            if day is None:
                problems.append(f"the date {value!r} in its file name is not a date; it is ignored")
                continue
            values[fact] = day
        elif fact == "publisher" and "/" in value:
            problems.append(f"the outlet {value!r} in its file name is an address; it is ignored")
        else:
            values[fact] = value
    return FileFacts(name, problems=tuple(problems), **values)


def _parse_day(value: str) -> date | None:
    """A day written `2025-06-18`, `2025_06_18` or `20250618`."""
    digits = re.sub(r"[-_./]", "-", value)
    try:
        return date.fromisoformat(digits)
    except ValueError:
        return None


def read_names(names: Iterable[str], pattern: str = "") -> dict[str, FileFacts]:
    """What each file name says, by name: FILENAME_METADATA's groups when
    `pattern` is set (an invalid pattern raises re.error), and the outlet
    at the folder's outlet position when the pattern names none."""
    names = sorted(names)
    compiled = re.compile(pattern) if pattern else None
    facts = {n: from_pattern(n, compiled) if compiled else FileFacts(n) for n in names}
    named = {GROUPS.get(group.lower()) for group in compiled.groupindex} if compiled else set()
    if "publisher" not in named:
        for name, field in outlets(names).items():
            facts[name] = replace(facts[name], publisher=field)
    return facts


def evidence(name: str) -> Evidence:
    return Evidence.of("file_name", quote=PurePath(name).name)


def fill(article: Article, facts: FileFacts) -> Article:
    """The article with what its file name says wherever the text and the
    sidecar said nothing (unknown stays unknown otherwise)."""
    meta = article.meta
    changes: dict[str, object] = {}
    said = evidence(article.source_path)
    if facts.publisher and meta.publisher.value is None:
        changes["publisher"] = Fact(outlet_name(facts.publisher), said)
    if facts.author and meta.author.value is None:
        changes["author"] = Fact(facts.author, said)
    if facts.title and meta.title.value is None:
        changes["title"] = Fact(facts.title, said)
    if facts.date and meta.date.level == "unknown":
        found = DateFinding(level="explicit", evidence=said, date=facts.date)
        changes["date"] = found
        changes["happened"] = dates.find_happening_day(article.clean.kept, facts.date)
    if not changes:
        return article
    return replace(article, meta=replace(meta, **changes))


def outlet_name(field: str) -> str:
    """An outlet's name from its field: the table's (`okezone` → Okezone),
    else as a domain is named (infer.publisher_name)."""
    return _known_outlets().get(field.lower()) or publisher_name(field)
