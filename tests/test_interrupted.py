"""A build killed halfway, at each of its stages, and the build after it.

Each case builds a folder of stories (tests/fixtures/events less one
article; the output and the cache warm), changes it (an article of a
story edited, one deleted, one added to a story), starts a build that is killed
with SIGKILL at one point (tests/interrupt.py: the build's whole process
group, nothing run on the way out), and then builds again. What the
killed build leaves is each file whole, as the first build or as a
complete build of the changed folder has it, never half of one (every
file is written to a temporary file and renamed into place); the build
after it gives the site a cold build of the changed folder gives, file for
file, with no warning; and the cache is not poisoned: one more build
redoes nothing.
"""

from __future__ import annotations

import errno
import gzip
import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest
from news_digest import content_cache, outputs, search_index

from .conftest import EVENTS, ROOT, build_site

#: Eleven articles in eight search shards, so that a change re-indexes
#: some shards and keeps others.
SHARDS = ["-e", "NEWS_DIGEST_SEARCH_SHARD_PAGES=2"]
#: The change: a day of a daily series edited, an article alone in its
#: story deleted, and a third outlet's report added to a story of two.
EDITED, DELETED, ADDED = (
    "liputan6-ihsg-ditutup-17-juni.txt",
    "tempo-timnas-menang.txt",
    "kompas-kapal-madleen.txt",
)
NEW_LINE = "Analis memperkirakan IHSG bergerak mendatar pekan depan."


def _command(base: Path) -> list[str]:
    return [
        str(ROOT / "content"), "-o", str(base / "out"), "-s", str(ROOT / "pelicanconf.py"),
        "--cache-path", str(base / "cache"), *SHARDS,
    ]  # fmt: skip


def _environment(folder: Path, **extra: str) -> dict[str, str]:
    return {"PATH": "/usr/bin:/bin", "NEWS_DIGEST_SEEDS": str(folder), **extra}


def _build(base: Path, folder: Path, **extra: str) -> subprocess.CompletedProcess:
    """`make html` of `folder` into base/out with the cache base/cache."""
    command = [sys.executable, "-m", "pelican", *_command(base)]
    env = _environment(folder, **extra)
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)


def _killed_build(base: Path, folder: Path, point: str) -> subprocess.CompletedProcess:
    """The same build, killed at `point` (tests/interrupt.py), in a process
    group of its own; what it reached is in base/reached."""
    command = [sys.executable, str(ROOT / "tests" / "interrupt.py"), point, *_command(base)]
    env = _environment(folder, INTERRUPT_MARKER=str(base / "reached"))
    return subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=300, start_new_session=True
    )


def _folder(folder: Path) -> Path:
    """The folder before the change: the events fixture less ADDED."""
    shutil.copytree(EVENTS, folder, ignore=lambda _, names: [n for n in names if n == ADDED])
    return folder


def _change(folder: Path) -> None:
    """An article edited, one deleted and one added (EDITED, DELETED, ADDED)."""
    edited = folder / EDITED
    edited.write_text(edited.read_text(encoding="utf-8") + f"\n{NEW_LINE}\n", encoding="utf-8")
    (folder / DELETED).unlink()
    shutil.copy(EVENTS / ADDED, folder / ADDED)


def _files(site: Path) -> dict[str, bytes]:
    """Every output file's bytes, Pagefind's bundles aside (Pagefind varies
    its files' byte order from run to run; they are compared by what they
    index, `_index`)."""
    return {
        str(p.relative_to(site)): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and search_index.BUNDLES_FOLDER not in p.relative_to(site).parts
    }


def _index(site: Path) -> dict[str, tuple[int, str]]:
    """Each search bundle: the pages it indexes and the fingerprint of the
    pages it was built from."""
    index = {}
    for bundle in sorted((site / search_index.BUNDLES_FOLDER).iterdir()):
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        pages = sum(language["page_count"] for language in entry["languages"].values())
        index[bundle.name] = (pages, (bundle / search_index.BUNDLE_FINGERPRINT).read_text())
    return index


def _counts(base: Path, folder: Path) -> dict[str, int]:
    """What one more build redid (timing.COUNTS)."""
    report = base / "timings.json"
    result = _build(base, folder, NEWS_DIGEST_TIMINGS=str(report))
    assert result.returncode == 0, result.stderr
    return json.loads(report.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def cold(tmp_path_factory) -> Path:
    """A cold build of the changed folder: what every recovery must equal
    (the folder under the same name, so the site has the same name)."""
    base = tmp_path_factory.mktemp("cold")
    folder = _folder(base / "scrapes")
    _change(folder)
    result = _build(base, folder)
    assert result.returncode == 0, result.stderr
    return base / "out"


@pytest.mark.parametrize(
    "point",
    [
        "reading",
        "content-cache",
        "grouping",
        "digest",
        "key-points",
        "pages",
        "search-index",
        "search-fingerprint",
        "sweep",
    ],
)
def test_a_killed_build_leaves_whole_files_and_the_next_build_repairs_the_site(
    tmp_path, cold, point
):
    folder = _folder(tmp_path / "scrapes")
    first = _build(tmp_path, folder)
    assert first.returncode == 0, first.stderr
    before = _files(tmp_path / "out")
    cache = next((tmp_path / "cache").glob("news-digest-*"))
    cache_before = {p.name: p.read_bytes() for p in cache.iterdir()}
    _change(folder)

    killed = _killed_build(tmp_path, folder, point)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert (tmp_path / "reached").read_text(encoding="utf-8") == point

    # every file is whole: the first build's or the changed folder's
    after = _files(cold)
    left = _files(tmp_path / "out")
    partial = [name for name in left if name.endswith(outputs.PARTIAL_SUFFIX)]
    halves = [n for n in left if n not in partial and left[n] not in (before.get(n), after.get(n))]
    assert halves == []
    assert all(os.path.basename(name).startswith(".") for name in partial)
    for path in cache.iterdir():
        if path.name.endswith(outputs.PARTIAL_SUFFIX):
            continue
        if path.is_dir() and path.name.startswith(search_index.SCRATCH_PREFIX):
            continue  # Pagefind's scratch folder of a shard; its next run clears it
        if path.suffix == ".json":
            json.loads(path.read_bytes())
        elif path.name.endswith("-Readers"):  # Pelican's generators' content caches
            assert isinstance(content_cache.unpickled(path.read_bytes()), dict), path.name
        else:
            assert isinstance(pickle.loads(path.read_bytes()), dict), path.name
    if point in {"content-cache", "key-points"}:  # the file being saved: still the old one
        name = "ArticlesGenerator-Readers" if point == "content-cache" else "key-points.pickle"
        assert (cache / name).read_bytes() == cache_before[name]

    again = _build(tmp_path, folder)
    assert again.returncode == 0, again.stderr
    assert "WARNING" not in again.stdout + again.stderr  # nothing found damaged
    assert "another build" not in again.stderr  # the killed build's lock went with it
    assert _files(tmp_path / "out") == after
    assert _index(tmp_path / "out") == _index(cold)
    assert [p.name for p in cache.iterdir() if p.name.endswith(outputs.PARTIAL_SUFFIX)] == []

    redone = _counts(tmp_path, folder)
    assert redone["articles"] == 11
    assert {k: redone[k] for k in REDONE} == dict.fromkeys(REDONE, 0)


#: What a build after a complete one redoes: nothing.
REDONE = (
    "articles_processed",
    "events_digested",
    "search_shards_built",
    "files_written",
    "files_swept",
)


@pytest.mark.parametrize(
    ("name", "keep"),
    [
        ("ArticlesGenerator-Readers", 0),  # empty: Pelican itself stopped every build on it
        ("ArticlesGenerator-Readers", 0.5),
        ("key-points.pickle", 0.5),
        ("search-shards.json", 0.5),
    ],
)
def test_a_damaged_cache_file_is_one_warning_and_is_redone(tmp_path, cold, name, keep):
    """A cache file cut short (by a tool, a disk; the build itself writes
    each whole): the next build says so once, naming it, works out again
    what it held, and gives the cold build's site; the build after that
    redoes nothing."""
    folder = _folder(tmp_path / "scrapes")
    _change(folder)
    first = _build(tmp_path, folder)
    assert first.returncode == 0, first.stderr
    damaged = next((tmp_path / "cache").glob("news-digest-*")) / name
    data = damaged.read_bytes()
    damaged.write_bytes(data[: int(len(data) * keep)])

    again = _build(tmp_path, folder)
    assert again.returncode == 0, again.stderr
    said = again.stdout + again.stderr
    flat = "".join(said.split())  # the log wraps its lines
    assert said.count("WARNING") == 1 and "cannotberead" in flat and name in flat, said
    assert _files(tmp_path / "out") == _files(cold)
    assert _index(tmp_path / "out") == _index(cold)
    redone = _counts(tmp_path, folder)
    assert {k: redone[k] for k in REDONE} == dict.fromkeys(REDONE, 0)


# ---- a disk that will not take the site ----------------------------------------------------


def _stopped_once(result: subprocess.CompletedProcess, *words: str) -> str:
    """The build failed with one message holding `words`, and no traceback."""
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert "Traceback" not in said
    stops = [line for line in said.splitlines() if line.startswith("news_digest: ")]
    assert len(stops) == 1, said
    assert all(word in stops[0] for word in words), stops[0]
    return stops[0]


def test_an_output_folder_that_is_a_file_stops_the_build_before_anything(tmp_path):
    folder = _folder(tmp_path / "scrapes")
    (tmp_path / "out").write_text("a file, not a folder\n", encoding="utf-8")
    result = _build(tmp_path, folder)
    _stopped_once(result, str(tmp_path / "out"), "it is a file, not a folder", "Nothing was built")
    assert (tmp_path / "out").read_text(encoding="utf-8") == "a file, not a folder\n"


def _file_size_limit(limit: int):
    """For a child process: a disk that takes no file over `limit` bytes
    (a write beyond it fails with EFBIG, "File too large", as a full disk
    fails with ENOSPC), whoever runs the tests (no root, no mount)."""

    def limited() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an error, not a kill
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limited


def test_a_disk_that_will_not_take_a_page_stops_the_build_and_the_next_build_repairs(
    tmp_path, cold
):
    folder = _folder(tmp_path / "scrapes")
    _change(folder)
    command = [sys.executable, "-m", "pelican", *_command(tmp_path)]
    full = subprocess.run(
        command,
        env=_environment(folder),
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=_file_size_limit(6500),  # some article pages (5.8 to 7 KB) fit
    )
    stop = _stopped_once(full, "File too large", "The build stopped")
    assert stop.startswith(f"news_digest: could not write {tmp_path / 'out' / 'artikel'}/")
    written = _files(tmp_path / "out")
    assert [name for name in written if name.endswith(outputs.PARTIAL_SUFFIX)] == []
    assert [n for n in written if written[n] != _files(cold).get(n)] == []  # nothing half

    again = _build(tmp_path, folder)
    assert again.returncode == 0, again.stderr
    assert _files(tmp_path / "out") == _files(cold)
    assert _index(tmp_path / "out") == _index(cold)


class _FullDisk:
    """A new file on a full disk: it opens, and what is written to it
    fails with ENOSPC."""

    def __init__(self, handle, path):
        self.handle, self.path = handle, path

    def write(self, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), self.path)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()


def _no_space(when):
    """`outputs._open_new` giving a full disk's file for the paths `when`
    picks."""
    original = outputs._open_new

    def open_new(path):
        handle = original(path)
        return _FullDisk(handle, path) if when(path) else handle

    return open_new


@pytest.mark.parametrize(
    ("what", "where"),
    [
        ("an article page", f"{os.sep}artikel{os.sep}"),
        ("the digest's JSON", "digest.json"),
        ("a search shard's fingerprint", search_index.BUNDLE_FINGERPRINT),
    ],
)
def test_a_full_disk_stops_the_build_with_one_message_naming_the_file(
    tmp_path, monkeypatch, what, where
):
    monkeypatch.setattr(outputs, "_open_new", _no_space(lambda path: where in path))
    with pytest.raises(SystemExit) as stopped:
        build_site(tmp_path / "out", seeds=EVENTS)
    message = str(stopped.value)
    assert message.startswith(f"news_digest: could not write {tmp_path / 'out'}{os.sep}"), what
    named = message.removeprefix("news_digest: could not write ").split(":")[0]
    assert where in named and not named.endswith(outputs.PARTIAL_SUFFIX)
    assert "No space left on device" in message


def test_a_theme_file_pelican_could_not_copy_stops_the_build(tmp_path, monkeypatch):
    """Pelican only warns when a copy fails; a site without its style
    sheet must not pass for built (nor be deployed)."""
    import shutil as shutil_module

    original = shutil_module.copyfile

    def copyfile(source, target, *args, **kwargs):
        if str(source).endswith("site.css"):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), target)
        return original(source, target, *args, **kwargs)

    monkeypatch.setattr(shutil_module, "copyfile", copyfile)
    with pytest.raises(SystemExit) as stopped:
        build_site(tmp_path / "out", seeds=EVENTS)
    assert "could not copy" in str(stopped.value) and "site.css" in str(stopped.value)


def test_make_github_never_deploys_a_site_that_did_not_build(tmp_path):
    """`make github` publishes, then pushes the output folder; when the
    build stops, make stops before ghp-import."""
    not_a_folder = tmp_path / "out"
    not_a_folder.write_text("", encoding="utf-8")
    result = subprocess.run(
        ["make", "-C", str(ROOT), "github", f"OUTPUTDIR={not_a_folder}", "GITHUB_REMOTE=nowhere"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "it is a file, not a folder" in result.stderr
    assert "ghp-import" not in result.stdout + result.stderr


# ---- two builds at once --------------------------------------------------------------------


def test_a_second_build_waits_for_the_first_and_the_site_is_the_second_ones(tmp_path, cold):
    """`make html` of a folder, and meanwhile (the first build paused as it
    groups, holding the lock in the cache folder) `make html` of the
    changed folder into the same output and cache folders: the second says
    it waits, builds once the first is done, and the site is the changed
    folder's, file for file."""
    first_folder = _folder(tmp_path / "scrapes")
    second_folder = _folder(tmp_path / "second" / "scrapes")
    _change(second_folder)
    go_on, reached = tmp_path / "go-on", tmp_path / "reached"
    driver = str(ROOT / "tests" / "interrupt.py")
    command = [sys.executable, driver, "grouping", *_command(tmp_path)]
    env = _environment(first_folder, INTERRUPT_MARKER=str(reached), INTERRUPT_PAUSE=str(go_on))
    first = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait_for(reached.exists)
        second = subprocess.Popen(
            [sys.executable, "-m", "pelican", *_command(tmp_path)],
            env=_environment(second_folder),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        waiting = second.stderr.readline()  # blocks until it says something
        assert waiting.startswith("news_digest: another build (process ")
        assert f"{first.pid}) is using the cache folder {tmp_path / 'cache'}" in waiting
        assert first.poll() is None and second.poll() is None  # it waits; nothing interleaves
    finally:
        go_on.touch()
        _, first_err = first.communicate(timeout=300)
    assert first.returncode == 0, first_err
    _, err = second.communicate(timeout=300)
    assert second.returncode == 0, err
    assert _files(tmp_path / "out") == _files(cold)
    assert _index(tmp_path / "out") == _index(cold)


def _wait_for(condition, seconds: float = 120) -> None:
    import time

    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the build never got there"
        time.sleep(0.05)


# ---- a file saved while a build reads it ---------------------------------------------------


def test_an_article_saved_while_the_build_reads_it_is_read_again_by_the_next(tmp_path, monkeypatch):
    """The editor saves an article just after the build read it (before
    Pelican stored it in the cache with its stamp): the next build sees
    the new text (the stamp is the one taken before reading)."""
    from news_digest import reader

    folder = _folder(tmp_path / "scrapes")
    edited = folder / EDITED
    original, saved = reader._process, []

    def process_then_save(path, *args):
        result = original(path, *args)
        if path == str(edited) and not saved:  # saved once, mid-build
            edited.write_text(edited.read_text(encoding="utf-8") + f"\n{NEW_LINE}\n", "utf-8")
            saved.append(path)
        return result

    monkeypatch.setattr(reader, "_process", process_then_save)
    site = build_site(tmp_path / "out", seeds=folder)
    assert saved and NEW_LINE not in _page_of(site, EDITED)  # this build read it before
    monkeypatch.setattr(reader, "_process", original)
    build_site(tmp_path / "out", seeds=folder)
    assert NEW_LINE in _page_of(site, EDITED)


def _page_of(site: Path, name: str) -> str:
    identifier = name.removesuffix(".txt")
    for page in sorted((site / "artikel").glob("*/index.html")):
        html = page.read_text(encoding="utf-8")
        if f'data-identifier="{identifier}"' in html:
            return html
    raise AssertionError(f"no page for {identifier}")


@pytest.mark.parametrize("compressed", [False, True])
def test_the_content_cache_is_written_as_it_is_pickled_and_reads_back_whole(
    tmp_path, monkeypatch, compressed
):
    """The cache goes to disk as pickle makes it (never a second copy of
    itself in memory first), compressed or not, the same bytes each time
    (no time stamp in the gzip header), and loads back equal."""
    cache = {
        f"artikel-{n}.txt": ("stamp", ("<p>teks</p>", {"title": f"Judul {n}"})) for n in range(50)
    }
    cacher = type("Cacher", (), {})()
    cacher._cache, cacher._cache_data_policy = cache, True
    cacher.settings = {"GZIP_CACHE": compressed}
    clock = iter(range(1_000_000_000, 2_000_000_000, 1000))  # each save a later second
    monkeypatch.setattr(gzip.time, "time", lambda: float(next(clock)))
    written = []
    for name in ("one", "two"):
        cacher._cache_path = str(tmp_path / name)
        content_cache.save_cache(cacher)
        written.append((tmp_path / name).read_bytes())
    assert written[0] == written[1]
    assert written[0].startswith(b"\x1f\x8b") == compressed  # gzip's magic number
    assert content_cache.load(str(tmp_path / "one"), compressed) == cache
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(outputs.PARTIAL_SUFFIX)]


def test_the_content_cache_is_pickled_a_batch_at_a_time_and_objects_shared_come_back(tmp_path):
    """The entries are pickled a batch at a time (the pickler's memo emptied after
    each: at 10,000 articles it was the build's peak of memory). Trap:
    objects an entry holds twice, and objects two entries share, come back
    equal and still shared within their entry."""
    shared = ["Liputan6.com", {"kota": "Jakarta"}]
    count = 2 * content_cache.BATCH + 3  # three pickles of entries
    cache = {f"artikel-{n}.txt": ("stamp", (shared, shared, [n] * 3)) for n in range(count)}
    cacher = type("Cacher", (), {})()
    cacher._cache, cacher._cache_data_policy = cache, True
    cacher.settings = {"GZIP_CACHE": False}
    cacher._cache_path = str(tmp_path / "cache")
    content_cache.save_cache(cacher)
    loaded = content_cache.load(cacher._cache_path, False)
    assert loaded == cache
    first, second, _ = loaded["artikel-3.txt"][1]
    assert first is second
    old_format = tmp_path / "old"
    old_format.write_bytes(pickle.dumps(cache))  # the whole dict as one pickle: not ours
    with pytest.raises(ValueError, match="does not hold a cache"):
        content_cache.unpickled(old_format.read_bytes())


class _CountingPickler(pickle.Pickler):
    """pickle.Pickler, counting what it pickles (FORMAT and each batch)."""

    dumped: ClassVar[list] = []

    def dump(self, obj):
        self.dumped.append(obj)
        return super().dump(obj)


def _cacher(cache: dict, path: Path):
    cacher = type("Cacher", (), {})()
    cacher._cache, cacher._cache_data_policy = cache, True
    cacher.settings = {"GZIP_CACHE": False}
    cacher._cache_path = str(path)
    return cacher


def _saved_and_loaded(tmp_path: Path, count: int) -> tuple[dict, Path]:
    cache = {f"artikel-{n}.txt": ("stamp", (f"<p>teks {n}</p>", {"n": n})) for n in range(count)}
    path = tmp_path / "cache"
    content_cache.save_cache(_cacher(cache, path))
    return content_cache.load(str(path), False), path


def _save_counting(cache: dict, path: Path, monkeypatch) -> list:
    """Save the cache, and say what was pickled (the rest was copied)."""
    dumped: ClassVar[list] = []
    with monkeypatch.context() as patch:
        patch.setattr(_CountingPickler, "dumped", dumped)
        patch.setattr(content_cache.pickle, "Pickler", _CountingPickler)
        content_cache.save_cache(_cacher(cache, path))
    return dumped


def test_saving_a_loaded_cache_copies_the_batches_no_file_changed(tmp_path, monkeypatch):
    """After one article is read again, saving the cache pickles only its
    batch; the others are copied from the file as they were, and the cache
    reads back with the new entry and every other one. Traps: an entry
    replaced by an equal one (a file read again, unchanged) and an entry
    added at the end (a new file) are pickled, not copied."""
    loaded, path = _saved_and_loaded(tmp_path, 3 * content_cache.BATCH + 5)
    assert isinstance(loaded, content_cache.Loaded)
    changed = f"artikel-{content_cache.BATCH + 7}.txt"
    same_again = f"artikel-{2 * content_cache.BATCH}.txt"
    loaded[changed] = ("new stamp", ("<p>teks baru</p>", {"n": -1}))
    stamp, entry = loaded[same_again]
    loaded[same_again] = (stamp, entry)  # equal, but not the object loaded
    expected = dict(loaded)
    dumped = _save_counting(loaded, path, monkeypatch)
    batches = [obj for obj in dumped if obj != content_cache.FORMAT]
    assert [batch[0][0] for batch in batches] == [
        f"artikel-{content_cache.BATCH}.txt",
        f"artikel-{2 * content_cache.BATCH}.txt",
    ]
    again = content_cache.load(str(path), False)
    assert again == expected
    assert again[changed][1][0] == "<p>teks baru</p>"

    again["artikel-new.txt"] = ("stamp", ("<p>baru</p>", {}))
    dumped = _save_counting(again, path, monkeypatch)
    assert [batch[0][0] for batch in dumped if batch != content_cache.FORMAT] == [
        f"artikel-{3 * content_cache.BATCH}.txt"  # the last batch, with the new entry
    ]
    assert content_cache.load(str(path), False) == again


def test_a_cache_file_replaced_since_it_was_loaded_is_pickled_whole(tmp_path, monkeypatch):
    """When the cache file is no longer the one loaded (another build
    saved its own meanwhile), nothing is copied from it: every batch is
    pickled from what this build holds."""
    loaded, path = _saved_and_loaded(tmp_path, 2 * content_cache.BATCH + 1)
    other = {name: ("other stamp", ("<p>lain</p>", {})) for name in loaded}
    content_cache.save_cache(_cacher(other, path))
    dumped = _save_counting(loaded, path, monkeypatch)
    assert len(dumped) == 1 + 3
    assert content_cache.load(str(path), False) == loaded
