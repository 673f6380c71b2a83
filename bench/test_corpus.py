"""The benchmark corpus is deterministic and shaped as the benchmark needs.

Run by `make bench` before timing anything (and by hand with
`.venv/bin/python -m pytest bench/test_corpus.py`); it is not part of
`make test`, and it measures no time.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).with_name("corpus.py")
SIZE = 300


def generate(size: int, folder: Path) -> Path:
    subprocess.run(
        [sys.executable, str(CORPUS), str(size), str(folder)], check=True, capture_output=True
    )
    return folder


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return generate(SIZE, tmp_path_factory.mktemp("first"))


def test_same_size_gives_the_same_bytes(corpus, tmp_path):
    again = generate(SIZE, tmp_path / "again")
    assert fingerprint(again) == fingerprint(corpus)


def test_another_size_gives_another_corpus(corpus, tmp_path):
    other = generate(SIZE - 1, tmp_path / "other")
    assert len(list((other / "raw").glob("*.txt"))) == SIZE - 1
    assert fingerprint(other) != fingerprint(corpus)


def test_three_views_of_the_same_articles(corpus):
    raw = sorted(p.stem for p in (corpus / "raw").glob("*.txt"))
    markdown = sorted(p.stem for p in (corpus / "markdown").glob("*.md"))
    hugo = sorted(p.stem for p in (corpus / "hugo" / "content" / "posts").glob("*.md"))
    assert len(raw) == SIZE
    assert raw == markdown == hugo
    for name in ("hugo.toml", "layouts/_default/single.html", "layouts/_default/list.html"):
        assert (corpus / "hugo" / name).is_file()


def test_markdown_is_the_raw_text_without_debris(corpus):
    debris = re.compile(
        r"^(Baca juga:|ADVERTISEMENT|Discussion about this post|Fuente$|\(Tribunnews\.com/"
        r"|Read more:|Advertisement$)",
        re.IGNORECASE | re.MULTILINE,
    )
    raw_text = "\n".join(p.read_text(encoding="utf-8") for p in (corpus / "raw").glob("*.txt"))
    for marker in ("KOMPAS.com - ", "TRIBUNNEWS.COM - ", "(AP) — ", "Baca juga: ", "Fuente"):
        assert marker in raw_text
    for path in (corpus / "markdown").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        header, body = text.split("\n\n", 1)
        keys = [line.split(":", 1)[0] for line in header.splitlines()]
        assert keys == ["Title", "Date", "Category", "Author", "Slug"]
        assert not debris.search(body), path.name
        paragraphs = body.strip().split("\n\n")
        assert len(paragraphs) == len(set(paragraphs)), f"{path.name}: a caption kept twice"
        raw = (corpus / "raw" / f"{path.stem}.txt").read_text(encoding="utf-8")
        for paragraph in paragraphs:
            assert paragraph in raw


def test_mostly_indonesian_stories_with_several_outlets(corpus):
    texts = [p.read_text(encoding="utf-8") for p in (corpus / "markdown").glob("*.md")]
    english = sum(" the " in t for t in texts)
    assert 0.1 < english / len(texts) < 0.3
    publishers = {re.search(r"^Category: (.+)$", t, re.M).group(1) for t in texts}
    assert len(publishers) >= 10
    dates = sorted(re.search(r"^Date: (.+)$", t, re.M).group(1) for t in texts)
    assert dates[0] < "2023-07-01" and dates[-1] > "2024-07-01"


COMPARABLE = (
    "ARTICLE_URL", "ARTICLE_SAVE_AS", "ARTICLE_LANG_URL", "ARTICLE_LANG_SAVE_AS",
    "CATEGORY_URL", "CATEGORY_SAVE_AS", "AUTHOR_URL", "AUTHOR_SAVE_AS",
    "MONTH_ARCHIVE_SAVE_AS", "TAG_SAVE_AS", "TAGS_SAVE_AS",
    "DEFAULT_PAGINATION", "PAGINATION_PATTERNS",
    "FEED_ALL_ATOM", "CATEGORY_FEED_ATOM", "TRANSLATION_FEED_ATOM",
    "AUTHOR_FEED_ATOM", "AUTHOR_FEED_RSS", "TIMEZONE", "DEFAULT_LANG",
)  # fmt: skip


def test_the_plain_build_has_the_same_urls_lists_and_feeds_as_ours(monkeypatch, tmp_path):
    """B's settings copy ours instead of importing them (importing ours
    would bring the plugin and its settings along): the copy must agree."""
    from pelican.settings import get_settings_from_file

    monkeypatch.setenv("BENCH_MARKDOWN", str(tmp_path))
    ours = get_settings_from_file(str(CORPUS.parent.parent / "pelicanconf.py"))
    plain = get_settings_from_file(str(CORPUS.with_name("pelicanconf_plain.py")))
    assert {k: plain.get(k) for k in COMPARABLE} == {k: ours.get(k) for k in COMPARABLE}
