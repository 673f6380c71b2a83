"""The site's words in its language: the tables of data/ui.toml, the choice
of the site's language, and counts with their plural.

Pure: no Pelican here. The glue picks the language once per build
(`main_language`, `site_language`) and hands its table (`table`) to the theme as `UI` and
to the render stage's formatters.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache

from . import tables

#: The seeds' language: a site whose articles' language has no table, or
#: a folder with no articles, speaks it.
DEFAULT_LANG = "id"


def languages() -> tuple[str, ...]:
    """The languages with a UI table, in the file's order."""
    return tuple(tables.load("ui"))


@cache
def table(lang: str | None) -> dict:
    """The UI table for `lang`, or DEFAULT_LANG's when it has none; under
    `names`, how that language writes the alias table's names (its
    `shown_in` table in data/aliases.toml)."""
    tables_by_lang = tables.load("ui")
    chosen = lang if lang in tables_by_lang else DEFAULT_LANG
    names = tables.load("aliases").get("shown_in", {}).get(chosen, {})
    return {**tables_by_lang[chosen], "names": names}


def for_stories(words: dict) -> dict:
    """The table for a site without a trip catalog: its `stories` words
    (stories, threads) in place of the trip words, counts included."""
    stories = words["stories"]
    counts = {**words["counts"], **stories.get("counts", {})}
    return {**words, **stories, "counts": counts}


def shown_name(words: dict, name: str) -> str:
    """A person's, place's or organisation's name as the site's readers
    write it ("Cairo" on an English site, "Kairo" on an Indonesian one)."""
    return words["names"].get(name, name)


def main_language(langs: Iterable[str | None], default: str = DEFAULT_LANG) -> str:
    """The language most articles are in (ties: the first code in
    alphabetical order, so every build agrees); `default` when none is
    known."""
    counts = Counter(lang for lang in langs if lang)
    if not counts:
        return default
    return min(counts, key=lambda lang: (-counts[lang], lang))


def site_language(main: str, override: str | None = None, default: str = DEFAULT_LANG) -> str:
    """The language the site speaks: `override` (the SITE_LANG setting)
    when given, else the folder's `main` language (`main_language`);
    either only if it has a table, else `default`."""
    wanted = override or main
    return wanted if wanted in languages() else default


def counted(words: dict, n: int, noun: str) -> str:
    """`3 articles`, `1 article`: the `counts` entry for `noun`, in its
    singular for one and its plural (the last form) otherwise."""
    forms = words["counts"][noun]
    return (forms[0] if n == 1 else forms[-1]).format(n=n)
