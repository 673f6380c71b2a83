"""The input folder is a boundary: nothing is read from outside it, no
link is followed unless a setting allows links that stay inside, FIFOs and
other special files are skipped, and a bad sidecar is one warning — never
a stopped build."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import SEED_FILES, assert_one_warning_each, build_with_warnings

SECRET = "RAHASIA-DI-LUAR-FOLDER"


@pytest.fixture
def hostile(tmp_path_factory) -> Path:
    """A fresh folder per test: Pelican logs a given warning once per process."""
    base = tmp_path_factory.mktemp("hostile")
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"{SECRET} baris pertama.\nBaris kedua.\n", "utf-8")
    folder = base / "scrapes"
    folder.mkdir()
    text = SEED_FILES[0].read_text(encoding="utf-8")
    (folder / "baik.txt").write_text(text, encoding="utf-8")
    os.symlink(outside / "secret.txt", folder / "tautan-keluar.txt")
    os.symlink(outside, folder / "folder-keluar")
    os.symlink(folder / "baik.txt", folder / "tautan-dalam.txt")
    os.mkfifo(folder / "pipa.txt")
    for name, sidecar in {
        "jam": "date = 2024-01-11T10:00:00",
        "tahun": "date = 9999-01-01",
        "trip": "trip = [4, 6]",
        "nol": "trip = -1",
    }.items():
        (folder / f"{name}.txt").write_text(text.replace("Blinken", f"Blinken {name}"), "utf-8")
        (folder / f"{name}.meta.toml").write_text(sidecar + "\n", encoding="utf-8")
    return folder


def test_nothing_outside_the_folder_is_read_and_nothing_stops_the_build(hostile, tmp_path):
    output = tmp_path / "output"
    warnings = build_with_warnings(output, hostile)
    expected = (
        ("tautan-keluar.txt", "outside the input folder"),
        ("folder-keluar", "a symbolic link to a folder"),  # one warning for the link
        ("tautan-dalam.txt", "symbolic link"),
        ("pipa.txt", "not a regular file"),
        ("jam.txt", "must be a TOML date"),
        ("tahun.txt", "outside 1900–2100"),
        ("trip.txt", "trip must be"),
        ("nol.txt", "trip must be"),
    )
    assert_one_warning_each(warnings, expected)
    for page in output.rglob("*"):
        if page.is_file() and page.suffix in {".html", ".json", ".xml"}:
            assert SECRET not in page.read_text(encoding="utf-8", errors="replace"), page
    # baik.txt, and the four whose sidecar is ignored
    assert len(list((output / "artikel").glob("*/index.html"))) == 5
    for name in ("jam", "tahun", "trip", "nol"):
        assert any(name in w and "the sidecar is ignored" in w for w in warnings), name


def test_links_inside_the_folder_are_followed_when_allowed(hostile, tmp_path):
    output = tmp_path / "output"
    warnings = build_with_warnings(output, hostile, NEWS_DIGEST_FOLLOW_LINKS=True)
    assert not any("tautan-dalam.txt" in w for w in warnings)
    assert any("tautan-keluar.txt" in w and "outside" in w for w in warnings)
    assert len(list((output / "artikel").glob("*/index.html"))) == 6
