"""Boilerplate learned from the folder: lines that recur across articles.

Runs after the per-file stages, over every article of the folder at once
(one pass, a dictionary of line keys: no comparison of article pairs), so
the per-file cache stays valid: a changed file re-cleans that file only,
and this pass is redone from the cached results.

A kept line is site furniture when it stands in articles of at least
`MIN_ARTICLES` different stories of the folder *and* carries a debris cue
from `data/boilerplate.toml` (`[recurring]`: a call to follow or
subscribe, a platform or channel name, an @handle, an address, a credit in
brackets, the outlet's own name…). Both are guards against syndicated
text: the same agency paragraph in five articles recurs too, but those
articles tell one story (they share other sentences), and the paragraph
has no such cue. A short recurring line without a cue goes only when, in
every article that has it, it stands next to a line removed this way (the
rest of the same widget: "Not now", "Turn on").
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import cache

from . import tables, terms
from .model import Article, LineKeys, Removal
from .text import ends_sentence, fingerprint, normalize

#: A line must stand in at least this many articles of the folder to be
#: taken for site furniture. Two could be one story told twice; on the
#: shared corpora, furniture lines stand in 3 to 1,600 articles.
MIN_ARTICLES = 3

#: Longer lines are paragraphs, however often they recur (the longest
#: furniture seen on the corpora, a donation pitch, is ~450 characters).
MAX_LINE_CHARS = 600

#: Two articles that share this many plain sentences (no cue, at least
#: `SENTENCE_MIN_WORDS` words) tell one story: a line they both carry is
#: that story's text, not the site's furniture.
SAME_STORY_SENTENCES = 2
SENTENCE_MIN_WORDS = 8

#: Above this many articles a line is furniture by its spread alone; the
#: story check (pairs of its articles) is only run below it.
STORY_CHECK_MAX = 60

RULE = "recurring"


#: A weak cue (a platform's or the outlet's name, an @handle) counts only on
#: a short line that is not a sentence: a widget label, not a paragraph.
WEAK_CUE_MAX_WORDS = 12


@cache
def _cues() -> tuple[tuple[re.Pattern, ...], tuple[re.Pattern, ...]]:
    table = tables.load("boilerplate")["recurring"]
    names = {*tables.publisher_names(), *tables.publisher_names().values()}
    outlets = tables.alternation(names | set(tables.publisher_aliases()))
    strong = tuple(re.compile(p, re.IGNORECASE) for p in table["strong"])
    weak = tuple(re.compile(p, re.IGNORECASE) for p in [*table["weak"], rf"\b(?:{outlets})\b"])
    return strong, weak


def has_cue(text: str) -> bool:
    """Whether a line carries a debris cue (see data/boilerplate.toml)."""
    strong, weak = _cues()
    if any(pattern.search(text) for pattern in strong):
        return True
    if ends_sentence(text) or len(text.split()) > WEAK_CUE_MAX_WORDS:
        return False
    return any(pattern.search(text) for pattern in weak)


#: A line's key: one byte saying what the line is (KEY_EMPTY, KEY_LINE or
#: KEY_LONG, by its normalised text) and a digest of its normalised text.
KEY_BYTES = 17
KEY_EMPTY, KEY_LINE, KEY_LONG = 0, 1, 2


def line_keys(article: Article) -> list[bytes]:
    """Each kept line's key (`_key`): those the per-file stages kept with
    the article (`packed_keys`) while its kept lines are the same, else
    worked out now; shared by `learn` and `apply`."""
    kept = article.line_keys
    if kept is not None and kept.made_from == _lines_digest(article):
        data = kept.keys
        return [data[start : start + KEY_BYTES] for start in range(0, len(data), KEY_BYTES)]
    return [_key(line.text) for line in article.clean.kept]


def packed_keys(article: Article) -> LineKeys:
    """The article's line keys, to be kept with it (model.LineKeys)."""
    keys = b"".join(_key(line.text) for line in article.clean.kept)
    return LineKeys(_lines_digest(article), keys)


def _key(text: str) -> bytes:
    """A line's key: lines of the same normalised text share it (a digest
    of 16 bytes: two different texts never meet on one), and its first
    byte says whether the text is empty, or longer than MAX_LINE_CHARS."""
    normal = normalize(text)
    kind = KEY_EMPTY if not normal else KEY_LINE if len(normal) <= MAX_LINE_CHARS else KEY_LONG
    return bytes((kind,)) + fingerprint(normal)


def _lines_digest(article: Article) -> bytes:
    return fingerprint(*(line.text for line in article.clean.kept))


def learn(
    articles: Sequence[Article], keys: Sequence[list[bytes]] | None = None
) -> dict[bytes, int]:
    """The folder's recurring furniture: a line's key → articles it is
    in; `keys` are the articles' `line_keys`, when already known."""
    keys = [line_keys(a) for a in articles] if keys is None else keys
    where: dict[bytes, list[tuple[int, int]]] = defaultdict(list)  # key → (article, position)
    spread: Counter[bytes] = Counter()  # key → how many articles hold it
    texts: dict[bytes, str] = {}  # a line's key → its text where first seen
    for index, (article, article_keys) in enumerate(zip(articles, keys, strict=True)):
        for line, key in zip(article.clean.kept, article_keys, strict=True):
            texts.setdefault(key, line.text)
        seen = set(article_keys)
        spread.update(seen)
        for position, key in enumerate(article_keys):
            if key[0] == KEY_LINE and key in seen:
                seen.discard(key)
                where[key].append((index, position))
    recurring = {key: places for key, places in where.items() if len(places) >= MIN_ARTICLES}
    if not recurring:
        return {}
    evidence = _Evidence(keys, texts, spread)
    recurring = {
        key: places
        for key, places in recurring.items()
        if _stories([i for i, _ in places], evidence) >= MIN_ARTICLES
    }
    confirmed = {key for key in recurring if has_cue(texts[key])}
    for key, places in recurring.items():
        if key in confirmed or not _widget_label(texts[key]):
            continue
        if all(_next_to(keys[index], position, confirmed) for index, position in places):
            confirmed.add(key)
    return {key: len(recurring[key]) for key in confirmed}


class _Evidence(dict):
    """An article's plain sentences (by its index), worked out when the
    story check first asks for them. Only a sentence that two articles or
    more hold can be shared by two of them, so the others are never
    looked at: the same answers, for a fraction of the work."""

    def __init__(
        self, keys: Sequence[list[bytes]], texts: dict[bytes, str], spread: Counter[bytes]
    ):
        super().__init__()
        self.keys, self.texts, self.spread = keys, texts, spread
        self.plain: dict[bytes, bool] = {}

    def __missing__(self, index: int) -> frozenset[bytes]:
        found = frozenset(
            key for key in self.keys[index] if self.spread[key] >= 2 and self._plain(key)
        )
        self[index] = found
        return found

    def _plain(self, key: str) -> bool:
        if key not in self.plain:
            self.plain[key] = _plain_sentence(self.texts[key])
        return self.plain[key]


def _plain_sentence(text: str) -> bool:
    """A sentence of article prose: long enough, finished, and no cue."""
    strong, _weak = _cues()
    return (
        ends_sentence(text)
        and len(text.split()) >= SENTENCE_MIN_WORDS
        and not any(pattern.search(text) for pattern in strong)
    )


def _widget_label(text: str) -> bool:
    return not ends_sentence(text) and len(text.split()) <= WEAK_CUE_MAX_WORDS


def _stories(articles: list[int], evidence: Mapping[int, frozenset[bytes]]) -> int:
    """How many different stories these articles tell: articles sharing
    `SAME_STORY_SENTENCES` plain sentences are one story (union-find)."""
    if len(articles) > STORY_CHECK_MAX:
        return len(articles)
    parent = {a: a for a in articles}

    def root(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for i, a in enumerate(articles):
        for b in articles[i + 1 :]:
            if len(evidence[a] & evidence[b]) >= SAME_STORY_SENTENCES:
                parent[root(a)] = root(b)
    return len({root(a) for a in articles})


def _next_to(article_keys: list[bytes], position: int, confirmed: set[bytes]) -> bool:
    before = article_keys[max(0, position - 1) : position]
    after = article_keys[position + 1 : position + 2]
    return any(key in confirmed for key in before + after)


def apply(article: Article, learned: dict[bytes, int], keys: list[bytes] | None = None) -> Article:
    """The article with its learned furniture moved to the removal record
    (`keys`: its `line_keys`, when already known)."""
    if not learned:
        return article
    keys = line_keys(article) if keys is None else keys
    found = [(line, learned.get(key)) for line, key in zip(article.clean.kept, keys, strict=True)]
    if not any(count for _line, count in found):
        return article
    kept = tuple(line for line, count in found if not count)
    removed = [
        Removal(line.number, line.text, "boilerplate", rule=RULE, seen_in=count)
        for line, count in found
        if count
    ]
    every = sorted(
        (*article.clean.removed, *removed), key=lambda r: (r.number, r.kind != "dateline")
    )
    story = terms.story_terms(article.meta.title.value or "", [line.text for line in kept])
    return replace(
        article,
        clean=replace(article.clean, kept=kept, removed=tuple(every)),
        meta=replace(article.meta, story_terms=story),
    )
