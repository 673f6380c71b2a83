"""Article pages a rebuild keeps instead of rendering (page_memo.py): what a
page's key holds, and builds that keep, render again, or must not keep."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from functools import partial
from pathlib import Path

import jinja2
import pytest
from news_digest import page_memo
from news_digest.model import Article

from .conftest import EVENTS, SEEDS, article_pages, build_site, run_pelican

# ---- what a template reads ----------------------------------------------------------

#: Templates of a small theme: a page, the base it extends, and a file of
#: macros: `a` reads A and calls `b`, which reads B; `c` reads C.
THEME = {
    "base.html": "{{ SITE }}{% block body %}{% endblock %}",
    "macros.html": (
        "{% macro a() %}{{ A }}{{ b() }}{% endmacro %}"
        "{% macro b() %}{{ B|upper }}{% endmacro %}"
        "{% macro c() %}{{ C }}{% endmacro %}"
    ),
}

#: (the page's template, the names it reads, the names it must not be
#: keyed by: the trap of each case)
READS = [
    ('{% extends "base.html" %}{% block body %}{{ X }}{% endblock %}', {"SITE", "X"}, set()),
    ('{% from "macros.html" import a with context %}{{ a() }}', {"A", "B"}, {"C"}),
    ('{% from "macros.html" import c with context %}{{ c() }}', {"C"}, {"A", "B"}),
    ('{% import "macros.html" as m with context %}{{ m.a() }}', {"A", "B", "C"}, set()),
    ('{% include "base.html" %}{{ Y }}', {"SITE", "Y"}, set()),
]


@pytest.fixture
def theme_env(monkeypatch):
    """An environment over THEME, its templates taken for ours."""
    monkeypatch.setattr(page_memo, "_ours", lambda filename: True)
    return jinja2.Environment(loader=jinja2.DictLoader(THEME))


@pytest.mark.parametrize(("page", "read", "not_read"), READS)
def test_a_page_is_keyed_by_what_its_templates_read(theme_env, page, read, not_read):
    theme_env.loader.mapping["page.html"] = page
    sources, names, _ = page_memo._reads(theme_env, "page.html")
    assert read <= names and not (not_read & names)
    assert "page.html" in sources


def test_the_filters_a_macro_uses_are_keyed(theme_env):
    theme_env.loader.mapping["page.html"] = '{% from "macros.html" import a %}{{ a() }}'
    assert ("filter", "upper") in page_memo._reads(theme_env, "page.html")[2]


def test_a_template_named_by_an_expression_keeps_no_page(theme_env):
    theme_env.loader.mapping["page.html"] = "{% include which %}"
    with pytest.raises(page_memo.Undescribed):
        page_memo._reads(theme_env, "page.html")


def test_a_template_not_ours_keeps_no_page():
    env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": "{{ X }}"}))
    with pytest.raises(page_memo.Undescribed, match="not ours"):
        page_memo._reads(env, "page.html")


# ---- values in words ----------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    label: str


def _upper(text):
    return text.upper()


def _lower(text):
    return text.lower()


#: Pairs of values that must be put in the same words (the same value made
#: another way), then pairs that must not (a change a page would show).
SAME = [
    ({"b", "a", "c"}, {"c", "a", "b"}),  # a set whatever its order
    ({"x": 1, "y": 2}, {"y": 2, "x": 1}),
    ([Point(1, "a")], [Point(1, "a")]),
    (partial(_upper, "x"), partial(_upper, "x")),
]
DIFFERENT = [
    ({"a", "b"}, {"a", "b", "c"}),
    ([1, 2], [2, 1]),  # a list's order shows
    (Point(1, "a"), Point(1, "b")),
    (_upper, _lower),  # filters by their source
    (partial(_upper, "x"), partial(_upper, "y")),
    ("1", 1),
]


@pytest.mark.parametrize(("one", "other"), SAME)
def test_equal_values_are_put_in_the_same_words(one, other):
    assert page_memo._described(one) == page_memo._described(other)


@pytest.mark.parametrize(("one", "other"), DIFFERENT)
def test_different_values_are_put_in_different_words(one, other):
    assert page_memo._described(one) != page_memo._described(other)


def test_a_value_of_an_unknown_kind_keeps_no_page():
    with pytest.raises(page_memo.Undescribed):
        page_memo._described([object()])


# ---- the article template reads nothing the key does not hold ------------------------


class _Recording:
    """An object that notes which of its attributes a template reads."""

    def __init__(self, wrapped, prefix: str, reads: set):
        self._wrapped, self._prefix, self._reads = wrapped, prefix, reads

    def __getattr__(self, name):
        self._reads.add(self._prefix + name)
        return getattr(self._wrapped, name)


@pytest.mark.parametrize("folder", [SEEDS, EVENTS], ids=["trips", "stories"])
def test_the_article_template_reads_only_what_the_key_holds(tmp_path, monkeypatch, folder):
    """Each article page of the folder rendered with its article, its
    record and the objects it links to noting what the templates read:
    every read is in the key (ARTICLE_SHOWN, ARTICLE_LINKS, the record but
    RECORD_NOT_SHOWN). A template that shows something new fails here
    until the key holds it too."""
    reads: set[str] = set()

    def recording(self, context):
        article = context["article"]
        wrapped = _Recording(article, "", reads)
        wrapped.__dict__["news"] = _Recording(article.news, "news.", reads)
        for name in page_memo.ARTICLE_LINKS:
            value = getattr(article, name, None)
            if isinstance(value, list):
                wrapped.__dict__[name] = [_Recording(v, f"{name}.", reads) for v in value]
            elif value is not None:
                wrapped.__dict__[name] = _Recording(value, f"{name}.", reads)
        return self.template.render({**context, "article": wrapped})

    monkeypatch.setattr(page_memo._Remembering, "render", recording)
    site = build_site(tmp_path / "out", folder)
    assert len(article_pages(site)) == len(list(folder.glob("*.txt")))
    record_fields = {f.name for f in dataclasses.fields(Article)}
    keyed = set(page_memo.ARTICLE_SHOWN) | set(page_memo.ARTICLE_LINKS)
    keyed |= {f"news.{n}" for n in record_fields - page_memo.RECORD_NOT_SHOWN}
    keyed |= {
        f"{link}.{shown.split('.')[0]}"
        for link, attributes in page_memo.ARTICLE_LINKS.items()
        for shown in attributes
    }
    assert {"title", "news.clean", "event_page.name"} <= reads  # the recording works
    assert reads <= keyed, sorted(reads - keyed)


# ---- builds ---------------------------------------------------------------------------


def _build(tmp_path: Path, folder: Path, *options: str, hash_seed: str = "1") -> dict:
    """A build of `folder` into tmp_path/out (cache in tmp_path/cache):
    its counts (NEWS_DIGEST_TIMINGS)."""
    report = tmp_path / "timings.json"
    done = run_pelican(
        tmp_path, folder, *options, hash_seed=hash_seed,
        env={"NEWS_DIGEST_TIMINGS": str(report)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(report.read_text())


def _files(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and "pagefind" not in p.relative_to(site).parts
    }


@pytest.fixture
def seeds(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def test_a_warm_build_keeps_every_article_page_under_another_hash_seed(tmp_path, seeds):
    cold = _build(tmp_path, seeds, hash_seed="1")
    assert (cold["pages_rendered"], cold["pages_kept"]) == (5, 0)
    before = _files(tmp_path / "out")
    warm = _build(tmp_path, seeds, hash_seed="2")
    assert (warm["pages_rendered"], warm["pages_kept"]) == (0, 5)
    assert _files(tmp_path / "out") == before


def test_a_page_changed_in_the_output_folder_is_rendered_again(tmp_path, seeds):
    """The trap: its key is unchanged, but the file is not the one written
    under it (another size; or the same size, written later)."""
    _build(tmp_path, seeds)
    pages = article_pages(tmp_path / "out")
    before = [page.read_bytes() for page in pages[:2]]
    pages[0].write_bytes(before[0] + b"<!-- edited -->")
    pages[1].write_bytes(before[1].replace(b"<", b">", 1))  # same size
    os.utime(pages[1], ns=(1, 1))
    counts = _build(tmp_path, seeds, hash_seed="2")
    assert (counts["pages_rendered"], counts["pages_kept"]) == (2, 3)
    assert [page.read_bytes() for page in pages[:2]] == before


def test_a_setting_the_pages_show_renders_every_page_again(tmp_path, seeds):
    _build(tmp_path, seeds)
    counts = _build(tmp_path, seeds, "-e", 'SITENAME="Kabar Lain"')
    assert (counts["pages_rendered"], counts["pages_kept"]) == (5, 0)
    assert all("Kabar Lain" in page.read_text() for page in article_pages(tmp_path / "out"))


#: Edits between two builds: (what is edited, its new text's end, what the
#: edited article's page then shows).
LINE = "Juru bicara menambahkan bahwa pertemuan berikutnya dijadwalkan pekan depan."
EDITS = [
    ("{name}.txt", f"\n{LINE}\n", LINE),
    ("{name}.meta.toml", 'author = "Rahmat Hidayat"\n', "Rahmat Hidayat"),  # a sidecar
]


@pytest.mark.parametrize(("edited", "added", "shown"), EDITS, ids=["article", "sidecar"])
def test_an_edit_renders_its_article_again_and_keeps_the_others(
    tmp_path, seeds, edited, added, shown
):
    """One article or its sidecar edited: its page is rendered again (and
    shows the edit), the pages of the others are kept, and the site is a
    cold build's, file for file."""
    _build(tmp_path, seeds)
    path = seeds / edited.format(name=sorted(seeds.glob("*.txt"))[0].stem)
    path.write_text((path.read_text(encoding="utf-8") if path.exists() else "") + added)
    counts = _build(tmp_path, seeds, hash_seed="2")
    assert counts["pages_rendered"] >= 1 and counts["pages_kept"] >= 1
    assert counts["pages_rendered"] + counts["pages_kept"] == 5
    assert sum(shown in page.read_text() for page in article_pages(tmp_path / "out")) == 1
    cold = tmp_path / "cold"
    _build(cold, seeds, hash_seed="3")
    assert _files(cold / "out") == _files(tmp_path / "out")
