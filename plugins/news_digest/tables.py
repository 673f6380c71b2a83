"""The data tables in `data/`, loaded once and compiled for matching.

Patterns, names and word lists live in TOML files so that teaching the
pipeline a new site, month spelling or alias is a one-line data change.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


@cache
def load(name: str) -> dict:
    """One data file from `data/`, parsed."""
    with (DATA_DIR / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


@dataclass(frozen=True)
class BoilerplateRule:
    name: str
    langs: tuple[str, ...]
    where: str  # "anywhere", "trailing" or "block" (see data/boilerplate.toml)
    #: the rule's patterns as one alternation: a line matches it exactly
    #: when it matches one of them (none holds a group reference or an
    #: inline flag), and one search costs a fraction of one per pattern
    pattern: re.Pattern

    def matches(self, line: str) -> bool:
        return self.pattern.search(line) is not None


@cache
def boilerplate_rules() -> tuple[BoilerplateRule, ...]:
    return tuple(
        BoilerplateRule(
            name=rule["name"],
            langs=tuple(rule["langs"]),
            where=rule.get("where", "anywhere"),
            pattern=re.compile("|".join(f"(?:{p})" for p in rule["patterns"]), re.IGNORECASE),
        )
        for rule in load("boilerplate")["rule"]
    )


def _numbered(table: dict) -> dict[str, int]:
    """Invert `{ "1": ["januari", ...] }` into `{"januari": 1, ...}`."""
    return {word: int(number) for number, words in table.items() for word in words}


@cache
def month_numbers() -> dict[str, int]:
    return _numbered(load("calendar")["months"])


@cache
def weekday_numbers() -> dict[str, int]:
    return _numbered(load("calendar")["weekdays"])


@cache
def ordinal_numbers() -> dict[str, int]:
    return _numbered(load("calendar")["ordinals"])


def alternation(words) -> str:
    """A regex alternation of words, longest first so prefixes lose."""
    return "|".join(re.escape(word) for word in sorted(words, key=lambda w: (-len(w), w)))


@cache
def publisher_names() -> dict[str, str]:
    return load("publishers")["names"]


@cache
def news_agencies() -> tuple[str, ...]:
    return tuple(load("publishers")["agencies"]["names"])


@cache
def publisher_aliases() -> dict[str, str]:
    """Other spellings of outlets in datelines and credits (`detikcom`), by spelling."""
    return load("publishers").get("aliases", {})
