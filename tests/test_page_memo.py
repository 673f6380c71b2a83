"""Article pages a rebuild keeps instead of rendering (page_memo.py): what a
page's key holds, and builds that keep, render again, or must not keep."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sys
from functools import partial
from pathlib import Path

import jinja2
import pelican
import pytest
from news_digest import page_memo
from news_digest.model import Article
from pelican.contents import Article as PelicanArticle

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


@dataclasses.dataclass(frozen=True)
class Holder:
    held: object


@pytest.mark.parametrize("value", [[object()], Holder(lambda: 1)], ids=["object", "lambda"])
def test_a_value_of_an_unknown_kind_keeps_no_page(value):
    with pytest.raises(page_memo.Undescribed):
        page_memo._described(value)


# ---- the pages read nothing of an article its key does not hold -------------------

#: Pelican's own code: what it reads of an article (to work out its
#: address, say) is not what a template reads.
PELICAN_CODE = os.path.dirname(pelican.__file__)


class _Recording:
    """An object an article links to, noting what a template reads of it."""

    def __init__(self, wrapped, prefix: str, reads: set):
        self._wrapped, self._prefix, self._reads = wrapped, prefix, reads

    def __getattr__(self, name):
        self._reads.add(self._prefix + name)
        return getattr(self._wrapped, name)


@pytest.mark.parametrize("folder", [SEEDS, EVENTS], ids=["trips", "stories"])
def test_the_pages_read_nothing_of_an_article_its_key_does_not_hold(tmp_path, monkeypatch, folder):
    """Every remembered page of the folder (articles', stories', names')
    rendered while each of our articles, their records and the objects they
    link to note what the templates read of them: every read is in an
    article's key (ARTICLE_SHOWN, ARTICLE_LINKS, the record but
    RECORD_NOT_SHOWN). A template that shows something new of an article
    fails here until the key holds it too."""
    reads: set[str] = set()
    rendering: list[str] = []
    rendered: set[str] = set()

    def render(self, context):  # every page rendered, none kept
        rendering.append(self.template.name)
        rendered.add(self.template.name)
        try:
            return self.template.render(context)
        finally:
            rendering.pop()

    def recording(cls, prefix):
        original = cls.__getattribute__

        def read(obj, name):
            value = original(obj, name)
            caller = sys._getframe(1).f_code.co_filename
            if not rendering or name.startswith("__") or caller.startswith(PELICAN_CODE):
                return value
            reads.add(prefix + name)
            if prefix == "" and name in page_memo.ARTICLE_LINKS and value is not None:
                if isinstance(value, list):
                    return [_Recording(v, f"{name}.", reads) for v in value]
                return _Recording(value, f"{name}.", reads)
            return value

        monkeypatch.setattr(cls, "__getattribute__", read)

    monkeypatch.setattr(page_memo._Remembering, "render", render)
    recording(PelicanArticle, "")
    recording(Article, "news.")
    site = build_site(tmp_path / "out", folder)
    assert len(article_pages(site)) == len(list(folder.glob("*.txt")))
    record_fields = {f.name for f in dataclasses.fields(Article)}
    keyed = set(page_memo.ARTICLE_SHOWN) | set(page_memo.ARTICLE_LINKS) | {"news"}
    keyed |= {f"news.{n}" for n in record_fields - page_memo.RECORD_NOT_SHOWN}
    keyed |= {
        f"{link}.{shown.split('.')[0]}"
        for link, attributes in page_memo.ARTICLE_LINKS.items()
        for shown in attributes
    }
    # the recording works: what the article, story and name pages show
    assert {"article.html", "news_digest/event.html", "news_digest/entity.html"} <= rendered
    assert {"title", "url", "date_finding", "news.meta", "event_page.name"} <= reads
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
    """The articles', the trips' and the names' pages, all kept."""
    cold = _build(tmp_path, seeds, hash_seed="1")
    remembered = cold["pages_rendered"]
    stories, names = _pages(tmp_path / "out", "perjalanan"), _pages(tmp_path / "out", "nama")
    assert remembered == 5 + len(stories) + len(names) and stories and names
    assert cold["pages_kept"] == 0
    before = _files(tmp_path / "out")
    warm = _build(tmp_path, seeds, hash_seed="2")
    assert (warm["pages_rendered"], warm["pages_kept"]) == (0, remembered)
    assert _files(tmp_path / "out") == before


def _pages(site: Path, folder: str) -> list[Path]:
    """The pages in `folder` of the site, but its index's pages."""
    return [p for p in (site / folder).glob("*/index.html") if p.parent.name != "halaman"]


def test_a_page_changed_in_the_output_folder_is_rendered_again(tmp_path, seeds):
    """The trap: its key is unchanged, but the file is not the one written
    under it (another size; or the same size, written later)."""
    remembered = _build(tmp_path, seeds)["pages_rendered"]
    pages = article_pages(tmp_path / "out")
    before = [page.read_bytes() for page in pages[:2]]
    pages[0].write_bytes(before[0] + b"<!-- edited -->")
    pages[1].write_bytes(before[1].replace(b"<", b">", 1))  # same size
    os.utime(pages[1], ns=(1, 1))
    counts = _build(tmp_path, seeds, hash_seed="2")
    assert (counts["pages_rendered"], counts["pages_kept"]) == (2, remembered - 2)
    assert [page.read_bytes() for page in pages[:2]] == before


def test_a_setting_the_pages_show_renders_every_page_again(tmp_path, seeds):
    remembered = _build(tmp_path, seeds)["pages_rendered"]
    counts = _build(tmp_path, seeds, "-e", 'SITENAME="Kabar Lain"')
    assert (counts["pages_rendered"], counts["pages_kept"]) == (remembered, 0)
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
    shows the edit), the pages of the other articles are kept, and the
    site is a cold build's, file for file."""
    remembered = _build(tmp_path, seeds)["pages_rendered"]
    path = seeds / edited.format(name=sorted(seeds.glob("*.txt"))[0].stem)
    path.write_text((path.read_text(encoding="utf-8") if path.exists() else "") + added)
    counts = _build(tmp_path, seeds, hash_seed="2")
    assert counts["pages_rendered"] >= 1 and counts["pages_kept"] >= 4  # the other articles
    assert counts["pages_rendered"] + counts["pages_kept"] >= remembered - 1
    assert sum(shown in page.read_text() for page in article_pages(tmp_path / "out")) == 1
    cold = tmp_path / "cold"
    _build(cold, seeds, hash_seed="3")
    assert _files(cold / "out") == _files(tmp_path / "out")
