"""Dates in text: every printed form, partial cues, and the false dates."""

from __future__ import annotations

from datetime import date

import pytest
from news_digest.dates import (
    find_date_cues,
    find_explicit_date,
    find_happening_day,
    find_trip_ordinal,
)
from news_digest.model import Line


def _lines(*texts):
    return [Line(i, text) for i, text in enumerate(texts, start=1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Blinken bertemu Netanyahu, Selasa (22/10/2024).", date(2024, 10, 22)),
        ("Keduanya bertemu pada Kamis (30/11/2023) di Tel Aviv.", date(2023, 11, 30)),
        ("Diperbarui 18/06/2025, 21:28 WIB", date(2025, 6, 18)),
        ("Tayang: Senin, 9 Juni 2025 19:11 WIB", date(2025, 6, 9)),
        ("Published 9 June 2025", date(2025, 6, 9)),
        ("Israel mencegat kapal itu pada Senin dini hari, 9 Juni 2025.", date(2025, 6, 9)),
        ("Officials met Friday, March 24, 2023, in Washington.", date(2023, 3, 24)),
        ("The talks resumed Monday night, June 9, 2025, in Doha.", date(2025, 6, 9)),
    ],
)
def test_full_dates_are_explicit(text, expected):
    """A date written as news writes its own days: with its weekday, or
    under a timestamp's label."""
    finding, warnings = find_explicit_date(_lines(text))
    assert finding.level == "explicit"
    assert finding.date == expected
    assert warnings == ()


@pytest.mark.parametrize(
    "text",
    [
        "Acara itu digelar 9 Juni 2025 di Jakarta.",
        "The talks resumed on June 9, 2025, in Doha.",
        "Rapat digelar pada 1 Desember 2023 di Dubai.",
        "Tanggal rilis 2024-01-11 menurut catatan.",
        "She was shot as she tried to climb through a door on Jan. 6, 2021, met Thursday",
        "No night captured it better than the night of May 23, 1999.",
        # the traps: a weekday in the sentence before is not the date's, nor
        # is a week (`minggu`, a weekday's name only when capitalised)
        "Mereka tiba Senin. Diteken 1 Desember 2023 di Dubai.",
        "Dua minggu lalu, 1 Desember 2023, perjanjian itu diteken.",
    ],
)
def test_a_date_mentioned_without_its_weekday_or_a_label_is_not_the_articles(text):
    """News names the weekday for the days around its own and writes a
    date farther off without it: such a date is another day's (an event
    it recalls, one to come), not the article's, which stays unknown."""
    finding, _ = find_explicit_date(_lines(text))
    assert finding is None


@pytest.mark.parametrize(
    "text",
    [
        "Serangan itu berlangsung 2 jam tanpa henti.",
        "Polisi menangkap 5 sel teroris di tiga provinsi.",
        "Netanyahu menelepon para senator selama sekitar 45 menit.",
        "Lebih dari 23.200 warga tewas sejak 7 Oktober.",
        "Skor akhir 2/3 dari seluruh suara, atau 12/2023 menurut laporan.",
        "Sebanyak 31/12/99 tercatat sebagai kode arsip.",
    ],
)
def test_counts_and_durations_are_not_dates(text):
    finding, _ = find_explicit_date(_lines(text))
    assert finding is None


def test_weekday_mismatch_warns_and_keeps_the_numeric_date():
    finding, warnings = find_explicit_date(_lines("Pertemuan pada Rabu (22/10/2024) di Yerusalem."))
    assert finding.date == date(2024, 10, 22)
    assert "does not match" in warnings[0]


def test_timestamp_label_beats_an_earlier_date_in_the_text():
    finding, _ = find_explicit_date(
        _lines("Perang dimulai 7 Oktober 2023 di Gaza.", "Tayang: Senin, 9 Juni 2025 19:11 WIB")
    )
    assert finding.date == date(2025, 6, 9)


def test_weekday_date_beats_a_future_event_date():
    finding, _ = find_explicit_date(
        _lines(
            "Blinken bertemu Netanyahu, Selasa (22/10/2024).",
            "Pilpres AS digelar pada 5 November 2024 mendatang.",
        )
    )
    assert finding.date == date(2024, 10, 22)


def test_partial_dates_become_cues():
    cues = find_date_cues(
        _lines("Blinken tiba di Kairo pada hari Kamis.", "Serangan pada 10 Januari.")
    )
    assert [(c.weekday, c.day, c.month) for c in cues] == [(4, None, None), (None, 10, 1)]
    assert cues[0].sentence == "Blinken tiba di Kairo pada hari Kamis."


def test_kamis_pagi_is_a_day_cue():
    (cue,) = find_date_cues(_lines("Blinken berangkat ke Mesir pada Kamis pagi."))
    assert cue.weekday == 4


@pytest.mark.parametrize("text", ["Minggu ini, Blinken berbicara.", "Dalam minggu lalu ada rapat."])
def test_minggu_meaning_week_is_not_sunday(text):
    assert find_date_cues(_lines(text)) == ()


def test_minggu_as_a_day_is_sunday():
    (cue,) = find_date_cues(_lines("Rapat digelar pada hari Minggu di Doha."))
    assert cue.weekday == 7


def test_a_full_date_is_not_also_a_cue():
    assert find_date_cues(_lines("Blinken bertemu Netanyahu, Selasa (22/10/2024).")) == ()


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Blinken berangkat dalam perjalanan diplomatik keempatnya ke kawasan.", 4),
        ("Blinken, dalam perjalanannya yang ke-11 ke wilayah tersebut, bertemu.", 11),
        ("It is Blinken's sixth trip to the region since October.", 6),
        ("This was his 9th visit to the Middle East.", 9),
        ("Ini kunjungan kesebelas Blinken ke Timur Tengah.", 11),
        # the trip word at the very start and end of the text
        ("Tur ke-3 Blinken berakhir.", 3),
        ("Blinken's third trip", 3),
    ],
)
def test_trip_ordinals(text, number):
    assert find_trip_ordinal(text) == number


@pytest.mark.parametrize(
    "text",
    [
        "Blinken melakukan perjalanan ke Timur Tengah.",
        "Kunjungan kedua negara itu dibatalkan.",
        "Ia datang untuk pertama kalinya.",
        # a trip word inside another word ("tur" in "turun", "trip" in
        # "tripartit"): an ordinal beside it counts nothing
        "Harga emas turun ke-3 kalinya pekan ini.",
        "Pertemuan tripartit kedua digelar di Jakarta.",
    ],
)
def test_no_false_trip_ordinals(text):
    assert find_trip_ordinal(text) is None


# lead lines, publication day, the day the story happened (ISO dates)
HAPPENED = [
    # the trading day the lead names, published the next morning
    (["IHSG ditutup melemah pada perdagangan Kamis (19/6/2025)."], "2025-06-20", "2025-06-19"),
    # a weekday alone: the latest such day up to publication
    (["Presiden tiba di St. Petersburg pada Rabu malam."], "2025-06-19", "2025-06-18"),
    (["The senator said on Tuesday that the bill would pass."], "2023-03-23", "2023-03-21"),
    # a relative word
    (["Harga emas Antam turun hari ini."], "2025-06-19", "2025-06-19"),
    (["Polisi menangkap dua orang kemarin di Depok."], "2025-06-19", "2025-06-18"),
    # traps: background dates and a week word are not the day of the story
    (["Perang yang pecah sejak 7 Oktober 2023 terus berlanjut."], "2025-06-19", "2025-06-19"),
    (["Minggu ini harga cabai naik."], "2025-06-19", "2025-06-19"),
    # a future date in the lead is not the happening day either
    (["Rapat akan digelar pada 25 Juni 2025."], "2025-06-19", "2025-06-19"),
    # a weekday with its date: the date says which of its days is meant
    (
        ["Mobil itu kecelakaan usai dikejar polisi, Sabtu (7/6) dini hari."],
        "2025-06-10",
        "2025-06-07",
    ),
    (["Harga emas stagnan dalam perdagangan Rabu malam (18/6)."], "2025-06-19", "2025-06-18"),
    (["Tahun lalu pasar tutup pada Selasa (30/12)."], "2026-01-02", "2025-12-30"),
    # ... an announced day: the publication day, not the weekday a week before
    (
        ["Madrid menghadapi Al Hilal di Hard Rock Stadium, Kamis (19/6/2025)."],
        "2025-06-13",
        "2025-06-13",
    ),
    (
        ["Malam puncak HUT Jakarta digelar pada Minggu (22/6) di Lapangan Banteng."],
        "2025-06-17",
        "2025-06-17",
    ),
    (["The council will vote on Friday, March 31."], "2023-03-24", "2023-03-24"),
    # ... and a weekday with an older date is background, like the date
    (["Aturan itu berlaku sejak Senin (2/6/2025)."], "2025-06-19", "2025-06-19"),
    # traps: a number after a weekday that is no date; a weekday alone
    (["Pada Kamis 5 orang ditangkap di Depok."], "2025-06-20", "2025-06-19"),
    (["Polisi bergerak Jumat dini hari."], "2025-06-23", "2025-06-20"),
    # the third line is background, only the lead counts
    (
        ["Harga naik.", "Pasar ramai.", "Pada Senin (16/6/2025) harga turun."],
        "2025-06-19",
        "2025-06-19",
    ),
]


@pytest.mark.parametrize(("lines", "published", "expected"), HAPPENED)
def test_the_day_a_story_happened(lines, published, expected):
    found = find_happening_day(_lines(*lines), date.fromisoformat(published))
    assert found == date.fromisoformat(expected)


def test_no_happening_day_without_a_publication_day():
    lines = _lines("Pasukan Israel mencegat kapal itu pada Senin (9/6/2025).")
    assert find_happening_day(lines, None) is None
