"""The site speaks its folder's language: an English folder gets an
English site, an Indonesian one an Indonesian site, and SITE_LANG
overrides either."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from news_digest import tables, ui

from tests.conftest import SEEDS, article_pages, build_site, build_with_warnings, copy_seeds

_HIDDEN = re.compile(
    r"<script\b.*?</script>|<q>.*?</q>|<blockquote>.*?</blockquote>|<code>.*?</code>"
    r"|<div class=\"article-body\".*?</div>",
    re.S,
)
_TAG = re.compile(r"<[^>]+>")


def _ui_text(html: str) -> str:
    """The page's visible words without the articles' own text (bodies,
    quotes, removed lines, file names)."""
    return re.sub(r"\s+", " ", _TAG.sub(" ", _HIDDEN.sub(" ", html)))


def _indonesian_only_words() -> set[str]:
    """Words of the Indonesian table that the English one never uses:
    any of them on an English site is a word the table did not supply."""

    def words(value) -> set[str]:
        if isinstance(value, dict):
            return set().union(*(words(v) for v in value.values()))
        if isinstance(value, list):
            return set().union(*(words(v) for v in value))
        return set(re.findall(r"[^\W\d_]{5,}", str(value)))

    data = tables.load("ui")
    return words(data["id"]) - words(data["en"]) - {"Indonesia"}


def _pages(site: Path) -> dict[str, Path]:
    entity = sorted((site / "nama").glob("*/index.html"))[0]
    event = sorted((site / "perjalanan").glob("*/index.html"))[0]
    month = sorted((site / "arsip").glob("*/*/index.html"))[0]
    return {
        "front": site / "index.html",
        "article": article_pages(site)[0],
        "event": event,
        "events": site / "perjalanan" / "index.html",
        "entity": entity,
        "entities": site / "nama" / "index.html",
        "archive": site / "arsip" / "index.html",
        "month": month,
        "sources": site / "sumber" / "index.html",
        "authors": site / "penulis" / "index.html",
        "search": site / "cari" / "index.html",
        "about": site / "about" / "index.html",
    }


def test_an_english_folder_gets_an_english_site(english_site):
    indonesian = _indonesian_only_words()
    assert {"Ringkasan", "Perjalanan", "dibersihkan", "Januari"} <= indonesian
    for name, path in _pages(english_site).items():
        html = path.read_text(encoding="utf-8")
        assert '<html lang="en">' in html, name
        found = sorted(set(re.findall(r"[^\W\d_]{5,}", _ui_text(html))) & indonesian)
        assert found == [], (name, found)


def test_the_english_site_is_named_and_dated_in_english(english_site):
    front = (english_site / "index.html").read_text(encoding="utf-8")
    assert "<title>News digest: english-news-2023-03" in front
    assert re.search(r"\d+ stories · 213 articles · \d+ sources", front)
    archive = (english_site / "arsip" / "index.html").read_text(encoding="utf-8")
    assert "March 2023</a>" in archive and "Maret" not in archive
    article = article_pages(english_site)[0].read_text(encoding="utf-8")
    assert "Where this information comes from" in article
    # only the page in the site's language: the Indonesian about page is left out
    assert (english_site / "about" / "index.html").is_file()
    assert not (english_site / "tentang").exists()


def test_english_places_on_an_english_site(english_site):
    front = _ui_text((english_site / "index.html").read_text(encoding="utf-8"))
    assert "United States" in front and "Amerika Serikat" not in front
    united_states = (english_site / "nama" / "amerika-serikat" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "<h1>United States</h1>" in united_states
    # the table's own spelling is listed as one more way to write it
    assert re.search(r'class="aliases">Also written: Amerika Serikat, ', united_states)


def test_the_seeds_keep_an_indonesian_site(seed_site):
    front = (seed_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="id">' in front and ">Ringkasan</a>" in front
    assert (seed_site / "tentang" / "index.html").is_file()
    assert not (seed_site / "about").exists()


@pytest.fixture(scope="module")
def english_words_on_seeds(tmp_path_factory) -> tuple[Path, list[str]]:
    output = tmp_path_factory.mktemp("seeds-en") / "output"
    warnings = build_with_warnings(
        output, SEEDS, SITE_LANG="en", SITEURL="https://example.org/digest", RELATIVE_URLS=False
    )
    return output, warnings


def test_site_lang_overrides_the_folders_language(english_words_on_seeds):
    site, warnings = english_words_on_seeds
    assert not [w for w in warnings if "SITE_LANG" in w]
    front = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in front and ">Digest</a>" in front
    assert "<title>Diplomasi Blinken di Timur Tengah" in front  # the seeds' own name stays
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert "<h1>Page not found</h1>" in not_found
    article = article_pages(site)[0].read_text(encoding="utf-8")
    # the article's own text is still marked as Indonesian
    assert re.search(r'<h1 lang="id">', article)
    assert 'data-pagefind-body lang="id"' in article
    assert re.search(r"\d+ (January|February|March|April|May|June|July|August|September|"
                     r"October|November|December) 20\d\d", article)  # fmt: skip


def test_a_site_lang_without_a_table_is_one_warning(tmp_path):
    warnings = build_with_warnings(tmp_path / "output", SEEDS, SITE_LANG="fr")
    matching = [w for w in warnings if "SITE_LANG" in w]
    assert len(matching) == 1 and "'fr'" in matching[0] and ui.DEFAULT_LANG in matching[0]
    front = (tmp_path / "output" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="id">' in front


def test_a_folder_without_a_site_name_is_named_in_its_language(tmp_path):
    folder = copy_seeds(tmp_path / "kliping", count=2)
    site = build_site(tmp_path / "output", seeds=folder)
    front = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Ringkasan berita: kliping" in front


_FACTS = re.compile(r'data-pagefind-meta="facts:([^"]*)"')
_TITLE = re.compile(r'data-pagefind-meta="title:([^"]*)"')


def test_a_search_result_names_the_title_once_and_only_known_facts(english_site):
    """A result reads "Title — date · outlet · story": nothing unknown, and
    never the title again (the English folder's stories are often named
    after their only article)."""
    words = ui.table("en")
    pages = [p.read_text(encoding="utf-8") for p in article_pages(english_site)]
    facts = [(_TITLE.search(p).group(1), _FACTS.search(p)) for p in pages]
    assert sum(1 for _, found in facts if found) >= len(pages) * 0.9  # outlets from file names
    for title, found in facts:
        if not found:
            continue
        parts = found.group(1).split(" · ")
        assert title not in parts
        assert words["unknown_source"] not in parts
        assert not any(words["levels"]["unknown"] in part for part in parts)
