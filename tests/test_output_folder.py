"""The output folder is exactly the current build, and a folder that must
never be emptied is refused before anything is deleted."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from news_digest.site_files import unsafe_output

from .conftest import EVENTS, ROOT, SEEDS, build_site, copy_seeds


def test_a_build_of_another_folder_leaves_nothing_of_the_last_one(tmp_path):
    output = tmp_path / "output"
    build_site(output)  # the seeds, with their trips
    seed_page = next((output / "artikel").glob("*/index.html"))
    build_site(output, seeds=EVENTS)
    assert not seed_page.exists()
    assert not (output / "perjalanan" / "perjalanan-4").exists()
    # the search index holds this build's pages only
    entry = json.loads((output / "pagefind/0/pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    assert indexed == len(list((output / "artikel").glob("*/index.html"))) == 12


@pytest.mark.parametrize(
    ("output", "reason"),
    [
        ("/", "root"),
        (os.path.expanduser("~"), "home folder"),
        (str(ROOT), ""),  # the project itself (a git repository that holds the input)
        (str(ROOT / "content"), "holds"),  # the content folder
    ],
)
def test_folders_that_must_never_be_emptied_are_refused(output, reason):
    why = unsafe_output(output, [str(ROOT / "content"), str(SEEDS)])
    assert why is not None and reason in why


def test_a_folder_holding_the_input_is_refused(tmp_path):
    (tmp_path / "scrapes").mkdir()
    assert "holds" in unsafe_output(str(tmp_path), [str(tmp_path / "scrapes")])
    # a plain output folder next to the input is fine
    assert unsafe_output(str(tmp_path / "output"), [str(tmp_path / "scrapes")]) is None


def test_the_build_stops_with_a_message_before_deleting_anything(tmp_path):
    folder = tmp_path / "scrapes"
    folder.mkdir()
    raw = folder / "a.txt"
    raw.write_text(Path(next(SEEDS.glob("*.txt"))).read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(SystemExit) as stopped:
        build_site(tmp_path, seeds=folder)  # the output folder would hold the input
    assert "refusing to empty the output folder" in str(stopped.value)
    assert raw.exists()


def _stamps(site: Path) -> dict[str, int]:
    """The time stamp of every page and file the plugin and Pelican write
    (Pagefind's index, rebuilt whole, and the theme's copied files aside)."""
    return {
        str(p.relative_to(site)): p.stat().st_mtime_ns
        for p in site.rglob("*")
        if p.is_file() and p.relative_to(site).parts[0] not in ("pagefind", "theme")
    }


def test_a_rebuild_writes_only_what_changed_and_sweeps_the_rest(tmp_path):
    folder = copy_seeds(tmp_path / "scrapes")
    output = tmp_path / "output"
    build_site(output, seeds=folder)
    first = _stamps(output)
    (output / "usang.html").write_text("sisa build lama", encoding="utf-8")
    (output / "artikel" / "hilang").mkdir()
    (output / "artikel" / "hilang" / "index.html").write_text("x", encoding="utf-8")

    build_site(output, seeds=folder)  # nothing changed
    assert _stamps(output) == first  # not one file rewritten
    assert not (output / "usang.html").exists() and not (output / "artikel" / "hilang").exists()

    changed = sorted(folder.glob("*.txt"))[2]
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\nKalimat tambahan yang baru di akhir berita.\n",
        encoding="utf-8",
    )
    build_site(output, seeds=folder)
    after = _stamps(output)
    rewritten = [name for name in after if after[name] != first.get(name)]
    assert any(name.startswith("artikel/") for name in rewritten)
    untouched = [name for name in first if name.startswith("artikel/") and name not in rewritten]
    assert len(untouched) >= 3  # the other articles' pages were left alone
