"""Whole-site builds with Pelican: the seeds, bad input, determinism."""

from __future__ import annotations

import hashlib
import html
import json
import logging
import os
import re
from pathlib import Path

import pytest
from news_digest import digest, digest_worker, forks

from .conftest import (
    EVENTS,
    ROOT,
    SEED_FILES,
    article_page,
    article_pages,
    assert_one_warning_each,
    build_site,
    build_with_warnings,
    json_ld,
    page_for,
    run_pelican,
)


def test_one_page_per_seed_with_json_ld(seed_site):
    pages = article_pages(seed_site)
    assert len(pages) == len(SEED_FILES) == 5
    identifiers = set()
    for page in pages:
        data = json_ld(page.read_text(encoding="utf-8"))
        assert data["@type"] == "NewsArticle"
        assert data["headline"]
        assert data["inLanguage"] == "id"
        identifiers.add(data["identifier"])
    assert identifiers == {path.stem for path in SEED_FILES}


def test_json_ld_fields_follow_the_evidence(seed_site):
    explicit = json_ld(page_for(seed_site, "003_df7e37c010f0a078"))
    assert explicit["datePublished"] == "2024-10-22"
    assert explicit["publisher"]["name"] == "Tribunnews"
    assert explicit["isPartOf"]["name"].startswith("Perjalanan ke-11")
    assert explicit["isPartOf"]["url"].endswith("perjalanan/perjalanan-11/")
    credited = json_ld(page_for(seed_site, "000_84cca4261389b70a"))
    assert credited["author"]["name"] == "Whiesa"
    assert "datePublished" not in credited  # only an estimated range is known
    resolved = json_ld(page_for(seed_site, "001_67b21ea2f3b9d6c0"))
    assert resolved["datePublished"] == "2024-03-21"
    unknown_publisher = json_ld(page_for(seed_site, "002_c6785a99c933e0c7"))
    assert "publisher" not in unknown_publisher


def test_pages_carry_lang_and_escaped_text(seed_site):
    for page in article_pages(seed_site):
        html = page.read_text(encoding="utf-8")
        assert html.startswith('<!DOCTYPE html>\n<html lang="id">')
    html = page_for(seed_site, "001_67b21ea2f3b9d6c0")
    # straight quotes in the scrape are text inside <p>, shown as written
    assert "<p>Menteri Luar Negeri Amerika Serikat Antony Blinken pada hari Kamis" in html
    assert 'menjadi "sebuah kesalahan" dan "tidak perlu"' in html


def test_removal_record_is_on_the_page(seed_site):
    html = page_for(seed_site, "002_c6785a99c933e0c7")
    assert "11 baris dibersihkan" in html
    # a repeat quotes the line it repeats, never a raw line number
    assert "pengulangan dari “Blinken berbicara dengan Asisten Menteri Luar…”" in html
    assert "baris 23" not in html
    assert "<q>Fuente</q>" in html
    body = html.split('<div class="article-body"')[1].split("</div>")[0]
    assert "Fuente" not in body
    assert (
        body.count("Blinken berbicara dengan Asisten Menteri Luar Negeri Urusan Timur Dekat") == 1
    )


def test_trip_pages_and_archives_exist(seed_site):
    for trip in ("perjalanan-3", "perjalanan-4", "perjalanan-6", "perjalanan-11"):
        html = (seed_site / "perjalanan" / trip / "index.html").read_text(encoding="utf-8")
        assert "Persinggahan" in html
    trip4 = (seed_site / "perjalanan" / "perjalanan-4" / "index.html").read_text(encoding="utf-8")
    assert trip4.count('class="article-item"') == 2
    assert "perkiraan 8–9 Januari 2024" in trip4
    for month in ("2023/11", "2024/01", "2024/03", "2024/10"):
        assert (seed_site / "arsip" / month / "index.html").exists()


def test_prev_next_links_stay_within_the_trip(seed_site):
    html = page_for(seed_site, "002_c6785a99c933e0c7")
    assert 'rel="prev"' in html and 'rel="next"' not in html
    assert "Sebelumnya dalam perjalanan ini" in html  # says it stays within the trip
    first = page_for(seed_site, "000_84cca4261389b70a")
    assert 'rel="next"' in first and 'rel="prev"' not in first
    alone = page_for(seed_site, "003_df7e37c010f0a078")
    assert 'rel="prev"' not in alone and 'rel="next"' not in alone


_REMOTE = re.compile(
    r"<(?:script|img|link|iframe|source|video|audio)\b[^>]*\b(?:src|href)=\"(?:https?:)?//"
)


def test_nothing_is_loaded_from_other_hosts(seed_site):
    for page in seed_site.rglob("*.html"):
        assert not _REMOTE.search(page.read_text(encoding="utf-8")), page
    for sheet in seed_site.rglob("*.css"):
        assert "url(http" not in sheet.read_text(encoding="utf-8")
        assert "@import" not in sheet.read_text(encoding="utf-8")


def _digest(folder: Path) -> dict[str, str]:
    """Hashes of every output file but Pagefind's search bundle: Pagefind
    writes its filter and metadata indexes in a different byte order on
    each run (a known upstream behaviour), whatever its input."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.relative_to(folder).parts[0] != "pagefind"
    }


def test_two_builds_are_byte_identical(seed_site, tmp_path):
    first = seed_site
    second = build_site(tmp_path / "b")
    assert _digest(first) == _digest(second)
    assert len(_digest(first)) > 20
    fragments = sorted(p.name for p in (first / "pagefind/0/fragment").iterdir())
    assert fragments == sorted(p.name for p in (second / "pagefind/0/fragment").iterdir())


# ---- bad input -------------------------------------------------------------


HOSTILE = (
    "<script>alert('x')</script> Judul & <b>tebal</b>\n"
    "# Bukan judul Markdown\n"
    "[tautan](javascript:alert(1)) dan *miring* serta <img src=x onerror=alert(1)>\n"
    "Paragraf biasa tentang perundingan gencatan senjata di Kairo yang berlangsung lama.\n"
)


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    (folder / "kosong.txt").write_bytes(b"")
    (folder / "biner.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (folder / "besar.txt").write_bytes(b"Kalimat yang sama. " * 1_100_000)  # ~21 MB
    (folder / "cp1252.txt").write_bytes(
        "Menteri itu berkata “cukup” – lalu pergi ke kafé di Kairo pada hari Kamis.".encode(
            "cp1252"
        )
    )
    (folder / "crlf.txt").write_bytes(
        b"Baris pertama artikel ini berakhir dengan CRLF.\r\nBaris kedua juga.\r\n"
    )
    (folder / "bom.txt").write_bytes("\ufeffArtikel dengan BOM di awal berkas.".encode())
    (folder / "html.txt").write_text(HOSTILE, encoding="utf-8")
    (folder / "judul-sama-1.txt").write_text("Judul yang sama persis. Isi satu.", encoding="utf-8")
    (folder / "judul-sama-2.txt").write_text("Judul yang sama persis. Isi dua.", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def bad_site(tmp_path_factory, bad_folder):
    output = tmp_path_factory.mktemp("badsite") / "output"
    return output, build_with_warnings(output, bad_folder)


def test_bad_files_get_one_warning_each_naming_file_and_reason(bad_site):
    _, warnings = bad_site
    expected = (
        ("kosong.txt", "empty"),
        ("biner.txt", "binary"),
        ("besar.txt", "too large"),
        ("cp1252.txt", "not UTF-8"),
    )
    assert_one_warning_each(warnings, expected)


def test_good_files_in_a_bad_folder_still_build(bad_site):
    output, _ = bad_site
    identifiers = {
        json_ld(p.read_text(encoding="utf-8"))["identifier"] for p in article_pages(output)
    }
    assert identifiers == {"cp1252", "crlf", "bom", "html", "judul-sama-1", "judul-sama-2"}


def test_markup_in_input_is_shown_as_text(bad_site):
    output, _ = bad_site
    html = page_for(output, "html")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert('x')&lt;/script&gt; Judul &amp; &lt;b&gt;tebal&lt;/b&gt;" in html
    assert "<img src=x" not in html and "<b>tebal</b>" not in html
    assert "<h1>Bukan judul" not in html and "# Bukan judul Markdown" in html


def test_same_titles_get_distinct_pages(bad_site):
    output, _ = bad_site
    slugs = sorted(p.parent.name for p in article_pages(output) if "judul-yang-sama" in str(p))
    assert len(slugs) == 2 and slugs[0] != slugs[1]
    folder_of = {
        json_ld(p.read_text(encoding="utf-8"))["identifier"]: p.parent.name
        for p in article_pages(output)
    }
    same = [folder_of["judul-sama-1"], folder_of["judul-sama-2"]]
    assert same[0] != same[1]
    assert all(name.startswith("judul-yang-sama") for name in same), same


def test_cp1252_text_is_decoded_correctly(bad_site):
    output, _ = bad_site
    assert "“cukup” – lalu pergi ke kafé" in page_for(output, "cp1252")


def test_strict_makes_warnings_fatal(tmp_path, bad_folder):
    assert run_pelican(tmp_path, bad_folder, "--fatal", "warnings").returncode != 0
    calm = run_pelican(tmp_path, bad_folder)
    assert calm.returncode == 0, calm.stdout + calm.stderr


def test_seeds_build_without_a_single_warning(tmp_path):
    result = run_pelican(tmp_path, None, "--fatal", "warnings")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr


def test_articles_of_one_date_are_listed_alike_whatever_the_hash_seed(tmp_path):
    folder = tmp_path / "one-day"
    folder.mkdir()
    for name in "abcdefgh":  # Pelican finds files in a set, whose order varies
        (folder / f"{name}.txt").write_text(
            f"Warga kampung {name} membersihkan lumpur sisa banjir\n"
            f"Jakarta, 3 Januari 2024 - Warga kampung {name} bergotong royong sejak pagi.\n",
            encoding="utf-8",
        )
    sites = []
    for seed in ("1", "2", "3"):
        result = run_pelican(tmp_path / seed, folder, hash_seed=seed)
        assert result.returncode == 0, result.stdout + result.stderr
        sites.append(_digest(tmp_path / seed / "out"))
    assert len(sites[0]) > 8
    assert sites[0] == sites[1] == sites[2]


def test_archive_months_are_newest_first(seed_site):
    html = (seed_site / "arsip" / "index.html").read_text(encoding="utf-8")
    months = re.findall(r'href="[^"]*arsip/(\d{4}/\d{2})/"', html)
    assert months == ["2024/10", "2024/03", "2024/01", "2023/11"]


def test_folder_without_catalog_builds_into_stories(events_site):
    output = events_site
    pages = sorted((output / "perjalanan").glob("*/index.html"))
    # the aid ship; the evacuation and the arrival a day later; the market
    # close on each of three days. The flood and the football match are
    # alone in their stories: listed by day, no page of their own.
    assert len(pages) == 3
    ship = next(p for p in pages if "madleen" in p.parent.name)
    assert ship.read_text(encoding="utf-8").count('class="article-item"') == 3
    html = page_for(output, "ap-madleen")
    assert json_ld(html)["inLanguage"] == "en"
    # the site speaks its folder's main language; the English article's
    # own text says that it is English
    assert '<html lang="id">' in html
    assert '<h1 lang="en">' in html and 'data-pagefind-body lang="en"' in html
    assert json_ld(html)["isPartOf"]["url"].endswith(f"perjalanan/{ship.parent.name}/")


_EVENT_LINK = re.compile(r'<li><a href="[^"]*perjalanan/([^/"]+)/">')


def test_the_events_index_is_paginated_and_lists_every_event_once(events_site):
    pages = [
        events_site / "perjalanan" / "index.html",
        events_site / "perjalanan" / "halaman" / "2" / "index.html",
        events_site / "perjalanan" / "halaman" / "3" / "index.html",
    ]
    listed = [_EVENT_LINK.findall(page.read_text(encoding="utf-8")) for page in pages]
    assert [len(ids) for ids in listed] == [1, 1, 1]  # one per page in this fixture
    every = [i for ids in listed for i in ids]
    assert sorted(every) == sorted(
        p.name
        for p in (events_site / "perjalanan").iterdir()
        if (p / "index.html").is_file() and p.name != "halaman"
    )
    first = pages[0].read_text(encoding="utf-8")
    assert 'rel="next"' in first and "Halaman 1 dari 3" in first
    assert 'rel="prev"' in pages[2].read_text(encoding="utf-8")


def test_an_event_page_holds_its_own_digest_and_coverage(events_site):
    (ship,) = (events_site / "perjalanan").glob("*madleen*/index.html")
    html = ship.read_text(encoding="utf-8")
    assert "Poin utama" in html and "Liputan per media" in html
    assert "hanya ditemukan di Kompas" in html  # a point only Kompas's article carries
    assert "tidak ditemukan di AP" in html
    assert "<h3>9 Juni 2025</h3>" in html  # the articles under the day they report


def test_the_front_page_shows_the_top_stories_and_links_the_rest(tmp_path, monkeypatch):
    monkeypatch.setattr(digest, "MAX_STORIES", 2)
    output = build_site(tmp_path / "output", seeds=ROOT / "tests" / "fixtures" / "events")
    html = (output / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r'class="event-summary" id="([^"]+)"', html)
    # two stories, then the articles alone in their stories, by day
    assert len(shown) == 3 and shown[-1] == "tanpa-perjalanan"
    assert "Semua 3 cerita" in html
    assert "Artikel lain, per hari" in html
    # the most carried and newest story first: the evacuation, three articles
    # from two named outlets and one that does not name itself, ahead of the
    # aid ship (as many outlets, nine days older)
    assert shown[0].startswith("2025-06-18-kemlu-evakuasi")
    assert "madleen" in shown[1]
    # on a phone, the timeline's list: a story's articles and their outlets
    # (the evacuation: Antara, Detik, Kompas and Tempo, one article each),
    # not how sure its dates are (a trip's list says that)
    phone = re.search(r'<ol class="timeline-list">(.*?)</ol>', html, re.S).group(1)
    first = re.sub(r"\s+", " ", re.findall(r"<li>(.*?)</li>", phone, re.S)[0])
    assert "4 artikel · 4 sumber" in first and "tertulis" not in phone


def test_parallel_reading_gives_the_same_site_as_serial(tmp_path, monkeypatch):
    sources = sorted((ROOT / "tests" / "fixtures").rglob("*.txt")) + SEED_FILES
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(70):  # above the size at which workers start
        text = sources[i % len(sources)].read_text(encoding="utf-8")
        (folder / f"n{i:03d}.txt").write_text(f"{text}\nCatatan nomor {i} dari redaksi.\n")
    started = []
    in_background = digest_worker.in_background
    monkeypatch.setattr(
        digest_worker, "in_background", lambda f, *a: started.append(f) or in_background(f, *a)
    )
    serial = build_site(tmp_path / "serial", seeds=folder, NEWS_DIGEST_WORKERS=1)
    assert started == []
    parallel = build_site(tmp_path / "parallel", seeds=folder, NEWS_DIGEST_WORKERS=2)
    assert started == [digest_worker.build_digest]  # the digest was worked out in a forked worker
    assert len(article_pages(serial)) == 70
    assert _digest(serial) == _digest(parallel)
    front = (parallel / "index.html").read_text(encoding="utf-8")
    assert front.count('class="event-summary"') == len(list((parallel / "perjalanan").glob("*/")))


def test_a_background_worker_that_dies_is_replaced_by_the_work_done_here(caplog):
    parent = os.getpid()

    def answer(x):
        if os.getpid() != parent:
            os._exit(3)  # as if the worker were killed for want of memory
        return x * 2

    result = forks.in_background(answer, 21)
    with caplog.at_level(logging.WARNING):
        assert result() == 42
    assert "background answer failed" in caplog.text


def test_a_background_workers_warnings_are_said_and_counted_by_the_build(caplog):
    """The forked digest worker never writes to the build's console (its
    progress display may hold the console's lock at the fork); what it logs
    is said by the build when the result comes back, so a warning there
    counts for STRICT=1 like any other."""
    parent = os.getpid()

    def answer(x):
        if os.getpid() != parent:
            logging.getLogger("news_digest.digest_cache").warning("key points file cut short")
        return x * 2

    result = forks.in_background(answer, 21)
    with caplog.at_level(logging.INFO):
        assert result() == 42
    said = [(r.name, r.levelno, r.getMessage()) for r in caplog.records]
    assert ("news_digest.digest_cache", logging.WARNING, "key points file cut short") in said


def test_a_settings_file_listing_index_still_gets_one_digest_front_page(tmp_path):
    site = build_site(
        tmp_path / "out", DIRECT_TEMPLATES=["index", "archives", "categories", "authors"]
    )
    front = (site / "index.html").read_text(encoding="utf-8")
    assert 'class="digest"' in front
    assert (site / "arsip" / "index.html").exists()


def test_outlets_and_authors_are_links_and_every_author_page_is_reachable(seed_site):
    html = page_for(seed_site, "000_84cca4261389b70a")  # Tribunnews, by Whiesa
    assert re.search(r'<dd><a href="[^"]*sumber/tribunnews/">Tribunnews</a></dd>', html)
    assert re.search(r'<dd><a href="[^"]*penulis/whiesa/">Whiesa</a></dd>', html)
    front = (seed_site / "index.html").read_text(encoding="utf-8")
    sources = front.split('class="source-list"')[1].split("</ul>")[0]
    assert re.search(r'<a href="[^"]*sumber/gatra/">Gatra</a>', sources)
    assert re.search(r'<a href="[^"]*penulis/">Semua penulis</a>', front)
    assert (seed_site / "penulis" / "index.html").is_file()


def test_an_estimated_date_says_so_once_and_explains_itself(seed_site):
    html = page_for(seed_site, "000_84cca4261389b70a")
    facts = html.split('class="facts"')[1].split("</dl>")[0]
    assert re.sub(r"<[^>]+>", "", facts).count("perkiraan") == 1  # shown once, as text
    assert 'title="Artikel tidak menyebut tanggalnya; rentang ini' in facts


def test_newest_first_on_the_front_page_and_in_the_events_index(seed_site):
    front = (seed_site / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r'class="event-summary" id="(perjalanan-\d+)"', front)
    assert shown == ["perjalanan-11", "perjalanan-6", "perjalanan-4", "perjalanan-3"]
    index = (seed_site / "perjalanan" / "index.html").read_text(encoding="utf-8")
    assert _EVENT_LINK.findall(index) == shown
    assert "terbaru dahulu" in index


def test_each_name_has_a_page_with_its_aliases_quotes_and_articles(seed_site):
    html = (seed_site / "nama" / "antony-blinken" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Antony Blinken</h1>" in html
    assert "Juga ditulis: Blinken" in html
    quotes = html.split("<h2>Kutipan")[1].split("<h2>")[0]
    days = re.findall(r"<figcaption>(?:perkiraan )?(\d+)(?:–\d+)? (\w+) (\d{4})", quotes)
    assert len(days) == 4  # every quote Blinken is named as saying, across the trips
    months = {"November": 11, "Januari": 1, "Maret": 3, "Oktober": 10}
    order = [(int(y), months[m], int(d)) for d, m, y in days]
    assert order == sorted(order)  # in date order
    assert html.count('class="article-item"') == 5
    front = (seed_site / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a class="entity-name" href="[^"]*nama/antony-blinken/">', front)
    assert re.search(r'href="[^"]*nama/">Semua tokoh, tempat dan lembaga</a>', front)


def test_a_name_has_a_page_only_when_it_shows_more_than_one_article(seed_site):
    """The names index lists every name of the digest: a name of two
    articles or more (or quoted) links to its page; a name of one article
    and no quote has no page and links to that article instead."""
    summary = json.loads((seed_site / "digest.json").read_text(encoding="utf-8"))
    index = (seed_site / "nama" / "index.html").read_text(encoding="utf-8")
    found = re.findall(r'<li><a href="[^"]*?((?:nama|artikel)/[^"]+)">([^<]+)</a>', index)
    links = {html.unescape(name): target for target, name in found}
    assert len(links) == len(summary["entities"])
    pages = {p.parent.name for p in (seed_site / "nama").glob("*/index.html")}
    assert len(pages) == sum(target.startswith("nama/") for target in links.values())
    alone = 0
    for entity in summary["entities"]:
        target = links[entity["name"]]
        assert (seed_site / target / "index.html").is_file(), target
        if len(entity["articles"]) >= 2:
            assert target.startswith("nama/"), entity["name"]
        elif target.startswith("artikel/"):  # one article, no quote: its article
            alone += 1
            page = article_page(seed_site, entity["articles"][0])
            assert target == f"{page.parent.relative_to(seed_site).as_posix()}/"
            assert (seed_site / "nama" / _slug(entity["name"])).exists() is False
    assert alone > 0 and len(pages) > 1  # the trap: both kinds occur in the seeds


def test_a_warm_build_equals_a_cold_one_file_for_file(tmp_path):
    """The second `make html` reads the content cache; its output is the
    cold build's, byte for byte, under another hash seed too (Pagefind's
    index aside: Pagefind varies its files' byte order from run to run)."""
    _assert_warm_equals_cold(tmp_path, EVENTS, minimum_files=20)


def _assert_warm_equals_cold(tmp_path: Path, folder: Path, minimum_files: int) -> None:
    """Build `folder` cold under hash seed 1, then warm (the cold build's
    cache) under seed 2: the two sites are equal file for file."""
    import shutil

    cold = run_pelican(tmp_path / "cold", folder, hash_seed="1")
    assert cold.returncode == 0, cold.stderr
    shutil.copytree(tmp_path / "cold" / "cache", tmp_path / "warm" / "cache")
    warm = run_pelican(tmp_path / "warm", folder, hash_seed="2")
    assert warm.returncode == 0, warm.stderr
    first, second = _site_files(tmp_path / "cold" / "out"), _site_files(tmp_path / "warm" / "out")
    assert len(first) > minimum_files and sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def _site_files(site: Path) -> dict[str, bytes]:
    """Every output file's bytes, Pagefind's index aside (Pagefind varies
    its files' byte order from run to run)."""
    return {
        str(p.relative_to(site)): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and "pagefind" not in p.relative_to(site).parts
    }


def test_after_one_article_changes_a_warm_build_equals_a_cold_one(tmp_path):
    """One article edited between two builds: the warm build (the first
    build's cache, another hash seed) gives the cold build's site, and
    the stories the edit does not touch keep their names and addresses."""
    import shutil

    folder = tmp_path / "folder"
    shutil.copytree(EVENTS, folder)
    before = run_pelican(tmp_path / "warm", folder, hash_seed="1")
    assert before.returncode == 0, before.stderr
    stories_before = json.loads((tmp_path / "warm" / "out" / "digest.json").read_text())["events"]
    edited = folder / "liputan6-ihsg-ditutup-17-juni.txt"
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\nAnalis memperkirakan IHSG bergerak mendatar.\n",
        encoding="utf-8",
    )
    warm = run_pelican(tmp_path / "warm", folder, hash_seed="2")
    assert warm.returncode == 0, warm.stderr
    cold = run_pelican(tmp_path / "cold", folder, hash_seed="3")
    assert cold.returncode == 0, cold.stderr
    first, second = _site_files(tmp_path / "cold" / "out"), _site_files(tmp_path / "warm" / "out")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    stories_after = json.loads((tmp_path / "cold" / "out" / "digest.json").read_text())["events"]
    untouched = [
        (e["id"], e["name"]) for e in stories_before if not e["id"].startswith("2025-06-16-ihsg")
    ]
    assert untouched and set(untouched) <= {(e["id"], e["name"]) for e in stories_after}


def test_the_hostile_folder_builds_alike_cold_and_warm_under_any_hash_seed(tmp_path):
    """The folder of odd names, colliding titles (`cafe`, `CAFE`, `café`)
    and undated articles (tests/hostile.py): a warm build under another
    hash seed gives the cold build's site, file for file — every name,
    slug and collision suffix decided by content and identifier."""
    from .hostile import make_folder

    folder, _, _ = make_folder(tmp_path / "hostile")
    for n in range(3):  # undated articles under one headline: one story, one name
        (folder / f"tanpa-tanggal-{n}.txt").write_text(
            "Banjir merendam permukiman di Bekasi\n\n"
            f"Hujan deras merendam ratusan rumah warga di Bekasi, kata petugas ke-{n}.\n"
            "Warga mengungsi ke masjid terdekat sambil menunggu air surut.\n",
            encoding="utf-8",
        )
    _assert_warm_equals_cold(tmp_path, folder, minimum_files=50)


def _slug(name: str) -> str:
    """A name's slug as the seeds' names slugify (plain letters and spaces)."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
