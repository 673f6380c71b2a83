"""Bounded time on hostile text: no regular expression that sees scraped
text backtracks catastrophically, and the per-file stages stay linear on
long files. (Timing here is a budget against runaway, not a benchmark:
the budgets are 50–100 times what the work takes.)"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import re
import time
from dataclasses import fields, is_dataclass

import news_digest
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from news_digest.clean import clean_lines
from news_digest.infer import infer

from .conftest import SEED_FILES


def _patterns_in(value, found: dict, depth: int = 0) -> None:
    if depth > 4:
        return
    if isinstance(value, re.Pattern):
        found[(value.pattern, value.flags)] = value
    elif isinstance(value, tuple | list | frozenset | set):
        for item in value:
            _patterns_in(item, found, depth + 1)
    elif isinstance(value, dict):
        for item in value.values():
            _patterns_in(item, found, depth + 1)
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            _patterns_in(getattr(value, f.name), found, depth + 1)


@functools.cache
def all_patterns() -> tuple[re.Pattern, ...]:
    """Every compiled pattern of the plugin: module constants, and what its
    cached table functions build (called once with no arguments)."""
    found: dict = {}
    for info in pkgutil.iter_modules(news_digest.__path__):
        module = importlib.import_module(f"news_digest.{info.name}")
        for value in vars(module).values():
            if isinstance(value, functools._lru_cache_wrapper):
                try:
                    value = value()
                except TypeError:  # it takes arguments
                    continue
            _patterns_in(value, found)
    return tuple(found.values())


def test_the_audit_sees_the_plugins_patterns():
    sources = {p.pattern for p in all_patterns()}
    assert len(sources) >= 40
    assert r"\d{4}" in sources  # dates._YEAR
    assert any("kata" in s for s in sources)  # the quote pattern's verbs
    assert any("Baca" in s or "baca" in s for s in sources)  # boilerplate rules


#: Characters that make patterns backtrack when they repeat: quotes,
#: spaces, letters of both cases, digits, dots, dashes, slashes, brackets.
RISKY = [*"\"'“”‘’ aA1.,-/():@#\t", "kata ", "Baca juga", "di ", "WIB", "2024"]

#: A search over a hostile 10,000-character string may take this long.
BUDGET_SECONDS = 0.5


@settings(max_examples=60, deadline=None)
@given(
    unit=st.lists(st.sampled_from(RISKY), min_size=1, max_size=6).map("".join),
    tail=st.sampled_from(["", "!", "x", '"', "\n", "。"]),
)
def test_no_pattern_backtracks_on_long_adversarial_text(unit, tail):
    text = (unit * (10_000 // len(unit) + 1))[:10_000] + tail
    for pattern in all_patterns():
        started = time.perf_counter()
        for _ in pattern.finditer(text):
            pass
        seconds = time.perf_counter() - started
        assert seconds < BUDGET_SECONDS, (pattern.pattern[:120], repr(unit), seconds)


HOSTILE_LINES = {
    "a line of 6,000 dates": " ".join(["12/12/2024"] * 6000),
    "a line of 6,000 day names": " ".join(["pada hari Minggu ini"] * 6000),
    "a line of 6,000 quotations": " ".join(["“Kami,” kata Menteri Antony Blinken"] * 6000),
    "a line of 20,000 quote marks": '"' * 20_000,
    "a line of 20,000 apostrophes": "'" * 20_000 + "a",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_LINES))
def test_a_hostile_line_is_cleaned_and_described_in_bounded_time(name):
    started = time.perf_counter()
    meta = infer(clean_lines(["Judul berita", HOSTILE_LINES[name], "Penutup di Jakarta."]))
    assert time.perf_counter() - started < 10, name
    assert meta.title.value == "Judul berita"


def test_a_file_of_many_lines_is_cleaned_in_bounded_time_and_loses_none():
    seed = SEED_FILES[0].read_text(encoding="utf-8").splitlines()
    lines = [f"{line} ({i})" if line.strip() else line for i in range(60) for line in seed]
    started = time.perf_counter()
    cleaned = clean_lines(lines)
    assert time.perf_counter() - started < 20
    numbered = {line.number for line in (*cleaned.kept, *cleaned.removed)}
    if cleaned.headline:
        numbered.add(cleaned.headline.number)
    assert numbered >= {n for n, line in enumerate(lines, start=1) if line.strip()}
