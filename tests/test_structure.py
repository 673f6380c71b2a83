"""The structure of a scraped file: headline and date-field lines at the top,
datelines as a small grammar, paragraphs scraped again in pieces, captions.

Each case was written by reading the lines as an editor would; the traps
are lines that look like a headline, a dateline or a piece but are article
text and must stay.
"""

from __future__ import annotations

from datetime import date

import pytest
from news_digest.clean import clean_lines, split_dateline
from news_digest.infer import infer
from news_digest.model import Removal

LEAD = (
    "Pemerintah mengumumkan rencana evakuasi warga negara Indonesia dari Iran "
    "setelah serangan udara meningkat pada pekan ini."
)
SECOND = "Sebanyak 97 warga telah mendaftar untuk dipulangkan melalui jalur darat ke Azerbaijan."


# ---- the top of the file ---------------------------------------------------------

HEAD_CASES = [
    # (id, lines, headline line, date-field line, date, moment)
    (
        "liputan6",
        ["Evakuasi WNI dari Iran Dimulai", "Diperbarui 18 Jun 2025, 14:05 WIB", "", LEAD],
        1,
        2,
        date(2025, 6, 18),
        "2025-06-18T14:05:00+07:00",
    ),
    (
        "kompas",
        ["Apakah Tidur 6 Jam Cukup?", "Kompas.com- 18/06/2025, 19:44 WIB", "", LEAD],
        1,
        2,
        date(2025, 6, 18),
        "2025-06-18T19:44:00+07:00",
    ),
    (
        "okezone",
        ["Polisi Periksa Korban", ", Jurnalis-Rabu, 18 Juni 2025 |16:59 WIB", "", LEAD],
        1,
        2,
        date(2025, 6, 18),
        "2025-06-18T16:59:00+07:00",
    ),
    (
        "tempo",
        ["KKP Tangkap Dua Kapal", "18 Juni 2025 | 20.11 WIB", "", LEAD],
        1,
        2,
        date(2025, 6, 18),
        "2025-06-18T20:11:00+07:00",
    ),
    (
        "no headline, date field on line 2",
        ["", "Rabu   18 Jun 2025  22:05 WIB", "", LEAD],
        None,
        2,
        date(2025, 6, 18),
        "2025-06-18T22:05:00+07:00",
    ),
    (
        "english headline over a blank line, ending with an abbreviation",
        ["Crypto founder Do Kwon charged with fraud in U.S.", "", LEAD],
        1,
        None,
        None,
        None,
    ),
    # traps: a long lead set apart by a blank line is not a headline, nor is
    # a line that ends like a clause, nor a dateline
    ("long standfirst", [LEAD + " " + LEAD, "", SECOND], None, None, None, None),
    ("lead-in with a colon", ["Berikut daftar lengkapnya:", "", SECOND], None, None, None, None),
    ("dateline lead", ["JAKARTA - Polisi menangkap dua orang", "", SECOND], None, None, None, None),
    # a date in the body never makes a date field, and a prose line naming
    # a date near the top is prose; a date it only mentions (no weekday,
    # no timestamp's label) is not the article's: unknown stays unknown
    (
        "prose with a date",
        ["Pada 18 Juni 2025, 20.000 orang datang ke Senayan untuk menonton laga itu.", SECOND],
        None,
        None,
        None,
        None,
    ),
    (
        "prose with a date and its weekday",
        ["Pada Rabu (18/6/2025), 20.000 orang datang ke Senayan untuk menonton laga itu.", SECOND],
        None,
        None,
        date(2025, 6, 18),
        None,
    ),
]


@pytest.mark.parametrize(
    "lines, headline, field, day, moment",
    [case[1:] for case in HEAD_CASES],
    ids=[case[0] for case in HEAD_CASES],
)
def test_head_of_the_file(lines, headline, field, day, moment):
    cleaned = clean_lines(lines)
    kinds = {r.number: r.kind for r in cleaned.removed}
    assert (cleaned.headline.number if cleaned.headline else None) == headline
    assert (cleaned.date_field.number if cleaned.date_field else None) == field
    if headline:
        assert kinds[headline] == "headline"
        assert all(line.number != headline for line in cleaned.kept)
    if field:
        assert kinds[field] == "date-field"
    meta = infer(cleaned)
    if headline:
        assert meta.title.value == lines[headline - 1].strip()
    assert meta.date.date == day
    assert (meta.date.moment.isoformat() if meta.date.moment else None) == moment


def test_date_field_beats_a_date_in_the_body():
    lines = [
        "Vonis Dibacakan",
        "Diperbarui 18 Jun 2025, 14:05 WIB",
        "",
        "Hakim membacakan putusan pada Senin (16/6/2025) di Jakarta.",
    ]
    meta = infer(clean_lines(lines))
    assert meta.date.date == date(2025, 6, 18)
    assert meta.date.evidence.key == "date_field"
    assert meta.date.evidence.params["quote"] == "Diperbarui 18 Jun 2025, 14:05 WIB"


def test_a_date_field_weekday_that_disagrees_still_warns():
    lines = ["Judul Berita Hari Ini", "Kamis, 18 Juni 2025 |16:59 WIB", "", LEAD]
    meta = infer(clean_lines(lines))
    assert meta.date.date == date(2025, 6, 18)
    assert any("does not match 2025-06-18" in warning for warning in meta.warnings)


def test_eastern_time_follows_daylight_saving():
    def published(stamp: str):
        return infer(clean_lines(["Storm Hits Coast", f"Published {stamp}", "", LEAD]))

    winter, summer = published("Jan 5, 2023 10:00 ET"), published("June 5, 2023 10:00 ET")
    assert winter.date.moment.isoformat() == "2023-01-05T10:00:00-05:00"
    assert summer.date.moment.isoformat() == "2023-06-05T10:00:00-04:00"


# ---- datelines -------------------------------------------------------------------------

DATELINES = [
    # (text, place, outlet, what is left)
    ("Liputan6.com, JakartaReal Madrid menang.", "Jakarta", "Liputan6.com", "Real Madrid menang."),
    (
        "Liputan6.com, Jakarta -Microsoft baru saja",
        "Jakarta",
        "Liputan6.com",
        "Microsoft baru saja",
    ),
    ("JAKARTA, KOMPAS.com -Aksi unjuk rasa", "Jakarta", "KOMPAS.com", "Aksi unjuk rasa"),
    ("TEMPO.CO,Jakarta- Kementerian Kelautan", "Jakarta", "TEMPO.CO", "Kementerian Kelautan"),
    ("REPUBLIKA.CO.ID, JAKARTA -- Gelombang PHK", "Jakarta", "REPUBLIKA.CO.ID", "Gelombang PHK"),
    (
        "KOMPAS.com -Apakah tidur enam jam cukup?",
        None,
        "KOMPAS.com",
        "Apakah tidur enam jam cukup?",
    ),
    ("MALANG- Wanita yang diduga korban", "Malang", None, "Wanita yang diduga korban"),
    ("WASHINGTON (AP) — The Senate voted", "WASHINGTON", "AP", "The Senate voted"),
    ("LONDON, March 22 (Reuters) - Shares fell", "LONDON", "Reuters", "Shares fell"),
    ("CNN —", None, "CNN", ""),
]


@pytest.mark.parametrize("text, place, outlet, rest", DATELINES)
def test_dateline_grammar(text, place, outlet, rest):
    dateline, left = split_dateline(text)
    assert dateline.place == (place.title() if place and place.isupper() else place)
    assert dateline.outlet == outlet
    assert left.strip() == rest


@pytest.mark.parametrize(
    "text",
    [
        "PDIP-Gerindra sepakat membentuk koalisi",  # a hyphenated name, not PLACE-
        "COVID-19 kembali merebak di Jakarta",
        "Jakarta - Banjir kembali merendam",  # title case alone: kept as text (see notes)
        "Presiden Prabowo, Jakarta dan Bandung bersiap",
    ],
)
def test_lines_that_are_not_datelines(text):
    assert split_dateline(text) is None


HEADLINE = "Evakuasi WNI dari Iran Dimulai"


@pytest.mark.parametrize(
    "field, lead, publisher",
    [
        (
            "Diperbarui 18 Jun 2025, 14:05 WIB",
            "Liputan6.com, JakartaReal Madrid menang.",
            "Liputan6",
        ),
        ("Kompas.com- 18/06/2025, 19:44 WIB", "JAKARTA, KOMPAS.com -Aksi unjuk rasa.", "Kompas"),
        ("18 Juni 2025 | 20.11 WIB", "TEMPO.CO,Jakarta- Kementerian menangkap kapal.", "Tempo"),
        ("Rabu 18 Jun 2025 22:05 WIB", "REPUBLIKA.CO.ID, JAKARTA -- Gelombang PHK.", "Republika"),
    ],
)
def test_publisher_from_the_dateline(field, lead, publisher):
    assert infer(clean_lines([HEADLINE, field, "", lead])).publisher.value == publisher


def test_a_dateline_under_an_editors_note():
    lines = ["Headline here today", "", "Editor's Note: Sign up for our newsletter.", "", "CNN —"]
    assert infer(clean_lines([*lines, "", SECOND])).publisher.value == "CNN"


# ---- pieces and captions ---------------------------------------------------------------

WHOLE = LEAD + " " + SECOND


def test_a_paragraph_then_its_pieces_keeps_the_whole_once():
    cleaned = clean_lines([WHOLE, LEAD, SECOND])
    assert [line.number for line in cleaned.kept] == [1]
    assert {(r.number, r.reason) for r in cleaned.removed} == {
        (2, "repeat-of:1"),
        (3, "repeat-of:1"),
    }


def test_pieces_before_the_whole_are_removed_too():
    cleaned = clean_lines([LEAD, SECOND, WHOLE])
    assert [line.number for line in cleaned.kept] == [3]
    assert all(r.kind == "repeat" and r.of_line == 3 for r in cleaned.removed)


def test_a_copy_with_a_glued_credit_is_the_repeat_not_the_whole():
    cleaned = clean_lines([LEAD, SECOND, "Pexels/Andrea Piacquadio" + LEAD])
    assert [line.number for line in cleaned.kept] == [1, 2]
    assert [(r.number, r.reason) for r in cleaned.removed] == [(3, "repeat-of:1")]


def test_a_short_phrase_inside_a_paragraph_is_not_a_piece():
    quote = "kata Menteri Luar Negeri"  # trap: appears inside the lead-in below
    paragraph = f"Evakuasi tahap pertama berjalan lancar, {quote} Sugiono."
    cleaned = clean_lines([SECOND, paragraph, quote])
    assert len(cleaned.kept) == 3


def test_a_lead_in_said_twice_introduces_two_lists():
    lines = ["Berikut syaratnya:", "Kereta api kelas ekonomi.", "Berikut syaratnya:", "Kapal laut."]
    assert clean_lines(lines).removed == ()


CAPTION = "Menteri Luar Negeri Sugiono menyambut warga di Bandara Soekarno-Hatta pada Jumat malam"


@pytest.mark.parametrize(
    "lines, caption_line",
    [
        ([SECOND, CAPTION, CAPTION, LEAD], 2),  # scraped twice in a row
        ([SECOND, CAPTION, "Foto: Antara/Hafidz", LEAD], 2),  # over a photo credit
        ([SECOND, CAPTION + " (AP Photo/Evan Vucci)", LEAD], 2),  # its own photo credit
        # traps: a quotation printed twice, a writer's credit under the last paragraph
        ([SECOND, f'"{CAPTION}"', f'"{CAPTION}"', LEAD], None),
        ([LEAD, SECOND, "(Tribunnews.com/Whiesa)"], None),
        ([LEAD, SECOND + " (Tribunnews.com/Whiesa)"], None),
    ],
)
def test_captions(lines, caption_line):
    captions = [line.number for line in clean_lines(lines).kept if line.caption]
    assert captions == ([caption_line] if caption_line else [])


def test_removals_are_typed_and_display_their_reason():
    assert Removal(5, "x", "repeat", of_line=2).reason == "repeat-of:2"
    assert Removal(5, "x", "boilerplate", rule="advertising").reason == "boilerplate:advertising"
    assert Removal(1, "x", "headline").reason == "headline"
