"""The `python -m news_digest clean` command."""

from __future__ import annotations

import json
import subprocess
import sys

from .conftest import ROOT, SEEDS


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "news_digest", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_clean_prints_the_cleaned_text():
    result = run("clean", str(SEEDS / "003_df7e37c010f0a078.txt"))
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    lead = "Amerika Serikat (AS) tampaknya tak gentar untuk menciptakan upaya perdamaian"
    assert lines[0] == lead + " di Timur Tengah."
    assert not any(line.startswith("Baca juga") for line in lines)
    assert len(lines) == 14  # 15 lines, one "Baca juga" removed


def test_clean_json_has_kept_removed_and_metadata():
    result = run("clean", str(SEEDS / "000_84cca4261389b70a.txt"), "--json")
    assert result.returncode == 0
    document = json.loads(result.stdout)
    assert {"kept", "removed", "metadata"} <= set(document)
    assert len(document["kept"]) == 17
    assert {
        "line": "(Tribunnews.com/Whiesa)",
        "line_number": 20,
        "kind": "credit",
        "rule": None,
        "of_line": None,
        "reason": "credit",
    } in document["removed"]
    assert document["metadata"]["publisher"]["value"] == "Tribunnews"
    assert document["metadata"]["author"]["value"] == "Whiesa"


def test_unreadable_file_is_an_error_message(tmp_path):
    empty = tmp_path / "kosong.txt"
    empty.write_bytes(b"")
    result = run("clean", str(empty))
    assert result.returncode == 1
    assert "kosong.txt: file is empty" in result.stderr


def test_the_cli_gives_the_warnings_the_build_gives(tmp_path):
    mixed = tmp_path / "campur.txt"
    seed = (SEEDS / "000_84cca4261389b70a.txt").read_text(encoding="utf-8")
    mixed.write_bytes(seed.encode() + "Baris akhir: café “lagi”.\n".encode("cp1252"))
    (tmp_path / "campur.meta.toml").write_text("trip = 999\n", encoding="utf-8")
    result = run("clean", str(mixed), "--json")
    assert result.returncode == 0
    warnings = json.loads(result.stdout)["metadata"]["warnings"]
    assert any("mixes UTF-8" in w for w in warnings)
    assert any("trip must be" in w and "the sidecar is ignored" in w for w in warnings)
    assert "mixes UTF-8" in result.stderr  # and in plain words on stderr
    # and in the document's own list, where a script reads them
    assert json.loads(result.stdout)["warnings"] == warnings


def test_a_fifo_is_one_line_and_no_hang(tmp_path):
    import os

    fifo = tmp_path / "pipa.txt"
    os.mkfifo(fifo)
    result = run("clean", str(fifo))
    assert result.returncode == 1
    assert "not a regular file" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
