"""Claim-by-outlet coverage: which outlets carry each key point, which do
not, and the figures their versions of it differ on."""

from __future__ import annotations

import re

import pytest
from news_digest.coverage import Figure, differing_figures, point_coverage

from .conftest import article

# sentence, the figures in it (what is counted -> the number as printed)
FIGURES = [
    ("Kemlu mengevakuasi 97 WNI dari Iran.", {"wni": "97"}),
    (
        "Sebanyak 1.200 orang mengungsi dan 3,5 persen lahan rusak.",
        {"orang": "1.200", "persen": "3,5"},
    ),
    ("At least 1,200 people died.", {"people": "1,200"}),
    # traps: dates, times, years and codes are not counts
    ("Pesawat mendarat pada Rabu (18/6/2025) pukul 10.30 WIB.", {}),
    ("Rapat digelar 18 Juni di Jakarta.", {}),
    ("Kebijakan itu berlaku sejak 2025 lalu.", {}),
    ("Pesawat Saudia SV5276 mendarat darurat.", {}),
    ("Ia tiba pukul 10 pagi.", {}),
]


@pytest.mark.parametrize(("sentence", "expected"), FIGURES)
def test_figures_in_a_sentence(sentence, expected):
    assert differing_figures([("a", sentence), ("b", sentence)]) == ()
    # every run of digits one higher in the other version: only counts differ
    bumped = re.sub(r"\d+", lambda m: str(int(m.group()) + 1), sentence)
    found = differing_figures([("a", sentence), ("b", bumped)])
    assert {f.unit: f.values[0][1] for f in found} == expected


def test_the_same_number_written_two_ways_is_not_a_difference():
    versions = [("a", "Sebanyak 1.200 orang mengungsi."), ("b", "As many as 1,200 orang fled.")]
    assert differing_figures(versions) == ()


def test_differing_figures_cite_every_version_in_order():
    versions = [
        ("kompas", "Kemlu mengevakuasi 97 WNI dari Iran."),
        ("detik", "Kemlu mengevakuasi 96 WNI dari Iran."),
        ("tempo", "Kemlu mengevakuasi 97 WNI dari Iran."),
    ]
    assert differing_figures(versions) == (
        Figure("wni", (("kompas", "97"), ("detik", "96"), ("tempo", "97"))),
    )


def _outlet(identifier: str, dateline: str) -> object:
    return article(identifier, f"{dateline} Kemlu mengevakuasi 97 WNI dari Iran lewat jalur darat.")


@pytest.fixture
def members():
    return [
        _outlet("k", "JAKARTA, KOMPAS.com -"),
        _outlet("t", "TEMPO.CO, Jakarta -"),
        _outlet("l", "Liputan6.com, Jakarta -"),
        _outlet("x", ""),  # an outlet that does not name itself
    ]


def test_outlets_carrying_and_missing_a_point(members):
    assert [m.meta.publisher.value for m in members] == ["Kompas", "Tempo", "Liputan6", None]
    found = point_coverage([("k", "…"), ("t", "…")], members)
    assert found.outlets == ("Kompas", "Tempo")
    assert found.missing == ("Liputan6",)
    assert found.only is None


def test_only_in_one_outlet(members):
    found = point_coverage([("k", "…")], members)
    assert found.only == "Kompas"
    assert found.missing == ("Liputan6", "Tempo")


def test_an_unknown_outlet_is_never_named_and_never_makes_a_point_exclusive(members):
    found = point_coverage([("k", "…"), ("x", "…")], members)
    assert found.only is None  # the unknown outlet carries it too
    assert None not in found.outlets and None not in found.missing


def test_no_only_in_when_the_event_has_one_outlet(members):
    assert point_coverage([("k", "…")], members[:1]).only is None
