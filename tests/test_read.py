"""Read stage: every kind of bad input gets a page or one clear reason."""

from __future__ import annotations

from datetime import date

import pytest
from news_digest.read import UnreadableFile, decode_raw, read_override, read_raw


def test_utf8_with_bom_is_read_without_the_mark():
    raw = decode_raw("\ufeffBaris pertama.\nBaris kedua.".encode(), "a", "a.txt")
    assert raw.lines[0] == "Baris pertama."
    assert raw.encoding == "utf-8-sig"
    assert raw.problems == ()


def test_cp1252_is_read_with_a_problem_noted():
    raw = decode_raw("Kata “kutipan” – dan café.".encode("cp1252"), "a", "a.txt")
    assert raw.lines == ("Kata “kutipan” – dan café.",)
    assert raw.encoding == "cp1252"
    assert "not UTF-8" in raw.problems[0]


def test_bytes_undefined_in_cp1252_fall_back_to_latin1():
    raw = decode_raw(b"Teks dengan byte \x81 aneh dan \xe9.", "a", "a.txt")
    assert raw.encoding == "latin-1"
    assert raw.lines[0].endswith("é.")


def test_crlf_and_cr_line_ends_become_lines():
    raw = decode_raw(b"satu\r\ndua\rtiga\n", "a", "a.txt")
    assert raw.lines[:3] == ("satu", "dua", "tiga")


TEXT = "Judul: Menlu di Kairo\nKalimat pertama “dikutip” – café, naïve, ½.\n"


@pytest.mark.parametrize(
    ("data", "encoding", "problem"),
    [
        (TEXT.encode("utf-16"), "utf-16", None),  # with its byte-order mark
        (b"\xfe\xff" + TEXT.encode("utf-16-be"), "utf-16", None),
        (TEXT.encode("utf-32"), "utf-32", None),
        (b"\x00\x00\xfe\xff" + TEXT.encode("utf-32-be"), "utf-32", None),
        (TEXT.encode("utf-16-le"), "utf-16-le", "no byte-order mark"),
        (TEXT.encode("utf-16-be"), "utf-16-be", "no byte-order mark"),
    ],
)
def test_utf16_and_utf32_are_read_whole(data, encoding, problem):
    raw = decode_raw(data, "a", "a.txt")
    assert raw.encoding == encoding
    assert "\n".join(raw.lines).strip() == TEXT.strip()
    assert (problem in raw.problems[0]) if problem else raw.problems == ()


def test_stray_nul_bytes_are_dropped_with_a_warning_not_the_file():
    raw = decode_raw(b"Judul\x00 berita\nKalimat\x00 pertama yang panjang.\n", "a", "a.txt")
    assert raw.lines[:2] == ("Judul berita", "Kalimat pertama yang panjang.")
    assert raw.problems == ("file holds 2 NUL byte(s); removed",)


def test_mixed_utf8_and_cp1252_keep_every_character():
    data = "Baris UTF-8: café “kutipan”.\n".encode() + "Baris cp1252: naïve “lagi” – ya.\n".encode(
        "cp1252"
    )
    raw = decode_raw(data, "a", "a.txt")
    assert raw.lines[:2] == ("Baris UTF-8: café “kutipan”.", "Baris cp1252: naïve “lagi” – ya.")
    assert raw.encoding == "utf-8+cp1252"
    assert "1 line(s) read as cp1252" in raw.problems[0]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\r\n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (bytes(range(256)) * 40, "binary"),  # NUL in every 256th byte, and controls
        (b"PK\x03\x04" + b"\x00" * 40 + b"isi.txt" * 10, "binary"),  # a zip: many NULs
    ],
)
def test_unusable_files_are_refused_with_the_reason(data, reason):
    with pytest.raises(UnreadableFile, match=reason):
        decode_raw(data, "a", "a.txt")


def test_too_large_file_is_refused_before_reading(tmp_path):
    big = tmp_path / "besar.txt"
    big.write_bytes(b"Kalimat berita yang panjang sekali. " * 600_000)  # ~21 MB
    with pytest.raises(UnreadableFile, match="too large"):
        read_raw(big)


def test_identifier_is_the_file_name_without_extension(tmp_path):
    path = tmp_path / "000_84cca4261389b70a.txt"
    path.write_text("Isi.", encoding="utf-8")
    assert read_raw(path).identifier == "000_84cca4261389b70a"


def test_sidecar_override_is_read(tmp_path):
    (tmp_path / "a.txt").write_text("Isi.", encoding="utf-8")
    (tmp_path / "a.meta.toml").write_text(
        'title = "Judul dari editor"\ndate = 2024-01-09\ntrip = 4\n', encoding="utf-8"
    )
    override = read_override(tmp_path / "a.txt")
    assert override.title == "Judul dari editor"
    assert override.date == date(2024, 1, 9)
    assert override.trip == "4"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("title = ", "not valid TOML"),
        ('judul = "x"', "unknown keys: judul"),
        ('date = "kemarin"', "date must be a TOML date"),
    ],
)
def test_bad_sidecar_is_refused_with_the_reason(tmp_path, text, reason):
    (tmp_path / "a.txt").write_text("Isi.", encoding="utf-8")
    (tmp_path / "a.meta.toml").write_text(text, encoding="utf-8")
    with pytest.raises(UnreadableFile, match=reason):
        read_override(tmp_path / "a.txt")
