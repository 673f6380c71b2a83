"""Publishing: links under a sub-path and at the root, feeds, sitemap,
search index, robots.txt and the GitHub Pages workflow."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from .conftest import ROOT, SEED_FILES, article_pages, build_site

SITEURL = "https://example.github.io/digest"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    return build_site(
        tmp_path_factory.mktemp("publish") / "output", conf="publishconf.py", SITEURL=SITEURL
    )


LINK_ATTRIBUTES = {"a": "href", "link": "href", "script": "src", "img": "src", "form": "action"}


class _Links(HTMLParser):
    """Every URL a page links to or loads, and every id it defines."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        wanted = LINK_ATTRIBUTES.get(tag)
        if wanted and attrs.get(wanted):
            self.urls.append(attrs[wanted])


def _parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def _target(site: Path, path: str) -> Path:
    target = site / unquote(path).lstrip("/")
    return target / "index.html" if path.endswith("/") or target.is_dir() else target


def broken_links(site: Path, siteurl: str | None) -> list[str]:
    """Internal links that do not resolve to a file of `site` when it is
    served at `siteurl` (a sub-path), or relative to each page."""
    pages = [p for p in site.rglob("*.html") if "pagefind" not in p.parts]
    parsed = {page: _parse(page) for page in pages}
    broken = []
    for page, links in parsed.items():
        for url in links.urls:
            parts = urlsplit(url)
            if parts.scheme in ("mailto", "javascript", "data"):
                continue
            if siteurl and url.startswith(siteurl):
                target = _target(site, url[len(siteurl) :] or "/")
            elif parts.scheme or parts.netloc:
                continue  # another site: not ours to check
            elif url.startswith("/"):
                broken.append(f"{page}: root-relative {url} breaks under a sub-path")
                continue
            elif not parts.path:
                target = page
            else:
                relative = (page.parent / unquote(parts.path)).resolve()
                target = relative / "index.html" if relative.is_dir() else relative
            if not target.is_file():
                broken.append(f"{page}: {url}")
            elif parts.fragment and target in parsed and parts.fragment not in parsed[target].ids:
                broken.append(f"{page}: {url} (no #{parts.fragment})")
    return broken


def test_no_broken_link_under_a_sub_path(published):
    assert broken_links(published, SITEURL) == []


def test_no_broken_link_with_relative_urls(seed_site):
    assert broken_links(seed_site, None) == []


def test_link_checker_finds_a_broken_link(tmp_path):
    (tmp_path / "index.html").write_text('<a href="hilang/">x</a><a href="#tidak-ada">y</a>')
    assert len(broken_links(tmp_path, None)) == 2


def test_a_not_found_page_and_a_favicon_that_work_under_a_sub_path(published, seed_site):
    html = (published / "404.html").read_text(encoding="utf-8")
    assert "Halaman tidak ditemukan" in html
    links = _parse(published / "404.html").urls
    # served at any missing address, at any depth: every link is absolute
    # (or a fragment of the page itself, like the skip link)
    assert links and all(url.startswith((SITEURL, "#")) for url in links)
    assert f'<link rel="icon" href="{SITEURL}/theme/favicon.svg" type="image/svg+xml">' in html
    assert (published / "theme" / "favicon.svg").is_file()
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    assert "404" not in sitemap
    assert not (seed_site / "404.html").exists()  # a local preview has no use for it


def test_published_pages_use_absolute_urls(published):
    html = (published / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="stylesheet" href="{SITEURL}/theme/css/site.css">' in html
    assert f'<link rel="canonical" href="{SITEURL}/">' in html
    page = article_pages(published)[0]
    html = page.read_text(encoding="utf-8")
    slug = page.parent.name
    assert f'<link rel="canonical" href="{SITEURL}/artikel/{slug}/">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title"' in html and '<meta name="description"' in html


def _atom(path: Path) -> ET.Element:
    root = ET.parse(path).getroot()
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}") is not None, required
    return root


def test_site_feed_is_valid_atom_with_absolute_urls(published):
    root = _atom(published / "feeds" / "semua.atom.xml")
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 5  # every seed has at least an estimated date
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{required}") is not None
        link = entry.find(f"{ATOM}link").get("href")
        assert link.startswith(f"{SITEURL}/artikel/")
        assert _target(published, link[len(SITEURL) :]).is_file()


def test_each_trip_has_its_own_feed(published):
    expected = {"perjalanan-3": 1, "perjalanan-4": 2, "perjalanan-6": 1, "perjalanan-11": 1}
    for trip, count in expected.items():
        root = _atom(published / "feeds" / "perjalanan" / f"{trip}.atom.xml")
        assert len(root.findall(f"{ATOM}entry")) == count
        page = (published / "perjalanan" / trip / "index.html").read_text(encoding="utf-8")
        assert f"{SITEURL}/feeds/perjalanan/{trip}.atom.xml" in page


def test_sitemap_lists_every_article_and_trip_page(published):
    root = ET.parse(published / "sitemap.xml").getroot()
    locations = {loc.text for loc in root.iter(f"{SITEMAP}loc")}
    articles = {f"{SITEURL}/artikel/{p.parent.name}/" for p in article_pages(published)}
    trips = {
        f"{SITEURL}/perjalanan/{p.name}/"
        for p in (published / "perjalanan").iterdir()
        if p.is_dir()
    }
    assert len(articles) == 5 and len(trips) == 4
    assert articles | trips | {f"{SITEURL}/"} <= locations
    for location in locations:
        assert _target(published, location[len(SITEURL) :]).is_file(), location


def test_robots_txt_points_to_the_sitemap(published):
    robots = (published / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots.splitlines()


def test_search_index_holds_the_article_pages(published):
    entry = json.loads((published / "pagefind/0/pagefind-entry.json").read_text())
    assert entry["languages"]["id"]["page_count"] == len(SEED_FILES)
    assert (published / "pagefind/0/pagefind-ui.js").is_file()
    assert (published / "cari" / "index.html").is_file()
    filters = list((published / "pagefind/0/filter").iterdir())
    assert len(filters) == 2  # sumber and perjalanan


def test_every_page_has_a_search_box_and_works_without_javascript(published):
    for page in published.rglob("*.html"):
        if "pagefind" in page.parts:
            continue
        html = page.read_text(encoding="utf-8")
        if page.parent.name == "cari":  # the search page has one box: its own
            assert 'id="pencarian"' in html and 'role="search"' not in html
        else:
            assert 'role="search"' in html, page
        scripts = re.findall(r'<script src="([^"]+)"', html)
        # reading.js only adds optional controls; search is the one thing that needs JS
        assert (
            all(s.endswith("/theme/js/reading.js") for s in scripts) or page.parent.name == "cari"
        )


def test_published_builds_are_deterministic(published, tmp_path):
    again = build_site(tmp_path / "again", conf="publishconf.py", SITEURL=SITEURL)
    for name in ("sitemap.xml", "feeds/semua.atom.xml", "digest.json", "robots.txt", "index.html"):
        assert (published / name).read_bytes() == (again / name).read_bytes(), name


def test_workflow_builds_with_the_makefile_and_deploys_with_pinned_actions():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML reads "on" as True
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step["run"] for step in steps if "run" in step]
    assert runs == ['make publish SITEURL="${{ steps.pages.outputs.base_url }}"']
    uses = [s["uses"] for job in workflow["jobs"].values() for s in job["steps"] if "uses" in s]
    assert {u.split("@")[0] for u in uses} >= {
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    }
    for action in uses:
        assert re.fullmatch(r"[\w-]+/[\w-]+@v\d+\.\d+\.\d+", action), action
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^publish:", makefile, re.M)
    assert "NEWS_DIGEST_SITEURL := $(SITEURL)" in makefile
