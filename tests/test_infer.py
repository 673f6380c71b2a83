"""Infer stage: titles, publishers, authors, places and languages."""

from __future__ import annotations

import pytest
from news_digest.clean import clean_lines
from news_digest.infer import (
    TITLE_STRETCH,
    derive_title,
    detect_language,
    infer,
    place_name,
    publisher_name,
    shorten_title,
)
from news_digest.pipeline import process_file

from .conftest import SEEDS


def test_headline_first_line_is_the_title():
    cleaned = clean_lines(
        [
            "Blinken Tiba di Kairo untuk Bertemu Presiden Sisi",
            "Menteri Luar Negeri AS Antony Blinken tiba di Kairo pada Kamis pagi untuk bertemu.",
        ]
    )
    title = derive_title(cleaned)
    assert title.value == "Blinken Tiba di Kairo untuk Bertemu Presiden Sisi"
    assert title.evidence.key == "headline_line"


def test_lead_sentence_becomes_a_title_when_there_is_no_headline():
    title = derive_title(clean_lines(["Blinken tiba di Kairo. Ia bertemu Sisi."]))
    assert title.value == "Blinken tiba di Kairo"


LONG_LEADS = [
    "Menteri Luar Negeri Amerika Serikat Antony Blinken pada hari Kamis mengatakan bahwa "
    "serangan darat besar-besaran Israel di kota Rafah akan menjadi sebuah kesalahan.",
    "Dalam pertemuannya dengan Netanyahu, Blinken meminta Israel untuk bekerja sama dengan "
    "para pemimpin moderat Palestina dalam rencana pembangunan Gaza pascaperang.",
    "Pemimpin tertinggi Republik Islam Iran Ayatollah Sayyed Ali Khamenei, Rabu (17/6/2025) "
    "menyatakan Iran tidak akan pernah menyerah kepada tekanan Amerika Serikat dalam perang.",
    "Supercalifragilisticexpialidocious " * 5,
]


@pytest.mark.parametrize("sentence", LONG_LEADS)
def test_long_leads_are_cut_at_a_boundary(sentence):
    title = shorten_title(sentence)
    assert len(title) <= TITLE_STRETCH
    assert not title.endswith(("…", "...", ",", " ", ":", "."))
    # whole words of the sentence, in its order (asides may be left out)
    words = sentence.replace(",", " ").replace(".", " ").split()
    position = 0
    for word in title.replace(",", " ").replace(":", " ").split():
        if word in words[position:]:
            position = words.index(word, position) + 1
        else:
            assert word in {"Antony", "Blinken"}  # the speaker, named by the gazetteer
    last = title.split()[-1].lower()
    assert last not in {
        "akan",
        "menjadi",
        "mengatakan",
        "menyatakan",
        "yang",
        "di",
        "the",
        "pernah",
    }


# lead sentence -> the title made from it
TITLES = [
    # reported speech: the speaker, named by the gazetteer, and what was said
    (
        "Menteri Luar Negeri Amerika Serikat Antony Blinken pada hari Kamis mengatakan bahwa "
        "serangan darat besar-besaran Israel di kota Rafah akan menjadi sebuah kesalahan.",
        "Antony Blinken: serangan darat besar-besaran Israel di kota Rafah akan menjadi sebuah "
        "kesalahan",
    ),
    (
        "Secretary of State Antony Blinken said on Thursday that a major Israeli ground "
        "offensive in Rafah would be a mistake and was not needed to defeat Hamas.",
        # too long whole (111 characters): cut before "to", the predicate kept
        "Antony Blinken: a major Israeli ground offensive in Rafah would be a mistake and was not "
        "needed",
    ),
    # a short subject stands as the speaker; the weekday is an aside
    (
        "Polisi mengatakan dua orang tewas dalam kecelakaan di jalan tol Cipali pada Senin pagi.",
        "Polisi: dua orang tewas dalam kecelakaan di jalan tol Cipali",
    ),
    # asides left out: a bracketed abbreviation, a date in brackets
    (
        "Amerika Serikat (AS) tampaknya tak gentar untuk menciptakan upaya perdamaian di Timur "
        "Tengah.",
        "Amerika Serikat tampaknya tak gentar untuk menciptakan upaya perdamaian di Timur Tengah",
    ),
    # trap: a long subject with no one person the gazetteer knows is no
    # speaker: the sentence stays a sentence, whole when it fits
    (
        "Pemimpin tertinggi Republik Islam Iran Ayatollah Sayyed Ali Khamenei menyatakan Iran "
        "tidak akan menyerah.",
        "Pemimpin tertinggi Republik Islam Iran Ayatollah Sayyed Ali Khamenei menyatakan Iran "
        "tidak akan menyerah",
    ),
    # a long lead: its opening adverbial phrase is left out, the clause kept
    (
        "Di tengah semangat efisiensi anggaran yang digaungkan pemerintah pusat, DPRD Provinsi "
        "Jawa Barat menggelar kegiatan studi banding ke sejumlah daerah di luar provinsi itu.",
        "DPRD Provinsi Jawa Barat menggelar kegiatan studi banding ke sejumlah daerah di luar "
        "provinsi itu",
    ),
    # trap: a short lead keeps its opening phrase (it is whole already)
    (
        "Di tengah hujan, warga tetap datang.",
        "Di tengah hujan, warga tetap datang",
    ),
    # an address chain is an aside; the predicate after it is kept
    (
        "Kepolisian memastikan aktivitas penambangan di area galian C Kedung Jumbleng, "
        "Kelurahan Argasunya, Kecamatan Harjamukti, Kota Cirebon, tidak berizin alias ilegal.",
        "Kepolisian memastikan aktivitas penambangan di area galian C Kedung Jumbleng tidak "
        "berizin alias ilegal",
    ),
    # trap: a place after the chain keeps its comma
    (
        "Sopir truk mogok di jalan pantura Banyu Putih, Kabupaten Batang, Jawa Tengah, pada Jumat.",
        "Sopir truk mogok di jalan pantura Banyu Putih, Jawa Tengah",
    ),
    # any verb with "bahwa" reports: "S menetapkan bahwa X" → "S: X"
    (
        "Otoritas Jasa Keuangan (OJK) menetapkan bahwa penyelenggara pinjaman daring wajib "
        "menjadi pelapor Sistem Layanan Informasi Keuangan mulai 31 Juli 2025 sesuai aturan baru.",
        "Otoritas Jasa Keuangan: penyelenggara pinjaman daring wajib menjadi pelapor Sistem "
        "Layanan Informasi Keuangan",
    ),
    # a cut never stops inside a name when no boundary fits
    (
        "Sekretaris Daerah Jawa Barat Herman Suryatman membuka suara menanggapi kritik Wakil "
        "Gubernur Jawa Barat Erwan Setiawan yang tidak hadir dalam rapat paripurna DPRD.",
        "Sekretaris Daerah Jawa Barat Herman Suryatman membuka suara menanggapi kritik Wakil "
        "Gubernur Jawa Barat Erwan Setiawan",
    ),
    # a reporting verb with too little after it is not reported speech
    ("Juru bicara itu mengatakan tidak tahu.", "Juru bicara itu mengatakan tidak tahu"),
    # "Minggu ini" is this week, not Sunday: it stays
    (
        "Minggu ini harga cabai di Jakarta naik tajam.",
        "Minggu ini harga cabai di Jakarta naik tajam",
    ),
]


@pytest.mark.parametrize(("sentence", "title"), TITLES)
def test_titles_from_leads(sentence, title):
    assert shorten_title(sentence) == title


@pytest.mark.parametrize(
    ("outlet", "name"),
    [
        ("TRIBUNNEWS.COM", "Tribunnews"),
        ("Tribunnews.com", "Tribunnews"),
        ("Gatra.com", "Gatra"),
        ("Suaranusantara.com", "Suaranusantara"),
        ("KOMPAS.com", "Kompas"),
        ("cnnindonesia.com", "CNN Indonesia"),
        ("Beritabaru.co.id", "Beritabaru"),
    ],
)
def test_publisher_names(outlet, name):
    assert publisher_name(outlet) == name


def test_seed_metadata_from_datelines_and_credits():
    expected = {
        "000_84cca4261389b70a": ("Tribunnews", "Whiesa", None),
        "001_67b21ea2f3b9d6c0": ("Gatra", None, "Kairo"),  # "Cairo, Gatra.com -"
        "002_c6785a99c933e0c7": (None, None, None),
        "003_df7e37c010f0a078": ("Tribunnews", None, None),
        "004_119cbe1287d7ebb9": ("Suaranusantara", None, None),
    }
    for identifier, (publisher, author, place) in expected.items():
        meta = process_file(SEEDS / f"{identifier}.txt").meta
        assert (meta.publisher.value, meta.author.value, meta.place.value) == (
            publisher,
            author,
            place,
        ), identifier
        assert meta.lang.value == "id"


def test_unknown_stays_unknown():
    meta = infer(
        clean_lines(["Sebuah kalimat berita tanpa sumber, tanpa penulis dan tanpa tanggal."])
    )
    assert meta.publisher.value is None
    assert meta.author.value is None
    assert meta.place.value is None
    assert meta.date.level == "unknown"


def test_language_detection_is_deterministic_and_english_works():
    text = (
        "Secretary of State Antony Blinken arrived in Cairo on Thursday for talks with "
        "Egyptian President Abdel Fattah al-Sisi about a ceasefire in Gaza."
    )
    results = {detect_language(text).value for _ in range(5)}
    assert results == {"en"}


def test_too_little_text_has_no_language():
    assert detect_language("Fuente").value is None


@pytest.mark.parametrize(
    ("written", "shown"),
    [("Cairo", "Kairo"), ("KAIRO", "Kairo"), ("UEA", "Uni Emirat Arab"), ("Depok", "Depok")],
)
def test_a_place_has_one_spelling(written, shown):
    assert place_name(written) == shown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Menteri itu mengatakan bahwa pertemuan yang akan datang di Kairo untuk membahas", "id"),
        ("The minister said that the meeting will be held in Cairo and that it was for", "en"),
        ("Il ministro ha detto che la riunione si terrà al Cairo per discutere", None),  # no list
        ("Blinken Netanyahu Gaza Kairo Doha", None),  # names only: too few stopwords
        ("the dan the dan the dan yang the", None),  # close: langdetect decides
    ],
)
def test_a_stopword_vote_decides_only_when_one_language_clearly_leads(text, expected):
    from news_digest.infer import vote_language

    assert vote_language(text) == expected
