"""Names of people, places and organisations, with their aliases merged.

The gazetteer comes from `data/aliases.toml`; it finds every mention of a
known name in a text, longest spelling first, so "Menteri Luar Negeri AS"
counts once for Antony Blinken and not also for "AS".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from . import tables
from .model import Article, Spellings
from .text import fingerprint

#: Words that, right before a place name, say something happened there.
LOCATIVES = ("di", "in", "at", "ke", "to")


@dataclass(frozen=True)
class Mention:
    name: str  # the canonical name
    kind: str  # person, place or organization
    surface: str  # as written
    start: int
    end: int


@dataclass(frozen=True)
class Gazetteer:
    kinds: dict[str, str]  # canonical name -> kind
    canonical: dict[str, str]  # every spelling -> canonical name
    aliases: dict[str, tuple[str, ...]]  # canonical name -> other spellings
    pattern: re.Pattern | None

    def find(self, text: str) -> Iterator[Mention]:
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            surface = match.group(0)
            name = self.canonical[surface]
            yield Mention(name, self.kinds[name], surface, match.start(), match.end())

    def canonical_name(self, name: str) -> str:
        return self.canonical.get(name, name)

    def with_entries(self, extra: dict[str, tuple[str, tuple[str, ...]]]) -> Gazetteer:
        """This gazetteer plus more names: {name: (kind, other spellings)}.
        A name it already knows (as a name or an alias) is left as it is."""
        entries = {name: (kind, self.aliases.get(name, ())) for name, kind in self.kinds.items()}
        for name, (kind, others) in extra.items():
            if name not in self.canonical:
                known = [o for o in others if o not in self.canonical]
                entries[name] = (kind, tuple(known))
        return build(entries)


def build(entries: dict[str, tuple[str, tuple[str, ...]]]) -> Gazetteer:
    kinds, canonical, aliases = {}, {}, {}
    for name, (kind, others) in entries.items():
        kinds[name] = kind
        aliases[name] = tuple(others)
        canonical[name] = name
        for other in others:
            canonical.setdefault(other, name)
    pattern = None
    if canonical:
        pattern = re.compile(rf"(?<!\w)(?:{tables.alternation(canonical)})(?!\w)")
    return Gazetteer(kinds=kinds, canonical=canonical, aliases=aliases, pattern=pattern)


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer from data/aliases.toml."""
    data = tables.load("aliases")
    entries = {
        name: (kind, tuple(others))
        for kind in ("person", "place", "organization")
        for name, others in data.get(kind, {}).items()
    }
    return build(entries)


def is_locative(text: str, mention: Mention) -> bool:
    """Whether the mention reads "di Tel Aviv" / "in Cairo"."""
    before = text[max(0, mention.start - 40) : mention.start].rstrip().rsplit(None, 1)
    return bool(before) and before[-1].lower() in LOCATIVES


#: Spellings shorter than this ("AS", "UN", "PA") are left out of the
#: search's extra words: as words of their own they would match everywhere.
MIN_SEARCH_SPELLING = 4


def other_spellings(
    text: str, also: Sequence[str] = (), known: Gazetteer | None = None
) -> tuple[str, ...]:
    """Every other way to write the known names `text` mentions, or that
    `also` holds (a dateline's place, cut from the text) — the table's
    name, its aliases and how other languages write it — that the text does
    not use itself, sorted: the search index gets them so that "Cairo"
    finds an article that writes "Kairo"."""
    known = known or gazetteer()
    shown_in = tables.load("aliases").get("shown_in", {})
    found = {mention.name for mention in known.find("\n".join((text, *also)))}
    spellings = set()
    for name in found:
        spellings.update((name, *known.aliases.get(name, ())))
        spellings.update(names[name] for names in shown_in.values() if name in names)
    wanted = (s for s in spellings if len(s) >= MIN_SEARCH_SPELLING or " " in s)
    return tuple(sorted(s for s in wanted if not _written(s, text)))


def spellings_of(article: Article) -> Spellings:
    """The article's other spellings, with what they were found in."""
    return Spellings(_made_from(article), _found(article))


def search_spellings(article: Article) -> tuple[str, ...]:
    """The article's other spellings: those the per-file stages kept with it
    while its text and place are the same, else found now."""
    kept = article.spellings
    if kept is not None and kept.made_from == _made_from(article):
        return kept.spellings
    return _found(article)


def _found(article: Article) -> tuple[str, ...]:
    """`other_spellings` of the article's text and its dateline's place."""
    place = article.meta.place.value
    return other_spellings(article.clean.text, also=(place,) if place else ())


def _made_from(article: Article) -> bytes:
    """A digest of what an article's other spellings are found in."""
    return fingerprint(article.clean.text, article.meta.place.value or "")


def _written(spelling: str, text: str) -> bool:
    """Whether the text writes `spelling` as whole words (a plain substring
    test first: most spellings are not in the text at all)."""
    return spelling in text and re.search(rf"(?<!\w){re.escape(spelling)}(?!\w)", text) is not None
