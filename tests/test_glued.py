"""Glued words mended (glued.py): the space a scraper dropped, put back
where the word lists say so, and never anywhere else. Each case was
written by reading it as an editor would; the traps are tokens that look
glued and must stay as written (brands, affixed words, numbers, domains,
abbreviations, addresses)."""

from __future__ import annotations

import pytest
from news_digest import glued
from news_digest.clean import clean_lines
from news_digest.model import Line, Mend

from tests.conftest import build_site, page_for

# (token as the file wrote it, as the page must show it)
TOKENS = [
    # a word run into a capitalised one
    ("ujarPutin", "ujar Putin"),
    ("kepadaHealth", "kepada Health"),
    ("-PresidenPrabowo", "-Presiden Prabowo"),
    ("diSalon", "di Salon"),
    ("dariPSG.Disinyalir,", "dari PSG. Disinyalir,"),
    ("KPKmenetapkan", "KPK menetapkan"),
    # two words run together whose join is no word
    ("insentifpajak", "insentif pajak"),
    ("ataucukai", "atau cukai"),
    ("korupsidi", "korupsi di"),
    ("Beningdari", "Bening dari"),
    ("antaraIsraeldanIranmemasuki", "antara Israel dan Iran memasuki"),
    ("ketampanan,kepribadianyang", "ketampanan, kepribadian yang"),
    # punctuation with no space after it
    ("Mulia,harga", "Mulia, harga"),
    ("sepekan.Namun,", "sepekan. Namun,"),
    ("perempuan.Ia", "perempuan. Ia"),
    ("Itu?Mengenal", "Itu? Mengenal"),
    ("structures.Avoid", "structures. Avoid"),
    # a word run into a domain's ending
    ("BerikutLiputan6.comulas", "Berikut Liputan6.com ulas"),
    # traps: one word each, as written
    ("antarpemain", "antarpemain"),
    ("konsumsinya", "konsumsinya"),
    ("diungkapkannya", "diungkapkannya"),
    ("dicross", "dicross"),
    ("autoimun", "autoimun"),
    ("pranikah", "pranikah"),
    ("stagnasi", "stagnasi"),
    ("mudarat", "mudarat"),
    ("robotaxi", "robotaxi"),
    ("nanoplastics", "nanoplastics"),
    ("iPhone", "iPhone"),
    ("eKTP", "eKTP"),
    ("detikNews", "detikNews"),
    ("detikNEWS", "detikNEWS"),
    ("kumparanBISNIS", "kumparanBISNIS"),
    ("McDonald", "McDonald"),
    ("TikTok", "TikTok"),
    ("TikToker", "TikToker"),
    ("YouTube", "YouTube"),
    ("TradingView", "TradingView"),
    ("WrestleMania", "WrestleMania"),
    ("AstraZeneca", "AstraZeneca"),
    ("Antaranews,", "Antaranews,"),
    ("macOS", "macOS"),
    ("BUMNnya", "BUMNnya"),
    ("SMAN", "SMAN"),
    ("PSSIErick", "PSSIErick"),
    ("iOS", "iOS"),
    ("proxyInfo", "proxyInfo"),
    ("1,5", "1,5"),
    ("1.000", "1.000"),
    ("Rp1.000.000", "Rp1.000.000"),
    ("Liputan6.com", "Liputan6.com"),
    ("Liputan6.com,", "Liputan6.com,"),
    ("pantaubanjir.jakarta.go.id", "pantaubanjir.jakarta.go.id"),
    ("kumparan.com/kumparanbisnis", "kumparan.com/kumparanbisnis"),
    ("D.C.", "D.C."),
    ("p.m.", "p.m."),
    ("U.S.", "U.S."),
    ("L.A.'s", "L.A.'s"),
    ("COVID-19", "COVID-19"),
    ("RT.03/RW.05", "RT.03/RW.05"),
    ("https://www.detik.com/beritaTerkini", "https://www.detik.com/beritaTerkini"),
    ("redaksi@liputan6.com", "redaksi@liputan6.com"),
    ("@ujarPutin", "@ujarPutin"),
    ("#IndonesiaMaju", "#IndonesiaMaju"),
    ("[Gambas:Video", "[Gambas:Video"),
    ("10:30", "10:30"),
]


@pytest.mark.parametrize(("token", "expected"), TOKENS, ids=[t for t, _ in TOKENS])
def test_a_token_is_split_only_where_words_meet(token, expected):
    assert glued.mended(token, glued.splits(token)) == expected


def test_a_word_the_article_writes_on_its_own_twice_is_its_word():
    """`tasnimreport` is glued nowhere in an article that writes it on its
    own in two lines: the article knows the word."""
    lines = [Line(1, "Kantor berita tasnimreport menulis."), Line(2, "Menurut tasnimreport, ya.")]
    words = glued.vocabulary(lines)
    assert "tasnimreport" in words.words
    assert glued.splits("bahwapekerja", words) == {5: "two-words"}


def test_a_cased_name_written_twice_is_a_name():
    """Two capitalised words the article also writes apart are split once,
    but not when the joined form recurs (a name's own casing)."""
    once = [Line(1, "Laga EvertonArsenal digelar."), Line(2, "Everton dan Arsenal bertemu.")]
    assert glued.splits("EvertonArsenal", glued.vocabulary(once)) == {7: "before-capital"}
    twice = [*once, Line(3, "Koleksi EvertonArsenal habis."), Line(4, "Lagi EvertonArsenal.")]
    assert glued.splits("EvertonArsenal", glued.vocabulary(twice)) == {}


def test_every_mend_is_recorded_with_the_token_as_written():
    cleaned = clean_lines(
        [
            "Putin dan Prabowo bertemu",
            "",
            "Presiden Rusia itu menyambut tamunya, ujarPutin kepada wartawan.",
            "Kedua negara membahas insentifpajak dan perdagangan.",
            "Aplikasi TikTok dan iPhone tidak dibahas.",
        ]
    )
    assert [(m.number, m.token, m.mended) for m in cleaned.mends] == [
        (3, "ujarPutin", "ujar Putin"),
        (4, "insentifpajak", "insentif pajak"),
    ]
    assert (
        cleaned.kept[0].text == "Presiden Rusia itu menyambut tamunya, ujar Putin kepada wartawan."
    )
    assert cleaned.kept[2].text == "Aplikasi TikTok dan iPhone tidak dibahas."
    for mend in cleaned.mends:  # spaces only: nothing else changes
        assert mend.mended.replace(" ", "") == mend.token.replace(" ", "")
        assert mend.words == mend.mended.count(" ") + 1
    # and the record gives each line back as the file wrote it
    assert glued.as_written(cleaned.kept[0], cleaned.mends) == (
        "Presiden Rusia itu menyambut tamunya, ujarPutin kepada wartawan."
    )


def test_a_glued_headline_is_mended_and_its_removal_keeps_the_original():
    cleaned = clean_lines(
        ["BerikutJadwal Lengkap Liga Inggris 2025", "", "Jadwal lengkap musim depan sudah rilis."]
    )
    assert cleaned.headline.text == "Berikut Jadwal Lengkap Liga Inggris 2025"
    assert [(m.number, m.token) for m in cleaned.mends] == [(1, "BerikutJadwal")]
    removal = next(r for r in cleaned.removed if r.kind == "headline")
    assert removal.text == "BerikutJadwal Lengkap Liga Inggris 2025"


def test_the_page_shows_the_mends_in_the_record(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "berita.txt").write_text(
        "Prabowo bertemu Putin di St. Petersburg\n"
        "Kamis, 19 Jun 2025 20:00 WIB\n\n"
        "Presiden Rusia menyambut tamunya di istana, ujarPutin kepada wartawan.\n"
        "Kedua negara membahas insentifpajak dan perdagangan kedua negara.\n",
        encoding="utf-8",
    )
    page = page_for(build_site(tmp_path / "out", seeds=folder), "berita")
    assert "ujar Putin kepada wartawan" in page
    assert "2 kata dipisahkan" in page
    assert "<q>ujarPutin</q> → ujar Putin" in page
    assert "<q>insentifpajak</q> → insentif pajak" in page


def test_a_split_of_the_folders_own_word_is_taken_back():
    """`warganet` (netizens) is one word the lists lack: an article alone
    splits it, but a folder that writes it on its own in three articles
    knows it; the line is shown as written again, and the mend leaves the
    record. Two articles are not enough."""
    from tests.conftest import article

    split = article("a", "Judul lain", "", "Komentar warganet itu viral kemarin sore.")
    assert [(m.token, m.mended) for m in split.clean.mends] == [("warganet", "warga net")]
    others = [
        article(f"b{n}", "Judul berita", "", f"Unggahan itu {before} warganet {after} pagi.")
        for n, (before, after) in enumerate(
            [("dibicarakan", "sejak"), ("membuat", "heboh"), ("ramai", "menanggapi")]
        )
    ]
    # (each of them wrote it glued to nothing: "warganet" stands alone there too)
    assert glued.keep_folder_words(split, glued.folder_words(others[:2])) is split
    back = glued.keep_folder_words(split, glued.folder_words(others))
    assert back.clean.mends == ()
    assert [line.text for line in back.clean.kept][
        -1
    ] == "Komentar warganet itu viral kemarin sore."


def test_one_outlets_link_template_is_no_word_of_the_folder():
    """A trap: one outlet glues the same pair in article after article (its
    link template: `informasiharga`), each time between other words. Three
    articles of one outlet writing it do not make it the folder's word when
    the folder names other outlets; three outlets do. And three articles
    writing it between the same words (one text copied) never do."""
    from tests.conftest import article

    split = article("a", "Judul lain", "", "Simak informasiharga emas terbaru hari ini.")
    assert [m.mended for m in split.clean.mends] == ["informasi harga"]
    contexts = [("Cek", "logam"), ("Simak", "perak"), ("Baca", "saham")]
    others = [
        article(f"b{n}", "Judul berita", "", f"{before} informasiharga {after} sepekan ini.")
        for n, (before, after) in enumerate(contexts)
    ]
    other_outlet = article("c", "Judul", "", "Harga beras naik lagi di pasar induk.")

    def outlet(of: dict[str, str]):
        return lambda a: of.get(a.identifier)

    one = {"b0": "liputan6", "b1": "liputan6", "b2": "liputan6", "c": "detik"}
    words = glued.folder_words([*others, other_outlet], outlet(one))
    assert glued.keep_folder_words(split, words) is split
    three = {"b0": "liputan6", "b1": "kompas", "b2": "tempo", "c": "detik"}
    back = glued.keep_folder_words(
        split, glued.folder_words([*others, other_outlet], outlet(three))
    )
    assert back.clean.mends == ()
    copied = [
        article(f"d{n}", "Judul berita", "", "Cek informasiharga logam sepekan ini.")
        for n in range(3)
    ]
    assert glued.keep_folder_words(split, glued.folder_words(copied)) is split


def test_a_capitalised_name_split_in_two_is_taken_back_where_the_folder_writes_it():
    """A name the lists lack (`Sastranegara`) looks like two words to one
    article; three articles writing it, however alike their sentences, make
    it the folder's: the split is taken back, and so is a capitalised run
    cut before a joiner (`Setiadi` is a name, not `Setia di`). A split
    before a capital (`ujarPutin`) is no name: it stays."""
    from tests.conftest import article

    mend = Mend(3, "Sastranegara", "Sastra negara", ("two-words",))
    joiner = Mend(3, "Jakartadan", "Jakarta dan", ("two-words",))
    capital = Mend(3, "ujarPutin", "ujar Putin", ("before-capital",))
    lines = ["Kepala Sastranegara Jakartadan ujarPutin hadir."]
    folder = glued.folder_words([article(f"b{n}", "Judul", "", *lines) for n in range(3)])
    assert folder.takes_back(mend)
    assert not folder.words  # (all three wrote one sentence: no word of the folder)
    assert not folder.takes_back(capital)
    assert folder.takes_back(joiner)  # capitalised, two words: read as a name


def test_a_name_the_folder_writes_alone_stays_apart_from_a_joiner_glued_to_it():
    """A trap both ways: five articles write `Ghazali` on their own and
    glue `Ghazalidan` (the name and `dan`) now and then; `Setyadi` is a
    name of its own whose `Setya` nobody writes alone. The first split
    stays however often the pair is glued; the second is taken back."""
    from tests.conftest import article

    folder = glued.folder_words(
        [
            article(
                f"b{n}", "Judul", "", f"Ghazali tersenyum {n}. Ghazalidan Alyssa, kata Setyadi."
            )
            for n in range(5)
        ]
    )
    assert not folder.takes_back(Mend(3, "Ghazalidan", "Ghazali dan", ("two-words",)))
    assert folder.takes_back(Mend(3, "Setyadi", "Setya di", ("two-words",)))
