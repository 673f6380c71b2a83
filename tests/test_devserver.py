"""`make devserver` follows the input folder (devserver.py): an article
edited, added or deleted in SEEDS, or a sidecar written next to one,
rebuilds the site within a few seconds, and the served site shows it."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from news_digest import build_lock, devserver

from .conftest import ROOT, SEED_FILES, article_page, copy_seeds

#: How long a change may take to show on the served site: the watcher's
#: debounce (watchfiles: 1.6 s at most), then an incremental rebuild of
#: two or three articles (under a second here), with room for a busy machine.
SHOWN_WITHIN_SECONDS = 60


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError:  # not serving (yet), or no such page (Pelican's server hangs up)
        return 0, ""


def _eventually(check, what: str):
    """Wait until `check()` gives something true, and return it."""
    deadline = time.monotonic() + SHOWN_WITHIN_SECONDS
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"the served site never showed {what}")


@contextlib.contextmanager
def _devserver(tmp_path: Path, started):
    """`make devserver` on a folder of two seeds, output, cache and port of
    its own, once `started(folder, output, address)` says so; yields
    (folder, output folder, address) and stops it."""
    folder = copy_seeds(tmp_path / "scrapes", 2)
    output, port = tmp_path / "out", _free_port()
    command = [
        "make", "-C", str(ROOT), "devserver", f"SEEDS={folder}", f"OUTPUTDIR={output}",
        f"PORT={port}", f"PELICANOPTS=--cache-path {tmp_path / 'cache'}",
    ]  # fmt: skip
    log = (tmp_path / "devserver.log").open("w")
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        address = f"http://127.0.0.1:{port}"
        _eventually(lambda: started(folder, output, address), "the devserver start")
        yield folder, output, address
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()


def _built(folder, output, address) -> bool:
    """The first build is done: the front page is served (not the listing
    of a folder still being built)."""
    return "data-pagefind" in _get(f"{address}/")[1]


@pytest.fixture
def devserver_site(tmp_path):
    with _devserver(tmp_path, _built) as site:
        yield site


def _served_page(output: Path, address: str, identifier: str, word: str) -> bool:
    """The article `identifier`'s page, served, holds `word`."""
    try:
        page = article_page(output, identifier)
    except AssertionError:  # not built yet
        return False
    status, html = _get(f"{address}/{page.parent.relative_to(output).as_posix()}/")
    return status == 200 and word in html


def test_the_devserver_rebuilds_when_an_article_or_a_sidecar_changes(devserver_site):
    folder, output, address = devserver_site
    first, second = SEED_FILES[0].stem, SEED_FILES[1].stem

    # a line added to an article
    with (folder / f"{first}.txt").open("a", encoding="utf-8") as raw:
        raw.write("\nKata uji zebrakuda ditambahkan penyunting ke artikel ini.\n")
    _eventually(lambda: _served_page(output, address, first, "zebrakuda"), "the edited line")

    # a new article
    (folder / "baru.txt").write_text(
        "Banjir merendam permukiman di Bekasi\n\n"
        "Hujan deras merendam ratusan rumah warga kudanil di Bekasi, kata petugas.\n",
        encoding="utf-8",
    )
    _eventually(lambda: _served_page(output, address, "baru", "kudanil"), "the new article")

    # a sidecar next to an article
    (folder / f"{second}.meta.toml").write_text('author = "Penyunting Zebra"\n', encoding="utf-8")
    _eventually(lambda: _served_page(output, address, second, "Penyunting Zebra"), "the sidecar")

    # an article deleted: its page is gone from the served site (Pelican's
    # server answers a missing page by closing the connection)
    gone = article_page(output, "baru").parent.relative_to(output).as_posix()
    (folder / "baru.txt").unlink()
    _eventually(
        lambda: _get(f"{address}/{gone}/")[0] != 200 and _get(f"{address}/")[0] == 200,
        "the deleted article gone",
    )
    assert not (output / gone).exists()


def test_an_edit_saved_while_the_first_build_runs_is_not_lost(tmp_path):
    """Saved as soon as the first build has begun (its output folder is
    there), while it reads the articles or writes the pages: the site
    shows the edit once the devserver has caught up, whenever it landed."""
    with _devserver(tmp_path, lambda folder, output, address: output.is_dir()) as site:
        folder, output, address = site
        first = SEED_FILES[0].stem
        with (folder / f"{first}.txt").open("a", encoding="utf-8") as raw:
            raw.write("\nKata uji zebrakuda ditambahkan penyunting ke artikel ini.\n")
        _eventually(lambda: _served_page(output, address, first, "zebrakuda"), "the edit")


def test_the_devserver_watches_the_input_folders_but_not_what_the_build_writes(tmp_path):
    folder, content = tmp_path / "scrapes", tmp_path / "content"
    folder.mkdir()
    content.mkdir()
    settings = {
        "PATH": str(content),
        "ARTICLE_PATHS": [str(folder)],
        "THEME": str(ROOT / "plugins" / "news_digest" / "theme"),
        "STATIC_PATHS": [],
        "OUTPUT_PATH": str(folder / "out"),
        "NEWS_DIGEST_CACHE_ROOT": str(folder / "cache"),
    }
    paths = devserver.watched_paths(str(ROOT / "pelicanconf.py"), settings)
    assert str(folder) in paths and str(content) in paths
    watching = devserver._InputFilter(["**/.*"], [settings["OUTPUT_PATH"], str(folder / "cache")])
    added = devserver.watchfiles.Change.added
    assert watching(added, str(folder / "a.txt"))
    assert watching(added, str(folder / "a.meta.toml"))
    assert not watching(added, str(folder / "out" / "index.html"))
    assert not watching(added, str(folder / "cache" / build_lock.FILE_NAME))
    assert not watching(added, str(folder / ".a.txt.swp"))
    assert watching(added, str(folder / "outlet.txt"))  # a name that starts like `out`
