"""Clean stage: the seeds' exact removals, near-repeat rules and properties."""

from __future__ import annotations

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from news_digest.clean import clean, clean_lines, normalize, split_dateline
from news_digest.read import read_raw

from .conftest import SEEDS

# What a human editor removes from each seed, by line number and reason.
EXPECTED_REMOVALS = {
    "000_84cca4261389b70a": {
        (6, "boilerplate:related-link"),
        (13, "boilerplate:related-link"),
        (20, "credit"),
    },
    "001_67b21ea2f3b9d6c0": {(1, "dateline")},
    "002_c6785a99c933e0c7": {
        (17, "repeat-of:15"),
        (21, "repeat-of:19"),
        (25, "repeat-of:23"),
        (29, "repeat-of:27"),
        (31, "repeat-of:23"),
        (49, "repeat-of:47"),
        (53, "repeat-of:51"),
        (57, "repeat-of:55"),
        (61, "repeat-of:59"),
        (63, "repeat-of:55"),
        (77, "boilerplate:scraper-label"),
    },
    "003_df7e37c010f0a078": {(1, "dateline"), (12, "boilerplate:related-link")},
    "004_119cbe1287d7ebb9": {(1, "dateline"), (11, "boilerplate:comment-widget")},
}


def _clean_seed(identifier):
    raw = read_raw(SEEDS / f"{identifier}.txt")
    return raw, clean(raw)


def test_each_seed_loses_exactly_the_expected_lines():
    for identifier, expected in EXPECTED_REMOVALS.items():
        _, cleaned = _clean_seed(identifier)
        assert {(r.number, r.reason) for r in cleaned.removed} == expected, identifier


def test_every_seed_line_is_kept_once_or_accounted_for():
    for identifier in EXPECTED_REMOVALS:
        raw, cleaned = _clean_seed(identifier)
        kept = [normalize(line.text) for line in cleaned.kept]
        assert len(kept) == len(set(kept)), f"{identifier}: a line is shown twice"
        removed = {(r.number, r.text) for r in cleaned.removed}
        for number, line in enumerate(raw.lines, start=1):
            text = line.strip()
            if not text:
                continue
            if (number, text) in removed:
                continue
            split = split_dateline(text)
            if split and (number, split[0].text.strip()) in removed:
                text = split[1]
            assert normalize(text) in kept, f"{identifier}:{number} lost: {text[:60]}"


def test_repeated_caption_shows_its_best_variant():
    _, cleaned = _clean_seed("002_c6785a99c933e0c7")
    texts = {line.number: line.text for line in cleaned.kept}
    # line 23 has no final period; its repeat on line 31 does
    assert texts[23].endswith("pejabat Israel.")
    # line 59 has straight quotes and a double space; line 61 curly quotes
    assert "‘tidak berdasar’. Di sini" in texts[59]
    assert "  " not in texts[59]


def test_unrepeated_caption_is_kept():
    _, cleaned = _clean_seed("002_c6785a99c933e0c7")
    assert any(
        line.text.startswith("Menteri Luar Negeri Antony Blinken bersiap menaiki pesawat C-17")
        for line in cleaned.kept
    )


def test_dateline_is_split_off_and_kept_as_data():
    _, cleaned = _clean_seed("001_67b21ea2f3b9d6c0")
    assert cleaned.dateline.place == "Cairo"
    assert cleaned.dateline.outlet == "Gatra.com"
    assert cleaned.kept[0].text.startswith("Menteri Luar Negeri Amerika Serikat Antony Blinken")


def test_credit_is_handed_to_metadata():
    _, cleaned = _clean_seed("000_84cca4261389b70a")
    (credit,) = cleaned.credits
    assert (credit.outlet, credit.author) == ("Tribunnews.com", "Whiesa")


CAPTION = "Presiden Joko Widodo meninjau lokasi banjir di Kecamatan Cempaka Putih, Jakarta Pusat"


def test_near_repeat_far_apart_is_removed():
    lines = [
        CAPTION,
        "Sebuah paragraf lain di antaranya.",
        CAPTION.replace("meninjau", "meninjaui"),
    ]
    cleaned = clean_lines(lines)
    assert [(r.number, r.reason) for r in cleaned.removed] == [(3, "repeat-of:1")]


def test_lines_that_differ_in_a_number_are_both_kept():
    first = (
        "Serangan udara itu menewaskan sedikitnya 20 orang di kamp pengungsi Jabalia, kata pejabat."
    )
    second = first.replace("20", "30")
    assert clean_lines([first, second]).removed == ()


def test_lines_that_differ_by_a_negation_are_both_kept():
    first = (
        "Pemerintah Israel setuju dengan usulan gencatan senjata "
        "yang diajukan oleh Mesir dan Qatar."
    )
    second = first.replace("setuju", "tidak setuju")
    assert clean_lines([first, second]).removed == ()


def test_short_lines_repeat_only_when_identical():
    assert clean_lines(["Gencatan senjata dimulai", "Gencatan senjata dimulai!"]).removed != ()
    assert clean_lines(["Bantuan tiba di Rafah", "Bantuan tiba di Gaza"]).removed == ()


def test_photo_credits_and_closing_initials_are_removed():
    body = "Paragraf pertama artikel ini cukup panjang untuk dibaca."
    cleaned = clean_lines(["Foto: Reuters/Ammar Awad", body, "Image source, Getty Images", "(han)"])
    assert [(r.number, r.reason) for r in cleaned.removed] == [
        (1, "boilerplate:photo-credit"),
        (3, "boilerplate:photo-credit"),
        (4, "boilerplate:credit-initials"),
    ]


def test_scraper_label_is_removed_only_at_the_end():
    cleaned = clean_lines(["Sumber", "Paragraf pertama artikel ini cukup panjang.", "Sumber"])
    assert [(r.number, r.reason) for r in cleaned.removed] == [(3, "repeat-of:1")]
    cleaned = clean_lines(["Paragraf pertama artikel ini cukup panjang.", "Fuente", "Source"])
    assert {r.number for r in cleaned.removed} == {2, 3}


def test_sentences_starting_like_boilerplate_are_kept():
    lines = [
        "Baca juga buku sejarah diplomasi itu, kata Blinken kepada para mahasiswa.",
        "Lihat juga bagaimana Mesir memediasi perundingan di Kairo pada pekan lalu.",
        "Iklan kampanye itu ditayangkan di televisi nasional selama sepekan.",
    ]
    assert clean_lines(lines).removed == ()


# ---- properties ---------------------------------------------------------------

WORDS = (
    "diplomasi",
    "kunjungan",
    "menteri",
    "perundingan",
    "bantuan",
    "warga",
    "kota",
    "pelabuhan",
    "kapal",
    "pengungsi",
    "gencatan",
    "senjata",
    "perbatasan",
    "rencana",
    "pemimpin",
    "delegasi",
    "kesepakatan",
    "serangan",
    "keamanan",
    "wilayah",
    "pertemuan",
    "konferensi",
    "sandera",
    "utusan",
    "parlemen",
)

sentence = st.lists(st.sampled_from(WORDS), min_size=6, max_size=14).map(
    lambda words: " ".join(words).capitalize() + "."
)
BOILERPLATE = [
    "Baca juga: Menlu bertemu utusan khusus di Doha",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "Discussion about this post",
    "Artikel ini telah tayang di Kompas.com dengan judul Kunjungan Menlu",
]


def _variant(text: str, kind: int) -> str:
    """A scraper's copy of a line: the same words, slightly differently written."""
    if kind == 0:
        return text.rstrip(".")
    if kind == 1:
        return text.replace(" ", "  ", 1)
    if kind == 2:
        return f"‘{text}’"
    return text.upper()


@st.composite
def articles(draw):
    """Distinct sentences with repeats and boilerplate injected at random."""
    originals = draw(st.lists(sentence, min_size=2, max_size=12, unique_by=normalize))
    lines = list(originals)
    injected = []
    for _ in range(draw(st.integers(0, 6))):
        source = draw(st.sampled_from(originals))
        line = _variant(source, draw(st.integers(0, 3)))
        lines.insert(draw(st.integers(lines.index(source) + 1, len(lines))), line)
        injected.append(line)
    for _ in range(draw(st.integers(0, 3))):
        line = draw(st.sampled_from(BOILERPLATE))
        lines.insert(draw(st.integers(0, len(lines))), line)
        injected.append(line)
    return originals, lines, injected


def _distinct(originals) -> bool:
    """Generated sentences must not be near-repeats of each other."""
    cleaned = clean_lines(originals)
    return not cleaned.removed


@settings(max_examples=150, deadline=None)
@given(articles())
def test_cleaning_is_idempotent(article):
    _, lines, _ = article
    once = clean_lines(lines)
    twice = clean_lines([line.text for line in once.kept])
    assert [line.text for line in twice.kept] == [line.text for line in once.kept]
    assert twice.removed == ()


@settings(max_examples=150, deadline=None)
@given(articles())
def test_original_lines_are_kept_once_and_injections_removed(article):
    originals, lines, injected = article
    assume(_distinct(originals))
    cleaned = clean_lines(lines)
    kept = [normalize(line.text) for line in cleaned.kept]
    assert sorted(kept) == sorted(normalize(o) for o in originals)
    assert len(cleaned.removed) == len(injected)


def test_link_list_under_a_heading_is_removed_only_when_nothing_else_follows():
    body = "Paragraf pertama berita ini menceritakan perundingan di Doha."
    links = ["Baca Juga", "Menlu AS tiba di Kairo", "Hamas tolak usulan baru"]
    cleaned = clean_lines([body, *links])
    assert [line.text for line in cleaned.kept] == [body]
    assert {r.number for r in cleaned.removed} == {2, 3, 4}
    sentence = "Perundingan dilanjutkan pada pekan depan di Kairo, kata pejabat Mesir."
    cleaned = clean_lines([body, *links, sentence])
    assert [r.number for r in cleaned.removed] == [2]  # only the heading
    assert len(cleaned.kept) == 4
