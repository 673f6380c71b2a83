"""Pelican's content cache, written whole and read with care (Pelican glue).

Pelican keeps each reader's results (for us: every article's read, cleaned
and described record) in one pickle per generator in the cache folder,
which it writes in place at the end of reading. A build killed while it
writes (80 MB at 5,000 articles) would leave half a file, and Pelican
stops every later build on a cache file that is empty or a truncated
gzip ("EOFError", a traceback) until someone deletes it. So the plugin
replaces the two methods of Pelican's cacher (`install`):

- saving writes the pickle to a temporary file and renames it over the
  old one (outputs.replace_whole): the next build finds the old cache or
  the new one, whole;
- loading treats a cache file it cannot read back whole (truncated,
  empty, not a pickle) as no cache, with one warning naming it: every
  file is read again and the cache written anew;
- saving copies the batches of entries no file changed from the file
  they were loaded from (`Loaded`) and pickles only the others, so a
  warm build after one edit does not pickle every article again.

And Pelican stamps a file (its md5, and for an article its sidecar's) when
it stores what it read, after reading it: a file saved in between (while
the workers read every changed file, a minute at 5,000 articles, or while
`make devserver` builds) was stored with its new stamp and its old text,
and never read again. `stamp_before_reading` makes the stamp the one taken
when the build first looked the file up, before reading it: a file
changed meanwhile is read again by the next build.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import logging
import os
import pickle
from collections.abc import Callable
from functools import cache
from pathlib import Path

from pelican.cache import FileDataCacher

from . import outputs
from .options import DEFAULTS

logger = logging.getLogger(__name__)

_PELICAN_INIT = FileDataCacher.__init__


def install() -> None:
    """Pelican's cacher saves and loads as this module does, from now on
    (once per process; installing again changes nothing)."""
    FileDataCacher.__init__ = _init
    FileDataCacher.save_cache = save_cache


def _init(self, settings, cache_name, caching_policy, load_policy):
    _PELICAN_INIT(self, settings, cache_name, caching_policy, False)
    if load_policy:
        self._cache = load(self._cache_path, settings.get("GZIP_CACHE", False))


#: A cache file holds this text first, then pickles of lists of (path,
#: entry) pairs, BATCH entries each: pickled a batch at a time, with the
#: pickler's memo (its record of every object written so far: 70 MB at
#: 10,000 articles pickled whole, the build's peak of memory) emptied
#: after each. (One entry a pickle: each repeats the names of the classes
#: it holds, and the file grew by 40 %.)
FORMAT = "news-digest content cache: pickled lists of (path, entry)"
#: Entries per pickle: the memo of 256 articles is a few MB, and the file
#: is as small as one pickle of all of them (159 MB at 10,000 either way).
BATCH = 256


def load(path: str, compressed: bool) -> dict:
    """The cache in `path`; an empty one when there is none yet (no
    warning) or when the file cannot be read back whole (one warning).
    Uncompressed, it is a `Loaded` cache: it knows where each batch of it
    lies in the file, so that saving it copies the batches no file changed
    (`save_cache`)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
            status = os.fstat(handle.fileno())
    except FileNotFoundError:
        return {}
    except OSError as error:
        return _damaged(path, error.strerror or str(error))
    try:
        if compressed:
            return unpickled(gzip.decompress(data))
        cache = unpickled(data)
    except Exception as error:  # truncated, empty, foreign: read every file again
        return _damaged(path, f"{type(error).__name__}: {error}")
    cache.source = (path, _identity(status))
    return cache


class Loaded(dict):
    """A cache as read from its file: each batch's place in the file
    (offset, length) by its first entry's index, with the entries it
    held (path and entry, the very objects loaded: an entry replaced
    stays in memory until the cache is saved), and which file it was
    (`source`: its path and identity, set by `load`)."""

    def __init__(self):
        super().__init__()
        self.batches: dict[int, tuple[int, int, list]] = {}
        self.source: tuple[str, tuple] | None = None


def _identity(status: os.stat_result) -> tuple:
    """A file's identity: the same file, unchanged since it was read."""
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns)


def unpickled(data: bytes) -> Loaded:
    """The cache a file's (uncompressed) bytes hold; raises when they hold
    none, or not all of one."""
    stream = io.BytesIO(data)
    if pickle.load(stream) != FORMAT:
        raise ValueError("it does not hold a cache")
    cache = Loaded()
    while (start := stream.tell()) < len(data):
        entries = pickle.load(stream)
        cache.batches[len(cache)] = (start, stream.tell() - start, entries)
        cache.update(entries)
    return cache


def _damaged(path: str, why: str) -> dict:
    logger.warning(
        "%s: the content cache cannot be read (%s); every article is read again "
        "and the cache written anew",
        path, why,
    )  # fmt: skip
    return {}


def save_cache(self) -> None:
    """Pelican's `save_cache`, writing the file whole."""
    if not self._cache_data_policy:
        return
    compressed = self.settings.get("GZIP_CACHE", False)

    def write(handle) -> None:  # pickled straight to the file (outputs.replace_whole_by)
        if compressed:  # with no time in gzip's header: the same cache, the same bytes
            with gzip.GzipFile(fileobj=handle, mode="wb", mtime=0) as zipped:
                _pickle_entries(self._cache, zipped)
        else:
            with _unchanged_batches(self._cache) as copy:
                _pickle_entries(self._cache, handle, copy)

    try:
        outputs.replace_whole_by(self._cache_path, write)
    except (OSError, pickle.PicklingError, TypeError) as error:
        logger.warning(
            "%s: the content cache could not be saved (%s); the next build reads every "
            "article again",
            self._cache_path, error,
        )  # fmt: skip


def _pickle_entries(
    cache: dict, handle, copy: Callable[[int, list], bytes | None] | None = None
) -> None:
    """FORMAT, then the entries a batch at a time (see FORMAT); a batch
    `copy` gives the bytes of (the one loaded, whose entries no file
    changed) is copied as it was, not pickled again: after one article's
    edit, saving the bench's 5,000 articles takes 0.08 s instead of 0.33."""
    pickler = pickle.Pickler(handle)
    pickler.dump(FORMAT)
    pickler.clear_memo()
    entries = list(cache.items())
    for start in range(0, len(entries), BATCH):
        batch = entries[start : start + BATCH]
        if copy is not None and (same := copy(start, batch)) is not None:
            handle.write(same)
            continue
        pickler.dump(batch)
        pickler.clear_memo()  # each pickle is read back on its own


@contextlib.contextmanager
def _unchanged_batches(cache: dict):
    """A function giving a batch's bytes in the file the cache was loaded
    from, when the batch starting at that index holds the same entries
    (the same paths, the very objects loaded: Pelican stores a new entry
    for a file it reads again) and the file is still the one loaded; None
    otherwise."""
    source = getattr(cache, "source", None)
    with contextlib.ExitStack() as stack:
        try:
            handle = stack.enter_context(open(source[0], "rb")) if source else None
            if handle and _identity(os.fstat(handle.fileno())) != source[1]:
                handle = None
        except OSError:
            handle = None
        if handle is None:
            yield None
            return

        def copy(start: int, batch: list) -> bytes | None:
            loaded = cache.batches.get(start)
            if loaded is None or len(loaded[2]) != len(batch):
                return None
            offset, length, entries = loaded
            if any(p != q or e is not f for (p, e), (q, f) in zip(batch, entries, strict=True)):
                return None
            handle.seek(offset)
            same = handle.read(length)
            return same if len(same) == length else None

        yield copy


def stamp_before_reading(generator) -> None:
    """From now on in this build, a file's stamp is the one taken when the
    generator first asked for it (looking it up in the cache, before
    reading it), also when Pelican stores what it read. Connected after
    the input folder's guard (reader.guard_input_folder), whose stamp
    (the file's and its sidecar's) it keeps."""
    readers = getattr(generator, "readers", None)
    if readers is None or getattr(readers, "_news_digest_stamps", None) is not None:
        return
    stamp, taken = readers._get_file_stamp, {}
    readers._news_digest_stamps = taken

    def stamp_once(path):
        if path not in taken:
            taken[path] = stamp(path)
        return taken[path]

    readers._get_file_stamp = stamp_once


@cache
def code_fingerprint() -> str:
    """A hash of this package's code and data tables: cached reader results
    from another version of the pipeline must not be reused."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted([*package.glob("*.py"), *package.glob("data/*.toml")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def versioned_path(settings) -> str:
    """The cache folder of this version of the pipeline and of the settings
    the readers use, inside the folder the user named (CACHE_PATH)."""
    reader_settings = repr([settings.get(k) for k in (*sorted(DEFAULTS), "DEFAULT_LANG")])
    version = hashlib.sha256((code_fingerprint() + reader_settings).encode()).hexdigest()[:16]
    return os.path.join(settings["CACHE_PATH"], f"news-digest-{version}")
