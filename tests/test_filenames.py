"""What file names say (filenames.py): the folder's outlet position, Pelican's
FILENAME_METADATA, and facts from the name filling only what the text left
unknown. Folder shapes are the scrapers' (`0618_0007_okezone_…`,
`6abc_045_…`); the traps are names whose words name an outlet by chance.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest
from news_digest import filenames
from news_digest.model import Evidence, Fact

from tests.conftest import article, build_site, page_for

# (why, file names, expected outlet field by name; names absent: none)
FOLDERS = [
    (
        "the Indonesian scraper: day, number, outlet, slug",
        [
            "0618_0000_liputan6_5-kebiasaan-kerja.txt",
            "0618_0001_detik_piala-dunia-antarklub.txt",
            "0618_0002_okezone_jadi-biduan.txt",
            "0619_0003_tempo_waswas-pp-tunas.txt",
        ],
        {
            "0618_0000_liputan6_5-kebiasaan-kerja.txt": "liputan6",
            "0618_0001_detik_piala-dunia-antarklub.txt": "detik",
            "0618_0002_okezone_jadi-biduan.txt": "okezone",
            "0619_0003_tempo_waswas-pp-tunas.txt": "tempo",
        },
    ),
    (
        "the English scraper: outlet first; an unknown outlet counts when two files share it",
        [
            "cbsnews_001_storm-hits-coast.txt",
            "huffpost_002_senate-vote.txt",
            "somenewsite_003_local-fair.txt",
            "somenewsite_004_school-board.txt",
            "lonelysite_005_one-off.txt",
        ],
        {
            "cbsnews_001_storm-hits-coast.txt": "cbsnews",
            "huffpost_002_senate-vote.txt": "huffpost",
            "somenewsite_003_local-fair.txt": "somenewsite",
            "somenewsite_004_school-board.txt": "somenewsite",
        },
    ),
    (
        "an aggregator is not the outlet: Google News links to all of them",
        ["google_001_a.txt", "google_002_b.txt", "cbsnews_003_c.txt", "vox_004_d.txt"],
        {"cbsnews_003_c.txt": "cbsnews", "vox_004_d.txt": "vox"},
    ),
    (
        "outlet then slug, with dashes only",
        ["detik-harga-emas-naik.txt", "kompas-banjir-jakarta.txt", "detik-ihsg-turun.txt"],
        {
            "detik-harga-emas-naik.txt": "detik",
            "kompas-banjir-jakarta.txt": "kompas",
            "detik-ihsg-turun.txt": "detik",
        },
    ),
    (
        "trap: slugs whose first word names an outlet by chance are no habit",
        [
            "tempo-dulu-di-batavia.txt",
            "harga-cabai-naik.txt",
            "banjir-di-bekasi.txt",
            "jalan-tol-baru.txt",
            "vox-populi-vox-dei.txt",
            "pemilu-serentak.txt",
            "gempa-cianjur.txt",
        ],
        {},
    ),
    ("trap: one file alone makes no habit", ["tempo_dulu.txt"], {}),
    (
        "trap: the seeds' numbered names hold no outlet",
        ["000_84cca4261389b70a.txt", "001_67b21ea2f3b9d6c0.txt"],
        {},
    ),
    (
        "trap: an unknown field in a name shaped unlike the folder's is not an outlet",
        [
            "0618_0001_detik_a.txt",
            "0618_0002_detik_b.txt",
            "notes_about_things_x.txt",
            "notes_about_things_y.txt",
        ],
        {"0618_0001_detik_a.txt": "detik", "0618_0002_detik_b.txt": "detik"},
    ),
    (
        "trap: the last field is the slug, never the outlet",
        ["0618_0001_detik.txt", "0618_0002_kompas.txt"],
        {},
    ),
]


@pytest.mark.parametrize(("why", "names", "expected"), FOLDERS, ids=[f[0] for f in FOLDERS])
def test_outlets_from_a_folders_names(why, names, expected):
    assert filenames.outlets(names) == expected


def test_outlet_names_come_from_the_table():
    assert filenames.outlet_name("okezone") == "Okezone"
    assert filenames.outlet_name("news-medical") == "News-Medical"
    assert filenames.outlet_name("somenewsite") == "Somenewsite"


# ---- FILENAME_METADATA -----------------------------------------------------------

PATTERN = r"(?P<date>\d{4}-\d{2}-\d{2})_(?P<publisher>[a-z0-9]+)_(?P<slug>.*)"


def test_pelicans_pattern_gives_the_named_groups():
    said = filenames.read_names(["2025-06-18_antaranews_banjir-bekasi.txt"], PATTERN)
    facts = said["2025-06-18_antaranews_banjir-bekasi.txt"]
    assert (facts.date, facts.publisher, facts.slug) == (
        date(2025, 6, 18),
        "antaranews",
        "banjir-bekasi",
    )


def test_a_pattern_without_a_publisher_group_leaves_the_outlet_position_on():
    names = ["2025-06-18_detik_a.txt", "2025-06-19_detik_b.txt"]
    said = filenames.read_names(names, r"(?P<date>\d{4}-\d{2}-\d{2}).*")
    assert [said[n].publisher for n in names] == ["detik", "detik"]
    assert said[names[1]].date == date(2025, 6, 19)


def test_a_date_that_is_no_date_is_one_problem_and_ignored():
    facts = filenames.read_names(["2025-13-45_x.txt"], PATTERN.replace("_(?P<slug>.*)", ".*"))
    facts = facts["2025-13-45_x.txt"]
    assert facts.date is None
    assert facts.problems == (
        "the date '2025-13-45' in its file name is not a date; it is ignored",
    )


def test_a_name_the_pattern_does_not_match_says_nothing():
    facts = filenames.read_names(["berita.txt"], PATTERN)["berita.txt"]
    assert facts == filenames.FileFacts("berita.txt")


def test_an_invalid_pattern_raises_for_the_glue_to_warn():
    with pytest.raises(re.error):
        filenames.read_names(["a.txt"], "(?P<date")


# ---- the file name fills only what is unknown --------------------------------------

LINES = ("Banjir merendam Bekasi", "Hujan deras sejak pagi merendam ratusan rumah warga.")


def test_the_file_name_fills_an_unknown_outlet_as_its_own_evidence():
    plain = article("0618_0001_detik_banjir", *LINES)  # its file: 0618_0001_detik_banjir.txt
    assert plain.meta.publisher.value is None
    facts = filenames.FileFacts("0618_0001_detik_banjir.txt", publisher="detik")
    filled = filenames.fill(plain, facts)
    assert filled.meta.publisher == Fact(
        "Detik", Evidence.of("file_name", quote="0618_0001_detik_banjir.txt")
    )


def test_the_text_outranks_the_file_name():
    named = article(
        "0618_0001_detik_banjir", "Liputan6.com, Jakarta - Hujan deras merendam ratusan rumah."
    )
    assert named.meta.publisher.value == "Liputan6"
    facts = filenames.FileFacts(
        "0618_0001_detik_banjir.txt", publisher="detik", date=date(2020, 1, 1)
    )
    dated = replace(
        named,
        meta=replace(
            named.meta, date=replace(named.meta.date, level="explicit", date=date(2025, 6, 18))
        ),
    )
    filled = filenames.fill(dated, facts)
    assert filled.meta.publisher.value == "Liputan6"
    assert filled.meta.date.date == date(2025, 6, 18)


def test_a_date_from_the_file_name_dates_an_undated_article_and_its_day():
    plain = article("x", *LINES)
    assert plain.meta.date.level == "unknown"
    filled = filenames.fill(plain, filenames.FileFacts("2025-06-18-x.txt", date=date(2025, 6, 18)))
    assert (filled.meta.date.level, filled.meta.date.date) == ("explicit", date(2025, 6, 18))
    assert filled.meta.date.evidence == Evidence.of("file_name", quote="x.txt")
    assert filled.meta.happened == date(2025, 6, 18)


# ---- in a build ----------------------------------------------------------------------------


def test_a_folder_of_scraper_names_shows_each_outlet_and_why(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    body = "Hujan deras sejak pagi merendam ratusan rumah warga di {place}, kata petugas."
    for number, (outlet, place) in enumerate(
        [("detik", "Bekasi"), ("okezone", "Bogor"), ("detik", "Depok")]
    ):
        name = f"0618_{number:04d}_{outlet}_banjir-{place.lower()}.txt"
        (folder / name).write_text(
            f"Banjir merendam {place}\nRabu, 18 Jun 2025 10:{number:02d} WIB\n\n"
            f"{body.format(place=place)}\n",
            encoding="utf-8",
        )
    site = build_site(tmp_path / "out", seeds=folder)
    page = page_for(site, "0618_0001_okezone_banjir-bogor")
    assert "Okezone" in page
    assert "nama berkas “0618_0001_okezone_banjir-bogor.txt”" in page
    outlet_page = site / "sumber" / "detik" / "index.html"
    assert "Banjir merendam Depok" in outlet_page.read_text(encoding="utf-8")
