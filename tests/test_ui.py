"""The site's words: data/ui.toml's tables, the site language, and a theme
that takes every word a reader sees from them."""

from __future__ import annotations

import re
import string
from datetime import date
from pathlib import Path

import pytest
from news_digest import render, tables, ui
from news_digest.model import DateFinding, Evidence, Removal

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "plugins" / "news_digest"
TEMPLATES = ROOT / "plugins" / "news_digest" / "theme" / "templates"
LANGS = ui.languages()


def _flatten(table: dict, prefix: str = "") -> dict[str, object]:
    flat = {}
    for key, value in table.items():
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _placeholders(value) -> set[str]:
    texts = value if isinstance(value, list) else [value]
    return {
        name
        for text in texts
        if isinstance(text, str)
        for _, name, _, _ in string.Formatter().parse(text)
        if name
    }


def test_there_is_an_indonesian_and_an_english_table():
    assert {"id", "en"} <= set(LANGS)
    assert ui.DEFAULT_LANG in LANGS


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != ui.DEFAULT_LANG])
def test_every_table_has_the_same_keys_and_placeholders(lang):
    default = _flatten(tables.load("ui")[ui.DEFAULT_LANG])
    other = _flatten(tables.load("ui")[lang])
    assert sorted(other) == sorted(default)
    for key, value in default.items():
        assert _placeholders(other[key]) == _placeholders(value), key
        if isinstance(value, list) and key.startswith(("months", "days")):
            assert len(other[key]) == len(value), key


@pytest.mark.parametrize("lang", LANGS)
def test_month_and_day_names_are_complete_and_distinct(lang):
    words = ui.table(lang)
    assert len(set(words["months"])) == 12 and len(set(words["months_short"])) == 12
    assert len(set(words["days"])) == 7


def _keys_used_in_code(pattern: str) -> set[str]:
    found = set()
    for path in PLUGIN.glob("*.py"):
        found |= set(re.findall(pattern, path.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_every_evidence_key_the_pipeline_writes_has_words(lang):
    used = _keys_used_in_code(r'Evidence\.of\(\s*"([a-z_]+)"')
    assert len(used) >= 20  # the scan finds the pipeline's evidence
    assert used <= set(ui.table(lang)["evidence"]), used - set(ui.table(lang)["evidence"])


@pytest.mark.parametrize("lang", LANGS)
def test_every_boilerplate_rule_has_a_reason_in_words(lang):
    rules = {f"boilerplate:{rule.name}" for rule in tables.boilerplate_rules()}
    assert rules <= set(ui.table(lang)["reasons"]), rules - set(ui.table(lang)["reasons"])


@pytest.mark.parametrize(
    ("lang", "n", "expected"),
    [
        ("en", 1, "1 article"),
        ("en", 0, "0 articles"),
        ("en", 21, "21 articles"),
        ("id", 1, "1 artikel"),
        ("id", 21, "21 artikel"),
    ],
)
def test_counts_take_the_plural_where_the_language_has_one(lang, n, expected):
    assert ui.counted(ui.table(lang), n, "article") == expected


@pytest.mark.parametrize(
    ("langs", "override", "expected"),
    [
        (["en", "en", "id"], None, "en"),
        (["id", "id", "en"], None, "id"),
        (["en", "id"], None, "en"),  # a tie: the first code alphabetically, every build
        (["en", "en"], "id", "id"),  # SITE_LANG wins
        (["fr", "fr", "en"], None, "id"),  # no French table: the default
        (["en"], "fr", "id"),  # nor for SITE_LANG
        ([], None, "id"),
        ([None, None, "en"], None, "en"),  # unknown languages do not vote
    ],
)
def test_the_site_language(langs, override, expected):
    assert ui.site_language(ui.main_language(langs), override) == expected


def test_dates_are_written_in_the_site_language():
    english, indonesian = ui.table("en"), ui.table("id")
    day = date(2024, 8, 19)
    assert render.format_day(english, day) == "19 August 2024"
    assert render.format_day(indonesian, day) == "19 Agustus 2024"
    assert render.format_range(english, date(2023, 11, 29), date(2023, 12, 1)) == (
        "29 November – 1 December 2023"
    )
    estimated = DateFinding(
        "estimated", Evidence.of("during", trip=4), start=day, end=date(2024, 8, 20)
    )
    assert render.format_finding(english, estimated) == "around 19–20 August 2024"
    assert render.format_finding(indonesian, estimated) == "perkiraan 19–20 Agustus 2024"
    assert render.format_finding(english, DateFinding("unknown", Evidence.of("no_date"))) == (
        "date unknown"
    )


def test_evidence_is_written_in_the_site_language():
    evidence = Evidence.of(
        "cue_on_trip_at", quote="Kamis", trip=4, day=date(2024, 1, 11), place="Kairo"
    )
    assert render.evidence_text(ui.table("en"), evidence) == (
        "“Kamis” on trip no. 4 = 11 January 2024 in Cairo"
    )
    assert render.evidence_text(ui.table("id"), evidence) == (
        "“Kamis” pada perjalanan ke-4 = 11 Januari 2024 di Kairo"
    )
    named = Evidence.of("during", trip="Kunjungan ke Asia")  # a trip without a number
    assert render.evidence_text(ui.table("en"), named) == "during Kunjungan ke Asia"
    places = Evidence.of("places", places=("Kairo", "Tel Aviv"))
    assert render.evidence_text(ui.table("en"), places) == "places: Cairo, Tel Aviv"


def test_evidence_is_data_that_compares_and_hashes():
    one = Evidence.of("cue_at_leg", quote="Kamis", place="Kairo", day=date(2024, 1, 11))
    same = Evidence.of("cue_at_leg", day=date(2024, 1, 11), place="Kairo", quote="Kamis")
    assert one == same and len({one, same}) == 1
    assert one.params["place"] == "Kairo"


def test_removal_reasons_are_written_in_the_site_language():
    boiler = Removal(3, "Baca juga: x", "boilerplate", rule="related-link")
    assert render.removal_reason(ui.table("en"), boiler) == "link to another article"
    assert render.removal_reason(ui.table("id"), boiler) == "tautan artikel lain"
    unknown_rule = Removal(3, "x", "boilerplate", rule="rule-added-later")
    assert render.removal_reason(ui.table("en"), unknown_rule) == "boilerplate:rule-added-later"


@pytest.mark.parametrize(
    ("name", "english"),
    [("Kairo", "Cairo"), ("Amerika Serikat", "United States"), ("Tel Aviv", "Tel Aviv")],
)
def test_names_are_shown_as_the_sites_readers_write_them(name, english):
    assert ui.shown_name(ui.table("en"), name) == english
    assert ui.shown_name(ui.table("id"), name) == name


def test_every_english_name_belongs_to_the_alias_table():
    known = {
        name
        for kind in ("person", "place", "organization")
        for name in tables.load("aliases")[kind]
    }
    assert set(ui.table("en")["names"]) <= known


# ---- the theme takes its words from the tables ----------------------------------------

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_SCRIPT = re.compile(r"<script\b.*?</script>|<style\b.*?</style>", re.S)
_TAG = re.compile(r"<[^>]*>", re.S)
#: blocks that hold values for machines (Open Graph's type), not words
_MACHINE_VALUES = re.compile(r"\{% block og_type %\}\w+\{% endblock %\}")
_ATTRIBUTE_WORDS = re.compile(r'(?:aria-label|title|placeholder|alt)="([^"{]*[^\W\d_]{2,}[^"{]*)"')


@pytest.mark.parametrize("path", sorted(TEMPLATES.glob("*.html")), ids=lambda p: p.name)
def test_templates_hold_no_words_of_their_own(path):
    """Text between tags, and labels in attributes, come from the UI
    table: a template with a word of its own would show it on every
    site, whatever its language."""
    source = _MACHINE_VALUES.sub(" ", path.read_text(encoding="utf-8"))
    without_code = _JINJA.sub(" ", _SCRIPT.sub(" ", source))
    assert not _ATTRIBUTE_WORDS.findall(without_code), path.name
    text = _TAG.sub(" ", without_code)
    words = re.findall(r"[^\W\d_]{2,}", text)
    assert words == [], f"{path.name}: {words}"


def test_the_search_page_script_takes_its_words_from_the_table():
    source = (TEMPLATES / "search.html").read_text(encoding="utf-8")
    for script in re.findall(r"<script>(.*?)</script>", source, re.S):
        strings = re.findall(r'"([^"]*)"', _JINJA.sub("", script))
        # identifiers, selectors and keys only: no sentence for a reader
        sentences = [
            s for s in strings if re.search(r"[^\W\d_]{2,} [^\W\d_]{2,}", s) and s[0] not in "#."
        ]
        assert sentences == []


# ---- other spellings for the search index ----------------------------------------------


def test_the_search_index_gets_the_other_spellings_of_the_names_mentioned():
    from news_digest.names import other_spellings

    text = "Blinken tiba di Kairo pada hari Kamis."
    spellings = other_spellings(text)
    assert "Cairo" in spellings and "Antony Blinken" in spellings
    assert "Kairo" not in spellings and "Blinken" not in spellings  # already written
    assert "Yerusalem" not in spellings and "Jerusalem" not in spellings  # not mentioned
    assert not [s for s in other_spellings("Pejabat AS di Mesir.") if len(s) < 4]  # "US", "AS"
    assert "Egypt" in other_spellings("Pejabat AS di Mesir.")
    # a dateline's place, cut from the text, counts too
    assert "Cairo" in other_spellings("Menteri itu tiba pagi ini.", also=("Kairo",))
    assert other_spellings("Tidak ada nama yang dikenal di sini.") == ()


def test_the_spellings_kept_with_an_article_are_used_only_while_its_text_is_the_same(tmp_path):
    """The per-file stages keep each article's other spellings with it
    (names.spellings_of). Trap: the folder's passes can take a line out of
    its text afterwards (learned furniture naming a city); its spellings
    are then found again, not taken from what was kept."""
    from dataclasses import replace

    from news_digest.model import Line
    from news_digest.names import other_spellings, search_spellings
    from news_digest.pipeline import process_file

    raw = tmp_path / "kairo.txt"
    raw.write_text(
        "Menteri Tiba untuk Perundingan Gencatan Senjata\n\n"
        "Menteri luar negeri itu tiba di Kairo pada hari Kamis untuk perundingan.\n"
        "Ia akan bertemu para pejabat Mesir dan Qatar sebelum kembali ke Yerusalem.\n",
        encoding="utf-8",
    )
    article = process_file(raw)
    assert article.spellings is not None
    assert search_spellings(article) == other_spellings(article.clean.text, also=())
    assert "Cairo" in search_spellings(article)
    kept = tuple(line for line in article.clean.kept if "Kairo" not in line.text)
    assert kept != article.clean.kept
    changed = replace(article, clean=replace(article.clean, kept=(*kept, Line(99, "Tanpa kota."))))
    assert changed.spellings == article.spellings  # replace() carried the old ones along
    assert "Cairo" not in search_spellings(changed)
    assert search_spellings(changed) == other_spellings(changed.clean.text)
