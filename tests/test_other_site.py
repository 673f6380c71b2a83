"""The plugin in another Pelican site: installed as a package (the test
venv's install of this repository), named in that site's PLUGINS, with
that site's theme (Pelican's default, notmyidea) and none of our settings;
and the package built by pip holding the theme and the tables."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pelican
import pytest

from .conftest import ROOT

PACKAGE = ROOT / "plugins" / "news_digest"
NOTMYIDEA = Path(pelican.__file__).parent / "themes" / "notmyidea"

#: The site's whole settings file: the plugin and where its articles are.
SETTINGS = 'PLUGINS = ["news_digest"]\nARTICLE_PATHS = ["berita"]\n'

#: Three articles of one happening (a story, with a name of its own page)
#: and one whose headline is markup: (file, headline, date line, lead, lines).
ARTICLES = [
    (
        "satu.txt",
        "Banjir besar melanda Kota Samarinda, ribuan warga mengungsi",
        "Diperbarui 18 Jun 2025, 14:05 WIB",
        "Liputan6.com, Samarinda - Banjir besar melanda Kota Samarinda pada Rabu setelah "
        "hujan deras mengguyur Kalimantan Timur sejak malam.",
        [
            "Wali Kota Samarinda Andi Harun mengatakan ribuan warga telah mengungsi ke gedung "
            "sekolah dan masjid.",
            "Baca juga: Harga cabai naik di pasar",
            "Badan Penanggulangan Bencana Daerah mencatat ketinggian air mencapai satu meter di "
            "sejumlah permukiman.",
        ],
    ),
    (
        "dua.txt",
        "Andi Harun minta warga Samarinda waspada banjir susulan",
        "Kompas.com- 19/06/2025, 09:30 WIB",
        "SAMARINDA, KOMPAS.com - Wali Kota Samarinda Andi Harun meminta warga waspada terhadap "
        "banjir susulan di Kota Samarinda.",
        [
            "Banjir besar melanda Samarinda sejak Rabu dan ribuan warga mengungsi ke gedung "
            "sekolah.",
            '"Hujan deras masih akan turun hingga akhir pekan," kata Andi Harun di Samarinda.',
        ],
    ),
    (
        "tiga.txt",
        "Banjir Samarinda surut, warga mulai kembali ke rumah",
        "Diperbarui 20 Jun 2025, 16:00 WIB",
        "Liputan6.com, Samarinda - Banjir yang melanda Kota Samarinda mulai surut pada Jumat dan "
        "warga yang mengungsi mulai kembali ke rumah.",
        [
            "Wali Kota Samarinda Andi Harun mengatakan Badan Penanggulangan Bencana Daerah tetap "
            "menyiagakan petugas.",
        ],
    ),
    (
        "judul.txt",
        'Rapat "<script>alert(1)</script>" & </title><b onmouseover="x()">tebal</b>',
        "Diperbarui 21 Jun 2025, 10:00 WIB",
        "Kompas.com, Jakarta - Rapat dewan kota berlangsung hingga larut malam di balai kota.",
        ["Para anggota dewan membahas anggaran tahun depan."],
    ),
]


#: An export's record whose outlet and author are markup (no `/`: not taken
#: for an address).
RECORD = {
    "title": "Pasar ikan baru dibuka di tepi sungai",
    "text": "Pasar ikan baru dibuka di tepi sungai pada Sabtu pagi.\n"
    "Para pedagang menyambut pembukaan pasar dengan gembira.",
    "source": "Warta & Kota <Tengah>",
    "author": 'Budi "<b onclick=x()>" Santoso',
    "date": "2025-06-21",
    "url": "https://warta.example/pasar",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """The other site, built by the `pelican` command in its own folder."""
    folder = tmp_path_factory.mktemp("their-site")
    (folder / "pelicanconf.py").write_text(SETTINGS)
    articles = folder / "content" / "berita"
    articles.mkdir(parents=True)
    for name, headline, dated, lead, lines in ARTICLES:
        (articles / name).write_text("\n".join([headline, dated, lead, *lines]) + "\n")
    (articles / "ekspor.jsonl").write_text(json.dumps(RECORD) + "\n")
    return _build(folder)


def _build(folder: Path, env: dict[str, str] | None = None) -> Path:
    """`pelican content` in the site's folder, as its owner would run it."""
    command = [sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output"]
    done = subprocess.run(
        command, cwd=folder, env={"PATH": "/usr/bin:/bin", **(env or {})}, capture_output=True,
        text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    return folder / "output"


def _page(site: Path, headline_start: str) -> str:
    """The article page whose <h1> starts with `headline_start`."""
    for page in site.glob("*.html"):
        text = page.read_text()
        if re.search(r'class="entry-title">\s*<a[^>]*>' + re.escape(headline_start), text):
            return text
    raise AssertionError(f"no article page for {headline_start!r}")


def test_the_articles_are_read_and_cleaned_in_their_theme(site):
    page = _page(site, "Banjir besar melanda Kota Samarinda")
    assert "Yanone_Kaffeesatz" in (site / "theme" / "css" / "fonts.css").read_text()
    assert '<link rel="stylesheet" href="/theme/css/main.css"' in page  # notmyidea's
    # the cleaned text, as HTML (a theme that does not autoescape gets it whole)
    assert "<p>Badan Penanggulangan Bencana Daerah mencatat ketinggian air" in page
    assert "Baca juga" not in page
    assert "&lt;p&gt;" not in page
    # the outlet, from the dateline, is the article's category
    assert '<a href="/category/liputan6.html">Liputan6</a>' in page


def test_a_headline_of_markup_stays_text_in_their_theme(site):
    """notmyidea writes `{{ article.title }}` and `{{ article.title|striptags }}`
    (in <title> and an attribute) without autoescaping."""
    page = _page(site, "Rapat &#34;&lt;script&gt;")
    assert "<script>alert" not in page
    assert "<b " not in page and "</title><b" not in page
    assert 'onmouseover="' not in page
    assert "<title>Rapat &#34;&lt;script&gt;alert(1)&lt;/script&gt;&#34; &amp; " in page
    front = (site / "index.html").read_text()
    assert "&lt;script&gt;alert(1)" in front and "&amp;lt;" not in front


def test_an_outlet_and_an_author_of_markup_stay_text_in_every_template(site):
    """In their theme's pages (`{{ article.category }}`, `{{ author }}`) and in
    ours (the digest's list of sources, which autoescapes)."""
    outlet, author = (
        "Warta &amp; Kota &lt;Tengah&gt;",
        "Budi &#34;&lt;b onclick=x()&gt;&#34; Santoso",
    )
    page = _page(site, "Pasar ikan baru dibuka")
    assert f'<a href="/category/warta-kota.html">{outlet}</a>' in page
    assert f">{author}</a>" in page
    assert f"<li>{outlet} <span" in (site / "index.html").read_text()
    for html in site.rglob("*.html"):
        text = html.read_text()
        assert "<Tengah>" not in text and "<b onclick" not in text, html
        assert "&amp;amp;" not in text and "&amp;lt;" not in text, html


def test_the_digest_and_the_story_pages_come_from_our_templates(site):
    front = (site / "index.html").read_text()
    assert '<link rel="stylesheet" href="/news_digest/css/site.css">' in front
    assert "articles_page" not in front
    stories = list((site / "perjalanan").glob("*/index.html"))
    assert len(stories) == 1
    story = stories[0].read_text()
    for name, headline, *_ in ARTICLES[:3]:
        assert headline in story, name
    assert (site / "nama" / "index.html").is_file()
    assert (site / "cari" / "index.html").is_file()
    assert (site / "digest.json").is_file()


def test_our_static_files_are_written_beside_the_theme_s(site):
    ours = PACKAGE / "theme" / "static"
    for path in ours.rglob("*"):
        if path.is_file():
            copy = site / "news_digest" / path.relative_to(ours)
            assert copy.read_bytes() == path.read_bytes()
    for path in (NOTMYIDEA / "static").rglob("*"):
        if path.is_file():
            assert (site / "theme" / path.relative_to(NOTMYIDEA / "static")).is_file()


class _Loads(HTMLParser):
    """What a page loads (scripts, style sheets, icons, images) and links to."""

    def __init__(self):
        super().__init__()
        self.loads: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag in ("script", "img", "iframe", "source") and found.get("src"):
            self.loads.append(found["src"])
        elif tag == "link" and found.get("href"):
            (self.links if found.get("rel") == "alternate" else self.loads).append(found["href"])
        elif tag == "a" and found.get("href"):
            self.links.append(found["href"])


def _elsewhere(url: str) -> bool:
    return bool(urlsplit(url).netloc)


def test_nothing_is_loaded_from_other_hosts(site):
    """Every page loads from the site alone; the only links to other hosts
    are those the theme's own templates hold (notmyidea's credits)."""
    theirs = "".join(p.read_text() for p in (NOTMYIDEA / "templates").glob("*.html"))
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        parser = _Loads()
        parser.feed(page.read_text())
        assert not [url for url in parser.loads if _elsewhere(url)], page
        for url in parser.loads:  # what a page loads is in the output
            assert (site / urlsplit(url).path.lstrip("/")).is_file(), (page, url)
        for url in filter(_elsewhere, parser.links):
            assert f'href="{url}"' in theirs, (page, url)
    for sheet in site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", sheet.read_text()), sheet


def _files(folder: Path) -> dict[str, bytes]:
    """The files of a site but Pagefind's (whose filter indexes vary)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and "pagefind" not in p.parts
    }


def test_a_second_build_leaves_the_site_as_it_was(site, tmp_path):
    """With their cache warm, our files (static ones included) are written
    again, or left alone, and nothing is swept; their article pages are
    rendered again, ours are kept."""
    again = tmp_path / "again"
    shutil.copytree(site.parent, again)
    report = tmp_path / "timings.json"
    assert _files(_build(again, {"NEWS_DIGEST_TIMINGS": str(report)})) == _files(site)
    assert (again / "output" / "news_digest" / "css" / "site.css").is_file()
    # their article template may show anything of an article: its pages are
    # rendered every time; our story and name pages are kept (page_memo.py)
    counts = json.loads(report.read_text())
    assert counts["articles"] == len(ARTICLES) + 1
    assert counts["pages_kept"] >= 1 and counts["pages_rendered"] == 0
    (memo,) = (again / "cache").glob("news-digest-*/pages.json")
    remembered = json.loads(memo.read_text())
    assert len(remembered) == counts["pages_kept"]
    assert not [page for page in remembered if "/" not in page]  # their articles' pages


def test_the_package_pip_builds_holds_the_theme_and_the_tables(tmp_path):
    """`pip install` from the repository (a path or git+URL) builds this
    wheel: it must hold every template, static file and table."""
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(
        PACKAGE, source / "plugins" / "news_digest", ignore=shutil.ignore_patterns("__pycache__")
    )
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "--disable-pip-version-check", "-w", str(tmp_path / "dist"), str(source)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (tmp_path / "dist").glob("news_digest-*.whl")
    listed = set(zipfile.ZipFile(wheel).namelist())
    wanted = [
        p
        for folder in ("theme", "data")
        for p in (PACKAGE / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    assert any(p.suffix == ".html" for p in wanted) and any(p.suffix == ".css" for p in wanted)
    for path in wanted:
        assert f"news_digest/{path.relative_to(PACKAGE).as_posix()}" in listed
    assert "news_digest/plugin.py" in listed
